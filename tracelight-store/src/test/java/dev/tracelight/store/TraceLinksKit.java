package dev.tracelight.store;

import static dev.tracelight.store.TestSpans.newTraceId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelight.store.StoreException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Links to runs and prompts, the legacy EndTrace, and trace infos by id. */
abstract class TraceLinksKit extends TraceKitSupport {

  String finishedTrace() {
    String traceId = newTraceId();
    writer().acceptSpans(experimentId, rootAndChild(traceId));
    writer().startTrace(clientInfo(traceId));
    return traceId;
  }

  List<String> search(String filter) {
    List<String> ids = new ArrayList<>();
    reader().searchTraces(TraceQuery.builder().addExperimentId(experimentId).setFilter(filter)
        .addOrderBy("request_id").build()).items().forEach(i -> ids.add(i.traceId()));
    return ids;
  }

  @Test
  void linkTracesToRun_setsSourceRun_foundByRunIdFilters() {
    String a = finishedTrace();
    String b = finishedTrace();
    String other = finishedTrace();

    writer().linkTracesToRun(List.of(a, b, a), "run-1");

    assertThat(reader().traceInfo(a).orElseThrow().traceMetadata())
        .containsEntry("mlflow.sourceRun", "run-1").containsEntry("mlflow.user", "alice");
    assertThat(search("trace.run_id = 'run-1'")).containsExactlyElementsOf(
        List.of(a, b).stream().sorted().toList());
    assertThat(search("metadata.mlflow.sourceRun = 'run-1'")).hasSize(2).doesNotContain(other);
    writer().linkTracesToRun(List.of(b), "run-2");
    assertThat(search("run_id = 'run-2'")).containsExactly(b);
    writer().linkTracesToRun(List.of(), "run-3"); // nothing to link
  }

  @Test
  void linkTracesToRun_mistakes_nothingLinked() {
    String known = finishedTrace();
    String unknown = newTraceId();
    assertStoreError(() -> writer().linkTracesToRun(List.of(known, unknown), "run-1"),
        Reason.NOT_FOUND, unknown);
    assertThat(reader().traceInfo(known).orElseThrow().traceMetadata())
        .doesNotContainKey("mlflow.sourceRun");
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add(newTraceId());
    }
    assertStoreError(() -> writer().linkTracesToRun(many, "run-1"), Reason.INVALID_ARGUMENT,
        "Cannot link more than 100 traces to a run in a single request. Provided 101 traces.");
    assertStoreError(() -> writer().linkTracesToRun(List.of(known), " "),
        Reason.INVALID_ARGUMENT, "run id");
  }

  @Test
  void linkPrompts_mergesIntoTagWithoutRepeats() {
    String traceId = finishedTrace();

    writer().linkPromptsToTrace(traceId, List.of(PromptVersionRef.create("qa", "1")));
    writer().linkPromptsToTrace(traceId, List.of(
        PromptVersionRef.create("qa", "1"), PromptVersionRef.create("qa", "2"),
        PromptVersionRef.create("summarize", "7")));

    assertThat(reader().traceInfo(traceId).orElseThrow().tags().get("mlflow.linkedPrompts"))
        .isEqualTo("[{\"name\":\"qa\",\"version\":\"1\"},{\"name\":\"qa\",\"version\":\"2\"},"
            + "{\"name\":\"summarize\",\"version\":\"7\"}]");
    String unknown = newTraceId();
    assertStoreError(() -> writer().linkPromptsToTrace(unknown, List.of()),
        Reason.NOT_FOUND, unknown);
    writer().setTraceTag(traceId, "mlflow.linkedPrompts", "oops");
    assertStoreError(() -> writer().linkPromptsToTrace(traceId, List.of()),
        Reason.INVALID_ARGUMENT, "is not a list");
  }

  @Test
  void endTrace_setsDurationAndState_mergesMetadataAndTags() {
    String traceId = newTraceId();
    writer().startTrace(TraceInfo.builder().setTraceId(traceId).setExperimentId(experimentId)
        .setRequestTime(1_000).setState(TraceState.IN_PROGRESS)
        .putTraceMetadata("mlflow.user", "bob").putTag("topic", "a").build());

    TraceInfo ended = writer().endTrace(traceId, 1_250, TraceState.ERROR,
        Map.of("mlflow.traceOutputs", "{}"), Map.of("topic", "b", "env", "prod"));

    assertThat(ended.executionDuration()).isEqualTo(250);
    assertThat(ended.state()).isEqualTo(TraceState.ERROR);
    assertThat(ended.requestTime()).isEqualTo(1_000);
    assertThat(ended.traceMetadata()).containsEntry("mlflow.user", "bob")
        .containsEntry("mlflow.traceOutputs", "{}");
    assertThat(ended.tags()).containsEntry("topic", "b").containsEntry("env", "prod");
    assertThat(reader().traceInfo(traceId).orElseThrow()).usingRecursiveComparison()
        .isEqualTo(ended);
    assertStoreError(() -> writer().endTrace(traceId, 999, TraceState.OK, Map.of(), Map.of()),
        Reason.INVALID_ARGUMENT, "before the start");
    String unknown = newTraceId();
    assertStoreError(() -> writer().endTrace(unknown, 1, TraceState.OK, Map.of(), Map.of()),
        Reason.NOT_FOUND, unknown);
  }

  @Test
  void traceInfos_inOrderAsked_missingSkipped() {
    String a = finishedTrace();
    String b = finishedTrace();

    List<TraceInfo> infos = reader().traceInfos(List.of(b, newTraceId(), a, b));

    assertThat(infos).extracting(TraceInfo::traceId).containsExactly(b, a);
    assertThat(infos.get(1)).usingRecursiveComparison()
        .isEqualTo(reader().traceInfo(a).orElseThrow());
    assertThat(reader().traceInfos(List.of())).isEmpty();
  }
}
