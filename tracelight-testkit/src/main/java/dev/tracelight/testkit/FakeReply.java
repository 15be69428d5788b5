package dev.tracelight.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the fake answers to one request: a message, an API error, a token count, a batch, or the
 * default reply. Immutable; {@link #delayedBy}, {@link #withHeader} and the {@code with...}
 * options return modified copies.
 *
 * <p>Every reply carries a fresh {@code request-id: req_01...} header; an error body repeats that
 * id as {@code request_id}.
 *
 * <p><b>Streams.</b> A message or default reply answers a request with {@code "stream": true} as
 * the API's event stream (see {@link FakeAnthropicApi}); {@link #withEventDelay},
 * {@link #withStreamError} and {@link #withStreamCutAfter} script how that stream behaves. Their
 * event counts are the events the SDK hands to the caller, so {@code ping}s do not count. Scripting
 * a stream error or cut for a request that does not stream is a mistake in the test, answered with
 * a 500 naming it.
 *
 * <p><b>Retries.</b> The SDK retries 408, 409, 429, 5xx and I/O failures (timeouts included), twice
 * by default, unless the reply says {@code x-should-retry: false}; script one reply per attempt, or
 * build the client with {@code maxRetries(0)}. Retry waits honour {@code retry-after-ms} and
 * {@code retry-after} however long they are, so {@link #withRetryAfter} with a short duration keeps
 * retry tests fast.
 */
public final class FakeReply {

  enum Kind {
    DEFAULT,
    MESSAGE,
    ERROR,
    TOKEN_COUNT,
    BATCH
  }

  /** How long {@link #timeout()} holds its reply: far beyond any client timeout in a test. */
  static final Duration NEVER = Duration.ofDays(1);

  private static final FakeReply DEFAULT = new FakeReply(Kind.DEFAULT, null, null, null, 0);

  private final Kind kind;
  @Nullable private final FakeMessage message;
  @Nullable private final ApiError error;
  @Nullable private final FakeBatch batch;
  private final long inputTokens;
  private final Duration delay;
  private final Map<String, String> headers;
  private final StreamScript stream;

  private FakeReply(
      Kind kind,
      @Nullable FakeMessage message,
      @Nullable ApiError error,
      @Nullable FakeBatch batch,
      long inputTokens) {
    this(kind, message, error, batch, inputTokens, Duration.ZERO, Map.of(), StreamScript.NONE);
  }

  private FakeReply(
      Kind kind,
      @Nullable FakeMessage message,
      @Nullable ApiError error,
      @Nullable FakeBatch batch,
      long inputTokens,
      Duration delay,
      Map<String, String> headers,
      StreamScript stream) {
    this.kind = kind;
    this.message = message;
    this.error = error;
    this.batch = batch;
    this.inputTokens = inputTokens;
    this.delay = delay;
    this.headers = headers;
    this.stream = stream;
  }

  /** Answers with {@code message}: a Message body, or its event stream for a streamed request. */
  public static FakeReply message(FakeMessage message) {
    return new FakeReply(Kind.MESSAGE, requireNonNull(message, "message"), null, null, 0);
  }

  /** Answers with an assistant message holding one text block. */
  public static FakeReply text(String text) {
    return message(FakeMessage.text(text));
  }

  /**
   * Answers with the real error body {@code {"type":"error","error":{"type":errorType,
   * "message":message},"request_id":"req_..."}}. The SDK maps the status to its exception: 400
   * {@code BadRequestException}, 401 {@code UnauthorizedException}, 403
   * {@code PermissionDeniedException}, 404 {@code NotFoundException}, 413
   * {@code ContentTooLargeException}, 429 {@code RateLimitException}, 529
   * {@code OverloadedException}, other 5xx {@code InternalServerException}, ... A streamed
   * request gets the same JSON error, before any event, as from the real API.
   *
   * @param status an HTTP error status, 400 to 599
   * @param errorType the API error type, e.g. {@code invalid_request_error}
   */
  public static FakeReply error(int status, String errorType, String message) {
    return new FakeReply(Kind.ERROR, null, ApiError.create(status, errorType, message), null, 0);
  }

  /** Like {@link #error(int, String, String)} with the API's usual error type for the status. */
  public static FakeReply error(int status, String message) {
    return error(status, ApiError.typeFor(status), message);
  }

  /** 429 {@code rate_limit_error}; add {@link #withRetryAfter} for the API's wait hint. */
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
    return new FakeReply(Kind.TOKEN_COUNT, null, null, null, inputTokens);
  }

  /**
   * Answers {@code POST /v1/messages/batches} by creating a batch whose requests turn out as
   * {@code batch} scripts. Without it, a batch's requests all succeed with the default echo.
   */
  public static FakeReply batch(FakeBatch batch) {
    return new FakeReply(Kind.BATCH, null, null, requireNonNull(batch, "batch"), 0);
  }

  /**
   * The reply the fake gives when nothing is scripted: for a {@link FakeAnthropicApi#responder}
   * that only wants to handle some requests.
   */
  public static FakeReply defaultReply() {
    return DEFAULT;
  }

  /**
   * The default reply, streamed, with an SSE {@code error} event of {@code errorType} (e.g.
   * {@code overloaded_error}) after {@code afterEvents} events; the SDK throws its
   * {@code SseException} there. Only for streamed requests.
   */
  public static FakeReply streamError(int afterEvents, String errorType, String message) {
    return DEFAULT.withStreamError(afterEvents, errorType, message);
  }

  /**
   * A reply that does not come before the client gives up: the default reply held for a day,
   * so the SDK's timeout fires ({@code AnthropicIoException} caused by an
   * {@code InterruptedIOException}). Each such request holds one of the fake's worker threads
   * until the fake is closed.
   */
  public static FakeReply timeout() {
    return DEFAULT.delayedBy(NEVER);
  }

  /** A copy that is sent only after {@code delay}, e.g. to exercise client timeouts. */
  public FakeReply delayedBy(Duration delay) {
    requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    return new FakeReply(kind, message, error, batch, inputTokens, delay, headers, stream);
  }

  /** A copy with an extra response header, e.g. {@code retry-after-ms}, {@code x-should-retry}. */
  public FakeReply withHeader(String name, String value) {
    requireNonNull(name, "name");
    requireNonNull(value, "value");
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name.toLowerCase(Locale.ROOT), value);
    return new FakeReply(kind, message, error, batch, inputTokens, delay, Map.copyOf(copy), stream);
  }

  /**
   * A copy telling the client how long to wait before retrying: {@code retry-after} in whole
   * seconds (rounded up), as the API sends on 429 and 529, plus the exact {@code retry-after-ms},
   * which the SDK prefers.
   */
  public FakeReply withRetryAfter(Duration wait) {
    requireNonNull(wait, "wait");
    if (wait.isNegative()) {
      throw new IllegalArgumentException("wait must not be negative: " + wait);
    }
    long seconds = wait.plusNanos(999_999_999).getSeconds();
    return withHeader("retry-after", Long.toString(seconds))
        .withHeader("retry-after-ms", Long.toString(wait.toMillis()));
  }

  /**
   * A copy whose event stream pauses {@code delay} before each event, so a test can observe the
   * time to the first token or close the stream while it is still being written.
   */
  public FakeReply withEventDelay(Duration delay) {
    return withStream(streamable().stream.withEventDelay(delay));
  }

  /**
   * A copy whose event stream sends {@code event: error} with
   * {@code {"type":"error","error":{"type":errorType,"message":message}}} after
   * {@code afterEvents} events, then ends, as the API does when it fails mid-stream.
   */
  public FakeReply withStreamError(int afterEvents, String errorType, String message) {
    return withStream(streamable().stream.withError(afterEvents, errorType, message));
  }

  /**
   * A copy whose event stream drops the connection after {@code afterEvents} events, without
   * ending the chunked body; the SDK's iteration then fails with {@code AnthropicIoException}.
   */
  public FakeReply withStreamCutAfter(int afterEvents) {
    return withStream(streamable().stream.withCut(afterEvents));
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

  FakeBatch batch() {
    return requireNonNull(batch, "not a batch reply");
  }

  StreamScript stream() {
    return stream;
  }

  private FakeReply streamable() {
    if (kind != Kind.MESSAGE && kind != Kind.DEFAULT) {
      throw new IllegalStateException("only a message or default reply streams, not " + this);
    }
    return this;
  }

  private FakeReply withStream(StreamScript stream) {
    return new FakeReply(kind, message, error, batch, inputTokens, delay, headers, stream);
  }

  @Override
  public String toString() {
    Object body = message != null ? message : error != null ? error : batch != null ? batch : "";
    String streamed = stream == StreamScript.NONE ? "" : ", " + stream;
    return "FakeReply{" + kind + " " + body + ", delay=" + delay + ", headers=" + headers
        + streamed + "}";
  }
}
