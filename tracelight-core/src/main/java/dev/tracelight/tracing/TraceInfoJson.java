package dev.tracelight.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiConsumer;

/** {@link TraceInfo} in MLflow's {@code TraceInfoV3} JSON (MLFLOW_WIRE.md §1.4, §3.1). */
final class TraceInfoJson {
  private TraceInfoJson() {}

  static ObjectNode write(TraceInfo info) {
    ObjectNode node = TraceJson.MAPPER.createObjectNode();
    node.put("trace_id", info.traceId());
    if (info.clientRequestId() != null) {
      node.put("client_request_id", info.clientRequestId());
    }
    ObjectNode location = node.putObject("trace_location");
    location.put("type", "MLFLOW_EXPERIMENT");
    location.putObject("mlflow_experiment").put("experiment_id", info.experimentId());
    node.put("request_preview", info.requestPreview());
    node.put("response_preview", info.responsePreview());
    node.put("request_time", Instant.ofEpochMilli(info.requestTime().toEpochMilli()).toString());
    node.put("execution_duration", formatDuration(info.executionDuration()));
    node.put("state", info.state().name());
    ObjectNode metadata = node.putObject("trace_metadata");
    info.traceMetadata().forEach(metadata::put);
    ObjectNode tags = node.putObject("tags");
    info.tags().forEach(tags::put);
    node.putArray("assessments");
    return node;
  }

  static TraceInfo read(JsonNode node) {
    TraceInfo.Builder b =
        TraceInfo.builder()
            .setTraceId(node.path("trace_id").asText())
            .setRequestPreview(node.path("request_preview").asText(""))
            .setResponsePreview(node.path("response_preview").asText(""))
            .setRequestTime(parseTime(node.get("request_time")))
            .setExecutionDuration(parseDuration(node.get("execution_duration")))
            .setState(TraceState.parse(node.path("state").asText(null)));
    String experimentId =
        node.path("trace_location").path("mlflow_experiment").path("experiment_id").asText(null);
    b.setExperimentId(experimentId);
    JsonNode clientRequestId = node.get("client_request_id");
    if (clientRequestId != null && !clientRequestId.isNull()) {
      b.setClientRequestId(clientRequestId.asText());
    }
    forEachField(node.get("trace_metadata"), b::putMetadata);
    forEachField(node.get("tags"), b::putTag);
    for (JsonNode assessment : node.path("assessments")) {
      b.addAssessment(readAssessment(assessment));
    }
    return b.build();
  }

  static Assessment readAssessment(JsonNode a) {
    Map<String, String> metadata = new java.util.LinkedHashMap<>();
    forEachField(a.get("metadata"), metadata::put);
    JsonNode feedback = a.path("feedback");
    JsonNode value = feedback.isMissingNode() ? a.path("expectation").path("value") : feedback.path("value");
    JsonNode spanId = a.get("span_id");
    JsonNode rationale = a.get("rationale");
    return new Assessment(
        a.path("assessment_id").asText(),
        a.path("assessment_name").asText(),
        a.path("trace_id").asText(),
        spanId == null || spanId.asText().isEmpty() ? null : spanId.asText(),
        AssessmentSource.of(
            a.path("source").path("source_type").asText(""), a.path("source").path("source_id").asText("")),
        value.isMissingNode() || value.isNull() ? null : TraceJson.MAPPER.convertValue(value, Object.class),
        rationale == null || rationale.isNull() ? null : rationale.asText(),
        parseTime(a.get("create_time")),
        metadata,
        a.path("valid").asBoolean(true));
  }

  /** Protobuf's JSON form of a duration: seconds with 0, 3, 6 or 9 fraction digits and "s". */
  static String formatDuration(Duration d) {
    long nanos = d.getNano();
    if (nanos == 0) {
      return d.getSeconds() + "s";
    }
    String fraction =
        nanos % 1_000_000 == 0
            ? String.format("%03d", nanos / 1_000_000)
            : nanos % 1_000 == 0 ? String.format("%06d", nanos / 1_000) : String.format("%09d", nanos);
    return d.getSeconds() + "." + fraction + "s";
  }

  private static Duration parseDuration(JsonNode value) {
    if (value == null || value.isNull()) {
      return Duration.ZERO;
    }
    if (value.isNumber()) { // some servers send milliseconds
      return Duration.ofMillis(value.asLong());
    }
    String text = value.asText().trim();
    if (text.endsWith("s")) {
      text = text.substring(0, text.length() - 1);
    }
    BigDecimal seconds = new BigDecimal(text);
    return Duration.ofNanos(seconds.movePointRight(9).longValue());
  }

  private static Instant parseTime(JsonNode value) {
    if (value == null || value.isNull()) {
      return Instant.EPOCH;
    }
    return value.isNumber() ? Instant.ofEpochMilli(value.asLong()) : Instant.parse(value.asText());
  }

  private static void forEachField(JsonNode object, BiConsumer<String, String> sink) {
    if (object == null || !object.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      sink.accept(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
    }
  }
}
