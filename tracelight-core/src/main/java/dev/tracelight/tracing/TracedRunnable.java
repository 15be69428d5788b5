package dev.tracelight.tracing;

/**
 * Code without a result run inside a span by
 * {@link Tracelight#trace(String, SpanType, TracedRunnable)}. May throw any exception, which is
 * recorded and rethrown.
 */
@FunctionalInterface
public interface TracedRunnable<E extends Throwable> {
  void run() throws E;
}
