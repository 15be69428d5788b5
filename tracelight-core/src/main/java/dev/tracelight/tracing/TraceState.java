package dev.tracelight.tracing;

/** The state of a trace, MLflow's {@code TraceInfoV3.state}. */
public enum TraceState {
  STATE_UNSPECIFIED,
  OK,
  ERROR,
  IN_PROGRESS;

  static TraceState parse(@Nullable String value) {
    if (value == null) {
      return STATE_UNSPECIFIED;
    }
    for (TraceState state : values()) {
      if (state.name().equals(value)) {
        return state;
      }
    }
    return STATE_UNSPECIFIED;
  }
}
