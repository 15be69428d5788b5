package dev.tracelight.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelight.store.Assessment;
import dev.tracelight.store.AssessmentStore;
import dev.tracelight.store.AssessmentUpdate;
import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * MLflow's assessment RPCs on {@code /mlflow/traces/{trace_id}/assessments}: Create (POST),
 * Get (GET), Update (PATCH, with a field mask) and Delete (DELETE). Parse, call the store, write.
 */
final class MlflowAssessmentsApi {
  private static final String ASSESSMENTS = "/mlflow/traces/{trace_id}/assessments";
  private static final String ONE = ASSESSMENTS + "/{assessment_id}";
  /** The mask paths UpdateAssessment honours, as MLflow's handler; others are ignored. */
  private static final Set<String> UPDATABLE =
      Set.of("assessment_name", "expectation", "feedback", "rationale", "metadata", "valid");

  private final AssessmentStore store;
  private final RequestBodies bodies;

  MlflowAssessmentsApi(AssessmentStore store, RequestBodies bodies) {
    this.store = store;
    this.bodies = bodies;
  }

  void register(MlflowRoutes routes) {
    routes.post(ASSESSMENTS, this::create)
        .get(ONE, this::get)
        .patch(ONE, this::update)
        .delete(ONE, this::delete);
  }

  private void create(Context ctx) {
    JsonNode a = AssessmentJson.assessmentOf(MlflowJson.parseObject(bodies.read(ctx)));
    Assessment created = store.createAssessment(
        AssessmentJson.parseNew(a, ctx.pathParam("trace_id")));
    write(ctx, created);
  }

  private void get(Context ctx) {
    String traceId = ctx.pathParam("trace_id");
    String id = ctx.pathParam("assessment_id");
    write(ctx, store.assessment(traceId, id).orElseThrow(() -> ApiException.notFound(
        "Assessment with ID " + id + " not found on trace " + traceId + ".")));
  }

  private void update(Context ctx) {
    JsonNode body = MlflowJson.parseObject(bodies.read(ctx));
    JsonNode a = AssessmentJson.assessmentOf(body);
    Set<String> mask = mask(body);
    AssessmentUpdate.Builder update = AssessmentUpdate.builder();
    if (mask.contains("assessment_name")) {
      update.setName(AssessmentJson.name(a));
    }
    if (mask.contains("feedback")) {
      update.setValue(AssessmentJson.feedback(a));
    }
    if (mask.contains("expectation")) {
      update.setValue(AssessmentJson.expectation(a));
    }
    if (mask.contains("rationale")) {
      String rationale = MlflowJson.string(a, "rationale");
      update.setRationale(rationale == null ? "" : rationale);
    }
    if (mask.contains("metadata")) {
      update.setMetadata(MlflowJson.stringMap(a, "metadata"));
    }
    if (mask.contains("valid")) {
      Boolean valid = MlflowJson.bool(a, "valid", AssessmentJson.PATH + ".valid");
      if (valid == null) {
        throw ApiException.invalid("'valid' is in 'update_mask' but '"
            + AssessmentJson.PATH + ".valid' is missing");
      }
      update.setValid(valid);
    }
    write(ctx, store.updateAssessment(
        ctx.pathParam("trace_id"), ctx.pathParam("assessment_id"), update.build()));
  }

  private void delete(Context ctx) {
    store.deleteAssessment(ctx.pathParam("trace_id"), ctx.pathParam("assessment_id"));
    MlflowJson.write(ctx, MlflowJson.MAPPER.createObjectNode());
  }

  /**
   * The honoured paths of {@code update_mask}: protobuf's JSON form is one comma-separated string
   * of lowerCamelCase paths; snake_case, a list, or {@code {"paths": [...]}} are accepted too.
   */
  private static Set<String> mask(JsonNode body) {
    JsonNode mask = body.get("update_mask");
    if (mask != null && mask.isObject()) {
      mask = mask.get("paths");
    }
    Set<String> paths = new LinkedHashSet<>();
    if (mask != null && mask.isTextual()) {
      for (String p : mask.asText().split(",")) {
        paths.add(snakeCase(p.trim()));
      }
    } else if (mask != null && mask.isArray()) {
      mask.forEach(p -> paths.add(snakeCase(p.asText().trim())));
    } else if (mask != null && !mask.isNull()) {
      throw MlflowJson.wrongType("update_mask", "a comma-separated list of field paths", mask);
    }
    paths.retainAll(UPDATABLE);
    if (paths.isEmpty()) {
      throw ApiException.invalid("Missing value for required parameter 'update_mask': name at"
          + " least one of assessmentName, feedback, expectation, rationale, metadata, valid");
    }
    return paths;
  }

  private static String snakeCase(String path) {
    return path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  private static void write(Context ctx, Assessment a) {
    ObjectNode response = MlflowJson.MAPPER.createObjectNode();
    response.set("assessment", AssessmentJson.write(a));
    MlflowJson.write(ctx, response);
  }
}
