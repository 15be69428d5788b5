package dev.tracelight.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelight.testkit.FakeMessage;
import dev.tracelight.testkit.FakeReply;
import dev.tracelight.testkit.RecordedRequest;
import dev.tracelight.tracing.LiveSpan;
import dev.tracelight.tracing.SpanType;
import dev.tracelight.tracing.Tracelight;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The guide's tool-calling agent: ask Claude, run the tool it asks for, send the result back. The
 * fake API plays Claude: it asks for {@code get_weather(city)}, then answers from the tool result.
 */
final class WeatherAgent {
  static final String MODEL = "claude-sonnet-4-5-20250929";

  private WeatherAgent() {}

  /** The fake API's side of the conversation. */
  static FakeReply reply(RecordedRequest request) {
    JsonNode messages = request.json().path("messages");
    JsonNode last = messages.get(messages.size() - 1);
    JsonNode content = last.path("content");
    if (content.isArray() && content.get(0).path("type").asText().equals("tool_result")) {
      String weather = content.get(0).path("content").asText();
      return FakeReply.text("The weather is " + weather);
    }
    String question = content.isArray() ? content.get(0).path("text").asText() : content.asText();
    String city = question.substring(question.lastIndexOf(' ') + 1).replace("?", "");
    return FakeReply.message(FakeMessage.builder()
        .addToolUse("toolu_" + city, "get_weather", Map.of("city", city))
        .setStopReason("tool_use")
        .build());
  }

  static String getWeather(String city) {
    return Tracelight.trace("get_weather", SpanType.TOOL, () -> {
      Tracelight.currentSpan().setInputs(Map.of("city", city));
      return "sunny in " + city;
    });
  }

  /** One agent run: its trace and its answer. */
  static final class Run {
    final String traceId;
    final String answer;

    Run(String traceId, String answer) {
      this.traceId = traceId;
      this.answer = answer;
    }
  }

  /** Blocking agent: one trace, AGENT root with CHAT_MODEL, TOOL, CHAT_MODEL children. */
  static Run run(AnthropicClient client, String city) {
    String[] traceId = new String[1];
    String answer = Tracelight.trace("weather_agent", SpanType.AGENT, () -> {
      traceId[0] = Tracelight.currentSpan().traceId();
      Tracelight.currentSpan().setInputs(Map.of("city", city));
      MessageCreateParams first = question(city);
      Message reply = client.messages().create(first);
      ToolUseBlock toolUse = toolUse(reply);
      String weather = getWeather(city);
      Message last = client.messages().create(withToolResult(first, reply, toolUse, weather));
      return last.content().get(0).asText().text();
    });
    return new Run(traceId[0], answer);
  }

  /**
   * Async agent: the tool call and the second model call run in callbacks on SDK threads; they must
   * still land in this agent's trace.
   */
  static CompletableFuture<Run> runAsync(AnthropicClientAsync client, String city) {
    LiveSpan agent = Tracelight.startDetachedSpan("weather_agent", SpanType.AGENT);
    agent.setInputs(Map.of("city", city));
    try (Scope ignored = agent.makeCurrent()) {
      MessageCreateParams first = question(city);
      return client.messages().create(first)
          .thenCompose(reply -> {
            ToolUseBlock toolUse = toolUse(reply);
            String weather = getWeather(city);
            return client.messages().create(withToolResult(first, reply, toolUse, weather));
          })
          .thenApply(answer -> answer.content().get(0).asText().text())
          .whenComplete((answer, error) -> {
            agent.setOutputs(answer);
            agent.end();
          })
          .thenApply(answer -> new Run(agent.traceId(), answer));
    }
  }

  private static MessageCreateParams question(String city) {
    return MessageCreateParams.builder()
        .model(MODEL)
        .maxTokens(256)
        .addTool(Tool.builder()
            .name("get_weather")
            .description("Current weather in a city")
            .inputSchema(Tool.InputSchema.builder()
                .properties(JsonValue.from(Map.of("city", Map.of("type", "string"))))
                .build())
            .build())
        .addUserMessage("What is the weather in " + city + "?")
        .build();
  }

  private static ToolUseBlock toolUse(Message reply) {
    return reply.content().stream().filter(b -> b.isToolUse()).findFirst().orElseThrow().asToolUse();
  }

  private static MessageCreateParams withToolResult(
      MessageCreateParams first, Message reply, ToolUseBlock toolUse, String weather) {
    return first.toBuilder()
        .addMessage(reply)
        .addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(
            ToolResultBlockParam.builder().toolUseId(toolUse.id()).content(weather).build())))
        .build();
  }
}
