package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlflowExperimentsApiIT {
  @TempDir static Path dir;
  static TracelightServer server;
  static TestHttp http;

  @BeforeAll
  static void start() {
    server = TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri("sqlite:///" + dir.resolve("experiments.db")).build());
    http = new TestHttp(server.url());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  @Test
  void create_withTagList_thenGetAndGetByName() {
    String name = unique("agent");
    TestHttp.Response created = http.postJson("/api/2.0/mlflow/experiments/create",
        "{\"name\": \"" + name + "\", \"tags\": [{\"key\": \"team\", \"value\": \"search\"}]}");
    assertThat(created.status).as(created.toString()).isEqualTo(200);
    assertThat(created.contentType()).startsWith("application/json");
    String id = created.json().get("experiment_id").asText();

    JsonNode byId = http.get("/api/2.0/mlflow/experiments/get?experiment_id=" + id).json();
    JsonNode experiment = byId.get("experiment");
    assertThat(experiment.get("experiment_id").asText()).isEqualTo(id);
    assertThat(experiment.get("name").asText()).isEqualTo(name);
    assertThat(experiment.get("artifact_location").asText()).isEqualTo("mlflow-artifacts:/" + id);
    assertThat(experiment.get("lifecycle_stage").asText()).isEqualTo("active");
    assertThat(experiment.get("creation_time").isIntegralNumber()).isTrue();
    assertThat(experiment.get("tags").toString())
        .isEqualTo("[{\"key\":\"team\",\"value\":\"search\"}]");

    JsonNode byName = http.get("/ajax-api/2.0/mlflow/experiments/get-by-name?experiment_name="
        + URLEncoder.encode(name, StandardCharsets.UTF_8)).json();
    assertThat(byName).isEqualTo(byId);
  }

  @Test
  void create_withTagObject_asTypeScriptClientSends() {
    TestHttp.Response created = http.postJson("/api/3.0/mlflow/experiments/create",
        "{\"name\": \"" + unique("ts") + "\", \"tags\": {\"env\": \"test\"}}");
    String id = created.json().get("experiment_id").asText();
    assertThat(http.get("/api/2.0/mlflow/experiments/get?experiment_id=" + id).json()
        .at("/experiment/tags/0/value").asText()).isEqualTo("test");
  }

  @Test
  void create_existingName_resourceAlreadyExists() {
    String body = "{\"name\": \"" + unique("dup") + "\"}";
    assertThat(http.postJson("/api/2.0/mlflow/experiments/create", body).status).isEqualTo(200);
    TestHttp.Response again = http.postJson("/api/2.0/mlflow/experiments/create", body);
    assertThat(again.status).isEqualTo(400);
    assertThat(again.json().get("error_code").asText()).isEqualTo("RESOURCE_ALREADY_EXISTS");
  }

  @Test
  void missingExperiment_resourceDoesNotExist() {
    TestHttp.Response byId = http.get("/api/2.0/mlflow/experiments/get?experiment_id=99999");
    assertThat(byId.status).isEqualTo(404);
    assertThat(byId.json().get("error_code").asText()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
    TestHttp.Response byName =
        http.get("/api/2.0/mlflow/experiments/get-by-name?experiment_name=nope-" + UUID.randomUUID());
    assertThat(byName.status).isEqualTo(404);
    assertThat(byName.json().get("error_code").asText()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
  }

  @Test
  void defaultExperiment_isThere() {
    JsonNode e = http.get("/api/2.0/mlflow/experiments/get?experiment_id=0").json();
    assertThat(e.at("/experiment/name").asText()).isEqualTo("Default");
  }

  @Test
  void search_getAndPost_pageNewestFirst() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(http.postJson("/api/2.0/mlflow/experiments/create",
          "{\"name\": \"" + unique("search") + "\"}").json().get("experiment_id").asText());
    }
    JsonNode first = http.get("/api/2.0/mlflow/experiments/search?max_results=2").json();
    assertThat(first.get("experiments")).hasSize(2);
    assertThat(first.at("/experiments/0/experiment_id").asText()).isEqualTo(ids.get(2));
    assertThat(first.at("/experiments/1/experiment_id").asText()).isEqualTo(ids.get(1));
    String token = first.get("next_page_token").asText();

    JsonNode second = http.postJson("/api/2.0/mlflow/experiments/search",
        "{\"max_results\": \"2\", \"page_token\": \"" + token + "\"}").json();
    assertThat(second.at("/experiments/0/experiment_id").asText()).isEqualTo(ids.get(0));
  }
}
