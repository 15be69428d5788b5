package dev.tracelight.anthropic;

import com.anthropic.core.http.Headers;
import com.anthropic.core.http.HttpResponse;
import com.anthropic.core.http.HttpResponseFor;
import dev.tracelight.tracing.LiveSpan;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wraps the SDK's raw {@link HttpResponseFor} so the span ends with the parsed result: when
 * {@code parse()} returns (a stream then stays traced until consumed) or throws, or, for
 * raw-response users who only read the body, on {@code close()}. Every method delegates, default
 * ones included, so the wrapped response behaves exactly like the SDK's; a plain class rather than
 * a dynamic proxy keeps the SDK's own hot path free of reflection.
 */
final class TracedResponses {
  private TracedResponses() {}

  static Object wrap(HttpResponseFor<?> response, Operation operation, LiveSpan span) {
    return new Traced<>(response, operation, span);
  }

  private static final class Traced<T> implements HttpResponseFor<T> {
    private final HttpResponseFor<T> delegate;
    private final Operation operation;
    private final LiveSpan span;
    private final AtomicBoolean recorded = new AtomicBoolean();

    Traced(HttpResponseFor<T> delegate, Operation operation, LiveSpan span) {
      this.delegate = delegate;
      this.operation = operation;
      this.span = span;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T parse() {
      T result;
      try {
        result = delegate.parse();
      } catch (RuntimeException | Error e) {
        if (recorded.compareAndSet(false, true)) {
          AnthropicSpanRecorder.fail(span, e);
        }
        throw e;
      }
      return recorded.compareAndSet(false, true)
          ? (T) AnthropicSpanRecorder.onResult(operation, span, result)
          : result;
    }

    @Override
    public int statusCode() {
      return delegate.statusCode();
    }

    @Override
    public Headers headers() {
      return delegate.headers();
    }

    @Override
    public Optional<String> requestId() {
      return delegate.requestId();
    }

    @Override
    public Optional<String> workspaceId() {
      return delegate.workspaceId();
    }

    @Override
    public InputStream body() {
      return delegate.body();
    }

    @Override
    public <R> R json(Class<R> type) {
      return delegate.json(type);
    }

    @Override
    public HttpResponse buffered() {
      return delegate.buffered();
    }

    @Override
    public void close() {
      try {
        delegate.close();
      } finally {
        if (recorded.compareAndSet(false, true)) {
          span.end(); // body read directly, never parsed: end with what we know
        }
      }
    }

    @Override
    public String toString() {
      return delegate.toString();
    }
  }
}
