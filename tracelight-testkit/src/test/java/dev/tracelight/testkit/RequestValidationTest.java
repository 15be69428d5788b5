package dev.tracelight.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests the real API rejects get the real API's errors, whatever is scripted. */
class RequestValidationTest {

  private static final String VALID =
      "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":16,"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

  private FakeAnthropicApi fake;

  @BeforeEach
  void start() {
    fake = FakeAnthropicApi.start();
    fake.enqueue(FakeReply.text("scripted for a valid request only"));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void post_withoutCredentials_is401AuthenticationError() throws Exception {
    Map<String, String> headers =
        Map.of("anthropic-version", "2023-06-01", "content-type", "application/json");

    HttpResponse<String> response = RawHttp.send(fake, "POST", "/v1/messages", headers, VALID);

    assertError(response, 401, "authentication_error", "x-api-key header is required");
  }

  @Test
  void post_withXApiKey_isAccepted() throws Exception {
    Map<String, String> headers =
        Map.of("x-api-key", "sk-test", "anthropic-version", "2023-06-01");

    HttpResponse<String> response = RawHttp.send(fake, "POST", "/v1/messages", headers, VALID);

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void post_withoutAnthropicVersion_is400() throws Exception {
    Map<String, String> headers = Map.of("x-api-key", "sk-test");

    HttpResponse<String> response = RawHttp.send(fake, "POST", "/v1/messages", headers, VALID);

    assertError(response, 400, "invalid_request_error", "anthropic-version: header is required");
  }

  @Test
  void post_malformedJson_is400() throws Exception {
    HttpResponse<String> response = RawHttp.post(fake, "/v1/messages", "{\"model\": ");

    assertError(response, 400, "invalid_request_error", "There was an error parsing the body");
    assertThat(fake.lastRequest().body()).isEqualTo("{\"model\": ");
  }

  @Test
  void post_missingFields_is400NamingTheField() throws Exception {
    assertError(
        RawHttp.post(fake, "/v1/messages", "{\"max_tokens\":1,\"messages\":[]}"),
        400, "invalid_request_error", "model: Field required");
    assertError(
        RawHttp.post(fake, "/v1/messages", "{\"model\":\"m\",\"messages\":[]}"),
        400, "invalid_request_error", "max_tokens: Field required");
    assertError(
        RawHttp.post(fake, "/v1/messages", "{\"model\":\"m\",\"max_tokens\":1}"),
        400, "invalid_request_error", "messages: Field required");
    assertError(
        RawHttp.post(
            fake, "/v1/messages", "{\"model\":\"m\",\"max_tokens\":\"x\",\"messages\":[]}"),
        400, "invalid_request_error", "max_tokens: Input should be a valid integer");
  }

  @Test
  void post_unknownPath_is404NotFound() throws Exception {
    HttpResponse<String> response = RawHttp.post(fake, "/v1/complete", VALID);

    assertError(response, 404, "not_found_error", "Not Found");
    assertThat(fake.lastRequest().path()).isEqualTo("/v1/complete");
  }

  @Test
  void get_messages_is405() throws Exception {
    HttpResponse<String> response =
        RawHttp.send(fake, "GET", "/v1/messages", RawHttp.SDK_HEADERS, "");

    assertThat(response.statusCode()).isEqualTo(405);
  }

  @Test
  void invalidRequests_doNotConsumeTheScript() throws Exception {
    RawHttp.post(fake, "/v1/messages", "not json");

    HttpResponse<String> response = RawHttp.post(fake, "/v1/messages", VALID);

    assertThat(RawHttp.json(response).at("/content/0/text").asText())
        .isEqualTo("scripted for a valid request only");
    assertThat(fake.requests()).hasSize(2);
  }

  private static void assertError(
      HttpResponse<String> response, int status, String type, String messageStart)
      throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("content-type")).contains("application/json");
    String requestId = response.headers().firstValue("request-id").orElseThrow();
    JsonNode body = RawHttp.json(response);
    assertThat(body.get("type").asText()).isEqualTo("error");
    assertThat(body.at("/error/type").asText()).isEqualTo(type);
    assertThat(body.at("/error/message").asText()).startsWith(messageStart);
    assertThat(body.get("request_id").asText()).isEqualTo(requestId).startsWith("req_01");
  }
}
