package dev.tracelight.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/** Routing and proto JSON rules of the fake MLflow server, without HTTP. */
class MlflowWireRulesTest {

  @Test
  void route_literalSegmentsWinOverTheTraceIdVariable() {
    assertThat(MlflowRoute.match("GET", "/api/3.0/mlflow/traces/get").route())
        .isEqualTo(MlflowRoute.GET_TRACE);
    assertThat(MlflowRoute.match("POST", "/api/3.0/mlflow/traces/search").route())
        .isEqualTo(MlflowRoute.SEARCH_TRACES_V3);
    MlflowRoute.Match info = MlflowRoute.match("GET", "/api/3.0/mlflow/traces/tr-1");
    assertThat(info.route()).isEqualTo(MlflowRoute.GET_TRACE_INFO_V3);
    assertThat(info.capture(0)).isEqualTo("tr-1");
  }

  @Test
  void route_capturesNestedIdsAndArtifactPaths() {
    MlflowRoute.Match assessment =
        MlflowRoute.match("GET", "/ajax-api/3.0/mlflow/traces/tr-1/assessments/a-2");
    MlflowRoute.Match artifact =
        MlflowRoute.match("PUT", "/api/2.0/mlflow-artifacts/artifacts/1/traces/tr-1/traces.json");

    assertThat(assessment.route()).isEqualTo(MlflowRoute.GET_ASSESSMENT);
    assertThat(assessment.capture(1)).isEqualTo("a-2");
    assertThat(artifact.capture(0)).isEqualTo("1/traces/tr-1/traces.json");
    assertThat(MlflowRoute.match("GET", "/api/2.0/mlflow-artifacts/artifacts/").route())
        .isEqualTo(MlflowRoute.UNKNOWN);
    assertThat(MlflowRoute.match("DELETE", "/api/3.0/mlflow/traces/tr-1").route())
        .isEqualTo(MlflowRoute.UNKNOWN);
  }

  @Test
  void timestampsAndDurations_renderAsProtobufDoes() {
    assertThat(TraceInfoJson.timestamp(new TextNode("2025-06-15T14:07:41Z")))
        .isEqualTo("2025-06-15T14:07:41Z");
    assertThat(TraceInfoJson.timestamp(new TextNode("2025-06-15T16:07:41.5+02:00")))
        .isEqualTo("2025-06-15T14:07:41.500Z");
    assertThat(TraceInfoJson.timestamp(new TextNode("2025-06-15T14:07:41.000001Z")))
        .isEqualTo("2025-06-15T14:07:41.000001Z");
    assertThat(TraceInfoJson.duration(new TextNode("0.023s"))).isEqualTo("0.023s");
    assertThat(TraceInfoJson.duration(new TextNode("2s"))).isEqualTo("2s");
    assertThat(TraceInfoJson.duration(new TextNode("1.25s"))).isEqualTo("1.250s");
    assertThatThrownBy(() -> TraceInfoJson.duration(new TextNode("1.5")))
        .isInstanceOf(MlflowError.class);
  }

  @Test
  void versions_compareByMajorAndMinor() {
    assertThat(ServerConfig.atLeast("3.5.0", 3, 5)).isTrue();
    assertThat(ServerConfig.atLeast("3.10.1.dev0", 3, 5)).isTrue();
    assertThat(ServerConfig.atLeast("3.4.9", 3, 5)).isFalse();
    assertThat(ServerConfig.atLeast("4.0.0", 3, 5)).isTrue();
  }

  @Test
  void errorCodes_mapToTheStatusesMlflowUses() {
    assertThat(MlflowError.create("RESOURCE_ALREADY_EXISTS", "x").status()).isEqualTo(400);
    assertThat(MlflowError.create("RESOURCE_DOES_NOT_EXIST", "x").status()).isEqualTo(404);
    assertThat(MlflowError.create("TEMPORARILY_UNAVAILABLE", "x").status()).isEqualTo(503);
    assertThat(MlflowError.forStatus(503, "x").errorCode()).isEqualTo("TEMPORARILY_UNAVAILABLE");
    assertThat(MlflowError.forStatus(502, "x").errorCode()).isEqualTo("INTERNAL_ERROR");
  }
}
