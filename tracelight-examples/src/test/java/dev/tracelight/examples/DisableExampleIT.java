package dev.tracelight.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelight.tracing.Tracelight;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disabling: calls made after {@code AnthropicTracing.disable()} or
 * {@code Tracelight.autolog(false)} reach the API but record nothing, in process or on the server; turned back on, calls are traced.
 */
class DisableExampleIT {
  @TempDir static Path dir;
  private static ExampleEnvironment env;

  @BeforeAll
  static void start() {
    env = ExampleEnvironment.start(dir);
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  @Test
  void disabledCalls_recordNothing_reenabledCallIsTheOnlyTrace() throws Exception {
    Printed out = new Printed();

    DisableExample.Result result = DisableExample.run(env.url(), out);
    assertThat(Tracelight.flush(ExampleEnvironment.FLUSH)).isTrue();

    assertThat(result.tracedAfterAnthropicDisable()).isFalse();
    assertThat(result.tracedAfterAutologFalse()).isFalse();
    assertThat(result.reenabledTraceId()).startsWith("tr-");
    assertThat(out.lines()).containsExactly(
        "After AnthropicTracing.disable(): the call was made, no new trace recorded",
        "After Tracelight.autolog(false): the call was made, no new trace recorded",
        "After AnthropicTracing.autolog(): traced again");
    assertThat(env.api.requestCount()).isEqualTo(3);

    // On the server: one trace in the experiment, the re-enabled call's.
    String experimentId = env.anthropicExperimentId();
    String search = "{\"locations\":[{\"type\":\"MLFLOW_EXPERIMENT\",\"mlflow_experiment\":"
        + "{\"experiment_id\":\"" + experimentId + "\"}}],\"max_results\":100}";
    JsonNode traces = env.rest.post("/api/3.0/mlflow/traces/search", search).path("traces");
    assertThat(traces).hasSize(1);
    assertThat(traces.get(0).path("trace_id").asText()).isEqualTo(result.reenabledTraceId());
    assertThat(env.rest.traceWithSpans(result.reenabledTraceId()).path("spans").get(0)
        .path("name").asText()).isEqualTo("Messages.create");
    assertThat(Tracelight.getTrace(result.reenabledTraceId()).orElseThrow().data().spans())
        .hasSize(1);
  }
}
