package dev.tracelight.anthropic;

import static dev.tracelight.anthropic.CallsFixture.only;
import static dev.tracelight.anthropic.CallsFixture.traceOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.Base64ImageSource;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.ImageBlockParam;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import dev.tracelight.testkit.FakeMessage;
import dev.tracelight.testkit.FakeReply;
import dev.tracelight.testkit.FakeUsage;
import dev.tracelight.tracing.Span;
import dev.tracelight.tracing.SpanType;
import dev.tracelight.tracing.TokenUsage;
import dev.tracelight.tracing.Trace;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rows of blocking {@code messages().create}: tools, thinking, caching, images. */
abstract class MessagesKit {
  abstract CallsFixture fixture();

  static final Tool WEATHER = Tool.builder()
      .name("get_weather").description("Current weather in a city")
      .inputSchema(Tool.InputSchema.builder()
          .properties(JsonValue.from(Map.of("city", Map.of("type", "string"))))
          .build())
      .build();

  @Test
  @SuppressWarnings("unchecked")
  void create_recordsStopReasonToolCallsToolsAndCacheTokens() throws Exception {
    fixture().api().enqueue(FakeReply.message(FakeMessage.builder()
        .addText("Let me check.")
        .addToolUse("toolu_01", "get_weather", Map.of("city", "Paris"))
        .setStopReason("tool_use")
        .setUsage(FakeUsage.builder().setInputTokens(12).setOutputTokens(30)
            .setCacheCreationInputTokens(5).setCacheReadInputTokens(7).build())
        .build()));

    Trace trace = traceOf(() -> fixture().client().messages().create(
        AnthropicFixtures.hello().toBuilder().addTool(WEATHER).build()));

    Span span = only(trace);
    assertThat(span.name()).isEqualTo("Messages.create");
    assertThat(span.spanType()).isEqualTo(SpanType.CHAT_MODEL);
    assertThat(span.attribute("gen_ai.response.finish_reasons")).isEqualTo(List.of("tool_use"));
    assertThat(span.attribute("anthropic.tool_use")).isEqualTo(List.of("get_weather"));
    List<Map<String, Object>> content = (List<Map<String, Object>>) ((Map<String, Object>) span.outputs()).get("content");
    assertThat(content.get(1)).containsEntry("type", "tool_use").containsEntry("name", "get_weather")
        .containsEntry("input", Map.of("city", "Paris"));
    assertThat(span.attribute("mlflow.chat.tokenUsage")).isEqualTo(Map.of(
        "input_tokens", 12L, "output_tokens", 30L, "total_tokens", 42L,
        "cache_creation_input_tokens", 5L, "cache_read_input_tokens", 7L));
    assertThat(trace.info().tokenUsage()).isEqualTo(TokenUsage.create(12, 30, 5, 7));
    List<Map<String, Object>> tools = (List<Map<String, Object>>) span.attribute("mlflow.chat.tools");
    assertThat(tools).singleElement().satisfies(tool -> {
      assertThat(tool).containsEntry("type", "function");
      Map<String, Object> function = (Map<String, Object>) tool.get("function");
      assertThat(function).containsEntry("name", "get_weather")
          .containsEntry("description", "Current weather in a city");
      assertThat(function.get("parameters").toString()).contains("city");
    });
    AnthropicSpanAssertions.assertNoSecret(trace);
  }

  @Test
  void apiKeyAndAuthorizationHeaders_neverReachTheTrace() throws Exception {
    Trace trace = traceOf(() -> fixture().client()
        .withOptions(b -> b.putHeader("x-api-key", "sk-ant-HEADER-SECRET-1")
            .putHeader("authorization", "Bearer sk-ant-HEADER-SECRET-2"))
        .messages().create(AnthropicFixtures.hello()));

    var request = fixture().api().lastRequest();
    assertThat(request.header("x-api-key")).contains("sk-ant-HEADER-SECRET-1");
    assertThat(request.header("authorization")).contains("Bearer sk-ant-HEADER-SECRET-2");
    String everything = trace.info().toString() + trace.info().traceMetadata() + trace.info().tags()
        + trace.info().requestPreview() + trace.info().responsePreview();
    for (Span span : trace.data().spans()) {
      everything += span.attributes().toString() + span.events();
    }
    assertThat(everything).doesNotContain("HEADER-SECRET").doesNotContain(AnthropicFixtures.API_KEY);
  }

  @Test
  @SuppressWarnings("unchecked")
  void toolResults_areInTheInputs() throws Exception {
    MessageCreateParams params = AnthropicFixtures.hello().toBuilder()
        .addTool(WEATHER)
        .addAssistantMessage("calling get_weather")
        .addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(
            ToolResultBlockParam.builder().toolUseId("toolu_01").content("sunny").build())))
        .build();

    Span span = only(traceOf(() -> fixture().client().messages().create(params)));

    List<Map<String, Object>> messages =
        (List<Map<String, Object>>) ((Map<String, Object>) span.inputs()).get("messages");
    Map<String, Object> toolResult = ((List<Map<String, Object>>) messages.get(2).get("content")).get(0);
    assertThat(toolResult).containsEntry("type", "tool_result")
        .containsEntry("tool_use_id", "toolu_01").containsEntry("content", "sunny");
  }

  @Test
  @SuppressWarnings("unchecked")
  void thinkingBlocks_areKeptWithSignatures() throws Exception {
    fixture().api().enqueue(FakeReply.message(FakeMessage.builder()
        .addThinking("The user greets me.", "sig-abc123")
        .addRedactedThinking("cmVkYWN0ZWQ=")
        .addText("Hello!")
        .build()));

    Span span = only(traceOf(() -> fixture().client().messages().create(
        AnthropicFixtures.hello().toBuilder().enabledThinking(1024).maxTokens(2048).build())));

    List<Map<String, Object>> content = (List<Map<String, Object>>) ((Map<String, Object>) span.outputs()).get("content");
    assertThat(content.get(0)).containsEntry("type", "thinking")
        .containsEntry("thinking", "The user greets me.").containsEntry("signature", "sig-abc123");
    assertThat(content.get(1)).containsEntry("type", "redacted_thinking").containsEntry("data", "cmVkYWN0ZWQ=");
  }

  @Test
  @SuppressWarnings("unchecked")
  void largeImages_arePlaceholders_smallOnesAreKept_andTheRequestIsUntouched() throws Exception {
    byte[] big = new byte[40_000];
    new Random(7).nextBytes(big);
    byte[] small = new byte[300];
    String bigBase64 = Base64.getEncoder().encodeToString(big);
    String smallBase64 = Base64.getEncoder().encodeToString(small);
    MessageCreateParams params = AnthropicFixtures.hello().toBuilder()
        .addUserMessageOfContentBlockParams(List.of(image(bigBase64), image(smallBase64),
            ContentBlockParam.ofText("What is in these pictures?")))
        .build();

    Span span = only(traceOf(() -> fixture().client().messages().create(params)));

    String inputs = span.attributeJson("mlflow.spanInputs");
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(big));
    assertThat(inputs).doesNotContain(bigBase64)
        .contains("[omitted by Tracelight: image/png, 40000 bytes, sha256=" + sha + "]")
        .contains(smallBase64);
    assertThat(fixture().api().lastRequest().body()).contains(bigBase64);
  }

  @Test
  void errors_keepTheirTypeAndRequestId_andReachTheCallerUnchanged() throws Exception {
    fixture().api().enqueue(FakeReply.error(429, "rate_limit_error", "slow down"));
    Trace trace = traceOf(() -> {
      try {
        fixture().client().messages().create(AnthropicFixtures.hello());
      } catch (com.anthropic.errors.RateLimitException expected) {
        assertThat(expected.getMessage()).contains("slow down");
      }
    });
    Span span = only(trace);
    AnthropicSpanAssertions.assertFailedSpan(span, com.anthropic.errors.RateLimitException.class, "slow down");
    assertThat(span.attribute("error.type")).isEqualTo("rate_limit_error");
    assertThat(span.attribute("http.response.status_code")).isEqualTo(429L);
    assertThat((String) span.attribute("anthropic.request_id")).startsWith("req_");
  }

  @Test
  void timeout_isAnErrorSpan() throws Exception {
    fixture().api().enqueue(FakeReply.timeout());
    Trace trace = traceOf(() -> {
      try {
        fixture().client().withOptions(b -> b.timeout(java.time.Duration.ofMillis(300)))
            .messages().create(AnthropicFixtures.hello());
      } catch (com.anthropic.errors.AnthropicIoException expected) {
        // the SDK's timeout surfaces as an I/O exception
      }
    });
    Span span = only(trace);
    assertThat(span.status().name()).isEqualTo("ERROR");
    assertThat(span.events()).extracting(e -> e.name()).contains("exception");
  }

  @Test
  void retries_giveOneSpanPerLogicalCall() throws Exception {
    fixture().api().enqueue(FakeReply.overloaded().withRetryAfter(java.time.Duration.ofMillis(10)),
        FakeReply.error(500, "api_error", "boom").withRetryAfter(java.time.Duration.ofMillis(10)));

    Trace trace = traceOf(() -> fixture().client().withOptions(b -> b.maxRetries(2))
        .messages().create(AnthropicFixtures.hello()));

    assertThat(only(trace).status().name()).isEqualTo("OK");
    assertThat(fixture().api().requestCount()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void rawResponse_andCountTokens_areTraced() throws Exception {
    Trace raw = traceOf(() -> {
      try (var response = fixture().client().messages().withRawResponse().create(AnthropicFixtures.hello())) {
        assertThat(response.parse().id()).startsWith("msg_");
      }
    });
    assertThat(only(raw).name()).isEqualTo("Messages.create");
    assertThat(only(raw).outputs()).isNotNull();

    fixture().api().enqueue(FakeReply.tokenCount(321));
    Span count = only(traceOf(() -> fixture().client().messages().countTokens(
        com.anthropic.models.messages.MessageCountTokensParams.builder()
            .model(AnthropicFixtures.MODEL).addUserMessage("How many tokens?").build())));
    assertThat(count.name()).isEqualTo("Messages.countTokens");
    assertThat(count.attribute("anthropic.count_tokens.input_tokens")).isEqualTo(321L);
    assertThat(count.outputs()).isEqualTo(Map.of("input_tokens", 321L));
  }

  /** Structured outputs: one span, the raw message as outputs. */
  record Weather(String city, int celsius) {}

  @Test
  void structuredOutputs_areTracedAsTheRawMessage() throws Exception {
    fixture().api().enqueue(FakeReply.text("{\"city\":\"Paris\",\"celsius\":21}"));

    Trace trace = traceOf(() -> {
      var message = fixture().client().messages().create(MessageCreateParams.builder()
          .model(AnthropicFixtures.MODEL).maxTokens(256).addUserMessage("Weather in Paris?")
          .outputConfig(Weather.class).build());
      assertThat(message.rawMessage().id()).startsWith("msg_");
    });
    Span span = only(trace);
    assertThat(span.attributeJson("mlflow.spanOutputs")).contains("\\\"celsius\\\":21")
        .doesNotContain("outputType");
  }

  private static ContentBlockParam image(String base64) {
    return ContentBlockParam.ofImage(ImageBlockParam.builder().source(Base64ImageSource.builder()
        .data(base64).mediaType(Base64ImageSource.MediaType.IMAGE_PNG).build()).build());
  }
}
