package dev.tracelight.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.core.ObjectMappers;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.RawContentBlockDelta;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Streamed replies through the real SDK: the accumulated message is the non-streamed one. */
class StreamingSdkTest extends FakeApiTest {

  @Test
  void createStreaming_everyBlockType_accumulatesToTheNonStreamedMessage() throws Exception {
    FakeMessage scripted = StreamFixtures.everyBlockType();
    fake.enqueue(FakeReply.message(scripted), FakeReply.message(scripted));

    Message created = client.messages().create(SdkClients.hello());
    Message accumulated = accumulate(SdkClients.hello());

    accumulated.validate();
    assertThat(json(accumulated)).isEqualTo(json(created));
    assertThat(accumulated.usage().cacheReadInputTokens()).contains(7L);
    assertThat(accumulated.usage().cacheCreationInputTokens()).contains(5L);
    assertThat(accumulated.usage().outputTokens()).isEqualTo(40);
  }

  @Test
  void createStreaming_textWithCitations_sendsCitationsDeltasAndAccumulatesThem()
      throws Exception {
    FakeContentBlock cited =
        FakeContentBlock.ofJson(
            "{\"type\":\"text\",\"text\":\"The grass is green.\",\"citations\":[{"
                + "\"type\":\"char_location\",\"cited_text\":\"The grass is green.\","
                + "\"document_index\":0,\"document_title\":\"Facts\",\"file_id\":null,"
                + "\"start_char_index\":0,\"end_char_index\":19}]}");
    FakeMessage scripted = FakeMessage.builder().setId("msg_01Cited").addContent(cited).build();
    fake.enqueue(FakeReply.message(scripted), FakeReply.message(scripted));

    Message created = client.messages().create(SdkClients.hello());
    List<RawMessageStreamEvent> events = events(SdkClients.hello());
    MessageAccumulator accumulator = MessageAccumulator.create();
    events.forEach(accumulator::accumulate);

    assertThat(events)
        .filteredOn(RawMessageStreamEvent::isContentBlockDelta)
        .filteredOn(event -> event.asContentBlockDelta().delta().isCitations())
        .hasSize(1);
    assertThat(json(accumulator.message())).isEqualTo(json(created));
    assertThat(accumulator.message().content().get(0).asText().citations().orElseThrow())
        .hasSize(1);
  }

  @Test
  void createStreaming_defaultReply_accumulatesTheEcho() throws Exception {
    Message accumulated = accumulate(SdkClients.ask("Tell me a story about a fox"));

    accumulated.validate();
    assertThat(accumulated.content().get(0).asText().text())
        .isEqualTo("Hello! You said: Tell me a story about a fox");
    assertThat(accumulated.usage().outputTokens()).isEqualTo(11); // 44 characters
    assertThat(accumulated.id()).startsWith("msg_01");
  }

  @Test
  void createStreaming_deltas_arriveInChunksOfEachKind() throws Exception {
    fake.enqueue(FakeReply.message(StreamFixtures.everyBlockType()));

    List<RawMessageStreamEvent> events = events(SdkClients.hello());

    List<RawContentBlockDelta> deltas =
        events.stream()
            .filter(RawMessageStreamEvent::isContentBlockDelta)
            .map(event -> event.asContentBlockDelta().delta())
            .collect(Collectors.toList());
    assertThat(deltas.stream().filter(RawContentBlockDelta::isThinking)).hasSizeGreaterThan(1);
    assertThat(deltas.stream().filter(RawContentBlockDelta::isSignature)).hasSize(1);
    assertThat(deltas.stream().filter(RawContentBlockDelta::isText)).hasSizeGreaterThan(1);
    List<String> partialJson =
        deltas.stream()
            .filter(RawContentBlockDelta::isInputJson)
            .map(delta -> delta.asInputJson().partialJson())
            .collect(Collectors.toList());
    assertThat(partialJson).hasSizeGreaterThan(1);
    assertThat(Json.MAPPER.readTree(String.join("", partialJson)))
        .isEqualTo(Json.tree(StreamFixtures.weatherInput()));
    assertThat(events.get(0).isMessageStart()).isTrue();
    assertThat(events.get(0).asMessageStart().message().content()).isEmpty();
    assertThat(events.get(0).asMessageStart().message().usage().outputTokens()).isEqualTo(1);
    assertThat(events.get(events.size() - 2).asMessageDelta().usage().outputTokens())
        .isEqualTo(40);
    assertThat(events.get(events.size() - 1).isMessageStop()).isTrue();
    events.forEach(RawMessageStreamEvent::validate);
  }

  @Test
  void createStreaming_pingsOnTheWire_areDroppedBySdk() throws Exception {
    String wire = RawHttp.post(fake, "/v1/messages", StreamFixtures.STREAMED_REQUEST).body();
    long pingsOnWire = wire.lines().filter(line -> line.equals("event: ping")).count();
    long eventsOnWire = wire.lines().filter(line -> line.startsWith("event: ")).count();

    List<RawMessageStreamEvent> events = events(SdkClients.ask("Hello, Claude"));

    assertThat(pingsOnWire).isEqualTo(2);
    assertThat(wire.lines().filter(line -> line.startsWith("event: ")).skip(1).findFirst())
        .contains("event: ping");
    assertThat(events).hasSize((int) (eventsOnWire - pingsOnWire));
  }

  @Test
  void createStreaming_isRecordedWithStreamFlagAndAcceptHeader() throws Exception {
    events(SdkClients.hello());

    RecordedRequest request = fake.takeRequest();
    assertThat(request.path()).isEqualTo("/v1/messages");
    assertThat(request.json().get("stream").asBoolean()).isTrue();
    assertThat(request.header("accept")).contains("text/event-stream");
  }

  private Message accumulate(com.anthropic.models.messages.MessageCreateParams params) {
    MessageAccumulator accumulator = MessageAccumulator.create();
    try (StreamResponse<RawMessageStreamEvent> stream =
        client.messages().createStreaming(params)) {
      stream.stream().forEach(accumulator::accumulate);
    }
    return accumulator.message();
  }

  private List<RawMessageStreamEvent> events(
      com.anthropic.models.messages.MessageCreateParams params) {
    try (StreamResponse<RawMessageStreamEvent> stream =
        client.messages().createStreaming(params)) {
      return stream.stream().collect(Collectors.toList());
    }
  }

  static JsonNode json(Object sdkValue) throws Exception {
    return Json.MAPPER.readTree(ObjectMappers.jsonMapper().writeValueAsString(sdkValue));
  }
}
