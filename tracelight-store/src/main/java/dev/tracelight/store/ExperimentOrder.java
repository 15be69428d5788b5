package dev.tracelight.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The order of an experiment search, from MLflow's {@code order_by} strings, always ending with
 * the experiment id so rows never tie and keyset paging neither skips nor repeats a row. Keys:
 * {@code name}, {@code creation_time}, {@code last_update_time}, {@code experiment_id} (with or
 * without an {@code attribute.}/{@code attributes.} prefix), each ASC (the default) or DESC.
 * Ties are broken by experiment id descending, as MLflow documents; the default is {@code
 * creation_time DESC, experiment_id DESC}, newest first.
 */
final class ExperimentOrder {
  /** Sortable columns of {@code experiments}. */
  enum Column {
    NAME("name"),
    CREATION_TIME("creation_time"),
    LAST_UPDATE_TIME("last_update_time"),
    EXPERIMENT_ID("experiment_id");

    final String sql;

    Column(String sql) {
      this.sql = sql;
    }

    Object valueOf(Experiment e) {
      switch (this) {
        case NAME:
          return e.name();
        case CREATION_TIME:
          return e.creationTime();
        case LAST_UPDATE_TIME:
          return e.lastUpdateTime();
        default:
          return Long.parseLong(e.experimentId());
      }
    }
  }

  /** One sort key. */
  record Key(Column column, boolean descending) {
    @Override
    public String toString() {
      return "experiments." + column.sql + (descending ? " DESC" : " ASC");
    }
  }

  private static final ExperimentOrder DEFAULT = new ExperimentOrder(List.of(
      new Key(Column.CREATION_TIME, true), new Key(Column.EXPERIMENT_ID, true)));

  private final List<Key> keys;

  private ExperimentOrder(List<Key> keys) {
    this.keys = List.copyOf(keys);
  }

  /** Parses {@code order_by}; none gives the default, newest first. */
  static ExperimentOrder parse(List<String> orderBy) {
    List<Key> keys = new ArrayList<>();
    for (String text : orderBy) {
      if (text.isBlank()) {
        continue;
      }
      Key key = parseKey(text);
      if (keys.stream().noneMatch(k -> k.column() == key.column())) {
        keys.add(key);
      }
    }
    if (keys.isEmpty()) {
      return DEFAULT;
    }
    if (keys.stream().noneMatch(k -> k.column() == Column.EXPERIMENT_ID)) {
      keys.add(new Key(Column.EXPERIMENT_ID, true));
    }
    // Experiment ids are unique: keys after one could never order anything.
    int id = keys.indexOf(keys.stream().filter(k -> k.column() == Column.EXPERIMENT_ID)
        .findFirst().orElseThrow());
    return new ExperimentOrder(keys.subList(0, id + 1));
  }

  private static Key parseKey(String text) {
    String[] words = text.trim().split("\\s+");
    String field = words[0].replaceFirst("^(?i)(attribute|attributes)\\.", "")
        .replace("`", "").toLowerCase(Locale.ROOT);
    Column column = null;
    for (Column c : Column.values()) {
      if (c.sql.equals(field)) {
        column = c;
      }
    }
    if (column == null) {
      throw StoreException.invalid("Invalid order_by '" + text + "': supported are name,"
          + " creation_time, last_update_time and experiment_id, each ASC or DESC");
    }
    String direction = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "ASC";
    if (words.length > 2 || !(direction.equals("ASC") || direction.equals("DESC"))) {
      throw StoreException.invalid(
          "Invalid order_by '" + text + "': expected '<field> [ASC|DESC]'");
    }
    return new Key(column, direction.equals("DESC"));
  }

  /** The ORDER BY list. */
  String sql() {
    List<String> parts = new ArrayList<>();
    keys.forEach(k -> parts.add(k.toString()));
    return String.join(", ", parts);
  }

  /**
   * Appends {@code AND (rows after the token's row)}: for keys k1..kn with the token's values
   * v1..vn, {@code k1 > v1 OR (k1 = v1 AND k2 > v2) OR ...}, with {@code <} for descending keys.
   */
  void appendAfter(String pageToken, StringBuilder where, List<Object> args) {
    List<Object> values = decode(pageToken);
    where.append(" AND (");
    for (int i = 0; i < keys.size(); i++) {
      where.append(i == 0 ? "(" : " OR (");
      for (int j = 0; j < i; j++) {
        where.append("experiments.").append(keys.get(j).column().sql).append(" = ? AND ");
        args.add(values.get(j));
      }
      Key key = keys.get(i);
      where.append("experiments.").append(key.column().sql)
          .append(key.descending() ? " < ?" : " > ?").append(')');
      args.add(values.get(i));
    }
    where.append(')');
  }

  /** The token that continues after {@code last}. */
  String pageToken(Experiment last) {
    List<String> values = new ArrayList<>();
    keys.forEach(k -> values.add(String.valueOf(k.column().valueOf(last))));
    return PageToken.encodeExperimentKey(sql(), values);
  }

  private List<Object> decode(String token) {
    List<String> raw = PageToken.decodeExperimentKey(token, sql(), keys.size());
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).column() == Column.NAME) {
        values.add(raw.get(i));
        continue;
      }
      try {
        values.add(Long.parseLong(raw.get(i)));
      } catch (NumberFormatException e) {
        throw StoreException.invalid("Invalid page token: " + token);
      }
    }
    return values;
  }

  @Override
  public String toString() {
    return sql();
  }
}
