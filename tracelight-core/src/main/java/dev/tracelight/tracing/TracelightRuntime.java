package dev.tracelight.tracing;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The process-wide tracing state behind {@link Tracelight}: configuration, the private tracer
 * provider and its trace assembler, the recent-trace cache, the tracking target and the export
 * pipeline.
 */
final class TracelightRuntime implements TraceAssembler.Sink {
  private static final Logger logger = Logger.getLogger(TracelightRuntime.class.getName());
  private static final String INSTRUMENTATION_NAME = "dev.tracelight";
  private static final Duration SHUTDOWN_FLUSH_TIMEOUT = Duration.ofSeconds(10);

  private static final class Holder {
    static final TracelightRuntime INSTANCE = new TracelightRuntime(System.getenv());
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<String, String> env;
  private final ExperimentResolver experiments;
  private final RecentTraces recent = new RecentTraces(RecentTraces.DEFAULT_CAPACITY);
  private final AtomicReference<String> lastActiveTraceId = new AtomicReference<>();
  private final AtomicLong droppedByProcessors = new AtomicLong();
  private final DynamicSampler sampler = new DynamicSampler();
  private final MlflowTraceExporter exporter;
  private final ExportPipeline pipeline;
  private final TraceAssembler assembler;
  private final Tracer tracer;
  private volatile TracelightConfig config = TracelightConfig.defaults();
  @Nullable private volatile MlflowRestClient client;

  TracelightRuntime(Map<String, String> env) {
    this.env = env;
    this.experiments =
        new ExperimentResolver(env.get("MLFLOW_EXPERIMENT_NAME"), env.get("MLFLOW_EXPERIMENT_ID"));
    this.exporter = new MlflowTraceExporter(
        () -> client, experiments, () -> config.exportRetryTimeout(), recent::update);
    this.pipeline = new ExportPipeline(
        exporter, config.exportQueueCapacity(), config.exportBatchSize());
    this.assembler = new TraceAssembler(experiments::knownId, () -> config, this);
    SdkTracerProvider provider =
        SdkTracerProvider.builder().setSampler(sampler).addSpanProcessor(assembler).build();
    this.tracer = provider.get(INSTRUMENTATION_NAME);
    String uri = env.get("MLFLOW_TRACKING_URI");
    if (uri != null && !uri.isBlank()) {
      try {
        setTrackingUri(uri);
      } catch (IllegalArgumentException e) {
        logger.warning("Ignoring MLFLOW_TRACKING_URI: " + e.getMessage());
      }
    }
    Runtime.getRuntime().addShutdownHook(
        new Thread(() -> pipeline.flush(SHUTDOWN_FLUSH_TIMEOUT), "tracelight-flush"));
  }

  static TracelightRuntime get() {
    return Holder.INSTANCE;
  }

  void configure(TracelightConfig newConfig) {
    this.config = newConfig;
    sampler.setRatio(newConfig.samplingRatio());
    pipeline.resize(newConfig.exportQueueCapacity(), newConfig.exportBatchSize());
  }

  TracelightConfig config() {
    return config;
  }

  void setTrackingUri(@Nullable String uri) {
    if (uri == null || uri.isBlank()) {
      client = null;
      return;
    }
    URI parsed;
    try {
      parsed = URI.create(uri.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a valid tracking URI: " + uri, e);
    }
    String scheme = parsed.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException(
          "Tracelight sends traces to an MLflow tracking server over http(s); got " + uri);
    }
    String base = uri.trim().replaceAll("/+$", "");
    client = new MlflowRestClient(base, MlflowRestClient.authorizationFromEnv(env), http);
    experiments.reset();
  }

  Optional<String> trackingUri() {
    MlflowRestClient c = client;
    return c == null ? Optional.empty() : Optional.of(c.baseUri());
  }

  /** The configured client, for calls the user asked for. */
  MlflowRestClient requireClient() {
    MlflowRestClient c = client;
    if (c == null) {
      throw new IllegalStateException(
          "No tracking server: call Tracelight.setTrackingUri(...) or set MLFLOW_TRACKING_URI");
    }
    return c;
  }

  /** Sets the experiment by name and resolves it now if a server is set; on failure, at export. */
  void setExperiment(String name) {
    experiments.setName(name);
    MlflowRestClient c = client;
    if (c == null) {
      return;
    }
    try {
      experiments.resolve(c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      logger.log(Level.WARNING, "Could not look up or create experiment '" + name + "' at "
          + c.baseUri() + ": " + MlflowTraceExporter.describe(e)
          + "; will retry when exporting traces", e instanceof java.io.IOException ? null : e);
    }
  }

  ExperimentResolver experiments() {
    return experiments;
  }

  LiveSpan startSpan(String name, SpanType type, Context parent) {
    try {
      io.opentelemetry.api.trace.Span span = tracer.spanBuilder(name).setParent(parent).startSpan();
      if (!span.isRecording()) {
        return NoopLiveSpan.unsampled(span);
      }
      RecordingLiveSpan live = new RecordingLiveSpan(span, () -> config.maxAttributeChars(), assembler);
      live.setAttributeJson(SpanAttributeKey.SPAN_TYPE, TraceJson.quote(type.value()));
      return live;
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, "Tracelight could not start span '" + name + "'", e);
      return NoopLiveSpan.INSTANCE;
    }
  }

  /** Applies an update to the trace of the current span; false when there is none in progress. */
  boolean updateCurrentTrace(TraceUpdate update) {
    SpanContext current = io.opentelemetry.api.trace.Span.current().getSpanContext();
    return current.isValid() && assembler.update(current.getTraceId(), update);
  }

  @Override
  public void traceFinished(PendingTrace trace) {
    recent.put(trace);
    lastActiveTraceId.set(trace.traceId());
    if (client != null) {
      pipeline.enqueue(ExportItem.trace(trace));
    }
  }

  @Override
  public void lateSpan(Span span) {
    Optional<Trace> trace = recent.appendSpan(span);
    if (client != null) {
      String experimentId = trace.map(t -> t.info().experimentId()).orElse(experiments.knownId());
      pipeline.enqueue(ExportItem.lateSpan(span, experimentId));
    }
  }

  @Override
  public void traceDropped(String traceId) {
    droppedByProcessors.incrementAndGet();
    logger.fine(() -> "A span processor dropped trace " + traceId);
  }

  Optional<String> lastActiveTraceId() {
    return Optional.ofNullable(lastActiveTraceId.get());
  }

  Optional<Trace> getTrace(String traceId) {
    Optional<Trace> cached = recent.get(traceId);
    MlflowRestClient c = client;
    if (cached.isPresent() || c == null) {
      return cached;
    }
    try {
      return MlflowTraceReader.getTrace(c, traceId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      logger.log(Level.WARNING, "Could not read trace " + traceId + " from " + c.baseUri() + ": "
          + MlflowTraceExporter.describe(e), e instanceof java.io.IOException ? null : e);
      return Optional.empty();
    }
  }

  /** Forgets a trace kept in memory, e.g. after it was deleted on the server. */
  void forget(String traceId) {
    recent.remove(traceId);
  }

  boolean flush(Duration timeout) {
    return pipeline.flush(timeout);
  }

  ExportStats stats() {
    return ExportStats.create(
        exporter.exportedCount(),
        exporter.retriedCount(),
        exporter.failedCount(),
        pipeline.droppedCount(),
        droppedByProcessors.get(),
        pipeline.queued());
  }
}
