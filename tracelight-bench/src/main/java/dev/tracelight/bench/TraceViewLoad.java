package dev.tracelight.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelight.server.TracelightServer;
import dev.tracelight.server.TracelightServerConfig;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * What opening one very large trace in the web UI costs: sends one {@link BigTrace} of N spans
 * (default 10,000) by OTLP to a real server in process, on a temporary SQLite file or a fresh
 * PostgreSQL schema, then times over loopback HTTP the trace page's two reads (the span summaries,
 * one span's content) against GetTrace with every span, and finally the page itself in headless
 * Chromium ({@link TraceViewBrowser}) when Debian's chromium and chromium-driver are installed.
 * Prints Markdown tables for docs/benchmarks.md.
 *
 * <pre>
 * java -cp tracelight-bench/target/tracelight-bench.jar dev.tracelight.bench.TraceViewLoad \
 *     [spans=10000] [sqlite|postgres ...]
 * </pre>
 */
public final class TraceViewLoad {
  private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SPANS_PER_REQUEST = 2_500;
  private static final int WARM_UP = 3;
  private static final int TIMED = 20;

  private TraceViewLoad() {}

  public static void main(String[] args) throws Exception {
    int spans = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 10_000;
    List<String> backends = args.length > 1
        ? Arrays.asList(args).subList(1, args.length) : List.of("sqlite", "postgres");
    for (String backend : backends) {
      if (backend.equals("sqlite")) {
        Path dir = Files.createTempDirectory("tracelight-view");
        try {
          run("SQLite", "sqlite:///" + dir.resolve("view.db"), spans);
        } finally {
          for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(dir.resolve("view.db" + suffix));
          }
          Files.deleteIfExists(dir);
        }
      } else if (backend.equals("postgres")) {
        String schema = "tl_view_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        try {
          run("PostgreSQL", POSTGRES + "&currentSchema=" + schema, spans);
        } finally {
          execute("DROP SCHEMA " + schema + " CASCADE");
        }
      } else {
        throw new IllegalArgumentException("unknown backend " + backend + ": sqlite or postgres");
      }
    }
  }

  private static void run(String label, String storeUri, int spanCount) throws Exception {
    System.out.printf(Locale.ROOT, "%n== %s, %,d spans; load average before: %s%n", label,
        spanCount, loadAverage());
    BigTrace trace = BigTrace.build(spanCount, 42);
    String traceId = trace.mlflowTraceId();
    try (TracelightServer server = TracelightServer.start(
        TracelightServerConfig.builder().setPort(0).setBackendStoreUri(storeUri).build())) {
      Http http = new Http(server.url());
      List<byte[]> requests = trace.requests(SPANS_PER_REQUEST);
      long started = System.nanoTime();
      long bytes = 0;
      for (byte[] request : requests) {
        http.send(HttpRequest.newBuilder(http.uri("/v1/traces"))
            .header("Content-Type", "application/x-protobuf")
            .header("x-mlflow-experiment-id", "0")
            .POST(HttpRequest.BodyPublishers.ofByteArray(request)));
        bytes += request.length;
      }
      http.send(HttpRequest.newBuilder(http.uri("/api/3.0/mlflow/traces"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(startTrace(trace))));
      System.out.printf(Locale.ROOT, "sent %,d spans in %d OTLP requests (%.1f MB) and StartTraceV3"
          + " in %.1f s%n", spanCount, requests.size(), bytes / 1e6,
          (System.nanoTime() - started) / 1e9);

      String base = "/ajax-api/3.0/tracelight/traces/" + traceId;
      Random random = new Random(7);
      System.out.printf(Locale.ROOT, "%n| %s, one trace of %,d spans, over HTTP | first (ms) "
          + "| median (ms) | p95 (ms) | response (JSON / gzip on the wire) |%n", label, spanCount);
      System.out.println("|---|---:|---:|---:|---:|");
      time(http, "span summaries (the trace page's tree)", () -> base + "/span-summaries",
          body -> body.path("spans").size() == spanCount);
      time(http, "one span's content (a random span selected)",
          () -> base + "/spans/" + BigTrace.hex(trace.spans.get(random.nextInt(spanCount))
              .getSpanId()),
          body -> body.path("span").has("attributes"));
      time(http, "GetTrace with every span (no on-demand bodies)",
          () -> "/ajax-api/3.0/mlflow/traces/get?trace_id=" + traceId,
          body -> body.path("trace").path("spans").size() == spanCount);

      if (TraceViewBrowser.available()) {
        Span last = trace.lastInTree;
        TraceViewBrowser.measure(server.url() + "/#/traces/" + traceId,
            BigTrace.hex(last.getSpanId()), last.getName(), label, spanCount);
      }
    }
    System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
  }

  /** {@value #WARM_UP} untimed calls, then {@value #TIMED} timed; the first is reported apart. */
  private static void time(Http http, String what, Supplier<String> path,
      Predicate<JsonNode> check) throws Exception {
    double[] ms = new double[TIMED];
    double firstMs = 0;
    long jsonBytes = 0;
    long wireBytes = 0;
    for (int i = 0; i < WARM_UP + TIMED; i++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path.get()))
          .header("Accept-Encoding", "gzip"); // as a browser asks
      long t = System.nanoTime();
      HttpResponse<byte[]> response = http.send(request.GET());
      double elapsed = (System.nanoTime() - t) / 1e6;
      if (i == 0) {
        firstMs = elapsed;
        byte[] json = decoded(response);
        if (!check.test(JSON.readTree(json))) {
          throw new IllegalStateException(what + ": unexpected answer "
              + new String(json, 0, Math.min(json.length, 500), StandardCharsets.UTF_8));
        }
      }
      if (i >= WARM_UP) {
        ms[i - WARM_UP] = elapsed;
        wireBytes += response.body().length;
        jsonBytes += decoded(response).length;
      }
    }
    Arrays.sort(ms);
    System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %s / %s |%n", what, firstMs,
        ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1], size(jsonBytes / TIMED),
        size(wireBytes / TIMED));
  }

  private static byte[] decoded(HttpResponse<byte[]> response) throws IOException {
    boolean gzip = response.headers().firstValue("Content-Encoding").orElse("").equals("gzip");
    if (!gzip) {
      return response.body();
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      return in.readAllBytes();
    }
  }

  static String size(long bytes) {
    return bytes >= 1_000_000 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)
        : bytes >= 1_000 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1e3) : bytes + " B";
  }

  /** StartTraceV3 for the trace, as an MLflow client sends it once the root span has ended. */
  private static String startTrace(BigTrace trace) {
    Span root = trace.spans.get(trace.spans.size() - 1);
    ObjectNode body = JSON.createObjectNode();
    ObjectNode info = body.putObject("trace").putObject("trace_info");
    info.put("trace_id", trace.mlflowTraceId());
    info.putObject("trace_location").put("type", "MLFLOW_EXPERIMENT")
        .putObject("mlflow_experiment").put("experiment_id", "0");
    info.put("request_time",
        Instant.ofEpochMilli(root.getStartTimeUnixNano() / 1_000_000).toString());
    long durationMs = (root.getEndTimeUnixNano() - root.getStartTimeUnixNano()) / 1_000_000;
    info.put("execution_duration", (durationMs / 1000.0) + "s");
    info.put("state", "OK");
    info.putObject("trace_metadata").put("mlflow.trace_schema.version", "3");
    info.putObject("tags").put("mlflow.traceName", root.getName());
    return body.toString();
  }

  static String loadAverage() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).trim();
  }

  /** One HTTP/1.1 connection's worth of client, failing on any status but 200. */
  private static final class Http {
    private final HttpClient client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;

    Http(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    URI uri(String path) {
      return URI.create(baseUrl + path);
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
      HttpRequest built = request.build();
      HttpResponse<byte[]> response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(built.method() + " " + built.uri() + " answered "
            + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
      }
      return response;
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(POSTGRES); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
