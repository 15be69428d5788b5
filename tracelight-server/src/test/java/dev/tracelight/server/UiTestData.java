package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.time.Duration;
import java.time.Instant;

/**
 * Data for the web UI's browser tests, sent through the server's public APIs as a client sends
 * it: experiments, OTLP spans, StartTraceV3, and span content in the Anthropic integration's shape.
 */
final class UiTestData {
  private UiTestData() {}

  static String createExperiment(TestHttp http, String name) {
    ObjectNode body = MlflowJson.MAPPER.createObjectNode().put("name", name);
    TestHttp.Response created =
        http.postJson("/api/2.0/mlflow/experiments/create", body.toString());
    assertThat(created.status).as(created.toString()).isEqualTo(200);
    return created.json().get("experiment_id").asText();
  }

  static void exportSpans(TestHttp http, String experimentId, ExportTraceServiceRequest request) {
    TestHttp.Response exported = http.post("/v1/traces", request.toByteArray(),
        "Content-Type", TracingFlowKit.PROTOBUF, "x-mlflow-experiment-id", experimentId);
    assertThat(exported.status).as(exported.toString()).isEqualTo(200);
  }

  /** StartTraceV3, as MLflow's client sends it once the root span has ended. */
  static void startTrace(TestHttp http, String experimentId, String traceId, String name,
      String requestPreview) {
    TraceTableData.trace(experimentId, name).id(traceId)
        .at(Instant.ofEpochMilli(OtlpTestRequests.T0 / OtlpTestRequests.MS))
        .latency(Duration.ofMillis(1532)).request(requestPreview)
        .response("{\"answer\":\"Hello\"}")
        .metadata("mlflow.trace.tokenUsage",
            "{\"input_tokens\":12,\"output_tokens\":30,\"total_tokens\":42}")
        .send(http);
  }


  /** {@code Messages.create} inputs as the Anthropic integration records them. */
  static String messagesCreateInputs(String userText) {
    ObjectNode params = MlflowJson.MAPPER.createObjectNode()
        .put("model", "claude-sonnet-4-5").put("max_tokens", 1024);
    params.putArray("messages").addObject().put("role", "user").put("content", userText);
    return params.toString();
  }

  static String messagesCreateOutput(String answer) {
    ObjectNode message = MlflowJson.MAPPER.createObjectNode()
        .put("id", "msg_01").put("type", "message").put("role", "assistant");
    message.putArray("content").addObject().put("type", "text").put("text", answer);
    message.put("stop_reason", "end_turn");
    return message.toString();
  }
}
