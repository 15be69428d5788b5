package dev.tracelight.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelight.server.TracelightServer;
import dev.tracelight.server.TracelightServerConfig;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export to a real Tracelight server on loopback, and reading traces back from it. */
class MlflowExportIT {
  private static final Duration FLUSH = Duration.ofSeconds(20);
  @TempDir static Path dir;
  private static TracelightServer server;

  @BeforeAll
  static void startServer() {
    server =
        TracelightServer.start(
            TracelightServerConfig.builder()
                .setPort(0)
                .setBackendStoreUri("sqlite:///" + dir.resolve("export.db"))
                .build());
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static TracelightRuntime runtime(Map<String, String> env) {
    return new TracelightRuntime(env);
  }

  @Test
  void exportedTrace_readsBackFromTheServer_asRecorded() throws Exception {
    TracelightRuntime writer = runtime(Map.of("MLFLOW_TRACKING_URI", server.url()));
    writer.setExperiment("export-it");
    String traceId;
    LiveSpan root = writer.startSpan("agent", SpanType.AGENT, Context.root());
    try (Scope ignored = root.makeCurrent()) {
      traceId = root.traceId();
      root.setInputs(Map.of("question", "Weather in Paris?"));
      LiveSpan call = writer.startSpan("Messages.create", SpanType.CHAT_MODEL, Context.current());
      call.setAttribute(SpanAttributeKey.CHAT_USAGE, TokenUsage.create(12, 30, 5, 7).toMap());
      call.setOutputsJson("{\"id\":\"msg_01\",\"content\":[]}");
      call.end();
      LiveSpan tool = writer.startSpan("get_weather", SpanType.TOOL, Context.current());
      tool.recordException(new IllegalArgumentException("no such city"));
      tool.end();
      root.setOutputs("Sunny");
    } finally {
      root.end();
    }
    assertThat(writer.flush(FLUSH)).isTrue();
    assertThat(writer.stats().exported()).isEqualTo(1);
    Trace local = writer.getTrace(traceId).orElseThrow();

    Trace remote = runtime(Map.of("MLFLOW_TRACKING_URI", server.url())).getTrace(traceId).orElseThrow();

    String experimentId =
        new MlflowRestClient(server.url(), null, HttpClient.newHttpClient())
            .get("/api/2.0/mlflow/experiments/get-by-name", Map.of("experiment_name", List.of("export-it")))
            .path("experiment").path("experiment_id").asText();
    assertThat(local.info().experimentId()).isEqualTo(experimentId);
    assertThat(remote.info().experimentId()).isEqualTo(experimentId);
    assertThat(remote.info().traceId()).isEqualTo(traceId);
    assertThat(remote.info().state()).isEqualTo(TraceState.OK);
    assertThat(remote.info().requestTime().toEpochMilli())
        .isEqualTo(local.info().requestTime().toEpochMilli());
    assertThat(remote.info().executionDuration().toMillis())
        .isEqualTo(local.info().executionDuration().toMillis());
    assertThat(remote.info().requestPreview()).isEqualTo(local.info().requestPreview());
    assertThat(remote.info().tokenUsage()).isEqualTo(TokenUsage.create(12, 30, 5, 7));
    assertThat(remote.info().tags())
        .containsEntry(TraceTagKey.TRACE_NAME, "agent")
        .containsEntry(TraceTagKey.SPANS_LOCATION, "TRACKING_STORE");

    assertThat(remote.data().spans()).hasSize(3);
    for (Span expected : local.data().spans()) {
      Span actual = remote.data().spans().stream()
          .filter(s -> s.spanId().equals(expected.spanId())).findFirst().orElseThrow();
      assertThat(actual.traceId()).isEqualTo(expected.traceId());
      assertThat(actual.parentSpanId()).isEqualTo(expected.parentSpanId());
      assertThat(actual.name()).isEqualTo(expected.name());
      assertThat(actual.spanType()).isEqualTo(expected.spanType());
      assertThat(actual.startTimeUnixNano()).isEqualTo(expected.startTimeUnixNano());
      assertThat(actual.endTimeUnixNano()).isEqualTo(expected.endTimeUnixNano());
      assertThat(actual.status()).isEqualTo(expected.status());
      assertThat(actual.statusMessage()).isEqualTo(expected.statusMessage());
      assertThat(actual.attributes()).isEqualTo(expected.attributes());
      assertThat(actual.events()).extracting(SpanEvent::name)
          .isEqualTo(expected.events().stream().map(SpanEvent::name).toList());
    }
    Span tool = remote.data().spans().stream().filter(s -> s.name().equals("get_weather")).findFirst().orElseThrow();
    assertThat(tool.events().get(0).attributes())
        .containsEntry("exception.message", "no such city");
  }

  @Test
  void experimentNameFromEnvironment_isCreatedOnExport() throws Exception {
    TracelightRuntime runtime =
        runtime(Map.of("MLFLOW_TRACKING_URI", server.url(), "MLFLOW_EXPERIMENT_NAME", "from-env"));
    LiveSpan span = runtime.startSpan("hello", SpanType.CHAIN, Context.root());
    span.end();
    assertThat(runtime.flush(FLUSH)).isTrue();

    Trace remote = runtime(Map.of("MLFLOW_TRACKING_URI", server.url()))
        .getTrace(span.traceId()).orElseThrow();
    String experimentId =
        new MlflowRestClient(server.url(), null, HttpClient.newHttpClient())
            .get("/api/2.0/mlflow/experiments/get-by-name", Map.of("experiment_name", List.of("from-env")))
            .path("experiment").path("experiment_id").asText();
    assertThat(remote.info().experimentId()).isEqualTo(experimentId);
  }

  @Test
  void experimentIdFromEnvironment_isUsedAsIs() throws Exception {
    MlflowRestClient rest = new MlflowRestClient(server.url(), null, HttpClient.newHttpClient());
    String id = rest.postJson("/api/2.0/mlflow/experiments/create",
        TraceJson.MAPPER.createObjectNode().put("name", "by-id")).path("experiment_id").asText();
    TracelightRuntime runtime =
        runtime(Map.of("MLFLOW_TRACKING_URI", server.url(), "MLFLOW_EXPERIMENT_ID", id));
    LiveSpan span = runtime.startSpan("by-id", SpanType.CHAIN, Context.root());
    span.end();
    assertThat(runtime.flush(FLUSH)).isTrue();

    assertThat(runtime(Map.of("MLFLOW_TRACKING_URI", server.url())).getTrace(span.traceId())
        .orElseThrow().info().experimentId()).isEqualTo(id);
  }

  @Test
  void serverDown_exportFailsQuietly_andTheTraceStaysReadable() throws Exception {
    TracelightRuntime runtime = runtime(Map.of("MLFLOW_TRACKING_URI", "http://127.0.0.1:" + closedPort()));
    runtime.configure(TracelightConfig.builder().setExportRetryTimeout(Duration.ofMillis(600)).build());
    runtime.setExperiment("unreachable"); // logs a warning, never throws

    LiveSpan span = runtime.startSpan("offline", SpanType.CHAIN, Context.root());
    span.end();

    assertThat(runtime.flush(FLUSH)).isTrue();
    assertThat(runtime.stats().failed()).isEqualTo(1);
    assertThat(runtime.stats().retried()).isEqualTo(1); // connection refused is worth retrying
    assertThat(runtime.stats().exported()).isZero();
    assertThat(runtime.getTrace(span.traceId())).isPresent();
  }

  @Test
  void unknownTrace_isEmpty() {
    TracelightRuntime runtime = runtime(Map.of("MLFLOW_TRACKING_URI", server.url()));
    assertThat(runtime.getTrace("tr-00000000000000000000000000000000")).isEmpty();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
