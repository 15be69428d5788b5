package dev.tracelight.examples;

import static dev.tracelight.examples.ServerRest.attribute;
import static dev.tracelight.examples.ServerRest.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.errors.BadRequestException;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelight.anthropic.AnthropicTracing;
import dev.tracelight.server.TracelightServer;
import dev.tracelight.server.TracelightServerConfig;
import dev.tracelight.testkit.FakeAnthropicApi;
import dev.tracelight.testkit.FakeReply;
import dev.tracelight.tracing.Span;
import dev.tracelight.tracing.SpanType;
import dev.tracelight.tracing.TokenUsage;
import dev.tracelight.tracing.Trace;
import dev.tracelight.tracing.Tracelight;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's snippet end to end: the real Anthropic SDK against the fake API, traced by autolog,
 * exported to a real Tracelight server (SQLite file), then read back through {@code Tracelight} and
 * through the server's REST API.
 */
class GettingStartedIT {
  private static final Duration FLUSH = Duration.ofSeconds(20);
  @TempDir static Path dir;
  private static TracelightServer server;
  private static FakeAnthropicApi api;
  private static ServerRest rest;

  @BeforeAll
  static void start() {
    server = TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri("sqlite:///" + dir.resolve("tracelight.db")).build());
    rest = new ServerRest(server.url());
    api = FakeAnthropicApi.start();
    // AnthropicOkHttpClient.fromEnv() reads these before ANTHROPIC_BASE_URL / ANTHROPIC_API_KEY.
    System.setProperty("anthropic.baseUrl", api.baseUrl());
    System.setProperty("anthropic.apiKey", "sk-ant-e2e-SECRET");
  }

  @AfterAll
  static void stop() {
    AnthropicTracing.disable();
    System.clearProperty("anthropic.baseUrl");
    System.clearProperty("anthropic.apiKey");
    api.close();
    server.close();
  }

  @BeforeEach
  void reset() {
    AnthropicTracing.disable();
    api.reset();
  }

  @Test
  void snippet_tracesTheCall_readableInProcessAndThroughRest() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    String traceId = GettingStarted.run(server.url(), new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(Tracelight.flush(FLUSH)).isTrue();

    // In process, as the snippet reads it.
    Trace trace = Tracelight.getTrace(traceId).orElseThrow();
    Span span = trace.data().spans().get(0);
    assertThat(trace.data().spans()).hasSize(1);
    assertThat(span.name()).isEqualTo("Messages.create");
    assertThat(span.spanType()).isEqualTo(SpanType.CHAT_MODEL);
    @SuppressWarnings("unchecked")
    Map<String, Object> usage = (Map<String, Object>) span.attribute("mlflow.chat.tokenUsage");
    long in = (Long) usage.get("input_tokens");
    long out = (Long) usage.get("output_tokens");
    assertThat(in).isPositive();
    assertThat(out).isPositive();
    assertThat(usage.get("total_tokens")).isEqualTo(in + out);
    assertThat(trace.info().tokenUsage()).isEqualTo(TokenUsage.create(in, out));
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("Claude: Hello! You said: Hello, Claude")
        .contains(in + " input + " + out + " output = " + (in + out) + " tokens");

    // GetTraceInfoV3: the experiment, state, name and trace-level usage.
    JsonNode info = rest.traceInfo(traceId);
    String experimentId = info.path("trace_location").path("mlflow_experiment").path("experiment_id").asText();
    assertThat(rest.get("/api/2.0/mlflow/experiments/get?experiment_id=" + experimentId)
        .path("experiment").path("name").asText()).isEqualTo("Anthropic");
    assertThat(info.path("state").asText()).isEqualTo("OK");
    assertThat(info.path("tags").path("mlflow.traceName").asText()).isEqualTo("Messages.create");
    assertThat(parse(info.path("trace_metadata").path("mlflow.trace.tokenUsage").asText()))
        .isEqualTo(parse("{\"input_tokens\":" + in + ",\"output_tokens\":" + out
            + ",\"total_tokens\":" + (in + out) + "}"));
    assertThat(info.path("request_preview").asText()).contains("Hello, Claude");

    // GetTrace: the span with its inputs, outputs and usage.
    JsonNode withSpans = rest.traceWithSpans(traceId);
    assertThat(withSpans.path("trace_info").path("trace_id").asText()).isEqualTo(traceId);
    JsonNode restSpan = withSpans.path("spans").get(0);
    assertThat(withSpans.path("spans")).hasSize(1);
    assertThat(restSpan.path("name").asText()).isEqualTo("Messages.create");
    assertThat(restSpan.path("parent_span_id").asText()).isEmpty();
    assertThat(attribute(restSpan, "mlflow.spanType")).isEqualTo("\"CHAT_MODEL\"");
    assertThat(attribute(restSpan, "mlflow.message.format")).isEqualTo("\"anthropic\"");
    JsonNode inputs = parse(attribute(restSpan, "mlflow.spanInputs"));
    assertThat(inputs.path("model").asText()).isEqualTo("claude-sonnet-4-5-20250929");
    assertThat(inputs.path("max_tokens").asInt()).isEqualTo(512);
    assertThat(inputs.path("messages").get(0).path("content").asText()).isEqualTo("Hello, Claude");
    JsonNode outputs = parse(attribute(restSpan, "mlflow.spanOutputs"));
    assertThat(outputs.path("id").asText()).startsWith("msg_");
    assertThat(outputs.path("content").get(0).path("text").asText())
        .isEqualTo("Hello! You said: Hello, Claude");
    assertThat(parse(attribute(restSpan, "mlflow.chat.tokenUsage")).path("total_tokens").asLong())
        .isEqualTo(in + out);
    assertThat(withSpans.toString()).doesNotContain("sk-ant-e2e-SECRET");
  }

  @Test
  void wrappedClient_isExportedToo() throws Exception {
    Tracelight.setTrackingUri(server.url());
    Tracelight.setExperiment("wrap-e2e");
    AnthropicClient client = AnthropicTracing.wrap(AnthropicOkHttpClient.fromEnv());

    Message message = client.messages().create(hello());
    String traceId = Tracelight.lastActiveTraceId().orElseThrow();
    assertThat(Tracelight.flush(FLUSH)).isTrue();

    JsonNode span = rest.traceWithSpans(traceId).path("spans").get(0);
    assertThat(parse(attribute(span, "mlflow.spanOutputs")).path("id").asText()).isEqualTo(message.id());
    String experimentId = rest.get("/api/2.0/mlflow/experiments/get-by-name?experiment_name=wrap-e2e")
        .path("experiment").path("experiment_id").asText();
    assertThat(rest.traceCount(experimentId)).isEqualTo(1);
  }

  @Test
  void apiError_isExportedAsErrorTrace_andTheCallerSeesTheSdkException() throws Exception {
    Tracelight.setTrackingUri(server.url());
    Tracelight.setExperiment("errors-e2e");
    assertThat(AnthropicTracing.autolog()).isTrue();
    api.enqueue(FakeReply.error(400, "invalid_request_error", "max_tokens: must be positive"));
    AnthropicClient client = AnthropicOkHttpClient.builder().fromEnv().maxRetries(0).build();

    assertThatThrownBy(() -> client.messages().create(hello()))
        .isExactlyInstanceOf(BadRequestException.class)
        .hasMessageContaining("max_tokens: must be positive");
    String traceId = Tracelight.lastActiveTraceId().orElseThrow();
    assertThat(Tracelight.flush(FLUSH)).isTrue();

    assertThat(rest.traceInfo(traceId).path("state").asText()).isEqualTo("ERROR");
    JsonNode span = rest.traceWithSpans(traceId).path("spans").get(0);
    assertThat(span.path("status").path("code").asText()).isEqualTo("STATUS_CODE_ERROR");
    JsonNode event = span.path("events").get(0);
    assertThat(event.path("name").asText()).isEqualTo("exception");
    assertThat(event.toString()).contains("BadRequestException").contains("max_tokens: must be positive");
  }

  @Test
  void disable_stopsTracing_nothingReachesTheServer() throws Exception {
    Tracelight.setTrackingUri(server.url());
    Tracelight.setExperiment("disabled-e2e");
    assertThat(AnthropicTracing.autolog()).isTrue();
    AnthropicClient client = AnthropicOkHttpClient.fromEnv();
    client.messages().create(hello());
    assertThat(Tracelight.flush(FLUSH)).isTrue();
    String experimentId = rest.get("/api/2.0/mlflow/experiments/get-by-name?experiment_name=disabled-e2e")
        .path("experiment").path("experiment_id").asText();
    assertThat(rest.traceCount(experimentId)).isEqualTo(1);

    AnthropicTracing.disable();
    client.messages().create(hello());
    client.messages().create(hello());
    assertThat(Tracelight.flush(FLUSH)).isTrue();

    assertThat(rest.traceCount(experimentId)).isEqualTo(1);
    assertThat(api.requestCount()).isEqualTo(3);
  }

  private static MessageCreateParams hello() {
    return MessageCreateParams.builder()
        .model("claude-sonnet-4-5-20250929").maxTokens(512).addUserMessage("Hello, Claude").build();
  }
}
