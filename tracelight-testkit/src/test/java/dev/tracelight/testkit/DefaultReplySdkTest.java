package dev.tracelight.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Usage;
import org.junit.jupiter.api.Test;

/** The unscripted fake, seen through the real SDK's blocking client. */
class DefaultReplySdkTest extends FakeApiTest {

  @Test
  void create_unscripted_echoesLastUserMessageAsValidMessage() {
    Message message = client.messages().create(SdkClients.hello());

    message.validate();
    assertThat(message.id()).startsWith("msg_01").hasSize("msg_01".length() + 22);
    assertThat(message.model().asString()).isEqualTo(SdkClients.MODEL);
    assertThat(message.content()).hasSize(1);
    assertThat(message.content().get(0).asText().text())
        .isEqualTo("Hello! You said: Hello, Claude");
    assertThat(message.stopReason()).contains(StopReason.END_TURN);
    assertThat(message.stopSequence()).isEmpty();
    assertThat(message.container()).isEmpty();
    assertThat(message.stopDetails()).isEmpty();
    // Every field the fake sends is one the SDK knows.
    assertThat(message._additionalProperties()).isEmpty();
    assertThat(message.usage()._additionalProperties()).isEmpty();
  }

  @Test
  void create_unscripted_reportsDeterministicUsage() {
    Usage usage = client.messages().create(SdkClients.hello()).usage();

    // "Hello, Claude" is 13 characters -> 4 tokens; the 30-character reply -> 8 tokens.
    assertThat(usage.inputTokens()).isEqualTo(4);
    assertThat(usage.outputTokens()).isEqualTo(8);
    assertThat(usage.cacheCreationInputTokens()).contains(0L);
    assertThat(usage.cacheReadInputTokens()).contains(0L);
    assertThat(usage.cacheCreation().orElseThrow().ephemeral5mInputTokens()).isZero();
    assertThat(usage.outputTokensDetails().orElseThrow().thinkingTokens()).isZero();
    assertThat(usage.serverToolUse().orElseThrow().webSearchRequests()).isZero();
    assertThat(usage.serviceTier()).contains(Usage.ServiceTier.STANDARD);
    assertThat(usage.speed()).contains(Usage.Speed.STANDARD);
    assertThat(usage.inferenceGeo()).contains("global");
  }

  @Test
  void create_unscripted_cutsReplyAtMaxTokens() {
    MessageCreateParams params = SdkClients.hello().toBuilder().maxTokens(2).build();

    Message message = client.messages().create(params);

    assertThat(message.content().get(0).asText().text()).isEqualTo("Hello! Y");
    assertThat(message.stopReason()).contains(StopReason.MAX_TOKENS);
    assertThat(message.usage().outputTokens()).isEqualTo(2);
  }

  @Test
  void create_recordsTheBodyAndCredentialsTheSdkSent() throws InterruptedException {
    client.messages().create(SdkClients.hello());

    RecordedRequest request = fake.takeRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/messages");
    assertThat(request.json().get("model").asText()).isEqualTo(SdkClients.MODEL);
    assertThat(request.json().get("max_tokens").asLong()).isEqualTo(256);
    assertThat(request.json().at("/messages/0/role").asText()).isEqualTo("user");
    assertThat(request.json().at("/messages/0/content").asText()).isEqualTo("Hello, Claude");
    // SDK 3.14.0 sends the API key as a bearer token, not as x-api-key.
    assertThat(request.header("AUTHORIZATION")).contains("Bearer sk-test");
    assertThat(request.header("anthropic-version")).isPresent();
    assertThat(fake.lastRequest()).isSameAs(request);
  }
}
