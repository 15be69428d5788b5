package dev.tracelight.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Queries on the per-trace key/value tables: {@code trace_metadata} and {@code trace_tags}. */
final class KeyValueRows {
  static final KeyValueRows METADATA = new KeyValueRows("trace_metadata");
  static final KeyValueRows TAGS = new KeyValueRows("trace_tags");

  private final String table;

  private KeyValueRows(String table) {
    this.table = table;
  }

  /** Sets each entry, replacing a value stored under the same key. */
  void upsert(Connection c, String traceId, Map<String, String> entries) throws SQLException {
    if (entries.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO " + table + " (trace_id, key, value) VALUES (?, ?, ?)"
            + " ON CONFLICT (trace_id, key) DO UPDATE SET value = excluded.value")) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        ps.setString(1, traceId);
        ps.setString(2, e.getKey());
        ps.setString(3, e.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Deletes one entry; returns whether it existed. */
  boolean delete(Connection c, String traceId, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM " + table + " WHERE trace_id = ? AND key = ?")) {
      ps.setString(1, traceId);
      ps.setString(2, key);
      return ps.executeUpdate() > 0;
    }
  }

  /** Entries per trace id, keys sorted. */
  Map<String, Map<String, String>> select(Connection c, Collection<String> traceIds)
      throws SQLException {
    Map<String, Map<String, String>> result = new HashMap<>();
    if (traceIds.isEmpty()) {
      return result;
    }
    String in = String.join(",", Collections.nCopies(traceIds.size(), "?"));
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT trace_id, key, value FROM " + table + " WHERE trace_id IN (" + in + ")")) {
      int i = 1;
      for (String id : traceIds) {
        ps.setString(i++, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          result.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
              .put(rs.getString(2), rs.getString(3));
        }
      }
    }
    return result;
  }
}
