package dev.tracelight.testkit;

import static dev.tracelight.testkit.FakeMlflowExperimentsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scripted failures, an unresponsive server, and a server that goes down and comes back. */
class FakeMlflowFaultsTest {

  private static final String START = "/api/3.0/mlflow/traces";

  private final FakeMlflowServer mlflow = FakeMlflowServer.start();
  private final MlflowHttp http = new MlflowHttp(mlflow);

  @AfterEach
  void close() {
    mlflow.close();
  }

  private HttpResponse<String> startTrace(String traceId) throws Exception {
    return http.post(START, FakeMlflowTracesTest.startBody(traceId, "0", "2025-06-15T14:07:41Z"));
  }

  @Test
  void enqueuedFailure_answersOnce_withStatusCodeAndHeaders_thenNormal() throws Exception {
    mlflow.enqueueFailure(START, 503, Map.of("Retry-After", "1"));

    HttpResponse<String> unrelated = http.get("/version");
    HttpResponse<String> failed = startTrace("tr-1");
    HttpResponse<String> retried = startTrace("tr-1");

    assertThat(unrelated.statusCode()).isEqualTo(200);
    assertError(failed, 503, "TEMPORARILY_UNAVAILABLE");
    assertThat(failed.headers().firstValue("retry-after")).hasValue("1");
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(mlflow.pendingFailures()).isZero();
    assertThat(mlflow.requestCount(MlflowRoute.START_TRACE_V3)).isEqualTo(2);
    assertThat(mlflow.traceInfos()).containsOnlyKeys("tr-1");
  }

  @Test
  void enqueuedFailures_useMlflowCodes_inOrder() throws Exception {
    mlflow.enqueueFailure("/api/", 429).enqueueFailure("/api/", 500).enqueueFailure("/v1/", 401);

    assertError(startTrace("tr-1"), 429, "REQUEST_LIMIT_EXCEEDED");
    assertError(startTrace("tr-1"), 500, "INTERNAL_ERROR");
    assertThat(startTrace("tr-1").statusCode()).isEqualTo(200);
    assertError(
        http.send(
            "POST",
            "/v1/traces",
            OtlpSpans.headers("0"),
            OtlpSpans.request(List.of(OtlpSpans.root()))),
        401,
        "UNAUTHENTICATED");
  }

  @Test
  void unresponsive_acceptsButNeverAnswers_untilTurnedOff() throws Exception {
    mlflow.setUnresponsive(true);

    assertThatThrownBy(() -> http.getWithTimeout("/version", Duration.ofMillis(300)))
        .isInstanceOf(HttpTimeoutException.class);
    CompletableFuture<HttpResponse<String>> held =
        CompletableFuture.supplyAsync(() -> call(() -> http.get("/version")));
    awaitHeld(2);
    assertThat(held).isNotDone();
    assertThat(mlflow.requestCount(MlflowRoute.VERSION)).isEqualTo(2);

    mlflow.setUnresponsive(false);

    assertThat(http.getWithTimeout("/version", Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
    assertThat(held.get().body()).isEqualTo(FakeMlflowServer.DEFAULT_VERSION);
  }

  @Test
  void stopThenRestart_samePort_keepsData() throws Exception {
    startTrace("tr-kept");
    http.send("PUT", "/api/2.0/mlflow-artifacts/artifacts/0/a.json", "{\"x\": 1}");
    int port = mlflow.port();

    mlflow.stop();

    assertThat(mlflow.isRunning()).isFalse();
    assertThatThrownBy(() -> http.get("/version")).isInstanceOf(ConnectException.class);

    mlflow.restart();

    assertThat(mlflow.port()).isEqualTo(port);
    assertThat(http.get("/api/3.0/mlflow/traces/tr-kept").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/2.0/mlflow-artifacts/artifacts/0/a.json").body())
        .isEqualTo("{\"x\": 1}");
    assertThat(mlflow.requestCount(MlflowRoute.START_TRACE_V3)).isEqualTo(1);
  }

  @Test
  void stop_dropsHeldRequests_andClose_isIdempotent() throws Exception {
    mlflow.setUnresponsive(true);
    CompletableFuture<HttpResponse<String>> held =
        CompletableFuture.supplyAsync(() -> call(() -> http.get("/version")));
    awaitHeld(1);

    mlflow.stop();

    assertThat(held).failsWithin(Duration.ofSeconds(5));
    mlflow.setUnresponsive(false);
    mlflow.restart();
    assertThat(http.get("/version").statusCode()).isEqualTo(200);
    mlflow.close();
    mlflow.close();
    assertThatThrownBy(mlflow::restart).isInstanceOf(IllegalStateException.class);
  }

  private void awaitHeld(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (mlflow.heldRequests() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(mlflow.heldRequests()).isGreaterThanOrEqualTo(count);
  }

  private static <T> T call(ThrowingSupplier<T> supplier) {
    try {
      return supplier.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private interface ThrowingSupplier<T> {
    T get() throws Exception;
  }
}
