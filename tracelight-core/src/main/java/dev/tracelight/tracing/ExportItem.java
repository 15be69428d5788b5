package dev.tracelight.tracing;

import java.util.List;

/** One unit of export work: a finished trace, or a span that ended after its trace was exported. */
final class ExportItem {
  @Nullable private final PendingTrace trace;
  @Nullable private final Span lateSpan;
  @Nullable private final String experimentId;

  private ExportItem(@Nullable PendingTrace trace, @Nullable Span lateSpan, @Nullable String experimentId) {
    this.trace = trace;
    this.lateSpan = lateSpan;
    this.experimentId = experimentId;
  }

  static ExportItem trace(PendingTrace trace) {
    return new ExportItem(trace, null, trace.experimentId());
  }

  static ExportItem trace(Trace trace) {
    return trace(PendingTrace.ready(trace));
  }

  static ExportItem lateSpan(Span span, @Nullable String experimentId) {
    return new ExportItem(null, span, experimentId);
  }

  /** Whether this is a whole trace rather than a late span. */
  boolean isTrace() {
    return trace != null;
  }

  /** The trace (assembled now if needed), or null for a late span or a trace that failed to assemble. */
  @Nullable
  Trace trace() {
    return trace == null ? null : trace.trace();
  }

  /** The spans to send; empty when the trace failed to assemble. */
  List<Span> spans() {
    if (trace == null) {
      return List.of(lateSpan);
    }
    Trace t = trace.trace();
    return t == null ? List.of() : t.data().spans();
  }

  /** The experiment, when known at enqueue time. */
  @Nullable
  String experimentId() {
    return experimentId;
  }

  String traceId() {
    return trace != null ? trace.traceId() : lateSpan.traceId();
  }
}
