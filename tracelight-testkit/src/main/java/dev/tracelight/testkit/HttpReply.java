package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fully rendered HTTP response: status, headers and a body, written after an optional delay.
 * The body is either fixed (JSON, JSON Lines) or an event stream written chunk by chunk.
 */
final class HttpReply {

  /** A response body. */
  interface Body {

    /** The {@code Content-Length}, or 0 to send the body chunked, as a stream is. */
    long length();

    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Thrown while writing to drop the connection in the middle of the body: the handler leaves the
   * exchange open and rethrows it, so the server closes the socket without ending the chunked
   * body, and the client sees an unexpected end of stream.
   */
  static final class ConnectionCut extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConnectionCut(String why) {
      super(why, null, false, false);
    }
  }

  private final int status;
  private final Map<String, String> headers;
  private final Body body;
  private final Duration delay;

  private HttpReply(int status, Map<String, String> headers, Body body, Duration delay) {
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
    Map<String, String> headers = headers("application/json", requestId, extraHeaders);
    return new HttpReply(status, Map.copyOf(headers), fixed(Json.bytes(body)), delay);
  }

  /** A 200 with one JSON value per line, as the batch results endpoint answers. */
  static HttpReply jsonLines(
      List<JsonNode> lines, String requestId, Map<String, String> extraHeaders, Duration delay) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (JsonNode line : lines) {
      bytes.writeBytes(Json.bytes(line));
      bytes.write('\n');
    }
    Map<String, String> headers = headers("application/x-jsonl", requestId, extraHeaders);
    return new HttpReply(200, Map.copyOf(headers), fixed(bytes.toByteArray()), delay);
  }

  /** A 200 {@code text/event-stream} that writes {@code stream} event by event. */
  static HttpReply eventStream(
      EventStream stream, String requestId, Map<String, String> extraHeaders, Duration delay) {
    Map<String, String> headers =
        headers("text/event-stream; charset=utf-8", requestId, Map.of());
    headers.put("cache-control", "no-cache");
    headers.putAll(extraHeaders);
    return new HttpReply(200, Map.copyOf(headers), stream, delay);
  }

  private static Map<String, String> headers(
      String contentType, String requestId, Map<String, String> extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", contentType);
    headers.put("request-id", requestId);
    // A constant, obviously fake organization; the SDK ignores it, logging code may show it.
    headers.put("anthropic-organization-id", "00000000-0000-4000-8000-00000000fa4e");
    headers.putAll(extraHeaders);
    return headers;
  }

  private static Body fixed(byte[] bytes) {
    return new Body() {
      @Override
      public long length() {
        return bytes.length == 0 ? -1 : bytes.length;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
      }
    };
  }

  int status() {
    return status;
  }

  /**
   * Writes the reply. The caller closes the exchange, except after a {@link ConnectionCut}.
   *
   * @throws ConnectionCut when the body drops the connection on purpose
   */
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
    exchange.sendResponseHeaders(status, body.length());
    OutputStream out = exchange.getResponseBody();
    body.writeTo(out);
    out.close();
  }
}
