package dev.tracelight.testkit;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fake of the Anthropic Messages HTTP API on 127.0.0.1, speaking the real wire format, so the
 * real Anthropic Java SDK parses every reply.
 *
 * <pre>{@code
 * try (FakeAnthropicApi fake = FakeAnthropicApi.start()) {
 *   AnthropicClient client = AnthropicOkHttpClient.builder()
 *       .baseUrl(fake.baseUrl()).apiKey("sk-test").maxRetries(0).build();
 *   fake.enqueue(FakeReply.error(429, "rate_limit_error", "slow down"));
 *   ...
 *   RecordedRequest request = fake.takeRequest();
 * }
 * }</pre>
 *
 * <p>To point a client built with {@code AnthropicOkHttpClient.fromEnv()} at the fake, set the
 * environment variables {@code ANTHROPIC_BASE_URL} (to {@link #baseUrl()}) and
 * {@code ANTHROPIC_API_KEY} (any value), or, inside one JVM, the system properties
 * {@code anthropic.baseUrl} and {@code anthropic.apiKey}, which the SDK reads first.
 *
 * <p><b>Routes.</b> {@code POST /v1/messages}, {@code POST /v1/messages/count_tokens} and the
 * Message Batches routes under {@code /v1/messages/batches} (create, list, retrieve, cancel,
 * delete, results). The SDK's beta services call the same paths without any query parameter; only
 * an {@code anthropic-beta} header, which the SDK sends when the params name betas, marks a beta
 * call, and such a call also gets the fields only the beta models ({@code BetaMessage}, beta
 * stream events, {@code BetaMessageTokensCount}) declare. An unknown path is a 404
 * {@code not_found_error}, a known path with another method a 405.
 *
 * <p><b>Validation, as the real API.</b> No {@code x-api-key} and no {@code authorization} header:
 * 401 {@code authentication_error}. No {@code anthropic-version} header, a body that is not a JSON
 * object, or a missing or mistyped {@code model}, {@code max_tokens} (messages only) or
 * {@code messages}: 400 {@code invalid_request_error} naming the problem. A batch needs a
 * non-empty {@code requests} list of unique {@code custom_id}s and valid message {@code params}.
 *
 * <p><b>Batches.</b> Create answers {@code in_progress}; the first retrieve (or a later one, see
 * {@link FakeBatch#retrievesBeforeEnded()}) ends it, and its results, JSON Lines, are what
 * {@code POST /v1/messages} would have answered each request (default echo, in the {@code batch}
 * service tier) unless {@link FakeReply#batch} scripts them. Cancel makes a batch
 * {@code canceling}, and the next retrieve ends it with every request canceled. Only an ended
 * batch can be deleted or give results (else 400); an unknown id is a 404. Listing is newest
 * first, with {@code limit} (1 to 1000, default 20), {@code after_id} and {@code before_id}.
 *
 * <p><b>Streaming.</b> A {@code POST /v1/messages} with {@code "stream": true} gets the same
 * message as a {@code text/event-stream}: {@code message_start} (empty content, full usage but
 * {@code output_tokens} of at most 1), per block {@code content_block_start},
 * {@code content_block_delta}s (text, thinking and tool input in chunks, then a thinking block's
 * {@code signature_delta}; redacted thinking whole in its start) and {@code content_block_stop},
 * {@code message_delta} (stop reason, final usage), {@code message_stop}, with a {@code ping}
 * after {@code message_start} and one mid-stream. The SDK's {@code MessageAccumulator} rebuilds
 * exactly the message the non-streaming call returns. {@link FakeReply#withStreamError},
 * {@link FakeReply#withStreamCutAfter} and {@link FakeReply#withEventDelay} script failures and
 * pacing.
 *
 * <p><b>Replies.</b> Every valid request, on any route, takes one reply: the oldest
 * {@linkplain #enqueue enqueued} reply, else the {@linkplain #responder responder}'s, else the
 * default: a message whose one text block is
 * {@code "Hello! You said: <text of the last user message>"}, with the request's model,
 * {@code stop_reason: end_turn} (or {@code max_tokens} when cut at {@code max_tokens}), and usage
 * estimated at one token per started four characters, at least one: input over the text of
 * {@code system} and all messages, output over the reply text. count_tokens answers the same
 * input estimate. A reply that does not fit its route (a message for a batch route, a token count
 * for messages, ...) is answered with a 500 naming the mistake; an error reply fits every route.
 *
 * <p>Thread-safe: requests are served concurrently, and scripting may happen from any thread.
 */
public final class FakeAnthropicApi implements AutoCloseable {

  /** How long {@link #takeRequest()} waits for a request that has not arrived yet. */
  public static final Duration TAKE_TIMEOUT = Duration.ofSeconds(10);

  private static final int WORKER_THREADS = 8;

  private final HttpServer server;
  private final ExecutorService executor;
  private final RequestLog log = new RequestLog();
  private final ReplyScript script = new ReplyScript();
  private final BatchStore batches = new BatchStore();
  private final AtomicBoolean closed = new AtomicBoolean();

  private FakeAnthropicApi(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts the fake on 127.0.0.1 and a free port. */
  public static FakeAnthropicApi start() {
    return start(0);
  }

  /**
   * Starts the fake on 127.0.0.1 and {@code port} (0 for a free one).
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static FakeAnthropicApi start(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the fake Anthropic API to port " + port, e);
    }
    ExecutorService executor = Executors.newFixedThreadPool(WORKER_THREADS, workerThreads());
    FakeAnthropicApi fake = new FakeAnthropicApi(server, executor);
    BatchRoutes batchRoutes = new BatchRoutes(fake.batches, fake.baseUrl(), Clock.systemUTC());
    server.createContext("/", new ApiHandler(fake.log, fake.script, batchRoutes));
    server.setExecutor(executor);
    server.start();
    return fake;
  }

  /** The base URL for the SDK's {@code baseUrl(...)}, e.g. {@code http://127.0.0.1:54321}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Queues replies, each used by exactly one later request, in order. */
  public FakeAnthropicApi enqueue(FakeReply... replies) {
    for (FakeReply reply : requireNonNull(replies, "replies")) {
      script.enqueue(reply);
    }
    return this;
  }

  /**
   * Answers every valid request the queue does not cover with {@code responder}'s reply; return
   * {@link FakeReply#defaultReply()} to fall back to the default. If it throws, the client gets a
   * 500 {@code api_error} naming the exception. Replaces any earlier responder.
   */
  public FakeAnthropicApi responder(Function<RecordedRequest, FakeReply> responder) {
    script.setResponder(responder);
    return this;
  }

  /** How many enqueued replies no request has used yet. */
  public int pendingReplies() {
    return script.pending();
  }

  /** Every request received so far, in arrival order, invalid ones included. */
  public List<RecordedRequest> requests() {
    return log.all();
  }

  public int requestCount() {
    return log.size();
  }

  /**
   * The oldest request not taken yet, waiting up to {@link #TAKE_TIMEOUT} for it.
   *
   * @throws IllegalStateException if none arrives in time
   */
  public RecordedRequest takeRequest() throws InterruptedException {
    return log.take(TAKE_TIMEOUT);
  }

  /**
   * The most recent request.
   *
   * @throws IllegalStateException if there was none
   */
  public RecordedRequest lastRequest() {
    return log.last();
  }

  /** Forgets recorded requests, queued replies, the responder and every message batch. */
  public void reset() {
    script.reset();
    log.clear();
    batches.clear();
  }

  /** Stops serving at once; replies still being delayed are dropped. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  private static ThreadFactory workerThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "fake-anthropic-api-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
