package dev.tracelight.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelight.server.TracelightServer;
import dev.tracelight.server.TracelightServerConfig;
import dev.tracelight.store.Storage;
import dev.tracelight.store.StorageFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Search latency at scale, as a client sees it: fills one experiment with N traces ({@link
 * ScaleDataLoader}, default 1,000,000), starts a real server on that store and times {@code POST
 * /api/3.0/mlflow/traces/search} pages of 100 over loopback HTTP, JSON encoding of the page
 * included. Prints a Markdown table per backend for docs/benchmarks.md.
 *
 * <pre>
 * java -cp tracelight-bench/target/tracelight-bench.jar dev.tracelight.bench.SearchScaleLoad \
 *     [traces=1000000] [sqlite] [postgres] [keep]
 * </pre>
 *
 * <p>{@code keep} leaves the PostgreSQL schema in place (its name is printed) for EXPLAIN
 * sessions; drop it with {@code DROP SCHEMA <name> CASCADE} when done.
 */
public final class SearchScaleLoad {
  private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int WARM_RUNS = 20;

  private SearchScaleLoad() {}

  public static void main(String[] args) throws Exception {
    int traces = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
    List<String> backends = new ArrayList<>(args.length > 1
        ? Arrays.asList(args).subList(1, args.length) : List.of("sqlite", "postgres"));
    boolean keep = backends.remove("keep");
    if (backends.isEmpty()) {
      backends.addAll(List.of("sqlite", "postgres"));
    }
    for (String backend : backends) {
      if (backend.equals("sqlite")) {
        Path dir = Files.createTempDirectory("tracelight-scale");
        Path file = dir.resolve("scale.db");
        try {
          run("SQLite", "sqlite:///" + file, "jdbc:sqlite:" + file, false, traces);
        } finally {
          for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(dir.resolve("scale.db" + suffix));
          }
          Files.deleteIfExists(dir);
        }
      } else {
        String schema = "tl_scale_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        try {
          String url = POSTGRES + "&currentSchema=" + schema;
          run("PostgreSQL", url, url, true, traces);
        } finally {
          if (keep) {
            System.out.println("kept PostgreSQL schema " + schema);
          } else {
            execute("DROP SCHEMA " + schema + " CASCADE");
          }
        }
      }
    }
  }

  private static void run(String label, String storeUri, String jdbcUrl, boolean postgres,
      int traces) throws Exception {
    String experimentId;
    long started = System.nanoTime();
    try (Storage storage = StorageFactory.open(storeUri)) { // migrates the empty store
      experimentId = storage.experiments().createExperiment("scale", null, Map.of());
    }
    try (Connection c = DriverManager.getConnection(jdbcUrl)) {
      new ScaleDataLoader(c, postgres).load(Long.parseLong(experimentId), traces);
    }
    System.out.printf(Locale.ROOT, "%n%s: loaded %,d traces in %.0f s%n", label, traces,
        (System.nanoTime() - started) / 1e9);
    try (TracelightServer server = TracelightServer.start(
        TracelightServerConfig.builder().setPort(0).setBackendStoreUri(storeUri).build())) {
      Search search = new Search(server.url(), experimentId);
      String page11 = null;
      for (int i = 0; i < 10; i++) {
        page11 = search.page(null, null, page11).path("next_page_token").asText();
      }
      List<String[]> cases = new ArrayList<>();
      cases.add(new String[] {"default order (timestamp_ms DESC), first page", null, null, null});
      cases.add(new String[] {"default order, 11th page (keyset token)", null, null, page11});
      cases.add(new String[] {"tag.env = 'prod' (50%)", "tag.env = 'prod'", null, null});
      cases.add(new String[] {"tag.env = 'canary' (0.1%)", "tag.env = 'canary'", null, null});
      cases.add(new String[] {"trace.status = 'ERROR' AND trace.run_id = 'run-10' (1%)",
          "trace.status = 'ERROR' AND trace.run_id = 'run-10'", null, null});
      cases.add(new String[] {"span.name = 'agent_7' (2%)", "span.name = 'agent_7'", null, null});
      cases.add(new String[] {"trace.text LIKE '%topic-42 %' (1%)",
          "trace.text LIKE '%topic-42 %'", null, null});
      cases.add(new String[] {"timestamp_ms ASC, first page", null, "timestamp_ms ASC", null});
      cases.add(new String[] {"execution_time_ms ASC, first page", null,
          "execution_time_ms ASC", null});
      System.out.printf(Locale.ROOT,
          "%n| %s, %,d traces, page of 100 over HTTP | first (ms) | median (ms) | p95 (ms) |%n",
          label, traces);
      System.out.println("|---|---:|---:|---:|");
      for (String[] c : cases) {
        double[] ms = new double[WARM_RUNS + 1];
        int found = 0;
        for (int i = 0; i <= WARM_RUNS; i++) {
          long t = System.nanoTime();
          found = search.page(c[1], c[2], c[3]).path("traces").size();
          ms[i] = (System.nanoTime() - t) / 1e6;
        }
        double[] warm = Arrays.copyOfRange(ms, 1, ms.length);
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "| %s (%d rows) | %.1f | %.1f | %.1f |%n", c[0], found,
            ms[0], warm[warm.length / 2], warm[(int) Math.ceil(warm.length * 0.95) - 1]);
      }
      timeOverview(server.url(), experimentId, label, traces);
    }
  }

  /**
   * The experiment overview (GET /tracelight/experiments/{id}/overview) over the newest day and
   * over every loaded trace (one per second). The loader writes no token usage or cost metadata,
   * so this times the range scan, the latency histogram and the rankings, not JSON extraction.
   */
  private static void timeOverview(String baseUrl, String experimentId, String label, int traces)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long end = ScaleDataLoader.BASE_MS + traces * 1000L;
    long day = 24 * 3_600_000L;
    long[][] ranges = {{end - day, 24}, {ScaleDataLoader.BASE_MS, 30}};
    String[] names = {"last 24 h of data, 24 buckets", "all traces, 30 buckets"};
    System.out.printf(Locale.ROOT,
        "%n| %s, %,d traces, overview over HTTP | first (ms) | median (ms) | p95 (ms) |%n",
        label, traces);
    System.out.println("|---|---:|---:|---:|");
    for (int r = 0; r < ranges.length; r++) {
      URI uri = URI.create(baseUrl + "/api/3.0/tracelight/experiments/" + experimentId
          + "/overview?start_time_ms=" + ranges[r][0] + "&end_time_ms=" + end + "&buckets="
          + ranges[r][1]);
      double[] ms = new double[WARM_RUNS + 1];
      long counted = 0;
      for (int i = 0; i <= WARM_RUNS; i++) {
        long t = System.nanoTime();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
        ms[i] = (System.nanoTime() - t) / 1e6;
        if (response.statusCode() != 200) {
          throw new IllegalStateException("overview answered " + response.statusCode());
        }
        counted = JSON.readTree(response.body()).path("totals").path("trace_count").asLong();
      }
      double[] warm = Arrays.copyOfRange(ms, 1, ms.length);
      Arrays.sort(warm);
      System.out.printf(Locale.ROOT, "| %s (%,d traces) | %.1f | %.1f | %.1f |%n", names[r],
          counted, ms[0], warm[warm.length / 2], warm[(int) Math.ceil(warm.length * 0.95) - 1]);
    }
  }

  /** SearchTracesV3 over HTTP, as MLflow's clients send it. */
  private static final class Search {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI uri;
    private final String experimentId;

    Search(String baseUrl, String experimentId) {
      this.uri = URI.create(baseUrl + "/api/3.0/mlflow/traces/search");
      this.experimentId = experimentId;
    }

    JsonNode page(String filter, String orderBy, String pageToken) throws Exception {
      ObjectNode body = JSON.createObjectNode();
      body.putArray("locations").addObject().put("type", "MLFLOW_EXPERIMENT")
          .putObject("mlflow_experiment").put("experiment_id", experimentId);
      body.put("max_results", 100);
      if (filter != null) {
        body.put("filter", filter);
      }
      if (orderBy != null) {
        body.putArray("order_by").add(orderBy);
      }
      if (pageToken != null) {
        body.put("page_token", pageToken);
      }
      HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("search answered " + response.statusCode() + ": "
            + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
      }
      return JSON.readTree(response.body());
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(POSTGRES); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
