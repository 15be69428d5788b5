package dev.tracelight.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.NotFoundException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.Usage;
import org.junit.jupiter.api.Test;

/** Smoke checks: the canned exchange is the size it claims and the real SDK parses all of it. */
class InProcessAnthropicTransportTest {
  private final InProcessAnthropicTransport transport = new InProcessAnthropicTransport();
  private final AnthropicClient client = InProcessAnthropicTransport.newClient(transport);

  @Test
  void create_parsesEveryFieldOfAFiveKilobyteReply() {
    Message message = client.messages().create(CannedExchange.params());

    message.validate(); // every field the SDK declares is present and well typed
    assertThat(message.content().get(0).asText().text()).isEqualTo(CannedExchange.replyText());
    assertUsage(message.usage());
    assertThat(transport.lastRequestBytes()).isBetween(4_500, 5_500);
    assertThat(transport.messageJsonBytes()).isBetween(4_500, 5_500);
  }

  @Test
  void createAsync_completesWithTheSameMessage() {
    Message message = client.async().messages().create(CannedExchange.params()).join();

    message.validate();
    assertThat(message.id()).isEqualTo(CannedExchange.MESSAGE_ID);
  }

  @Test
  void createStreaming_streamsTheSameMessageAsServerSentEvents() {
    MessageAccumulator accumulator = MessageAccumulator.create();
    int events = 0;
    try (StreamResponse<RawMessageStreamEvent> stream =
        client.messages().createStreaming(CannedExchange.params())) {
      for (RawMessageStreamEvent event : stream) {
        accumulator.accumulate(event);
        events++;
      }
    }

    Message message = accumulator.message();
    message.validate();
    assertThat(events).isEqualTo(MessagesStreamBenchmark.EVENTS); // the ping is not an event
    assertThat(message.content().get(0).asText().text()).isEqualTo(CannedExchange.replyText());
    assertUsage(message.usage());
    assertThat(transport.lastRequestBytes()).isBetween(4_500, 5_500);
  }

  @Test
  void otherEndpoints_answerNotFound() {
    assertThatThrownBy(() -> client.models().list()).isInstanceOf(NotFoundException.class);
  }

  private static void assertUsage(Usage usage) {
    assertThat(usage.inputTokens()).isEqualTo(CannedExchange.INPUT_TOKENS);
    assertThat(usage.outputTokens()).isEqualTo(CannedExchange.OUTPUT_TOKENS);
    assertThat(usage.cacheReadInputTokens()).contains(CannedExchange.CACHE_READ_INPUT_TOKENS);
    assertThat(usage.cacheCreationInputTokens())
        .contains(CannedExchange.CACHE_CREATION_INPUT_TOKENS);
  }
}
