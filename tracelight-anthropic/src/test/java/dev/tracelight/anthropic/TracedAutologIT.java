package dev.tracelight.anthropic;

import static dev.tracelight.anthropic.AnthropicFixtures.hello;
import static dev.tracelight.anthropic.AnthropicFixtures.lastTraceId;
import static dev.tracelight.anthropic.AnthropicFixtures.newTrace;
import static dev.tracelight.anthropic.AnthropicSpanAssertions.assertCreateSpan;
import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.models.messages.Message;
import dev.tracelight.testkit.FakeAnthropicApi;
import dev.tracelight.tracing.Span;
import dev.tracelight.tracing.SpanType;
import dev.tracelight.tracing.Traced;
import dev.tracelight.tracing.TracelightAgent;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Autolog and {@code @Traced} share core's agent: autolog alone turns both on, and they nest. */
class TracedAutologIT {
  private static FakeAnthropicApi api;
  private static AnthropicClient client;
  private static Message lastReply;

  @BeforeAll
  static void start() {
    api = FakeAnthropicApi.start();
    client = AnthropicFixtures.client(api);
    assertThat(AnthropicTracing.autolog()).isTrue();
  }

  @AfterAll
  static void stop() {
    AnthropicTracing.disable();
    api.close();
  }

  @Traced(spanType = "AGENT")
  static String greet(String who) {
    lastReply = client.messages().create(hello());
    return "greeted " + who;
  }

  @Test
  void autolog_installsTheSharedAgent_andTheClaudeCallNestsUnderTheTracedMethod() {
    assertThat(TracelightAgent.instrumentation()).isPresent();
    assertThat(TracelightAgent.install()).isTrue();
    String before = lastTraceId();

    greet("Ada");

    List<Span> spans = newTrace(before).data().spans();
    assertThat(spans).extracting(Span::name).containsExactly("greet", "Messages.create");
    assertThat(spans.get(0).spanType()).isEqualTo(SpanType.AGENT);
    assertThat(spans.get(1).parentSpanId()).isEqualTo(spans.get(0).spanId());
    assertCreateSpan(spans.get(1), "Messages.create", lastReply);
  }
}
