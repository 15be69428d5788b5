package dev.tracelight.examples;

import dev.tracelight.testkit.FakeAnthropicApi;
import dev.tracelight.tracing.Tracelight;
import java.time.Duration;

/**
 * {@code ./tracelight demo}: runs the guide's examples against a tracking server (default
 * {@code http://localhost:5000}, or {@code MLFLOW_TRACKING_URI}). Without {@code ANTHROPIC_API_KEY}
 * it talks to the testkit's simulated Claude instead of the real API.
 */
public final class Demo {
  private Demo() {}

  public static void main(String[] args) {
    String trackingUri = System.getenv().getOrDefault("MLFLOW_TRACKING_URI", "http://localhost:5000");
    if (args.length > 0) {
      trackingUri = args[0];
    }
    FakeAnthropicApi fake = null;
    if (System.getenv("ANTHROPIC_API_KEY") == null) {
      fake = FakeAnthropicApi.start();
      // AnthropicOkHttpClient.fromEnv() reads these properties before the environment.
      System.setProperty("anthropic.baseUrl", fake.baseUrl());
      System.setProperty("anthropic.apiKey", "sk-ant-demo");
      System.out.println("No ANTHROPIC_API_KEY: using simulated Claude at " + fake.baseUrl());
    }
    try {
      System.out.println("== Getting Started");
      long failedBefore = Tracelight.exportStats().failed();
      String traceId = GettingStarted.run(trackingUri, System.out);
      boolean exported = Tracelight.flush(Duration.ofSeconds(30))
          && Tracelight.exportStats().failed() == failedBefore;
      System.out.println(exported
          ? "Open " + trackingUri + "/#/traces/" + traceId + " to see the trace in the UI."
          : "The trace could not be exported yet; is the server at " + trackingUri + " running?");
    } finally {
      if (fake != null) {
        fake.close();
      }
    }
  }
}
