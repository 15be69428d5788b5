package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP response of the fake MLflow server: status, headers and a fixed-length body. */
final class MlflowReply {

  private final int status;
  private final Map<String, String> headers;
  private final byte[] body;

  private MlflowReply(int status, Map<String, String> headers, byte[] body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  static MlflowReply json(int status, JsonNode body) {
    return bytes(status, "application/json", Json.bytes(body));
  }

  static MlflowReply ok(JsonNode body) {
    return json(200, body);
  }

  static MlflowReply text(int status, String body) {
    return bytes(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  static MlflowReply bytes(int status, String contentType, byte[] body) {
    return new MlflowReply(status, Map.of("content-type", contentType), body);
  }

  static MlflowReply error(MlflowError error) {
    return json(error.status(), error.toJson());
  }

  /** A copy with more headers, which win over the ones already set. */
  MlflowReply withHeaders(Map<String, String> extra) {
    Map<String, String> merged = new LinkedHashMap<>(headers);
    merged.putAll(extra);
    return new MlflowReply(status, Map.copyOf(merged), body);
  }

  int status() {
    return status;
  }

  void write(HttpExchange exchange) throws IOException {
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    // -1, not 0, announces an empty body: 0 would switch to chunked encoding, and an empty
    // chunked body is not what a stock server sends (MLFLOW_WIRE §10).
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
