package dev.tracelight.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelight.store.TraceInfo;
import dev.tracelight.store.TraceState;

/** TraceInfoV3 in MLflow's JSON (MLFLOW_WIRE.md §1.4, §3.1). */
final class TraceInfoJson {
  private static final String EXPERIMENT_LOCATION = "MLFLOW_EXPERIMENT";

  private TraceInfoJson() {}

  static ObjectNode write(TraceInfo info) {
    ObjectNode n = MlflowJson.MAPPER.createObjectNode();
    n.put("trace_id", info.traceId());
    info.clientRequestId().ifPresent(id -> n.put("client_request_id", id));
    n.set("trace_location", location(info.experimentId()));
    n.put("request_preview", info.requestPreview());
    n.put("response_preview", info.responsePreview());
    n.put("request_time", MlflowTime.formatTimestamp(info.requestTime()));
    n.put("execution_duration", MlflowTime.formatDuration(info.executionDuration()));
    n.put("state", info.state().name());
    ObjectNode metadata = n.putObject("trace_metadata");
    info.traceMetadata().forEach(metadata::put);
    ObjectNode tags = n.putObject("tags");
    info.tags().forEach(tags::put);
    ArrayNode assessments = n.putArray("assessments");
    info.assessments().forEach(a -> assessments.add(AssessmentJson.write(a)));
    return n;
  }

  static ObjectNode location(String experimentId) {
    ObjectNode location = MlflowJson.MAPPER.createObjectNode();
    location.put("type", EXPERIMENT_LOCATION);
    location.putObject("mlflow_experiment").put("experiment_id", experimentId);
    return location;
  }

  /** The experiment id of a {@code trace_location}, or 400 naming {@code path}. */
  static String experimentIdOf(JsonNode location, String path) {
    if (location == null || !location.isObject()) {
      throw ApiException.invalid("Missing value for required parameter '" + path + "'");
    }
    String type = MlflowJson.string(location, "type");
    if (type != null && !type.equals(EXPERIMENT_LOCATION)) {
      throw ApiException.invalid(
          "Unsupported trace location type '" + type + "' in '" + path + "'; only "
              + EXPERIMENT_LOCATION + " is supported");
    }
    JsonNode experiment = location.path("mlflow_experiment");
    String path2 = path + ".mlflow_experiment.experiment_id";
    if (!experiment.isObject()) {
      throw ApiException.invalid("Missing value for required parameter '" + path2 + "'");
    }
    return MlflowJson.requiredString(experiment, "experiment_id", path2);
  }

  /** Parses a request's {@code trace_info}; times as RFC 3339 / "1.5s" strings or numbers (ms). */
  static TraceInfo parse(JsonNode n) {
    TraceInfo.Builder b = TraceInfo.builder()
        .setTraceId(MlflowJson.requiredString(n, "trace_id", "trace.trace_info.trace_id"))
        .setExperimentId(experimentIdOf(n.get("trace_location"), "trace.trace_info.trace_location"))
        .setClientRequestId(MlflowJson.string(n, "client_request_id"))
        .setRequestPreview(MlflowJson.string(n, "request_preview"))
        .setResponsePreview(MlflowJson.string(n, "response_preview"))
        .setRequestTime(requestTime(n))
        .setExecutionDuration(executionDuration(n))
        .setTraceMetadata(MlflowJson.stringMap(n, "trace_metadata"))
        .setTags(MlflowJson.stringMap(n, "tags"));
    String state = MlflowJson.string(n, "state");
    b.setState(state == null ? TraceState.OK : TraceState.of(state));
    return b.build();
  }

  private static long requestTime(JsonNode n) {
    JsonNode v = n.get("request_time");
    if (v == null || v.isNull()) {
      return System.currentTimeMillis();
    }
    if (v.isIntegralNumber()) {
      return v.asLong();
    }
    try {
      if (v.isTextual()) {
        return MlflowTime.parseTimestamp(v.asText());
      }
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("Invalid value " + v + " for parameter 'request_time': "
          + "expected an RFC 3339 timestamp like \"2025-06-15T14:07:41.282Z\"");
    }
    throw MlflowJson.wrongType("request_time", "an RFC 3339 timestamp", v);
  }

  private static long executionDuration(JsonNode n) {
    JsonNode v = n.get("execution_duration");
    if (v == null || v.isNull()) {
      return 0;
    }
    if (v.isIntegralNumber() && v.asLong() >= 0) {
      return v.asLong();
    }
    try {
      if (v.isTextual()) {
        return MlflowTime.parseDuration(v.asText());
      }
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("Invalid value " + v + " for parameter 'execution_duration': "
          + "expected a duration like \"1.532s\"");
    }
    throw MlflowJson.wrongType("execution_duration", "a duration like \"1.532s\"", v);
  }
}
