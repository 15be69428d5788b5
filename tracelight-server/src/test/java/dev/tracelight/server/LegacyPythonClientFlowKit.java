package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What MLflow 2.x Python clients send, and what newer ones fall back to (MLFLOW_WIRE.md §1.2,
 * §1.3): StartTrace V2 when the root span starts, the {@code traces.json} upload (2.x span dicts)
 * and EndTrace V2 when it ends; then GetTraceInfo V2, SearchTraces V2 and the download.
 */
abstract class LegacyPythonClientFlowKit extends FlowKitSupport {
  static final long T = 1_718_460_461_282L;

  JsonNode startTraceV2(long timestampMs) {
    return ok(http.postJson("/api/2.0/mlflow/traces", "{\"experiment_id\": \"" + experimentId
        + "\", \"timestamp_ms\": " + timestampMs + ", \"request_metadata\": [{\"key\":"
        + " \"mlflow.trace_schema.version\", \"value\": \"2\"}], \"tags\": [{\"key\":"
        + " \"mlflow.source.name\", \"value\": \"app.py\"}, {\"key\": \"mlflow.user\","
        + " \"value\": \"bob\"}]}")).get("trace_info");
  }

  /** A 2.x span dict: ids under {@code context} as 0x-hex, flat status, JSON-text attributes. */
  static String spanDictV2(String requestId, String spanId, String parentId, String name,
      long startNs, long endNs, String spanType) {
    return "{\"name\": \"" + name + "\", \"context\": {\"span_id\": \"0x" + spanId + "\","
        + " \"trace_id\": \"0x" + requestId + "\"}, \"parent_id\": "
        + (parentId == null ? "null" : "\"0x" + parentId + "\"") + ", \"start_time\": " + startNs
        + ", \"end_time\": " + endNs + ", \"status_code\": \"OK\", \"status_message\": \"\","
        + " \"attributes\": {\"mlflow.traceRequestId\": \"\\\"" + requestId + "\\\"\","
        + " \"mlflow.spanType\": \"\\\"" + spanType + "\\\"\", \"mlflow.spanInputs\":"
        + " \"{\\\"question\\\": \\\"Hi\\\"}\"}, \"events\": []}";
  }

  @Test
  void startUploadEnd_thenInfoSearchAndDownload() {
    JsonNode started = startTraceV2(T);
    String requestId = started.get("request_id").asText();
    assertThat(requestId).matches("[0-9a-f]{32}");
    assertThat(started.get("experiment_id").asText()).isEqualTo(experimentId);
    assertThat(started.get("timestamp_ms").asLong()).isEqualTo(T);
    assertThat(started.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(started.has("execution_time_ms")).isFalse();
    assertThat(started.get("request_metadata").toString())
        .contains("{\"key\":\"mlflow.trace_schema.version\",\"value\":\"2\"}");
    String location = value(started.get("tags"), "mlflow.artifactLocation");
    assertThat(location).isEqualTo("mlflow-artifacts:/" + experimentId + "/traces/" + requestId
        + "/artifacts");
    assertThat(value(started.get("tags"), "mlflow.user")).isEqualTo("bob");

    String root = "00f067aa0ba902b7";
    String child = "53995c3f42cd8ad8";
    long ns = T * 1_000_000L;
    String path = "/api/2.0/mlflow-artifacts/artifacts/" + experimentId + "/traces/" + requestId
        + "/artifacts/traces.json";
    ok(http.sendJson("PUT", path, "{\"spans\": ["
        + spanDictV2(requestId, root, null, "agent", ns, ns + 1_532_000_000L, "AGENT") + ", "
        + spanDictV2(requestId, child, root, "llm", ns + 5, ns + 900_000_000L, "LLM") + "]}"));

    JsonNode ended = ok(http.sendJson("PATCH", "/api/2.0/mlflow/traces/" + requestId,
        "{\"request_id\": \"" + requestId + "\", \"timestamp_ms\": " + (T + 1532) + ","
            + " \"status\": \"OK\", \"request_metadata\": [{\"key\": \"mlflow.traceInputs\","
            + " \"value\": \"{\\\"question\\\": \\\"Hi\\\"}\"}], \"tags\": [{\"key\":"
            + " \"mlflow.traceName\", \"value\": \"agent\"}]}")).get("trace_info");
    assertThat(ended.get("execution_time_ms").asLong()).isEqualTo(1532);
    assertThat(ended.get("status").asText()).isEqualTo("OK");
    assertThat(value(ended.get("tags"), "mlflow.traceName")).isEqualTo("agent");
    assertThat(value(ended.get("request_metadata"), "mlflow.traceInputs"))
        .isEqualTo("{\"question\": \"Hi\"}");
    assertThat(value(ended.get("request_metadata"), "mlflow.trace_schema.version"))
        .isEqualTo("2");

    assertThat(ok(http.get("/api/2.0/mlflow/traces/" + requestId + "/info")).get("trace_info"))
        .isEqualTo(ended);
    JsonNode v3 = traceInfo(requestId);
    assertThat(v3.get("execution_duration").asText()).isEqualTo("1.532s");
    assertThat(v3.get("state").asText()).isEqualTo("OK");

    JsonNode downloaded = ok(http.get(path)).get("spans");
    assertThat(downloaded).hasSize(2);
    assertThat(downloaded.at("/0/context/span_id").asText()).isEqualTo("0x" + root);
    assertThat(downloaded.at("/0/context/trace_id").asText()).isEqualTo("0x" + requestId);
    assertThat(downloaded.at("/0/parent_id").isNull()).isTrue();
    assertThat(downloaded.at("/1/parent_id").asText()).isEqualTo("0x" + root);
    assertThat(downloaded.at("/0/start_time").asLong()).isEqualTo(ns);
    assertThat(downloaded.at("/0/status_code").asText()).isEqualTo("OK");
    assertThat(downloaded.at("/1/attributes/mlflow.spanType").asText()).isEqualTo("\"LLM\"");
    assertThat(downloaded.at("/0/attributes/mlflow.traceRequestId").asText())
        .isEqualTo("\"" + requestId + "\"");
  }

  @Test
  void searchTracesV2_pagesWithQueryParameters() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String id = startTraceV2(T + i).get("request_id").asText();
      ok(http.sendJson("PATCH", "/api/2.0/mlflow/traces/" + id, "{\"timestamp_ms\": "
          + (T + 10 + i) + ", \"status\": \"" + (i == 1 ? "ERROR" : "OK") + "\"}"));
      ids.add(id);
    }
    String base = "/api/2.0/mlflow/traces?experiment_ids=" + experimentId + "&max_results=2"
        + "&order_by=" + URLEncoder.encode("timestamp_ms DESC", StandardCharsets.UTF_8);

    JsonNode first = ok(http.get(base));
    assertThat(first.get("traces")).extracting(t -> t.get("request_id").asText())
        .containsExactly(ids.get(2), ids.get(1));
    assertThat(first.at("/traces/1/status").asText()).isEqualTo("ERROR");
    assertThat(first.at("/traces/1/execution_time_ms").asLong()).isEqualTo(10);
    JsonNode second = ok(http.get(base + "&page_token="
        + URLEncoder.encode(first.get("next_page_token").asText(), StandardCharsets.UTF_8)));
    assertThat(second.get("traces")).extracting(t -> t.get("request_id").asText())
        .containsExactly(ids.get(0));
    assertThat(second.has("next_page_token")).isFalse();
    JsonNode errors = ok(http.get("/api/2.0/mlflow/traces?experiment_ids=" + experimentId
        + "&filter=" + URLEncoder.encode("trace.status = 'ERROR'", StandardCharsets.UTF_8)));
    assertThat(errors.get("traces")).extracting(t -> t.get("request_id").asText())
        .containsExactly(ids.get(1));
  }

  @Test
  void legacyMistakes_4xxAndTheCodesClientsBranchOn() {
    String unknown = HexFormat.of().formatHex(new OtlpTestRequests().traceId);
    assertError(http.get("/api/2.0/mlflow/traces/" + unknown + "/info"), 404,
        "RESOURCE_DOES_NOT_EXIST", unknown);
    assertError(http.sendJson("PATCH", "/api/2.0/mlflow/traces/" + unknown,
        "{\"timestamp_ms\": 1, \"status\": \"OK\"}"), 404, "RESOURCE_DOES_NOT_EXIST", unknown);
    assertError(http.postJson("/api/2.0/mlflow/traces", "{\"timestamp_ms\": 5}"), 400,
        "INVALID_PARAMETER_VALUE", "'experiment_id'");
    assertError(http.postJson("/api/2.0/mlflow/traces", "{\"experiment_id\": \"987654321\"}"),
        404, "RESOURCE_DOES_NOT_EXIST", "987654321");
    String requestId = startTraceV2(T).get("request_id").asText();
    String end = "/api/2.0/mlflow/traces/" + requestId;
    assertError(http.sendJson("PATCH", end, "{\"timestamp_ms\": " + T + ", \"status\": \"DONE\"}"),
        400, "INVALID_PARAMETER_VALUE", "'status'");
    assertError(http.sendJson("PATCH", end, "{\"timestamp_ms\": " + (T - 1) + "}"),
        400, "INVALID_PARAMETER_VALUE", "before the start");
    JsonNode statusOnly = ok(http.sendJson("PATCH", end, "{\"status\": 2,"
        + " \"request_metadata\": []}")).get("trace_info");
    assertThat(statusOnly.get("status").asText()).isEqualTo("ERROR");
    assertThat(statusOnly.get("execution_time_ms").asLong()).isZero();
    assertError(http.get("/api/2.0/mlflow/traces"), 400, "INVALID_PARAMETER_VALUE",
        "'experiment_ids'");
    assertError(http.get("/api/2.0/mlflow/traces?experiment_ids=" + experimentId
        + "&max_results=501"), 400, "INVALID_PARAMETER_VALUE", "'max_results'");
  }

  static String value(JsonNode keyValues, String key) {
    for (JsonNode kv : keyValues) {
      if (kv.get("key").asText().equals(key)) {
        return kv.get("value").asText();
      }
    }
    throw new AssertionError("no " + key + " in " + keyValues);
  }
}
