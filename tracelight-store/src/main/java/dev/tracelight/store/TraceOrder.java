package dev.tracelight.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The order of a trace search, from MLflow's {@code order_by} strings. Keys: {@code
 * timestamp_ms}, {@code execution_time_ms}, {@code status}, {@code request_id}, {@code name} (the
 * trace name tag), {@code run_id} (metadata {@code mlflow.sourceRun}), {@code experiment_id}, with
 * or without a {@code trace.}/{@code attribute(s).} prefix, each {@code ASC} (the default) or
 * {@code DESC}. As MLflow, {@code timestamp_ms DESC} and then {@code request_id ASC} are appended
 * as tie-breakers, so rows never tie and keyset paging neither skips nor repeats a row. A trace
 * without a name or run sorts as the empty string.
 */
final class TraceOrder {
  /** Sortable values of a trace. */
  enum Column {
    REQUEST_TIME("trace_info.request_time", "timestamp_ms", true),
    EXECUTION_DURATION("trace_info.execution_duration", "execution_time_ms", true),
    STATUS("trace_info.state", "status", false),
    TRACE_ID("trace_info.trace_id", "request_id", false),
    NAME("COALESCE((SELECT o.value FROM trace_tags o WHERE o.trace_id = trace_info.trace_id"
        + " AND o.key = '" + TraceInfo.TRACE_NAME + "'), '')", "name", false),
    RUN_ID("COALESCE((SELECT o.value FROM trace_metadata o WHERE o.trace_id = trace_info.trace_id"
        + " AND o.key = '" + SqlTraceLinks.SOURCE_RUN + "'), '')", "run_id", false),
    EXPERIMENT_ID("trace_info.experiment_id", "experiment_id", true);

    /** The SQL expression sorted on; constant text only, never a user's value. */
    final String sql;
    /** The order_by spelling. */
    final String key;
    /** Whether values are integers (else text). */
    final boolean numeric;

    Column(String sql, String key, boolean numeric) {
      this.sql = sql;
      this.key = key;
      this.numeric = numeric;
    }

    Object valueOf(TraceInfo info) {
      switch (this) {
        case REQUEST_TIME:
          return info.requestTime();
        case EXECUTION_DURATION:
          return info.executionDuration();
        case STATUS:
          return info.state().name();
        case NAME:
          return info.tags().getOrDefault(TraceInfo.TRACE_NAME, "");
        case RUN_ID:
          return info.traceMetadata().getOrDefault(SqlTraceLinks.SOURCE_RUN, "");
        case EXPERIMENT_ID:
          return Long.parseLong(info.experimentId());
        default:
          return info.traceId();
      }
    }
  }

  /** One sort key. */
  record Key(Column column, boolean descending) {
    @Override
    public String toString() {
      return column.key + (descending ? " DESC" : " ASC");
    }
  }

  /** Newest first, MLflow's default. */
  static final TraceOrder DEFAULT =
      new TraceOrder(List.of(new Key(Column.REQUEST_TIME, true), new Key(Column.TRACE_ID, false)));

  private static final String SUPPORTED = "timestamp_ms, execution_time_ms, status, request_id,"
      + " name, run_id and experiment_id, each ASC or DESC";

  private final List<Key> keys;

  private TraceOrder(List<Key> keys) {
    this.keys = List.copyOf(keys);
  }

  /** Parses {@code order_by}; none gives {@link #DEFAULT}. */
  static TraceOrder parse(List<String> orderBy) {
    List<Key> keys = new ArrayList<>();
    for (String text : orderBy) {
      if (text.isBlank()) {
        continue;
      }
      add(keys, parseKey(text));
    }
    add(keys, new Key(Column.REQUEST_TIME, true));
    add(keys, new Key(Column.TRACE_ID, false));
    return new TraceOrder(keys);
  }

  /** Adds a key unless its column is there already or a unique trace id already ends the order. */
  private static void add(List<Key> keys, Key key) {
    boolean complete = !keys.isEmpty() && keys.get(keys.size() - 1).column() == Column.TRACE_ID;
    if (!complete && keys.stream().noneMatch(k -> k.column() == key.column())) {
      keys.add(key);
    }
  }

  private static Key parseKey(String text) {
    String[] words = text.trim().split("\\s+");
    String field = words[0].toLowerCase(Locale.ROOT)
        .replaceFirst("^(trace|attributes?)\\.", "").replace("`", "");
    Column column;
    switch (field) {
      case "timestamp_ms":
      case "timestamp":
        column = Column.REQUEST_TIME;
        break;
      case "execution_time_ms":
      case "execution_time":
        column = Column.EXECUTION_DURATION;
        break;
      case "status":
        column = Column.STATUS;
        break;
      case "request_id":
      case "trace_id":
        column = Column.TRACE_ID;
        break;
      case "name":
        column = Column.NAME;
        break;
      case "run_id":
        column = Column.RUN_ID;
        break;
      case "experiment_id":
        column = Column.EXPERIMENT_ID;
        break;
      default:
        throw StoreException.invalid("Invalid order_by '" + text + "': unknown key '" + words[0]
            + "'; supported are " + SUPPORTED);
    }
    String direction = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "ASC";
    if (words.length > 2 || !(direction.equals("ASC") || direction.equals("DESC"))) {
      throw StoreException.invalid(
          "Invalid order_by '" + text + "': expected '<key> [ASC|DESC]'");
    }
    return new Key(column, direction.equals("DESC"));
  }

  List<Key> keys() {
    return keys;
  }

  /** The ORDER BY list, e.g. {@code trace_info.request_time DESC, trace_info.trace_id ASC}. */
  String sql() {
    List<String> parts = new ArrayList<>();
    keys.forEach(k -> parts.add(k.column().sql + (k.descending() ? " DESC" : " ASC")));
    return String.join(", ", parts);
  }

  /**
   * Appends {@code AND (rows after the token's row)} in this order: for keys k1..kn with the
   * token's values v1..vn, {@code k1 >= v1 AND (k1 > v1 OR (k1 = v1 AND k2 > v2) OR ...)}, with
   * {@code <} for descending keys. The leading bound lets an index seek straight to the row.
   */
  void appendAfter(String pageToken, StringBuilder where, List<Object> args) {
    List<Object> values = PageToken.decodeTraceKey(pageToken, this);
    Key first = keys.get(0);
    where.append(" AND ").append(first.column().sql).append(first.descending() ? " <= ?" : " >= ?");
    args.add(values.get(0));
    where.append(" AND (");
    for (int i = 0; i < keys.size(); i++) {
      where.append(i == 0 ? "(" : " OR (");
      for (int j = 0; j < i; j++) {
        where.append(keys.get(j).column().sql).append(" = ? AND ");
        args.add(values.get(j));
      }
      Key key = keys.get(i);
      where.append(key.column().sql).append(key.descending() ? " < ?" : " > ?").append(')');
      args.add(values.get(i));
    }
    where.append(')');
  }

  /** The token that continues after {@code last}. */
  String pageToken(TraceInfo last) {
    List<Object> values = new ArrayList<>();
    keys.forEach(k -> values.add(k.column().valueOf(last)));
    return PageToken.encodeTraceKey(this, values);
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    keys.forEach(k -> parts.add(k.toString()));
    return String.join(", ", parts);
  }
}
