package dev.tracelight.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The span handed out when nothing is recorded, so callers never need a null check. For a span the
 * sampler left out it still carries the OpenTelemetry span, so that making it current keeps its
 * children out too: a trace is recorded whole or not at all.
 */
final class NoopLiveSpan implements LiveSpan {
  static final NoopLiveSpan INSTANCE = new NoopLiveSpan(io.opentelemetry.api.trace.Span.getInvalid());

  private final io.opentelemetry.api.trace.Span otelSpan;
  @Nullable private final Scope ownScope;
  @Nullable private final Thread ownScopeThread;

  private NoopLiveSpan(io.opentelemetry.api.trace.Span otelSpan) {
    this(otelSpan, null, null);
  }

  private NoopLiveSpan(io.opentelemetry.api.trace.Span otelSpan, @Nullable Scope scope, @Nullable Thread owner) {
    this.otelSpan = otelSpan;
    this.ownScope = scope;
    this.ownScopeThread = owner;
  }

  /** The scoped form of an unsampled span: current until it ends, so its children stay out. */
  NoopLiveSpan attachToThread() {
    if (!otelSpan.getSpanContext().isValid()) {
      return this;
    }
    return new NoopLiveSpan(otelSpan, makeCurrent(), Thread.currentThread());
  }

  /** A stand-in for a span the sampler did not record. */
  static NoopLiveSpan unsampled(io.opentelemetry.api.trace.Span otelSpan) {
    return new NoopLiveSpan(otelSpan);
  }

  @Override
  public String traceId() {
    return "";
  }

  @Override
  public String spanId() {
    return "";
  }

  @Override
  public boolean isRecording() {
    return false;
  }

  @Override
  public LiveSpan setInputs(@Nullable Object inputs) {
    return this;
  }

  @Override
  public LiveSpan setInputsJson(String json) {
    return this;
  }

  @Override
  public LiveSpan setOutputs(@Nullable Object outputs) {
    return this;
  }

  @Override
  public LiveSpan setOutputsJson(String json) {
    return this;
  }

  @Override
  public LiveSpan setAttribute(String key, @Nullable Object value) {
    return this;
  }

  @Override
  public LiveSpan setAttributeJson(String key, String json) {
    return this;
  }

  @Override
  public LiveSpan setInputsJson(Supplier<String> json) {
    return this;
  }

  @Override
  public LiveSpan setOutputsJson(Supplier<String> json) {
    return this;
  }

  @Override
  public LiveSpan setAttributeJson(String key, Supplier<String> json) {
    return this;
  }

  @Override
  public LiveSpan setAttributes(Map<String, ?> attributes) {
    return this;
  }

  @Override
  public LiveSpan addEvent(String name, Map<String, ?> attributes) {
    return this;
  }

  @Override
  public LiveSpan recordException(Throwable exception) {
    return this;
  }

  @Override
  public LiveSpan setStatus(SpanStatusCode code, @Nullable String description) {
    return this;
  }

  @Override
  public Scope makeCurrent() {
    return otelSpan.getSpanContext().isValid() ? Context.current().with(otelSpan).makeCurrent() : Scope.noop();
  }

  @Override
  public void end() {
    RecordingLiveSpan.closeOwnScope(ownScope, ownScopeThread);
    otelSpan.end();
  }
}
