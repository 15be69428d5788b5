package dev.tracelight.anthropic;

import static dev.tracelight.anthropic.AnthropicFixtures.hello;
import static dev.tracelight.anthropic.AnthropicFixtures.lastTraceId;
import static dev.tracelight.anthropic.AnthropicFixtures.newTrace;
import static dev.tracelight.anthropic.AnthropicFixtures.onlySpan;
import static dev.tracelight.anthropic.AnthropicSpanAssertions.assertCreateSpan;
import static dev.tracelight.anthropic.AnthropicSpanAssertions.assertFailedSpan;
import static dev.tracelight.anthropic.AnthropicSpanAssertions.assertNoSecret;
import static dev.tracelight.anthropic.AnthropicSpanAssertions.assertTraceTotals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.errors.BadRequestException;
import com.anthropic.models.messages.Message;
import dev.tracelight.testkit.FakeAnthropicApi;
import dev.tracelight.testkit.FakeReply;
import dev.tracelight.tracing.LiveSpan;
import dev.tracelight.tracing.Span;
import dev.tracelight.tracing.SpanType;
import dev.tracelight.tracing.Trace;
import dev.tracelight.tracing.Tracelight;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code AnthropicTracing.wrap(client)} with the real SDK against the fake API. */
class WrapIT {
  private static FakeAnthropicApi api;

  @BeforeAll
  static void startApi() {
    api = FakeAnthropicApi.start();
  }

  @AfterAll
  static void stopApi() {
    api.close();
  }

  @BeforeEach
  void autologOff() {
    AnthropicTracing.disable();
    api.reset();
  }

  @Test
  void create_isTracedAsChatModelSpan() {
    AnthropicClient client = AnthropicTracing.wrap(AnthropicFixtures.client(api));
    String before = lastTraceId();

    Message message = client.messages().create(hello());

    assertThat(message.content().get(0).asText().text()).isEqualTo("Hello! You said: Hello, Claude");
    Trace trace = newTrace(before);
    assertCreateSpan(onlySpan(trace), "Messages.create", message);
    assertTraceTotals(trace, message);
    assertThat(trace.info().tags()).containsEntry("mlflow.traceName", "Messages.create");
    assertNoSecret(trace);
    assertThat(api.lastRequest().header("authorization").orElseThrow()).contains(AnthropicFixtures.API_KEY);
  }

  @Test
  void samplingParameters_areRecordedWhenGiven() {
    AnthropicClient client = AnthropicTracing.wrap(AnthropicFixtures.client(api));
    String before = lastTraceId();

    client.messages().create(AnthropicFixtures.withSampling());

    Span span = onlySpan(newTrace(before));
    assertThat(span.attribute("gen_ai.request.temperature")).isEqualTo(0.3);
    assertThat(span.attribute("gen_ai.request.top_p")).isEqualTo(0.9);
    assertThat(span.attribute("gen_ai.request.top_k")).isEqualTo(40L);
    assertThat(span.inputs().toString()).contains("temperature=0.3");
  }

  @Test
  void apiError_reachesCallerUnchanged_andMarksSpan() {
    AnthropicClient client = AnthropicTracing.wrap(AnthropicFixtures.client(api));
    api.enqueue(FakeReply.error(400, "invalid_request_error", "max_tokens: too large"));
    String before = lastTraceId();

    assertThatThrownBy(() -> client.messages().create(hello()))
        .isExactlyInstanceOf(BadRequestException.class)
        .hasMessageContaining("max_tokens: too large");

    Trace trace = newTrace(before);
    Span span = onlySpan(trace);
    assertFailedSpan(span, BadRequestException.class, "max_tokens: too large");
    assertThat(span.attribute("http.response.status_code")).isEqualTo(400L);
    assertThat(span.attribute("anthropic.request_id")).asString().startsWith("req_");
    assertThat(trace.info().state().name()).isEqualTo("ERROR");
    assertNoSecret(trace);
  }

  @Test
  void create_nestsUnderTheCurrentSpan() {
    AnthropicClient client = AnthropicTracing.wrap(AnthropicFixtures.client(api));
    String traceId;
    try (LiveSpan agent = Tracelight.startSpan("agent", SpanType.AGENT);
        Scope ignored = agent.makeCurrent()) {
      traceId = agent.traceId();
      client.messages().create(hello());
      client.messages().create(hello());
    }

    Trace trace = Tracelight.getTrace(traceId).orElseThrow();
    assertThat(trace.data().spans()).extracting(Span::name)
        .containsExactly("agent", "Messages.create", "Messages.create");
    String agentId = trace.data().spans().get(0).spanId();
    assertThat(trace.data().spans().subList(1, 3)).allMatch(s -> agentId.equals(s.parentSpanId()));
    long childTotals = trace.data().spans().subList(1, 3).stream()
        .mapToLong(s -> (Long) ((java.util.Map<?, ?>) s.attribute("mlflow.chat.tokenUsage")).get("total_tokens"))
        .sum();
    assertThat(trace.info().tokenUsage().totalTokens()).isEqualTo(childTotals).isPositive();
  }

  @Test
  void asyncCreate_isTraced_whenTheFutureCompletes() throws Exception {
    AnthropicClientAsync client = AnthropicTracing.wrap(AnthropicFixtures.asyncClient(api));
    String before = lastTraceId();

    CompletableFuture<Message> future = client.messages().create(hello());
    Message message = future.get(10, TimeUnit.SECONDS);

    Trace trace = awaitNewTrace(before);
    assertCreateSpan(onlySpan(trace), "AsyncMessages.create", message);
  }

  @Test
  void asyncError_reachesCallerUnchanged() throws Exception {
    AnthropicClientAsync client = AnthropicTracing.wrap(AnthropicFixtures.asyncClient(api));
    api.enqueue(FakeReply.error(400, "invalid_request_error", "bad request"));
    String before = lastTraceId();

    CompletableFuture<Message> future = client.messages().create(hello());

    assertThatThrownBy(future::join)
        .isInstanceOf(CompletionException.class)
        .hasCauseExactlyInstanceOf(BadRequestException.class);
    assertFailedSpan(onlySpan(awaitNewTrace(before)), BadRequestException.class, "bad request");
  }

  @Test
  void wrapping_isIdempotent_andOtherMethodsStillWork() {
    AnthropicClient raw = AnthropicFixtures.client(api);
    AnthropicClient wrapped = AnthropicTracing.wrap(raw);
    assertThat(AnthropicTracing.wrap(wrapped)).isSameAs(wrapped);
    assertThat(wrapped.options().baseUrl()).isEqualTo(api.baseUrl());
    assertThat(wrapped).isEqualTo(wrapped).isNotEqualTo(raw);
  }

  /** The span of an async call may end just after the caller's future completes. */
  static Trace awaitNewTrace(String before) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (lastTraceId().equals(before) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    return newTrace(before);
  }
}
