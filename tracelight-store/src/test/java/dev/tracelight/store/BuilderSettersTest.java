package dev.tracelight.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value builders: {@code setX} replaces, {@code putX}/{@code addX} adds, bad input throws. */
class BuilderSettersTest {

  @Test
  void traceInfo_toBuilderThenSetTags_replacesTagsAndKeepsTheRest() {
    TraceInfo info = TraceInfo.builder().setTraceId("tr-1").setExperimentId("0")
        .setExecutionDuration(5).putTag("a", "1").putTraceMetadata("m", "x").build();

    TraceInfo copy = info.toBuilder().setTags(Map.of("b", "2")).build();

    assertThat(copy.tags()).containsExactly(Map.entry("b", "2"));
    assertThat(copy.traceMetadata()).containsExactly(Map.entry("m", "x"));
    assertThat(copy.executionDuration()).isEqualTo(5);
  }

  @Test
  void traceInfo_setTagsWithNullValue_throwsAndKeepsPreviousTags() {
    Map<String, String> bad = new HashMap<>();
    bad.put("k", null);
    TraceInfo.Builder b =
        TraceInfo.builder().setTraceId("tr-1").setExperimentId("0").putTag("a", "1");

    assertThatThrownBy(() -> b.setTags(bad)).isInstanceOf(NullPointerException.class);
    assertThat(b.build().tags()).containsExactly(Map.entry("a", "1"));
  }

  @Test
  void traceInfo_badValues_throwAtTheSetter() {
    TraceInfo.Builder b = TraceInfo.builder();
    assertThatThrownBy(() -> b.setTraceId(null)).hasMessage("traceId");
    assertThatThrownBy(() -> b.setState(null)).hasMessage("state");
    assertThatThrownBy(() -> b.setExecutionDuration(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void spanRecord_setAttributes_replacesWhatWasPut() {
    SpanRecord span = SpanRecord.builder().setTraceId("tr-1").setSpanId("01").setName("s")
        .putAttribute("old", "1").setAttributes(Map.of("new", "2")).putAttribute("more", "3")
        .build();

    assertThat(span.attributes()).containsOnlyKeys("new", "more");
  }

  @Test
  void spanRecord_setStatusWithNullCode_throws() {
    assertThatThrownBy(() -> SpanRecord.builder().setStatus(null, "x")).hasMessage("code");
  }

  @Test
  void traceQuery_setExperimentIds_replacesAddedIds() {
    TraceQuery q = TraceQuery.builder().addExperimentId("1").setExperimentIds(List.of("2", "3"))
        .addExperimentId("4").build();

    assertThat(q.experimentIds()).containsExactly("2", "3", "4");
  }

  @Test
  void queries_maxResultsOutOfRange_throwAtTheSetter() {
    assertThatThrownBy(() -> TraceQuery.builder().setMaxResults(TraceQuery.MAX_MAX_RESULTS + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ExperimentQuery.builder().setMaxResults(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void experiment_setTags_replacesPutTags() {
    Experiment e = Experiment.builder().setExperimentId("1").setName("n")
        .setArtifactLocation("mlflow-artifacts:/1").putTag("a", "1").setTags(Map.of("b", "2"))
        .build();

    assertThat(e.tags()).containsExactly(Map.entry("b", "2"));
    assertThatThrownBy(() -> Experiment.builder().setName(null)).hasMessage("name");
  }

  @Test
  void assessment_nameWithDotOrBlank_andValueNotJson_throwAtTheSetter() {
    assertThatThrownBy(() -> Assessment.builder().setName("a.b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'.'");
    assertThatThrownBy(() -> AssessmentUpdate.builder().setName(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    assertThatThrownBy(() -> AssessmentValue.feedback("yes"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
    assertThatThrownBy(() -> Assessment.builder().setTraceId("tr-1").setName("n").build())
        .hasMessage("source");
  }

  @Test
  void assessment_toBuilderThenSetMetadata_replacesMetadataAndKeepsTheRest() {
    Assessment a = Assessment.builder().setTraceId("tr-1").setName("n")
        .setSource(AssessmentSource.create(AssessmentSource.Type.CODE, "ci"))
        .setValue(AssessmentValue.expectation("42")).putMetadata("a", "1").build();

    Assessment copy = a.toBuilder().setMetadata(Map.of("b", "2")).build();

    assertThat(copy.metadata()).containsExactly(Map.entry("b", "2"));
    assertThat(copy.value()).isEqualTo(AssessmentValue.expectation("42"));
    assertThat(AssessmentSource.Type.parse("ai_judge")).contains(AssessmentSource.Type.LLM_JUDGE);
    assertThat(AssessmentSource.Type.parse("ROBOT")).isEmpty();
  }
}
