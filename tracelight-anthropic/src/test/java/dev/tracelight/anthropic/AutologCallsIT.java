package dev.tracelight.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.models.beta.messages.BetaMessage;
import dev.tracelight.tracing.Span;
import dev.tracelight.testkit.FakeAnthropicApi;
import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every row of the Anthropic integration through {@code AnthropicTracing.autolog()}. */
class AutologCallsIT implements CallsFixture {
  private static FakeAnthropicApi api;
  private static AnthropicClient client;
  private static AnthropicClientAsync asyncClient;

  @BeforeAll
  static void start() {
    api = FakeAnthropicApi.start();
    client = AnthropicFixtures.client(api);
    asyncClient = AnthropicFixtures.asyncClient(api);
    if (!AnthropicTracing.autolog()) {
      throw new AssertionError("autolog could not be installed");
    }
  }

  @AfterAll
  static void stop() {
    AnthropicTracing.disable();
    api.close();
  }

  @BeforeEach
  void reset() {
    api.reset();
  }

  @Override
  public FakeAnthropicApi api() {
    return api;
  }

  @Override
  public AnthropicClient client() {
    return client;
  }

  @Override
  public AnthropicClientAsync asyncClient() {
    return asyncClient;
  }


  @Nested
  class Messages extends MessagesKit {
    @Override
    CallsFixture fixture() {
      return AutologCallsIT.this;
    }
  }

  @Nested
  class Streaming extends StreamingKit {
    @Override
    CallsFixture fixture() {
      return AutologCallsIT.this;
    }
  }

  @Nested
  class Batches extends BatchesKit {
    @Override
    CallsFixture fixture() {
      return AutologCallsIT.this;
    }
  }

  @Nested
  class Beta extends BetaKit {
    @Override
    CallsFixture fixture() {
      return AutologCallsIT.this;
    }

    /** Only autolog sees the calls the beta tool runner makes on its own service object. */
    @Test
    void betaToolRunner_callsAreTraced() throws Exception {
      Span span = CallsFixture.only(CallsFixture.traceOf(() -> {
        for (BetaMessage message : client.beta().messages().toolRunner(
            com.anthropic.models.beta.messages.MessageCreateParams.builder()
                .model(AnthropicFixtures.MODEL).maxTokens(256).addUserMessage("Hello, runner").build())) {
          assertThat(message.id()).startsWith("msg_");
        }
      }));
      assertThat(span.name()).isEqualTo("Messages.create");
      assertThat(span.attribute("anthropic.beta")).isEqualTo(true);
    }
  }
}
