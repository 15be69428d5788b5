package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Plain JDK HTTP calls, for requests the SDK never sends (malformed bodies, missing headers).
 */
final class RawHttp {

  static final Map<String, String> SDK_HEADERS =
      Map.of(
          "authorization", "Bearer sk-test",
          "anthropic-version", "2023-06-01",
          "content-type", "application/json");

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private RawHttp() {}

  static HttpResponse<String> post(FakeAnthropicApi fake, String path, String body)
      throws IOException, InterruptedException {
    return send(fake, "POST", path, SDK_HEADERS, body);
  }

  static HttpResponse<String> send(
      FakeAnthropicApi fake, String method, String path, Map<String, String> headers, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(fake.baseUrl() + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return Json.MAPPER.readTree(response.body());
  }
}
