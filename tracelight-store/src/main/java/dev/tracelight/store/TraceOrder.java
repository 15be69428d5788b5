package dev.tracelight.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The order of a trace search, from MLflow's {@code order_by} strings, always ending with the
 * trace id so rows never tie and keyset paging neither skips nor repeats a row. Supported keys:
 * {@code timestamp_ms}, {@code execution_time_ms}, {@code request_id} (with or without a {@code
 * trace.}/{@code attributes.} prefix), each {@code ASC} (the default) or {@code DESC}.
 */
final class TraceOrder {
  /** Sortable columns of {@code trace_info}. */
  enum Column {
    REQUEST_TIME("request_time"),
    EXECUTION_DURATION("execution_duration"),
    TRACE_ID("trace_id");

    final String sql;

    Column(String sql) {
      this.sql = sql;
    }

    Object valueOf(TraceInfo info) {
      switch (this) {
        case REQUEST_TIME:
          return info.requestTime();
        case EXECUTION_DURATION:
          return info.executionDuration();
        default:
          return info.traceId();
      }
    }
  }

  /** One sort key. */
  record Key(Column column, boolean descending) {
    @Override
    public String toString() {
      return column.sql + (descending ? " DESC" : " ASC");
    }
  }

  /** Newest first, MLflow's default. */
  static final TraceOrder DEFAULT =
      new TraceOrder(List.of(new Key(Column.REQUEST_TIME, true), new Key(Column.TRACE_ID, false)));

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
      Key key = parseKey(text);
      if (keys.stream().noneMatch(k -> k.column() == key.column())) {
        keys.add(key);
      }
      if (key.column() == Column.TRACE_ID) {
        break; // trace ids are unique: later keys could never order anything
      }
    }
    if (keys.isEmpty()) {
      return DEFAULT;
    }
    if (keys.get(keys.size() - 1).column() != Column.TRACE_ID) {
      keys.add(new Key(Column.TRACE_ID, false));
    }
    return new TraceOrder(keys);
  }

  private static Key parseKey(String text) {
    String[] words = text.trim().split("\\s+");
    String field = words[0].toLowerCase(Locale.ROOT).replaceFirst("^(trace|attributes?)\\.", "");
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
      case "request_id":
      case "trace_id":
        column = Column.TRACE_ID;
        break;
      default:
        throw StoreException.invalid("order_by '" + text + "' is not supported yet; supported"
            + " are timestamp_ms, execution_time_ms and request_id, each ASC or DESC");
    }
    String direction = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "ASC";
    if (words.length > 2 || !(direction.equals("ASC") || direction.equals("DESC"))) {
      throw StoreException.invalid(
          "Invalid order_by '" + text + "': expected '<field> [ASC|DESC]'");
    }
    return new Key(column, direction.equals("DESC"));
  }

  /** The ORDER BY list, e.g. {@code request_time DESC, trace_id ASC}. */
  String sql() {
    List<String> parts = new ArrayList<>();
    keys.forEach(k -> parts.add(k.toString()));
    return String.join(", ", parts);
  }

  /**
   * Appends {@code AND (rows after the token's row)} in this order: for keys k1..kn with the
   * token's values v1..vn, {@code k1 > v1 OR (k1 = v1 AND k2 > v2) OR ...}, with {@code <} for
   * descending keys.
   */
  void appendAfter(String pageToken, StringBuilder where, List<Object> args) {
    List<Object> values = decode(pageToken);
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
    List<String> values = new ArrayList<>();
    keys.forEach(k -> values.add(String.valueOf(k.column().valueOf(last))));
    return PageToken.encodeTraceKey(sql(), values);
  }

  private List<Object> decode(String token) {
    List<String> raw = PageToken.decodeTraceKey(token, sql(), keys.size());
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).column() == Column.TRACE_ID) {
        values.add(raw.get(i));
      } else {
        try {
          values.add(Long.parseLong(raw.get(i)));
        } catch (NumberFormatException e) {
          throw StoreException.invalid("Invalid page token: " + token);
        }
      }
    }
    return values;
  }

  @Override
  public String toString() {
    return sql();
  }
}
