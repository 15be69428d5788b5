package dev.tracelight.server;

import static dev.tracelight.server.OverviewTestData.trace;
import static dev.tracelight.server.UiTestData.createExperiment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overview endpoint over HTTP: its JSON shape, and its refusals of bad parameters. */
class OverviewApiIT {
  static final long START = 1_760_000_000_000L;
  static final long HOUR = 3_600_000L;

  @TempDir static Path dir;
  static TracelightServer server;
  static TestHttp http;
  static String experimentId;
  static String slow;
  static String costly;

  @BeforeAll
  static void start() {
    server = TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri("sqlite:///" + dir.resolve("overview.db")).build());
    http = new TestHttp(server.url());
    experimentId = createExperiment(http, "overview-api");
    trace(http, experimentId, "fast", START + 10, 200, "OK", 10, "0.01");
    slow = trace(http, experimentId, "slow", START + 20, 4000, "ERROR", 20, null);
    costly = trace(http, experimentId, "costly", START + 2 * HOUR, 700, "OK", 30, "0.5");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  String path(String prefix, String query) {
    return prefix + "/tracelight/experiments/" + experimentId + "/overview?" + query;
  }

  @Test
  void overview_bucketsTotalsAndRankings() {
    TestHttp.Response r =
        http.get(path("/ajax-api/3.0", "start_time_ms=" + START + "&end_time_ms="
            + (START + 3 * HOUR) + "&buckets=3"));
    assertThat(r.status).as(r.toString()).isEqualTo(200);
    JsonNode json = r.json();
    assertThat(json.get("start_time_ms").asLong()).isEqualTo(START);
    JsonNode buckets = json.get("buckets");
    assertThat(buckets).hasSize(3);
    assertThat(counts(buckets, "trace_count")).containsExactly(2L, 0L, 1L);
    assertThat(counts(buckets, "error_count")).containsExactly(1L, 0L, 0L);
    assertThat(counts(buckets, "input_tokens")).containsExactly(30L, 0L, 30L);
    assertThat(counts(buckets, "output_tokens")).containsExactly(60L, 0L, 60L);
    assertThat(buckets.get(1).get("start_time_ms").asLong()).isEqualTo(START + HOUR);
    assertThat(buckets.get(1).get("latency_p50_ms").isNull()).isTrue();
    assertThat(buckets.get(2).get("latency_p95_ms").asDouble()).isEqualTo(700.0);
    assertThat(buckets.get(0).get("cost").asDouble()).isCloseTo(0.01, within(1e-9));

    JsonNode totals = json.get("totals");
    assertThat(totals.get("trace_count").asLong()).isEqualTo(3);
    assertThat(totals.get("error_count").asLong()).isEqualTo(1);
    assertThat(totals.get("cost").asDouble()).isCloseTo(0.51, within(1e-9));
    assertThat(totals.get("cache_read_input_tokens").asLong()).isZero();

    JsonNode first = json.get("slowest").get(0);
    assertThat(first.get("trace_id").asText()).isEqualTo(slow);
    assertThat(first.get("name").asText()).isEqualTo("slow");
    assertThat(first.get("duration_ms").asLong()).isEqualTo(4000);
    assertThat(first.get("state").asText()).isEqualTo("ERROR");
    assertThat(first.get("cost").isNull()).isTrue();
    assertThat(first.get("request_time_ms").asLong()).isEqualTo(START + 20);
    assertThat(json.get("slowest")).hasSize(3);
    assertThat(json.get("costliest")).hasSize(2);
    assertThat(json.get("costliest").get(0).get("trace_id").asText()).isEqualTo(costly);
  }

  @Test
  void overview_answersUnderTheApiPrefixToo_withDefaultBuckets() {
    TestHttp.Response r = http.get(path("/api/3.0",
        "start_time_ms=" + START + "&end_time_ms=" + (START + 24 * HOUR)));
    assertThat(r.status).as(r.toString()).isEqualTo(200);
    assertThat(r.json().get("buckets")).hasSize(TracelightOverviewApi.DEFAULT_BUCKETS);
  }

  @Test
  void badParameters_400NamingTheParameter() {
    String range = "start_time_ms=" + START + "&end_time_ms=" + (START + HOUR);
    assertBadRequest("end_time_ms=" + START, "start_time_ms");
    assertBadRequest("start_time_ms=" + START, "end_time_ms");
    assertBadRequest("start_time_ms=yesterday&end_time_ms=" + START, "start_time_ms");
    assertBadRequest(range + "&buckets=0", "buckets");
    assertBadRequest(range + "&buckets=501", "buckets");
    assertBadRequest(range + "&buckets=ten", "buckets");
    assertBadRequest("start_time_ms=" + (START + HOUR) + "&end_time_ms=" + START, "end_time_ms");
  }

  @Test
  void unknownExperiment_404() {
    TestHttp.Response r = http.get("/ajax-api/3.0/tracelight/experiments/987654/overview"
        + "?start_time_ms=" + START + "&end_time_ms=" + (START + HOUR));
    assertThat(r.status).as(r.toString()).isEqualTo(404);
    assertThat(r.json().get("error_code").asText()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
  }

  void assertBadRequest(String query, String named) {
    TestHttp.Response r = http.get(path("/ajax-api/3.0", query));
    assertThat(r.status).as(r.toString()).isEqualTo(400);
    assertThat(r.json().get("error_code").asText()).isEqualTo("INVALID_PARAMETER_VALUE");
    assertThat(r.json().get("message").asText()).contains("'" + named + "'");
  }

  static List<Long> counts(JsonNode buckets, String field) {
    List<Long> values = new ArrayList<>();
    buckets.forEach(b -> values.add(b.get(field).asLong()));
    return values;
  }
}
