package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plain JDK HTTP calls to a {@link FakeMlflowServer}, as a tracing client would make them. */
final class MlflowHttp {

  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final FakeMlflowServer server;
  private final Map<String, String> headers = new LinkedHashMap<>();

  MlflowHttp(FakeMlflowServer server) {
    this.server = server;
  }

  /** Sends this header on every later request, e.g. {@code Authorization}. */
  MlflowHttp withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return send("GET", pathAndQuery, Map.of(), new byte[0]);
  }

  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return send("POST", path, Map.of("content-type", "application/json"), utf8(json));
  }

  HttpResponse<String> send(String method, String path, String json)
      throws IOException, InterruptedException {
    return send(method, path, Map.of("content-type", "application/json"), utf8(json));
  }

  HttpResponse<String> send(String method, String path, Map<String, String> extra, byte[] body)
      throws IOException, InterruptedException {
    return CLIENT.send(
        request(method, path, extra, body, TIMEOUT), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> sendForBytes(
      String method, String path, Map<String, String> extra, byte[] body)
      throws IOException, InterruptedException {
    return CLIENT.send(
        request(method, path, extra, body, TIMEOUT), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A request with a custom timeout, for tests of a server that does not answer. */
  HttpResponse<String> getWithTimeout(String path, Duration timeout)
      throws IOException, InterruptedException {
    return CLIENT.send(
        request("GET", path, Map.of(), new byte[0], timeout), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(
      String method, String path, Map<String, String> extra, byte[] body, Duration timeout) {
    HttpRequest.BodyPublisher publisher =
        body.length == 0
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .timeout(timeout)
            .method(method, publisher);
    headers.forEach(builder::header);
    extra.forEach(builder::header);
    return builder.build();
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return Json.MAPPER.readTree(response.body());
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
