package dev.tracelight.store;

import static dev.tracelight.store.ExperimentStoreKit.uniqueName;
import static dev.tracelight.store.TraceKitSupport.assertStoreError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelight.store.StoreException.Reason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Renaming, deleting, restoring and tagging experiments, as MLflow's SQL store does. */
abstract class ExperimentLifecycleKit {

  abstract Storage storage();

  ExperimentStore experiments() {
    return storage().experiments();
  }

  Experiment get(String id) {
    return experiments().experiment(id).orElseThrow();
  }

  @Test
  void rename_changesNameAndUpdateTime_freesOldName() throws Exception {
    String oldName = uniqueName("old");
    String id = experiments().createExperiment(oldName, null, Map.of());
    long created = get(id).lastUpdateTime();
    Thread.sleep(2);
    String newName = uniqueName("new");

    experiments().renameExperiment(id, newName);

    assertThat(get(id).name()).isEqualTo(newName);
    assertThat(get(id).lastUpdateTime()).isGreaterThan(created);
    assertThat(get(id).creationTime()).isEqualTo(created);
    assertThat(experiments().experimentByName(newName)).get()
        .extracting(Experiment::experimentId).isEqualTo(id);
    assertThat(experiments().experimentByName(oldName)).isEmpty();
    assertThat(experiments().createExperiment(oldName, null, Map.of())).isNotEqualTo(id);
    experiments().renameExperiment(id, newName); // to its own name: nothing to do
  }

  @Test
  void rename_mistakes() {
    String taken = uniqueName("taken");
    experiments().createExperiment(taken, null, Map.of());
    String id = experiments().createExperiment(uniqueName("mine"), null, Map.of());

    assertStoreError(() -> experiments().renameExperiment(id, taken),
        Reason.ALREADY_EXISTS, taken);
    assertStoreError(() -> experiments().renameExperiment(id, " "),
        Reason.INVALID_ARGUMENT, "must not be empty");
    assertStoreError(() -> experiments().renameExperiment("987654321", uniqueName("x")),
        Reason.NOT_FOUND, "987654321");
    experiments().deleteExperiment(id);
    assertStoreError(() -> experiments().renameExperiment(id, uniqueName("x")),
        Reason.INVALID_ARGUMENT, "Cannot rename a non-active experiment");
  }

  @Test
  void delete_marksDeleted_keepsNameTagsAndTraces_restoreBringsItBack() {
    String name = uniqueName("doomed");
    String id = experiments().createExperiment(name, null, Map.of("team", "a"));
    String traceId = TestSpans.newTraceId();
    storage().traceWriter().acceptSpans(id, List.of(TestSpans.span(
        traceId, TestSpans.newSpanId(), null, "root", 1_000_000L, 2_000_000L).build()));

    experiments().deleteExperiment(id);

    Experiment deleted = experiments().experimentByName(name).orElseThrow();
    assertThat(deleted.experimentId()).isEqualTo(id);
    assertThat(deleted.lifecycleStage()).isEqualTo(Experiment.DELETED);
    assertThat(deleted.tags()).containsEntry("team", "a");
    assertThat(get(id).lifecycleStage()).isEqualTo("deleted");
    assertThat(storage().traceReader().trace(traceId).orElseThrow().spans()).hasSize(1);
    assertStoreError(() -> experiments().createExperiment(name, null, Map.of()),
        Reason.ALREADY_EXISTS, "It is deleted (id " + id + ")");
    assertStoreError(() -> experiments().deleteExperiment(id), Reason.NOT_FOUND, id);

    experiments().restoreExperiment(id);

    assertThat(get(id).lifecycleStage()).isEqualTo(Experiment.ACTIVE);
    assertStoreError(() -> experiments().restoreExperiment(id), Reason.NOT_FOUND, id);
  }

  @Test
  void deleteOrRestore_missingOrDefault() {
    assertStoreError(() -> experiments().deleteExperiment("987654321"),
        Reason.NOT_FOUND, "987654321");
    assertStoreError(() -> experiments().deleteExperiment("nope"), Reason.NOT_FOUND, "nope");
    assertStoreError(() -> experiments().restoreExperiment("987654321"),
        Reason.NOT_FOUND, "987654321");
    assertStoreError(() -> experiments().deleteExperiment("0"),
        Reason.INVALID_ARGUMENT, "Cannot delete the default experiment '0'");
    assertThat(get("0").lifecycleStage()).isEqualTo(Experiment.ACTIVE);
  }

  @Test
  void tags_setReplaceDelete() {
    String id = experiments().createExperiment(uniqueName("tags"), null, Map.of("a", "1"));

    experiments().setExperimentTag(id, "a", "2");
    experiments().setExperimentTag(id, "mlflow.note.content", "x".repeat(5000));
    experiments().setExperimentTag(id, "empty", "");
    assertThat(get(id).tags()).containsEntry("a", "2").containsEntry("empty", "")
        .containsEntry("mlflow.note.content", "x".repeat(5000));

    experiments().deleteExperimentTag(id, "a");
    assertThat(get(id).tags()).doesNotContainKey("a").containsKey("empty");
    assertStoreError(() -> experiments().deleteExperimentTag(id, "a"),
        Reason.NOT_FOUND, "No tag with name: a in experiment with id " + id);
  }

  @Test
  void tags_mistakes() {
    String id = experiments().createExperiment(uniqueName("tags"), null, Map.of("k", "v"));
    assertStoreError(() -> experiments().setExperimentTag(id, "", "v"),
        Reason.INVALID_ARGUMENT, "must not be empty");
    assertStoreError(() -> experiments().setExperimentTag(id, "k".repeat(251), "v"),
        Reason.INVALID_ARGUMENT, "at most 250");
    assertStoreError(() -> experiments().setExperimentTag(id, "k", "v".repeat(5001)),
        Reason.INVALID_ARGUMENT, "at most 5000");
    assertStoreError(() -> experiments().setExperimentTag("987654321", "k", "v"),
        Reason.NOT_FOUND, "987654321");
    experiments().deleteExperiment(id);
    assertStoreError(() -> experiments().setExperimentTag(id, "k", "w"),
        Reason.INVALID_ARGUMENT, "must be in the 'active' state. Current state is deleted.");
    assertStoreError(() -> experiments().deleteExperimentTag(id, "k"),
        Reason.INVALID_ARGUMENT, "'active' state");
    assertThat(get(id).tags()).containsEntry("k", "v");
  }
}
