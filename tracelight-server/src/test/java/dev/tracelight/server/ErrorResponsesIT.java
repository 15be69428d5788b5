package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every client mistake gets MLflow's error body and a 4xx, never a 500. */
class ErrorResponsesIT {
  static final int LIMIT = 4096;
  @TempDir static Path dir;
  static TracelightServer server;
  static TestHttp http;

  @BeforeAll
  static void start() {
    server = TracelightServer.start(TracelightServerConfig.builder().setPort(0)
        .setBackendStoreUri("sqlite:///" + dir.resolve("errors.db")).setMaxRequestBytes(LIMIT)
        .build());
    http = new TestHttp(server.url());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static void assertError(TestHttp.Response r, int status, String code, String messagePart) {
    assertThat(r.status).as(r.toString()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().get("error_code").asText()).isEqualTo(code);
    assertThat(r.json().get("message").asText()).contains(messagePart);
  }

  @Test
  void malformedJson_400NamingTheProblem() {
    assertError(http.postJson("/api/2.0/mlflow/experiments/create", "{\"name\": "),
        400, "INVALID_PARAMETER_VALUE", "Malformed JSON");
    assertError(http.postJson("/api/2.0/mlflow/experiments/create", "[1, 2]"),
        400, "INVALID_PARAMETER_VALUE", "JSON object");
  }

  @Test
  void wrongTypedOrMissingField_400NamingTheField() {
    assertError(http.postJson("/api/2.0/mlflow/experiments/create", "{\"name\": {\"a\": 1}}"),
        400, "INVALID_PARAMETER_VALUE", "'name'");
    assertError(http.postJson("/api/2.0/mlflow/experiments/create", "{}"),
        400, "INVALID_PARAMETER_VALUE", "'name'");
    assertError(http.postJson("/api/3.0/mlflow/traces", "{\"trace\": {\"trace_info\": {}}}"),
        400, "INVALID_PARAMETER_VALUE", "trace.trace_info.trace_id");
    assertError(http.postJson("/api/3.0/mlflow/traces/search", "{\"max_results\": 10}"),
        400, "INVALID_PARAMETER_VALUE", "'locations'");
    assertError(http.postJson("/api/3.0/mlflow/traces/search",
        "{\"locations\": [{\"mlflow_experiment\": {\"experiment_id\": \"0\"}}],"
            + " \"max_results\": \"many\"}"), 400, "INVALID_PARAMETER_VALUE", "'max_results'");
    assertError(http.get("/api/2.0/mlflow/experiments/get"),
        400, "INVALID_PARAMETER_VALUE", "'experiment_id'");
  }

  @Test
  void literalSegments_winOverTraceIdRoute() {
    assertError(http.get("/api/3.0/mlflow/traces/get"),
        400, "INVALID_PARAMETER_VALUE", "'trace_id'");
    assertError(http.get("/api/3.0/mlflow/traces/batchGet"),
        400, "INVALID_PARAMETER_VALUE", "'trace_ids'");
  }

  @Test
  void missingTrace_404ResourceDoesNotExist() {
    String id = "tr-0123456789abcdef0123456789abcdef";
    TestHttp.Response r = http.get("/api/3.0/mlflow/traces/" + id);
    assertThat(r.status).isEqualTo(404);
    assertThat(r.body).isEqualTo("{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\","
        + "\"message\":\"Trace with ID " + id + " not found.\"}");
    assertError(http.get("/api/3.0/mlflow/traces/get?trace_id=" + id),
        404, "RESOURCE_DOES_NOT_EXIST", "not found");
  }

  @Test
  void startTrace_unknownExperiment_404() {
    assertError(http.postJson("/api/3.0/mlflow/traces", "{\"trace\": {\"trace_info\": {"
            + "\"trace_id\": \"tr-1\", \"trace_location\": {\"mlflow_experiment\":"
            + " {\"experiment_id\": \"777\"}}}}}"),
        404, "RESOURCE_DOES_NOT_EXIST", "777");
  }

  @Test
  void unknownRoutes_404EndpointNotFound() {
    assertError(http.get("/api/2.0/mlflow/no-such-thing"), 404, "ENDPOINT_NOT_FOUND", "no-such");
    assertError(http.postJson("/ajax-api/3.0/mlflow/runs/create", "{}"),
        404, "ENDPOINT_NOT_FOUND", "runs/create");
    assertError(http.send(HttpRequest.newBuilder(http.uri("/api/2.0/mlflow/traces/x/notes"))
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")).build()),
        404, "ENDPOINT_NOT_FOUND", "PATCH");
  }

  @Test
  void unsupportedFilter_400NamingWhatIsSupported() {
    assertError(http.postJson("/api/3.0/mlflow/traces/search",
        "{\"locations\": [{\"mlflow_experiment\": {\"experiment_id\": \"0\"}}],"
            + " \"filter\": \"tag.env NOT LIKE 'p%'\"}"),
        400, "INVALID_PARAMETER_VALUE", "at position 12, expected IN after NOT");
  }

  @Test
  void oversizeBody_413() {
    String big = "{\"name\": \"" + "x".repeat(LIMIT) + "\"}";
    TestHttp.Response r = http.postJson("/api/2.0/mlflow/experiments/create", big);
    assertThat(r.status).isEqualTo(413);
    assertThat(r.json().get("message").asText()).contains(String.valueOf(LIMIT));
  }

  @Test
  void oversizeTraceArtifact_413() {
    String big = "{\"spans\": [], \"pad\": \"" + "x".repeat(LIMIT) + "\"}";
    TestHttp.Response r = http.sendJson("PUT", "/api/2.0/mlflow-artifacts/artifacts/0/traces/"
        + new OtlpTestRequests().mlflowTraceId() + "/artifacts/traces.json", big);
    assertThat(r.status).as(r.toString()).isEqualTo(413);
    assertThat(r.json().get("message").asText()).contains(String.valueOf(LIMIT));
  }

  @Test
  void gzipBomb_413AfterDecompression() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(new byte[LIMIT * 10]);
    }
    assertThat(gz.size()).isLessThan(LIMIT);
    TestHttp.Response r = http.post("/v1/traces", gz.toByteArray(),
        "Content-Type", "application/x-protobuf", "Content-Encoding", "gzip");
    assertThat(r.status).isEqualTo(413);
  }

  @Test
  void otlpMistakes_400or404or415() {
    assertError(http.post("/v1/traces", new byte[] {0x0a, 0x7f, 0x01},
        "Content-Type", "application/x-protobuf"), 400, "INVALID_PARAMETER_VALUE", "Malformed");
    assertError(http.post("/v1/traces", new byte[0], "Content-Type", "application/x-protobuf"),
        400, "INVALID_PARAMETER_VALUE", "resource_spans");
    assertError(http.post("/v1/traces", "{}".getBytes(), "Content-Type", "application/json"),
        400, "INVALID_PARAMETER_VALUE", "resourceSpans");
    assertError(http.post("/v1/traces", "{\"resourceSpans\": [".getBytes(),
        "Content-Type", "application/json"), 400, "INVALID_PARAMETER_VALUE", "Malformed JSON");
    TestHttp.Response text = http.post("/v1/traces", "spans".getBytes(),
        "Content-Type", "text/plain");
    assertThat(text.status).as(text.toString()).isEqualTo(415);
    assertThat(text.json().get("message").asText())
        .contains("text/plain", "application/x-protobuf", "application/json");
    byte[] valid = new OtlpTestRequests().rootAndChild().toByteArray();
    assertError(http.post("/v1/traces", valid, "Content-Type", "application/x-protobuf",
        "x-mlflow-experiment-id", "4242"), 404, "RESOURCE_DOES_NOT_EXIST", "4242");
    assertError(http.post("/v1/traces", valid, "Content-Type", "application/x-protobuf",
        "Content-Encoding", "br"), 400, "INVALID_PARAMETER_VALUE", "Content-Encoding");
  }

  @Test
  void otlpWithoutExperimentHeader_goesToDefaultExperiment() {
    OtlpTestRequests otlp = new OtlpTestRequests();
    TestHttp.Response r = http.post("/v1/traces", otlp.rootAndChild().toByteArray(),
        "Content-Type", "application/x-protobuf");
    assertThat(r.status).as(r.toString()).isEqualTo(200);
    assertThat(http.get("/api/3.0/mlflow/traces/" + otlp.mlflowTraceId()).json()
        .at("/trace/trace_info/trace_location/mlflow_experiment/experiment_id").asText())
        .isEqualTo("0");
  }
}
