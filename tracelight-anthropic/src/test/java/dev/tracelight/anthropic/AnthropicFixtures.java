package dev.tracelight.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClientAsync;
import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.MessageCreateParams;
import dev.tracelight.testkit.FakeAnthropicApi;
import dev.tracelight.tracing.Span;
import dev.tracelight.tracing.Trace;
import dev.tracelight.tracing.Tracelight;
import java.util.List;

/** Shared set-up: real SDK clients pointed at the testkit's fake API. */
final class AnthropicFixtures {
  static final String API_KEY = "sk-ant-test-SECRET-0123456789";
  static final String MODEL = "claude-sonnet-4-5-20250929";

  private AnthropicFixtures() {}

  static AnthropicClient client(FakeAnthropicApi api) {
    return AnthropicOkHttpClient.builder()
        .baseUrl(api.baseUrl())
        .apiKey(API_KEY)
        .maxRetries(0)
        .build();
  }

  static AnthropicClientAsync asyncClient(FakeAnthropicApi api) {
    return AnthropicOkHttpClientAsync.builder()
        .baseUrl(api.baseUrl())
        .apiKey(API_KEY)
        .maxRetries(0)
        .build();
  }

  static MessageCreateParams hello() {
    return MessageCreateParams.builder()
        .model(MODEL)
        .maxTokens(512)
        .addUserMessage("Hello, Claude")
        .build();
  }

  static MessageCreateParams withSampling() {
    return hello().toBuilder()
        .putAdditionalBodyProperty("temperature", JsonValue.from(0.3))
        .putAdditionalBodyProperty("top_p", JsonValue.from(0.9))
        .putAdditionalBodyProperty("top_k", JsonValue.from(40))
        .build();
  }

  /** The trace that finished last, which must differ from {@code before}. */
  static Trace newTrace(String before) {
    String id = Tracelight.lastActiveTraceId().orElseThrow();
    if (id.equals(before)) {
      throw new AssertionError("no new trace was recorded");
    }
    return Tracelight.getTrace(id).orElseThrow();
  }

  static String lastTraceId() {
    return Tracelight.lastActiveTraceId().orElse("");
  }

  static Span onlySpan(Trace trace) {
    List<Span> spans = trace.data().spans();
    if (spans.size() != 1) {
      throw new AssertionError("expected one span, got " + spans);
    }
    return spans.get(0);
  }
}
