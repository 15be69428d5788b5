package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Traces at chosen times, durations and costs for the overview's tests, sent by StartTraceV3. */
final class OverviewTestData {
  private OverviewTestData() {}

  static String newTraceId() {
    byte[] b = new byte[16];
    ThreadLocalRandom.current().nextBytes(b);
    return "tr-" + HexFormat.of().formatHex(b);
  }

  /**
   * A finished trace named {@code name}; {@code inputTokens} in and twice that out, and {@code
   * cost} as its total cost unless null. Returns its id.
   */
  static String trace(TestHttp http, String experimentId, String name, long requestTimeMs,
      long durationMs, String state, long inputTokens, String cost) {
    String traceId = newTraceId();
    ObjectNode body = MlflowJson.MAPPER.createObjectNode();
    ObjectNode info = body.putObject("trace").putObject("trace_info");
    info.put("trace_id", traceId);
    info.putObject("trace_location").put("type", "MLFLOW_EXPERIMENT")
        .putObject("mlflow_experiment").put("experiment_id", experimentId);
    info.put("request_preview", "{\"question\":\"Hi\"}");
    info.put("request_time", Instant.ofEpochMilli(requestTimeMs).toString());
    info.put("execution_duration", (durationMs / 1000.0) + "s");
    info.put("state", state);
    ObjectNode metadata = info.putObject("trace_metadata")
        .put("mlflow.trace_schema.version", "3")
        .put("mlflow.trace.tokenUsage", "{\"input_tokens\":" + inputTokens + ",\"output_tokens\":"
            + 2 * inputTokens + ",\"total_tokens\":" + 3 * inputTokens + "}");
    if (cost != null) {
      metadata.put("mlflow.trace.cost", "{\"input_cost\": " + cost + ", \"output_cost\": 0,"
          + " \"total_cost\": " + cost + "}");
    }
    info.putObject("tags").put("mlflow.traceName", name);
    TestHttp.Response started = http.postJson("/api/3.0/mlflow/traces", body.toString());
    assertThat(started.status).as(started.toString()).isEqualTo(200);
    return traceId;
  }
}
