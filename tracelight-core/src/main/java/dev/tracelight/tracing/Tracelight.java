package dev.tracelight.tracing;

import io.opentelemetry.context.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Tracelight's entry point, the Java counterpart of MLflow's tracing API: where traces go
 * ({@code set_tracking_uri}, {@code set_experiment}), spans ({@code start_span}, {@code trace}),
 * the trace in progress ({@code update_current_trace}), reading traces back ({@code get_trace},
 * {@code search_traces}), tags, deletion and feedback.
 *
 * <p>Defaults come from MLflow's environment variables: {@code MLFLOW_TRACKING_URI},
 * {@code MLFLOW_EXPERIMENT_NAME}, {@code MLFLOW_EXPERIMENT_ID}, and {@code MLFLOW_TRACKING_TOKEN}
 * (bearer) or {@code MLFLOW_TRACKING_USERNAME}/{@code MLFLOW_TRACKING_PASSWORD} (basic). Without a
 * tracking URI, traces stay in memory. Export is asynchronous; tracing never blocks or fails the
 * traced code. Calls that read or change traces on the server throw {@link TracelightException}.
 */
public final class Tracelight {
  /** How long {@link #flush()} waits. */
  public static final Duration DEFAULT_FLUSH_TIMEOUT = Duration.ofSeconds(30);

  private Tracelight() {}

  /**
   * Sends traces to the MLflow tracking server at {@code uri} (Tracelight's or any MLflow server);
   * null or blank turns export off.
   *
   * @throws IllegalArgumentException if {@code uri} is not an http(s) URI
   */
  public static void setTrackingUri(@Nullable String uri) {
    TracelightRuntime.get().setTrackingUri(uri);
  }

  /** The tracking server traces go to, if any. */
  public static Optional<String> trackingUri() {
    return TracelightRuntime.get().trackingUri();
  }

  /**
   * Sends traces to the experiment with this name, created on the server when missing. If the
   * server cannot be reached now, a warning is logged and the lookup is retried at export.
   */
  public static void setExperiment(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("experiment name must not be blank");
    }
    TracelightRuntime.get().setExperiment(name);
  }

  /** The id of the experiment traces go to, creating it on the server if it is set by name. */
  public static String currentExperimentId() {
    return RemoteCalls.run("Resolving the experiment", TracelightRuntime.get().experiments()::resolve);
  }

  /** Applies sampling, span processors, the attribute size cap and the export queue bounds. */
  public static void configure(TracelightConfig config) {
    TracelightRuntime.get().configure(Objects.requireNonNull(config, "config"));
  }

  /** The configuration in effect. */
  public static TracelightConfig config() {
    return TracelightRuntime.get().config();
  }

  /**
   * Turns on {@link Traced @Traced} methods and every library integration on the class path, like
   * {@code mlflow.autolog()}.
   */
  public static boolean autolog() {
    return autolog(true);
  }

  /**
   * Turns every library integration (found through {@link AutologIntegration}) on or off at once;
   * turning on also installs the Java agent behind {@link Traced @Traced}.
   *
   * @return whether the agent and every integration could be turned on (true when turning off)
   */
  public static boolean autolog(boolean enabled) {
    if (!enabled) {
      Integrations.setEnabled(false);
      return true;
    }
    boolean agent = TracelightAgent.install();
    return Integrations.setEnabled(true) && agent;
  }

  /**
   * Starts a span and makes it current until it ends, like MLflow's {@code mlflow.start_span}: the
   * scoped form. A child of the current span, else the root of a new trace. End it on the same
   * thread, in try-with-resources:
   *
   * <pre>{@code
   * try (LiveSpan span = Tracelight.startSpan("plan", SpanType.CHAIN)) {
   *   span.setInputs(question);
   *   ...                        // spans started here are its children
   * }
   * }</pre>
   *
   * <p>For a span that ends on another thread (e.g. when a future completes), use
   * {@link #startDetachedSpan(String, SpanType)}.
   */
  public static LiveSpan startSpan(String name, SpanType type) {
    return Spans.attach(startDetachedSpan(name, type));
  }

  /**
   * Starts a span without making it current (MLflow's {@code start_span_no_context}); it may end
   * on any thread. Make it current where needed with {@link LiveSpan#makeCurrent()}.
   */
  public static LiveSpan startDetachedSpan(String name, SpanType type) {
    return startDetachedSpan(name, type, Context.current());
  }

  /** Starts a span, not current, under an explicit parent context, e.g. one captured elsewhere. */
  public static LiveSpan startDetachedSpan(String name, SpanType type, Context parent) {
    return TracelightRuntime.get().startSpan(
        name == null ? "span" : name,
        type == null ? SpanType.UNKNOWN : type,
        parent == null ? Context.current() : parent);
  }

  /** The current span, or a non-recording span when there is none. */
  public static LiveSpan currentSpan() {
    RecordingLiveSpan span = Context.current().get(RecordingLiveSpan.CONTEXT_KEY);
    boolean current = span != null && span.otelSpan() == io.opentelemetry.api.trace.Span.current();
    return current ? span : NoopLiveSpan.INSTANCE;
  }

  /**
   * Runs {@code body} in a new current span whose outputs are its result; an exception is recorded
   * on the span and rethrown unchanged.
   */
  public static <T, E extends Throwable> T trace(String name, SpanType type, TracedCallable<T, E> body)
      throws E {
    Objects.requireNonNull(body, "body");
    return FunctionSpans.call(startDetachedSpan(name, type), body);
  }

  /** Runs {@code body} in a new current span; an exception is recorded and rethrown unchanged. */
  public static <E extends Throwable> void trace(String name, SpanType type, TracedRunnable<E> body)
      throws E {
    Objects.requireNonNull(body, "body");
    FunctionSpans.call(startDetachedSpan(name, type), () -> {
      body.run();
      return null;
    });
  }

  /**
   * Adds tags, metadata, user, session or client request id to the trace of the current span.
   *
   * @return false (after a warning) when no trace is in progress in this context
   */
  public static boolean updateCurrentTrace(TraceUpdate update) {
    Objects.requireNonNull(update, "update");
    boolean applied = TracelightRuntime.get().updateCurrentTrace(update);
    if (!applied) {
      java.util.logging.Logger.getLogger(Tracelight.class.getName())
          .warning("updateCurrentTrace: no trace in progress in this context; nothing updated");
    }
    return applied;
  }

  /** An executor that runs each task in the context (current span) of the code that submitted it. */
  public static Executor wrap(Executor executor) {
    return Context.taskWrapping(Objects.requireNonNull(executor, "executor"));
  }

  /** An executor service that runs each task in the context of the code that submitted it. */
  public static ExecutorService wrap(ExecutorService executor) {
    return Context.taskWrapping(Objects.requireNonNull(executor, "executor"));
  }

  /** A task that runs in the current context, wherever it is run. */
  public static Runnable wrap(Runnable task) {
    return Context.current().wrap(Objects.requireNonNull(task, "task"));
  }

  /** A task that runs in the current context, wherever it is run. */
  public static <T> Callable<T> wrap(Callable<T> task) {
    return Context.current().wrap(Objects.requireNonNull(task, "task"));
  }

  /** A supplier that runs in the current context, e.g. for {@code CompletableFuture.supplyAsync}. */
  public static <T> Supplier<T> wrapSupplier(Supplier<T> supplier) {
    return Context.current().wrapSupplier(Objects.requireNonNull(supplier, "supplier"));
  }

  /** The id of the trace that finished last in this JVM, if any. */
  public static Optional<String> lastActiveTraceId() {
    return TracelightRuntime.get().lastActiveTraceId();
  }

  /**
   * A trace by its id: from recent traces in memory, else from the tracking server (spans from
   * {@code GetTrace}, or from the {@code traces.json} artifact on older servers). Empty when not
   * found or when the server cannot be reached (logged).
   */
  public static Optional<Trace> getTrace(String traceId) {
    Objects.requireNonNull(traceId, "traceId");
    return TracelightRuntime.get().getTrace(traceId);
  }

  /** The newest traces of an experiment, 100 at most. */
  public static TraceInfoPage searchTraces(String experimentId) {
    return searchTraces(experimentId, null, List.of(), 100, null);
  }

  /**
   * Searches an experiment's traces with MLflow's filter grammar, e.g.
   * {@code "trace.status = 'ERROR' AND tag.env = 'prod'"}, and order, e.g.
   * {@code "timestamp_ms DESC"}; one page of at most {@code maxResults} trace infos.
   */
  public static TraceInfoPage searchTraces(String experimentId, @Nullable String filter,
      List<String> orderBy, int maxResults, @Nullable String pageToken) {
    Objects.requireNonNull(experimentId, "experimentId");
    Objects.requireNonNull(orderBy, "orderBy");
    return RemoteCalls.run("Searching traces", c ->
        MlflowTraceReader.search(c, experimentId, filter, orderBy, maxResults, pageToken));
  }

  /** Deletes traces of an experiment by id; returns how many were deleted. */
  public static int deleteTraces(String experimentId, List<String> traceIds) {
    Objects.requireNonNull(experimentId, "experimentId");
    int deleted = RemoteCalls.run("Deleting traces",
        c -> MlflowTraceEditor.deleteTraces(c, experimentId, List.copyOf(traceIds)));
    traceIds.forEach(TracelightRuntime.get()::forget);
    return deleted;
  }

  /** Deletes up to {@code maxTraces} traces of an experiment started before {@code cutoff}. */
  public static int deleteTracesBefore(String experimentId, Instant cutoff, int maxTraces) {
    Objects.requireNonNull(experimentId, "experimentId");
    Objects.requireNonNull(cutoff, "cutoff");
    return RemoteCalls.run("Deleting traces",
        c -> MlflowTraceEditor.deleteTracesBefore(c, experimentId, cutoff, maxTraces));
  }

  /** Sets a tag on a logged trace. */
  public static void setTraceTag(String traceId, String key, String value) {
    RemoteCalls.run("Setting a trace tag", c -> {
      MlflowTraceEditor.setTag(c, traceId, key, value);
      return null;
    });
    TracelightRuntime.get().forget(traceId); // re-read from the server, tags included
  }

  /** Removes a tag from a logged trace. */
  public static void deleteTraceTag(String traceId, String key) {
    RemoteCalls.run("Deleting a trace tag", c -> {
      MlflowTraceEditor.deleteTag(c, traceId, key);
      return null;
    });
    TracelightRuntime.get().forget(traceId);
  }

  /**
   * Logs feedback on a trace, such as an end user's rating: an MLflow assessment. {@code value} is
   * any JSON-serializable value (boolean, number, string, map).
   */
  public static Assessment logFeedback(String traceId, String name, @Nullable Object value,
      @Nullable String rationale, AssessmentSource source) {
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Assessment assessment = RemoteCalls.run("Logging feedback", c ->
        MlflowTraceEditor.logFeedback(c, traceId, null, name, value, rationale, source, Map.of()));
    TracelightRuntime.get().forget(traceId);
    return assessment;
  }

  /** Waits up to {@link #DEFAULT_FLUSH_TIMEOUT} for queued traces to be exported. */
  public static boolean flush() {
    return flush(DEFAULT_FLUSH_TIMEOUT);
  }

  /**
   * Waits until every trace finished before this call was exported (or failed for good).
   *
   * @return false if the timeout passed first
   */
  public static boolean flush(Duration timeout) {
    return TracelightRuntime.get().flush(Objects.requireNonNull(timeout, "timeout"));
  }

  /** Export counters: exported, retried, failed, dropped, queued. */
  public static ExportStats exportStats() {
    return TracelightRuntime.get().stats();
  }
}
