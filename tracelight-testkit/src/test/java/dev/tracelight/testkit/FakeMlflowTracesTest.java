package dev.tracelight.testkit;

import static dev.tracelight.testkit.FakeMlflowExperimentsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** StartTraceV3, GetTraceInfoV3, SearchTracesV3, trace tags and DeleteTraces. */
class FakeMlflowTracesTest {

  static final String TRACE_ID = "tr-7f3c9a1e2b4d4c6f8a0b1c2d3e4f5a6b";

  private final FakeMlflowServer mlflow =
      FakeMlflowServer.builder().setSpansInTrackingStore(false).start();
  private final MlflowHttp http = new MlflowHttp(mlflow);

  @AfterEach
  void close() {
    mlflow.close();
  }

  static String startBody(String traceId, String experimentId, String requestTime) {
    return "{\"trace\": {\"trace_info\": {"
        + "\"trace_id\": \""
        + traceId
        + "\","
        + "\"trace_location\": {\"type\": \"MLFLOW_EXPERIMENT\","
        + " \"mlflow_experiment\": {\"experiment_id\": \""
        + experimentId
        + "\"}},"
        + "\"request_preview\": \"{\\\"q\\\": 1}\","
        + "\"request_time\": \""
        + requestTime
        + "\","
        + "\"execution_duration\": \"1.5s\", \"state\": \"OK\","
        + "\"trace_metadata\": {\"mlflow.trace_schema.version\": \"3\"},"
        + "\"tags\": {\"mlflow.traceName\": \"Messages.create\"},"
        + "\"assessments\": [], \"unknown_field\": 1}}}";
  }

  private JsonNode start(String traceId, String requestTime) throws Exception {
    HttpResponse<String> response =
        http.post("/api/3.0/mlflow/traces", startBody(traceId, "0", requestTime));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return MlflowHttp.json(response).at("/trace/trace_info");
  }

  @Test
  void startTrace_echoesTheInfo_addsArtifactLocation_inCanonicalProtoJson() throws Exception {
    JsonNode info = start(TRACE_ID, "2025-06-15T14:07:41.282Z");

    assertThat(info.path("trace_id").asText()).isEqualTo(TRACE_ID);
    assertThat(info.path("request_time").asText()).isEqualTo("2025-06-15T14:07:41.282Z");
    assertThat(info.path("execution_duration").asText()).isEqualTo("1.500s");
    assertThat(info.path("state").asText()).isEqualTo("OK");
    assertThat(info.at("/tags/mlflow.traceName").asText()).isEqualTo("Messages.create");
    assertThat(info.at("/tags/mlflow.artifactLocation").asText())
        .isEqualTo("mlflow-artifacts:/0/traces/" + TRACE_ID + "/artifacts");
    assertThat(info.path("tags").has("mlflow.trace.spansLocation")).isFalse();
    assertThat(info.has("unknown_field")).isFalse();
    assertThat(info.has("assessments")).isFalse(); // an empty repeated field is left out
    assertThat(mlflow.traceInfos()).containsOnlyKeys(TRACE_ID);
  }

  @Test
  void startTrace_spansInTrackingStore_addsSpansLocationTag() throws Exception {
    try (FakeMlflowServer modern = FakeMlflowServer.start()) {
      HttpResponse<String> response =
          new MlflowHttp(modern)
              .post("/api/3.0/mlflow/traces", startBody(TRACE_ID, "0", "2025-06-15T14:07:41Z"));

      assertThat(
              MlflowHttp.json(response)
                  .at("/trace/trace_info/tags/mlflow.trace.spansLocation")
                  .asText())
          .isEqualTo("TRACKING_STORE");
    }
  }

  @Test
  void startTrace_badInput_isRejectedAsByProtobuf() throws Exception {
    String numericDuration =
        startBody(TRACE_ID, "0", "2025-06-15T14:07:41Z").replace("\"1.5s\"", "1532");
    assertError(
        http.post("/api/3.0/mlflow/traces", numericDuration), 400, "INVALID_PARAMETER_VALUE");
    assertError(
        http.post("/api/3.0/mlflow/traces", startBody(TRACE_ID, "0", "yesterday")),
        400,
        "INVALID_PARAMETER_VALUE");
    assertError(
        http.post("/api/3.0/mlflow/traces", startBody(TRACE_ID, "99", "2025-06-15T14:07:41Z")),
        404,
        "RESOURCE_DOES_NOT_EXIST");
    assertError(
        http.post("/api/3.0/mlflow/traces", "{\"trace\": {}}"), 400, "INVALID_PARAMETER_VALUE");
    assertError(http.post("/api/3.0/mlflow/traces", "not json"), 400, "BAD_REQUEST");
  }

  @Test
  void getTraceInfo_answersTheStoredInfo_orResourceDoesNotExist() throws Exception {
    JsonNode started = start(TRACE_ID, "2025-06-15T14:07:41.282Z");

    HttpResponse<String> found = http.get("/api/3.0/mlflow/traces/" + TRACE_ID);
    HttpResponse<String> missing = http.get("/api/3.0/mlflow/traces/tr-missing");

    assertThat(MlflowHttp.json(found).at("/trace/trace_info")).isEqualTo(started);
    assertError(missing, 404, "RESOURCE_DOES_NOT_EXIST");
  }

  @Test
  void search_newestFirst_paged_filterRecordedNotApplied() throws Exception {
    start("tr-old", "2025-01-01T00:00:00Z");
    start("tr-new", "2025-03-01T00:00:00Z");
    start("tr-mid", "2025-02-01T00:00:00Z");
    String search =
        "{\"locations\": [{\"type\": \"MLFLOW_EXPERIMENT\","
            + " \"mlflow_experiment\": {\"experiment_id\": \"0\"}}],"
            + " \"filter\": \"tag.env = 'prod'\", \"max_results\": 2}";

    JsonNode first = MlflowHttp.json(http.post("/api/3.0/mlflow/traces/search", search));
    String next =
        search.replace(
            "\"max_results\": 2",
            "\"max_results\": 2, \"page_token\": \""
                + first.path("next_page_token").asText()
                + "\"");
    JsonNode second = MlflowHttp.json(http.post("/api/3.0/mlflow/traces/search", next));

    assertThat(first.path("traces"))
        .extracting(t -> t.path("trace_id").asText())
        .containsExactly("tr-new", "tr-mid");
    assertThat(second.path("traces"))
        .extracting(t -> t.path("trace_id").asText())
        .containsExactly("tr-old");
    assertThat(second.has("next_page_token")).isFalse();
    assertThat(mlflow.requests().get(3).json().path("filter").asText())
        .isEqualTo("tag.env = 'prod'");
  }

  @Test
  void search_nothingFound_answersAnEmptyObject_andLocationsAreRequired() throws Exception {
    http.post("/api/2.0/mlflow/experiments/create", "{\"name\": \"empty\"}");
    String search = "{\"locations\": [{\"mlflow_experiment\": {\"experiment_id\": \"1\"}}]}";

    HttpResponse<String> empty = http.post("/api/3.0/mlflow/traces/search", search);

    assertThat(empty.body()).isEqualTo("{}");
    assertError(http.post("/api/3.0/mlflow/traces/search", "{}"), 400, "INVALID_PARAMETER_VALUE");
    assertError(
        http.post(
            "/api/3.0/mlflow/traces/search", search.replace("]}", "], \"max_results\": 501}")),
        400,
        "INVALID_PARAMETER_VALUE");
  }

  @Test
  void tags_setAndDelete_onV2AndV3Paths_deleteCarriesAJsonBody() throws Exception {
    start(TRACE_ID, "2025-06-15T14:07:41Z");

    HttpResponse<String> set =
        http.send(
            "PATCH",
            "/api/2.0/mlflow/traces/" + TRACE_ID + "/tags",
            "{\"key\": \"topic\", \"value\": \"billing\"}");
    http.send(
        "PATCH",
        "/api/3.0/mlflow/traces/" + TRACE_ID + "/tags",
        "{\"key\": \"env\", \"value\": \"prod\"}");
    HttpResponse<String> deleted =
        http.send("DELETE", "/api/2.0/mlflow/traces/" + TRACE_ID + "/tags", "{\"key\": \"env\"}");

    assertThat(set.body()).isEqualTo("{}");
    assertThat(deleted.body()).isEqualTo("{}");
    JsonNode tags = mlflow.traceInfos().get(TRACE_ID).path("tags");
    assertThat(tags.path("topic").asText()).isEqualTo("billing");
    assertThat(tags.has("env")).isFalse();
    assertError(
        http.send("DELETE", "/api/2.0/mlflow/traces/" + TRACE_ID + "/tags", "{\"key\": \"env\"}"),
        404,
        "RESOURCE_DOES_NOT_EXIST");
    assertError(
        http.send(
            "PATCH", "/api/2.0/mlflow/traces/tr-none/tags", "{\"key\": \"k\", \"value\": \"v\"}"),
        404,
        "RESOURCE_DOES_NOT_EXIST");
  }

  @Test
  void deleteTraces_byRequestIds_onV2AndV3_countsDeleted() throws Exception {
    start("tr-a", "2025-01-01T00:00:00Z");
    start("tr-b", "2025-01-02T00:00:00Z");

    JsonNode v2 =
        MlflowHttp.json(
            http.post(
                "/api/2.0/mlflow/traces/delete-traces",
                "{\"experiment_id\": \"0\", \"request_ids\": [\"tr-a\", \"tr-unknown\"]}"));
    JsonNode v3 =
        MlflowHttp.json(
            http.post(
                "/api/3.0/mlflow/traces/delete-traces",
                "{\"experiment_id\": \"0\", \"max_timestamp_millis\": \"1900000000000\"}"));

    assertThat(v2.path("traces_deleted").asInt()).isEqualTo(1);
    assertThat(v3.path("traces_deleted").asInt()).isEqualTo(1);
    assertThat(mlflow.traceInfos()).isEmpty();
    assertThat(mlflow.requestCount(MlflowRoute.DELETE_TRACES)).isEqualTo(2);
    assertError(
        http.post("/api/2.0/mlflow/traces/delete-traces", "{\"experiment_id\": \"0\"}"),
        400,
        "INVALID_PARAMETER_VALUE");
  }

  @Test
  void assessments_createAssignsIdAndTimes_getAnswersIt_infoEmbedsIt() throws Exception {
    start(TRACE_ID, "2025-06-15T14:07:41Z");
    String create =
        "{\"assessment\": {\"assessment_name\": \"correctness\","
            + " \"source\": {\"source_type\": \"HUMAN\", \"source_id\": \"alice\"},"
            + " \"feedback\": {\"value\": true}, \"rationale\": \"matches\"}}";

    HttpResponse<String> created =
        http.post("/api/3.0/mlflow/traces/" + TRACE_ID + "/assessments", create);
    JsonNode assessment = MlflowHttp.json(created).path("assessment");
    String id = assessment.path("assessment_id").asText();
    JsonNode fetched =
        MlflowHttp.json(http.get("/api/3.0/mlflow/traces/" + TRACE_ID + "/assessments/" + id))
            .path("assessment");

    assertThat(id).matches("a-[0-9a-f]{32}");
    assertThat(assessment.path("trace_id").asText()).isEqualTo(TRACE_ID);
    assertThat(assessment.path("create_time").asText()).endsWith("Z");
    assertThat(assessment.path("last_update_time").asText())
        .isEqualTo(assessment.path("create_time").asText());
    assertThat(assessment.path("valid").asBoolean()).isTrue();
    assertThat(assessment.at("/feedback/value").asBoolean()).isTrue();
    assertThat(fetched).isEqualTo(assessment);
    assertThat(mlflow.assessments(TRACE_ID)).containsExactly(assessment);
    assertThat(mlflow.traceInfos().get(TRACE_ID).at("/assessments/0/assessment_id").asText())
        .isEqualTo(id);
  }

  @Test
  void assessments_errors() throws Exception {
    start(TRACE_ID, "2025-06-15T14:07:41Z");
    String create = "{\"assessment\": {\"assessment_name\": \"x\"}}";

    assertError(
        http.post("/api/3.0/mlflow/traces/tr-none/assessments", create),
        404,
        "RESOURCE_DOES_NOT_EXIST");
    assertError(
        http.post("/api/3.0/mlflow/traces/" + TRACE_ID + "/assessments", "{}"),
        400,
        "INVALID_PARAMETER_VALUE");
    assertError(
        http.get("/api/3.0/mlflow/traces/" + TRACE_ID + "/assessments/a-0"),
        404,
        "RESOURCE_DOES_NOT_EXIST");
  }
}
