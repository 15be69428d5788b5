package dev.tracelight.bench;

import dev.tracelight.server.TracelightServer;
import dev.tracelight.server.TracelightServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many OTLP spans per second, and MB per second, the server sustains: a real server in process
 * on SQLite or PostgreSQL, several senders posting pre-built protobuf requests over loopback HTTP
 * for a fixed time, then a count of what the database holds.
 *
 * <pre>
 * java -cp tracelight-bench/target/tracelight-bench.jar dev.tracelight.bench.OtlpIngestLoad \
 *     [sqlite|postgres] [seconds=20] [senders=4] [spansPerRequest=100] [spanBytes=1024]
 * </pre>
 */
public final class OtlpIngestLoad {
  private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private OtlpIngestLoad() {}

  public static void main(String[] args) throws Exception {
    String store = arg(args, 0, "sqlite");
    int seconds = Integer.parseInt(arg(args, 1, "20"));
    int senders = Integer.parseInt(arg(args, 2, "4"));
    int spansPerRequest = Integer.parseInt(arg(args, 3, "100"));
    int spanBytes = Integer.parseInt(arg(args, 4, "1024"));

    // Bodies are built before measuring, so the clock times the server, not the protobuf encoder.
    int requests = Math.max(200, 8_000 * seconds / spansPerRequest);
    List<byte[]> bodies = new ArrayList<>(requests);
    for (int i = 0; i < requests; i++) {
      bodies.add(OtlpRequests.request(spansPerRequest, 10, spanBytes));
    }
    long bodyBytes = bodies.stream().mapToLong(b -> b.length).sum();
    System.out.printf("prepared %d requests of %d spans (%.1f MB), %d senders, %s store%n",
        requests, spansPerRequest, bodyBytes / 1e6, senders, store);

    String schema = "tl_load_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Path dir = Files.createTempDirectory("tracelight-load");
    String storeUri = store.equals("postgres")
        ? createSchema(schema)
        : "sqlite:///" + dir.resolve("load.db").toAbsolutePath();
    try (TracelightServer server = TracelightServer.start(
        TracelightServerConfig.builder().setPort(0).setBackendStoreUri(storeUri).build())) {
      Result warm = send(server.url(), bodies.subList(0, requests / 10), senders, Duration.ofSeconds(5));
      Result run = send(server.url(), bodies.subList(requests / 10, requests), senders,
          Duration.ofSeconds(seconds));
      long stored = countSpans(storeUri, store.equals("postgres") ? schema : null);
      long sent = (long) (warm.requests + run.requests) * spansPerRequest;
      System.out.printf("measured: %d requests in %.1f s%n", run.requests, run.seconds);
      System.out.printf("throughput: %.0f spans/s, %.2f MB/s of OTLP protobuf%n",
          run.requests * (double) spansPerRequest / run.seconds, run.bytes / 1e6 / run.seconds);
      System.out.printf("request latency: p50 %.1f ms, p99 %.1f ms%n", run.percentile(50), run.percentile(99));
      System.out.printf("stored spans: %d of %d acknowledged%s%n", stored, sent,
          stored == sent ? "" : "  <-- MISMATCH");
    } finally {
      if (store.equals("postgres")) {
        execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  private static final class Result {
    int requests;
    long bytes;
    double seconds;
    long[] latencyMicros = new long[0];

    double percentile(int p) {
      if (latencyMicros.length == 0) {
        return 0;
      }
      long[] sorted = latencyMicros.clone();
      Arrays.sort(sorted);
      return sorted[Math.min(sorted.length - 1, (int) (p / 100.0 * sorted.length))] / 1000.0;
    }
  }

  /** Sends the bodies with {@code senders} threads until they run out or the time is up. */
  private static Result send(String url, List<byte[]> bodies, int senders, Duration limit)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    AtomicInteger next = new AtomicInteger();
    long[] latencies = new long[bodies.size()];
    long deadline = System.nanoTime() + limit.toNanos();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    List<Future<long[]>> work = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      work.add(pool.submit(() -> {
        long sentBytes = 0;
        long count = 0;
        int i;
        while ((i = next.getAndIncrement()) < bodies.size() && System.nanoTime() < deadline) {
          byte[] body = bodies.get(i);
          long t0 = System.nanoTime();
          HttpResponse<Void> response = http.send(
              HttpRequest.newBuilder(URI.create(url + "/v1/traces"))
                  .header("Content-Type", "application/x-protobuf")
                  .header("x-mlflow-experiment-id", "0")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
              HttpResponse.BodyHandlers.discarding());
          if (response.statusCode() != 200) {
            throw new IllegalStateException("server answered " + response.statusCode());
          }
          latencies[i] = (System.nanoTime() - t0) / 1000;
          sentBytes += body.length;
          count++;
        }
        return new long[] {count, sentBytes};
      }));
    }
    Result result = new Result();
    for (Future<long[]> f : work) {
      long[] r = f.get();
      result.requests += (int) r[0];
      result.bytes += r[1];
    }
    result.seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    result.latencyMicros = Arrays.stream(latencies).filter(l -> l > 0).toArray();
    return result;
  }

  private static long countSpans(String storeUri, String schema) throws SQLException {
    String jdbc = schema != null ? storeUri : "jdbc:sqlite:" + storeUri.substring("sqlite:///".length());
    try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM spans")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String createSchema(String schema) throws SQLException {
    execute("CREATE SCHEMA " + schema);
    return POSTGRES + "&currentSchema=" + schema;
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(POSTGRES); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String arg(String[] args, int i, String fallback) {
    return args.length > i ? args[i] : fallback;
  }
}
