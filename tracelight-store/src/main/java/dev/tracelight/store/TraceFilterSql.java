package dev.tracelight.store;

import java.util.List;

/**
 * Renders a {@link TraceFilter} as SQL conditions on {@code trace_info} with bind parameters:
 * values never become SQL text. A tag or metadata comparison matches only traces that have the
 * key, so {@code tag.env != 'prod'} skips traces without an {@code env} tag, as in MLflow.
 */
final class TraceFilterSql {
  private TraceFilterSql() {}

  /** Appends {@code AND <condition>} per comparison to {@code where}, and its values to args. */
  static void append(TraceFilter filter, StringBuilder where, List<Object> args) {
    for (TraceFilter.Comparison c : filter.comparisons()) {
      where.append(" AND ");
      TraceFilter.Field field = c.field();
      String op = c.operator().sql;
      if (field instanceof TraceFilter.Attribute) {
        where.append(column((TraceFilter.Attribute) field)).append(' ').append(op).append(" ?");
        args.add(c.value());
      } else if (field instanceof TraceFilter.Tag) {
        keyValue(where, args, "trace_tags", ((TraceFilter.Tag) field).key(), op, c.value());
      } else if (field instanceof TraceFilter.Metadata) {
        keyValue(where, args, "trace_metadata", ((TraceFilter.Metadata) field).key(), op,
            c.value());
      } else {
        throw new IllegalStateException("no SQL for filter field " + field);
      }
    }
  }

  private static String column(TraceFilter.Attribute attribute) {
    switch (attribute) {
      case STATUS:
        return "trace_info.state";
      case TIMESTAMP_MS:
        return "trace_info.request_time";
      case EXECUTION_TIME_MS:
        return "trace_info.execution_duration";
      default:
        throw new IllegalStateException("no column for " + attribute);
    }
  }

  private static void keyValue(StringBuilder where, List<Object> args, String table, String key,
      String op, Object value) {
    where.append("EXISTS (SELECT 1 FROM ").append(table)
        .append(" kv WHERE kv.trace_id = trace_info.trace_id AND kv.key = ? AND kv.value ")
        .append(op).append(" ?)");
    args.add(key);
    args.add(value);
  }
}
