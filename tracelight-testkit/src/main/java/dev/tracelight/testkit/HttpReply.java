package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fully rendered HTTP response: status, headers and a JSON body, written after an optional
 * delay. A streamed (SSE) reply will be a second shape next to this one, writing events as
 * chunks instead of one fixed-length body.
 */
final class HttpReply {

  private final int status;
  private final Map<String, String> headers;
  private final byte[] body;
  private final Duration delay;

  private HttpReply(int status, Map<String, String> headers, byte[] body, Duration delay) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.delay = delay;
  }

  /**
   * A JSON reply carrying the API's standard headers plus {@code extraHeaders}, which win on
   * conflict so a script can override any of them.
   */
  static HttpReply json(
      int status,
      JsonNode body,
      String requestId,
      Map<String, String> extraHeaders,
      Duration delay) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", "application/json");
    headers.put("request-id", requestId);
    // A constant, obviously fake organization; the SDK ignores it, logging code may show it.
    headers.put("anthropic-organization-id", "00000000-0000-4000-8000-00000000fa4e");
    headers.putAll(extraHeaders);
    return new HttpReply(status, Map.copyOf(headers), Json.bytes(body), delay);
  }

  int status() {
    return status;
  }

  void write(HttpExchange exchange) throws IOException {
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        // The server is closing: drop the reply, as a real server going away would.
        Thread.currentThread().interrupt();
        return;
      }
    }
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
