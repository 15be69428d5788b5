package dev.tracelight.anthropic;

import static dev.tracelight.anthropic.AnthropicFixtures.hello;
import static dev.tracelight.anthropic.AnthropicFixtures.lastTraceId;
import static dev.tracelight.anthropic.AnthropicFixtures.newTrace;
import static dev.tracelight.anthropic.AnthropicFixtures.onlySpan;
import static dev.tracelight.anthropic.AnthropicSpanAssertions.assertCreateSpan;
import static dev.tracelight.anthropic.AnthropicSpanAssertions.assertFailedSpan;
import static dev.tracelight.anthropic.AnthropicSpanAssertions.assertNoSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.http.HttpResponseFor;
import com.anthropic.errors.BadRequestException;
import com.anthropic.models.messages.Message;
import dev.tracelight.testkit.FakeAnthropicApi;
import dev.tracelight.testkit.FakeReply;
import dev.tracelight.tracing.Trace;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code AnthropicTracing.autolog()} with the real SDK against the fake API. */
class AutologIT {
  private static FakeAnthropicApi api;
  /** Created before autolog is turned on: autolog must trace existing clients too. */
  private static AnthropicClient earlyClient;

  @BeforeAll
  static void start() {
    api = FakeAnthropicApi.start();
    earlyClient = AnthropicFixtures.client(api);
    earlyClient.messages(); // load the service classes before the agent is attached
  }

  @AfterAll
  static void stop() {
    AnthropicTracing.disable();
    api.close();
  }

  @BeforeEach
  void enable() {
    assertThat(AnthropicTracing.autolog()).isTrue();
    api.reset();
  }

  @AfterEach
  void disable() {
    AnthropicTracing.disable();
  }

  @Test
  void clientCreatedBeforeAutolog_isTraced() {
    String before = lastTraceId();

    Message message = earlyClient.messages().create(hello());

    Trace trace = newTrace(before);
    assertCreateSpan(onlySpan(trace), "Messages.create", message);
    assertNoSecret(trace);
  }

  @Test
  void clientCreatedAfterAutolog_isTraced() {
    String before = lastTraceId();

    Message message = AnthropicFixtures.client(api).messages().create(hello());

    assertCreateSpan(onlySpan(newTrace(before)), "Messages.create", message);
  }

  @Test
  void disable_stopsTracing_andAutologTurnsItBackOn() {
    AnthropicTracing.disable();
    assertThat(AnthropicTracing.isAutologEnabled()).isFalse();
    String before = lastTraceId();

    earlyClient.messages().create(hello());

    assertThat(lastTraceId()).isEqualTo(before);
    assertThat(AnthropicTracing.autolog()).isTrue();
    earlyClient.messages().create(hello());
    assertThat(lastTraceId()).isNotEqualTo(before);
  }

  @Test
  void apiError_reachesCallerUnchanged_andMarksSpan() {
    api.enqueue(FakeReply.error(400, "invalid_request_error", "messages: empty"));
    String before = lastTraceId();

    assertThatThrownBy(() -> earlyClient.messages().create(hello()))
        .isExactlyInstanceOf(BadRequestException.class)
        .hasMessageContaining("messages: empty");

    assertFailedSpan(onlySpan(newTrace(before)), BadRequestException.class, "messages: empty");
  }

  @Test
  void wrappedClient_underAutolog_isTracedOnce() {
    String before = lastTraceId();

    AnthropicTracing.wrap(earlyClient).messages().create(hello());

    assertThat(newTrace(before).data().spans()).hasSize(1);
  }

  @Test
  void rawResponse_isTracedWithTheParsedMessage() {
    String before = lastTraceId();

    Message message;
    try (HttpResponseFor<Message> response =
        earlyClient.messages().withRawResponse().create(hello())) {
      assertThat(response.statusCode()).isEqualTo(200);
      message = response.parse();
    }

    assertCreateSpan(onlySpan(newTrace(before)), "Messages.create", message);
  }

  @Test
  void asyncCreate_isTraced() throws Exception {
    String before = lastTraceId();

    Message message =
        AnthropicFixtures.asyncClient(api).messages().create(hello()).get(10, TimeUnit.SECONDS);

    assertCreateSpan(onlySpan(WrapIT.awaitNewTrace(before)), "AsyncMessages.create", message);
  }
}
