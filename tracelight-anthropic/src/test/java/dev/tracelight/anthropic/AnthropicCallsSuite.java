package dev.tracelight.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import dev.tracelight.testkit.FakeAnthropicApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/**
 * Every per-row kit against one way of tracing; {@link AutologCallsIT} and {@link WrapCallsIT} say
 * which, so both entry points run the very same tests.
 */
abstract class AnthropicCallsSuite implements CallsFixture {
  private static FakeAnthropicApi api;
  private static AnthropicClient client;
  private static AnthropicClientAsync asyncClient;

  /** Turns the entry point on for a whole suite and returns traced clients of the fake API. */
  interface EntryPoint {
    AnthropicClient client(FakeAnthropicApi api);

    AnthropicClientAsync asyncClient(FakeAnthropicApi api);
  }

  static void start(EntryPoint entryPoint) {
    api = FakeAnthropicApi.start();
    client = entryPoint.client(api);
    asyncClient = entryPoint.asyncClient(api);
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
      return AnthropicCallsSuite.this;
    }
  }

  @Nested
  class Streaming extends StreamingKit {
    @Override
    CallsFixture fixture() {
      return AnthropicCallsSuite.this;
    }
  }

  @Nested
  class Batches extends BatchesKit {
    @Override
    CallsFixture fixture() {
      return AnthropicCallsSuite.this;
    }
  }

  @Nested
  class Beta extends BetaKit {
    @Override
    CallsFixture fixture() {
      return AnthropicCallsSuite.this;
    }
  }
}
