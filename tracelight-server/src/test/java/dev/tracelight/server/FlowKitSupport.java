package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the server flow kits share: a real server from the backend's IT, a fresh experiment per
 * test, and the requests MLflow's clients send.
 */
abstract class FlowKitSupport {
  static final String PROTOBUF = "application/x-protobuf";

  abstract TracelightServer server();

  TestHttp http;
  String experimentId;

  @BeforeEach
  void createExperiment() {
    http = new TestHttp(server().url());
    TestHttp.Response created = http.postJson("/api/2.0/mlflow/experiments/create",
        "{\"name\": \"flow-" + UUID.randomUUID() + "\"}");
    assertThat(created.status).as(created.toString()).isEqualTo(200);
    experimentId = created.json().get("experiment_id").asText();
  }

  TestHttp.Response exportSpans(OtlpTestRequests otlp) {
    return export(otlp.rootAndChild());
  }

  TestHttp.Response export(ExportTraceServiceRequest request) {
    TestHttp.Response r = http.post("/v1/traces", request.toByteArray(),
        "Content-Type", PROTOBUF, "x-mlflow-experiment-id", experimentId);
    assertThat(r.status).as(r.toString()).isEqualTo(200);
    return r;
  }

  /** Exports the root-and-child trace and returns its MLflow trace id. */
  String exportedTrace() {
    OtlpTestRequests otlp = new OtlpTestRequests();
    exportSpans(otlp);
    return otlp.mlflowTraceId();
  }

  String startTraceBody(String traceId) {
    return "{\"trace\": {\"trace_info\": {"
        + "\"trace_id\": \"" + traceId + "\","
        + "\"client_request_id\": \"req-1\","
        + "\"trace_location\": {\"type\": \"MLFLOW_EXPERIMENT\","
        + "  \"mlflow_experiment\": {\"experiment_id\": \"" + experimentId + "\"}},"
        + "\"request_preview\": \"{\\\"question\\\":\\\"Hi\\\"}\","
        + "\"response_preview\": \"{\\\"answer\\\":\\\"Hello\\\"}\","
        + "\"request_time\": \"2025-06-15T14:07:41.282Z\","
        + "\"execution_duration\": \"1.532s\", \"state\": \"OK\","
        + "\"trace_metadata\": {\"mlflow.trace_schema.version\": \"3\","
        + "  \"mlflow.trace.tokenUsage\": \"{\\\"input_tokens\\\": 12, \\\"output_tokens\\\": 30,"
        + " \\\"total_tokens\\\": 42}\"},"
        + "\"tags\": {\"mlflow.traceName\": \"agent\"}, \"assessments\": [],"
        + "\"some_future_field\": {\"ignored\": true}}}}";
  }

  /** StartTraceV3 for {@code traceId}; returns the stored trace info. */
  JsonNode startTrace(String traceId) {
    TestHttp.Response started = http.postJson("/api/3.0/mlflow/traces", startTraceBody(traceId));
    assertThat(started.status).as(started.toString()).isEqualTo(200);
    return started.json().at("/trace/trace_info");
  }

  /** GetTraceInfoV3, asserting it succeeds. */
  JsonNode traceInfo(String traceId) {
    TestHttp.Response r = http.get("/api/3.0/mlflow/traces/" + traceId);
    assertThat(r.status).as(r.toString()).isEqualTo(200);
    return r.json().at("/trace/trace_info");
  }

  static JsonNode ok(TestHttp.Response r) {
    assertThat(r.status).as(r.toString()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    return r.json();
  }

  static void assertError(TestHttp.Response r, int status, String code, String messagePart) {
    ErrorResponsesIT.assertError(r, status, code, messagePart);
  }
}
