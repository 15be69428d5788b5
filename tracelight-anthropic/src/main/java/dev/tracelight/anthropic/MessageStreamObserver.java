package dev.tracelight.anthropic;

import com.anthropic.helpers.BetaMessageAccumulator;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.beta.messages.BetaRawMessageStreamEvent;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tracelight.tracing.LiveSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Accumulates a message stream (GA or beta) with the SDK's own accumulator, so a complete stream is
 * recorded exactly like the {@code Message} a non-streaming call returns, usage included. Notes the
 * time to the first content chunk. A stream that stops early is recorded as incomplete, with the
 * message rebuilt from the events that did arrive.
 */
final class MessageStreamObserver implements StreamObserver {
  private static final Logger logger = Logger.getLogger(MessageStreamObserver.class.getName());
  /** Events kept for rebuilding an incomplete message; a longer stream keeps its first ones. */
  static final int MAX_KEPT_EVENTS = 50_000;

  private final JsonMapper mapper;
  private final long startNanos = System.nanoTime();
  private final List<Object> events = new ArrayList<>();
  private MessageAccumulator accumulator;
  private BetaMessageAccumulator betaAccumulator;
  private boolean accumulatorFailed;
  private long firstChunkNanos = -1;
  private int count;
  private boolean sawEnd;

  MessageStreamObserver(JsonMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public synchronized void onItem(Object item) {
    count++;
    if (events.size() < MAX_KEPT_EVENTS) {
      events.add(item);
    }
    if (item instanceof RawMessageStreamEvent) {
      RawMessageStreamEvent event = (RawMessageStreamEvent) item;
      noteProgress(event.isContentBlockDelta(), event.isMessageStop());
      if (!accumulatorFailed) {
        try {
          if (accumulator == null) {
            accumulator = MessageAccumulator.create();
          }
          accumulator.accumulate(event);
        } catch (RuntimeException e) {
          accumulationFailed(e);
        }
      }
    } else if (item instanceof BetaRawMessageStreamEvent) {
      BetaRawMessageStreamEvent event = (BetaRawMessageStreamEvent) item;
      noteProgress(event.isContentBlockDelta(), event.isMessageStop());
      if (!accumulatorFailed) {
        try {
          if (betaAccumulator == null) {
            betaAccumulator = BetaMessageAccumulator.create();
          }
          betaAccumulator.accumulate(event);
        } catch (RuntimeException e) {
          accumulationFailed(e);
        }
      }
    }
  }

  private void noteProgress(boolean contentDelta, boolean stop) {
    if (contentDelta && firstChunkNanos < 0) {
      firstChunkNanos = System.nanoTime();
    }
    sawEnd |= stop;
  }

  private void accumulationFailed(RuntimeException e) {
    accumulatorFailed = true;
    logger.log(Level.FINE, "Could not accumulate a message stream; recording what arrived", e);
  }

  @Override
  public synchronized boolean sawEnd() {
    return sawEnd;
  }

  @Override
  public synchronized void record(LiveSpan span, boolean complete) {
    span.setAttribute("gen_ai.request.stream", true);
    span.setAttribute("anthropic.stream.events", count);
    if (firstChunkNanos >= 0) {
      span.setAttribute("gen_ai.response.time_to_first_chunk", (firstChunkNanos - startNanos) / 1e9);
    }
    if (complete && sawEnd && !accumulatorFailed) {
      Object message = accumulator != null ? accumulator.message() : betaAccumulator.message();
      if (ChatResponses.record(span, message, mapper)) {
        return;
      }
    }
    span.setAttribute("anthropic.stream.incomplete", true);
    PartialMessage partial = PartialMessage.from(events, mapper);
    span.setOutputs(partial.message());
    Map<String, Object> usage = partial.usage();
    if (usage != null) {
      span.setAttribute(dev.tracelight.tracing.SpanAttributeKey.CHAT_USAGE, usage);
    }
  }
}
