package dev.tracelight.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClientAsync;
import com.anthropic.core.ObjectMappers;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.ContentTooLargeException;
import com.anthropic.errors.InternalServerException;
import com.anthropic.errors.NotFoundException;
import com.anthropic.errors.OverloadedException;
import com.anthropic.errors.PermissionDeniedException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every documented error status with the real body and headers, and client timeouts. */
class ErrorShapesSdkTest extends FakeApiTest {

  private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(300);

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(401, "authentication_error", UnauthorizedException.class),
        Arguments.of(403, "permission_error", PermissionDeniedException.class),
        Arguments.of(404, "not_found_error", NotFoundException.class),
        Arguments.of(413, "request_too_large", ContentTooLargeException.class),
        Arguments.of(429, "rate_limit_error", RateLimitException.class),
        Arguments.of(500, "api_error", InternalServerException.class),
        Arguments.of(529, "overloaded_error", OverloadedException.class));
  }

  @ParameterizedTest
  @MethodSource("statuses")
  void error_hasTheRealBodyAndRequestId(
      int status, String type, Class<? extends AnthropicServiceException> exception)
      throws Exception {
    fake.enqueue(FakeReply.error(status, "scripted " + status));

    Throwable failure = catchThrowable(() -> client.messages().create(SdkClients.hello()));

    assertThat(failure).isInstanceOf(exception);
    AnthropicServiceException error = (AnthropicServiceException) failure;
    assertThat(error.statusCode()).isEqualTo(status);
    assertThat(error.type().orElseThrow().asString()).isEqualTo(type);
    assertThat(error.apiMessage()).contains("scripted " + status);
    String requestId = error.requestId().orElseThrow();
    assertThat(requestId).startsWith("req_01");
    assertThat(error.headers().values("content-type")).containsExactly("application/json");
    JsonNode body =
        Json.MAPPER.readTree(ObjectMappers.jsonMapper().writeValueAsString(error.body()));
    assertThat(WireFormatTest.fieldNames(body)).containsExactly("error", "request_id", "type");
    assertThat(WireFormatTest.fieldNames(body.get("error"))).containsExactly("message", "type");
    assertThat(body.get("request_id").asText()).isEqualTo(requestId);
  }

  @Test
  void retryAfter_onRateLimitAndOverload_isSentAsScripted() {
    fake.enqueue(
        FakeReply.rateLimited().withRetryAfter(Duration.ofMillis(1500)),
        FakeReply.overloaded().withRetryAfter(Duration.ofSeconds(20)));

    RateLimitException rateLimited =
        (RateLimitException) catchThrowable(() -> client.messages().create(SdkClients.hello()));
    OverloadedException overloaded =
        (OverloadedException) catchThrowable(() -> client.messages().create(SdkClients.hello()));

    assertThat(rateLimited.headers().values("retry-after")).containsExactly("2");
    assertThat(rateLimited.headers().values("retry-after-ms")).containsExactly("1500");
    assertThat(overloaded.headers().values("retry-after")).containsExactly("20");
  }

  @Test
  void retryAfter_isHonouredByTheRetryLoop() {
    fake.enqueue(
        FakeReply.overloaded().withRetryAfter(Duration.ofMillis(300)), FakeReply.text("after"));
    AnthropicClient retrying = SdkClients.withRetries(fake, 1);
    long started = System.nanoTime();
    try {
      retrying.messages().create(SdkClients.hello());
    } finally {
      retrying.close();
    }

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(fake.requests()).hasSize(2);
  }

  @Test
  void timeout_blockingCreate_throwsAnthropicIoExceptionCausedByInterruptedIo() {
    fake.enqueue(FakeReply.timeout());
    AnthropicClient impatient = withTimeout();
    try {
      Throwable failure = catchThrowable(() -> impatient.messages().create(SdkClients.hello()));

      assertThat(failure).isInstanceOf(AnthropicIoException.class).hasMessage("Request failed");
      assertThat(failure.getCause())
          .isInstanceOf(InterruptedIOException.class)
          .hasMessage("timeout");
      assertThat(fake.requests()).hasSize(1);
    } finally {
      impatient.close();
    }
  }

  @Test
  void timeout_asyncCreate_failsTheFutureWithAnthropicIoException() {
    fake.enqueue(FakeReply.timeout());
    AnthropicClientAsync impatient =
        AnthropicOkHttpClientAsync.builder()
            .baseUrl(fake.baseUrl())
            .apiKey("sk-test")
            .maxRetries(0)
            .timeout(CLIENT_TIMEOUT)
            .build();
    try {
      Throwable failure =
          catchThrowable(() -> impatient.messages().create(SdkClients.hello()).join());

      assertThat(failure).isInstanceOf(CompletionException.class);
      assertThat(failure.getCause()).isInstanceOf(AnthropicIoException.class);
    } finally {
      impatient.close();
    }
  }

  @Test
  void timeout_midStream_failsIterationWithAnthropicIoException() {
    fake.enqueue(FakeReply.defaultReply().withEventDelay(Duration.ofMillis(100)));
    AnthropicClient impatient = withTimeout();
    try (StreamResponse<RawMessageStreamEvent> stream =
        impatient.messages().createStreaming(SdkClients.hello())) {
      Throwable failure = catchThrowable(() -> stream.stream().count());

      assertThat(failure).isInstanceOf(AnthropicIoException.class).hasMessage("Stream failed");
    } finally {
      impatient.close();
    }
  }

  private AnthropicClient withTimeout() {
    return AnthropicOkHttpClient.builder()
        .baseUrl(fake.baseUrl())
        .apiKey("sk-test")
        .maxRetries(0)
        .timeout(CLIENT_TIMEOUT)
        .build();
  }
}
