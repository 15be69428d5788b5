package dev.tracelight.server;

import java.time.Duration;
import java.time.Instant;

/** Traces at chosen times, durations and costs for the overview's tests, sent by StartTraceV3. */
final class OverviewTestData {
  private OverviewTestData() {}

  /**
   * A finished trace named {@code name}; {@code inputTokens} in and twice that out, and {@code
   * cost} as its total cost unless null. Returns its id.
   */
  static String trace(TestHttp http, String experimentId, String name, long requestTimeMs,
      long durationMs, String state, long inputTokens, String cost) {
    TraceTableData trace = TraceTableData.trace(experimentId, name)
        .at(Instant.ofEpochMilli(requestTimeMs)).latency(Duration.ofMillis(durationMs))
        .state(state).response(null)
        .metadata("mlflow.trace.tokenUsage", "{\"input_tokens\":" + inputTokens
            + ",\"output_tokens\":" + 2 * inputTokens + ",\"total_tokens\":" + 3 * inputTokens
            + "}");
    if (cost != null) {
      trace.metadata("mlflow.trace.cost", "{\"input_cost\": " + cost + ", \"output_cost\": 0,"
          + " \"total_cost\": " + cost + "}");
    }
    return trace.send(http);
  }
}
