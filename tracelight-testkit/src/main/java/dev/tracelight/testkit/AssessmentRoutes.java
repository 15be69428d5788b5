package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * CreateAssessment and GetAssessment under {@code /api/3.0/mlflow/traces/{trace_id}/assessments}.
 * The server assigns the id ({@code a-} and 32 hex digits), the trace id from the path, the create
 * and update times, and {@code valid: true} unless the client said otherwise.
 */
final class AssessmentRoutes {

  private final TraceStore traces;

  AssessmentRoutes(TraceStore traces) {
    this.traces = traces;
  }

  /** {@code {"assessment": {...}}} in, the stored assessment out in the same envelope. */
  MlflowReply create(RecordedRequest request, MlflowRoute.Match match) {
    String traceId = match.capture(0);
    JsonNode given = RequestBodies.object(request).path("assessment");
    if (!given.isObject()) {
      throw MlflowError.invalidParameter("Missing value for required parameter 'assessment'.");
    }
    String name = RequestBodies.requiredText(given, "assessment_name");
    String id = Ids.assessment();
    String now = TraceInfoJson.render(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    ObjectNode stored = Json.object();
    stored.put("assessment_id", id);
    stored.put("assessment_name", name);
    stored.put("trace_id", traceId);
    stored.setAll(((ObjectNode) given).deepCopy());
    stored.put("assessment_id", id);
    stored.put("trace_id", traceId);
    stored.put("create_time", now);
    stored.put("last_update_time", now);
    if (!stored.has("valid")) {
      stored.put("valid", true);
    }
    return wrap(traces.addAssessment(traceId, id, stored));
  }

  MlflowReply get(MlflowRoute.Match match) {
    String traceId = match.capture(0);
    String id = match.capture(1);
    ObjectNode assessment =
        traces
            .assessment(traceId, id)
            .orElseThrow(
                () ->
                    MlflowError.notFound(
                        "Assessment with ID " + id + " not found for trace " + traceId));
    return wrap(assessment);
  }

  private static MlflowReply wrap(ObjectNode assessment) {
    ObjectNode response = Json.object();
    response.set("assessment", assessment);
    return MlflowReply.ok(response);
  }
}
