package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BatchGetTraceInfos, LinkTracesToRun and LinkPromptsToTrace over HTTP. */
abstract class TraceLinksFlowKit extends FlowKitSupport {

  String finishedTrace() {
    String traceId = exportedTrace();
    startTrace(traceId);
    return traceId;
  }

  @Test
  void batchGetInfos_traceInfosInOrderAsked_scopedByExperiments() {
    String a = finishedTrace();
    String b = finishedTrace();
    String unknown = new OtlpTestRequests().mlflowTraceId();

    JsonNode infos = ok(http.postJson("/api/3.0/mlflow/traces/batchGetInfos",
        "{\"trace_ids\": [\"" + b + "\", \"" + unknown + "\", \"" + a + "\"]}"));

    assertThat(infos.size()).isEqualTo(1);
    assertThat(infos.get("trace_infos")).hasSize(2);
    assertThat(infos.at("/trace_infos/0")).isEqualTo(traceInfo(b));
    assertThat(infos.at("/trace_infos/1/trace_id").asText()).isEqualTo(a);
    assertThat(infos.at("/trace_infos/1").has("spans")).isFalse();
    assertThat(ok(http.postJson("/ajax-api/3.0/mlflow/traces/batchGetInfos", "{\"trace_ids\": [\""
        + a + "\"], \"experiment_ids\": [\"0\"]}")).get("trace_infos")).isEmpty();
    assertThat(ok(http.postJson("/api/2.0/mlflow/traces/batchGetInfos", "{\"trace_ids\": [\""
        + a + "\"], \"experiment_ids\": [\"" + experimentId + "\"]}")).get("trace_infos"))
        .hasSize(1);
    assertThat(ok(http.get("/api/3.0/mlflow/traces/batchGet?trace_ids=" + a
        + "&experiment_ids=0")).get("traces")).isEmpty();
    assertError(http.postJson("/api/3.0/mlflow/traces/batchGetInfos", "{}"), 400,
        "INVALID_PARAMETER_VALUE", "'trace_ids'");
  }

  @Test
  void linkToRun_recordsSourceRun_foundByRunIdFilter() {
    String a = finishedTrace();
    String b = finishedTrace();
    finishedTrace();

    JsonNode linked = ok(http.postJson("/api/2.0/mlflow/traces/link-to-run",
        "{\"trace_ids\": [\"" + a + "\", \"" + b + "\"], \"run_id\": \"run-42\"}"));

    assertThat(linked.toString()).isEqualTo("{}");
    assertThat(traceInfo(a).at("/trace_metadata/mlflow.sourceRun").asText()).isEqualTo("run-42");
    for (String filter : List.of("trace.run_id = 'run-42'", "metadata.mlflow.sourceRun = 'run-42'")) {
      JsonNode found = ok(http.postJson("/api/3.0/mlflow/traces/search", "{\"locations\": [{"
          + "\"mlflow_experiment\": {\"experiment_id\": \"" + experimentId + "\"}}],"
          + " \"filter\": \"" + filter + "\", \"order_by\": [\"request_id ASC\"]}"));
      assertThat(found.get("traces")).extracting(t -> t.get("trace_id").asText())
          .containsExactlyElementsOf(List.of(a, b).stream().sorted().toList());
    }
  }

  @Test
  void linkToRun_mistakes() {
    String a = finishedTrace();
    String unknown = new OtlpTestRequests().mlflowTraceId();
    String path = "/api/2.0/mlflow/traces/link-to-run";
    assertError(http.postJson(path, "{\"trace_ids\": [\"" + a + "\", \"" + unknown + "\"],"
        + " \"run_id\": \"r\"}"), 404, "RESOURCE_DOES_NOT_EXIST", unknown);
    assertThat(traceInfo(a).get("trace_metadata").has("mlflow.sourceRun")).isFalse();
    assertError(http.postJson(path, "{\"trace_ids\": [\"" + a + "\"]}"), 400,
        "INVALID_PARAMETER_VALUE", "'run_id'");
    assertError(http.postJson(path, "{\"run_id\": \"r\"}"), 400, "INVALID_PARAMETER_VALUE",
        "'trace_ids'");
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add("\"" + new OtlpTestRequests().mlflowTraceId() + "\"");
    }
    assertError(http.postJson(path, "{\"trace_ids\": " + many + ", \"run_id\": \"r\"}"), 400,
        "INVALID_PARAMETER_VALUE", "Cannot link more than 100 traces");
  }

  @Test
  void linkPrompts_mergedIntoLinkedPromptsTag() {
    String traceId = finishedTrace();
    String path = "/api/2.0/mlflow/traces/link-prompts";

    assertThat(ok(http.postJson(path, "{\"trace_id\": \"" + traceId + "\", \"prompt_versions\":"
        + " [{\"name\": \"qa\", \"version\": \"1\"}]}")).toString()).isEqualTo("{}");
    ok(http.postJson("/api/3.0/mlflow/traces/link-prompts", "{\"trace_id\": \"" + traceId
        + "\", \"prompt_versions\": [{\"name\": \"qa\", \"version\": 2},"
        + " {\"name\": \"qa\", \"version\": \"1\"}]}"));

    assertThat(traceInfo(traceId).at("/tags/mlflow.linkedPrompts").asText()).isEqualTo(
        "[{\"name\":\"qa\",\"version\":\"1\"},{\"name\":\"qa\",\"version\":\"2\"}]");
    String unknown = new OtlpTestRequests().mlflowTraceId();
    assertError(http.postJson(path, "{\"trace_id\": \"" + unknown + "\", \"prompt_versions\":"
        + " []}"), 404, "RESOURCE_DOES_NOT_EXIST", unknown);
    assertError(http.postJson(path, "{\"trace_id\": \"" + traceId + "\", \"prompt_versions\":"
        + " [{\"name\": \"qa\"}]}"), 400, "INVALID_PARAMETER_VALUE",
        "'prompt_versions[0].version'");
    assertError(http.postJson(path, "{\"prompt_versions\": []}"), 400,
        "INVALID_PARAMETER_VALUE", "'trace_id'");
  }
}
