package dev.tracelight.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.models.messages.Message;
import dev.tracelight.tracing.Span;
import dev.tracelight.tracing.SpanAttributeKey;
import dev.tracelight.tracing.SpanEvent;
import dev.tracelight.tracing.SpanType;
import dev.tracelight.tracing.Trace;
import java.util.List;
import java.util.Map;

/** What every traced {@code messages().create} span must hold, whichever entry point made it. */
final class AnthropicSpanAssertions {
  private AnthropicSpanAssertions() {}

  @SuppressWarnings("unchecked")
  static void assertCreateSpan(Span span, String expectedName, Message message) {
    assertThat(span.name()).isEqualTo(expectedName);
    assertThat(span.spanType()).isEqualTo(SpanType.CHAT_MODEL);
    assertThat(span.attribute(SpanAttributeKey.MESSAGE_FORMAT)).isEqualTo("anthropic");

    Map<String, Object> inputs = (Map<String, Object>) span.inputs();
    assertThat(inputs).containsEntry("model", AnthropicFixtures.MODEL).containsEntry("max_tokens", 512L);
    List<Map<String, Object>> messages = (List<Map<String, Object>>) inputs.get("messages");
    assertThat(messages.get(0)).containsEntry("role", "user").containsEntry("content", "Hello, Claude");

    Map<String, Object> outputs = (Map<String, Object>) span.outputs();
    assertThat(outputs).containsEntry("id", message.id()).containsEntry("type", "message");
    List<Map<String, Object>> content = (List<Map<String, Object>>) outputs.get("content");
    assertThat(content.get(0)).containsEntry("text", message.content().get(0).asText().text());

    long in = message.usage().inputTokens();
    long out = message.usage().outputTokens();
    assertThat(span.attribute(SpanAttributeKey.CHAT_USAGE))
        .isEqualTo(Map.of("input_tokens", in, "output_tokens", out, "total_tokens", in + out));
    assertThat(span.attribute(SpanAttributeKey.MODEL)).isEqualTo(AnthropicFixtures.MODEL);
    assertThat(span.attribute("gen_ai.request.max_tokens")).isEqualTo(512L);
    assertThat(span.attribute("gen_ai.response.finish_reasons")).isEqualTo(List.of("end_turn"));
    assertThat(span.endTimeUnixNano()).isGreaterThan(span.startTimeUnixNano());
  }

  static void assertTraceTotals(Trace trace, Message message) {
    long in = message.usage().inputTokens();
    long out = message.usage().outputTokens();
    assertThat(trace.info().tokenUsage().inputTokens()).isEqualTo(in);
    assertThat(trace.info().tokenUsage().outputTokens()).isEqualTo(out);
    assertThat(trace.info().tokenUsage().totalTokens()).isEqualTo(in + out);
  }

  static void assertFailedSpan(Span span, Class<? extends Throwable> type, String message) {
    assertThat(span.status()).isEqualTo(dev.tracelight.tracing.SpanStatusCode.ERROR);
    assertThat(span.statusMessage()).startsWith(type.getSimpleName() + ": ");
    SpanEvent exception = span.events().stream()
        .filter(e -> e.name().equals("exception")).findFirst().orElseThrow();
    assertThat(exception.attributes()).containsEntry("exception.type", type.getName());
    assertThat((String) exception.attributes().get("exception.message")).contains(message);
  }

  /** Nothing anywhere in the trace may contain the API key. */
  static void assertNoSecret(Trace trace) {
    for (Span span : trace.data().spans()) {
      assertThat(span.attributes().toString()).doesNotContain(AnthropicFixtures.API_KEY);
      assertThat(span.events().toString()).doesNotContain(AnthropicFixtures.API_KEY);
    }
    assertThat(trace.info().traceMetadata().toString()).doesNotContain(AnthropicFixtures.API_KEY);
  }
}
