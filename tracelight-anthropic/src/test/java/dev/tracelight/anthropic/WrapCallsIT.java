package dev.tracelight.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import dev.tracelight.testkit.FakeAnthropicApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** Every row of the Anthropic integration through {@code AnthropicTracing.wrap(client)}. */
class WrapCallsIT extends AnthropicCallsSuite {

  @BeforeAll
  static void wrap() {
    start(new EntryPoint() {
      @Override
      public AnthropicClient client(FakeAnthropicApi api) {
        return AnthropicTracing.wrap(AnthropicFixtures.client(api));
      }

      @Override
      public AnthropicClientAsync asyncClient(FakeAnthropicApi api) {
        return AnthropicTracing.wrap(AnthropicFixtures.asyncClient(api));
      }
    });
  }

  @BeforeEach
  void autologOff() {
    AnthropicTracing.disable(); // wrap() alone must trace
  }
}
