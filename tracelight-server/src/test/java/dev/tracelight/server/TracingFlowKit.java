package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton's server half, end to end over HTTP: OTLP spans in, StartTraceV3, then
 * every read API. Each backend runs it against a real server.
 */
abstract class TracingFlowKit extends FlowKitSupport {

  @Test
  void otlpSpans_thenStartTrace_readBackAsMlflowJson() throws Exception {
    OtlpTestRequests otlp = new OtlpTestRequests();
    String traceId = otlp.mlflowTraceId();

    TestHttp.Response exported = exportSpans(otlp);
    assertThat(exported.status).as(exported.toString()).isEqualTo(200);
    assertThat(exported.contentType()).startsWith(PROTOBUF);
    assertThat(ExportTraceServiceResponse.parseFrom(exported.raw.body()))
        .isEqualTo(ExportTraceServiceResponse.getDefaultInstance());

    JsonNode derived = http.get("/api/3.0/mlflow/traces/" + traceId).json().at("/trace/trace_info");
    assertThat(derived.get("state").asText()).isEqualTo("OK");
    assertThat(derived.get("execution_duration").asText()).isEqualTo("1.532s");
    assertThat(derived.get("request_preview").asText()).isEqualTo("{\"question\":\"Hi\"}");
    assertThat(derived.at("/trace_metadata/mlflow.trace.tokenUsage").asText())
        .isEqualTo("{\"input_tokens\":12,\"output_tokens\":30,\"total_tokens\":42}");

    TestHttp.Response started =
        http.postJson("/api/3.0/mlflow/traces", startTraceBody(traceId));
    assertThat(started.status).as(started.toString()).isEqualTo(200);
    JsonNode info = started.json().at("/trace/trace_info");
    assertTraceInfo(info, traceId);

    JsonNode infoV3 = http.get("/api/3.0/mlflow/traces/" + traceId).json();
    assertThat(infoV3.at("/trace/trace_info")).isEqualTo(info);

    TestHttp.Response got = http.get("/api/3.0/mlflow/traces/get?trace_id=" + traceId
        + "&allow_partial=true");
    assertThat(got.status).as(got.toString()).isEqualTo(200);
    // Nanosecond times must arrive as exact integers, never through a double.
    assertThat(got.body).contains("\"start_time_unix_nano\":" + OtlpTestRequests.T0);
    assertThat(got.body).contains("\"end_time_unix_nano\":" + (OtlpTestRequests.T0 + 900 * OtlpTestRequests.MS + 7));
    assertThat(got.json().at("/trace/trace_info")).isEqualTo(info);
    assertSpans(got.json().at("/trace/spans"), otlp);

    TestHttp.Response batch = http.get("/api/3.0/mlflow/traces/batchGet?trace_ids=" + traceId
        + "&trace_ids=tr-00000000000000000000000000000000");
    assertThat(batch.status).isEqualTo(200);
    assertThat(batch.json().get("traces")).hasSize(1);
    assertThat(batch.json().at("/traces/0/trace_info")).isEqualTo(info);
    assertSpans(batch.json().at("/traces/0/spans"), otlp);

    TestHttp.Response search = http.postJson("/api/3.0/mlflow/traces/search",
        "{\"locations\": [{\"type\": \"MLFLOW_EXPERIMENT\", \"mlflow_experiment\": "
            + "{\"experiment_id\": \"" + experimentId + "\"}}], \"max_results\": \"10\","
            + " \"order_by\": [\"timestamp_ms DESC\"]}");
    assertThat(search.status).as(search.toString()).isEqualTo(200);
    assertThat(search.json().get("traces")).hasSize(1);
    assertThat(search.json().at("/traces/0")).isEqualTo(info);
    assertThat(search.json().has("next_page_token")).isFalse();
  }

  private void assertTraceInfo(JsonNode info, String traceId) {
    assertThat(info.get("trace_id").asText()).isEqualTo(traceId);
    assertThat(info.get("client_request_id").asText()).isEqualTo("req-1");
    assertThat(info.get("trace_location").toString()).isEqualTo(
        "{\"type\":\"MLFLOW_EXPERIMENT\",\"mlflow_experiment\":{\"experiment_id\":\""
            + experimentId + "\"}}");
    assertThat(info.get("request_time").asText()).isEqualTo("2025-06-15T14:07:41.282Z");
    assertThat(info.get("execution_duration").isTextual()).isTrue();
    assertThat(info.get("execution_duration").asText()).isEqualTo("1.532s");
    assertThat(info.get("state").asText()).isEqualTo("OK");
    assertThat(info.at("/trace_metadata/mlflow.trace.tokenUsage").asText())
        .isEqualTo("{\"input_tokens\": 12, \"output_tokens\": 30, \"total_tokens\": 42}");
    assertThat(info.at("/tags/mlflow.traceName").asText()).isEqualTo("agent");
    assertThat(info.at("/tags/mlflow.artifactLocation").asText())
        .isEqualTo("mlflow-artifacts:/" + experimentId + "/traces/" + traceId + "/artifacts");
    assertThat(info.at("/tags/mlflow.trace.spansLocation").asText()).isEqualTo("TRACKING_STORE");
    assertThat(info.get("assessments").isArray()).isTrue();
  }

  static void assertSpans(JsonNode spans, OtlpTestRequests otlp) {
    assertThat(spans).hasSize(2);
    JsonNode root = spans.get(0);
    JsonNode child = spans.get(1);
    Base64.Encoder b64 = Base64.getEncoder();
    assertThat(root.get("trace_id").asText()).isEqualTo(b64.encodeToString(otlp.traceId));
    assertThat(root.get("span_id").asText()).isEqualTo(b64.encodeToString(otlp.rootId));
    assertThat(root.get("parent_span_id").asText()).isEmpty();
    assertThat(child.get("parent_span_id").asText()).isEqualTo(b64.encodeToString(otlp.rootId));
    assertThat(root.get("start_time_unix_nano").isIntegralNumber()).isTrue();
    assertThat(root.get("start_time_unix_nano").asLong()).isEqualTo(OtlpTestRequests.T0);
    assertThat(root.at("/status/code").asText()).isEqualTo("STATUS_CODE_OK");

    Map<String, String> rootAttributes = attributes(root);
    assertThat(rootAttributes)
        .containsEntry("mlflow.spanType", "\"AGENT\"")
        .containsEntry("mlflow.spanInputs", "{\"question\":\"Hi\"}")
        .containsEntry("user.note", "\"plain text\"")
        .containsEntry("mlflow.traceRequestId", "\"" + otlp.mlflowTraceId() + "\"");
    Map<String, String> childAttributes = attributes(child);
    assertThat(childAttributes)
        .containsEntry("mlflow.spanType", "\"CHAT_MODEL\"")
        .containsEntry("mlflow.message.format", "\"anthropic\"")
        .containsEntry("gen_ai.request.max_tokens", "1024")
        .containsEntry("mlflow.chat.tokenUsage",
            "{\"input_tokens\":12,\"output_tokens\":30,\"total_tokens\":42}");
    assertThat(child.at("/events/0/name").asText()).isEqualTo("retry");
    assertThat(child.at("/events/0/time_unix_nano").asLong())
        .isEqualTo(OtlpTestRequests.T0 + 2 * OtlpTestRequests.MS);
    assertThat(child.at("/events/0/attributes/0").toString())
        .isEqualTo("{\"key\":\"attempt.reason\",\"value\":{\"string_value\":\"overloaded\"}}");
  }

  static Map<String, String> attributes(JsonNode span) {
    Map<String, String> result = new HashMap<>();
    for (JsonNode kv : span.get("attributes")) {
      result.put(kv.get("key").asText(), kv.at("/value/string_value").asText());
    }
    return result;
  }

  @Test
  void startTraceFirst_thenSpans_keepsClientInfo() {
    OtlpTestRequests otlp = new OtlpTestRequests();
    String traceId = otlp.mlflowTraceId();
    assertThat(http.postJson("/api/3.0/mlflow/traces", startTraceBody(traceId)).status)
        .isEqualTo(200);
    assertThat(exportSpans(otlp).status).isEqualTo(200);
    assertThat(exportSpans(otlp).status).isEqualTo(200); // sent twice: stored once

    JsonNode trace = http.get("/api/3.0/mlflow/traces/get?trace_id=" + traceId).json();
    assertThat(trace.at("/trace/trace_info/request_time").asText())
        .isEqualTo("2025-06-15T14:07:41.282Z");
    assertThat(trace.at("/trace/spans")).hasSize(2);
  }

  @Test
  void gzipBody_isDecompressed() throws Exception {
    OtlpTestRequests otlp = new OtlpTestRequests();
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(otlp.rootAndChild().toByteArray());
    }
    TestHttp.Response r = http.post("/v1/traces", gz.toByteArray(), "Content-Type", PROTOBUF,
        "Content-Encoding", "gzip", "x-mlflow-experiment-id", experimentId);
    assertThat(r.status).as(r.toString()).isEqualTo(200);
    assertSpans(http.get("/api/3.0/mlflow/traces/get?trace_id=" + otlp.mlflowTraceId())
        .json().at("/trace/spans"), otlp);
  }

  @Test
  void searchTraces_pagesNewestFirstWithoutGaps() {
    List<String> exportedIds = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      OtlpTestRequests otlp = new OtlpTestRequests();
      assertThat(exportSpans(otlp).status).isEqualTo(200);
      exportedIds.add(otlp.mlflowTraceId());
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String body = "{\"locations\": [{\"mlflow_experiment\": {\"experiment_id\": " + experimentId
          + "}}], \"max_results\": 2" + (token == null ? "" : ", \"page_token\": \"" + token + "\"")
          + "}";
      JsonNode page = http.postJson("/ajax-api/3.0/mlflow/traces/search", body).json();
      page.get("traces").forEach(t -> seen.add(t.get("trace_id").asText()));
      token = page.has("next_page_token") ? page.get("next_page_token").asText() : null;
      pages++;
    } while (token != null);
    assertThat(pages).isEqualTo(3);
    // All five share one request time, so the order is by trace id.
    assertThat(seen).containsExactlyElementsOf(exportedIds.stream().sorted().toList());
  }
}
