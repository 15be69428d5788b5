package dev.tracelight.tracing;

import io.opentelemetry.context.Scope;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A span being recorded. Setters never throw: a value that cannot be recorded is logged at a fine
 * level and skipped, so tracing cannot break the traced code. Values are stored the MLflow way, as
 * JSON text; objects are serialized with Jackson.
 *
 * <p>Use in try-with-resources; {@link #close()} ends the span (and, for a span from
 * {@link Tracelight#startSpan(String, SpanType)}, restores the previous current span):
 *
 * <pre>{@code
 * try (LiveSpan span = Tracelight.startSpan("retrieve", SpanType.RETRIEVER)) {
 *   span.setInputs(Map.of("query", query));
 *   span.setOutputs(search(query));
 * }
 * }</pre>
 */
public interface LiveSpan extends AutoCloseable {

  /** The MLflow trace id ({@code tr-...}), or an empty string for a span that is not recorded. */
  String traceId();

  /** The span id (16 hex digits), or an empty string for a span that is not recorded. */
  String spanId();

  /** Whether this span is being recorded (false when tracing is off or failed). */
  boolean isRecording();

  /** Sets the span's inputs, serialized to JSON. */
  LiveSpan setInputs(@Nullable Object inputs);

  /** Sets the span's inputs from JSON text the caller already has; it is stored as given. */
  LiveSpan setInputsJson(String json);

  /**
   * Sets the span's inputs from JSON text produced later, when the trace is assembled (usually on
   * the export thread), so serializing a large value costs the traced call nothing. The supplier
   * is called at most once, from any thread: it must only read immutable state.
   */
  LiveSpan setInputsJson(Supplier<String> json);

  /** Sets the span's outputs, serialized to JSON. */
  LiveSpan setOutputs(@Nullable Object outputs);

  /** Sets the span's outputs from JSON text the caller already has; it is stored as given. */
  LiveSpan setOutputsJson(String json);

  /** Sets the span's outputs from JSON text produced later; see {@link #setInputsJson(Supplier)}. */
  LiveSpan setOutputsJson(Supplier<String> json);

  /** Sets an attribute, serialized to JSON. */
  LiveSpan setAttribute(String key, @Nullable Object value);

  /** Sets an attribute from JSON text; it is stored as given. */
  LiveSpan setAttributeJson(String key, String json);

  /** Sets an attribute from JSON text produced later; see {@link #setInputsJson(Supplier)}. */
  LiveSpan setAttributeJson(String key, Supplier<String> json);

  /** Sets several attributes, each serialized to JSON. */
  LiveSpan setAttributes(Map<String, ?> attributes);

  /** Adds an event now; attribute values are plain strings, numbers, booleans or lists. */
  LiveSpan addEvent(String name, Map<String, ?> attributes);

  /**
   * Records an {@code exception} event (type, message, stack trace) and sets the status to ERROR
   * with {@code "<Type>: <message>"}.
   */
  LiveSpan recordException(Throwable exception);

  /** Sets the status; a span ended without an ERROR status ends as OK. */
  LiveSpan setStatus(SpanStatusCode code, @Nullable String description);

  /** Makes this span the current one on this thread until the returned scope is closed. */
  Scope makeCurrent();

  /** Ends the span. Only the first call has an effect. */
  void end();

  /** Ends the span; see {@link #end()}. */
  @Override
  default void close() {
    end();
  }
}
