package dev.tracelight.tracing;

import java.util.List;

/** One unit of export work: a finished trace, or a span that ended after its trace was exported. */
final class ExportItem {
  @Nullable private final Trace trace;
  @Nullable private final Span lateSpan;
  @Nullable private final String experimentId;

  private ExportItem(@Nullable Trace trace, @Nullable Span lateSpan, @Nullable String experimentId) {
    this.trace = trace;
    this.lateSpan = lateSpan;
    this.experimentId = experimentId;
  }

  static ExportItem trace(Trace trace) {
    return new ExportItem(trace, null, trace.info().experimentId());
  }

  static ExportItem lateSpan(Span span, @Nullable String experimentId) {
    return new ExportItem(null, span, experimentId);
  }

  /** The trace, or null for a late span. */
  @Nullable
  Trace trace() {
    return trace;
  }

  /** The spans to send. */
  List<Span> spans() {
    return trace != null ? trace.data().spans() : List.of(lateSpan);
  }

  /** The experiment, when known at enqueue time. */
  @Nullable
  String experimentId() {
    return experimentId;
  }

  String traceId() {
    return trace != null ? trace.info().traceId() : lateSpan.traceId();
  }
}
