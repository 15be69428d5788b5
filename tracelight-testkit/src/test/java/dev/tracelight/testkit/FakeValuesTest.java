package dev.tracelight.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scripting values reject bad input when they are built, not when the fake replies. */
class FakeValuesTest {

  @Test
  void usage_negativeCount_isRejected() {
    assertThatThrownBy(() -> FakeUsage.builder().setInputTokens(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inputTokens");
  }

  @Test
  void usage_thinkingAboveOutput_isRejected() {
    assertThatThrownBy(
            () -> FakeUsage.builder().setOutputTokens(2).setThinkingTokens(3).build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void toolUse_nonObjectInput_isRejected() {
    assertThatThrownBy(() -> FakeContentBlock.toolUse("toolu_1", "t", List.of(1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON object");
  }

  @Test
  void ofJson_withoutType_isRejected() {
    assertThatThrownBy(() -> FakeContentBlock.ofJson("{\"text\":\"x\"}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeContentBlock.ofJson("{"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void error_nonErrorStatus_isRejected() {
    assertThatThrownBy(() -> FakeReply.error(200, "api_error", "fine"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void error_withoutType_usesTheApiTypeForTheStatus() {
    assertThat(FakeReply.error(529, "busy").error().toJson("req_1").at("/error/type").asText())
        .isEqualTo("overloaded_error");
    assertThat(FakeReply.error(404, "gone").error().toJson("req_1").at("/error/type").asText())
        .isEqualTo("not_found_error");
  }

  @Test
  void message_stopReason_defaultsFromContent() {
    assertThat(FakeMessage.text("hi").stopReason()).isEqualTo("end_turn");
    assertThat(FakeMessage.builder().addToolUse("t", "f", Map.of()).build().stopReason())
        .isEqualTo("tool_use");
  }

  @Test
  void reply_copies_leaveTheOriginalUnchanged() {
    FakeReply original = FakeReply.text("x");

    FakeReply changed = original.delayedBy(Duration.ofMillis(5)).withHeader("Retry-After", "1");

    assertThat(original.delay()).isZero();
    assertThat(original.headers()).isEmpty();
    assertThat(changed.headers()).containsEntry("retry-after", "1");
    assertThatThrownBy(() -> original.delayedBy(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recordedRequest_headersIgnoreCaseAndJsonIsACopy() {
    RecordedRequest request =
        RecordedRequest.create(
            "POST", "/v1/messages", "", Map.of("X-Api-Key", List.of("k")), "{\"a\":1}".getBytes());

    request.json().withObject("/a2");

    assertThat(request.header("x-api-key")).contains("k");
    assertThat(request.headers()).containsKey("X-API-KEY");
    assertThat(request.json().has("a2")).isFalse();
  }

  @Test
  void main_parsesPort() {
    assertThat(FakeAnthropicApiMain.parsePort(new String[0])).isZero();
    assertThat(FakeAnthropicApiMain.parsePort(new String[] {"--port", "8089"})).isEqualTo(8089);
    assertThat(FakeAnthropicApiMain.parsePort(new String[] {"--port=0"})).isZero();
    assertThatThrownBy(() -> FakeAnthropicApiMain.parsePort(new String[] {"--port", "x"}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeAnthropicApiMain.parsePort(new String[] {"--bogus"}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
