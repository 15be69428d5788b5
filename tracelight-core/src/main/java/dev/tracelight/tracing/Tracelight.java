package dev.tracelight.tracing;

import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Tracelight's entry point: where traces go, manual spans, and reading traces back. The Java
 * counterpart of MLflow's {@code mlflow.set_tracking_uri}, {@code mlflow.set_experiment},
 * {@code mlflow.start_span}, {@code mlflow.get_last_active_trace_id} and {@code mlflow.get_trace}.
 *
 * <p>Defaults come from MLflow's environment variables: {@code MLFLOW_TRACKING_URI},
 * {@code MLFLOW_EXPERIMENT_NAME}, {@code MLFLOW_EXPERIMENT_ID}, and for authentication
 * {@code MLFLOW_TRACKING_TOKEN} (bearer) or {@code MLFLOW_TRACKING_USERNAME} /
 * {@code MLFLOW_TRACKING_PASSWORD} (basic). Without a tracking URI, traces stay in memory and are
 * readable with {@link #getTrace(String)}.
 *
 * <p>Traces are exported asynchronously; tracing never blocks or fails the traced code.
 */
public final class Tracelight {
  /** How long {@link #flush()} waits. */
  public static final Duration DEFAULT_FLUSH_TIMEOUT = Duration.ofSeconds(30);

  private Tracelight() {}

  /**
   * Sends traces to the MLflow tracking server at {@code uri} (e.g. {@code http://localhost:5000}),
   * a Tracelight server or any MLflow server; null or blank turns export off.
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
   * Sends traces to the experiment with this name, created on the tracking server when missing.
   * When the server cannot be reached now, a warning is logged and the experiment is looked up
   * again when traces are exported.
   *
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static void setExperiment(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("experiment name must not be blank");
    }
    TracelightRuntime.get().setExperiment(name);
  }

  /**
   * Starts a span, a child of the current span if there is one, else the root of a new trace. The
   * span is not made current; use {@link LiveSpan#makeCurrent()} for that. End it with
   * {@link LiveSpan#end()} or try-with-resources.
   */
  public static LiveSpan startSpan(String name, SpanType type) {
    return startSpan(name, type, Context.current());
  }

  /** Starts a span under an explicit parent context, e.g. one captured on another thread. */
  public static LiveSpan startSpan(String name, SpanType type, Context parent) {
    return TracelightRuntime.get()
        .startSpan(
            name == null ? "span" : name,
            type == null ? SpanType.UNKNOWN : type,
            parent == null ? Context.current() : parent);
  }

  /** The id of the trace that finished last in this JVM, if any. */
  public static Optional<String> lastActiveTraceId() {
    return TracelightRuntime.get().lastActiveTraceId();
  }

  /**
   * A trace by its MLflow id: from the recent traces kept in memory, else from the tracking server.
   * Empty when neither has it (or the server cannot be reached, which is logged).
   */
  public static Optional<Trace> getTrace(String traceId) {
    Objects.requireNonNull(traceId, "traceId");
    return TracelightRuntime.get().getTrace(traceId);
  }

  /** Waits up to {@link #DEFAULT_FLUSH_TIMEOUT} for queued traces to be exported. */
  public static boolean flush() {
    return flush(DEFAULT_FLUSH_TIMEOUT);
  }

  /**
   * Waits until every trace finished before this call has been exported (or its export failed).
   *
   * @return false if the timeout passed first
   */
  public static boolean flush(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    return TracelightRuntime.get().flush(timeout);
  }

  /** Export counters, for monitoring. */
  public static ExportStats exportStats() {
    TracelightRuntime runtime = TracelightRuntime.get();
    return ExportStats.create(
        runtime.exportedCount(), runtime.failedCount(), runtime.droppedCount());
  }
}
