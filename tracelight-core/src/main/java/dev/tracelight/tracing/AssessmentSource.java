package dev.tracelight.tracing;

import java.util.Objects;

/** Who gave an assessment: a person, an LLM judge or code, as MLflow records it. */
public final class AssessmentSource {
  private final String sourceType;
  private final String sourceId;

  private AssessmentSource(String sourceType, String sourceId) {
    this.sourceType = sourceType;
    this.sourceId = sourceId;
  }

  /** Feedback from a person, e.g. an end user's thumbs-up; {@code id} such as an email. */
  public static AssessmentSource human(String id) {
    return new AssessmentSource("HUMAN", Objects.requireNonNull(id, "id"));
  }

  /** An LLM judge; {@code id} names the judge or model. */
  public static AssessmentSource llmJudge(String id) {
    return new AssessmentSource("LLM_JUDGE", Objects.requireNonNull(id, "id"));
  }

  /** A programmatic check; {@code id} names it. */
  public static AssessmentSource code(String id) {
    return new AssessmentSource("CODE", Objects.requireNonNull(id, "id"));
  }

  static AssessmentSource of(String sourceType, String sourceId) {
    return new AssessmentSource(sourceType, sourceId);
  }

  /** {@code HUMAN}, {@code LLM_JUDGE} or {@code CODE}. */
  public String sourceType() {
    return sourceType;
  }

  public String sourceId() {
    return sourceId;
  }

  @Override
  public String toString() {
    return sourceType + ":" + sourceId;
  }
}
