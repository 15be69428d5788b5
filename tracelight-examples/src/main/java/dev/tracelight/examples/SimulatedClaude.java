package dev.tracelight.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelight.testkit.FakeContentBlock;
import dev.tracelight.testkit.FakeMessage;
import dev.tracelight.testkit.FakeReply;
import dev.tracelight.testkit.RecordedRequest;
import dev.tracelight.tracing.Nullable;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's stand-in for Claude, installed on the testkit's fake Anthropic API with
 * {@code fake.responder(new SimulatedClaude())} when no {@code ANTHROPIC_API_KEY} is set.
 *
 * <p>It plays Claude for the guide's tool-calling agent: asked "What's the weather like in Tokyo
 * today?" with the {@code get_weather} tool offered, it answers with a {@code tool_use} of
 * {@code get_weather} for {@code {"city": "Tokyo"}}; sent the {@code tool_result}, it answers in
 * words from that result. Every other request gets the fake's default echo
 * ({@code "Hello! You said: ..."}), and a streamed one gets it at a readable pace, so the demo
 * shows the text arriving.
 */
public final class SimulatedClaude implements Function<RecordedRequest, FakeReply> {
  /** The tool the guide's agent offers. */
  static final String GET_WEATHER = "get_weather";

  /** The pause before each streamed event: slow enough to watch, fast enough not to wait. */
  static final Duration STREAM_EVENT_DELAY = Duration.ofMillis(25);

  /** A capitalized place name after "in": "in Tokyo today?", "in New York?". */
  private static final Pattern CITY =
      Pattern.compile("\\bin\\s+(\\p{Lu}[\\p{L}'.-]*(?:\\s+\\p{Lu}[\\p{L}'.-]*)*)");

  @Override
  public FakeReply apply(RecordedRequest request) {
    JsonNode body = request.json();
    if (!request.path().equals("/v1/messages") || !offersGetWeather(body)) {
      return body.path("stream").asBoolean(false)
          ? FakeReply.defaultReply().withEventDelay(STREAM_EVENT_DELAY)
          : FakeReply.defaultReply();
    }
    JsonNode messages = body.path("messages");
    JsonNode last = messages.get(messages.size() - 1);
    JsonNode toolResult = firstBlock(last.path("content"), "tool_result");
    if (toolResult != null) {
      return FakeReply.text(answer(cityOfToolUse(messages, toolResult.path("tool_use_id").asText()),
          text(toolResult.path("content"))));
    }
    Matcher city = CITY.matcher(text(last.path("content")));
    if (!city.find()) {
      return FakeReply.text("Which city would you like the weather for?");
    }
    return FakeReply.message(FakeMessage.builder()
        .addText("I'll check the current weather in " + city.group(1) + ".")
        .addContent(FakeContentBlock.toolUse(GET_WEATHER, Map.of("city", city.group(1))))
        .setStopReason("tool_use")
        .build());
  }

  /** Claude's final answer, from what {@code get_weather} returned. */
  static String answer(String city, String weather) {
    if (weather.isBlank() || weather.equalsIgnoreCase("unknown")) {
      return "I couldn't find the current weather for " + city + ": the weather tool has no data"
          + " for it.";
    }
    return "The weather in " + city + " is " + weather + " today.";
  }

  private static boolean offersGetWeather(JsonNode body) {
    for (JsonNode tool : body.path("tools")) {
      if (GET_WEATHER.equals(tool.path("name").asText())) {
        return true;
      }
    }
    return false;
  }

  /** The city of the assistant's tool_use that a tool_result answers. */
  private static String cityOfToolUse(JsonNode messages, String toolUseId) {
    for (JsonNode message : messages) {
      for (JsonNode block : message.path("content")) {
        if ("tool_use".equals(block.path("type").asText())
            && toolUseId.equals(block.path("id").asText())) {
          return block.path("input").path("city").asText("that city");
        }
      }
    }
    return "that city";
  }

  @Nullable
  private static JsonNode firstBlock(JsonNode content, String type) {
    for (JsonNode block : content) {
      if (type.equals(block.path("type").asText())) {
        return block;
      }
    }
    return null;
  }

  /** A content value's text: a string, or its text blocks joined. */
  private static String text(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode block : content) {
      if ("text".equals(block.path("type").asText())) {
        text.append(block.path("text").asText());
      }
    }
    return text.toString();
  }
}
