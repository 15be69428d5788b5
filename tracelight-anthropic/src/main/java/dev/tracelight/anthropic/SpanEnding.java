package dev.tracelight.anthropic;

import dev.tracelight.tracing.LiveSpan;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends a streamed call's span exactly once, whichever comes first: exhaustion, a failure, a close,
 * or the stream being abandoned. Holds no reference to the stream, so it can run as a cleaner.
 */
final class SpanEnding {
  private static final Logger logger = Logger.getLogger(SpanEnding.class.getName());

  private final LiveSpan span;
  private final StreamObserver observer;
  private final AtomicBoolean ended = new AtomicBoolean();

  SpanEnding(LiveSpan span, StreamObserver observer) {
    this.span = span;
    this.observer = observer;
  }

  void observe(Object item) {
    try {
      observer.onItem(item);
    } catch (RuntimeException e) {
      logger.log(Level.FINE, "Could not record a stream item", e);
    }
  }

  /** The stream ran out; a message stream is still incomplete without its end event. */
  void exhausted() {
    end(true, null);
  }

  void closed() {
    end(observer.sawEnd(), null);
  }

  void failed(Throwable error) {
    end(false, error);
  }

  void abandon() {
    end(false, null);
  }

  private void end(boolean complete, Throwable error) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    try {
      observer.record(span, complete && error == null);
    } catch (RuntimeException e) {
      logger.log(Level.FINE, "Could not record a stream's outcome", e);
    }
    if (error != null) {
      AnthropicSpanRecorder.fail(span, error); // records the exception and ends the span
    } else {
      span.end();
    }
  }
}
