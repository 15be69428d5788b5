package dev.tracelight.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelight.testkit.FakeMlflowServer;
import dev.tracelight.testkit.FakeSpan;
import dev.tracelight.testkit.MlflowRoute;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Export to stock MLflow servers of several generations, played by the testkit's fake: OTLP from
 * 3.4, the traces.json artifact before that or when OTLP is refused, spansLocation respected, and
 * credentials sent.
 */
class AnyMlflowServerIT {
  private static final Duration FLUSH = Duration.ofSeconds(20);

  private static TracelightRuntime runtime(FakeMlflowServer server, String... env) {
    Map<String, String> vars = new HashMap<>();
    vars.put("MLFLOW_TRACKING_URI", server.url());
    for (int i = 0; i < env.length; i += 2) {
      vars.put(env[i], env[i + 1]);
    }
    TracelightRuntime runtime = new TracelightRuntime(vars);
    runtime.configure(TracelightConfig.builder().setExportRetryTimeout(Duration.ofSeconds(5)).build());
    return runtime;
  }

  @Test
  void mlflow35_takesSpansByOtlp_andKeepsThem_soNoArtifactIsUploaded() throws Exception {
    try (FakeMlflowServer server = FakeMlflowServer.start()) {
      TracelightRuntime runtime = runtime(server);
      runtime.setExperiment("stock-3.5");
      LiveSpan root = TestTraces.agentWithModelCall(runtime, "Weather in Paris?");
      assertThat(runtime.flush(FLUSH)).isTrue();
      assertThat(runtime.stats().exported()).isEqualTo(1);

      List<FakeSpan> spans = server.spans(root.traceId());
      assertThat(spans).extracting(FakeSpan::name).containsExactlyInAnyOrder("agent", "Messages.create");
      FakeSpan call = spans.stream().filter(s -> s.name().equals("Messages.create")).findFirst().orElseThrow();
      assertThat(call.attribute("mlflow.spanType")).contains("CHAT_MODEL");
      assertThat(server.traceInfo(root.traceId())).isPresent();
      assertThat(server.requestCount(MlflowRoute.UPLOAD_ARTIFACT)).isZero();

      // Read back through GetTrace, where MLflow answers attributes as native OTLP values.
      Trace remote = runtime(server).getTrace(root.traceId()).orElseThrow();
      Trace local = runtime.getTrace(root.traceId()).orElseThrow();
      assertSameSpans(remote, local);
    }
  }

  @Test
  void mlflow33_getsTheTracesJsonArtifact_andTheTraceReadsBackFromIt() throws Exception {
    try (FakeMlflowServer server = FakeMlflowServer.builder().setVersion("3.3.0").start()) {
      TracelightRuntime runtime = runtime(server);
      runtime.setExperiment("stock-3.3");
      LiveSpan root = TestTraces.agentWithModelCall(runtime, "Weather in Oslo?");
      assertThat(runtime.flush(FLUSH)).isTrue();
      assertThat(runtime.stats().exported()).isEqualTo(1);

      assertThat(server.requestCount(MlflowRoute.OTLP_TRACES)).isZero();
      String experimentId = runtime.experiments().knownId();
      byte[] artifact = server.artifact(experimentId + "/traces/" + root.traceId() + "/artifacts/traces.json")
          .orElseThrow();
      JsonNode spans = TraceJson.MAPPER.readTree(artifact).path("spans");
      assertThat(spans).hasSize(2);
      JsonNode first = spans.get(0);
      assertThat(Base64.getDecoder().decode(first.path("trace_id").asText())).hasSize(16);
      assertThat(first.path("attributes").path("mlflow.traceRequestId").asText())
          .isEqualTo("\"" + root.traceId() + "\"");

      Trace remote = runtime(server).getTrace(root.traceId()).orElseThrow();
      assertSameSpans(remote, runtime.getTrace(root.traceId()).orElseThrow());
      assertThat(remote.info().tokenUsage()).isEqualTo(TokenUsage.create(12, 30));
    }
  }

  @Test
  void mlflow34_withoutSpansInTheStore_getsOtlpAndTheArtifact() throws Exception {
    try (FakeMlflowServer server = FakeMlflowServer.builder()
        .setVersion("3.4.0").setOtlpEnabled(true).setSpansInTrackingStore(false).start()) {
      TracelightRuntime runtime = runtime(server);
      LiveSpan span = TestTraces.single(runtime, "both");
      assertThat(runtime.flush(FLUSH)).isTrue();

      assertThat(server.spans(span.traceId())).hasSize(1);
      assertThat(server.requestCount(MlflowRoute.UPLOAD_ARTIFACT)).isEqualTo(1);
    }
  }

  @Test
  void otlpRefused_fallsBackToArtifacts_forThisAndLaterTraces() throws Exception {
    try (FakeMlflowServer server = FakeMlflowServer.builder()
        .setVersion("3.5.0").setOtlpEnabled(false).start()) {
      TracelightRuntime runtime = runtime(server);
      TestTraces.single(runtime, "first");
      TestTraces.single(runtime, "second");
      assertThat(runtime.flush(FLUSH)).isTrue();

      assertThat(runtime.stats().exported()).isEqualTo(2);
      assertThat(server.requestCount(MlflowRoute.OTLP_TRACES)).isEqualTo(1); // asked once, then not
      assertThat(server.requestCount(MlflowRoute.UPLOAD_ARTIFACT)).isEqualTo(2);
    }
  }

  @Test
  void basicAuth_isSentOnEveryRequest() throws Exception {
    try (FakeMlflowServer server = FakeMlflowServer.builder().setBasicAuth("alice", "s3cret").start()) {
      TracelightRuntime runtime = runtime(server,
          "MLFLOW_TRACKING_USERNAME", "alice", "MLFLOW_TRACKING_PASSWORD", "s3cret");
      runtime.setExperiment("with-auth");
      TestTraces.single(runtime, "authed");
      assertThat(runtime.flush(FLUSH)).isTrue();

      assertThat(runtime.stats().exported()).isEqualTo(1);
      String expected = "Basic " + Base64.getEncoder()
          .encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
      assertThat(server.requests()).isNotEmpty()
          .allSatisfy(r -> assertThat(r.header("authorization")).contains(expected));
    }
  }

  @Test
  void bearerToken_isSent_andWrongCredentialsFailWithoutRetrying() throws Exception {
    try (FakeMlflowServer server = FakeMlflowServer.builder().setBearerToken("tok-123").start()) {
      TracelightRuntime good = runtime(server, "MLFLOW_TRACKING_TOKEN", "tok-123");
      TestTraces.single(good, "token");
      assertThat(good.flush(FLUSH)).isTrue();
      assertThat(good.stats().exported()).isEqualTo(1);
      assertThat(server.requests()).allSatisfy(
          r -> assertThat(r.header("authorization")).contains("Bearer tok-123"));

      TracelightRuntime bad = runtime(server, "MLFLOW_TRACKING_TOKEN", "wrong");
      TestTraces.single(bad, "refused");
      assertThat(bad.flush(FLUSH)).isTrue();
      assertThat(bad.stats().failed()).isEqualTo(1);
      assertThat(bad.stats().retried()).isZero();
    }
  }

  private static void assertSameSpans(Trace remote, Trace local) {
    assertThat(remote.data().spans()).hasSameSizeAs(local.data().spans());
    for (Span expected : local.data().spans()) {
      Span actual = remote.data().spans().stream()
          .filter(s -> s.spanId().equals(expected.spanId())).findFirst().orElseThrow();
      assertThat(actual.name()).isEqualTo(expected.name());
      assertThat(actual.parentSpanId()).isEqualTo(expected.parentSpanId());
      assertThat(actual.spanType()).isEqualTo(expected.spanType());
      assertThat(actual.inputs()).isEqualTo(expected.inputs());
      assertThat(actual.outputs()).isEqualTo(expected.outputs());
      assertThat(actual.attribute(SpanAttributeKey.CHAT_USAGE))
          .isEqualTo(expected.attribute(SpanAttributeKey.CHAT_USAGE));
      assertThat(actual.startTimeUnixNano()).isEqualTo(expected.startTimeUnixNano());
      assertThat(actual.status()).isEqualTo(expected.status());
    }
  }
}
