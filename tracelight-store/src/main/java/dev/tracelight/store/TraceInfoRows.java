package dev.tracelight.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Queries on the {@code trace_info} table. */
final class TraceInfoRows {
  private static final String COLUMNS =
      "trace_id, experiment_id, client_request_id, request_time, execution_duration, state,"
          + " request_preview, response_preview";

  private TraceInfoRows() {}

  /** Creates the row of a trace first seen through its spans; a no-op if it exists. */
  static void insertIfAbsent(Connection c, String traceId, long experimentId, long requestTime)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO trace_info (trace_id, experiment_id, request_time, execution_duration, state,"
            + " finalized) VALUES (?, ?, ?, 0, ?, 0) ON CONFLICT (trace_id) DO NOTHING")) {
      ps.setString(1, traceId);
      ps.setLong(2, experimentId);
      ps.setLong(3, requestTime);
      ps.setString(4, TraceState.IN_PROGRESS.name());
      ps.executeUpdate();
    }
  }

  static boolean exists(Connection c, String traceId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM trace_info WHERE trace_id = ?")) {
      ps.setString(1, traceId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Deletes these traces of the experiment; their spans, metadata, tags and assessments go by
   * the foreign keys' cascade. Returns how many traces were deleted.
   */
  static int deleteByIds(Connection c, long experimentId, List<String> traceIds)
      throws SQLException {
    String in = String.join(",", Collections.nCopies(traceIds.size(), "?"));
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM trace_info WHERE experiment_id = ? AND trace_id IN (" + in + ")")) {
      ps.setLong(1, experimentId);
      for (int i = 0; i < traceIds.size(); i++) {
        ps.setString(i + 2, traceIds.get(i));
      }
      return ps.executeUpdate();
    }
  }

  /** Deletes the experiment's oldest traces started at or before a time, at most {@code limit}. */
  static int deleteOldest(Connection c, long experimentId, long maxRequestTime, int limit)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM trace_info WHERE trace_id IN (SELECT trace_id FROM trace_info"
            + " WHERE experiment_id = ? AND request_time <= ?"
            + " ORDER BY request_time ASC, trace_id ASC LIMIT ?)")) {
      ps.setLong(1, experimentId);
      ps.setLong(2, maxRequestTime);
      ps.setInt(3, limit);
      return ps.executeUpdate();
    }
  }

  /** Locks the row for this transaction (PostgreSQL) and tells whether its info is final. */
  static boolean lockAndIsFinalized(Connection c, SqlDialect dialect, String traceId)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT finalized FROM trace_info WHERE trace_id = ?" + dialect.forUpdate)) {
      ps.setString(1, traceId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getInt(1) != 0;
      }
    }
  }

  static void updateDerived(Connection c, String traceId, TraceDerivation d) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE trace_info SET request_time = ?, execution_duration = ?, state = ?,"
            + " request_preview = ?, response_preview = ? WHERE trace_id = ? AND finalized = 0")) {
      ps.setLong(1, d.requestTime);
      ps.setLong(2, d.executionDuration);
      ps.setString(3, d.state.name());
      ps.setString(4, d.requestPreview);
      ps.setString(5, d.responsePreview);
      ps.setString(6, traceId);
      ps.executeUpdate();
    }
  }

  /** Writes the authoritative info and marks it final. */
  static void upsertFinal(Connection c, TraceInfo info, long experimentId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO trace_info (" + COLUMNS + ", finalized) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"
            + " ON CONFLICT (trace_id) DO UPDATE SET experiment_id = excluded.experiment_id,"
            + " client_request_id = excluded.client_request_id,"
            + " request_time = excluded.request_time,"
            + " execution_duration = excluded.execution_duration, state = excluded.state,"
            + " request_preview = excluded.request_preview,"
            + " response_preview = excluded.response_preview, finalized = 1")) {
      ps.setString(1, info.traceId());
      ps.setLong(2, experimentId);
      ps.setString(3, info.clientRequestId().orElse(null));
      ps.setLong(4, info.requestTime());
      ps.setLong(5, info.executionDuration());
      ps.setString(6, info.state().name());
      ps.setString(7, info.requestPreview());
      ps.setString(8, info.responsePreview());
      ps.executeUpdate();
    }
  }

  /**
   * Trace infos matching {@code where} (with metadata, tags and assessments), in the order it
   * asks.
   */
  static List<TraceInfo> select(Connection c, String whereAndOrder, List<Object> args)
      throws SQLException {
    List<TraceInfo.Builder> builders = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM trace_info WHERE " + whereAndOrder)) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
          builders.add(TraceInfo.builder()
              .setTraceId(rs.getString(1))
              .setExperimentId(Long.toString(rs.getLong(2)))
              .setClientRequestId(rs.getString(3))
              .setRequestTime(rs.getLong(4))
              .setExecutionDuration(rs.getLong(5))
              .setState(TraceState.of(rs.getString(6)))
              .setRequestPreview(rs.getString(7))
              .setResponsePreview(rs.getString(8)));
        }
      }
    }
    Map<String, Map<String, String>> metadata = KeyValueRows.METADATA.select(c, ids);
    Map<String, Map<String, String>> tags = KeyValueRows.TAGS.select(c, ids);
    Map<String, List<Assessment>> assessments = AssessmentRows.select(c, ids);
    List<TraceInfo> result = new ArrayList<>(builders.size());
    for (int i = 0; i < builders.size(); i++) {
      result.add(builders.get(i)
          .setTraceMetadata(metadata.getOrDefault(ids.get(i), Map.of()))
          .setTags(tags.getOrDefault(ids.get(i), Map.of()))
          .setAssessments(assessments.getOrDefault(ids.get(i), List.of()))
          .build());
    }
    return result;
  }
}
