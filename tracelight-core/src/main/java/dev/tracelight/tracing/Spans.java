package dev.tracelight.tracing;

/** Turns a detached span into a scoped one: current from now until it ends. */
final class Spans {
  private Spans() {}

  static LiveSpan attach(LiveSpan span) {
    if (span instanceof RecordingLiveSpan) {
      ((RecordingLiveSpan) span).attachToThread();
    } else if (span instanceof NoopLiveSpan) {
      return ((NoopLiveSpan) span).attachToThread();
    }
    return span;
  }
}
