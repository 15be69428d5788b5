package dev.tracelight.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A {@link LiveSpan} backed by an OpenTelemetry span of Tracelight's private tracer provider. */
final class RecordingLiveSpan implements LiveSpan {
  private static final Logger logger = Logger.getLogger(RecordingLiveSpan.class.getName());

  /** Lets {@link Tracelight#currentSpan()} find the LiveSpan of the current OpenTelemetry span. */
  static final ContextKey<RecordingLiveSpan> CONTEXT_KEY = ContextKey.named("tracelight-live-span");

  private final io.opentelemetry.api.trace.Span otelSpan;
  private final IntSupplier maxAttributeChars;
  private final DeferredValues deferredSink;
  /** Values whose JSON is produced at assembly, off the traced call's path. Guarded by this. */
  @Nullable private Map<String, Supplier<String>> deferred;
  private final String traceId;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile boolean failed;
  /** Set for a scoped span (Tracelight.startSpan): the scope it holds on its starting thread. */
  @Nullable private Scope ownScope;
  @Nullable private Thread ownScopeThread;

  /** Where a span hands its deferred values when it ends: the trace assembler. */
  interface DeferredValues {
    void attach(String traceId, String spanId, Map<String, Supplier<String>> values);
  }

  RecordingLiveSpan(
      io.opentelemetry.api.trace.Span otelSpan, IntSupplier maxAttributeChars, DeferredValues deferredSink) {
    this.otelSpan = otelSpan;
    this.maxAttributeChars = maxAttributeChars;
    this.deferredSink = deferredSink;
    this.traceId = TraceIds.mlflowTraceId(otelSpan.getSpanContext().getTraceId());
  }

  io.opentelemetry.api.trace.Span otelSpan() {
    return otelSpan;
  }

  @Override
  public String traceId() {
    return traceId;
  }

  @Override
  public String spanId() {
    return otelSpan.getSpanContext().getSpanId();
  }

  @Override
  public boolean isRecording() {
    return otelSpan.isRecording();
  }

  @Override
  public LiveSpan setInputs(@Nullable Object inputs) {
    return setAttribute(SpanAttributeKey.INPUTS, inputs);
  }

  @Override
  public LiveSpan setInputsJson(String json) {
    return setAttributeJson(SpanAttributeKey.INPUTS, json);
  }

  @Override
  public LiveSpan setInputsJson(Supplier<String> json) {
    return setAttributeJson(SpanAttributeKey.INPUTS, json);
  }

  @Override
  public LiveSpan setOutputsJson(Supplier<String> json) {
    return setAttributeJson(SpanAttributeKey.OUTPUTS, json);
  }

  @Override
  public synchronized LiveSpan setAttributeJson(String key, Supplier<String> json) {
    if (key == null || json == null || ended.get()) {
      return this;
    }
    if (deferred == null) {
      deferred = new LinkedHashMap<>(4);
    }
    deferred.put(key, json);
    return this;
  }

  /** A value set now replaces a deferred one for the same key. */
  private synchronized void dropDeferred(String key) {
    if (deferred != null) {
      deferred.remove(key);
    }
  }

  @Override
  public LiveSpan setOutputs(@Nullable Object outputs) {
    return setAttribute(SpanAttributeKey.OUTPUTS, outputs);
  }

  @Override
  public LiveSpan setOutputsJson(String json) {
    return setAttributeJson(SpanAttributeKey.OUTPUTS, json);
  }

  @Override
  public LiveSpan setAttribute(String key, @Nullable Object value) {
    if (key == null) {
      logger.fine("Ignoring a span attribute with a null key");
      return this;
    }
    dropDeferred(key);
    otelSpan.setAttribute(key, capped(TraceJson.encode(value)));
    return this;
  }

  @Override
  public LiveSpan setAttributeJson(String key, String json) {
    if (key == null || json == null) {
      logger.fine("Ignoring a span attribute with a null key or value");
      return this;
    }
    dropDeferred(key);
    otelSpan.setAttribute(key, capped(json));
    return this;
  }

  @Override
  public LiveSpan setAttributes(Map<String, ?> attributes) {
    if (attributes != null) {
      attributes.forEach(this::setAttribute);
    }
    return this;
  }

  @Override
  public LiveSpan addEvent(String name, Map<String, ?> attributes) {
    try {
      otelSpan.addEvent(name == null ? "event" : name, toOtel(attributes));
    } catch (RuntimeException e) {
      logger.log(Level.FINE, "Cannot add a span event", e);
    }
    return this;
  }

  @Override
  public LiveSpan recordException(Throwable exception) {
    if (exception == null) {
      return this;
    }
    StringWriter stack = new StringWriter();
    exception.printStackTrace(new PrintWriter(stack));
    String message = exception.getMessage() == null ? "" : exception.getMessage();
    otelSpan.addEvent(
        "exception",
        Attributes.builder()
            .put("exception.type", exception.getClass().getName())
            .put("exception.message", message)
            .put("exception.stacktrace", stack.toString())
            .build());
    return setStatus(SpanStatusCode.ERROR, exception.getClass().getSimpleName() + ": " + message);
  }

  @Override
  public LiveSpan setStatus(SpanStatusCode code, @Nullable String description) {
    if (code == null) {
      return this;
    }
    failed = code == SpanStatusCode.ERROR;
    StatusCode otelCode =
        code == SpanStatusCode.ERROR
            ? StatusCode.ERROR
            : code == SpanStatusCode.OK ? StatusCode.OK : StatusCode.UNSET;
    otelSpan.setStatus(otelCode, description == null ? "" : description);
    return this;
  }

  @Override
  public Scope makeCurrent() {
    return Context.current().with(otelSpan).with(CONTEXT_KEY, this).makeCurrent();
  }

  /** Restores the context a scoped span replaced; only its own thread can. */
  static void closeOwnScope(@Nullable Scope scope, @Nullable Thread owner) {
    if (scope == null) {
      return;
    }
    if (Thread.currentThread() == owner) {
      scope.close();
    } else {
      logger.warning("A span from Tracelight.startSpan ended on another thread; its starting thread"
          + " keeps it as current span. Use Tracelight.startDetachedSpan for spans that end"
          + " elsewhere.");
    }
  }

  /** Cuts a value over the configured size, with a marker a reader can see. */
  private String capped(String json) {
    return AttributeLimits.cap(json, maxAttributeChars.getAsInt());
  }

  /** Makes this span current on this thread until {@link #end()}. */
  void attachToThread() {
    ownScope = makeCurrent();
    ownScopeThread = Thread.currentThread();
  }

  @Override
  public void end() {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    closeOwnScope(ownScope, ownScopeThread);
    Map<String, Supplier<String>> values;
    synchronized (this) {
      values = deferred;
      deferred = null;
    }
    if (values != null) {
      deferredSink.attach(otelSpan.getSpanContext().getTraceId(), spanId(), values);
    }
    if (!failed) {
      // As MLflow does: a span that did not fail ended fine, so OK rather than UNSET.
      otelSpan.setStatus(StatusCode.OK);
    }
    otelSpan.end();
  }

  private static Attributes toOtel(@Nullable Map<String, ?> attributes) {
    if (attributes == null || attributes.isEmpty()) {
      return Attributes.empty();
    }
    AttributesBuilder b = Attributes.builder();
    attributes.forEach(
        (k, v) -> {
          if (k == null || v == null) {
            return;
          }
          if (v instanceof Boolean) {
            b.put(k, (Boolean) v);
          } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            b.put(k, ((Number) v).longValue());
          } else if (v instanceof Number) {
            b.put(k, ((Number) v).doubleValue());
          } else if (v instanceof List) {
            b.put(k, ((List<?>) v).stream().map(String::valueOf).toArray(String[]::new));
          } else {
            b.put(k, String.valueOf(v));
          }
        });
    return b.build();
  }

  @Override
  public String toString() {
    return "LiveSpan{" + traceId + "/" + spanId() + "}";
  }
}
