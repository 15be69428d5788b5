package dev.tracelight.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the fake answers to one request: a message, an API error, a token count, or the default
 * reply. Immutable; {@link #delayedBy} and {@link #withHeader} return modified copies.
 *
 * <p>Every reply carries {@code content-type: application/json} and a fresh
 * {@code request-id: req_01...} header; an error body repeats that id as {@code request_id}.
 *
 * <p>The SDK retries 408, 409, 429 and 5xx (twice by default) unless the reply says
 * {@code x-should-retry: false}; script one error per attempt, or build the client with
 * {@code maxRetries(0)}. Retry waits honour {@code retry-after-ms}/{@code retry-after}, so
 * {@code withHeader("retry-after-ms", "0")} keeps retry tests fast.
 */
public final class FakeReply {

  enum Kind {
    DEFAULT,
    MESSAGE,
    ERROR,
    TOKEN_COUNT
  }

  private static final FakeReply DEFAULT = new FakeReply(Kind.DEFAULT, null, null, 0);

  private final Kind kind;
  @Nullable private final FakeMessage message;
  @Nullable private final ApiError error;
  private final long inputTokens;
  private final Duration delay;
  private final Map<String, String> headers;

  private FakeReply(
      Kind kind, @Nullable FakeMessage message, @Nullable ApiError error, long inputTokens) {
    this(kind, message, error, inputTokens, Duration.ZERO, Map.of());
  }

  private FakeReply(
      Kind kind,
      @Nullable FakeMessage message,
      @Nullable ApiError error,
      long inputTokens,
      Duration delay,
      Map<String, String> headers) {
    this.kind = kind;
    this.message = message;
    this.error = error;
    this.inputTokens = inputTokens;
    this.delay = delay;
    this.headers = headers;
  }

  /** Answers with {@code message} (a 200 with a Message body on {@code /v1/messages}). */
  public static FakeReply message(FakeMessage message) {
    return new FakeReply(Kind.MESSAGE, requireNonNull(message, "message"), null, 0);
  }

  /** Answers with an assistant message holding one text block. */
  public static FakeReply text(String text) {
    return message(FakeMessage.text(text));
  }

  /**
   * Answers with the real error body {@code {"type":"error","error":{"type":errorType,
   * "message":message},"request_id":"req_..."}}. The SDK maps the status to its exception: 400
   * {@code BadRequestException}, 401 {@code UnauthorizedException}, 429
   * {@code RateLimitException}, 529 {@code OverloadedException}, other 5xx
   * {@code InternalServerException}, ...
   *
   * @param status an HTTP error status, 400 to 599
   * @param errorType the API error type, e.g. {@code invalid_request_error}
   */
  public static FakeReply error(int status, String errorType, String message) {
    return new FakeReply(Kind.ERROR, null, ApiError.create(status, errorType, message), 0);
  }

  /** Like {@link #error(int, String, String)} with the API's usual error type for the status. */
  public static FakeReply error(int status, String message) {
    return error(status, ApiError.typeFor(status), message);
  }

  /** 429 {@code rate_limit_error}. */
  public static FakeReply rateLimited() {
    return error(429, "rate_limit_error", "Number of request tokens has exceeded your rate limit.");
  }

  /** 529 {@code overloaded_error}, as the API answers when it is temporarily overloaded. */
  public static FakeReply overloaded() {
    return error(529, "overloaded_error", "Overloaded");
  }

  /** Answers {@code /v1/messages/count_tokens} with {@code {"input_tokens": inputTokens}}. */
  public static FakeReply tokenCount(long inputTokens) {
    if (inputTokens < 0) {
      throw new IllegalArgumentException("inputTokens must not be negative: " + inputTokens);
    }
    return new FakeReply(Kind.TOKEN_COUNT, null, null, inputTokens);
  }

  /**
   * The reply the fake gives when nothing is scripted: for a {@link FakeAnthropicApi#responder}
   * that only wants to handle some requests.
   */
  public static FakeReply defaultReply() {
    return DEFAULT;
  }

  /** A copy that is sent only after {@code delay}, e.g. to exercise client timeouts. */
  public FakeReply delayedBy(Duration delay) {
    requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    return new FakeReply(kind, message, error, inputTokens, delay, headers);
  }

  /** A copy with an extra response header, e.g. {@code retry-after-ms}, {@code x-should-retry}. */
  public FakeReply withHeader(String name, String value) {
    requireNonNull(name, "name");
    requireNonNull(value, "value");
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name.toLowerCase(Locale.ROOT), value);
    return new FakeReply(kind, message, error, inputTokens, delay, Map.copyOf(copy));
  }

  public Duration delay() {
    return delay;
  }

  /** Extra response headers, names in lower case. */
  public Map<String, String> headers() {
    return headers;
  }

  Kind kind() {
    return kind;
  }

  FakeMessage message() {
    return requireNonNull(message, "not a message reply");
  }

  ApiError error() {
    return requireNonNull(error, "not an error reply");
  }

  long inputTokens() {
    return inputTokens;
  }

  @Override
  public String toString() {
    String body = message != null ? message.toString() : error != null ? error.toString() : "";
    return "FakeReply{" + kind + " " + body + ", delay=" + delay + ", headers=" + headers + "}";
  }
}
