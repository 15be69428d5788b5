package dev.tracelight.anthropic;

import com.anthropic.core.http.AsyncStreamResponse;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An async stream whose callbacks run in the context that was current when the caller asked for
 * the stream: the subscribed handler's {@code onNext} and {@code onComplete}, and the continuations
 * chained on {@link #onCompleteFuture()}. The SDK calls them on its stream-handler thread, so
 * without this, spans the caller starts there would begin new traces; with it they nest under the
 * caller's span, as code after a blocking call would (the async stream's counterpart of
 * {@link CallbackContext}). Events, their order, exceptions and threads are the SDK's own.
 */
final class CallerContextAsyncStream<T> extends ForwardingAsyncStream<T> {
  private static final Logger logger = Logger.getLogger(CallerContextAsyncStream.class.getName());

  private final Context callerContext;

  private CallerContextAsyncStream(AsyncStreamResponse<T> delegate, Context callerContext) {
    super(delegate);
    this.callerContext = callerContext;
  }

  /** The stream with its callbacks in {@code callerContext}; the stream itself if that fails. */
  @SuppressWarnings("unchecked")
  static Object wrap(Object stream, Context callerContext) {
    if (!(stream instanceof AsyncStreamResponse) || stream instanceof CallerContextAsyncStream) {
      return stream;
    }
    try {
      CallerContextAsyncStream<Object> wrapped =
          new CallerContextAsyncStream<>((AsyncStreamResponse<Object>) stream, callerContext);
      wrapped.delegate.onCompleteFuture().whenComplete(wrapped::complete);
      return wrapped;
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "Could not carry the caller's context into an async stream", e);
      return stream;
    }
  }

  /** Completes the caller's future in the caller's context, so its continuations see it. */
  private void complete(Void value, Throwable error) {
    try (Scope ignored = callerContext.makeCurrent()) {
      settle(value, error);
    }
  }

  @Override
  Handler<T> decorate(Handler<? super T> handler) {
    return new Handler<T>() {
      @Override
      public void onNext(T value) {
        try (Scope ignored = callerContext.makeCurrent()) {
          handler.onNext(value);
        }
      }

      @Override
      public void onComplete(Optional<Throwable> error) {
        try (Scope ignored = callerContext.makeCurrent()) {
          handler.onComplete(error);
        }
      }
    };
  }
}
