package dev.tracelight.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The OpenTelemetry span processor that turns spans into MLflow traces. On start it stamps each span
 * with its MLflow trace id; it collects ended spans per trace, and when the trace's root ends it
 * assembles the {@link Trace} (span processors applied, trace updates merged) and hands it on. The
 * first span seen of a trace is its root, so a trace nested in another provider's span completes.
 */
final class TraceAssembler
    implements io.opentelemetry.sdk.trace.SpanProcessor, RecordingLiveSpan.DeferredValues {
  private static final Logger logger = Logger.getLogger(TraceAssembler.class.getName());
  /** Bounds memory when spans are never ended; spans beyond it are dropped. */
  static final int MAX_SPANS_PER_TRACE = 100_000;

  /** Where finished traces go. */
  interface Sink {
    /** A finished trace, assembled already or when first needed. */
    void traceFinished(PendingTrace trace);

    /** A span that ended after its trace's root; the trace was already handed on. */
    void lateSpan(Span span);

    /** A trace a span processor dropped entirely. */
    void traceDropped(String traceId);
  }

  private final Map<String, InFlightTrace> inFlight = new ConcurrentHashMap<>();
  /** Deferred values of spans that end after their trace was handed on, by span id. */
  private final Map<String, Map<String, Supplier<String>>> lateDeferred = new ConcurrentHashMap<>();
  private final Supplier<String> experimentId;
  private final Supplier<TracelightConfig> config;
  private final Sink sink;

  TraceAssembler(Supplier<String> experimentId, Supplier<TracelightConfig> config, Sink sink) {
    this.experimentId = experimentId;
    this.config = config;
    this.sink = sink;
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    try {
      String traceId = span.getSpanContext().getTraceId();
      span.setAttribute(
          SpanAttributeKey.REQUEST_ID, TraceJson.quote(TraceIds.mlflowTraceId(traceId)));
      inFlight.computeIfAbsent(traceId, id -> new InFlightTrace(id, span.getSpanContext().getSpanId()));
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, "Tracelight could not start a span; the traced code continues", e);
    }
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    try {
      SpanData data = span.toSpanData();
      InFlightTrace trace = inFlight.get(data.getTraceId());
      if (trace == null) {
        Map<String, Supplier<String>> deferred = lateDeferred.remove(data.getSpanId());
        sink.lateSpan(SpanDataConverter.convert(data, null,
            deferred == null ? Map.of() : deferred, config.get().maxAttributeChars()));
        return;
      }
      trace.add(data);
      if (data.getSpanId().equals(trace.rootSpanId) && inFlight.remove(data.getTraceId(), trace)) {
        assemble(trace);
      }
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, "Tracelight could not record a span; the traced code continues", e);
    }
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  @Override
  public void attach(String traceId, String spanId, Map<String, Supplier<String>> values) {
    InFlightTrace trace = inFlight.get(traceId);
    if (trace != null) {
      trace.defer(spanId, values);
    } else {
      lateDeferred.put(spanId, values);
    }
  }

  /**
   * Records changes to an unfinished trace; false when the trace is not in progress here (already
   * finished, or not recorded).
   */
  boolean update(String otelTraceId, TraceUpdate update) {
    InFlightTrace trace = inFlight.get(otelTraceId);
    if (trace == null) {
      return false;
    }
    trace.update(update);
    return true;
  }

  /**
   * Hands a finished trace on. Without span processors, assembly waits until the trace is needed
   * (export or read), off the traced call's path; processors may drop traces, so with them the
   * trace is assembled now and a dropped one is never handed on.
   */
  private void assemble(InFlightTrace trace) {
    TracelightConfig current = config.get();
    String traceId = TraceIds.mlflowTraceId(trace.otelTraceId);
    String experiment = experimentId.get();
    if (current.spanProcessors().isEmpty()) {
      sink.traceFinished(PendingTrace.deferred(traceId, experiment, () -> build(trace, current, experiment)));
      return;
    }
    Trace built = build(trace, current, experiment);
    if (built == null) {
      sink.traceDropped(traceId);
    } else {
      sink.traceFinished(PendingTrace.ready(built));
    }
  }

  /** The trace, or null when a span processor dropped its root. */
  @Nullable
  private static Trace build(InFlightTrace trace, TracelightConfig config, @Nullable String experimentId) {
    List<Span> spans = new ArrayList<>();
    Span root = null;
    for (SpanData data : trace.spans()) {
      Span span = SpanDataConverter.convert(
          data, trace.rootSpanId, trace.deferred(data.getSpanId()), config.maxAttributeChars());
      spans.add(span);
      if (data.getSpanId().equals(trace.rootSpanId)) {
        root = span;
      }
    }
    List<Span> processed = SpanProcessing.apply(spans, trace.rootSpanId, config.spanProcessors());
    if (processed == null) {
      return null;
    }
    Span processedRoot =
        processed.stream().filter(s -> s.spanId().equals(trace.rootSpanId)).findFirst().orElse(root);
    return TraceFactory.create(processed, processedRoot, experimentId, trace.updates());
  }

  @Override
  public CompletableResultCode shutdown() {
    inFlight.clear();
    return CompletableResultCode.ofSuccess();
  }

  private static final class InFlightTrace {
    final String otelTraceId;
    final String rootSpanId;
    private final List<SpanData> spans = new ArrayList<>();
    private final List<TraceUpdate> updates = new ArrayList<>(0);
    private final Map<String, Map<String, Supplier<String>>> deferred = new HashMap<>();

    InFlightTrace(String otelTraceId, String rootSpanId) {
      this.otelTraceId = otelTraceId;
      this.rootSpanId = rootSpanId;
    }

    synchronized void defer(String spanId, Map<String, Supplier<String>> values) {
      deferred.put(spanId, values);
    }

    synchronized Map<String, Supplier<String>> deferred(String spanId) {
      return deferred.getOrDefault(spanId, Map.of());
    }

    synchronized void add(SpanData data) {
      if (spans.size() < MAX_SPANS_PER_TRACE) {
        spans.add(data);
      }
    }

    synchronized void update(TraceUpdate update) {
      updates.add(update);
    }

    synchronized List<SpanData> spans() {
      return new ArrayList<>(spans);
    }

    synchronized List<TraceUpdate> updates() {
      return new ArrayList<>(updates);
    }
  }
}
