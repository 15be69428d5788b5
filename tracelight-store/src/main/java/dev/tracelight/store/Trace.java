package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A trace: its info and its spans, ordered by start time. */
public final class Trace {
  private final TraceInfo info;
  private final List<SpanRecord> spans;

  private Trace(TraceInfo info, List<SpanRecord> spans) {
    this.info = requireNonNull(info, "info");
    this.spans = List.copyOf(requireNonNull(spans, "spans"));
  }

  public static Trace create(TraceInfo info, List<SpanRecord> spans) {
    return new Trace(info, spans);
  }

  public TraceInfo info() {
    return info;
  }

  public List<SpanRecord> spans() {
    return spans;
  }
}
