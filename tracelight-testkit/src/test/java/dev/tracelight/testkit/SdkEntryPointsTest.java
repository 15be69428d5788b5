package dev.tracelight.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.BadRequestException;
import com.anthropic.models.beta.AnthropicBeta;
import com.anthropic.models.beta.messages.BetaMessage;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageTokensCount;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDK's other ways in: async, count_tokens, beta, fromEnv and timeouts. */
class SdkEntryPointsTest {

  private FakeAnthropicApi fake;

  @BeforeEach
  void start() {
    fake = FakeAnthropicApi.start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void asyncClient_create_completesWithScriptedMessage() {
    fake.enqueue(FakeReply.text("async hello"));
    AnthropicClientAsync client = SdkClients.async(fake);
    try {
      CompletableFuture<Message> future = client.messages().create(SdkClients.hello());

      assertThat(future.join().content().get(0).asText().text()).isEqualTo("async hello");
    } finally {
      client.close();
    }
  }

  @Test
  void asyncClient_scriptedError_failsTheFuture() {
    fake.enqueue(FakeReply.error(400, "bad"));
    AnthropicClientAsync client = SdkClients.async(fake);
    try {
      Throwable failure = catchThrowable(() -> client.messages().create(SdkClients.hello()).join());

      assertThat(failure).isInstanceOf(CompletionException.class);
      assertThat(failure.getCause()).isInstanceOf(BadRequestException.class);
    } finally {
      client.close();
    }
  }

  @Test
  void countTokens_unscripted_answersTheInputEstimate() {
    AnthropicClient client = SdkClients.blocking(fake);
    try {
      MessageCountTokensParams params =
          MessageCountTokensParams.builder()
              .model(SdkClients.MODEL)
              .system("Be brief.") // 9 characters
              .addUserMessage("Hello, Claude") // 13 characters
              .build();

      MessageTokensCount count = client.messages().countTokens(params);

      assertThat(count.inputTokens()).isEqualTo(6);
      assertThat(fake.lastRequest().path()).isEqualTo("/v1/messages/count_tokens");
    } finally {
      client.close();
    }
  }

  @Test
  void betaClient_create_parsesBetaMessage() {
    AnthropicClient client = SdkClients.blocking(fake);
    try {
      BetaMessage message =
          client.beta().messages().create(
              com.anthropic.models.beta.messages.MessageCreateParams.builder()
                  .model(SdkClients.MODEL)
                  .maxTokens(64)
                  .addUserMessage("Hello, beta")
                  .addBeta(AnthropicBeta.OUTPUT_128K_2025_02_19)
                  .build());

      message.validate();
      assertThat(message.content().get(0).asText().text())
          .isEqualTo("Hello! You said: Hello, beta");
      assertThat(message.contextManagement()).isEmpty();
      assertThat(message._additionalProperties()).isEmpty();
      assertThat(fake.lastRequest().header("anthropic-beta")).contains("output-128k-2025-02-19");
    } finally {
      client.close();
    }
  }

  @Test
  void fromEnv_withSystemProperties_reachesTheFake() {
    // The SDK reads the system properties before ANTHROPIC_BASE_URL / ANTHROPIC_API_KEY.
    System.setProperty("anthropic.baseUrl", fake.baseUrl());
    System.setProperty("anthropic.apiKey", "sk-from-env");
    AnthropicClient client;
    try {
      client = AnthropicOkHttpClient.builder().fromEnv().maxRetries(0).build();
    } finally {
      System.clearProperty("anthropic.baseUrl");
      System.clearProperty("anthropic.apiKey");
    }
    try {
      client.messages().create(SdkClients.hello());

      assertThat(fake.lastRequest().header("authorization")).contains("Bearer sk-from-env");
    } finally {
      client.close();
    }
  }

  @Test
  void delayedReply_longerThanClientTimeout_timesOut() {
    fake.enqueue(FakeReply.text("too late").delayedBy(Duration.ofSeconds(2)));
    AnthropicClient client =
        AnthropicOkHttpClient.builder()
            .baseUrl(fake.baseUrl())
            .apiKey("sk-test")
            .maxRetries(0)
            .timeout(Duration.ofMillis(300))
            .build();
    try {
      Throwable failure = catchThrowable(() -> client.messages().create(SdkClients.hello()));

      assertThat(failure).isInstanceOf(AnthropicIoException.class);
    } finally {
      client.close();
    }
  }
}
