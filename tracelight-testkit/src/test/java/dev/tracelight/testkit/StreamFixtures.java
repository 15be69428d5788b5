package dev.tracelight.testkit;

import java.util.List;
import java.util.Map;

/** Scripted messages that exercise every way a block is streamed. */
final class StreamFixtures {

  static final String RAW_REQUEST =
      "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello, Claude\"}]}";

  static final String STREAMED_REQUEST =
      RAW_REQUEST.substring(0, RAW_REQUEST.length() - 1) + ",\"stream\":true}";

  private StreamFixtures() {}

  static Map<String, Object> weatherInput() {
    return Map.of("city", "Paris", "days", 3, "units", List.of("metric"));
  }

  /**
   * Thinking (several deltas, then a signature), redacted thinking (start only), text (several
   * deltas, one non-BMP character across a chunk edge), tool_use (partial JSON) and cache usage.
   */
  static FakeMessage everyBlockType() {
    return FakeMessage.builder()
        .setId("msg_01StreamedAndNot")
        .addThinking("The user wants the weather in Paris, so I call the tool.", "sig_EqQBCkgIARAB")
        .addRedactedThinking("EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIw")
        .addText("Let me check the weather for you \uD83C\uDF24 right away.")
        .addToolUse("toolu_01A", "get_weather", weatherInput())
        .setUsage(
            FakeUsage.builder()
                .setInputTokens(12)
                .setOutputTokens(40)
                .setThinkingTokens(14)
                .setCacheCreationInputTokens(5)
                .setCacheReadInputTokens(7)
                .build())
        .build();
  }
}
