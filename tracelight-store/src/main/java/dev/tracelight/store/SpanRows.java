package dev.tracelight.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Queries on the {@code spans} table. */
final class SpanRows {
  private SpanRows() {}

  /**
   * Inserts or replaces spans by (trace_id, span_id), so a re-sent batch is stored once. The
   * content goes compressed into {@code content_deflated}; {@code content} keeps the JSON text of
   * rows written before migration V4 only.
   */
  static void upsert(Connection c, long experimentId, List<SpanRecord> spans) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO spans (trace_id, span_id, parent_span_id, experiment_id, name, type, status,"
            + " start_time_unix_nano, end_time_unix_nano, content, content_deflated)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)"
            + " ON CONFLICT (trace_id, span_id) DO UPDATE SET"
            + " parent_span_id = excluded.parent_span_id, experiment_id = excluded.experiment_id,"
            + " name = excluded.name, type = excluded.type, status = excluded.status,"
            + " start_time_unix_nano = excluded.start_time_unix_nano,"
            + " end_time_unix_nano = excluded.end_time_unix_nano, content = excluded.content,"
            + " content_deflated = excluded.content_deflated")) {
      for (SpanRecord s : spans) {
        ps.setString(1, s.traceId());
        ps.setString(2, s.spanId());
        ps.setString(3, s.parentSpanId().orElse(null));
        ps.setLong(4, experimentId);
        ps.setString(5, s.name());
        ps.setString(6, s.spanType().orElse(null));
        ps.setString(7, s.statusCode().name());
        ps.setLong(8, s.startTimeUnixNano());
        if (s.endTimeUnixNano() == 0) {
          ps.setNull(9, Types.BIGINT);
        } else {
          ps.setLong(9, s.endTimeUnixNano());
        }
        ps.setBytes(10, SpanContentCompression.compress(SpanContentCodec.encode(s)));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    SpanAttributeRows.replace(c, spans);
  }

  /** Moves a trace's spans to the experiment its authoritative info names. */
  static void moveToExperiment(Connection c, String traceId, long experimentId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE spans SET experiment_id = ? WHERE trace_id = ?")) {
      ps.setLong(1, experimentId);
      ps.setString(2, traceId);
      ps.executeUpdate();
    }
  }

  /** Spans per trace id, each list ordered by start time. */
  static Map<String, List<SpanRecord>> select(Connection c, Collection<String> traceIds)
      throws SQLException {
    Map<String, List<SpanRecord>> result = new LinkedHashMap<>();
    if (traceIds.isEmpty()) {
      return result;
    }
    String in = String.join(",", Collections.nCopies(traceIds.size(), "?"));
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT trace_id, content, content_deflated FROM spans WHERE trace_id IN (" + in + ")"
            + " ORDER BY trace_id, start_time_unix_nano, span_id")) {
      int i = 1;
      for (String id : traceIds) {
        ps.setString(i++, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String traceId = rs.getString(1);
          byte[] deflated = rs.getBytes(3);
          String content = deflated == null
              ? rs.getString(2) // written before migration V4
              : SpanContentCompression.decompress(deflated);
          result.computeIfAbsent(traceId, k -> new ArrayList<>())
              .add(SpanContentCodec.decode(traceId, content));
        }
      }
    }
    return result;
  }

  /** One span with its content, or null when the trace has no such span. */
  static SpanRecord selectOne(Connection c, String traceId, String spanId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT content, content_deflated FROM spans WHERE trace_id = ? AND span_id = ?")) {
      ps.setString(1, traceId);
      ps.setString(2, spanId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        byte[] deflated = rs.getBytes(2);
        String content = deflated == null
            ? rs.getString(1) // written before migration V4
            : SpanContentCompression.decompress(deflated);
        return SpanContentCodec.decode(traceId, content);
      }
    }
  }
}
