package dev.tracelight.tracing;

import java.util.Objects;

/**
 * The kind of work a span represents, as MLflow defines it. An open set: the constants cover
 * MLflow's predefined types, and {@link #of(String)} accepts any custom value, so a type written by
 * another client never breaks reading.
 */
public final class SpanType {
  public static final SpanType LLM = new SpanType("LLM");
  public static final SpanType CHAT_MODEL = new SpanType("CHAT_MODEL");
  public static final SpanType CHAIN = new SpanType("CHAIN");
  public static final SpanType AGENT = new SpanType("AGENT");
  public static final SpanType TOOL = new SpanType("TOOL");
  public static final SpanType RETRIEVER = new SpanType("RETRIEVER");
  public static final SpanType EMBEDDING = new SpanType("EMBEDDING");
  public static final SpanType PARSER = new SpanType("PARSER");
  public static final SpanType RERANKER = new SpanType("RERANKER");
  public static final SpanType MEMORY = new SpanType("MEMORY");
  public static final SpanType UNKNOWN = new SpanType("UNKNOWN");

  private static final SpanType[] KNOWN = {
    LLM, CHAT_MODEL, CHAIN, AGENT, TOOL, RETRIEVER, EMBEDDING, PARSER, RERANKER, MEMORY, UNKNOWN
  };

  private final String value;

  private SpanType(String value) {
    this.value = value;
  }

  /**
   * Returns the span type with this wire value: one of the constants when it matches, else a custom
   * type.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is blank
   */
  public static SpanType of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("span type must not be blank");
    }
    for (SpanType known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new SpanType(value);
  }

  /** The wire value, e.g. {@code "CHAT_MODEL"}. */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpanType && ((SpanType) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
