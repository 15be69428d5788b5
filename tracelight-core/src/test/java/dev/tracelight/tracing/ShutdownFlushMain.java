package dev.tracelight.tracing;

/**
 * A program that records traces and exits at once, without calling flush: the JVM shutdown hook
 * must deliver them. Run by {@link ShutdownFlushIT} in a forked JVM.
 */
public final class ShutdownFlushMain {
  private ShutdownFlushMain() {}

  public static void main(String[] args) {
    Tracelight.setExperiment("shutdown-flush");
    for (int i = 0; i < 5; i++) {
      int n = i;
      Tracelight.trace("job-" + n, SpanType.CHAIN, () -> n * n);
      System.out.println("trace=" + Tracelight.lastActiveTraceId().orElseThrow());
    }
  }
}
