package dev.tracelight.store;

import java.util.List;
import java.util.Optional;

/**
 * A parsed trace search filter: comparisons that must all hold. Produced by {@link
 * TraceFilterParser}, rendered by {@link TraceFilterSql}. A new kind of field (span, feedback) is
 * a new {@link Field} type and a case in each of the two.
 */
record TraceFilter(List<Comparison> comparisons) {
  static final TraceFilter NONE = new TraceFilter(List.of());

  TraceFilter {
    comparisons = List.copyOf(comparisons);
  }

  /** Comparison operators, by their filter spelling. */
  enum Operator {
    EQ("=", "="),
    NE("!=", "<>"),
    GT(">", ">"),
    GE(">=", ">="),
    LT("<", "<"),
    LE("<=", "<=");

    final String symbol;
    final String sql;

    Operator(String symbol, String sql) {
      this.symbol = symbol;
      this.sql = sql;
    }

    static Optional<Operator> of(String symbol) {
      for (Operator op : values()) {
        if (op.symbol.equals(symbol)) {
          return Optional.of(op);
        }
      }
      return Optional.empty();
    }
  }

  /** What a comparison looks at. */
  sealed interface Field permits Attribute, Tag, Metadata {
    /** The field as a user would write it, for error messages. */
    String display();
  }

  /** A column of the trace itself. */
  enum Attribute implements Field {
    /** The trace state; string values OK, ERROR, IN_PROGRESS. */
    STATUS("trace.status"),
    /** The request time in epoch milliseconds. */
    TIMESTAMP_MS("trace.timestamp_ms"),
    /** The execution duration in milliseconds. */
    EXECUTION_TIME_MS("trace.execution_time_ms");

    private final String display;

    Attribute(String display) {
      this.display = display;
    }

    @Override
    public String display() {
      return display;
    }

    boolean isNumeric() {
      return this != STATUS;
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

  /**
   * {@code field operator value}.
   *
   * @param value a {@link String} for text fields, a {@link Long} for numeric ones
   */
  record Comparison(Field field, Operator operator, Object value) {}
}
