package dev.tracelight.tracing;

/**
 * Referenced by {@link TracedIT} only after the agent is installed, so it is woven on load rather
 * than retransformed. Kept in its own file: JUnit loads a test's nested classes while discovering.
 */
final class TracedLateLoaded {
  private TracedLateLoaded() {}

  @Traced(name = "late", spanType = "PARSER")
  static int twice(int number) {
    return 2 * number;
  }
}
