package dev.tracelight.store;

import static dev.tracelight.store.TestSpans.newTraceId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Assessments: create, read, update, delete, overrides, and embedding in trace infos. */
abstract class AssessmentStoreKit extends TraceKitSupport {
  static final AssessmentSource ALICE =
      AssessmentSource.create(AssessmentSource.Type.HUMAN, "alice@example.com");

  String traceId;

  @BeforeEach
  void newTrace() {
    traceId = newTraceId();
    writer().acceptSpans(experimentId, rootAndChild(traceId));
  }

  AssessmentStore store() {
    return storage().assessments();
  }

  Assessment.Builder feedback(String valueJson) {
    return Assessment.builder().setTraceId(traceId).setName("correctness").setSource(ALICE)
        .setValue(AssessmentValue.feedback(valueJson));
  }

  @Test
  void create_assignsIdAndTimes_readsBackEqual_andIsEmbeddedInTraceInfos() {
    long before = System.currentTimeMillis();
    Assessment created = store().createAssessment(feedback("{\"score\": 0.8, \"ok\": true}")
        .setRationale("Matches the reference").setSpanId("00f067aa0ba902b7")
        .putMetadata("mlflow.assessment.sourceRunId", "run123").build());

    assertThat(created.assessmentId()).matches("a-[0-9a-f]{32}");
    assertThat(created.createTime()).isBetween(before, System.currentTimeMillis());
    assertThat(created.lastUpdateTime()).isEqualTo(created.createTime());
    assertThat(created.valid()).isTrue();
    assertThat(store().assessment(traceId, created.assessmentId())).get()
        .usingRecursiveComparison().isEqualTo(created);

    assertThat(reader().traceInfo(traceId).orElseThrow().assessments())
        .usingRecursiveFieldByFieldElementComparator().containsExactly(created);
    assertThat(reader().trace(traceId).orElseThrow().info().assessments()).hasSize(1);
    assertThat(reader().traces(List.of(traceId)).get(0).info().assessments()).hasSize(1);
    assertThat(reader().searchTraces(TraceQuery.builder().addExperimentId(experimentId).build())
        .items().get(0).assessments()).extracting(Assessment::assessmentId)
        .containsExactly(created.assessmentId());
  }

  @Test
  void valueForms_roundTrip() {
    List<Assessment> created = List.of(
        store().createAssessment(feedback("\"good\"").build()),
        store().createAssessment(feedback("null").setName("judge").setValue(
            AssessmentValue.feedback(null, AssessmentError.create("TIMEOUT", "judge timed out")))
            .build()),
        store().createAssessment(feedback("1").setName("facts")
            .setValue(AssessmentValue.expectation("[\"Paris\", \"France\"]")).build()),
        store().createAssessment(feedback("1").setName("pickled")
            .setValue(AssessmentValue.serializedExpectation("JSON_FORMAT", "{\"a\": 1}"))
            .setSource(AssessmentSource.create(AssessmentSource.Type.CODE, "")).build()));

    assertThat(reader().traceInfo(traceId).orElseThrow().assessments())
        .extracting(Assessment::value)
        .containsExactlyInAnyOrderElementsOf(created.stream().map(Assessment::value).toList());
    Assessment judge = store().assessment(traceId, created.get(1).assessmentId()).orElseThrow();
    assertThat(judge.value().valueJson()).isEmpty();
    assertThat(judge.value().error()).contains(
        AssessmentError.create("TIMEOUT", "judge timed out"));
  }

  @Test
  void update_changesOnlyWhatIsSet_mergesMetadata() throws Exception {
    Assessment created = store().createAssessment(feedback("true").setRationale("first")
        .putMetadata("a", "1").build());
    Thread.sleep(2);

    Assessment updated = store().updateAssessment(traceId, created.assessmentId(),
        AssessmentUpdate.builder().setName("accuracy").setValue(AssessmentValue.feedback("false"))
            .putMetadata("b", "2").setValid(false).build());

    assertThat(updated.name()).isEqualTo("accuracy");
    assertThat(updated.value().valueJson()).contains("false");
    assertThat(updated.rationale()).contains("first");
    assertThat(updated.metadata()).isEqualTo(Map.of("a", "1", "b", "2"));
    assertThat(updated.valid()).isFalse();
    assertThat(updated.source()).isEqualTo(ALICE);
    assertThat(updated.createTime()).isEqualTo(created.createTime());
    assertThat(updated.lastUpdateTime()).isGreaterThan(created.createTime());
    assertThat(store().assessment(traceId, created.assessmentId())).get()
        .usingRecursiveComparison().isEqualTo(updated);

    Assessment cleared = store().updateAssessment(traceId, created.assessmentId(),
        AssessmentUpdate.builder().setRationale("").build());
    assertThat(cleared.rationale()).isEmpty();
  }

  @Test
  void update_feedbackToExpectation_invalid() {
    Assessment created = store().createAssessment(feedback("true").build());
    assertStoreError(() -> store().updateAssessment(traceId, created.assessmentId(),
            AssessmentUpdate.builder().setValue(AssessmentValue.expectation("1")).build()),
        StoreException.Reason.INVALID_ARGUMENT, "is a feedback; it cannot become an expectation");
  }

  @Test
  void overrides_invalidateTheOverridden_untilTheOverrideIsDeleted() {
    Assessment first = store().createAssessment(feedback("false").build());
    Assessment second = store().createAssessment(
        feedback("true").setOverrides(first.assessmentId()).build());

    assertThat(store().assessment(traceId, first.assessmentId()).orElseThrow().valid()).isFalse();
    assertThat(second.overrides()).contains(first.assessmentId());

    store().deleteAssessment(traceId, second.assessmentId());
    assertThat(store().assessment(traceId, first.assessmentId()).orElseThrow().valid()).isTrue();
    assertThat(reader().traceInfo(traceId).orElseThrow().assessments())
        .extracting(Assessment::assessmentId).containsExactly(first.assessmentId());
    assertStoreError(() -> store().createAssessment(feedback("1").setOverrides("a-nope").build()),
        StoreException.Reason.INVALID_ARGUMENT, "a-nope");
  }

  @Test
  void unknownTraceOrAssessment_notFound() {
    Assessment created = store().createAssessment(feedback("true").build());
    String id = created.assessmentId();
    String otherTrace = newTraceId();

    assertStoreError(() -> store().createAssessment(feedback("1").setTraceId(otherTrace).build()),
        StoreException.Reason.NOT_FOUND, "Trace with ID " + otherTrace + " not found");
    assertThat(store().assessment(otherTrace, id)).isEmpty();
    assertThat(store().assessment(traceId, "a-missing")).isEmpty();
    assertStoreError(() -> store().updateAssessment(traceId, "a-missing",
            AssessmentUpdate.builder().setValid(false).build()),
        StoreException.Reason.NOT_FOUND, "a-missing");
    assertStoreError(() -> store().deleteAssessment(otherTrace, id),
        StoreException.Reason.NOT_FOUND, id);

    store().deleteAssessment(traceId, id);
    assertThat(store().assessment(traceId, id)).isEmpty();
    assertStoreError(() -> store().deleteAssessment(traceId, id),
        StoreException.Reason.NOT_FOUND, id);
  }
}
