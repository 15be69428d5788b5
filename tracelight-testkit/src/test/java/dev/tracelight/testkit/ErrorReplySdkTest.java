package dev.tracelight.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.ObjectMappers;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.InternalServerException;
import com.anthropic.errors.OverloadedException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.models.ErrorType;
import com.anthropic.models.messages.Message;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Scripted API errors, seen through the real SDK's exception mapping and retry loop. */
class ErrorReplySdkTest extends FakeApiTest {

  @Test
  void create_scripted400_throwsBadRequestWithMessageAndRequestId() throws Exception {
    fake.enqueue(FakeReply.error(400, "invalid_request_error", "max_tokens: too large"));

    BadRequestException error = catchCreate(BadRequestException.class);

    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.apiMessage()).contains("max_tokens: too large");
    assertThat(error.type()).contains(ErrorType.INVALID_REQUEST_ERROR);
    assertThat(error.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("req_01"));
    // The body repeats the request-id header, as the real API's error bodies do.
    String rawBody = ObjectMappers.jsonMapper().writeValueAsString(error.body());
    JsonNode body = Json.MAPPER.readTree(rawBody);
    assertThat(body.get("type").asText()).isEqualTo("error");
    assertThat(body.get("request_id").asText()).isEqualTo(error.requestId().orElseThrow());
  }

  @Test
  void create_scripted429_throwsRateLimit() {
    fake.enqueue(FakeReply.rateLimited());

    RateLimitException error = catchCreate(RateLimitException.class);

    assertThat(error.type()).contains(ErrorType.RATE_LIMIT_ERROR);
  }

  @Test
  void create_scripted500_throwsInternalServerError() {
    fake.enqueue(FakeReply.error(500, "api_error", "Internal server error"));

    InternalServerException error = catchCreate(InternalServerException.class);

    assertThat(error.statusCode()).isEqualTo(500);
    assertThat(error.type()).contains(ErrorType.API_ERROR);
  }

  @Test
  void create_scripted529_throwsOverloaded() {
    fake.enqueue(FakeReply.overloaded());

    OverloadedException error = catchCreate(OverloadedException.class);

    assertThat(error.statusCode()).isEqualTo(529);
    assertThat(error.type()).contains(ErrorType.OVERLOADED_ERROR);
  }

  @Test
  void create_withRetries_consumesScriptedErrorsThenSucceeds() {
    fake.enqueue(
        FakeReply.overloaded().withHeader("retry-after-ms", "1"),
        FakeReply.rateLimited().withHeader("retry-after-ms", "1"),
        FakeReply.text("third time lucky"));

    AnthropicClient retrying = SdkClients.withRetries(fake, 2);
    Message message;
    try {
      message = retrying.messages().create(SdkClients.hello());
    } finally {
      retrying.close();
    }

    assertThat(message.content().get(0).asText().text()).isEqualTo("third time lucky");
    assertThat(fake.requests()).hasSize(3);
    assertThat(fake.requests())
        .extracting(request -> request.header("x-stainless-retry-count").orElseThrow())
        .containsExactly("0", "1", "2");
  }

  @Test
  void create_shouldRetryFalse_isNotRetried() {
    fake.enqueue(
        FakeReply.overloaded().withHeader("x-should-retry", "false"), FakeReply.text("unused"));

    AnthropicClient retrying = SdkClients.withRetries(fake, 2);
    try {
      catchThrowableOfType(
          OverloadedException.class, () -> retrying.messages().create(SdkClients.hello()));
    } finally {
      retrying.close();
    }

    assertThat(fake.requests()).hasSize(1);
    assertThat(fake.pendingReplies()).isEqualTo(1);
  }

  @Test
  void create_responderThrows_failsWith500NamingTheCause() {
    fake.responder(request -> {
      throw new IllegalStateException("boom");
    });

    InternalServerException error = catchCreate(InternalServerException.class);

    assertThat(error.apiMessage().orElseThrow()).contains("responder failed").contains("boom");
  }

  private <T extends AnthropicServiceException> T catchCreate(Class<T> type) {
    return catchThrowableOfType(type, () -> client.messages().create(SdkClients.hello()));
  }
}
