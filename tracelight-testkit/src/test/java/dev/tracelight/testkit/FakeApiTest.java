package dev.tracelight.testkit;

import com.anthropic.client.AnthropicClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh fake API and a real blocking SDK client pointed at it, for each test. */
abstract class FakeApiTest {
  FakeAnthropicApi fake;
  AnthropicClient client;

  @BeforeEach
  void startFakeAndClient() {
    fake = FakeAnthropicApi.start();
    client = SdkClients.blocking(fake);
  }

  @AfterEach
  void stopFakeAndClient() {
    client.close();
    fake.close();
  }
}
