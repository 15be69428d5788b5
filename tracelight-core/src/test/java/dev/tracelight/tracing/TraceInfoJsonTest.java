package dev.tracelight.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TraceInfoJsonTest {

  @Test
  void write_producesMlflowTraceInfoV3() {
    TraceInfo info =
        TraceInfo.builder()
            .setTraceId("tr-4bf92f3577b34da6a3ce929d0e0e4736")
            .setExperimentId("7")
            .setRequestTime(Instant.parse("2025-06-15T14:07:41.282Z"))
            .setExecutionDuration(Duration.ofMillis(1532))
            .setState(TraceState.OK)
            .setRequestPreview("{\"a\":1}")
            .putMetadata("mlflow.trace_schema.version", "3")
            .putTag("mlflow.traceName", "Messages.create")
            .build();

    JsonNode json = TraceInfoJson.write(info);

    assertThat(json.path("trace_id").asText()).isEqualTo("tr-4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(json.path("trace_location").path("type").asText()).isEqualTo("MLFLOW_EXPERIMENT");
    assertThat(json.path("trace_location").path("mlflow_experiment").path("experiment_id").asText())
        .isEqualTo("7");
    assertThat(json.path("request_time").asText()).isEqualTo("2025-06-15T14:07:41.282Z");
    assertThat(json.path("execution_duration").asText()).isEqualTo("1.532s");
    assertThat(json.path("state").asText()).isEqualTo("OK");
    assertThat(json.path("trace_metadata").path("mlflow.trace_schema.version").asText()).isEqualTo("3");
    assertThat(json.path("tags").path("mlflow.traceName").asText()).isEqualTo("Messages.create");
    assertThat(json.path("assessments").isArray()).isTrue();

    TraceInfo back = TraceInfoJson.read(json);
    assertThat(back.traceId()).isEqualTo(info.traceId());
    assertThat(back.experimentId()).isEqualTo("7");
    assertThat(back.requestTime()).isEqualTo(info.requestTime());
    assertThat(back.executionDuration()).isEqualTo(Duration.ofMillis(1532));
    assertThat(back.tags()).isEqualTo(info.tags());
  }

  @Test
  void durations_useProtobufJsonForm_andParseAllForms() {
    assertThat(TraceInfoJson.formatDuration(Duration.ofSeconds(2))).isEqualTo("2s");
    assertThat(TraceInfoJson.formatDuration(Duration.ofMillis(23))).isEqualTo("0.023s");
    assertThat(TraceInfoJson.formatDuration(Duration.ofNanos(1_500_000_001L))).isEqualTo("1.500000001s");
    assertThat(TraceInfoJson.formatDuration(Duration.ofNanos(1_000_500_000L))).isEqualTo("1.000500s");

    JsonNode asNumber = TraceJson.MAPPER.createObjectNode()
        .put("trace_id", "tr-x").put("execution_duration", 1500).put("request_time", 1000L);
    TraceInfo info = TraceInfoJson.read(asNumber);
    assertThat(info.executionDuration()).isEqualTo(Duration.ofMillis(1500));
    assertThat(info.requestTime()).isEqualTo(Instant.ofEpochMilli(1000));
  }
}
