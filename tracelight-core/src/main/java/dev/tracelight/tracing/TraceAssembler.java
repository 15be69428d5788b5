package dev.tracelight.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The span processor that turns OpenTelemetry spans into MLflow traces. On start it stamps each span
 * with its MLflow trace id; it collects ended spans per trace, and when the trace's root ends it
 * assembles the {@link Trace} and hands it on. The first span seen of a trace is its root, so a trace
 * nested in another provider's span still completes.
 */
final class TraceAssembler implements SpanProcessor {
  private static final Logger logger = Logger.getLogger(TraceAssembler.class.getName());
  /** Bounds memory when spans are never ended; spans beyond it are dropped and counted. */
  static final int MAX_SPANS_PER_TRACE = 100_000;

  private final Map<String, InFlightTrace> inFlight = new ConcurrentHashMap<>();
  private final Supplier<String> experimentId;
  private final Consumer<Trace> onTraceFinished;

  TraceAssembler(Supplier<String> experimentId, Consumer<Trace> onTraceFinished) {
    this.experimentId = experimentId;
    this.onTraceFinished = onTraceFinished;
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    try {
      String traceId = span.getSpanContext().getTraceId();
      span.setAttribute(
          SpanAttributeKey.REQUEST_ID, TraceJson.quote(TraceIds.mlflowTraceId(traceId)));
      inFlight.computeIfAbsent(traceId, id -> new InFlightTrace(span.getSpanContext().getSpanId()));
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, "Tracelight could not start a span; the traced code continues", e);
    }
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    try {
      SpanData data = span.toSpanData();
      InFlightTrace trace = inFlight.get(data.getTraceId());
      if (trace == null) {
        logger.fine(() -> "Span " + data.getName() + " ended after its trace was finished; dropped");
        return;
      }
      trace.add(data);
      if (data.getSpanId().equals(trace.rootSpanId) && inFlight.remove(data.getTraceId(), trace)) {
        onTraceFinished.accept(assemble(trace));
      }
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, "Tracelight could not record a span; the traced code continues", e);
    }
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  private Trace assemble(InFlightTrace trace) {
    List<Span> spans = new ArrayList<>();
    Span root = null;
    for (SpanData data : trace.spans()) {
      Span span = SpanDataConverter.convert(data, trace.rootSpanId);
      spans.add(span);
      if (data.getSpanId().equals(trace.rootSpanId)) {
        root = span;
      }
    }
    return TraceFactory.create(spans, root, experimentId.get());
  }

  /** Traces whose root has not ended yet. */
  int inFlightCount() {
    return inFlight.size();
  }

  @Override
  public CompletableResultCode shutdown() {
    inFlight.clear();
    return CompletableResultCode.ofSuccess();
  }

  private static final class InFlightTrace {
    final String rootSpanId;
    private final List<SpanData> spans = new ArrayList<>();

    InFlightTrace(String rootSpanId) {
      this.rootSpanId = rootSpanId;
    }

    synchronized void add(SpanData data) {
      if (spans.size() < MAX_SPANS_PER_TRACE) {
        spans.add(data);
      }
    }

    synchronized List<SpanData> spans() {
      return new ArrayList<>(spans);
    }
  }
}
