package dev.tracelight.tracing;

import java.util.Objects;

/** A finished trace: its {@link TraceInfo} and its spans. */
public final class Trace {
  private final TraceInfo info;
  private final TraceData data;

  private Trace(TraceInfo info, TraceData data) {
    this.info = info;
    this.data = data;
  }

  static Trace create(TraceInfo info, TraceData data) {
    return new Trace(Objects.requireNonNull(info, "info"), Objects.requireNonNull(data, "data"));
  }

  public TraceInfo info() {
    return info;
  }

  public TraceData data() {
    return data;
  }

  @Override
  public String toString() {
    return "Trace{" + info + ", " + data.spans().size() + " spans}";
  }
}
