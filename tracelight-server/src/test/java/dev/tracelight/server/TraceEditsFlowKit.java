package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Trace tags (V2 and V3 paths, DELETE with a JSON body) and delete-traces in both forms. */
abstract class TraceEditsFlowKit extends FlowKitSupport {

  String tags(String prefix, String traceId) {
    return prefix + "/mlflow/traces/" + traceId + "/tags";
  }

  @Test
  void tags_setAndDelete_onV2AndV3Paths() {
    String traceId = exportedTrace();

    assertThat(ok(http.sendJson("PATCH", tags("/api/2.0", traceId),
        "{\"key\": \"topic\", \"value\": \"billing\"}")).toString()).isEqualTo("{}");
    ok(http.sendJson("PATCH", tags("/api/3.0", traceId),
        "{\"key\": \"env\", \"value\": \"prod\"}"));
    ok(http.sendJson("PATCH", tags("/ajax-api/3.0", traceId),
        "{\"key\": \"env\", \"value\": \"staging\"}"));
    assertThat(traceInfo(traceId).get("tags").toString())
        .contains("\"topic\":\"billing\"").contains("\"env\":\"staging\"");

    assertThat(ok(http.sendJson("DELETE", tags("/api/2.0", traceId), "{\"key\": \"topic\"}"))
        .toString()).isEqualTo("{}");
    ok(http.sendJson("DELETE", tags("/api/3.0", traceId), "{\"key\": \"env\"}"));
    JsonNode tags = traceInfo(traceId).get("tags");
    assertThat(tags.has("topic")).isFalse();
    assertThat(tags.has("env")).isFalse();
    assertThat(tags.get("mlflow.traceName").asText()).isEqualTo("agent");

    assertError(http.sendJson("DELETE", tags("/api/2.0", traceId), "{\"key\": \"topic\"}"),
        404, "RESOURCE_DOES_NOT_EXIST", "No tag with key 'topic'");
  }

  @Test
  void tags_mistakes_400Or404NamingTheProblem() {
    String traceId = exportedTrace();
    String unknown = new OtlpTestRequests().mlflowTraceId();

    assertError(
        http.sendJson("PATCH", tags("/api/2.0", unknown), "{\"key\": \"k\", \"value\": \"v\"}"),
        404, "RESOURCE_DOES_NOT_EXIST", "Trace with ID " + unknown + " not found");
    assertError(http.sendJson("DELETE", tags("/api/3.0", unknown), "{\"key\": \"k\"}"),
        404, "RESOURCE_DOES_NOT_EXIST", unknown);
    assertError(http.sendJson("PATCH", tags("/api/2.0", traceId),
        "{\"key\": \"" + "k".repeat(251) + "\", \"value\": \"v\"}"),
        400, "INVALID_PARAMETER_VALUE", "at most 250");
    assertError(http.sendJson("PATCH", tags("/api/2.0", traceId),
        "{\"key\": \"k\", \"value\": \"" + "v".repeat(4097) + "\"}"),
        400, "INVALID_PARAMETER_VALUE", "at most 4096");
    assertError(http.sendJson("PATCH", tags("/api/2.0", traceId), "{\"value\": \"v\"}"),
        400, "INVALID_PARAMETER_VALUE", "'key'");
    assertError(http.sendJson("PATCH", tags("/api/2.0", traceId), "{\"key\": \"k\"}"),
        400, "INVALID_PARAMETER_VALUE", "'value'");
    assertError(http.sendJson("DELETE", tags("/api/2.0", traceId), "{}"),
        400, "INVALID_PARAMETER_VALUE", "'key'");
  }

  @Test
  void tagSetBeforeStartTraceV3_survivesIt() {
    String traceId = exportedTrace();
    ok(http.sendJson("PATCH", tags("/api/2.0", traceId), "{\"key\": \"topic\", \"value\": \"x\"}"));

    assertThat(startTrace(traceId).at("/tags/topic").asText()).isEqualTo("x");
    assertThat(traceInfo(traceId).at("/tags/topic").asText()).isEqualTo("x");
  }

  @Test
  void deleteTraces_byIds_onV2AndV3Paths() {
    String a = exportedTrace();
    String b = exportedTrace();
    String c = exportedTrace();

    JsonNode v2 = ok(http.postJson("/api/2.0/mlflow/traces/delete-traces", "{\"experiment_id\": \""
        + experimentId + "\", \"request_ids\": [\"" + a + "\", \"tr-0000\"]}"));
    JsonNode v3 = ok(http.postJson("/api/3.0/mlflow/traces/delete-traces", "{\"experiment_id\": "
        + experimentId + ", \"request_ids\": [\"" + b + "\"]}"));

    assertThat(v2.toString()).isEqualTo("{\"traces_deleted\":1}");
    assertThat(v3.get("traces_deleted").asInt()).isEqualTo(1);
    assertError(http.get("/api/3.0/mlflow/traces/" + a), 404, "RESOURCE_DOES_NOT_EXIST", a);
    assertError(http.get("/api/3.0/mlflow/traces/get?trace_id=" + b), 404,
        "RESOURCE_DOES_NOT_EXIST", b);
    traceInfo(c);
  }

  @Test
  void deleteTraces_byTime_oldestFirst_atMostMaxTraces() {
    String[] ids = new String[3];
    for (int i = 0; i < 3; i++) {
      OtlpTestRequests otlp = new OtlpTestRequests();
      long start = OtlpTestRequests.T0 + i * 10 * OtlpTestRequests.MS;
      export(OtlpTestRequests.request(
          otlp.root().setStartTimeUnixNano(start).setEndTimeUnixNano(start + 5).build()));
      ids[i] = otlp.mlflowTraceId();
    }
    long cutoff = (OtlpTestRequests.T0 + 10 * OtlpTestRequests.MS) / OtlpTestRequests.MS;
    String body = "{\"experiment_id\": \"" + experimentId + "\", \"max_timestamp_millis\": "
        + cutoff + ", \"max_traces\": ";

    assertThat(ok(http.postJson("/api/2.0/mlflow/traces/delete-traces", body + "1}"))
        .get("traces_deleted").asInt()).isEqualTo(1);
    assertThat(http.get("/api/3.0/mlflow/traces/" + ids[0]).status).isEqualTo(404);
    traceInfo(ids[1]);
    assertThat(ok(http.postJson("/api/3.0/mlflow/traces/delete-traces", body + "\"100\"}"))
        .get("traces_deleted").asInt()).isEqualTo(1);
    assertThat(http.get("/api/3.0/mlflow/traces/" + ids[1]).status).isEqualTo(404);
    traceInfo(ids[2]);
  }

  @Test
  void deleteTraces_notExactlyOneForm_400() {
    String path = "/api/2.0/mlflow/traces/delete-traces";
    String exp = "\"experiment_id\": \"" + experimentId + "\"";
    assertError(http.postJson(path, "{" + exp + ", \"request_ids\": [\"tr-1\"],"
        + " \"max_timestamp_millis\": 5}"), 400, "INVALID_PARAMETER_VALUE", "Only one of");
    assertError(http.postJson(path, "{" + exp + "}"), 400, "INVALID_PARAMETER_VALUE",
        "Either 'request_ids' or 'max_timestamp_millis'");
    assertError(http.postJson(path, "{\"request_ids\": [\"tr-1\"]}"), 400,
        "INVALID_PARAMETER_VALUE", "'experiment_id'");
    assertError(
        http.postJson(path, "{" + exp + ", \"max_timestamp_millis\": 5, \"max_traces\": 0}"),
        400, "INVALID_PARAMETER_VALUE", "'max_traces'");
    assertError(http.postJson(path, "{" + exp + ", \"request_ids\": [], \"max_traces\": 3}"),
        400, "INVALID_PARAMETER_VALUE", "'max_traces'");
    assertError(http.postJson(path, "{\"experiment_id\": \"one\", \"request_ids\": []}"),
        400, "INVALID_PARAMETER_VALUE", "one");
  }
}
