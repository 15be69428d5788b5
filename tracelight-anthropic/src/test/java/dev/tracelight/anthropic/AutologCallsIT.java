package dev.tracelight.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import dev.tracelight.testkit.FakeAnthropicApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

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

  @Override
  public boolean tracesSdkInternalCalls() {
    return true;
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
  }
}
