package dev.tracelight.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import dev.tracelight.testkit.FakeAnthropicApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/** Every row of the Anthropic integration through {@code AnthropicTracing.wrap(client)}, with autolog off. */
class WrapCallsIT implements CallsFixture {
  private static FakeAnthropicApi api;
  private static AnthropicClient client;
  private static AnthropicClientAsync asyncClient;

  @BeforeAll
  static void start() {
    api = FakeAnthropicApi.start();
    AnthropicTracing.disable();
    client = AnthropicTracing.wrap(AnthropicFixtures.client(api));
    asyncClient = AnthropicTracing.wrap(AnthropicFixtures.asyncClient(api));
  }

  @AfterAll
  static void stop() {
    AnthropicTracing.disable();
    api.close();
  }

  @BeforeEach
  void reset() {
    AnthropicTracing.disable();
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
      return WrapCallsIT.this;
    }
  }

  @Nested
  class Streaming extends StreamingKit {
    @Override
    CallsFixture fixture() {
      return WrapCallsIT.this;
    }
  }

  @Nested
  class Batches extends BatchesKit {
    @Override
    CallsFixture fixture() {
      return WrapCallsIT.this;
    }
  }

  @Nested
  class Beta extends BetaKit {
    @Override
    CallsFixture fixture() {
      return WrapCallsIT.this;
    }
  }
}
