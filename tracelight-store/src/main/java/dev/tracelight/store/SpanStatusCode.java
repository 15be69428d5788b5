package dev.tracelight.store;

/** Status of a span, as OpenTelemetry's {@code Status.StatusCode}. */
public enum SpanStatusCode {
  UNSET,
  OK,
  ERROR;

  /** The OTLP/MLflow JSON spelling, e.g. {@code STATUS_CODE_OK}. */
  public String protoName() {
    return "STATUS_CODE_" + name();
  }

  /** Accepts both {@code STATUS_CODE_OK} and {@code OK}; anything else is {@link #UNSET}. */
  public static SpanStatusCode of(String value) {
    if (value == null) {
      return UNSET;
    }
    String v = value.trim().toUpperCase(java.util.Locale.ROOT);
    if (v.startsWith("STATUS_CODE_")) {
      v = v.substring("STATUS_CODE_".length());
    }
    for (SpanStatusCode c : values()) {
      if (c.name().equals(v)) {
        return c;
      }
    }
    return UNSET;
  }
}
