package dev.tracelight.store;

import static dev.tracelight.store.TestSpans.newSpanId;
import static dev.tracelight.store.TestSpans.newTraceId;
import static dev.tracelight.store.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Deleting traces by id and by age: everything on a trace goes, other experiments stay. */
abstract class TraceDeletionKit extends TraceKitSupport {

  /** A finished trace with spans, client metadata, a set tag and an assessment. */
  String fullTrace() {
    String traceId = newTraceId();
    writer().acceptSpans(experimentId, rootAndChild(traceId));
    writer().startTrace(clientInfo(traceId));
    writer().setTraceTag(traceId, "topic", "billing");
    storage().assessments().createAssessment(Assessment.builder().setTraceId(traceId)
        .setName("correctness").setValue(AssessmentValue.feedback("true"))
        .setSource(AssessmentSource.create(AssessmentSource.Type.HUMAN, "alice")).build());
    return traceId;
  }

  @Test
  void deleteByIds_removesTracesWithSpansTagsMetadataAndAssessments() {
    String doomed = fullTrace();
    String kept = fullTrace();

    assertThat(writer().deleteTraces(experimentId, List.of(doomed, newTraceId()))).isEqualTo(1);

    assertThat(reader().traceInfo(doomed)).isEmpty();
    assertThat(reader().trace(kept).orElseThrow().spans()).hasSize(2);
    assertThat(reader().traceInfo(kept).orElseThrow().assessments()).hasSize(1);
    // A span arriving later starts the trace afresh: nothing of the deleted one comes back.
    writer().acceptSpans(experimentId, List.of(
        span(doomed, newSpanId(), null, "again", T0, T0 + MS).build()));
    Trace again = reader().trace(doomed).orElseThrow();
    assertThat(again.spans()).extracting(SpanRecord::name).containsExactly("again");
    assertThat(again.info().tags()).doesNotContainKey("topic")
        .doesNotContainKey("mlflow.artifactLocation");
    assertThat(again.info().traceMetadata()).doesNotContainKey("mlflow.user");
    assertThat(again.info().assessments()).isEmpty();
    assertThat(again.info().clientRequestId()).isEmpty();
  }

  @Test
  void deleteByIds_onlyTracesOfThatExperiment() {
    String mine = fullTrace();
    String other = storage().experiments()
        .createExperiment(ExperimentStoreKit.uniqueName("other"), null, Map.of());
    String theirs = newTraceId();
    writer().acceptSpans(other, rootAndChild(theirs));

    assertThat(writer().deleteTraces(experimentId, List.of(theirs))).isZero();
    assertThat(writer().deleteTraces(other, List.of(mine))).isZero();
    assertThat(writer().deleteTraces(experimentId, List.of())).isZero();

    assertThat(reader().traces(List.of(mine, theirs))).hasSize(2);
  }

  @Test
  void deleteByIds_manyIds_allDeleted() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(oneSpanTrace("t" + i, i, 1, SpanStatusCode.OK));
    }
    for (int i = 0; i < 1200; i++) {
      ids.add(newTraceId()); // unknown ids beyond one statement's worth
    }
    ids.add(oneSpanTrace("last", 9, 1, SpanStatusCode.OK));

    assertThat(writer().deleteTraces(experimentId, ids)).isEqualTo(4);
  }

  @Test
  void deleteBefore_oldestFirst_atMostMaxTraces_atOrBeforeCutoff() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(oneSpanTrace("t" + i, i, 1, SpanStatusCode.OK));
    }
    String other = storage().experiments()
        .createExperiment(ExperimentStoreKit.uniqueName("other"), null, Map.of());
    String oldOther = newTraceId();
    writer().acceptSpans(other, List.of(span(oldOther, newSpanId(), null, "old", 0, MS).build()));
    long cutoff = (T0 + 3 * MS) / MS; // the request time of trace 3: included

    assertThat(writer().deleteTracesBefore(experimentId, cutoff, 2)).isEqualTo(2);
    assertThat(remaining(ids)).containsExactly(ids.get(2), ids.get(3), ids.get(4));

    assertThat(writer().deleteTracesBefore(experimentId, cutoff, 100)).isEqualTo(2);
    assertThat(remaining(ids)).containsExactly(ids.get(4));
    assertThat(reader().traceInfo(oldOther)).isPresent();
  }

  @Test
  void deleteBefore_badArguments() {
    assertThatThrownBy(() -> writer().deleteTracesBefore(experimentId, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxTraces");
    assertStoreError(() -> writer().deleteTracesBefore("abc", 0, 1),
        StoreException.Reason.INVALID_ARGUMENT, "abc");
    assertStoreError(() -> writer().deleteTraces("x1", List.of("tr-1")),
        StoreException.Reason.INVALID_ARGUMENT, "x1");
  }

  private List<String> remaining(List<String> ids) {
    List<String> left = new ArrayList<>();
    reader().traces(ids).forEach(t -> left.add(t.info().traceId()));
    return left;
  }
}
