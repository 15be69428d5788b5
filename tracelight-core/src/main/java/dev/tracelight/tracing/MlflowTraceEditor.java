package dev.tracelight.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Changes traces on a tracking server: deletion, tags and feedback (assessments). */
final class MlflowTraceEditor {
  private MlflowTraceEditor() {}

  static int deleteTraces(MlflowRestClient client, String experimentId, List<String> traceIds)
      throws IOException, InterruptedException {
    ObjectNode body = TraceJson.MAPPER.createObjectNode().put("experiment_id", experimentId);
    ArrayNode ids = body.putArray("request_ids");
    traceIds.forEach(ids::add);
    return client.postJson("/api/2.0/mlflow/traces/delete-traces", body).path("traces_deleted").asInt();
  }

  static int deleteTracesBefore(MlflowRestClient client, String experimentId, Instant cutoff, int max)
      throws IOException, InterruptedException {
    ObjectNode body = TraceJson.MAPPER.createObjectNode()
        .put("experiment_id", experimentId)
        .put("max_timestamp_millis", cutoff.toEpochMilli())
        .put("max_traces", max);
    return client.postJson("/api/2.0/mlflow/traces/delete-traces", body).path("traces_deleted").asInt();
  }

  /** The V2 tag routes: MLflow's own Python client always uses them. */
  static void setTag(MlflowRestClient client, String traceId, String key, String value)
      throws IOException, InterruptedException {
    client.patchJson("/api/2.0/mlflow/traces/" + traceId + "/tags",
        TraceJson.MAPPER.createObjectNode().put("key", key).put("value", value));
  }

  static void deleteTag(MlflowRestClient client, String traceId, String key)
      throws IOException, InterruptedException {
    client.deleteJson("/api/2.0/mlflow/traces/" + traceId + "/tags",
        TraceJson.MAPPER.createObjectNode().put("key", key));
  }

  static Assessment logFeedback(
      MlflowRestClient client,
      String traceId,
      @Nullable String spanId,
      String name,
      @Nullable Object value,
      @Nullable String rationale,
      AssessmentSource source,
      Map<String, String> metadata)
      throws IOException, InterruptedException {
    ObjectNode assessment = TraceJson.MAPPER.createObjectNode();
    assessment.put("assessment_name", name);
    assessment.put("trace_id", traceId);
    if (spanId != null) {
      assessment.put("span_id", spanId);
    }
    assessment.putObject("source")
        .put("source_type", source.sourceType())
        .put("source_id", source.sourceId());
    assessment.putObject("feedback").set("value", TraceJson.MAPPER.valueToTree(value));
    if (rationale != null) {
      assessment.put("rationale", rationale);
    }
    if (!metadata.isEmpty()) {
      ObjectNode m = assessment.putObject("metadata");
      metadata.forEach(m::put);
    }
    ObjectNode body = TraceJson.MAPPER.createObjectNode();
    body.set("assessment", assessment);
    JsonNode created = client.postJson("/api/3.0/mlflow/traces/" + traceId + "/assessments", body);
    return TraceInfoJson.readAssessment(created.path("assessment"));
  }
}
