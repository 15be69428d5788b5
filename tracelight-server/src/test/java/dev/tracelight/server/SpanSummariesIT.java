package dev.tracelight.server;

import static dev.tracelight.server.OtlpTestRequests.string;
import static dev.tracelight.server.UiTestData.createExperiment;
import static dev.tracelight.server.UiTestData.exportSpans;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelight.store.Storage;
import dev.tracelight.store.StorageFactory;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace page's endpoints on a real server: span summaries and one span on demand, under the
 * API prefixes, with 404s that say what is missing and authentication like every API route.
 */
class SpanSummariesIT {
  static final String COST = "{\"input_cost\":0.001,\"output_cost\":0.002,\"total_cost\":0.003}";

  @TempDir static Path dir;
  static TracelightServer server;
  static TestHttp http;
  static OtlpTestRequests otlp = new OtlpTestRequests();
  static String traceId;

  @BeforeAll
  static void start() throws IOException {
    server = TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri("sqlite:///" + dir.resolve("s.db")).build());
    http = new TestHttp(server.url());
    String experimentId = createExperiment(http, "span-summaries");
    traceId = otlp.mlflowTraceId();
    exportSpans(http, experimentId, OtlpTestRequests.request(otlp.root().build(),
        otlp.child().addAttributes(string("mlflow.llm.cost", COST)).build()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String hex(byte[] id) {
    return HexFormat.of().formatHex(id);
  }

  @Test
  void spanSummaries_treeTimesUsageAndCost_underEveryPrefix() {
    for (String prefix : new String[] {"/api/3.0", "/ajax-api/3.0", "/ajax-api/2.0"}) {
      TestHttp.Response r =
          http.get(prefix + "/tracelight/traces/" + traceId + "/span-summaries");
      assertThat(r.status).as(r.toString()).isEqualTo(200);
      JsonNode spans = r.json().get("spans");
      assertThat(spans).hasSize(2);
      JsonNode root = spans.get(0);
      assertThat(root.get("span_id").asText()).isEqualTo(hex(otlp.rootId));
      assertThat(root.get("parent_span_id").asText()).isEmpty();
      assertThat(root.get("name").asText()).isEqualTo("agent");
      assertThat(root.get("span_type").asText()).isEqualTo("AGENT");
      assertThat(root.get("status").asText()).isEqualTo("OK");
      assertThat(root.get("start_time_unix_nano").asText())
          .isEqualTo(Long.toString(OtlpTestRequests.T0));
      assertThat(root.get("end_time_unix_nano").asText())
          .isEqualTo(Long.toString(OtlpTestRequests.T0 + 1532 * OtlpTestRequests.MS));
      assertThat(root.has("token_usage")).isFalse();
      assertThat(root.has("attributes")).as("no content in a summary").isFalse();

      JsonNode child = spans.get(1);
      assertThat(child.get("parent_span_id").asText()).isEqualTo(hex(otlp.rootId));
      assertThat(child.get("span_type").asText()).isEqualTo("CHAT_MODEL");
      assertThat(child.get("token_usage").get("total_tokens").asInt()).isEqualTo(42);
      assertThat(child.get("cost").get("total_cost").decimalValue()).isEqualByComparingTo("0.003");
    }
  }

  @Test
  void span_byHexOrBase64Id_isGetTracesSpan() {
    JsonNode fromGetTrace = http.get("/api/3.0/mlflow/traces/get?trace_id=" + traceId).json()
        .get("trace").get("spans").get(1);
    TestHttp.Response byHex = http.get(
        "/ajax-api/3.0/tracelight/traces/" + traceId + "/spans/" + hex(otlp.childId));
    assertThat(byHex.status).as(byHex.toString()).isEqualTo(200);
    assertThat(byHex.json().get("span")).isEqualTo(fromGetTrace);
    assertThat(byHex.json().get("span").get("name").asText()).isEqualTo("Messages.create");

    String base64 = Base64.getUrlEncoder().withoutPadding().encodeToString(otlp.childId);
    if (!base64.contains("-") && !base64.contains("_")) { // plain base64 travels in a path as is
      TestHttp.Response byBase64 = http.get("/api/3.0/tracelight/traces/" + traceId + "/spans/"
          + Base64.getEncoder().encodeToString(otlp.childId));
      assertThat(byBase64.json().get("span")).isEqualTo(fromGetTrace);
    }
  }

  @Test
  void unknownTraceOrSpan_404ResourceDoesNotExist() {
    String missingTrace = new OtlpTestRequests().mlflowTraceId();
    assertNotFound(http.get("/ajax-api/3.0/tracelight/traces/" + missingTrace + "/span-summaries"),
        "Trace with ID " + missingTrace + " not found.");
    assertNotFound(http.get("/ajax-api/3.0/tracelight/traces/" + missingTrace + "/spans/"
        + hex(otlp.childId)), "Trace with ID " + missingTrace + " not found.");
    assertNotFound(http.get("/ajax-api/3.0/tracelight/traces/" + traceId
        + "/spans/0123456789abcdef"),
        "Span with ID 0123456789abcdef not found in trace " + traceId + ".");
    assertNotFound(http.get("/api/3.0/tracelight/traces/" + traceId + "/spans/not-an-id"),
        "Span with ID not-an-id not found in trace " + traceId + ".");
  }

  @Test
  void withAuth_refusedWithoutCredentials_answeredWithThem() {
    String uri = "sqlite:///" + dir.resolve("auth.db");
    try (Storage storage = StorageFactory.open(uri)) {
      storage.users().createUser("alice", "alice has a long password".toCharArray());
    }
    try (TracelightServer secured = TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri(uri).setAuth(true).build())) {
      TestHttp client = new TestHttp(secured.url());
      String path = "/ajax-api/3.0/tracelight/traces/" + traceId + "/span-summaries";
      assertThat(client.get(path).status).isEqualTo(401);
      TestHttp.Response authed = client.send(HttpRequest.newBuilder(client.uri(path))
          .header("Authorization", RouteFamilies.basic("alice", "alice has a long password"))
          .GET().build());
      assertThat(authed.status).as("authenticated, and the trace is not in this store")
          .isEqualTo(404);
      TestHttp.Response user = client.send(HttpRequest.newBuilder(
              client.uri("/ajax-api/3.0/tracelight/user"))
          .header("Authorization", RouteFamilies.basic("alice", "alice has a long password"))
          .GET().build());
      assertThat(user.json().get("user_name").asText()).isEqualTo("alice");
    }
    assertThat(http.get("/ajax-api/3.0/tracelight/user").json().isEmpty()).isTrue();
  }

  private static void assertNotFound(TestHttp.Response r, String message) {
    assertThat(r.status).as(r.toString()).isEqualTo(404);
    assertThat(r.json().get("error_code").asText()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
    assertThat(r.json().get("message").asText()).isEqualTo(message);
  }
}
