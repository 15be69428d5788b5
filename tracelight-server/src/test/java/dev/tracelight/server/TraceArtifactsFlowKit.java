package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code traces.json} as MLflow's TypeScript SDK and older Python clients move it: PUT to the
 * mlflow-artifacts path then read back by GetTrace, GET of the same path, and get-trace-artifact.
 */
abstract class TraceArtifactsFlowKit extends FlowKitSupport {
  static final long T0 = OtlpTestRequests.T0;
  static final long MS = OtlpTestRequests.MS;

  final OtlpTestRequests ids = new OtlpTestRequests();

  String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The upload URL the TypeScript SDK derives from the trace's mlflow.artifactLocation tag. */
  String artifactPath(JsonNode info) {
    String location = info.at("/tags/mlflow.artifactLocation").asText();
    assertThat(location).startsWith("mlflow-artifacts:/");
    return "/api/2.0/mlflow-artifacts/artifacts/"
        + location.substring("mlflow-artifacts:/".length()) + "/traces.json";
  }

  /** A 3.x span dict; {@code attributes} is raw JSON, in whichever value style is tested. */
  String spanDict(byte[] spanId, String parent, String name, long start, long end,
      String attributes) {
    return "{\"trace_id\": \"" + b64(ids.traceId) + "\", \"span_id\": \"" + b64(spanId) + "\","
        + " \"parent_span_id\": \"" + parent + "\", \"name\": \"" + name + "\","
        + " \"start_time_unix_nano\": " + start + ", \"end_time_unix_nano\": " + end + ","
        + " \"status\": {\"code\": \"STATUS_CODE_OK\", \"message\": \"\"},"
        + " \"attributes\": " + attributes + ", \"events\": [{\"name\": \"retry\","
        + " \"time_unix_nano\": " + (start + 1) + ", \"attributes\": {\"attempt\": 2}}],"
        + " \"links\": []}";
  }

  TestHttp.Response put(String path, String spans) {
    return http.sendJson("PUT", path, "{\"spans\": [" + spans + "]}");
  }

  @Test
  void put3xDictWithJsonStringAttributes_afterStartTrace_thenGetTraceReturnsSpans() {
    JsonNode info = startTrace(ids.mlflowTraceId());
    String spans = spanDict(ids.rootId, "", "agent", T0, T0 + 1532 * MS,
        "{\"mlflow.traceRequestId\": \"\\\"" + ids.mlflowTraceId() + "\\\"\","
            + " \"mlflow.spanType\": \"\\\"AGENT\\\"\","
            + " \"mlflow.spanInputs\": \"{\\\"question\\\": \\\"Hi\\\"}\","
            + " \"user.note\": \"\\\"plain text\\\"\"}")
        + ", " + spanDict(ids.childId, b64(ids.rootId), "Messages.create", T0 + MS, T0 + 900 * MS,
        "{\"mlflow.spanType\": \"\\\"CHAT_MODEL\\\"\","
            + " \"mlflow.chat.tokenUsage\": \"{\\\"input_tokens\\\": 1}\"}");

    TestHttp.Response r = put(artifactPath(info), spans);

    assertThat(ok(r).toString()).isEqualTo("{}");
    // A length, not an empty chunked body: the TypeScript SDK fails on the latter.
    assertThat(r.raw.headers().firstValue("Content-Length")).contains("2");
    JsonNode trace = ok(http.get("/api/3.0/mlflow/traces/get?trace_id=" + ids.mlflowTraceId()))
        .get("trace");
    assertThat(trace.get("trace_info")).isEqualTo(info);
    JsonNode got = trace.get("spans");
    assertThat(got).hasSize(2);
    assertThat(got.at("/0/span_id").asText()).isEqualTo(b64(ids.rootId));
    assertThat(got.at("/0/start_time_unix_nano").asLong()).isEqualTo(T0);
    assertThat(got.at("/1/parent_span_id").asText()).isEqualTo(b64(ids.rootId));
    assertThat(TracingFlowKit.attributes(got.get(0)))
        .containsEntry("mlflow.spanType", "\"AGENT\"")
        .containsEntry("mlflow.spanInputs", "{\"question\": \"Hi\"}")
        .containsEntry("user.note", "\"plain text\"");
    assertThat(got.at("/1/events/0/attributes/0").toString())
        .isEqualTo("{\"key\":\"attempt\",\"value\":{\"int_value\":2}}");
  }

  @Test
  void putTypeScriptPlainValues_normalized_andTraceDerivedFromThem() {
    String path = "/api/2.0/mlflow-artifacts/artifacts/" + experimentId + "/traces/"
        + ids.mlflowTraceId() + "/artifacts/traces.json";
    String spans = spanDict(ids.rootId, "", "Messages", T0, T0 + 1532 * MS,
        "{\"mlflow.traceRequestId\": \"" + ids.mlflowTraceId() + "\", \"mlflow.spanType\": \"LLM\","
            + " \"mlflow.spanInputs\": {\"model\": \"claude\"}, \"mlflow.spanOutputs\": \"Hello\","
            + " \"mlflow.chat.tokenUsage\": {\"input_tokens\": 3, \"output_tokens\": 4},"
            + " \"retries\": 2, \"streamed\": false}");

    ok(put(path, spans));

    JsonNode info = traceInfo(ids.mlflowTraceId());
    assertThat(info.at("/trace_location/mlflow_experiment/experiment_id").asText())
        .isEqualTo(experimentId);
    assertThat(info.get("state").asText()).isEqualTo("OK");
    assertThat(info.get("execution_duration").asText()).isEqualTo("1.532s");
    assertThat(info.get("request_preview").asText()).isEqualTo("{\"model\":\"claude\"}");
    assertThat(info.at("/trace_metadata/mlflow.trace.tokenUsage").asText())
        .isEqualTo("{\"input_tokens\":3,\"output_tokens\":4,\"total_tokens\":7}");
    Map<String, String> attributes = TracingFlowKit.attributes(ok(http.get(
        "/api/3.0/mlflow/traces/get?trace_id=" + ids.mlflowTraceId())).at("/trace/spans/0"));
    assertThat(attributes)
        .containsEntry("mlflow.traceRequestId", "\"" + ids.mlflowTraceId() + "\"")
        .containsEntry("mlflow.spanType", "\"LLM\"")
        .containsEntry("mlflow.spanInputs", "{\"model\":\"claude\"}")
        .containsEntry("mlflow.spanOutputs", "\"Hello\"")
        .containsEntry("retries", "2")
        .containsEntry("streamed", "false");
  }

  @Test
  void olderAndNewerDictFormats_accepted() {
    String hexRoot = HexFormat.of().formatHex(ids.rootId);
    String hexTrace = HexFormat.of().formatHex(ids.traceId);
    String v2 = "{\"name\": \"root\", \"context\": {\"span_id\": \"0x" + hexRoot + "\","
        + " \"trace_id\": \"0x" + hexTrace + "\"}, \"parent_id\": null,"
        + " \"start_time\": " + T0 + ", \"end_time\": " + (T0 + MS) + ","
        + " \"status_code\": \"ERROR\", \"status_message\": \"boom\","
        + " \"attributes\": {\"mlflow.spanType\": \"\\\"CHAIN\\\"\"}, \"events\":"
        + " [{\"name\": \"exception\", \"timestamp\": " + T0 + ", \"attributes\": {}}]}";
    String newest = "{\"trace_id\": \"" + ids.mlflowTraceId() + "\", \"span_id\": \""
        + HexFormat.of().formatHex(ids.childId) + "\", \"parent_span_id\": \"" + hexRoot + "\","
        + " \"name\": \"child\", \"start_time_unix_nano\": \"" + (T0 + 5) + "\","
        + " \"end_time_unix_nano\": null, \"status\": {\"code\": \"UNSET\"}, \"attributes\": {}}";

    ok(put("/api/2.0/mlflow-artifacts/artifacts/" + experimentId + "/traces/"
        + ids.mlflowTraceId() + "/artifacts/traces.json", v2 + ", " + newest));

    JsonNode trace = ok(http.get("/api/3.0/mlflow/traces/get?trace_id=" + ids.mlflowTraceId()));
    assertThat(trace.at("/trace/trace_info/state").asText()).isEqualTo("ERROR");
    JsonNode spans = trace.at("/trace/spans");
    assertThat(spans.at("/0/status").toString())
        .isEqualTo("{\"code\":\"STATUS_CODE_ERROR\",\"message\":\"boom\"}");
    assertThat(spans.at("/0/events/0/name").asText()).isEqualTo("exception");
    assertThat(spans.at("/1/span_id").asText()).isEqualTo(b64(ids.childId));
    assertThat(spans.at("/1/parent_span_id").asText()).isEqualTo(b64(ids.rootId));
    assertThat(spans.at("/1/start_time_unix_nano").asLong()).isEqualTo(T0 + 5);
    assertThat(spans.get(1).has("end_time_unix_nano")).isFalse();
  }

  @Test
  void getArtifactAndGetTraceArtifact_return3xDictsOfStoredSpans() {
    exportSpans(ids);
    String path = artifactPath(startTrace(ids.mlflowTraceId()));

    JsonNode document = ok(http.get(path));
    JsonNode root = document.at("/spans/0");
    assertThat(root.get("trace_id").asText()).isEqualTo(b64(ids.traceId));
    assertThat(root.get("span_id").asText()).isEqualTo(b64(ids.rootId));
    assertThat(root.get("parent_span_id").asText()).isEmpty();
    assertThat(root.get("start_time_unix_nano").asLong()).isEqualTo(T0);
    assertThat(root.at("/status/code").asText()).isEqualTo("STATUS_CODE_OK");
    assertThat(root.at("/attributes/mlflow.spanType").asText()).isEqualTo("\"AGENT\"");
    assertThat(root.at("/attributes/user.note").asText()).isEqualTo("\"plain text\"");
    assertThat(document.at("/spans/1/events/0/attributes/attempt.reason").asText())
        .isEqualTo("overloaded");

    for (String prefix : new String[] {"/ajax-api/2.0", "/ajax-api/3.0", "/api/2.0"}) {
      TestHttp.Response r = http.get(prefix + "/mlflow/get-trace-artifact?request_id="
          + ids.mlflowTraceId());
      assertThat(ok(r)).isEqualTo(document);
      assertThat(r.raw.headers().firstValue("Content-Disposition"))
          .contains("attachment; filename=traces.json");
    }
  }

  @Test
  void artifactMistakes_404Or400() {
    String unknown = new OtlpTestRequests().mlflowTraceId();
    String base = "/api/2.0/mlflow-artifacts/artifacts/" + experimentId + "/traces/";
    assertError(http.get(base + unknown + "/artifacts/traces.json"), 404,
        "RESOURCE_DOES_NOT_EXIST", unknown);
    assertError(http.get(base + unknown + "/artifacts/model.pkl"), 404,
        "RESOURCE_DOES_NOT_EXIST", "model.pkl");
    assertError(http.sendJson("PUT", "/api/2.0/mlflow-artifacts/artifacts/5/notes.txt", "{}"),
        404, "RESOURCE_DOES_NOT_EXIST", "notes.txt");
    assertError(http.sendJson("PUT", "/api/2.0/mlflow-artifacts/artifacts/x/traces/" + unknown
        + "/artifacts/traces.json", "{\"spans\": []}"), 404, "RESOURCE_DOES_NOT_EXIST", unknown);
    String upload = base + ids.mlflowTraceId() + "/artifacts/traces.json";
    assertError(http.sendJson("PUT", upload, "{}"), 400, "INVALID_PARAMETER_VALUE", "'spans'");
    assertError(
        put(upload, "{\"span_id\": \"nope\", \"name\": \"x\", \"start_time_unix_nano\": 1}"),
        400, "INVALID_PARAMETER_VALUE", "'spans[0].span_id'");
    assertError(put(upload, "{\"span_id\": \"" + b64(ids.rootId) + "\", \"name\": \"x\","
        + " \"start_time_unix_nano\": 1.5e18}"), 400, "INVALID_PARAMETER_VALUE",
        "'spans[0].start_time_unix_nano'");
    assertError(http.get("/ajax-api/2.0/mlflow/get-trace-artifact"), 400,
        "INVALID_PARAMETER_VALUE", "'request_id'");
    assertError(http.get("/ajax-api/2.0/mlflow/get-trace-artifact?request_id=" + unknown), 404,
        "RESOURCE_DOES_NOT_EXIST", unknown);
  }
}
