package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns a request into the message the fake answers: the default echo, and the per-request
 * completion (id, model, usage) of scripted messages. Rendering stays separate
 * ({@link MessageJson}), so a streamed reply can be rendered from the same completed message.
 */
final class MessageReplies {

  static final String ECHO_PREFIX = "Hello! You said: ";
  static final String NO_TEXT = "Hello! Your message had no text I could read.";

  private MessageReplies() {}

  /**
   * The default reply: {@code "Hello! You said: <text of the last user message>"}, cut at
   * {@code max_tokens} (then with stop reason {@code max_tokens}), as a real model would be.
   */
  static FakeMessage echo(JsonNode request) {
    String userText = lastUserText(request);
    String reply = userText.isEmpty() ? NO_TEXT : ECHO_PREFIX + userText;
    long maxTokens = request.path("max_tokens").asLong(Long.MAX_VALUE);
    if (maxTokens > 0 && TokenEstimator.tokens(reply.length()) > maxTokens) {
      // The reply is longer than maxTokens * CHARS_PER_TOKEN, so that product fits in an int.
      int maxCharacters = (int) maxTokens * TokenEstimator.CHARS_PER_TOKEN;
      return FakeMessage.builder()
          .addText(reply.substring(0, maxCharacters))
          .setStopReason("max_tokens")
          .build();
    }
    return FakeMessage.text(reply);
  }

  /** Fills in what the script left open, from the request this message answers. */
  static FakeMessage complete(FakeMessage message, JsonNode request) {
    return complete(message, request, "standard");
  }

  /** Like {@link #complete(FakeMessage, JsonNode)}, estimating usage in {@code serviceTier}. */
  static FakeMessage complete(FakeMessage message, JsonNode request, String serviceTier) {
    FakeMessage.Builder completed = message.toBuilder();
    if (message.id().isEmpty()) {
      completed.setId(Ids.message());
    }
    if (message.model().isEmpty()) {
      completed.setModel(request.path("model").asText("claude-fake"));
    }
    if (message.usage().isEmpty()) {
      completed.setUsage(estimateUsage(message, request, serviceTier));
    }
    return completed.build();
  }

  private static FakeUsage estimateUsage(
      FakeMessage message, JsonNode request, String serviceTier) {
    return FakeUsage.builder()
        .setServiceTier(serviceTier)
        .setInputTokens(TokenEstimator.inputTokens(request))
        .setOutputTokens(TokenEstimator.outputTokens(message.content()))
        .setThinkingTokens(TokenEstimator.thinkingTokens(message.content()))
        .build();
  }

  /** The text of the last {@code user} message: a string, or its text blocks joined by newlines. */
  static String lastUserText(JsonNode request) {
    JsonNode messages = request.path("messages");
    for (int i = messages.size() - 1; i >= 0; i--) {
      JsonNode message = messages.get(i);
      if ("user".equals(message.path("role").asText())) {
        return text(message.path("content"));
      }
    }
    return "";
  }

  private static String text(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode block : content) {
      if ("text".equals(block.path("type").asText())) {
        text.append(text.length() == 0 ? "" : "\n").append(block.path("text").asText());
      }
    }
    return text.toString();
  }
}
