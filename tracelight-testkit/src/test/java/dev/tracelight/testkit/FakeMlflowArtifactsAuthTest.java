package dev.tracelight.testkit;

import static dev.tracelight.testkit.FakeMlflowExperimentsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The proxied artifact store, and authentication on every route. */
class FakeMlflowArtifactsAuthTest {

  private static final String TRACES_JSON =
      "/api/2.0/mlflow-artifacts/artifacts/0/traces/tr-abc/artifacts/traces.json";

  @Test
  void artifacts_putThenGet_returnsTheBytes_putAnswersJson() throws Exception {
    try (FakeMlflowServer mlflow = FakeMlflowServer.start()) {
      MlflowHttp http = new MlflowHttp(mlflow);

      HttpResponse<String> put = http.send("PUT", TRACES_JSON, "{\"spans\": []}");
      HttpResponse<String> get = http.get(TRACES_JSON);

      assertThat(put.statusCode()).isEqualTo(200);
      assertThat(put.headers().firstValue("content-type")).hasValue("application/json");
      assertThat(put.body()).isEqualTo("{}");
      assertThat(get.body()).isEqualTo("{\"spans\": []}");
      assertThat(mlflow.artifact("0/traces/tr-abc/artifacts/traces.json"))
          .hasValueSatisfying(
              bytes ->
                  assertThat(new String(bytes, StandardCharsets.UTF_8))
                      .isEqualTo("{\"spans\": []}"));
      assertThat(mlflow.artifact("mlflow-artifacts:/0/traces/tr-abc/artifacts/traces.json"))
          .isPresent();
      assertThat(mlflow.requestCount(MlflowRoute.UPLOAD_ARTIFACT)).isEqualTo(1);
      assertThat(mlflow.requestCount(MlflowRoute.DOWNLOAD_ARTIFACT)).isEqualTo(1);
    }
  }

  @Test
  void artifacts_missingOrClimbingPath_areErrors() throws Exception {
    try (FakeMlflowServer mlflow = FakeMlflowServer.start()) {
      MlflowHttp http = new MlflowHttp(mlflow);

      assertError(http.get(TRACES_JSON), 404, "RESOURCE_DOES_NOT_EXIST");
      assertError(
          http.send("PUT", "/api/2.0/mlflow-artifacts/artifacts/0/%2E%2E/x", "{}"),
          400,
          "INVALID_PARAMETER_VALUE");
    }
  }

  @Test
  void basicAuth_withoutCredentials_is401Unauthenticated_thenOkWithThem() throws Exception {
    try (FakeMlflowServer mlflow =
        FakeMlflowServer.builder().setBasicAuth("alice", "s3cret").start()) {
      MlflowHttp anonymous = new MlflowHttp(mlflow);
      MlflowHttp wrong = new MlflowHttp(mlflow).withHeader("Authorization", basic("alice:nope"));
      MlflowHttp alice = new MlflowHttp(mlflow).withHeader("Authorization", basic("alice:s3cret"));

      HttpResponse<String> refused =
          anonymous.get("/api/2.0/mlflow/experiments/get?experiment_id=0");

      assertError(refused, 401, "UNAUTHENTICATED");
      assertThat(refused.headers().firstValue("www-authenticate"))
          .hasValue("Basic realm=\"mlflow\"");
      assertError(
          wrong.get("/api/2.0/mlflow/experiments/get?experiment_id=0"), 401, "UNAUTHENTICATED");
      assertThat(anonymous.get("/version").statusCode()).isEqualTo(401);
      assertThat(
              anonymous
                  .send("POST", "/v1/traces", OtlpSpans.headers("0"), new byte[1])
                  .statusCode())
          .isEqualTo(401);
      assertThat(anonymous.send("PUT", TRACES_JSON, "{}").statusCode()).isEqualTo(401);
      assertThat(anonymous.get("/health").statusCode()).isEqualTo(200);
      assertThat(alice.get("/api/2.0/mlflow/experiments/get?experiment_id=0").statusCode())
          .isEqualTo(200);
      assertThat(alice.send("PUT", TRACES_JSON, "{}").statusCode()).isEqualTo(200);
      assertThat(mlflow.requestCount(MlflowRoute.GET_EXPERIMENT)).isEqualTo(3);
    }
  }

  @Test
  void bearerToken_required_artifactsOpenWhenConfigured() throws Exception {
    try (FakeMlflowServer mlflow =
        FakeMlflowServer.builder().setBearerToken("tok-1").setAuthOnArtifacts(false).start()) {
      MlflowHttp anonymous = new MlflowHttp(mlflow);
      MlflowHttp holder = new MlflowHttp(mlflow).withHeader("Authorization", "Bearer tok-1");

      assertError(
          anonymous.get("/api/2.0/mlflow/experiments/get?experiment_id=0"), 401, "UNAUTHENTICATED");
      assertThat(holder.get("/api/2.0/mlflow/experiments/get?experiment_id=0").statusCode())
          .isEqualTo(200);
      assertThat(anonymous.send("PUT", TRACES_JSON, "{}").statusCode()).isEqualTo(200);
      assertThat(anonymous.get(TRACES_JSON).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void builder_rejectsBadConfiguration() {
    FakeMlflowServerBuilder builder = FakeMlflowServer.builder();

    assertThatThrownBy(() -> builder.setVersion("latest"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.setBasicAuth("a:b", "c"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.setBearerToken(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.setPort(70000)).isInstanceOf(IllegalArgumentException.class);
  }

  private static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
