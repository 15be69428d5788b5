package dev.tracelight.tracing;

import java.util.List;
import java.util.Optional;

/** The spans of a trace. */
public final class TraceData {
  private final List<Span> spans;

  private TraceData(List<Span> spans) {
    this.spans = spans;
  }

  static TraceData create(List<Span> spans) {
    return new TraceData(List.copyOf(spans));
  }

  /** The spans, the root first, then in start order. */
  public List<Span> spans() {
    return spans;
  }

  /** The root span: the one without a parent in this trace. */
  public Optional<Span> rootSpan() {
    return spans.stream().filter(s -> s.parentSpanId() == null).findFirst();
  }
}
