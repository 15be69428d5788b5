package dev.tracelight.anthropic;

import static dev.tracelight.anthropic.AnthropicFixtures.hello;
import static dev.tracelight.anthropic.AnthropicFixtures.lastTraceId;
import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import dev.tracelight.testkit.FakeAnthropicApi;
import dev.tracelight.tracing.Tracelight;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code Tracelight.autolog(...)} switches the Anthropic integration with every other one. */
class GlobalAutologIT {
  private static FakeAnthropicApi api;

  @BeforeAll
  static void start() {
    api = FakeAnthropicApi.start();
  }

  @AfterAll
  static void stop() {
    AnthropicTracing.disable();
    api.close();
  }

  @Test
  void autologOnAndOff_reachesTheAnthropicIntegration() {
    AnthropicClient client = AnthropicFixtures.client(api);

    assertThat(Tracelight.autolog()).isTrue();
    assertThat(AnthropicTracing.isAutologEnabled()).isTrue();
    String before = lastTraceId();
    client.messages().create(hello());
    String traced = lastTraceId();
    assertThat(traced).isNotEqualTo(before);

    assertThat(Tracelight.autolog(false)).isTrue();
    assertThat(AnthropicTracing.isAutologEnabled()).isFalse();
    client.messages().create(hello());
    assertThat(lastTraceId()).isEqualTo(traced);
  }
}
