package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Exactly what MLflow's TypeScript SDK sends (MLFLOW_WIRE.md §6, §10) and how it reads a trace
 * back: StartTraceV3, then {@code traces.json} PUT to the path derived from {@code
 * mlflow.artifactLocation}; {@code getTrace} is GetTraceInfoV3 plus a GET of that path. The newer
 * SDK sends spans by OTLP instead of the upload.
 */
abstract class TypeScriptClientFlowKit extends FlowKitSupport {
  /** 19 digits, above 2^53: JavaScript keeps them as BigInt, so must we. */
  static final long START = 1_795_000_000_123_456_789L;
  static final long MS = 1_000_000L;

  final OtlpTestRequests ids = new OtlpTestRequests();

  String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The body of {@code client.createTrace}: TraceInfo.toJson() with empty tags and assessments. */
  String startTraceV3() {
    return "{\"trace\": {\"trace_info\": {\"trace_id\": \"" + ids.mlflowTraceId() + "\","
        + " \"trace_location\": {\"type\": \"MLFLOW_EXPERIMENT\", \"mlflow_experiment\":"
        + " {\"experiment_id\": \"" + experimentId + "\"}},"
        + " \"request_preview\": \"{\\\"model\\\":\\\"claude-sonnet-4\\\"}\","
        + " \"response_preview\": \"{\\\"id\\\":\\\"msg_01\\\"}\","
        + " \"request_time\": \"2026-11-27T04:55:02.623Z\", \"execution_duration\": \"0.023s\","
        + " \"state\": \"OK\", \"trace_metadata\": {\"mlflow.trace_schema.version\": \"3\","
        + " \"mlflow.trace.tokenUsage\": \"{\\\"input_tokens\\\":10,\\\"output_tokens\\\":25,"
        + "\\\"total_tokens\\\":35}\", \"mlflow.traceInputs\": \"{\\\"model\\\":\\\"claude\\\"}\","
        + " \"mlflow.traceOutputs\": \"{\\\"id\\\":\\\"msg_01\\\"}\"},"
        + " \"tags\": {}, \"assessments\": []}}}";
  }

  /** Span.toJson() of the root {@code Messages} (LLM) and a child tool span, values plain. */
  ObjectNode tracesJson() {
    String root = "{\"trace_id\": \"" + b64(ids.traceId) + "\", \"span_id\": \""
        + b64(ids.rootId) + "\", \"parent_span_id\": \"\", \"name\": \"Messages\","
        + " \"start_time_unix_nano\": " + START + ", \"end_time_unix_nano\": " + (START + 23 * MS)
        + ", \"status\": {\"code\": \"STATUS_CODE_OK\", \"message\": \"\"}, \"attributes\": {"
        + "\"mlflow.traceRequestId\": \"" + ids.mlflowTraceId() + "\", \"mlflow.spanType\": \"LLM\","
        + " \"mlflow.spanInputs\": {\"model\": \"claude-sonnet-4\", \"max_tokens\": 1024,"
        + " \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]},"
        + " \"mlflow.spanOutputs\": {\"id\": \"msg_01\", \"content\": [{\"type\": \"text\","
        + " \"text\": \"Hello\"}]}, \"mlflow.chat.tokenUsage\": {\"input_tokens\": 10,"
        + " \"output_tokens\": 25, \"total_tokens\": 35}, \"mlflow.message.format\": \"anthropic\","
        + " \"mlflow.spanLogLevel\": 20}, \"events\": [], \"links\": []}";
    String child = "{\"trace_id\": \"" + b64(ids.traceId) + "\", \"span_id\": \""
        + b64(ids.childId) + "\", \"parent_span_id\": \"" + b64(ids.rootId) + "\","
        + " \"name\": \"lookup\", \"start_time_unix_nano\": " + (START + MS + 1) + ","
        + " \"end_time_unix_nano\": " + (START + 2 * MS + 3) + ", \"status\": {\"code\":"
        + " \"STATUS_CODE_OK\", \"message\": \"\"}, \"attributes\": {\"mlflow.traceRequestId\": \""
        + ids.mlflowTraceId() + "\", \"mlflow.spanType\": \"TOOL\", \"mlflow.spanInputs\": \"x\","
        + " \"mlflow.spanOutputs\": [1, 2.5, true, null]}, \"events\": [{\"name\": \"cache\","
        + " \"time_unix_nano\": " + (START + MS + 2) + ", \"attributes\": {\"hit\": true}}],"
        + " \"links\": []}";
    try {
      return (ObjectNode) MlflowJson.MAPPER.readTree("{\"spans\": [" + root + ", " + child + "]}");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** {@code {host}/api/2.0/mlflow-artifacts/artifacts} + the URI's path + {@code /traces.json}. */
  static String uploadPath(JsonNode info) {
    String uri = info.at("/tags/mlflow.artifactLocation").asText();
    assertThat(uri).startsWith("mlflow-artifacts:/"); // else: "Expected mlflow-artifacts:// URI"
    return "/api/2.0/mlflow-artifacts/artifacts"
        + uri.substring("mlflow-artifacts:".length()) + "/traces.json";
  }

  @Test
  void createTrace_uploadTraceData_thenGetTrace_roundTripsSpans() {
    JsonNode started = ok(http.postJson("/api/3.0/mlflow/traces", startTraceV3()))
        .at("/trace/trace_info");
    String path = uploadPath(started);
    assertThat(path).isEqualTo("/api/2.0/mlflow-artifacts/artifacts/" + experimentId
        + "/traces/" + ids.mlflowTraceId() + "/artifacts/traces.json");

    ObjectNode sent = tracesJson();
    TestHttp.Response put = http.sendJson("PUT", path, sent.toString());

    assertThat(put.status).as(put.toString()).isEqualTo(200);
    String length = put.raw.headers().firstValue("Content-Length").orElse("");
    assertThat(put.raw.headers().firstValue("Transfer-Encoding")).isEmpty();
    assertThat(put.body.isEmpty() ? "0".equals(length)
        : length.equals(Integer.toString(put.raw.body().length)) && put.json().isObject())
        .as("the PUT answer is JSON or an empty body with Content-Length 0: %s", put).isTrue();

    JsonNode info = ok(http.get("/api/3.0/mlflow/traces/" + ids.mlflowTraceId()))
        .at("/trace/trace_info");
    assertThat(info.get("execution_duration").isTextual()).isTrue();
    assertThat(info.get("execution_duration").asText()).isEqualTo("0.023s");
    assertThat(info.get("request_time").asText()).isEqualTo("2026-11-27T04:55:02.623Z");
    assertThat(info.get("state").asText()).isEqualTo("OK");
    assertThat(info.at("/trace_metadata/mlflow.trace.tokenUsage").asText())
        .isEqualTo("{\"input_tokens\":10,\"output_tokens\":25,\"total_tokens\":35}");
    assertThat(info.get("request_preview").asText()).isEqualTo("{\"model\":\"claude-sonnet-4\"}");
    assertThat(uploadPath(info)).isEqualTo(path);

    TestHttp.Response download = http.get(path);
    assertThat(download.body).contains("\"start_time_unix_nano\":" + START)
        .contains("\"end_time_unix_nano\":" + (START + 2 * MS + 3));
    JsonNode got = ok(download).get("spans");
    assertThat(got).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertSameSpan(got.get(i), sent.at("/spans/" + i));
    }
    assertThat(got.at("/1/events/0/attributes/hit").asBoolean()).isTrue();
    // The server prices the LLM span (claude-sonnet-4: $3 in, $15 out per million tokens).
    assertThat(decoded(got.at("/0/attributes/mlflow.llm.cost")).get("total_cost").decimalValue())
        .isEqualByComparingTo("0.000405");
    assertThat(got.at("/1/attributes").has("mlflow.llm.cost")).isFalse();
  }

  /**
   * Equal as the SDK's Span.fromJson sees them: ids, times, status, attributes decoded; the one
   * attribute the server may add is the span's derived cost.
   */
  static void assertSameSpan(JsonNode got, JsonNode sent) {
    for (String field : new String[] {"trace_id", "span_id", "parent_span_id", "name",
        "start_time_unix_nano", "end_time_unix_nano", "status"}) {
      assertThat(got.get(field)).as(field).isEqualTo(sent.get(field));
    }
    assertThat(got.get("start_time_unix_nano").canConvertToLong()).isTrue();
    java.util.Set<String> added = new java.util.HashSet<>();
    got.get("attributes").fieldNames().forEachRemaining(added::add);
    sent.get("attributes").fieldNames().forEachRemaining(added::remove);
    assertThat(added).isSubsetOf("mlflow.llm.cost");
    for (Iterator<Map.Entry<String, JsonNode>> it = sent.get("attributes").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> a = it.next();
      assertThat(decoded(got.get("attributes").get(a.getKey()))).as(a.getKey())
          .isEqualTo(a.getValue());
    }
  }

  /** The SDK's SpanAttributesRegistry.get: JSON.parse of a string, else the value as it is. */
  static JsonNode decoded(JsonNode value) {
    if (value != null && value.isTextual()) {
      try {
        return MlflowJson.MAPPER.readTree(value.asText());
      } catch (java.io.IOException e) {
        return value;
      }
    }
    return value;
  }

  @Test
  void newerSdk_otlpSpansThenStartTrace_readBackTheSameWay() {
    export(OtlpTestRequests.request(
        ids.root().clearAttributes()
            .addAttributes(OtlpTestRequests.string("mlflow.traceRequestId",
                "\"" + ids.mlflowTraceId() + "\""))
            .addAttributes(OtlpTestRequests.string("mlflow.spanType", "\"LLM\""))
            .addAttributes(OtlpTestRequests.string("mlflow.spanInputs",
                "{\"model\":\"claude-sonnet-4\"}"))
            .build(),
        ids.child().build()));
    JsonNode started = ok(http.postJson("/api/3.0/mlflow/traces", startTraceV3()))
        .at("/trace/trace_info");
    assertThat(started.at("/tags/mlflow.trace.spansLocation").asText())
        .isEqualTo("TRACKING_STORE");

    JsonNode info = ok(http.get("/api/3.0/mlflow/traces/" + ids.mlflowTraceId()))
        .at("/trace/trace_info");
    assertThat(info.get("execution_duration").asText()).isEqualTo("0.023s");
    JsonNode spans = ok(http.get(uploadPath(info))).get("spans");
    assertThat(spans).hasSize(2);
    assertThat(spans.at("/0/span_id").asText()).isEqualTo(b64(ids.rootId));
    assertThat(spans.at("/0/parent_span_id").asText()).isEmpty();
    assertThat(spans.at("/0/start_time_unix_nano").asLong()).isEqualTo(OtlpTestRequests.T0);
    assertThat(decoded(spans.at("/0/attributes/mlflow.spanType")).asText()).isEqualTo("LLM");
    assertThat(decoded(spans.at("/0/attributes/mlflow.spanInputs")).toString())
        .isEqualTo("{\"model\":\"claude-sonnet-4\"}");
    assertThat(decoded(spans.at("/0/attributes/mlflow.traceRequestId")).asText())
        .isEqualTo(ids.mlflowTraceId());
  }
}
