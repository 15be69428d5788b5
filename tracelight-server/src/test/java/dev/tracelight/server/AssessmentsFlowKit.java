package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The assessment RPCs over HTTP, their 400s and 404s, and assessments inside trace infos. */
abstract class AssessmentsFlowKit extends FlowKitSupport {
  static final String FEEDBACK = "{\"assessment\": {"
      + "\"assessment_name\": \"correctness\", \"span_id\": \"\","
      + "\"source\": {\"source_type\": \"HUMAN\", \"source_id\": \"alice@example.com\"},"
      + "\"feedback\": {\"value\": true}, \"rationale\": \"Matches the reference answer\","
      + "\"metadata\": {\"mlflow.assessment.sourceRunId\": \"run123\"}}}";
  static final String RFC3339 = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

  String traceId;

  @BeforeEach
  void newTrace() {
    traceId = exportedTrace();
  }

  String assessments() {
    return "/api/3.0/mlflow/traces/" + traceId + "/assessments";
  }

  JsonNode create(String body) {
    return ok(http.postJson(assessments(), body)).get("assessment");
  }

  @Test
  void lifecycle_createGetUpdateDelete_embeddedInTraceReads() {
    JsonNode created = create(FEEDBACK);
    String id = created.get("assessment_id").asText();
    assertThat(id).matches("a-[0-9a-f]{32}");
    assertThat(created.get("assessment_name").asText()).isEqualTo("correctness");
    assertThat(created.get("trace_id").asText()).isEqualTo(traceId);
    assertThat(created.get("source").toString())
        .isEqualTo("{\"source_type\":\"HUMAN\",\"source_id\":\"alice@example.com\"}");
    assertThat(created.at("/feedback/value").isBoolean()).isTrue();
    assertThat(created.get("create_time").asText()).matches(RFC3339);
    assertThat(created.get("last_update_time")).isEqualTo(created.get("create_time"));
    assertThat(created.get("valid").asBoolean()).isTrue();
    assertThat(created.has("span_id")).isFalse();
    assertThat(ok(http.get(assessments() + "/" + id)).get("assessment")).isEqualTo(created);

    assertThat(traceInfo(traceId).get("assessments")).containsExactly(created);
    assertThat(ok(http.get("/api/3.0/mlflow/traces/get?trace_id=" + traceId))
        .at("/trace/trace_info/assessments/0")).isEqualTo(created);
    assertThat(ok(http.get("/ajax-api/3.0/mlflow/traces/batchGet?trace_ids=" + traceId))
        .at("/traces/0/trace_info/assessments/0")).isEqualTo(created);
    assertThat(ok(http.postJson("/api/3.0/mlflow/traces/search", "{\"locations\": [{"
        + "\"mlflow_experiment\": {\"experiment_id\": \"" + experimentId + "\"}}]}"))
        .at("/traces/0/assessments/0")).isEqualTo(created);

    JsonNode updated = ok(http.sendJson("PATCH", assessments() + "/" + id, "{\"assessment\": {"
        + "\"assessment_id\": \"" + id + "\", \"trace_id\": \"" + traceId + "\","
        + "\"assessment_name\": \"accuracy\", \"feedback\": {\"value\": {\"score\": 0.5}},"
        + "\"rationale\": \"Half right\", \"metadata\": {\"reviewer\": \"bob\"},"
        + "\"source\": {\"source_type\": \"CODE\"}},"
        + " \"update_mask\": \"assessmentName,feedback,rationale,metadata,source\"}"))
        .get("assessment");
    assertThat(updated.get("assessment_name").asText()).isEqualTo("accuracy");
    assertThat(updated.at("/feedback/value").toString()).isEqualTo("{\"score\":0.5}");
    assertThat(updated.get("rationale").asText()).isEqualTo("Half right");
    assertThat(updated.get("metadata").toString())
        .isEqualTo("{\"mlflow.assessment.sourceRunId\":\"run123\",\"reviewer\":\"bob\"}");
    assertThat(updated.at("/source/source_type").asText()).isEqualTo("HUMAN");
    assertThat(updated.get("create_time")).isEqualTo(created.get("create_time"));

    JsonNode invalidated = ok(http.sendJson("PATCH", assessments() + "/" + id,
        "{\"assessment\": {\"valid\": false}, \"update_mask\": \"valid\"}")).get("assessment");
    assertThat(invalidated.get("valid").asBoolean()).isFalse();
    assertThat(traceInfo(traceId).at("/assessments/0")).isEqualTo(invalidated);

    assertThat(ok(http.sendJson("DELETE", assessments() + "/" + id, "{}")).toString())
        .isEqualTo("{}");
    assertError(http.get(assessments() + "/" + id), 404, "RESOURCE_DOES_NOT_EXIST", id);
    assertThat(traceInfo(traceId).get("assessments")).isEmpty();
  }

  @Test
  void valueForms_expectationsJudgeErrorsAndOverrides() {
    JsonNode expected = create("{\"assessment\": {\"assessment_name\": \"facts\", \"trace_id\": \""
        + traceId + "\", \"source\": {\"source_type\": \"HUMAN\"},"
        + " \"expectation\": {\"value\": [\"Paris\", 3, null]}}}");
    JsonNode serialized = create("{\"assessment\": {\"assessment_name\": \"blob\","
        + " \"source\": {\"source_type\": \"CODE\"}, \"expectation\": {\"serialized_value\":"
        + " {\"serialization_format\": \"JSON_FORMAT\", \"value\": \"{\\\"a\\\": 1}\"}}}}");
    JsonNode judged = create("{\"assessment\": {\"assessment_name\": \"tone\","
        + " \"source\": {\"source_type\": \"AI_JUDGE\", \"source_id\": \"gpt\"},"
        + " \"feedback\": {\"error\": {\"error_code\": \"TIMEOUT\", \"error_message\": \"slow\"}},"
        + " \"overrides\": \"" + expected.get("assessment_id").asText() + "\"}}");

    assertThat(expected.at("/expectation/value").toString()).isEqualTo("[\"Paris\",3,null]");
    assertThat(serialized.at("/expectation/serialized_value").toString())
        .isEqualTo("{\"serialization_format\":\"JSON_FORMAT\",\"value\":\"{\\\"a\\\": 1}\"}");
    assertThat(judged.at("/source/source_type").asText()).isEqualTo("LLM_JUDGE");
    assertThat(judged.at("/feedback/error").toString())
        .isEqualTo("{\"error_code\":\"TIMEOUT\",\"error_message\":\"slow\"}");
    assertThat(judged.at("/feedback").has("value")).isFalse();
    assertThat(judged.get("overrides")).isEqualTo(expected.get("assessment_id"));
    for (JsonNode a : traceInfo(traceId).get("assessments")) {
      // The overridden expectation is no longer valid; the others are.
      assertThat(a.get("valid").asBoolean()).isEqualTo(!a.get("assessment_id").equals(
          expected.get("assessment_id")));
    }
  }

  @Test
  void badRequests_400NamingTheField() {
    String base = "\"source\": {\"source_type\": \"HUMAN\"}, \"feedback\": {\"value\": 1}";
    assertError(http.postJson(assessments(), "{}"), 400, "INVALID_PARAMETER_VALUE",
        "'assessment'");
    assertError(http.postJson(assessments(), "{\"assessment\": {" + base + "}}"),
        400, "INVALID_PARAMETER_VALUE", "'assessment.assessment_name'");
    assertError(http.postJson(assessments(), "{\"assessment\": {\"assessment_name\": \"a.b\", "
        + base + "}}"), 400, "INVALID_PARAMETER_VALUE", "must not be blank or contain '.'");
    assertError(http.postJson(assessments(), "{\"assessment\": {\"assessment_name\": \"n\", "
        + base + ", \"expectation\": {\"value\": 1}}}"), 400, "INVALID_PARAMETER_VALUE",
        "Exactly one of 'assessment.feedback' and 'assessment.expectation'");
    assertError(http.postJson(assessments(), "{\"assessment\": {\"assessment_name\": \"n\","
        + " \"source\": {\"source_type\": \"HUMAN\"}}}"), 400, "INVALID_PARAMETER_VALUE",
        "Exactly one of");
    assertError(http.postJson(assessments(), "{\"assessment\": {\"assessment_name\": \"n\","
        + " \"source\": {\"source_type\": \"ROBOT\"}, \"feedback\": {\"value\": 1}}}"),
        400, "INVALID_PARAMETER_VALUE", "'assessment.source.source_type'");
    assertError(http.postJson(assessments(), "{\"assessment\": {\"assessment_name\": \"n\","
        + " \"feedback\": {\"value\": 1}}}"), 400, "INVALID_PARAMETER_VALUE",
        "'assessment.source'");
    assertError(http.postJson(assessments(), "{\"assessment\": {\"assessment_name\": \"n\","
        + " \"source\": {\"source_type\": \"HUMAN\"}, \"feedback\": {}}}"), 400,
        "INVALID_PARAMETER_VALUE", "'assessment.feedback' needs a 'value' or an 'error'");
    assertError(http.postJson(assessments(), "{\"assessment\": {\"assessment_name\": \"n\","
        + " \"trace_id\": \"tr-other\", " + base + "}}"), 400, "INVALID_PARAMETER_VALUE",
        "'assessment.trace_id'");

    String id = create(FEEDBACK).get("assessment_id").asText();
    String one = assessments() + "/" + id;
    assertError(http.sendJson("PATCH", one, "{\"assessment\": {\"rationale\": \"x\"}}"),
        400, "INVALID_PARAMETER_VALUE", "'update_mask'");
    assertError(http.sendJson("PATCH", one, "{\"assessment\": {\"expectation\": {\"value\": 1}},"
        + " \"update_mask\": \"expectation\"}"), 400, "INVALID_PARAMETER_VALUE",
        "cannot become an expectation");
    assertError(http.sendJson("PATCH", assessments() + "/" + id,
        "{\"assessment\": {}, \"update_mask\": \"valid\"}"), 400, "INVALID_PARAMETER_VALUE",
        "'assessment.valid'");
  }

  @Test
  void unknownTraceOrAssessment_404() {
    String unknownTrace = new OtlpTestRequests().mlflowTraceId();
    assertError(http.postJson("/api/3.0/mlflow/traces/" + unknownTrace + "/assessments", FEEDBACK),
        404, "RESOURCE_DOES_NOT_EXIST", unknownTrace);
    String missing = assessments() + "/a-0123456789abcdef0123456789abcdef";
    assertError(http.get(missing), 404, "RESOURCE_DOES_NOT_EXIST", "a-0123456789abcdef");
    assertError(http.sendJson("PATCH", missing,
        "{\"assessment\": {\"rationale\": \"x\"}, \"update_mask\": \"rationale\"}"),
        404, "RESOURCE_DOES_NOT_EXIST", "a-0123456789abcdef");
    assertError(http.sendJson("DELETE", missing, "{}"), 404, "RESOURCE_DOES_NOT_EXIST",
        "a-0123456789abcdef");
  }
}
