package dev.tracelight.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V3 fills {@code span_attributes} from the spans stored before it, decoding values as
 * the write path does, so that search finds old spans too; on SQLite and PostgreSQL.
 */
class SpanAttributesBackfillIT {
  @TempDir Path dir;

  static final String TRACE = "tr-0123456789abcdef0123456789abcdef";

  @Test
  void sqlite_backfillsDecodedAttributes() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("old.db");
    assertBackfilled(url, SqlDialect.SQLITE);
  }

  @Test
  void postgres_backfillsDecodedAttributes() throws Exception {
    try (PostgresSchema schema = PostgresSchema.create()) {
      assertBackfilled(schema.storeUri(), SqlDialect.POSTGRESQL);
    }
  }

  private static void assertBackfilled(String url, SqlDialect dialect) throws SQLException {
    Flyway.configure().dataSource(url, null, null).locations(dialect.migrations).target("2")
        .load().migrate();
    SpanRecord span = TestSpans.span(TRACE, "00f067aa0ba902b7", null, "agent", 1_000, 2_000)
        .putAttribute(SpanRecord.SPAN_TYPE, "\"CHAT_MODEL\"")
        .putAttribute("temperature", "0.7")
        .putAttribute("flags", "{\"stream\": true}")
        .putAttribute("note", "\"Zürich \\\"quoted\\\"\"")
        .putAttribute("plain", "not json")
        .build();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("INSERT INTO trace_info (trace_id, experiment_id, request_time, state)"
          + " VALUES ('" + TRACE + "', 0, 1, 'OK')");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO spans (trace_id, span_id,"
          + " experiment_id, name, status, start_time_unix_nano, content)"
          + " VALUES (?, ?, 0, 'agent', 'OK', 1000, ?)")) {
        ps.setString(1, TRACE);
        ps.setString(2, span.spanId());
        ps.setString(3, SpanContentCodec.encode(span));
        ps.executeUpdate();
      }
    }
    Flyway.configure().dataSource(url, null, null).locations(dialect.migrations).load().migrate();

    Map<String, String> stored = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT key, value FROM span_attributes")) {
      while (rs.next()) {
        stored.put(rs.getString(1), rs.getString(2));
      }
    }
    Map<String, String> expected = new TreeMap<>();
    for (Map.Entry<String, String> a : span.attributes().entrySet()) {
      expected.put(a.getKey(), SpanAttributeRows.searchValue(a.getValue()));
    }
    assertThat(stored).as(dialect.name()).isEqualTo(expected);
    assertThat(stored).containsEntry(SpanRecord.SPAN_TYPE, "CHAT_MODEL")
        .containsEntry("note", "Zürich \"quoted\"").containsEntry("plain", "not json")
        .containsEntry("temperature", "0.7");
    assertThat(List.copyOf(stored.keySet())).contains(SpanRecord.TRACE_REQUEST_ID);
  }
}
