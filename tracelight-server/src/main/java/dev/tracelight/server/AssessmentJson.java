package dev.tracelight.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelight.store.Assessment;
import dev.tracelight.store.AssessmentError;
import dev.tracelight.store.AssessmentSource;
import dev.tracelight.store.AssessmentValue;
import java.io.UncheckedIOException;
import java.util.TreeMap;

/**
 * MLflow's {@code Assessment} JSON (MLFLOW_WIRE.md §1.4): written embedded in trace infos and by
 * the assessment RPCs; read from their requests with a 400 naming the field for every mistake.
 * Feedback and expectation values are any JSON value and stay one.
 */
final class AssessmentJson {
  static final String PATH = "assessment";

  private AssessmentJson() {}

  static ObjectNode write(Assessment a) {
    ObjectNode n = MlflowJson.MAPPER.createObjectNode();
    n.put("assessment_id", a.assessmentId());
    n.put("assessment_name", a.name());
    n.put("trace_id", a.traceId());
    a.spanId().ifPresent(id -> n.put("span_id", id));
    ObjectNode source = n.putObject("source");
    source.put("source_type", a.source().type().name());
    source.put("source_id", a.source().sourceId());
    n.put("create_time", MlflowTime.formatTimestamp(a.createTime()));
    n.put("last_update_time", MlflowTime.formatTimestamp(a.lastUpdateTime()));
    AssessmentValue v = a.value();
    ObjectNode value = n.putObject(
        v.kind() == AssessmentValue.Kind.FEEDBACK ? "feedback" : "expectation");
    if (v.serializationFormat().isPresent()) {
      ObjectNode serialized = value.putObject("serialized_value");
      serialized.put("serialization_format", v.serializationFormat().get());
      serialized.put("value", v.valueJson().orElse(""));
    } else {
      v.valueJson().ifPresent(json -> value.set("value", parseStored(json)));
    }
    v.error().ifPresent(e -> {
      ObjectNode error = value.putObject("error");
      error.put("error_code", e.errorCode());
      error.put("error_message", e.errorMessage());
    });
    a.rationale().ifPresent(r -> n.put("rationale", r));
    ObjectNode metadata = n.putObject("metadata");
    new TreeMap<>(a.metadata()).forEach(metadata::put); // sorted: the same bytes every time
    a.overrides().ifPresent(o -> n.put("overrides", o));
    n.put("valid", a.valid());
    return n;
  }

  /** The request's {@code assessment} object, or 400. */
  static JsonNode assessmentOf(JsonNode body) {
    JsonNode a = body.get(PATH);
    if (a == null || !a.isObject()) {
      throw ApiException.invalid("Missing value for required parameter '" + PATH + "'");
    }
    return a;
  }

  /** A new assessment from a CreateAssessment request's {@code assessment}. */
  static Assessment parseNew(JsonNode a, String traceId) {
    String bodyTraceId = MlflowJson.string(a, "trace_id");
    if (bodyTraceId != null && !bodyTraceId.isEmpty() && !bodyTraceId.equals(traceId)) {
      throw ApiException.invalid("Invalid value '" + bodyTraceId + "' for parameter '" + PATH
          + ".trace_id': the path names trace " + traceId);
    }
    Assessment.Builder b = Assessment.builder()
        .setTraceId(traceId)
        .setName(name(a))
        .setSource(source(a))
        .setValue(value(a))
        .setRationale(MlflowJson.string(a, "rationale"))
        .setSpanId(MlflowJson.string(a, "span_id"))
        .setOverrides(MlflowJson.string(a, "overrides"))
        .setMetadata(MlflowJson.stringMap(a, "metadata"));
    Boolean valid = MlflowJson.bool(a, "valid", PATH + ".valid");
    return b.setValid(valid == null || valid).build();
  }

  /** {@code assessment_name}: required, without dots. */
  static String name(JsonNode a) {
    String name = MlflowJson.requiredString(a, "assessment_name", PATH + ".assessment_name");
    if (name.isBlank() || name.contains(".")) {
      throw ApiException.invalid("Invalid value '" + name + "' for parameter '" + PATH
          + ".assessment_name': it must not be blank or contain '.'");
    }
    return name;
  }

  private static AssessmentSource source(JsonNode a) {
    JsonNode source = a.get("source");
    if (source == null || !source.isObject()) {
      throw ApiException.invalid("Missing value for required parameter '" + PATH + ".source'");
    }
    String path = PATH + ".source.source_type";
    String type = MlflowJson.requiredString(source, "source_type", path);
    AssessmentSource.Type parsed = AssessmentSource.Type.parse(type).orElseThrow(() ->
        ApiException.invalid("Invalid value '" + type + "' for parameter '" + path
            + "': expected HUMAN, LLM_JUDGE or CODE"));
    String id = MlflowJson.string(source, "source_id");
    return AssessmentSource.create(parsed, id == null ? "" : id);
  }

  /** Exactly one of {@code feedback} and {@code expectation}. */
  static AssessmentValue value(JsonNode a) {
    boolean feedback = a.hasNonNull("feedback");
    if (feedback == a.hasNonNull("expectation")) {
      throw ApiException.invalid("Exactly one of '" + PATH + ".feedback' and '" + PATH
          + ".expectation' must be set");
    }
    return feedback ? feedback(a) : expectation(a);
  }

  static AssessmentValue feedback(JsonNode a) {
    String path = PATH + ".feedback";
    JsonNode f = object(a, "feedback", path);
    JsonNode value = f.get("value");
    JsonNode error = f.get("error");
    if (error == null || error.isNull()) {
      if (value == null) {
        throw ApiException.invalid("'" + path + "' needs a 'value' or an 'error'");
      }
      return AssessmentValue.feedback(value.toString());
    }
    if (!error.isObject()) {
      throw MlflowJson.wrongType(path + ".error", "an object {error_code, error_message}", error);
    }
    String code = MlflowJson.string(error, "error_code");
    String message = MlflowJson.string(error, "error_message");
    return AssessmentValue.feedback(value == null ? null : value.toString(),
        AssessmentError.create(code == null ? "" : code, message == null ? "" : message));
  }

  static AssessmentValue expectation(JsonNode a) {
    String path = PATH + ".expectation";
    JsonNode e = object(a, "expectation", path);
    JsonNode serialized = e.get("serialized_value");
    if (serialized != null && !serialized.isNull()) {
      JsonNode s = object(e, "serialized_value", path + ".serialized_value");
      return AssessmentValue.serializedExpectation(
          MlflowJson.requiredString(s, "serialization_format",
              path + ".serialized_value.serialization_format"),
          MlflowJson.requiredString(s, "value", path + ".serialized_value.value"));
    }
    JsonNode value = e.get("value");
    if (value == null) {
      throw ApiException.invalid("'" + path + "' needs a 'value' or a 'serialized_value'");
    }
    return AssessmentValue.expectation(value.toString());
  }

  private static JsonNode object(JsonNode parent, String field, String path) {
    JsonNode n = parent.get(field);
    if (n == null || !n.isObject()) {
      throw n == null ? ApiException.invalid("Missing value for required parameter '" + path + "'")
          : MlflowJson.wrongType(path, "an object", n);
    }
    return n;
  }

  private static JsonNode parseStored(String json) {
    try {
      return MlflowJson.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException("stored assessment value is not JSON", e);
    }
  }
}
