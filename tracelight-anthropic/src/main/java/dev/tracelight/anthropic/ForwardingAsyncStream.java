package dev.tracelight.anthropic;

import com.anthropic.core.http.AsyncStreamResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * An {@link AsyncStreamResponse} that forwards to the SDK's, with a hook on the subscriber's
 * handler and its own completion future: subclasses settle {@link #completed} from the SDK's
 * future with the very same outcome, after whatever they must do first, so continuations the
 * caller chains on it run after that.
 */
abstract class ForwardingAsyncStream<T> implements AsyncStreamResponse<T> {
  final AsyncStreamResponse<T> delegate;
  final CompletableFuture<Void> completed = new CompletableFuture<>();

  ForwardingAsyncStream(AsyncStreamResponse<T> delegate) {
    this.delegate = delegate;
  }

  /** The handler the SDK calls in place of the subscriber's. */
  abstract Handler<T> decorate(Handler<? super T> handler);

  /** Completes {@link #completed} as the SDK's future completed. */
  final void settle(Void value, Throwable error) {
    if (error != null) {
      completed.completeExceptionally(error);
    } else {
      completed.complete(value);
    }
  }

  @Override
  public final AsyncStreamResponse<T> subscribe(Handler<? super T> handler) {
    // A null handler goes through, so the caller gets the SDK's own error for it.
    delegate.subscribe(handler == null ? null : decorate(handler));
    return this;
  }

  @Override
  public final AsyncStreamResponse<T> subscribe(Handler<? super T> handler, Executor executor) {
    delegate.subscribe(handler == null ? null : decorate(handler), executor);
    return this;
  }

  @Override
  public final CompletableFuture<Void> onCompleteFuture() {
    return completed;
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
