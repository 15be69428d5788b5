package dev.tracelight.anthropic;

import com.anthropic.core.http.AsyncStreamResponse;
import dev.tracelight.tracing.LiveSpan;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * An {@link AsyncStreamResponse} that records the events its subscriber receives. The span ends
 * from {@link #onCompleteFuture()}, which the SDK completes after the last event, on failure and on
 * {@link #close()} alike, so it ends exactly once whatever happens. The future this stream hands
 * out completes just after, with the same outcome, so continuations the caller chains on it find
 * the span ended.
 */
final class TracedAsyncStreamResponse<T> implements AsyncStreamResponse<T> {
  private final AsyncStreamResponse<T> delegate;
  private final SpanEnding ending;
  private final CompletableFuture<Void> completed = new CompletableFuture<>();

  TracedAsyncStreamResponse(AsyncStreamResponse<T> delegate, LiveSpan span, StreamObserver observer) {
    this.delegate = delegate;
    this.ending = new SpanEnding(span, observer);
    delegate.onCompleteFuture().whenComplete((value, error) -> {
      try {
        if (error != null) {
          ending.failed(AnthropicSpanRecorder.unwrap(error));
        } else {
          ending.exhausted();
        }
      } finally {
        if (error != null) {
          completed.completeExceptionally(error);
        } else {
          completed.complete(value);
        }
      }
    });
  }

  @Override
  public AsyncStreamResponse<T> subscribe(Handler<? super T> handler) {
    delegate.subscribe(handler == null ? null : observing(handler));
    return this;
  }

  @Override
  public AsyncStreamResponse<T> subscribe(Handler<? super T> handler, Executor executor) {
    delegate.subscribe(handler == null ? null : observing(handler), executor);
    return this;
  }

  @Override
  public CompletableFuture<Void> onCompleteFuture() {
    return completed;
  }

  @Override
  public void close() {
    ending.closed();
    delegate.close();
  }

  private Handler<T> observing(Handler<? super T> handler) {
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
