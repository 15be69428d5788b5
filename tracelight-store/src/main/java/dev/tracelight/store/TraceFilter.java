package dev.tracelight.store;

import java.util.List;
import java.util.Optional;

/**
 * A parsed trace search filter: comparisons that must all hold. Produced by {@link
 * TraceFilterParser}, rendered by {@link TraceFilterSql}. A new kind of field is a new {@link
 * Field} type and a case in each of the two.
 */
record TraceFilter(List<Comparison> comparisons) {
  static final TraceFilter NONE = new TraceFilter(List.of());

  TraceFilter {
    comparisons = List.copyOf(comparisons);
  }

  /** Comparison operators, by their filter spelling. */
  enum Operator {
    EQ("="),
    NE("!="),
    GT(">"),
    GE(">="),
    LT("<"),
    LE("<="),
    /** SQL LIKE, case-sensitive on every backend; {@code \} escapes {@code %}, {@code _}, {@code \}. */
    LIKE("LIKE"),
    /** LIKE ignoring case (Unicode lower case). */
    ILIKE("ILIKE"),
    /** A regular expression found anywhere in the value. */
    RLIKE("RLIKE"),
    IN("IN"),
    NOT_IN("NOT IN");

    final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /** The operator written as {@code symbol}: a comparison sign or a keyword. */
    static Optional<Operator> of(String symbol) {
      for (Operator op : values()) {
        if (op.symbol.equals(symbol)) {
          return Optional.of(op);
        }
      }
      return Optional.empty();
    }

    boolean isList() {
      return this == IN || this == NOT_IN;
    }

    boolean isPattern() {
      return this == LIKE || this == ILIKE || this == RLIKE;
    }
  }

  /** What a comparison looks at. */
  sealed interface Field
      permits Attribute, Tag, Metadata, SpanField, SpanAttribute, AssessmentField, Prompt {
    /** The field as a user would write it, for error messages. */
    String display();
  }

  /** A column of the trace itself, or its span text. */
  enum Attribute implements Field {
    /** The trace state; string values OK, ERROR, IN_PROGRESS. */
    STATUS("trace.status"),
    /** The request time in epoch milliseconds. */
    TIMESTAMP_MS("trace.timestamp_ms"),
    /** The execution duration in milliseconds. */
    EXECUTION_TIME_MS("trace.execution_time_ms"),
    /** Request time plus execution duration, in epoch milliseconds. */
    END_TIME_MS("trace.end_time_ms"),
    /** The trace id. */
    REQUEST_ID("trace.request_id"),
    /** The caller-supplied correlation id; traces without one never match. */
    CLIENT_REQUEST_ID("trace.client_request_id"),
    /** The names, inputs and outputs of the trace's spans: a trace matches if any of them does. */
    TEXT("trace.text");

    private final String display;

    Attribute(String display) {
      this.display = display;
    }

    @Override
    public String display() {
      return display;
    }

    boolean isNumeric() {
      return this == TIMESTAMP_MS || this == EXECUTION_TIME_MS || this == END_TIME_MS;
    }
  }

  /** A trace tag by key. */
  record Tag(String key) implements Field {
    @Override
    public String display() {
      return "tag.`" + key + "`";
    }
  }

  /** A trace metadata entry by key. */
  record Metadata(String key) implements Field {
    @Override
    public String display() {
      return "metadata.`" + key + "`";
    }
  }

  /** A column of the trace's spans: a trace matches when any of its spans does. */
  enum SpanField implements Field {
    NAME("span.name"),
    TYPE("span.type");

    private final String display;

    SpanField(String display) {
      this.display = display;
    }

    @Override
    public String display() {
      return display;
    }
  }

  /**
   * A span attribute by key, compared with its decoded value: the string itself for a JSON string
   * ({@code "\"CHAT_MODEL\""} is {@code CHAT_MODEL}), the JSON text otherwise ({@code 0.7}, {@code
   * true}, {@code {"a": 1}}). A trace matches when any of its spans does.
   */
  record SpanAttribute(String key) implements Field {
    @Override
    public String display() {
      return "span.attributes.`" + key + "`";
    }
  }

  /**
   * The value of the trace's valid feedback or expectation of this name, as text: a JSON string
   * decoded, any other JSON value as written ({@code true}, {@code 4}).
   */
  record AssessmentField(AssessmentValue.Kind kind, String name) implements Field {
    @Override
    public String display() {
      return (kind == AssessmentValue.Kind.FEEDBACK ? "feedback" : "expectation") + ".`" + name
          + "`";
    }
  }

  /** A prompt version linked to the trace (tag {@code mlflow.linkedPrompts}), as {@code name/version}. */
  enum Prompt implements Field {
    LINKED;

    @Override
    public String display() {
      return "prompt";
    }
  }

  /**
   * {@code field operator value}.
   *
   * @param value a {@link String} for text fields, a {@link Long} for numeric ones, a {@code
   *     List<String>} for IN and NOT IN
   */
  record Comparison(Field field, Operator operator, Object value) {}
}
