package dev.tracelight.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A small JDK HTTP client for the server ITs. */
final class TestHttp {
  private final HttpClient client = HttpClient.newHttpClient();
  private final String baseUrl;

  TestHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A response with its body as text. */
  static final class Response {
    final int status;
    final String body;
    final HttpResponse<byte[]> raw;

    Response(HttpResponse<byte[]> raw) {
      this.raw = raw;
      this.status = raw.statusCode();
      this.body = new String(raw.body(), StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return MlflowJson.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String contentType() {
      return raw.headers().firstValue("Content-Type").orElse("");
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  Response get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  Response postJson(String path, String json) {
    return send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /** A request with a JSON body under any method: PATCH, PUT, and DELETE (MLflow sends bodies). */
  Response sendJson(String method, String path, String json) {
    return send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
  }

  Response post(String path, byte[] body, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).headers(headers)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  Response send(HttpRequest request) {
    try {
      return new Response(client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  URI uri(String path) {
    return URI.create(baseUrl + path);
  }
}
