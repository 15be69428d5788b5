package dev.tracelight.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.ToolUseBlock;
import com.anthropic.models.messages.Usage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scripted messages, seen through the real SDK: each block parses into its typed variant. */
class ScriptedReplySdkTest extends FakeApiTest {

  @Test
  void create_scriptedThinkingAndToolUse_parsesTypedBlocks() {
    fake.enqueue(
        FakeReply.message(
            FakeMessage.builder()
                .addThinking("The user wants the weather in Paris.", "sig_abc")
                .addText("Let me check.")
                .addToolUse("toolu_01A", "get_weather", Map.of("city", "Paris"))
                .build()));

    Message message = client.messages().create(SdkClients.hello());

    message.validate();
    assertThat(message.content())
        .extracting(ContentBlock::isThinking, ContentBlock::isText, ContentBlock::isToolUse)
        .containsExactly(
            tuple(true, false, false), tuple(false, true, false), tuple(false, false, true));
    assertThat(message.content().get(0).asThinking().thinking())
        .isEqualTo("The user wants the weather in Paris.");
    assertThat(message.content().get(0).asThinking().signature()).isEqualTo("sig_abc");
    assertThat(message.content().get(1).asText().text()).isEqualTo("Let me check.");
    ToolUseBlock toolUse = message.content().get(2).asToolUse();
    assertThat(toolUse.id()).isEqualTo("toolu_01A");
    assertThat(toolUse.name()).isEqualTo("get_weather");
    assertThat(toolUse._input()).isEqualTo(JsonValue.from(Map.of("city", "Paris")));
    assertThat(toolUse.caller().isDirect()).isTrue();
    assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
    assertThat(message.usage().outputTokensDetails().orElseThrow().thinkingTokens())
        .isEqualTo(9); // 36 characters of thinking
  }

  @Test
  void create_scriptedCacheUsage_reportsCacheTokens() {
    FakeUsage usage =
        FakeUsage.builder()
            .setInputTokens(12)
            .setOutputTokens(34)
            .setCacheCreationInputTokens(5)
            .setCacheReadInputTokens(7)
            .build();
    fake.enqueue(
        FakeReply.message(FakeMessage.builder().addText("cached").setUsage(usage).build()));

    Usage parsed = client.messages().create(SdkClients.hello()).usage();

    assertThat(parsed.inputTokens()).isEqualTo(12);
    assertThat(parsed.outputTokens()).isEqualTo(34);
    assertThat(parsed.cacheCreationInputTokens()).contains(5L);
    assertThat(parsed.cacheReadInputTokens()).contains(7L);
    assertThat(parsed.cacheCreation().orElseThrow().ephemeral5mInputTokens()).isEqualTo(5);
  }

  @Test
  void create_scriptedIdModelAndStopSequence_areReturnedAsScripted() {
    fake.enqueue(
        FakeReply.message(
            FakeMessage.builder()
                .setId("msg_fixed")
                .setModel("claude-opus-4-1")
                .addText("one, two")
                .setStopSequence("three")
                .build()));

    Message message = client.messages().create(SdkClients.hello());

    assertThat(message.id()).isEqualTo("msg_fixed");
    assertThat(message.model().asString()).isEqualTo("claude-opus-4-1");
    assertThat(message.stopReason()).contains(StopReason.STOP_SEQUENCE);
    assertThat(message.stopSequence()).contains("three");
  }

  @Test
  void create_queueThenDefault_consumesRepliesInOrder() {
    fake.enqueue(FakeReply.text("first"), FakeReply.text("second"));

    assertThat(text(client.messages().create(SdkClients.hello()))).isEqualTo("first");
    assertThat(text(client.messages().create(SdkClients.hello()))).isEqualTo("second");
    assertThat(text(client.messages().create(SdkClients.hello())))
        .isEqualTo("Hello! You said: Hello, Claude");
    assertThat(fake.pendingReplies()).isZero();
  }

  @Test
  void create_responder_answersFromTheRequest() {
    fake.responder(
        request ->
            request.json().at("/messages/0/content").asText().contains("weather")
                ? FakeReply.text("Sunny.")
                : FakeReply.defaultReply());

    String weather = text(client.messages().create(SdkClients.ask("How is the weather?")));
    String other = text(client.messages().create(SdkClients.hello()));

    assertThat(weather).isEqualTo("Sunny.");
    assertThat(other).isEqualTo("Hello! You said: Hello, Claude");
  }

  @Test
  void create_afterReset_forgetsScriptAndRecordings() {
    fake.enqueue(FakeReply.text("scripted"));
    fake.responder(request -> FakeReply.text("responder"));
    client.messages().create(SdkClients.hello());
    fake.enqueue(FakeReply.text("left over"));

    fake.reset();

    assertThat(fake.requests()).isEmpty();
    assertThat(fake.pendingReplies()).isZero();
    assertThat(text(client.messages().create(SdkClients.hello())))
        .isEqualTo("Hello! You said: Hello, Claude");
  }

  private static String text(Message message) {
    return message.content().get(0).asText().text();
  }
}
