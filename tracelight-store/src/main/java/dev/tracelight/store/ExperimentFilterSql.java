package dev.tracelight.store;

import java.util.List;

/**
 * Renders an {@link ExperimentFilter} as SQL conditions on {@code experiments} with bind
 * parameters. Both backends give the same answers: {@code LIKE} is case-sensitive and {@code
 * ILIKE} is not, {@code %} and {@code _} are wildcards, and a backslash makes the next character
 * literal (PostgreSQL's default; SQLite gets the pattern as an equivalent {@code GLOB}). A tag
 * comparison matches only experiments that have the key, as in MLflow.
 */
final class ExperimentFilterSql {
  private ExperimentFilterSql() {}

  /** Appends {@code AND <condition>} per comparison to {@code where}, and its values to args. */
  static void append(ExperimentFilter filter, SqlDialect dialect, StringBuilder where,
      List<Object> args) {
    for (ExperimentFilter.Comparison c : filter.comparisons()) {
      where.append(" AND ");
      if (c.field() instanceof ExperimentFilter.Attribute) {
        String column = "experiments." + ((ExperimentFilter.Attribute) c.field()).column;
        where.append(condition(column, c.operator(), dialect));
        args.add(argument(c.operator(), c.value(), dialect));
      } else {
        where.append("EXISTS (SELECT 1 FROM experiment_tags t WHERE"
            + " t.experiment_id = experiments.experiment_id AND t.key = ? AND ")
            .append(condition("t.value", c.operator(), dialect)).append(')');
        args.add(((ExperimentFilter.Tag) c.field()).key());
        args.add(argument(c.operator(), c.value(), dialect));
      }
    }
  }

  private static String condition(String column, ExperimentFilter.Operator op,
      SqlDialect dialect) {
    boolean sqlite = dialect == SqlDialect.SQLITE;
    switch (op) {
      case EQ:
        return column + " = ?";
      case NE:
        return column + " <> ?";
      case GT:
        return column + " > ?";
      case GE:
        return column + " >= ?";
      case LT:
        return column + " < ?";
      case LE:
        return column + " <= ?";
      case LIKE:
        return column + (sqlite ? " GLOB ?" : " LIKE ?");
      case ILIKE:
        // SQLite's LIKE ignores ASCII case; the escape character is PostgreSQL's default.
        return column + (sqlite ? " LIKE ? ESCAPE '\\'" : " ILIKE ?");
      default:
        throw new IllegalStateException("no SQL for " + op);
    }
  }

  private static Object argument(ExperimentFilter.Operator op, Object value, SqlDialect dialect) {
    if (op == ExperimentFilter.Operator.LIKE && dialect == SqlDialect.SQLITE) {
      return glob((String) value);
    }
    return value;
  }

  /**
   * The GLOB pattern matching what a LIKE pattern matches: {@code %} becomes {@code *}, {@code _}
   * becomes {@code ?}, GLOB's own wildcards are bracketed, and {@code \x} is a literal x.
   */
  static String glob(String like) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char ch = like.charAt(i);
      if (ch == '\\' && i + 1 < like.length()) {
        literal(out, like.charAt(++i));
      } else if (ch == '%') {
        out.append('*');
      } else if (ch == '_') {
        out.append('?');
      } else {
        literal(out, ch);
      }
    }
    return out.toString();
  }

  private static void literal(StringBuilder out, char ch) {
    if (ch == '*' || ch == '?' || ch == '[') {
      out.append('[').append(ch).append(']');
    } else {
      out.append(ch);
    }
  }
}
