package dev.tracelight.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Calls a tracking server's MLflow REST API and OTLP endpoint over {@link HttpClient}. */
final class MlflowRestClient {
  static final String EXPERIMENT_ID_HEADER = "x-mlflow-experiment-id";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final String baseUri;
  @Nullable private final String authorization;
  private final HttpClient http;

  MlflowRestClient(String baseUri, @Nullable String authorization, HttpClient http) {
    this.baseUri = baseUri;
    this.authorization = authorization;
    this.http = http;
  }

  String baseUri() {
    return baseUri;
  }

  JsonNode get(String path, Map<String, List<String>> query)
      throws IOException, InterruptedException {
    StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
    query.forEach(
        (k, values) ->
            values.forEach(
                v -> q.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))));
    return send(request(path + q).GET().build());
  }

  JsonNode postJson(String path, JsonNode body) throws IOException, InterruptedException {
    byte[] bytes = TraceJson.MAPPER.writeValueAsBytes(body);
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build());
  }

  void put(String path, byte[] json) throws IOException, InterruptedException {
    send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(json))
            .build());
  }

  /** Sends a DELETE with a JSON body, as MLflow's tag deletion expects. */
  JsonNode deleteJson(String path, JsonNode body) throws IOException, InterruptedException {
    byte[] bytes = TraceJson.MAPPER.writeValueAsBytes(body);
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .method("DELETE", HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build());
  }

  JsonNode patchJson(String path, JsonNode body) throws IOException, InterruptedException {
    byte[] bytes = TraceJson.MAPPER.writeValueAsBytes(body);
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build());
  }

  /** A plain-text GET, e.g. {@code /version}. */
  String getText(String path) throws IOException, InterruptedException {
    return new String(getBytes(path), StandardCharsets.UTF_8).trim();
  }

  /** Raw bytes of a GET, e.g. an artifact. */
  byte[] getBytes(String path) throws IOException, InterruptedException {
    HttpRequest request = request(path).GET().build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() / 100 != 2) {
      throw error(request, response);
    }
    return response.body();
  }

  void postOtlp(byte[] body, String experimentId) throws IOException, InterruptedException {
    send(
        request("/v1/traces")
            .header("Content-Type", "application/x-protobuf")
            .header(EXPERIMENT_ID_HEADER, experimentId)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(baseUri + pathAndQuery)).timeout(REQUEST_TIMEOUT);
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }

  private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    byte[] body = response.body();
    boolean json = response.headers().firstValue("content-type").orElse("").contains("json");
    if (response.statusCode() / 100 == 2) {
      return json && body.length > 0
          ? TraceJson.MAPPER.readTree(body)
          : TraceJson.MAPPER.createObjectNode();
    }
    throw error(request, response);
  }

  private static MlflowRestException error(HttpRequest request, HttpResponse<byte[]> response) {
    byte[] body = response.body();
    boolean json = response.headers().firstValue("content-type").orElse("").contains("json");
    String errorCode = errorCodeFor(response.statusCode());
    String message = new String(body, StandardCharsets.UTF_8);
    if (json && body.length > 0) {
      try {
        JsonNode error = TraceJson.MAPPER.readTree(body);
        errorCode = error.path("error_code").asText(errorCode);
        message = error.path("message").asText(error.path("detail").asText(message));
      } catch (IOException notJson) {
        // keep the raw text as the message
      }
    }
    return new MlflowRestException(
        response.statusCode(),
        errorCode,
        request.method() + " " + request.uri().getPath() + ": " + message,
        RetryAfter.parse(response.headers().firstValue("retry-after").orElse(null)));
  }

  private static String errorCodeFor(int status) {
    switch (status) {
      case 400:
        return "BAD_REQUEST";
      case 401:
        return "UNAUTHENTICATED";
      case 403:
        return "PERMISSION_DENIED";
      case 404:
        return "ENDPOINT_NOT_FOUND";
      case 429:
        return "REQUEST_LIMIT_EXCEEDED";
      case 503:
        return "TEMPORARILY_UNAVAILABLE";
      default:
        return status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
    }
  }

  /** The Authorization header MLflow's environment variables ask for, or null for none. */
  @Nullable
  static String authorizationFromEnv(Map<String, String> env) {
    String token = env.get("MLFLOW_TRACKING_TOKEN");
    if (token != null && !token.isBlank()) {
      return "Bearer " + token;
    }
    String user = env.get("MLFLOW_TRACKING_USERNAME");
    String password = env.get("MLFLOW_TRACKING_PASSWORD");
    if (user != null && password != null) {
      String credentials = user + ":" + password;
      return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
    return null;
  }
}
