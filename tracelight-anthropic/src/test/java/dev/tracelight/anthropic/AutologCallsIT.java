package dev.tracelight.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.models.beta.messages.BetaMessage;
import dev.tracelight.testkit.FakeAnthropicApi;
import dev.tracelight.tracing.Span;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every row of the Anthropic integration through {@code AnthropicTracing.autolog()}. */
class AutologCallsIT extends AnthropicCallsSuite {

  @BeforeAll
  static void autolog() {
    if (!AnthropicTracing.autolog()) {
      throw new AssertionError("autolog could not be installed");
    }
    start(new EntryPoint() {
      @Override
      public AnthropicClient client(FakeAnthropicApi api) {
        return AnthropicFixtures.client(api);
      }

      @Override
      public AnthropicClientAsync asyncClient(FakeAnthropicApi api) {
        return AnthropicFixtures.asyncClient(api);
      }
    });
  }

  /** Only autolog sees the calls the beta tool runner makes on its own service object. */
  @Test
  void betaToolRunner_callsAreTraced() throws Exception {
    Span span = CallsFixture.only(CallsFixture.traceOf(() -> {
      for (BetaMessage message : client().beta().messages().toolRunner(
          com.anthropic.models.beta.messages.MessageCreateParams.builder()
              .model(AnthropicFixtures.MODEL).maxTokens(256).addUserMessage("Hello, runner").build())) {
        assertThat(message.id()).startsWith("msg_");
      }
    }));
    assertThat(span.name()).isEqualTo("Messages.create");
    assertThat(span.attribute("anthropic.beta")).isEqualTo(true);
  }
}
