package dev.tracelight.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The experiment routes, their answers and their exact error codes; plus version and 404s. */
class FakeMlflowExperimentsTest {

  private final FakeMlflowServer mlflow = FakeMlflowServer.start();
  private final MlflowHttp http = new MlflowHttp(mlflow);

  @AfterEach
  void close() {
    mlflow.close();
  }

  @Test
  void version_isPlainText() throws Exception {
    HttpResponse<String> response = http.get("/version");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(FakeMlflowServer.DEFAULT_VERSION);
    assertThat(response.headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
  }

  @Test
  void defaultExperiment_existsWithProxiedArtifactLocation() throws Exception {
    JsonNode experiment =
        MlflowHttp.json(http.get("/api/2.0/mlflow/experiments/get?experiment_id=0"))
            .path("experiment");

    assertThat(experiment.path("experiment_id").asText()).isEqualTo("0");
    assertThat(experiment.path("name").asText()).isEqualTo("Default");
    assertThat(experiment.path("artifact_location").asText()).isEqualTo("mlflow-artifacts:/0");
    assertThat(experiment.path("lifecycle_stage").asText()).isEqualTo("active");
    assertThat(experiment.path("creation_time").isIntegralNumber()).isTrue();
  }

  @Test
  void create_thenGetAndGetByName_answerTheExperiment() throws Exception {
    HttpResponse<String> created =
        http.post(
            "/api/2.0/mlflow/experiments/create",
            "{\"name\": \"my-agent\", \"tags\": [{\"key\": \"team\", \"value\": \"search\"}]}");
    String id = MlflowHttp.json(created).path("experiment_id").asText();

    JsonNode byId =
        MlflowHttp.json(http.get("/api/2.0/mlflow/experiments/get?experiment_id=" + id));
    JsonNode byName =
        MlflowHttp.json(
            http.get("/api/2.0/mlflow/experiments/get-by-name?experiment_name=my-agent"));

    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(id).isEqualTo("1");
    assertThat(byId).isEqualTo(byName);
    assertThat(byId.at("/experiment/artifact_location").asText()).isEqualTo("mlflow-artifacts:/1");
    assertThat(byId.at("/experiment/tags/0/key").asText()).isEqualTo("team");
    assertThat(mlflow.requestCount(MlflowRoute.CREATE_EXPERIMENT)).isEqualTo(1);
  }

  @Test
  void create_acceptsTagsAsAMap_asTheTypeScriptSdkSends() throws Exception {
    http.post("/api/2.0/mlflow/experiments/create", "{\"name\": \"ts\", \"tags\": {\"k\": \"v\"}}");

    JsonNode experiment =
        MlflowHttp.json(http.get("/api/2.0/mlflow/experiments/get-by-name?experiment_name=ts"));

    assertThat(experiment.at("/experiment/tags/0/value").asText()).isEqualTo("v");
  }

  @Test
  void create_existingName_isResourceAlreadyExists400() throws Exception {
    http.post("/api/2.0/mlflow/experiments/create", "{\"name\": \"twice\"}");

    HttpResponse<String> again =
        http.post("/api/2.0/mlflow/experiments/create", "{\"name\": \"twice\"}");

    assertError(again, 400, "RESOURCE_ALREADY_EXISTS");
  }

  @Test
  void create_withoutName_isInvalidParameterValue() throws Exception {
    assertError(
        http.post("/api/2.0/mlflow/experiments/create", "{}"), 400, "INVALID_PARAMETER_VALUE");
  }

  @Test
  void getByName_missing_isExactlyResourceDoesNotExist404() throws Exception {
    HttpResponse<String> response =
        http.get("/api/2.0/mlflow/experiments/get-by-name?experiment_name=nope");

    assertError(response, 404, "RESOURCE_DOES_NOT_EXIST");
    assertThat(MlflowHttp.json(response).path("message").asText()).contains("nope");
  }

  @Test
  void get_missingIdOrExperiment_areTheStockErrors() throws Exception {
    assertError(http.get("/api/2.0/mlflow/experiments/get"), 400, "INVALID_PARAMETER_VALUE");
    assertError(
        http.get("/api/2.0/mlflow/experiments/get?experiment_id=42"),
        404,
        "RESOURCE_DOES_NOT_EXIST");
  }

  @Test
  void search_pagesNewestFirst_byPostAndGet() throws Exception {
    http.post("/api/2.0/mlflow/experiments/create", "{\"name\": \"a\"}");
    http.post("/api/2.0/mlflow/experiments/create", "{\"name\": \"b\"}");

    JsonNode first =
        MlflowHttp.json(http.post("/api/2.0/mlflow/experiments/search", "{\"max_results\": 2}"));
    String token = first.path("next_page_token").asText();
    JsonNode second =
        MlflowHttp.json(
            http.get("/api/2.0/mlflow/experiments/search?max_results=2&page_token=" + token));

    assertThat(first.path("experiments"))
        .extracting(e -> e.path("name").asText())
        .containsExactly("b", "a");
    assertThat(second.path("experiments"))
        .extracting(e -> e.path("name").asText())
        .containsExactly("Default");
    assertThat(second.has("next_page_token")).isFalse();
  }

  @Test
  void ajaxApiPrefix_servesTheSameRoutes() throws Exception {
    assertThat(http.get("/ajax-api/2.0/mlflow/experiments/get?experiment_id=0").statusCode())
        .isEqualTo(200);
  }

  @Test
  void unknownRoute_isEndpointNotFound404() throws Exception {
    assertError(http.get("/api/2.0/mlflow/runs/get?run_id=1"), 404, "ENDPOINT_NOT_FOUND");
    assertError(http.post("/api/2.0/mlflow/traces", "{}"), 404, "ENDPOINT_NOT_FOUND");
    assertThat(mlflow.requestCount(MlflowRoute.UNKNOWN)).isEqualTo(2);
  }

  static void assertError(HttpResponse<String> response, int status, String errorCode)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    JsonNode body = MlflowHttp.json(response);
    assertThat(body.path("error_code").asText()).isEqualTo(errorCode);
    assertThat(body.path("message").asText()).isNotEmpty();
  }
}
