package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * MLflow's experiment RPCs over HTTP as clients call them: update, delete, restore, tags, and
 * search with filter, order_by, view_type and page tokens, by GET and by POST.
 */
abstract class ExperimentsFlowKit extends FlowKitSupport {
  static final String EXPERIMENTS = "/api/2.0/mlflow/experiments/";

  JsonNode post(String rpc, String body) {
    return ok(http.postJson(EXPERIMENTS + rpc, body));
  }

  JsonNode experiment(String id) {
    return ok(http.get(EXPERIMENTS + "get?experiment_id=" + id)).get("experiment");
  }

  String create(String name, String tagsJson) {
    return post("create", "{\"name\": \"" + name + "\", \"tags\": " + tagsJson + "}")
        .get("experiment_id").asText();
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void updateDeleteRestore_answerEmptyObjects_getByNameSeesDeleted() {
    String name = "renamed-" + UUID.randomUUID();
    String body = "{\"experiment_id\": \"" + experimentId + "\"";

    assertThat(post("update", body + ", \"new_name\": \"" + name + "\"}").toString())
        .isEqualTo("{}");
    assertThat(experiment(experimentId).get("name").asText()).isEqualTo(name);
    assertThat(post("delete", body + "}").toString()).isEqualTo("{}");

    JsonNode byName = ok(http.get("/ajax-api/2.0/mlflow/experiments/get-by-name?experiment_name="
        + q(name))).get("experiment");
    assertThat(byName.get("experiment_id").asText()).isEqualTo(experimentId);
    assertThat(byName.get("lifecycle_stage").asText()).isEqualTo("deleted");
    assertThat(experiment(experimentId).get("lifecycle_stage").asText()).isEqualTo("deleted");
    assertError(http.postJson(EXPERIMENTS + "create", "{\"name\": \"" + name + "\"}"), 400,
        "RESOURCE_ALREADY_EXISTS", name);
    assertError(http.postJson(EXPERIMENTS + "delete", body + "}"), 404,
        "RESOURCE_DOES_NOT_EXIST", experimentId);
    assertError(http.postJson(EXPERIMENTS + "update", body + ", \"new_name\": \"x-"
        + UUID.randomUUID() + "\"}"), 400, "INVALID_PARAMETER_VALUE", "non-active");

    assertThat(post("restore", body + "}").toString()).isEqualTo("{}");
    assertThat(experiment(experimentId).get("lifecycle_stage").asText()).isEqualTo("active");
    assertError(http.postJson(EXPERIMENTS + "restore", body + "}"), 404,
        "RESOURCE_DOES_NOT_EXIST", experimentId);
  }

  @Test
  void experimentTags_setReplaceDelete() {
    String body = "{\"experiment_id\": \"" + experimentId + "\", \"key\": \"mlflow.note.content\"";
    assertThat(post("set-experiment-tag", body + ", \"value\": \"v1\"}").toString())
        .isEqualTo("{}");
    post("set-experiment-tag", body + ", \"value\": \"v2\"}");
    assertThat(experiment(experimentId).get("tags").toString())
        .isEqualTo("[{\"key\":\"mlflow.note.content\",\"value\":\"v2\"}]");

    assertThat(post("delete-experiment-tag", body + "}").toString()).isEqualTo("{}");
    assertThat(experiment(experimentId).get("tags")).isEmpty();
    assertError(http.postJson(EXPERIMENTS + "delete-experiment-tag", body + "}"), 404,
        "RESOURCE_DOES_NOT_EXIST", "No tag with name: mlflow.note.content");
  }

  @Test
  void edits_mistakes_4xxNamingTheProblem() {
    assertError(http.postJson(EXPERIMENTS + "delete", "{}"), 400, "INVALID_PARAMETER_VALUE",
        "'experiment_id'");
    assertError(http.postJson(EXPERIMENTS + "restore", "{\"experiment_id\": \"987654321\"}"),
        404, "RESOURCE_DOES_NOT_EXIST", "987654321");
    assertError(http.postJson(EXPERIMENTS + "update", "{\"experiment_id\": \"987654321\"}"),
        404, "RESOURCE_DOES_NOT_EXIST", "987654321");
    assertError(http.postJson(EXPERIMENTS + "delete", "{\"experiment_id\": \"0\"}"), 400,
        "INVALID_PARAMETER_VALUE", "default experiment");
    String body = "{\"experiment_id\": \"" + experimentId + "\"";
    assertError(http.postJson(EXPERIMENTS + "set-experiment-tag", body + ", \"key\": \"k\"}"),
        400, "INVALID_PARAMETER_VALUE", "'value'");
    assertError(http.postJson(EXPERIMENTS + "set-experiment-tag", body + ", \"value\": \"v\"}"),
        400, "INVALID_PARAMETER_VALUE", "'key'");
    assertError(http.postJson(EXPERIMENTS + "set-experiment-tag", body
        + ", \"key\": \"k\", \"value\": \"" + "v".repeat(5001) + "\"}"), 400,
        "INVALID_PARAMETER_VALUE", "at most 5000");
    String taken = "taken-" + UUID.randomUUID();
    create(taken, "[]");
    assertError(http.postJson(EXPERIMENTS + "update", body + ", \"new_name\": \"" + taken
        + "\"}"), 400, "RESOURCE_ALREADY_EXISTS", taken);
    post("delete", body + "}");
    assertError(http.postJson(EXPERIMENTS + "set-experiment-tag", body
        + ", \"key\": \"k\", \"value\": \"v\"}"), 400, "INVALID_PARAMETER_VALUE",
        "must be in the 'active' state");
  }

  @Test
  void search_filterOrderViewTypeAndPages_byGetAndPost() {
    String prefix = "s-" + UUID.randomUUID();
    List<String> ids = new ArrayList<>();
    for (String suffix : List.of("b", "a", "c")) {
      ids.add(create(prefix + "-" + suffix, "[{\"key\": \"kind\", \"value\": \"" + suffix
          + "\"}]"));
    }
    post("delete", "{\"experiment_id\": \"" + ids.get(2) + "\"}");
    String filter = "name LIKE '" + prefix + "-%'";

    JsonNode first = ok(http.get(EXPERIMENTS + "search?max_results=1&order_by=name%20DESC"
        + "&order_by=experiment_id&filter=" + q(filter)));
    assertThat(names(first)).containsExactly(prefix + "-b");
    JsonNode second = ok(http.get(EXPERIMENTS + "search?max_results=1&order_by=name%20DESC"
        + "&order_by=experiment_id&filter=" + q(filter) + "&page_token="
        + q(first.get("next_page_token").asText())));
    assertThat(names(second)).containsExactly(prefix + "-a");
    assertThat(second.has("next_page_token")).isFalse();

    JsonNode deleted = post("search", "{\"filter\": \"" + filter + "\", \"view_type\":"
        + " \"DELETED_ONLY\"}");
    assertThat(names(deleted)).containsExactly(prefix + "-c");
    assertThat(deleted.at("/experiments/0/lifecycle_stage").asText()).isEqualTo("deleted");
    assertThat(names(ok(http.get("/ajax-api/2.0/mlflow/experiments/search?view_type=ALL"
        + "&order_by=name&filter=" + q(filter))))).containsExactly(
            prefix + "-a", prefix + "-b", prefix + "-c");
    assertThat(names(post("search", "{\"filter\": \"" + filter + " AND tags.kind = 'a'\","
        + " \"view_type\": 3, \"max_results\": \"5\"}"))).containsExactly(prefix + "-a");
    assertThat(ok(http.get(EXPERIMENTS + "search?filter=" + q("name = 'none-" + prefix + "'")))
        .toString()).isEqualTo("{\"experiments\":[]}");
  }

  @Test
  void search_mistakes_400NamingTheProblem() {
    assertError(http.get(EXPERIMENTS + "search?view_type=SOME"), 400, "INVALID_PARAMETER_VALUE",
        "'view_type'");
    assertError(http.get(EXPERIMENTS + "search?filter=" + q("name > 'a'")), 400,
        "INVALID_PARAMETER_VALUE", "operator > does not apply to name");
    assertError(http.postJson(EXPERIMENTS + "search", "{\"order_by\": [\"owner\"]}"), 400,
        "INVALID_PARAMETER_VALUE", "Invalid order_by 'owner'");
    assertError(http.postJson(EXPERIMENTS + "search", "{\"page_token\": \"xyz\"}"), 400,
        "INVALID_PARAMETER_VALUE", "Invalid page token");
    assertError(http.postJson(EXPERIMENTS + "search", "{\"max_results\": 0}"), 400,
        "INVALID_PARAMETER_VALUE", "'max_results'");
  }

  @Test
  void deletedExperiment_keepsItsTraces_deleteTracesTakesSpansToo() {
    String traceId = exportedTrace();
    startTrace(traceId);

    post("delete", "{\"experiment_id\": \"" + experimentId + "\"}");

    JsonNode trace = ok(http.get("/api/3.0/mlflow/traces/get?trace_id=" + traceId));
    assertThat(trace.at("/trace/spans")).hasSize(2);
    assertThat(ok(http.postJson("/api/2.0/mlflow/traces/delete-traces", "{\"experiment_id\": \""
        + experimentId + "\", \"request_ids\": [\"" + traceId + "\"]}")).toString())
        .isEqualTo("{\"traces_deleted\":1}");
    assertError(http.get("/api/3.0/mlflow/traces/get?trace_id=" + traceId), 404,
        "RESOURCE_DOES_NOT_EXIST", traceId);
    assertError(http.get("/api/2.0/mlflow-artifacts/artifacts/" + experimentId + "/traces/"
        + traceId + "/artifacts/traces.json"), 404, "RESOURCE_DOES_NOT_EXIST", traceId);
    assertThat(ok(http.get("/api/3.0/mlflow/traces/batchGet?trace_ids=" + traceId))
        .get("traces")).isEmpty();
  }

  static List<String> names(JsonNode response) {
    List<String> names = new ArrayList<>();
    response.get("experiments").forEach(e -> names.add(e.get("name").asText()));
    return names;
  }
}
