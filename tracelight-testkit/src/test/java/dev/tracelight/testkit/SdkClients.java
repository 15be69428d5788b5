package dev.tracelight.testkit;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClientAsync;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.batches.BatchCreateParams;

/** Real SDK clients pointed at a fake, configured the way the testkit's users should. */
final class SdkClients {

  static final String MODEL = "claude-sonnet-4-5";

  private SdkClients() {}

  static AnthropicClient blocking(FakeAnthropicApi fake) {
    return withRetries(fake, 0);
  }

  static AnthropicClient withRetries(FakeAnthropicApi fake, int maxRetries) {
    return AnthropicOkHttpClient.builder()
        .baseUrl(fake.baseUrl())
        .apiKey("sk-test")
        .maxRetries(maxRetries)
        .build();
  }

  static AnthropicClientAsync async(FakeAnthropicApi fake) {
    return AnthropicOkHttpClientAsync.builder()
        .baseUrl(fake.baseUrl())
        .apiKey("sk-test")
        .maxRetries(0)
        .build();
  }

  /** A batch with one request per custom id, each asking "Question <custom id>". */
  static BatchCreateParams batchOf(String... customIds) {
    BatchCreateParams.Builder batch = BatchCreateParams.builder();
    for (String customId : customIds) {
      batch.addRequest(
          BatchCreateParams.Request.builder()
              .customId(customId)
              .params(
                  BatchCreateParams.Request.Params.builder()
                      .model(MODEL)
                      .maxTokens(64)
                      .addUserMessage("Question " + customId)
                      .build())
              .build());
    }
    return batch.build();
  }

  static MessageCreateParams hello() {
    return ask("Hello, Claude");
  }

  static MessageCreateParams ask(String userMessage) {
    return MessageCreateParams.builder()
        .model(MODEL)
        .maxTokens(256)
        .addUserMessage(userMessage)
        .build();
  }
}
