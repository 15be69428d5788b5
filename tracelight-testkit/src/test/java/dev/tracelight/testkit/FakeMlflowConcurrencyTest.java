package dev.tracelight.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many clients at once: every trace start and span export is stored and counted once. */
class FakeMlflowConcurrencyTest {

  private static final int TRACES = 40;

  @Test
  void concurrentStartsAndExports_allStoredAndCounted() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try (FakeMlflowServer mlflow = FakeMlflowServer.start()) {
      MlflowHttp http = new MlflowHttp(mlflow);
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < TRACES; i++) {
        String traceId = String.format("tr-%032x", i);
        calls.add(
            () ->
                http.post(
                        "/api/3.0/mlflow/traces",
                        FakeMlflowTracesTest.startBody(traceId, "0", "2025-06-15T14:07:41Z"))
                    .statusCode());
        calls.add(
            () ->
                http.send(
                        "POST",
                        "/v1/traces",
                        OtlpSpans.headers("0"),
                        OtlpSpans.request(List.of(OtlpSpans.root())))
                    .statusCode());
      }
      for (Future<Integer> status : callers.invokeAll(calls)) {
        assertThat(status.get()).isEqualTo(200);
      }

      assertThat(mlflow.traceInfos()).hasSize(TRACES);
      assertThat(mlflow.requestCount(MlflowRoute.START_TRACE_V3)).isEqualTo(TRACES);
      assertThat(mlflow.requestCount(MlflowRoute.OTLP_TRACES)).isEqualTo(TRACES);
      assertThat(mlflow.requestCount()).isEqualTo(2 * TRACES);
      assertThat(mlflow.spans(OtlpSpans.TRACE_ID)).hasSize(1);
    } finally {
      callers.shutdownNow();
    }
  }
}
