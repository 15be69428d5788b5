package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exactly what MLflow's Python client ≥ 3.4 sends (MLFLOW_WIRE.md §1.3, §2.3) and how it reads
 * back: {@code GET /version}, each span by OTLP as it ends (one ResourceSpans/ScopeSpans, values
 * as native AnyValues), StartTraceV3 whose answer must say the spans live in the tracking store,
 * then BatchGetTraces, the online scorer's SearchTracesV3, V2 tag paths, assessments and
 * delete-traces by {@code request_ids}.
 */
abstract class PythonClientFlowKit extends FlowKitSupport {
  static final long MS = OtlpTestRequests.MS;

  static AnyValue str(String s) {
    return AnyValue.newBuilder().setStringValue(s).build();
  }

  static AnyValue num(long n) {
    return AnyValue.newBuilder().setIntValue(n).build();
  }

  static AnyValue dict(Object... keysAndValues) {
    KeyValueList.Builder list = KeyValueList.newBuilder();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      list.addValues(KeyValue.newBuilder().setKey((String) keysAndValues[i])
          .setValue((AnyValue) keysAndValues[i + 1]));
    }
    return AnyValue.newBuilder().setKvlistValue(list).build();
  }

  static KeyValue kv(String key, AnyValue value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }

  /** LogSpans: one ResourceSpans with the service resource and one ScopeSpans, as rest_store. */
  static ExportTraceServiceRequest logSpans(Span span) {
    return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
        .setResource(Resource.newBuilder().addAttributes(kv("service.name", str("mlflow"))))
        .addScopeSpans(ScopeSpans.newBuilder().addSpans(span))).build();
  }

  /** A traced Anthropic call ending at {@code startMs}: the CHAT_MODEL child, then the root. */
  String tracedCall(long startMs) {
    OtlpTestRequests ids = new OtlpTestRequests();
    String traceId = ids.mlflowTraceId();
    long start = OtlpTestRequests.T0 + startMs * MS;
    AnyValue inputs = dict("model", str("claude-sonnet-4"), "max_tokens", num(1024),
        "messages", AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder().addValues(
            dict("role", str("user"), "content", str("Hi")))).build());
    export(logSpans(ids.child().setStartTimeUnixNano(start + MS).setEndTimeUnixNano(start + 9 * MS)
        .clearAttributes().clearEvents()
        .addAttributes(kv("mlflow.traceRequestId", str(traceId)))
        .addAttributes(kv("mlflow.spanType", str("CHAT_MODEL")))
        .addAttributes(kv("mlflow.spanInputs", inputs))
        .addAttributes(kv("mlflow.spanOutputs", dict("id", str("msg_01"), "type", str("message"))))
        .addAttributes(kv("mlflow.chat.tokenUsage", dict("input_tokens", num(12),
            "output_tokens", num(30), "total_tokens", num(42))))
        .addAttributes(kv("mlflow.message.format", str("anthropic"))).build()));
    export(logSpans(ids.root().setStartTimeUnixNano(start).setEndTimeUnixNano(start + 10 * MS)
        .clearAttributes()
        .addAttributes(kv("mlflow.traceRequestId", str(traceId)))
        .addAttributes(kv("mlflow.spanType", str("AGENT")))
        .addAttributes(kv("mlflow.spanInputs", dict("question", str("Hi"))))
        .addAttributes(kv("mlflow.spanOutputs", str("Hello"))).build()));
    long startMillis = start / MS;
    JsonNode started = ok(http.postJson("/api/3.0/mlflow/traces", "{\"trace\": {\"trace_info\": {"
        + "\"trace_id\": \"" + traceId + "\", \"trace_location\": {\"type\": \"MLFLOW_EXPERIMENT\","
        + " \"mlflow_experiment\": {\"experiment_id\": \"" + experimentId + "\"}},"
        + " \"request_preview\": \"{\\\"question\\\": \\\"Hi\\\"}\", \"response_preview\":"
        + " \"\\\"Hello\\\"\", \"request_time\": \"" + MlflowTime.formatTimestamp(startMillis)
        + "\", \"execution_duration\": \"0.010s\", \"state\": \"OK\", \"trace_metadata\": {"
        + "\"mlflow.trace_schema.version\": \"3\", \"mlflow.user\": \"alice\","
        + " \"mlflow.source.name\": \"app.py\", \"mlflow.source.type\": \"LOCAL\","
        + " \"mlflow.trace.sizeStats\": \"{\\\"total_size_bytes\\\": 2048, \\\"num_spans\\\": 2}\","
        + " \"mlflow.trace.tokenUsage\": \"{\\\"input_tokens\\\": 12, \\\"output_tokens\\\": 30,"
        + " \\\"total_tokens\\\": 42}\"}, \"tags\": {\"mlflow.traceName\": \"agent\"}}}}"))
        .at("/trace/trace_info");
    // The exporter uploads traces.json unless the answer says the spans are already stored.
    assertThat(started.at("/tags/mlflow.trace.spansLocation").asText())
        .isEqualTo("TRACKING_STORE");
    return traceId;
  }

  @Test
  void version_allowsOtlp() {
    TestHttp.Response version = http.get("/version");
    assertThat(version.status).isEqualTo(200);
    String[] parts = version.body.trim().split("\\.");
    assertThat(Integer.parseInt(parts[0]) * 100 + Integer.parseInt(parts[1]))
        .isGreaterThanOrEqualTo(304);
  }

  @Test
  void otlpThenStartTrace_readBackByBatchGetAndScorerSearch() {
    String early = tracedCall(0);
    String a = tracedCall(1000);
    String b = tracedCall(1000);
    tracedCall(5000);

    JsonNode batch = ok(http.get("/api/3.0/mlflow/traces/batchGet?trace_ids=" + a));
    JsonNode trace = batch.at("/traces/0");
    assertThat(trace.at("/trace_info/trace_id").asText()).isEqualTo(a);
    assertThat(trace.at("/trace_info/execution_duration").asText()).isEqualTo("0.010s");
    assertThat(trace.at("/trace_info/trace_metadata/mlflow.user").asText()).isEqualTo("alice");
    JsonNode spans = trace.get("spans");
    assertThat(spans).hasSize(2);
    assertThat(spans.at("/0/name").asText()).isEqualTo("agent");
    assertThat(TracingFlowKit.attributes(spans.get(1)))
        .containsEntry("mlflow.spanType", "\"CHAT_MODEL\"")
        .containsEntry("mlflow.traceRequestId", "\"" + a + "\"")
        .containsEntry("mlflow.message.format", "\"anthropic\"")
        .containsEntry("mlflow.spanInputs", "{\"model\":\"claude-sonnet-4\",\"max_tokens\":1024,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
        .containsEntry("mlflow.chat.tokenUsage",
            "{\"input_tokens\":12,\"output_tokens\":30,\"total_tokens\":42}");
    assertThat(TracingFlowKit.attributes(spans.get(0)))
        .containsEntry("mlflow.spanOutputs", "\"Hello\"");

    long from = (OtlpTestRequests.T0 + 1000 * MS) / MS;
    JsonNode window = ok(http.postJson("/api/3.0/mlflow/traces/search", "{\"locations\": [{"
        + "\"type\": \"MLFLOW_EXPERIMENT\", \"mlflow_experiment\": {\"experiment_id\": \""
        + experimentId + "\"}}], \"filter\": \"trace.timestamp_ms >= " + from
        + " AND trace.timestamp_ms <= " + (from + 3000) + "\", \"max_results\": 500,"
        + " \"order_by\": [\"timestamp_ms ASC\", \"request_id ASC\"]}"));
    assertThat(window.get("traces")).extracting(t -> t.get("trace_id").asText())
        .containsExactlyElementsOf(List.of(a, b).stream().sorted().toList())
        .doesNotContain(early);
    assertThat(window.has("next_page_token")).isFalse();
  }

  @Test
  void tagsAssessmentsAndDelete_onThePathsTheClientUses() {
    String traceId = tracedCall(0);
    String tags = "/api/2.0/mlflow/traces/" + traceId + "/tags";
    assertThat(ok(http.sendJson("PATCH", tags, "{\"key\": \"topic\", \"value\": \"greeting\"}"))
        .toString()).isEqualTo("{}");
    assertThat(traceInfo(traceId).at("/tags/topic").asText()).isEqualTo("greeting");
    assertThat(ok(http.sendJson("DELETE", tags, "{\"key\": \"topic\"}")).toString())
        .isEqualTo("{}");
    assertThat(traceInfo(traceId).get("tags").has("topic")).isFalse();

    String assessments = "/api/3.0/mlflow/traces/" + traceId + "/assessments";
    JsonNode created = ok(http.postJson(assessments, "{\"assessment\": {\"assessment_name\":"
        + " \"helpful\", \"trace_id\": \"" + traceId + "\", \"source\": {\"source_type\":"
        + " \"LLM_JUDGE\", \"source_id\": \"judge\"}, \"feedback\": {\"value\": \"yes\"},"
        + " \"rationale\": \"ok\"}}")).get("assessment");
    String id = created.get("assessment_id").asText();
    JsonNode updated = ok(http.sendJson("PATCH", assessments + "/" + id, "{\"assessment\": {"
        + "\"assessment_id\": \"" + id + "\", \"trace_id\": \"" + traceId + "\","
        + " \"feedback\": {\"value\": 0.9}, \"rationale\": \"better\"},"
        + " \"update_mask\": \"feedback,rationale\"}")).get("assessment");
    assertThat(updated.at("/feedback/value").asDouble()).isEqualTo(0.9);
    assertThat(updated.get("assessment_name").asText()).isEqualTo("helpful");
    assertThat(traceInfo(traceId).at("/assessments/0/rationale").asText()).isEqualTo("better");

    JsonNode deleted = ok(http.postJson("/api/2.0/mlflow/traces/delete-traces",
        "{\"experiment_id\": \"" + experimentId + "\", \"request_ids\": [\"" + traceId + "\"]}"));
    assertThat(deleted.toString()).isEqualTo("{\"traces_deleted\":1}");
    // A missing trace is RESOURCE_DOES_NOT_EXIST: ENDPOINT_NOT_FOUND would send it to V2.
    assertError(http.get("/api/3.0/mlflow/traces/" + traceId), 404, "RESOURCE_DOES_NOT_EXIST",
        traceId);
    assertThat(ok(http.get("/api/3.0/mlflow/traces/batchGet?trace_ids=" + traceId))
        .get("traces")).isEmpty();
    assertError(http.get("/api/4.0/mlflow/traces/" + experimentId + "/" + traceId + "/info"),
        404, "ENDPOINT_NOT_FOUND", "/api/4.0/");
  }
}
