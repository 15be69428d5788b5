package dev.tracelight.anthropic;

import com.anthropic.core.http.AsyncStreamResponse;
import dev.tracelight.tracing.LiveSpan;
import java.util.Optional;

/**
 * An {@link AsyncStreamResponse} that records the events its subscriber receives. The span ends
 * from {@link #onCompleteFuture()}, which the SDK completes after the last event, on failure and on
 * {@link #close()} alike, so it ends exactly once whatever happens. The future this stream hands
 * out completes just after, with the same outcome, so continuations the caller chains on it find
 * the span ended.
 */
final class TracedAsyncStreamResponse<T> extends ForwardingAsyncStream<T> {
  private final SpanEnding ending;

  TracedAsyncStreamResponse(AsyncStreamResponse<T> delegate, LiveSpan span,
      StreamObserver observer) {
    super(delegate);
    this.ending = new SpanEnding(span, observer);
    delegate.onCompleteFuture().whenComplete((value, error) -> {
      try {
        if (error != null) {
          ending.failed(AnthropicSpanRecorder.unwrap(error));
        } else {
          ending.exhausted();
        }
      } finally {
        settle(value, error);
      }
    });
  }

  @Override
  public void close() {
    ending.closed();
    super.close();
  }

  @Override
  Handler<T> decorate(Handler<? super T> handler) {
    return new Handler<T>() {
      @Override
      public void onNext(T value) {
        ending.observe(value);
        handler.onNext(value);
      }

      @Override
      public void onComplete(Optional<Throwable> error) {
        handler.onComplete(error);
      }
    };
  }
}
