package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Objects;
import java.util.Optional;

/**
 * What an assessment says: a feedback (a judgement, or the error that prevented one) or an
 * expectation (the right answer). Values are JSON text, so {@code true}, {@code 0.8}, {@code
 * "good"} and objects all keep their type. Immutable.
 */
public final class AssessmentValue {

  /** Feedback or expectation; an assessment is exactly one of them. */
  public enum Kind {
    FEEDBACK,
    EXPECTATION
  }

  private final Kind kind;
  private final String valueJson;
  private final String serializationFormat;
  private final AssessmentError error;

  private AssessmentValue(
      Kind kind, String valueJson, String serializationFormat, AssessmentError error) {
    this.kind = kind;
    this.valueJson = valueJson;
    this.serializationFormat = serializationFormat;
    this.error = error;
  }

  /** A feedback whose value is this JSON text, e.g. {@code true} or {@code "\"good\""}. */
  public static AssessmentValue feedback(String valueJson) {
    return new AssessmentValue(Kind.FEEDBACK, requireJson(valueJson), null, null);
  }

  /** A feedback with a value and the error met while producing it; the value may be null. */
  public static AssessmentValue feedback(String valueJson, AssessmentError error) {
    requireNonNull(error, "error");
    return new AssessmentValue(
        Kind.FEEDBACK, valueJson == null ? null : requireJson(valueJson), null, error);
  }

  /** An expectation whose value is this JSON text. */
  public static AssessmentValue expectation(String valueJson) {
    return new AssessmentValue(Kind.EXPECTATION, requireJson(valueJson), null, null);
  }

  /** An expectation serialized by the client in {@code serializationFormat} (kept as text). */
  public static AssessmentValue serializedExpectation(String serializationFormat, String value) {
    requireNonNull(serializationFormat, "serializationFormat");
    return new AssessmentValue(
        Kind.EXPECTATION, requireNonNull(value, "value"), serializationFormat, null);
  }

  public Kind kind() {
    return kind;
  }

  /**
   * The value: JSON text, or the serialized text when {@link #serializationFormat()} is present.
   * Empty only for a feedback that carries just an error.
   */
  public Optional<String> valueJson() {
    return Optional.ofNullable(valueJson);
  }

  /** The client's serialization format of an expectation's value, when it sent one. */
  public Optional<String> serializationFormat() {
    return Optional.ofNullable(serializationFormat);
  }

  /** The error of a feedback, when there was one. */
  public Optional<AssessmentError> error() {
    return Optional.ofNullable(error);
  }

  private static String requireJson(String json) {
    requireNonNull(json, "valueJson");
    try {
      SpanContentCodec.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("value is not JSON text: " + json, e);
    }
    if (json.isBlank()) {
      throw new IllegalArgumentException("value is blank; JSON null is \"null\"");
    }
    return json;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AssessmentValue)) {
      return false;
    }
    AssessmentValue v = (AssessmentValue) o;
    return kind == v.kind && Objects.equals(valueJson, v.valueJson)
        && Objects.equals(serializationFormat, v.serializationFormat)
        && Objects.equals(error, v.error);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, valueJson, serializationFormat, error);
  }

  @Override
  public String toString() {
    return kind + "{" + (valueJson == null ? error : valueJson) + "}";
  }
}
