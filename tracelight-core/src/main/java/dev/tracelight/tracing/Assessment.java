package dev.tracelight.tracing;

import java.time.Instant;
import java.util.Map;

/** Feedback on a trace or span, as MLflow stores it (an assessment of the feedback kind). */
public final class Assessment {
  private final String assessmentId;
  private final String name;
  private final String traceId;
  @Nullable private final String spanId;
  private final AssessmentSource source;
  @Nullable private final Object value;
  @Nullable private final String rationale;
  private final Instant createTime;
  private final Map<String, String> metadata;
  private final boolean valid;

  Assessment(
      String assessmentId,
      String name,
      String traceId,
      @Nullable String spanId,
      AssessmentSource source,
      @Nullable Object value,
      @Nullable String rationale,
      Instant createTime,
      Map<String, String> metadata,
      boolean valid) {
    this.assessmentId = assessmentId;
    this.name = name;
    this.traceId = traceId;
    this.spanId = spanId;
    this.source = source;
    this.value = value;
    this.rationale = rationale;
    this.createTime = createTime;
    this.metadata = Map.copyOf(metadata);
    this.valid = valid;
  }

  /** The server-assigned id, {@code a-...}. */
  public String assessmentId() {
    return assessmentId;
  }

  /** What is assessed, e.g. {@code "user_satisfaction"}. */
  public String name() {
    return name;
  }

  public String traceId() {
    return traceId;
  }

  /** The span assessed, or null when the assessment is about the whole trace. */
  @Nullable
  public String spanId() {
    return spanId;
  }

  public AssessmentSource source() {
    return source;
  }

  /** The feedback value, decoded from JSON (boolean, number, string, list or map), or null. */
  @Nullable
  public Object value() {
    return value;
  }

  @Nullable
  public String rationale() {
    return rationale;
  }

  public Instant createTime() {
    return createTime;
  }

  public Map<String, String> metadata() {
    return metadata;
  }

  /** False once a newer assessment overrides this one. */
  public boolean valid() {
    return valid;
  }

  @Override
  public String toString() {
    return "Assessment{" + name + "=" + value + " by " + source + "}";
  }
}
