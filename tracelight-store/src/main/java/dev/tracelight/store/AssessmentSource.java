package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Who or what made an assessment, as MLflow's {@code AssessmentSource}. Immutable. */
public final class AssessmentSource {

  /** The kinds of source MLflow knows. */
  public enum Type {
    HUMAN,
    LLM_JUDGE,
    CODE;

    /**
     * Parses a wire value, case-insensitively; the legacy {@code AI_JUDGE} is {@link #LLM_JUDGE}.
     * Empty for anything else.
     */
    public static Optional<Type> parse(String value) {
      if (value == null) {
        return Optional.empty();
      }
      String v = value.trim().toUpperCase(Locale.ROOT);
      if (v.equals("AI_JUDGE")) {
        return Optional.of(LLM_JUDGE);
      }
      for (Type t : values()) {
        if (t.name().equals(v)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }

  private final Type type;
  private final String sourceId;

  private AssessmentSource(Type type, String sourceId) {
    this.type = requireNonNull(type, "type");
    this.sourceId = requireNonNull(sourceId, "sourceId");
  }

  /** A source; {@code sourceId} names the person, judge or code (may be empty). */
  public static AssessmentSource create(Type type, String sourceId) {
    return new AssessmentSource(type, sourceId);
  }

  public Type type() {
    return type;
  }

  public String sourceId() {
    return sourceId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AssessmentSource
        && ((AssessmentSource) o).type == type && ((AssessmentSource) o).sourceId.equals(sourceId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, sourceId);
  }

  @Override
  public String toString() {
    return type + ":" + sourceId;
  }
}
