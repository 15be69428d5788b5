package dev.tracelight.bench;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientImpl;
import com.anthropic.core.ClientOptions;
import com.anthropic.core.RequestOptions;
import com.anthropic.core.http.Headers;
import com.anthropic.core.http.HttpClient;
import com.anthropic.core.http.HttpMethod;
import com.anthropic.core.http.HttpRequest;
import com.anthropic.core.http.HttpRequestBody;
import com.anthropic.core.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The Anthropic SDK's transport, answered in process: no network, no sockets. It does what the
 * OkHttp transport does with a request (serializes the body to bytes) and hands the SDK the bytes
 * the API would send back, so the SDK does all its usual work (JSON or SSE parsing included) and a
 * benchmark measures the SDK plus tracing, nothing else.
 *
 * <p>{@code POST /v1/messages} is answered with {@link CannedExchange}'s message: as JSON, or as an
 * SSE stream when the body has {@code "stream": true}. Anything else gets the API's 404 error.
 */
final class InProcessAnthropicTransport implements HttpClient {
  private static final List<String> MESSAGES_PATH = List.of("v1", "messages");
  private static final byte[] STREAM_TRUE = "\"stream\":true".getBytes(StandardCharsets.UTF_8);
  private static final int STREAM_TAIL_BYTES = 64;
  private static final byte[] NOT_FOUND =
      ("{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"Not found\"},"
              + "\"request_id\":\"" + CannedExchange.REQUEST_ID + "\"}")
          .getBytes(StandardCharsets.UTF_8);

  private final byte[] messageJson = CannedExchange.messageJson();
  private final byte[] messageSse = CannedExchange.messageSse();
  private final Headers jsonHeaders = headers("application/json");
  private final Headers sseHeaders = headers("text/event-stream; charset=utf-8");

  /** Bytes of the last request body, for checks; written by the calling thread, read after. */
  private volatile int lastRequestBytes;

  /**
   * A client over a new transport, configured as {@code AnthropicOkHttpClient} would be except for
   * the transport itself (the SDK's own OpenTelemetry left at its default, which emits nothing
   * until an application registers OpenTelemetry).
   */
  static AnthropicClient newClient() {
    return newClient(new InProcessAnthropicTransport());
  }

  /** A client over {@code transport}; see {@link #newClient()}. */
  static AnthropicClient newClient(InProcessAnthropicTransport transport) {
    return new AnthropicClientImpl(
        ClientOptions.builder()
            .httpClient(transport)
            .putHeader("x-api-key", "sk-ant-bench-not-a-real-key")
            .build());
  }

  @Override
  public HttpResponse execute(HttpRequest request, RequestOptions requestOptions) {
    if (request.method() != HttpMethod.POST || !MESSAGES_PATH.equals(request.pathSegments())) {
      return new Response(404, jsonHeaders, NOT_FOUND);
    }
    byte[] body = bodyBytes(request.body());
    lastRequestBytes = body.length;
    return asksForStream(body)
        ? new Response(200, sseHeaders, messageSse)
        : new Response(200, jsonHeaders, messageJson);
  }

  @Override
  public HttpResponse execute(HttpRequest request) {
    return execute(request, RequestOptions.none());
  }

  @Override
  public CompletableFuture<HttpResponse> executeAsync(
      HttpRequest request, RequestOptions requestOptions) {
    return CompletableFuture.completedFuture(execute(request, requestOptions));
  }

  @Override
  public CompletableFuture<HttpResponse> executeAsync(HttpRequest request) {
    return executeAsync(request, RequestOptions.none());
  }

  @Override
  public void close() {}

  int lastRequestBytes() {
    return lastRequestBytes;
  }

  int messageJsonBytes() {
    return messageJson.length;
  }

  int messageSseBytes() {
    return messageSse.length;
  }

  /** The body as it would go on the wire: serialized, as OkHttp does when it sends it. */
  private static byte[] bodyBytes(Optional<HttpRequestBody> body) {
    if (body.isEmpty()) {
      return new byte[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(8_192);
    body.get().writeTo(out);
    return out.toByteArray();
  }

  /**
   * Whether the body asks for a stream. The SDK writes {@code "stream":true} as the body's last
   * property, so only the tail is searched: a transport should cost the benchmark next to nothing.
   */
  static boolean asksForStream(byte[] body) {
    int from = Math.max(0, body.length - STREAM_TAIL_BYTES);
    outer:
    for (int i = body.length - STREAM_TRUE.length; i >= from; i--) {
      for (int j = 0; j < STREAM_TRUE.length; j++) {
        if (body[i + j] != STREAM_TRUE[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static Headers headers(String contentType) {
    return Headers.builder()
        .put("content-type", contentType)
        .put("request-id", CannedExchange.REQUEST_ID)
        .put("anthropic-organization-id", "00000000-0000-0000-0000-000000000000")
        .build();
  }

  private static final class Response implements HttpResponse {
    private final int status;
    private final Headers headers;
    private final InputStream body;

    Response(int status, Headers headers, byte[] body) {
      this.status = status;
      this.headers = headers;
      this.body = new ByteArrayInputStream(body);
    }

    @Override
    public int statusCode() {
      return status;
    }

    @Override
    public Headers headers() {
      return headers;
    }

    @Override
    public InputStream body() {
      return body;
    }

    @Override
    public void close() {}
  }
}
