package dev.tracelight.tracing;

import io.opentelemetry.context.Scope;

/** Runs a body inside a span, for {@link Tracelight#trace}: current for the body, ended after it. */
final class FunctionSpans {
  private FunctionSpans() {}

  static <T, E extends Throwable> T call(LiveSpan span, TracedCallable<T, E> body) throws E {
    T result;
    try (Scope ignored = span.makeCurrent()) {
      result = body.call();
    } catch (Throwable t) {
      span.recordException(t);
      span.end();
      throw t;
    }
    if (result != null) {
      span.setOutputs(result);
    }
    span.end();
    return result;
  }
}
