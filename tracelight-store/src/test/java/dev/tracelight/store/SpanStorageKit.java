package dev.tracelight.store;

import static dev.tracelight.store.TestSpans.newTraceId;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Span content as the database holds it: compressed since migration V4, rows written before it
 * still readable, and the bytes each takes. Backends run it as a {@code @Nested} class and give
 * it a plain connection to look underneath the store.
 */
abstract class SpanStorageKit extends TraceKitSupport {

  /** A connection to the backend's database (schema), for reading and planting raw rows. */
  abstract Connection connect() throws SQLException;

  /** SQL giving a column's stored size in bytes, as the database keeps it. */
  abstract String storedSize(String column);

  @Test
  void typicalSpans_roundTripCompressed() throws SQLException {
    for (String json : List.of(TypicalSpans.json1k(), TypicalSpans.json10k())) {
      String traceId = newTraceId();
      SpanRecord span = TypicalSpans.span(json, traceId);
      writer().acceptSpans(experimentId, List.of(span));

      SpanRecord read = reader().trace(traceId).orElseThrow().spans().get(0);
      assertThat(read.toMlflowSpanJson()).isEqualTo(span.toMlflowSpanJson());
      try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
          "SELECT content, content_deflated FROM spans WHERE trace_id = ?")) {
        ps.setString(1, traceId);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEmpty();
          assertThat(SpanContentCompression.decompress(rs.getBytes(2)))
              .isEqualTo(span.toMlflowSpanJson());
        }
      }
    }
  }

  @Test
  void rowWrittenBeforeV4_readsAndIsCompressedWhenRewritten() throws SQLException {
    String traceId = newTraceId();
    List<SpanRecord> spans = rootAndChild(traceId);
    writer().acceptSpans(experimentId, spans);
    SpanRecord child = spans.get(1);
    try (Connection c = connect()) {
      plantOldRow(c, child);
    }
    assertThat(reader().trace(traceId).orElseThrow().spans())
        .extracting(SpanRecord::toMlflowSpanJson)
        .containsExactly(spans.get(0).toMlflowSpanJson(), child.toMlflowSpanJson());

    writer().acceptSpans(experimentId, List.of(child));
    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT COUNT(*) FROM spans WHERE trace_id = ? AND content_deflated IS NULL")) {
      ps.setString(1, traceId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
    }
    assertThat(reader().trace(traceId).orElseThrow().spans()).hasSize(2);
  }

  /**
   * Stores each typical span twice, compressed and as a row from before V4, and compares the
   * bytes the database keeps for each (PostgreSQL may TOAST-compress the old text itself).
   */
  @Test
  void storedBytes_compressedRowsSmallerThanText() throws SQLException {
    StringBuilder report = new StringBuilder("stored span content bytes:");
    for (String json : List.of(TypicalSpans.json1k(), TypicalSpans.json10k())) {
      String newRow = newTraceId();
      String oldRow = newTraceId();
      SpanRecord span = TypicalSpans.span(json, newRow);
      SpanRecord old = TypicalSpans.span(json, oldRow);
      writer().acceptSpans(experimentId, List.of(span));
      writer().acceptSpans(experimentId, List.of(old));
      try (Connection c = connect()) {
        plantOldRow(c, old);
        long before = size(c, oldRow, "content");
        long after = size(c, newRow, "content_deflated") + size(c, newRow, "content");
        int text = old.toMlflowSpanJson().getBytes(StandardCharsets.UTF_8).length;
        report.append(String.format(" %d-byte span: %d before, %d after (%.1fx);",
            text, before, after, (double) before / after));
        assertThat(after).isLessThan(before);
      }
    }
    System.out.println(report + " on " + storage());
  }

  private long size(Connection c, String traceId, String column) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + storedSize(column) + " FROM spans WHERE trace_id = ?")) {
      ps.setString(1, traceId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Rewrites a stored span the way releases before V4 kept it: JSON text, nothing compressed. */
  static void plantOldRow(Connection c, SpanRecord span) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE spans SET content = ?,"
        + " content_deflated = NULL WHERE trace_id = ? AND span_id = ?")) {
      ps.setString(1, span.toMlflowSpanJson());
      ps.setString(2, span.traceId());
      ps.setString(3, span.spanId());
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }
}
