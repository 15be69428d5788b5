package dev.tracelight.testkit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fake of a stock MLflow 3.x tracking server (SQL backend, proxied artifacts) on 127.0.0.1, for
 * testing tracing clients without Python: the MLflow REST routes a tracing client uses, OTLP span
 * ingestion, the artifact store, errors with MLflow's codes and statuses, optional authentication,
 * scripted faults, and inspection of everything received.
 *
 * <pre>{@code
 * try (FakeMlflowServer mlflow = FakeMlflowServer.builder().setVersion("3.5.0").start()) {
 *   exporterPointedAt(mlflow.url()).export(trace);
 *   mlflow.enqueueFailure("/api/3.0/mlflow/traces", 503, Map.of("Retry-After", "1"));
 *   assertThat(mlflow.spans(traceId)).extracting(FakeSpan::name).contains("Messages.create");
 *   assertThat(mlflow.requestCount(MlflowRoute.START_TRACE_V3)).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p><b>Routes</b> are listed in {@link MlflowRoute}; each also answers under {@code /ajax-api}.
 * Anything else is 404 {@code ENDPOINT_NOT_FOUND}. So are GetTrace on a server older than 3.5 and
 * {@code POST /v1/traces} when OTLP is disabled, as on a server without those routes.
 *
 * <p><b>Answers follow a stock server's proto JSON:</b> snake_case, int64 as numbers, empty fields
 * and lists left out (a search that finds nothing answers {@code {}}), timestamps and durations in
 * protobuf's canonical form. GetTrace renders span attributes as native AnyValues of their decoded
 * values ({@code {"string_value": "CHAT_MODEL"}}, objects as {@code kvlist_value}), see {@link
 * FakeSpan}.
 *
 * <p><b>Order of checks</b> for each request: it is recorded and counted; held while {@linkplain
 * #setUnresponsive unresponsive}; answered by a {@linkplain #enqueueFailure scripted failure} if
 * one matches; refused with 401 {@code UNAUTHENTICATED} if authentication is configured and the
 * {@code Authorization} header is wrong; then served.
 *
 * <p>Thread-safe: requests are served concurrently; scripting and inspection work from any thread.
 * Data survive {@link #stop()} and {@link #restart()}.
 */
public final class FakeMlflowServer implements AutoCloseable {

  /** The version {@code GET /version} answers unless the builder sets another. */
  public static final String DEFAULT_VERSION = "3.5.0";

  private final ServerState state = new ServerState();
  private final ServerConfig config;
  private final ServerSocketLifecycle sockets;

  private FakeMlflowServer(ServerConfig config, int port) {
    this.config = config;
    this.sockets = new ServerSocketLifecycle(new MlflowHandler(state, config), state.gate(), port);
  }

  /** A builder for a server of {@link #DEFAULT_VERSION} with OTLP and no authentication. */
  public static FakeMlflowServerBuilder builder() {
    return new FakeMlflowServerBuilder();
  }

  /** Starts a server with the defaults, as {@code builder().start()}. */
  public static FakeMlflowServer start() {
    return builder().start();
  }

  static FakeMlflowServer start(ServerConfig config, int port) {
    FakeMlflowServer server = new FakeMlflowServer(config, port);
    server.sockets.start();
    return server;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:54321}; the same after a restart. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** The port listened on; fixed at the first start, kept by {@link #restart()}. */
  public int port() {
    return sockets.port();
  }

  /** What {@code GET /version} answers. */
  public String version() {
    return config.version();
  }

  /** Whether the server is listening (not stopped, not closed). */
  public boolean isRunning() {
    return sockets.isRunning();
  }

  /**
   * Stops listening, as a server that went down: new connections are refused and requests in flight
   * (held ones included) go unanswered. Stored data stay. Idempotent.
   */
  public void stop() {
    sockets.stop();
  }

  /**
   * Listens again on the same port, with all data kept; stops first if running.
   *
   * @throws IllegalStateException if closed, or if the port cannot be bound again
   */
  public void restart() {
    sockets.restart();
  }

  /** Stops for good; held requests are dropped. Idempotent. */
  @Override
  public void close() {
    sockets.close();
  }

  /**
   * Answers the next request whose path starts with {@code pathPrefix} with {@code status}, an
   * MLflow error body whose code matches the status ({@code TEMPORARILY_UNAVAILABLE} for 503,
   * {@code REQUEST_LIMIT_EXCEEDED} for 429, ...) and {@code headers} (e.g. {@code Retry-After}).
   * Failures are used once each, oldest first, before authentication is checked.
   */
  public FakeMlflowServer enqueueFailure(
      String pathPrefix, int status, Map<String, String> headers) {
    requireNonNull(pathPrefix, "pathPrefix");
    Map<String, String> copy = new LinkedHashMap<>(requireNonNull(headers, "headers"));
    state.failures().enqueue(pathPrefix, status, copy);
    return this;
  }

  /** As {@link #enqueueFailure(String, int, Map)} without extra headers. */
  public FakeMlflowServer enqueueFailure(String pathPrefix, int status) {
    return enqueueFailure(pathPrefix, status, Map.of());
  }

  /** How many scripted failures no request has used yet. */
  public int pendingFailures() {
    return state.failures().pending();
  }

  /**
   * While true, requests are accepted and read but not answered; turning it off answers the held
   * ones normally. Use it with a client timeout to test that a hung server cannot stall tracing.
   */
  public FakeMlflowServer setUnresponsive(boolean unresponsive) {
    state.gate().setUnresponsive(unresponsive);
    return this;
  }

  /** How many requests are being held unanswered right now. */
  public int heldRequests() {
    return state.gate().held();
  }

  /** Every request received, in arrival order, refused and failed ones included. */
  public List<RecordedRequest> requests() {
    return state.log().all();
  }

  /** How many requests arrived, for any route. */
  public int requestCount() {
    return state.log().size();
  }

  /** How many requests arrived for a route, whatever they were answered. */
  public int requestCount(MlflowRoute route) {
    return state.counts().get(requireNonNull(route, "route")).get();
  }

  /**
   * The trace infos stored by StartTraceV3, by trace id in arrival order, as GetTraceInfoV3 answers
   * them (server tags, later tag changes and assessments included). Copies.
   */
  public Map<String, JsonNode> traceInfos() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(state.traces().startedInfos()));
  }

  /** One stored trace info, also for a trace known only from its OTLP spans. A copy. */
  public Optional<JsonNode> traceInfo(String traceId) {
    return state.traces().info(requireNonNull(traceId, "traceId")).map(JsonNode.class::cast);
  }

  /**
   * The spans received by OTLP for an MLflow trace id ({@code tr-...}), in arrival order; a span
   * sent twice appears once, as last sent.
   */
  public List<FakeSpan> spans(String traceId) {
    return state.traces().spans(requireNonNull(traceId, "traceId"));
  }

  /**
   * The bytes last PUT to an artifact path, relative to the artifact root ({@code
   * 1/traces/tr-.../artifacts/traces.json}) or as an {@code mlflow-artifacts:/} URI.
   */
  public Optional<byte[]> artifact(String path) {
    return state.artifacts().file(requireNonNull(path, "path"));
  }

  /** The assessments created for a trace, in creation order. Copies. */
  public List<JsonNode> assessments(String traceId) {
    return List.copyOf(state.traces().assessments(requireNonNull(traceId, "traceId")));
  }
}
