package dev.tracelight.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a trace's span summaries: the {@code spans} columns the tree and timeline need, and token
 * usage and cost from {@code span_attributes}, which keeps them as plain JSON text. Never selects
 * {@code content} or {@code content_deflated}, so no span body is read or inflated.
 */
final class SpanSummaryRows {
  private static final String SELECT =
      "SELECT s.span_id, s.parent_span_id, s.name, s.type, s.status, s.start_time_unix_nano,"
          + " s.end_time_unix_nano, u.value, c.value"
          + " FROM spans s"
          + " LEFT JOIN span_attributes u ON u.trace_id = s.trace_id AND u.span_id = s.span_id"
          + " AND u.key = ?"
          + " LEFT JOIN span_attributes c ON c.trace_id = s.trace_id AND c.span_id = s.span_id"
          + " AND c.key = ?"
          + " WHERE s.trace_id = ?"
          + " ORDER BY s.start_time_unix_nano, s.span_id";

  private SpanSummaryRows() {}

  static List<SpanSummary> select(Connection c, String traceId) throws SQLException {
    List<SpanSummary> result = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SELECT)) {
      ps.setString(1, SpanRecord.CHAT_TOKEN_USAGE);
      ps.setString(2, SpanRecord.LLM_COST);
      ps.setString(3, traceId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long end = rs.getLong(7); // NULL (not ended) reads as 0, the record's convention
          result.add(SpanSummary.create(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getString(4), SpanStatusCode.of(rs.getString(5)), rs.getLong(6), end,
              rs.getString(8), rs.getString(9)));
        }
      }
    }
    return result;
  }

  /** True if the trace exists, so an empty span list can be told from an unknown trace. */
  static boolean traceExists(Connection c, String traceId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM trace_info WHERE trace_id = ?")) {
      ps.setString(1, traceId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
