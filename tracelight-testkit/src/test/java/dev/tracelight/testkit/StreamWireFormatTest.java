package dev.tracelight.testkit;

import static dev.tracelight.testkit.WireFormatTest.fieldNames;
import static dev.tracelight.testkit.WireFormatTest.sdkFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.models.beta.messages.BetaInputJsonDelta;
import com.anthropic.models.beta.messages.BetaMessage;
import com.anthropic.models.beta.messages.BetaMessageDeltaUsage;
import com.anthropic.models.beta.messages.BetaRawContentBlockDeltaEvent;
import com.anthropic.models.beta.messages.BetaRawContentBlockStartEvent;
import com.anthropic.models.beta.messages.BetaRawContentBlockStopEvent;
import com.anthropic.models.beta.messages.BetaRawMessageDeltaEvent;
import com.anthropic.models.beta.messages.BetaRawMessageStartEvent;
import com.anthropic.models.beta.messages.BetaRawMessageStopEvent;
import com.anthropic.models.beta.messages.BetaRedactedThinkingBlock;
import com.anthropic.models.beta.messages.BetaSignatureDelta;
import com.anthropic.models.beta.messages.BetaTextBlock;
import com.anthropic.models.beta.messages.BetaTextDelta;
import com.anthropic.models.beta.messages.BetaThinkingBlock;
import com.anthropic.models.beta.messages.BetaThinkingDelta;
import com.anthropic.models.beta.messages.BetaToolUseBlock;
import com.anthropic.models.beta.messages.BetaUsage;
import com.anthropic.models.messages.InputJsonDelta;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageDeltaUsage;
import com.anthropic.models.messages.RawContentBlockDeltaEvent;
import com.anthropic.models.messages.RawContentBlockStartEvent;
import com.anthropic.models.messages.RawContentBlockStopEvent;
import com.anthropic.models.messages.RawMessageDeltaEvent;
import com.anthropic.models.messages.RawMessageStartEvent;
import com.anthropic.models.messages.RawMessageStopEvent;
import com.anthropic.models.messages.RedactedThinkingBlock;
import com.anthropic.models.messages.SignatureDelta;
import com.anthropic.models.messages.TextBlock;
import com.anthropic.models.messages.TextDelta;
import com.anthropic.models.messages.ThinkingBlock;
import com.anthropic.models.messages.ThinkingDelta;
import com.anthropic.models.messages.ToolUseBlock;
import com.anthropic.models.messages.Usage;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every streamed event writes exactly the fields of the SDK's event model, GA and beta. */
class StreamWireFormatTest {

  private static final Map<String, Class<?>> GA =
      Map.ofEntries(
          Map.entry("message_start", RawMessageStartEvent.class),
          Map.entry("message_start.message", Message.class),
          Map.entry("message_start.message.usage", Usage.class),
          Map.entry("content_block_start", RawContentBlockStartEvent.class),
          Map.entry("text", TextBlock.class),
          Map.entry("thinking", ThinkingBlock.class),
          Map.entry("redacted_thinking", RedactedThinkingBlock.class),
          Map.entry("tool_use", ToolUseBlock.class),
          Map.entry("content_block_delta", RawContentBlockDeltaEvent.class),
          Map.entry("text_delta", TextDelta.class),
          Map.entry("thinking_delta", ThinkingDelta.class),
          Map.entry("signature_delta", SignatureDelta.class),
          Map.entry("input_json_delta", InputJsonDelta.class),
          Map.entry("content_block_stop", RawContentBlockStopEvent.class),
          Map.entry("message_delta", RawMessageDeltaEvent.class),
          Map.entry("message_delta.delta", RawMessageDeltaEvent.Delta.class),
          Map.entry("message_delta.usage", MessageDeltaUsage.class),
          Map.entry("message_stop", RawMessageStopEvent.class));

  private static final Map<String, Class<?>> BETA =
      Map.ofEntries(
          Map.entry("message_start", BetaRawMessageStartEvent.class),
          Map.entry("message_start.message", BetaMessage.class),
          Map.entry("message_start.message.usage", BetaUsage.class),
          Map.entry("content_block_start", BetaRawContentBlockStartEvent.class),
          Map.entry("text", BetaTextBlock.class),
          Map.entry("thinking", BetaThinkingBlock.class),
          Map.entry("redacted_thinking", BetaRedactedThinkingBlock.class),
          Map.entry("tool_use", BetaToolUseBlock.class),
          Map.entry("content_block_delta", BetaRawContentBlockDeltaEvent.class),
          Map.entry("text_delta", BetaTextDelta.class),
          Map.entry("thinking_delta", BetaThinkingDelta.class),
          Map.entry("signature_delta", BetaSignatureDelta.class),
          Map.entry("input_json_delta", BetaInputJsonDelta.class),
          Map.entry("content_block_stop", BetaRawContentBlockStopEvent.class),
          Map.entry("message_delta", BetaRawMessageDeltaEvent.class),
          Map.entry("message_delta.delta", BetaRawMessageDeltaEvent.Delta.class),
          Map.entry("message_delta.usage", BetaMessageDeltaUsage.class),
          Map.entry("message_stop", BetaRawMessageStopEvent.class));

  private FakeAnthropicApi fake;

  @BeforeEach
  void start() {
    fake = FakeAnthropicApi.start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void gaStream_everyEventHasTheSdkModelsFields() throws Exception {
    fake.enqueue(FakeReply.message(StreamFixtures.everyBlockType()));

    HttpResponse<String> response =
        RawHttp.post(fake, "/v1/messages", StreamFixtures.STREAMED_REQUEST);

    assertThat(response.headers().firstValue("content-type"))
        .contains("text/event-stream; charset=utf-8");
    assertThat(response.headers().firstValue("request-id").orElseThrow()).startsWith("req_01");
    assertEveryEventMatches(events(response.body()), GA);
  }

  @Test
  void betaStream_everyEventHasTheSdkBetaModelsFields() throws Exception {
    fake.enqueue(FakeReply.message(StreamFixtures.everyBlockType()));
    Map<String, String> headers = new HashMap<>(RawHttp.SDK_HEADERS);
    headers.put("anthropic-beta", "context-management-2025-06-27");

    HttpResponse<String> response =
        RawHttp.send(fake, "POST", "/v1/messages", headers, StreamFixtures.STREAMED_REQUEST);

    assertEveryEventMatches(events(response.body()), BETA);
  }

  private static void assertEveryEventMatches(
      List<JsonNode> events, Map<String, Class<?>> models) {
    assertThat(events).hasSizeGreaterThan(10);
    for (JsonNode event : events) {
      String type = event.get("type").asText();
      if (type.equals("ping")) {
        assertThat(fieldNames(event)).containsExactly("type");
        continue;
      }
      assertFields(event, models.get(type));
      switch (type) {
        case "message_start":
          assertFields(event.get("message"), models.get("message_start.message"));
          assertFields(event.at("/message/usage"), models.get("message_start.message.usage"));
          break;
        case "content_block_start":
          JsonNode block = event.get("content_block");
          assertFields(block, models.get(block.get("type").asText()));
          break;
        case "content_block_delta":
          JsonNode delta = event.get("delta");
          assertFields(delta, models.get(delta.get("type").asText()));
          break;
        case "message_delta":
          assertFields(event.get("delta"), models.get("message_delta.delta"));
          assertFields(event.get("usage"), models.get("message_delta.usage"));
          break;
        default:
          break;
      }
    }
  }

  private static void assertFields(JsonNode json, Class<?> model) {
    assertThat(model).as("SDK model for %s", json).isNotNull();
    assertThat(fieldNames(json))
        .as("fields of %s", model.getSimpleName())
        .isEqualTo(sdkFields(model));
  }

  /** The data of each event, checking that the event name is the data's type. */
  static List<JsonNode> events(String wire) throws Exception {
    List<JsonNode> events = new ArrayList<>();
    for (String frame : wire.split("\n\n")) {
      String[] lines = frame.split("\n");
      assertThat(lines).hasSize(2);
      assertThat(lines[0]).startsWith("event: ");
      assertThat(lines[1]).startsWith("data: ");
      JsonNode data = Json.MAPPER.readTree(lines[1].substring("data: ".length()));
      assertThat(data.get("type").asText()).isEqualTo(lines[0].substring("event: ".length()));
      events.add(data);
    }
    return events;
  }
}
