package dev.tracelight.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills an experiment of a migrated Tracelight store with N synthetic traces by set-based SQL, so a
 * million rows take under a minute instead of the hours a million HTTP requests would. One
 * trace i has: request time 1 s apart, newest last; status ERROR for every tenth; tag {@code
 * mlflow.traceName} = {@code agent_<i % 50>}; tag {@code env} = {@code prod} / {@code dev}
 * alternately, {@code canary} for one trace in 1,000; metadata {@code mlflow.sourceRun} = {@code
 * run-<i % 100>}; one CHAIN span named like the trace whose inputs are {@code {"question":
 * "topic-<i % 100> ..."}}.
 */
final class ScaleDataLoader {
  static final long BASE_MS = 1_700_000_000_000L;

  private final Connection connection;
  private final boolean postgres;

  ScaleDataLoader(Connection connection, boolean postgres) {
    this.connection = connection;
    this.postgres = postgres;
  }

  /** Inserts {@code traces} traces into {@code experimentId}, one transaction per table, then analyzes. */
  void load(long experimentId, int traces) throws SQLException {
    String series = postgres
        ? "FROM generate_series(0, " + (traces - 1) + ") AS n(i)"
        : "FROM n";
    String with = postgres ? "" : "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n"
        + " WHERE i < " + (traces - 1) + ") ";
    String id = postgres ? "('tr-' || lpad(to_hex(i), 32, '0'))" : "printf('tr-%032x', i)";
    String spanId = postgres ? "lpad(to_hex(i), 16, '0')" : "printf('%016x', i)";
    String ms = "(" + BASE_MS + " + i * 1000)";
    String inputs = "('{\"question\": \"topic-' || (i % 100) || ' question ' || i || '\"}')";
    try (Statement s = connection.createStatement()) {
      if (!postgres) {
        // Bulk load only: the store sets its own durable pragmas on its connections.
        s.execute("PRAGMA synchronous = OFF");
        s.execute("PRAGMA cache_size = -262144");
      }
      connection.setAutoCommit(false);
      s.execute(with + "INSERT INTO trace_info (trace_id, experiment_id, request_time,"
          + " execution_duration, state, request_preview, response_preview, finalized)"
          + " SELECT " + id + ", " + experimentId + ", " + ms + ", ((i % 7919) * 7) % 5000,"
          + " CASE WHEN i % 10 = 0 THEN 'ERROR' ELSE 'OK' END, " + inputs + ", '\"ok\"', 1 "
          + series);
      connection.commit();
      s.execute(with + "INSERT INTO spans (trace_id, span_id, parent_span_id, experiment_id, name,"
          + " type, status, start_time_unix_nano, end_time_unix_nano, content)"
          + " SELECT " + id + ", " + spanId + ", NULL, " + experimentId + ", 'agent_' || (i % 50),"
          + " 'CHAIN', 'OK', " + ms + " * 1000000, " + ms + " * 1000000 + 5000000,"
          + " '{\"name\": \"agent_' || (i % 50) || '\", \"attributes\": {}}' " + series);
      connection.commit();
      s.execute(with + "INSERT INTO span_attributes (trace_id, span_id, key, value)"
          + " SELECT " + id + ", " + spanId + ", 'mlflow.spanType', 'CHAIN' " + series);
      s.execute(with + "INSERT INTO span_attributes (trace_id, span_id, key, value)"
          + " SELECT " + id + ", " + spanId + ", 'mlflow.spanInputs', " + inputs + " " + series);
      connection.commit();
      s.execute(with + "INSERT INTO trace_tags (trace_id, key, value)"
          + " SELECT " + id + ", 'mlflow.traceName', 'agent_' || (i % 50) " + series);
      s.execute(with + "INSERT INTO trace_tags (trace_id, key, value)"
          + " SELECT " + id + ", 'env', CASE WHEN i % 1000 = 999 THEN 'canary'"
          + " WHEN i % 2 = 0 THEN 'prod' ELSE 'dev' END " + series);
      connection.commit();
      s.execute(with + "INSERT INTO trace_metadata (trace_id, key, value)"
          + " SELECT " + id + ", 'mlflow.sourceRun', 'run-' || (i % 100) " + series);
      connection.commit();
      connection.setAutoCommit(true);
      s.execute(postgres
          ? "VACUUM ANALYZE trace_info, trace_tags, trace_metadata, spans, span_attributes"
          : "ANALYZE");
      if (!postgres) {
        s.execute("PRAGMA synchronous = NORMAL");
      }
    }
  }
}
