package dev.tracelight.store;

/** State of a trace, as MLflow's {@code TraceInfoV3.state}. */
public enum TraceState {
  STATE_UNSPECIFIED,
  OK,
  ERROR,
  IN_PROGRESS;

  /**
   * Parses a wire value; unknown or blank values become {@link #STATE_UNSPECIFIED} so a newer
   * client's value never fails a write.
   */
  public static TraceState of(String value) {
    if (value == null) {
      return STATE_UNSPECIFIED;
    }
    for (TraceState s : values()) {
      if (s.name().equalsIgnoreCase(value.trim())) {
        return s;
      }
    }
    return STATE_UNSPECIFIED;
  }
}
