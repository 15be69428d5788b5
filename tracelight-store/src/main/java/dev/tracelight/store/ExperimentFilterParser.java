package dev.tracelight.store;

import dev.tracelight.store.FilterToken.Type;
import java.util.List;
import java.util.Locale;

/**
 * Parses MLflow's experiment search filter: comparisons joined by {@code AND} on {@code name},
 * {@code creation_time}, {@code last_update_time} (optionally prefixed {@code attribute.} or
 * {@code attributes.}) and {@code tags.<key>}. A malformed filter fails with {@link
 * StoreException.Reason#INVALID_ARGUMENT} naming the 0-based position, what was expected and
 * what was found.
 */
final class ExperimentFilterParser {
  private static final String TEXT_OPERATORS = "=, !=, LIKE, ILIKE";
  private static final String NUMERIC_OPERATORS = "=, !=, <, <=, >, >=";

  private final FilterCursor cursor;

  private ExperimentFilterParser(String filter) {
    this.cursor = new FilterCursor(filter);
  }

  /** Parses {@code filter}; a blank filter has no comparisons. */
  static ExperimentFilter parse(String filter) {
    return new ExperimentFilterParser(filter).filter();
  }

  private ExperimentFilter filter() {
    List<ExperimentFilter.Comparison> comparisons = cursor.conjunction(this::comparison);
    return comparisons.isEmpty() ? ExperimentFilter.NONE : new ExperimentFilter(comparisons);
  }


  private ExperimentFilter.Comparison comparison() {
    FilterToken name = cursor.take();
    if (name.type() != Type.IDENTIFIER) {
      throw cursor.error(name, "expected a field such as name, creation_time or tags.<key>, found "
          + name.describe());
    }
    ExperimentFilter.Field field = field(name);
    boolean numeric = field instanceof ExperimentFilter.Attribute
        && ((ExperimentFilter.Attribute) field).numeric;
    String allowed = numeric ? NUMERIC_OPERATORS : TEXT_OPERATORS;
    FilterToken opToken = cursor.take();
    ExperimentFilter.Operator op = operator(opToken);
    if (op == null) {
      throw cursor.error(opToken, "expected a comparison operator (" + allowed + ") after '"
          + name.raw() + "', found " + opToken.describe());
    }
    boolean textOperator = op == ExperimentFilter.Operator.EQ || op == ExperimentFilter.Operator.NE
        || op == ExperimentFilter.Operator.LIKE || op == ExperimentFilter.Operator.ILIKE;
    boolean numericOperator = op != ExperimentFilter.Operator.LIKE
        && op != ExperimentFilter.Operator.ILIKE;
    if (numeric ? !numericOperator : !textOperator) {
      throw cursor.error(opToken, "operator " + op.symbol + " does not apply to " + field.display()
          + "; expected one of " + allowed);
    }
    FilterToken value = cursor.take();
    Object parsed = numeric ? number(field, value) : text(field, op, value);
    return new ExperimentFilter.Comparison(field, op, parsed);
  }

  private ExperimentFilter.Field field(FilterToken name) {
    List<String> parts = name.parts();
    String entity = parts.size() == 1 ? "attribute" : parts.get(0).toLowerCase(Locale.ROOT);
    String key = parts.size() == 1 ? parts.get(0) : String.join(".", parts.subList(1, parts.size()));
    switch (entity) {
      case "attribute":
      case "attributes":
        for (ExperimentFilter.Attribute a : ExperimentFilter.Attribute.values()) {
          if (a.column.equals(key.toLowerCase(Locale.ROOT))) {
            return a;
          }
        }
        throw cursor.error(name, "unknown experiment attribute '" + key
            + "'; expected name, creation_time or last_update_time");
      case "tag":
      case "tags":
        return new ExperimentFilter.Tag(key);
      default:
        throw cursor.error(name, "unknown field " + name.describe()
            + "; expected name, creation_time, last_update_time or tags.<key>");
    }
  }

  private static ExperimentFilter.Operator operator(FilterToken t) {
    if (t.type() == Type.KEYWORD && (t.value().equals("LIKE") || t.value().equals("ILIKE"))) {
      return ExperimentFilter.Operator.valueOf(t.value());
    }
    if (t.type() == Type.OPERATOR) {
      for (ExperimentFilter.Operator op : ExperimentFilter.Operator.values()) {
        if (op.symbol.equals(t.value())) {
          return op;
        }
      }
    }
    return null;
  }

  private Long number(ExperimentFilter.Field field, FilterToken value) {
    if (value.type() == Type.NUMBER) {
      try {
        return Long.parseLong(value.value());
      } catch (NumberFormatException e) {
        // falls through to the message below
      }
    }
    throw cursor.error(value, "expected an integer of epoch milliseconds for " + field.display()
        + ", found " + value.describe());
  }

  private String text(ExperimentFilter.Field field, ExperimentFilter.Operator op,
      FilterToken value) {
    if (value.type() != Type.STRING) {
      throw cursor.error(value, "expected a quoted string for " + field.display() + ", found "
          + value.describe());
    }
    String s = value.value();
    boolean pattern = op == ExperimentFilter.Operator.LIKE || op == ExperimentFilter.Operator.ILIKE;
    if (pattern && endsWithEscape(s)) {
      throw cursor.error(value, "the pattern " + value.raw() + " ends with the escape character \\");
    }
    return s;
  }

  /** True if the pattern ends in an unescaped backslash, which escapes nothing. */
  private static boolean endsWithEscape(String pattern) {
    int backslashes = 0;
    for (int i = pattern.length() - 1; i >= 0 && pattern.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }
}
