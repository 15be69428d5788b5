package dev.tracelight.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelight.server.TracelightServer;
import dev.tracelight.server.TracelightServerConfig;
import dev.tracelight.testkit.FakeMlflowServer;
import dev.tracelight.testkit.MlflowRoute;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export path under a failing, slow or restarting tracking server. */
class ExportResilienceIT {
  private static final Duration FLUSH = Duration.ofSeconds(30);
  @TempDir Path dir;

  private static TracelightRuntime runtime(String url, TracelightConfig config) {
    TracelightRuntime runtime = new TracelightRuntime(Map.of("MLFLOW_TRACKING_URI", url));
    runtime.configure(config);
    return runtime;
  }

  @Test
  void unavailableWithRetryAfter_isRetried_andOnlyTheFailedStepIsRepeated() throws Exception {
    try (FakeMlflowServer server = FakeMlflowServer.start()) {
      TracelightRuntime runtime = runtime(server.url(), TracelightConfig.defaults());
      server.enqueueFailure("/api/3.0/mlflow/traces", 503, Map.of("Retry-After", "1"));
      server.enqueueFailure("/api/3.0/mlflow/traces", 429);

      LiveSpan span = TestTraces.single(runtime, "retried");
      assertThat(runtime.flush(FLUSH)).isTrue();

      assertThat(runtime.stats().exported()).isEqualTo(1);
      assertThat(runtime.stats().retried()).isEqualTo(1);
      assertThat(runtime.stats().failed()).isZero();
      assertThat(server.traceInfo(span.traceId())).isPresent();
      assertThat(server.requestCount(MlflowRoute.START_TRACE_V3)).isEqualTo(3);
      assertThat(server.requestCount(MlflowRoute.OTLP_TRACES)).isEqualTo(1); // spans sent once
    }
  }

  @Test
  void clientErrors_areNotRetried() throws Exception {
    try (FakeMlflowServer server = FakeMlflowServer.start()) {
      TracelightRuntime runtime = runtime(server.url(), TracelightConfig.defaults());
      server.enqueueFailure("/api/3.0/mlflow/traces", 400);

      TestTraces.single(runtime, "rejected");
      assertThat(runtime.flush(FLUSH)).isTrue();

      assertThat(runtime.stats().failed()).isEqualTo(1);
      assertThat(runtime.stats().retried()).isZero();
      assertThat(server.requestCount(MlflowRoute.START_TRACE_V3)).isEqualTo(1);
    }
  }

  @Test
  void serverThatNeverAnswers_doesNotHoldUpTracedCalls() throws Exception {
    try (FakeMlflowServer server = FakeMlflowServer.start()) {
      TracelightRuntime runtime = runtime(server.url(), TracelightConfig.defaults());
      server.setUnresponsive(true);

      List<String> traceIds = new ArrayList<>();
      traceIds.add(TestTraces.single(runtime, "first").traceId());
      awaitHeldRequest(server); // the export worker is now stuck waiting for an answer

      for (int i = 1; i < 50; i++) {
        traceIds.add(TestTraces.single(runtime, "while-hung-" + i).traceId());
      }

      // Every traced call above returned while the export is still stuck on the server.
      assertThat(server.heldRequests()).isPositive();
      assertThat(runtime.stats().exported()).isZero();
      assertThat(runtime.flush(Duration.ofMillis(200))).isFalse();
      assertThat(runtime.getTrace(traceIds.get(49))).isPresent();

      server.setUnresponsive(false);
      assertThat(runtime.flush(FLUSH)).isTrue();
      assertThat(runtime.stats().exported()).isEqualTo(50);
      assertThat(server.traceInfos().keySet()).containsAll(traceIds);
    }
  }

  private static void awaitHeldRequest(FakeMlflowServer server) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (server.heldRequests() == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the exporter never reached the server");
      }
      Thread.sleep(5);
    }
  }

  @Test
  void serverStoppedAndStartedAgain_everyQueuedTraceArrivesExactlyOnce() throws Exception {
    String store = "sqlite:///" + dir.resolve("restart.db");
    TracelightServer server = TracelightServer.start(
        TracelightServerConfig.builder().setPort(0).setBackendStoreUri(store).build());
    int port = server.port();
    TracelightRuntime runtime = runtime(server.url(), TracelightConfig.builder()
        .setExportQueueCapacity(20).setExportRetryTimeout(Duration.ofSeconds(60)).build());
    List<String> produced = new ArrayList<>();
    produced.add(TestTraces.single(runtime, "before-stop").traceId());
    assertThat(runtime.flush(FLUSH)).isTrue();

    server.close();
    // The worker holds one batch while it retries and the queue holds 20, so traces are dropped
    // (not blocked on) soon; keep producing until the first drop, however fast the worker is.
    for (int i = 0; i < 35 || (runtime.stats().dropped() == 0 && i < 2_000); i++) {
      produced.add(TestTraces.single(runtime, "while-down-" + i).traceId());
    }
    long dropped = runtime.stats().dropped();
    assertThat(dropped).isPositive();
    server = TracelightServer.start(
        TracelightServerConfig.builder().setPort(port).setBackendStoreUri(store).build());
    try {
      assertThat(runtime.flush(FLUSH)).isTrue();

      ExportStats stats = runtime.stats();
      assertThat(stats.failed()).isZero();
      assertThat(stats.exported()).isEqualTo(produced.size() - dropped);
      TracelightRuntime reader = runtime(server.url(), TracelightConfig.defaults());
      Set<String> onServer = new HashSet<>();
      for (String traceId : produced) {
        if (reader.getTrace(traceId).isPresent()) {
          onServer.add(traceId);
        }
      }
      assertThat(onServer).hasSize((int) stats.exported());
      List<String> ids = new ArrayList<>();
      String token = null;
      do {
        TraceInfoPage page = MlflowTraceReader.search(
            reader.requireClient(), "0", null, List.of(), 500, token);
        page.traces().forEach(t -> ids.add(t.traceId()));
        token = page.nextPageToken().orElse(null);
      } while (token != null);
      assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(onServer);
    } finally {
      server.close();
    }
  }
}
