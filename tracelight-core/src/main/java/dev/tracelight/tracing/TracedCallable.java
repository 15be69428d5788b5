package dev.tracelight.tracing;

/**
 * Code run inside a span by {@link Tracelight#trace(String, SpanType, TracedCallable)}; its result
 * becomes the span's outputs. May throw any exception, which is recorded and rethrown.
 */
@FunctionalInterface
public interface TracedCallable<T, E extends Throwable> {
  T call() throws E;
}
