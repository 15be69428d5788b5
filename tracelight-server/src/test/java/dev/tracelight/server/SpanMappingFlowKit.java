package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Spans from other languages' instrumentations, sent to {@code /v1/traces} and read back through
 * GetTrace and GetTraceInfoV3 as MLflow chat spans: span type, inputs, outputs, token usage and
 * cost per span, summed per trace. Also the cost rules around StartTraceV3 and traces.json.
 */
abstract class SpanMappingFlowKit extends FlowKitSupport {
  final byte[] traceId = InstrumentedSpans.random(16);
  final String mlflowTraceId = "tr-" + HexFormat.of().formatHex(traceId);

  /** A GenAI agent span over the Anthropic SDK's chat span and an OpenInference LLM span. */
  ExportTraceServiceRequest agentWithTwoModelCalls() {
    Span.Builder agent = InstrumentedSpans.span(traceId, "invoke_agent support")
        .setStartTimeUnixNano(InstrumentedSpans.T0)
        .setEndTimeUnixNano(InstrumentedSpans.T0 + 2000 * InstrumentedSpans.MS)
        .addAttributes(InstrumentedSpans.str("gen_ai.operation.name", "invoke_agent"))
        .addAttributes(InstrumentedSpans.str("gen_ai.input.messages",
            "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Help\"}]}]"));
    ByteString parent = agent.getSpanId();
    return OtlpTestRequests.request(agent.build(),
        InstrumentedSpans.anthropicSdkChat(traceId).setParentSpanId(parent).build(),
        InstrumentedSpans.openInferenceAnthropic(traceId).setParentSpanId(parent).build());
  }

  void exportJson(ExportTraceServiceRequest request) {
    TestHttp.Response r = http.post("/v1/traces",
        OtlpJsonEncoder.encode(request).getBytes(StandardCharsets.UTF_8),
        "Content-Type", "application/json", "x-mlflow-experiment-id", experimentId);
    assertThat(r.status).as(r.toString()).isEqualTo(200);
  }

  Map<String, Map<String, String>> spanAttributesByName() {
    JsonNode spans = ok(http.get("/api/3.0/mlflow/traces/get?trace_id=" + mlflowTraceId))
        .at("/trace/spans");
    Map<String, Map<String, String>> byName = new HashMap<>();
    spans.forEach(s -> byName.put(s.get("name").asText(), TracingFlowKit.attributes(s)));
    return byName;
  }

  @Test
  void genAiAndOpenInferenceSpans_readBackAsChatSpansWithUsageAndCost() {
    exportJson(agentWithTwoModelCalls());

    Map<String, Map<String, String>> spans = spanAttributesByName();
    assertThat(spans.get("invoke_agent support"))
        .containsEntry("mlflow.spanType", "\"AGENT\"")
        .containsEntry("mlflow.spanInputs",
            "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Help\"}]}]");
    assertThat(spans.get("anthropic.messages.create"))
        .containsEntry("mlflow.spanType", "\"CHAT_MODEL\"")
        .containsEntry("mlflow.message.format", "\"anthropic\"")
        .containsEntry("mlflow.chat.tokenUsage", "{\"input_tokens\":12,\"output_tokens\":30,"
            + "\"total_tokens\":42,\"cache_read_input_tokens\":7,"
            + "\"cache_creation_input_tokens\":5}")
        .containsEntry("mlflow.llm.cost", "{\"input_cost\": 0.00005685, \"output_cost\":"
            + " 0.00045, \"total_cost\": 0.00050685}")
        .containsEntry("gen_ai.usage.input_tokens", "24"); // the original stays
    assertThat(spans.get("anthropic.messages.create").get("mlflow.spanOutputs"))
        .contains("\"tool_call\"", "get_weather");
    assertThat(spans.get("Messages"))
        .containsEntry("mlflow.spanType", "\"LLM\"")
        .containsEntry("mlflow.chat.tokenUsage", "{\"input_tokens\":500,\"output_tokens\":50,"
            + "\"total_tokens\":550,\"cache_read_input_tokens\":1500}")
        .containsEntry("mlflow.llm.cost",
            "{\"input_cost\": 0.00065, \"output_cost\": 0.00025, \"total_cost\": 0.0009}");
    assertThat(spans.get("Messages").get("mlflow.spanInputs"))
        .startsWith("{\"model\":\"claude-haiku-4-5-20251001\"");

    JsonNode info = traceInfo(mlflowTraceId);
    assertThat(info.at("/trace_metadata/mlflow.trace.tokenUsage").asText())
        .isEqualTo("{\"input_tokens\":512,\"output_tokens\":80,\"total_tokens\":592,"
            + "\"cache_read_input_tokens\":1507,\"cache_creation_input_tokens\":5}");
    assertThat(info.at("/trace_metadata/mlflow.trace.cost").asText()).isEqualTo(
        "{\"input_cost\": 0.00070685, \"output_cost\": 0.0007, \"total_cost\": 0.00140685}");
    assertThat(info.get("request_preview").asText()).contains("Help");
  }

  @Test
  void startTraceWithItsOwnCost_keptAsLaterSpansArrive() {
    ExportTraceServiceRequest request = agentWithTwoModelCalls();
    export(OtlpTestRequests.request(request.getResourceSpans(0).getScopeSpans(0).getSpans(1)));
    String clientCost = "{\"input_cost\": 0.5, \"output_cost\": 1.5, \"total_cost\": 2.0}";
    String body = startTraceBody(mlflowTraceId).replace("\"mlflow.trace_schema.version\": \"3\",",
        "\"mlflow.trace_schema.version\": \"3\", \"mlflow.trace.cost\": "
            + MlflowJson.MAPPER.getNodeFactory().textNode(clientCost) + ",");
    ok(http.postJson("/api/3.0/mlflow/traces", body));
    export(request);

    assertThat(traceInfo(mlflowTraceId).at("/trace_metadata/mlflow.trace.cost").asText())
        .isEqualTo(clientCost);
    assertThat(spanAttributesByName().get("Messages")).containsKey("mlflow.llm.cost");
  }

  /** MLflow's TypeScript SDK: StartTraceV3 first, then traces.json with plain attribute values. */
  @Test
  void tracesJsonAfterStartTrace_spanAndTracePriced() {
    JsonNode started = startTrace(mlflowTraceId);
    assertThat(started.get("trace_metadata").has("mlflow.trace.cost")).isFalse();
    String location = started.at("/tags/mlflow.artifactLocation").asText();
    String path = "/api/2.0/mlflow-artifacts/artifacts/"
        + location.substring("mlflow-artifacts:/".length()) + "/traces.json";
    String span = "{\"trace_id\": \"" + Base64.getEncoder().encodeToString(traceId) + "\","
        + " \"span_id\": \"" + Base64.getEncoder().encodeToString(InstrumentedSpans.random(8))
        + "\", \"parent_span_id\": \"\", \"name\": \"Messages\","
        + " \"start_time_unix_nano\": " + InstrumentedSpans.T0 + ","
        + " \"end_time_unix_nano\": " + (InstrumentedSpans.T0 + InstrumentedSpans.MS) + ","
        + " \"status\": {\"code\": \"STATUS_CODE_OK\", \"message\": \"\"},"
        + " \"attributes\": {\"mlflow.spanType\": \"LLM\","
        + " \"mlflow.spanInputs\": {\"model\": \"claude-3-5-haiku-latest\", \"max_tokens\": 64},"
        + " \"mlflow.spanOutputs\": {\"model\": \"claude-3-5-haiku-20241022\", \"content\": []},"
        + " \"mlflow.chat.tokenUsage\": {\"input_tokens\": 1000, \"output_tokens\": 100,"
        + " \"total_tokens\": 1100}}, \"events\": []}";
    ok(http.sendJson("PUT", path, "{\"spans\": [" + span + "]}"));

    assertThat(spanAttributesByName().get("Messages")).containsEntry("mlflow.llm.cost",
        "{\"input_cost\": 0.0008, \"output_cost\": 0.0004, \"total_cost\": 0.0012}");
    assertThat(traceInfo(mlflowTraceId).at("/trace_metadata/mlflow.trace.cost").asText())
        .isEqualTo("{\"input_cost\": 0.0008, \"output_cost\": 0.0004, \"total_cost\": 0.0012}");
  }
}
