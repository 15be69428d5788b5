package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Deterministic stand-in for the tokenizer: one token per started group of four characters of
 * text, at least one. Real tokenizers average roughly four characters per token in English, so
 * the numbers look plausible, and tests can compute them by hand.
 */
final class TokenEstimator {

  static final int CHARS_PER_TOKEN = 4;

  private TokenEstimator() {}

  static long tokens(int characters) {
    return Math.max(1, (characters + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
  }

  /** Input tokens of a request body: the text of {@code system} and of every message. */
  static long inputTokens(JsonNode request) {
    int characters = textLength(request.path("system"));
    for (JsonNode message : request.path("messages")) {
      characters += textLength(message.path("content"));
    }
    return tokens(characters);
  }

  /** Output tokens of generated content: text, thinking and tool-use arguments. */
  static long outputTokens(List<FakeContentBlock> content) {
    return tokens(content.stream().mapToInt(block -> block.generatedText().length()).sum());
  }

  /** Output tokens spent on thinking; zero without thinking blocks. */
  static long thinkingTokens(List<FakeContentBlock> content) {
    int characters =
        content.stream()
            .filter(block -> block.type().equals("thinking"))
            .mapToInt(block -> block.generatedText().length())
            .sum();
    return characters == 0 ? 0 : tokens(characters);
  }

  /**
   * The characters of text in a content value: a plain string, or blocks whose {@code text},
   * {@code thinking}, tool {@code input} or nested tool-result {@code content} count.
   */
  static int textLength(JsonNode content) {
    if (content.isTextual()) {
      return content.asText().length();
    }
    int characters = 0;
    for (JsonNode block : content) {
      characters += block.path("text").asText("").length();
      characters += block.path("thinking").asText("").length();
      if (block.has("input")) {
        characters += Json.text(block.get("input")).length();
      }
      if (block.has("content")) {
        characters += textLength(block.get("content"));
      }
    }
    return characters;
  }
}
