package dev.tracelight.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A manual check of search at scale, not part of the test run (it takes minutes): loads N traces
 * (default 1,000,000; one small span each, with tags, metadata and span attributes) into a
 * temporary SQLite file and a fresh PostgreSQL schema by set-based SQL, analyzes, then times
 * search pages through the store API and prints a Markdown table for docs/benchmarks.md.
 *
 * <pre>
 * mvn -B -q -pl tracelight-store -am install -DskipTests
 * mvn -B -q -pl tracelight-store test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.tracelight.store.SearchScaleCheck -Dexec.args="1000000 sqlite postgresql"
 * </pre>
 *
 * <p>Data per trace i: request time 1 s apart, newest last; status ERROR for every tenth; tag
 * {@code mlflow.traceName} = {@code agent_<i % 50>}; tag {@code env} = {@code prod} / {@code dev}
 * alternately, {@code canary} for one trace in 1,000; metadata {@code mlflow.sourceRun} = {@code
 * run-<i % 100>}; one span named like the trace, type CHAIN, inputs {@code {"question": "topic-<i %
 * 100> ..."}}.
 */
public final class SearchScaleCheck {
  private static final long BASE_MS = 1_700_000_000_000L;
  private static final int WARM_RUNS = 20;

  private SearchScaleCheck() {}

  public static void main(String[] args) throws Exception {
    int traces = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
    List<String> backends = args.length > 1
        ? Arrays.asList(args).subList(1, args.length) : List.of("sqlite", "postgresql");
    for (String backend : backends) {
      if (backend.equals("sqlite")) {
        Path dir = Files.createTempDirectory("tracelight-scale");
        Path file = dir.resolve("scale.db");
        try {
          run("SQLite", "sqlite:///" + file, "jdbc:sqlite:" + file, SqlDialect.SQLITE, traces);
        } finally {
          if (Boolean.getBoolean("keep")) {
            System.out.println("kept " + file);
          } else {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
              Files.deleteIfExists(dir.resolve("scale.db" + suffix));
            }
            Files.deleteIfExists(dir);
          }
        }
      } else {
        String schema = "tl_scale_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String server = PostgresSchema.SERVER;
        execute(server, "CREATE SCHEMA " + schema);
        try {
          String url = server + "&currentSchema=" + schema;
          run("PostgreSQL", url, url, SqlDialect.POSTGRESQL, traces);
        } finally {
          execute(server, "DROP SCHEMA " + schema + " CASCADE");
        }
      }
    }
  }

  private static void run(String label, String storeUri, String jdbcUrl, SqlDialect dialect,
      int traces) throws Exception {
    try (Storage storage = StorageFactory.open(storeUri)) {
      String experimentId = storage.experiments().createExperiment("scale", null, Map.of());
      long started = System.nanoTime();
      try (Connection c = DriverManager.getConnection(jdbcUrl)) {
        load(c, dialect, Long.parseLong(experimentId), traces);
      }
      System.out.printf(Locale.ROOT, "%n%s: loaded %,d traces in %.0f s%n", label, traces,
          (System.nanoTime() - started) / 1e9);

      TraceReader reader = storage.traceReader();
      TraceQuery defaultFirst = TraceQuery.builder().addExperimentId(experimentId).build();
      String page10 = defaultFirst.pageToken().orElse(null);
      for (int i = 0; i < 10; i++) {
        page10 = reader.searchTraces(TraceQuery.builder().addExperimentId(experimentId)
            .setPageToken(page10).build()).nextPageToken().orElseThrow();
      }
      List<Object[]> cases = new ArrayList<>();
      cases.add(new Object[] {"default order (timestamp_ms DESC), first page", null, null, null});
      cases.add(new Object[] {"default order, 11th page (keyset token)", null, null, page10});
      cases.add(new Object[] {"tag.env = 'prod' (50%)", "tag.env = 'prod'", null, null});
      cases.add(new Object[] {"tag.env = 'canary' (0.1%)", "tag.env = 'canary'", null, null});
      cases.add(new Object[] {"trace.status = 'ERROR' AND trace.run_id = 'run-10' (1%)",
          "trace.status = 'ERROR' AND trace.run_id = 'run-10'", null, null});
      cases.add(new Object[] {"span.name = 'agent_7' (2%)", "span.name = 'agent_7'", null, null});
      cases.add(new Object[] {"trace.text LIKE '%topic-42 %' (1%)", "trace.text LIKE '%topic-42 %'",
          null, null});
      cases.add(new Object[] {"timestamp_ms ASC, first page", null, "timestamp_ms ASC", null});
      cases.add(new Object[] {"execution_time_ms ASC, first page", null, "execution_time_ms ASC",
          null});
      System.out.printf("%n| %s, %,d traces, page of 100 | first (ms) | median (ms) | p95 (ms) |%n",
          label, traces);
      System.out.println("|---|---:|---:|---:|");
      for (Object[] c : cases) {
        TraceQuery.Builder q = TraceQuery.builder().addExperimentId(experimentId)
            .setFilter((String) c[1]).setPageToken((String) c[3]);
        if (c[2] != null) {
          q.addOrderBy((String) c[2]);
        }
        TraceQuery query = q.build();
        double[] ms = new double[WARM_RUNS + 1];
        int found = 0;
        for (int i = 0; i <= WARM_RUNS; i++) {
          long t = System.nanoTime();
          found = reader.searchTraces(query).items().size();
          ms[i] = (System.nanoTime() - t) / 1e6;
        }
        double first = ms[0];
        double[] warm = Arrays.copyOfRange(ms, 1, ms.length);
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "| %s (%d rows) | %.1f | %.1f | %.1f |%n", c[0], found,
            first, warm[warm.length / 2], warm[(int) Math.ceil(warm.length * 0.95) - 1]);
      }
    }
  }

  /** Inserts the traces with set-based SQL in one transaction per table, then analyzes. */
  private static void load(Connection c, SqlDialect dialect, long experimentId, int traces)
      throws SQLException {
    boolean pg = dialect == SqlDialect.POSTGRESQL;
    String series = pg
        ? "FROM generate_series(0, " + (traces - 1) + ") AS n(i)"
        : "FROM n";
    String with = pg ? "" : "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n"
        + " WHERE i < " + (traces - 1) + ") ";
    String id = pg ? "('tr-' || lpad(to_hex(i), 32, '0'))" : "printf('tr-%032x', i)";
    String spanId = pg ? "lpad(to_hex(i), 16, '0')" : "printf('%016x', i)";
    String ms = "(" + BASE_MS + " + i * 1000)";
    String inputs = "('{\"question\": \"topic-' || (i % 100) || ' question ' || i || '\"}')";
    try (Statement s = c.createStatement()) {
      if (!pg) {
        s.execute("PRAGMA synchronous = OFF");
        s.execute("PRAGMA cache_size = -262144");
      }
      c.setAutoCommit(false);
      s.execute(with + "INSERT INTO trace_info (trace_id, experiment_id, request_time,"
          + " execution_duration, state, request_preview, response_preview, finalized)"
          + " SELECT " + id + ", " + experimentId + ", " + ms + ", ((i % 7919) * 7) % 5000,"
          + " CASE WHEN i % 10 = 0 THEN 'ERROR' ELSE 'OK' END, " + inputs + ", '\"ok\"', 1 "
          + series);
      c.commit();
      s.execute(with + "INSERT INTO spans (trace_id, span_id, parent_span_id, experiment_id, name,"
          + " type, status, start_time_unix_nano, end_time_unix_nano, content)"
          + " SELECT " + id + ", " + spanId + ", NULL, " + experimentId + ", 'agent_' || (i % 50),"
          + " 'CHAIN', 'OK', " + ms + " * 1000000, " + ms + " * 1000000 + 5000000,"
          + " '{\"name\": \"agent_' || (i % 50) || '\", \"attributes\": {}}' " + series);
      c.commit();
      s.execute(with + "INSERT INTO span_attributes (trace_id, span_id, key, value)"
          + " SELECT " + id + ", " + spanId + ", 'mlflow.spanType', 'CHAIN' " + series);
      s.execute(with + "INSERT INTO span_attributes (trace_id, span_id, key, value)"
          + " SELECT " + id + ", " + spanId + ", 'mlflow.spanInputs', " + inputs + " " + series);
      c.commit();
      s.execute(with + "INSERT INTO trace_tags (trace_id, key, value)"
          + " SELECT " + id + ", 'mlflow.traceName', 'agent_' || (i % 50) " + series);
      s.execute(with + "INSERT INTO trace_tags (trace_id, key, value)"
          + " SELECT " + id + ", 'env', CASE WHEN i % 1000 = 999 THEN 'canary'"
          + " WHEN i % 2 = 0 THEN 'prod' ELSE 'dev' END " + series);
      c.commit();
      s.execute(with + "INSERT INTO trace_metadata (trace_id, key, value)"
          + " SELECT " + id + ", 'mlflow.sourceRun', 'run-' || (i % 100) " + series);
      c.commit();
      c.setAutoCommit(true);
      s.execute(pg ? "VACUUM ANALYZE trace_info, trace_tags, trace_metadata, spans, span_attributes"
          : "ANALYZE");
      if (!pg) {
        s.execute("PRAGMA synchronous = NORMAL");
      }
    }
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.execute();
    }
  }
}
