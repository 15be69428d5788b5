package dev.tracelight.store;

import dev.tracelight.store.TraceFilter.Operator;
import java.util.Collections;
import java.util.List;

/**
 * Renders a {@link TraceFilter} as SQL conditions on {@code trace_info} with bind parameters:
 * values and keys never become SQL text. Fields of the trace's tags, metadata, spans, span
 * attributes and assessments are {@code EXISTS} probes through their {@code (trace_id, ...)}
 * indexes, so a comparison matches only traces that have such a row: {@code tag.env != 'prod'}
 * skips traces without an {@code env} tag, and {@code span.name != 'x'} matches a trace that has
 * some span not named {@code x}, as in MLflow.
 *
 * <p>Operators mean the same on both backends: {@code LIKE} is case-sensitive with {@code \} as
 * its escape (PostgreSQL's LIKE; SQLite's GLOB on a translated pattern), {@code ILIKE} compares
 * Unicode lower case (PostgreSQL's ILIKE; SQLite's GLOB on {@code tl_lower}), {@code RLIKE} finds
 * a regular expression anywhere in the value (PostgreSQL's {@code ~}; SQLite's REGEXP in Java).
 */
final class TraceFilterSql {
  /** Span attributes that {@code trace.text} searches besides span names. */
  static final List<String> TEXT_ATTRIBUTES = List.of(SpanRecord.SPAN_INPUTS, SpanRecord.SPAN_OUTPUTS);
  /** Tag holding the prompt versions linked to a trace, a JSON array of {name, version}. */
  static final String LINKED_PROMPTS = "mlflow.linkedPrompts";
  /** Characters of a tag, metadata or span name value that PostgreSQL's indexes hold. */
  static final int INDEXED_PREFIX = 100;

  private TraceFilterSql() {}

  /** Appends {@code AND <condition>} per comparison to {@code where}, and its values to args. */
  static void append(TraceFilter filter, SqlDialect dialect, StringBuilder where,
      List<Object> args) {
    for (TraceFilter.Comparison c : filter.comparisons()) {
      where.append(" AND ");
      new TraceFilterSql.Renderer(dialect, where, args).comparison(c);
    }
  }

  private static final class Renderer {
    private final SqlDialect dialect;
    private final StringBuilder sql;
    private final List<Object> args;

    Renderer(SqlDialect dialect, StringBuilder sql, List<Object> args) {
      this.dialect = dialect;
      this.sql = sql;
      this.args = args;
    }

    void comparison(TraceFilter.Comparison c) {
      TraceFilter.Field field = c.field();
      if (field instanceof TraceFilter.Attribute) {
        attribute((TraceFilter.Attribute) field, c);
      } else if (field instanceof TraceFilter.Tag) {
        keyValue("trace_tags", ((TraceFilter.Tag) field).key(), c);
      } else if (field instanceof TraceFilter.Metadata) {
        keyValue("trace_metadata", ((TraceFilter.Metadata) field).key(), c);
      } else if (field instanceof TraceFilter.SpanField) {
        sql.append("EXISTS (SELECT 1 FROM spans s WHERE s.trace_id = trace_info.trace_id AND ");
        if (field == TraceFilter.SpanField.NAME) {
          prefix("s.name", c);
          match("s.name", c.operator(), c.value());
          closePerTrace();
        } else {
          match("s.type", c.operator(), c.value());
          sql.append(')');
        }
      } else if (field instanceof TraceFilter.SpanAttribute) {
        sql.append("EXISTS (SELECT 1 FROM span_attributes sa"
            + " WHERE sa.trace_id = trace_info.trace_id AND sa.key = ? AND ");
        args.add(((TraceFilter.SpanAttribute) field).key());
        match("sa.value", c.operator(), c.value());
        closePerTrace();
      } else if (field instanceof TraceFilter.AssessmentField) {
        TraceFilter.AssessmentField a = (TraceFilter.AssessmentField) field;
        sql.append("EXISTS (SELECT 1 FROM assessments a WHERE a.trace_id = trace_info.trace_id"
            + " AND a.name = ? AND a.kind = ? AND a.valid = 1 AND ");
        args.add(a.name());
        args.add(a.kind().name());
        match("tl_json_text(a.value)", c.operator(), c.value());
        closePerTrace();
      } else if (field == TraceFilter.Prompt.LINKED) {
        String nameVersion = (String) c.value();
        int slash = nameVersion.lastIndexOf('/');
        sql.append("EXISTS (SELECT 1 FROM trace_tags kv WHERE kv.trace_id = trace_info.trace_id"
            + " AND kv.key = ? AND tl_has_prompt(kv.value, ?, ?))");
        args.add(LINKED_PROMPTS);
        args.add(nameVersion.substring(0, slash));
        args.add(nameVersion.substring(slash + 1));
      } else {
        throw new IllegalStateException("no SQL for filter field " + field);
      }
    }

    private void attribute(TraceFilter.Attribute attribute, TraceFilter.Comparison c) {
      switch (attribute) {
        case STATUS:
          match("trace_info.state", c.operator(), c.value());
          break;
        case TIMESTAMP_MS:
          match("trace_info.request_time", c.operator(), c.value());
          break;
        case EXECUTION_TIME_MS:
          match("trace_info.execution_duration", c.operator(), c.value());
          break;
        case END_TIME_MS:
          match("(trace_info.request_time + trace_info.execution_duration)", c.operator(),
              c.value());
          break;
        case REQUEST_ID:
          match("trace_info.trace_id", c.operator(), c.value());
          break;
        case CLIENT_REQUEST_ID:
          match("trace_info.client_request_id", c.operator(), c.value());
          break;
        case TEXT:
          sql.append("(EXISTS (SELECT 1 FROM spans s WHERE s.trace_id = trace_info.trace_id AND ");
          match("s.name", c.operator(), c.value());
          closePerTrace();
          sql.append(" OR EXISTS (SELECT 1 FROM span_attributes sa"
              + " WHERE sa.trace_id = trace_info.trace_id AND sa.key IN (?, ?) AND ");
          args.addAll(TEXT_ATTRIBUTES);
          match("sa.value", c.operator(), c.value());
          closePerTrace();
          sql.append(')');
          break;
        default:
          throw new IllegalStateException("no SQL for " + attribute);
      }
    }

    /**
     * Closes an {@code EXISTS} probe into a table that only its trace id leads to (span names,
     * span attributes, assessments): PostgreSQL gets {@code OFFSET 0}, which keeps the probe a
     * per-row subplan (its simplify_EXISTS_query gives up on an OFFSET). Without it the planner
     * may flatten the probe into a semi-join, or hash it, over every row of that table and sort
     * all matching traces (it underestimates matches, and picks a hashed subplan by the rows of
     * the whole scan, not the page), where walking the page's order and probing each trace stops
     * once the page is full. Tags and metadata stay plain probes: their value index lets the
     * planner start from a rare value.
     */
    private void closePerTrace() {
      sql.append(dialect == SqlDialect.POSTGRESQL ? " OFFSET 0)" : ")");
    }

    private void keyValue(String table, String key, TraceFilter.Comparison c) {
      sql.append("EXISTS (SELECT 1 FROM ").append(table)
          .append(" kv WHERE kv.trace_id = trace_info.trace_id AND kv.key = ? AND ");
      args.add(key);
      prefix("kv.value", c);
      match("kv.value", c.operator(), c.value());
      sql.append(')');
    }

    /**
     * On PostgreSQL, equality also compares the first {@value #INDEXED_PREFIX} characters, which is
     * what its indexes hold of values too long for a B-tree entry (migration V3).
     */
    private void prefix(String expr, TraceFilter.Comparison c) {
      if (dialect != SqlDialect.POSTGRESQL
          || (c.operator() != Operator.EQ && c.operator() != Operator.IN)) {
        return;
      }
      String left = "left(" + expr + ", " + INDEXED_PREFIX + ")";
      if (c.operator() == Operator.EQ) {
        sql.append(left).append(" = left(?, ").append(INDEXED_PREFIX).append(") AND ");
        args.add(c.value());
      } else {
        List<?> values = (List<?>) c.value();
        sql.append(left).append(" IN (").append(String.join(", ",
            Collections.nCopies(values.size(), "left(?, " + INDEXED_PREFIX + ")"))).append(") AND ");
        args.addAll(values);
      }
    }

    /** {@code expr <op> ?} for one comparison, in this dialect. */
    private void match(String expr, Operator op, Object value) {
      switch (op) {
        case EQ:
        case GT:
        case GE:
        case LT:
        case LE:
          sql.append(expr).append(' ').append(op.symbol).append(" ?");
          args.add(value);
          break;
        case NE:
          sql.append(expr).append(" <> ?");
          args.add(value);
          break;
        case IN:
        case NOT_IN:
          List<?> values = (List<?>) value;
          sql.append(expr).append(op == Operator.IN ? " IN (" : " NOT IN (")
              .append(String.join(", ", Collections.nCopies(values.size(), "?"))).append(')');
          args.addAll(values);
          break;
        case LIKE:
          if (dialect == SqlDialect.POSTGRESQL) {
            sql.append(expr).append(" LIKE ?");
            args.add(value);
          } else {
            sql.append(expr).append(" GLOB ?");
            args.add(LikePattern.toGlob((String) value));
          }
          break;
        case ILIKE:
          if (dialect == SqlDialect.POSTGRESQL) {
            sql.append(expr).append(" ILIKE ?");
            args.add(value);
          } else {
            sql.append("tl_lower(").append(expr).append(") GLOB ?");
            args.add(LikePattern.toGlob(LikePattern.lower((String) value)));
          }
          break;
        case RLIKE:
          sql.append(expr).append(dialect == SqlDialect.POSTGRESQL ? " ~ ?" : " REGEXP ?");
          args.add(value);
          break;
        default:
          throw new IllegalStateException("no SQL for operator " + op);
      }
    }
  }
}
