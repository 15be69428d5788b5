package dev.tracelight.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Keeps a trace's {@value TraceInfo#COST} metadata current: summed from its spans ({@link
 * TraceCost}) as they arrive, also after {@code StartTraceV3} finalized the trace, unless that
 * call carried a cost of its own ({@code trace_info.client_cost}), which is then kept.
 */
final class TraceCostRows {
  private TraceCostRows() {}

  /** Records whether the authoritative info brought its own cost. */
  static void setClientCost(Connection c, String traceId, boolean clientCost) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE trace_info SET client_cost = ? WHERE trace_id = ?")) {
      ps.setInt(1, clientCost ? 1 : 0);
      ps.setString(2, traceId);
      ps.executeUpdate();
    }
  }

  /** True if the trace's cost came with its {@code StartTraceV3}. */
  static boolean hasClientCost(Connection c, String traceId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT client_cost FROM trace_info WHERE trace_id = ?")) {
      ps.setString(1, traceId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getInt(1) != 0;
      }
    }
  }

  /** Writes the cost summed over {@code spans} (all of the trace's), if any carries one. */
  static void update(Connection c, String traceId, List<SpanRecord> spans) throws SQLException {
    String cost = TraceCost.aggregate(spans);
    if (cost != null) {
      KeyValueRows.METADATA.upsert(c, traceId, Map.of(TraceInfo.COST, cost));
    }
  }
}
