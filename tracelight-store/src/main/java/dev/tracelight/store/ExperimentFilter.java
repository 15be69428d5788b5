package dev.tracelight.store;

import java.util.List;

/**
 * A parsed experiment search filter: comparisons that must all hold. Produced by {@link
 * ExperimentFilterParser}, rendered by {@link ExperimentFilterSql}.
 */
record ExperimentFilter(List<Comparison> comparisons) {
  static final ExperimentFilter NONE = new ExperimentFilter(List.of());

  ExperimentFilter {
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
    LIKE("LIKE"),
    ILIKE("ILIKE");

    final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }
  }

  /** What a comparison looks at. */
  sealed interface Field permits Attribute, Tag {
    /** The field as a user would write it, for error messages. */
    String display();
  }

  /** A column of the experiment itself. */
  enum Attribute implements Field {
    NAME("name", false),
    CREATION_TIME("creation_time", true),
    LAST_UPDATE_TIME("last_update_time", true);

    final String column;
    final boolean numeric;

    Attribute(String column, boolean numeric) {
      this.column = column;
      this.numeric = numeric;
    }

    @Override
    public String display() {
      return column;
    }
  }

  /** An experiment tag by key. */
  record Tag(String key) implements Field {
    @Override
    public String display() {
      return "tags.`" + key + "`";
    }
  }

  /**
   * {@code field operator value}.
   *
   * @param value a {@link String} for text fields, a {@link Long} for numeric ones
   */
  record Comparison(Field field, Operator operator, Object value) {}
}
