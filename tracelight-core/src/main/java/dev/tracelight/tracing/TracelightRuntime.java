package dev.tracelight.tracing;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The process-wide tracing state behind {@link Tracelight}: the private tracer provider, the trace
 * assembler, the recent-trace cache, the tracking target and the export pipeline.
 */
final class TracelightRuntime {
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
  private final MlflowTraceExporter exporter;
  private final ExportPipeline pipeline;
  private final SdkTracerProvider provider;
  private final Tracer tracer;
  @Nullable private volatile MlflowRestClient client;

  TracelightRuntime(Map<String, String> env) {
    this.env = env;
    this.experiments =
        new ExperimentResolver(env.get("MLFLOW_EXPERIMENT_NAME"), env.get("MLFLOW_EXPERIMENT_ID"));
    this.exporter = new MlflowTraceExporter(() -> client, experiments, recent::update);
    this.pipeline = new ExportPipeline(exporter, ExportPipeline.DEFAULT_QUEUE_CAPACITY);
    this.provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(new TraceAssembler(experiments::knownId, this::onTraceFinished))
            .build();
    this.tracer = provider.get(INSTRUMENTATION_NAME);
    String uri = env.get("MLFLOW_TRACKING_URI");
    if (uri != null && !uri.isBlank()) {
      try {
        setTrackingUri(uri);
      } catch (IllegalArgumentException e) {
        logger.warning("Ignoring MLFLOW_TRACKING_URI: " + e.getMessage());
      }
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> pipeline.flush(SHUTDOWN_FLUSH_TIMEOUT), "tracelight-flush"));
  }

  static TracelightRuntime get() {
    return Holder.INSTANCE;
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
      logger.log(
          Level.WARNING,
          "Could not look up or create experiment '" + name + "' at " + c.baseUri() + ": "
              + MlflowTraceExporter.describe(e) + "; will retry when exporting traces",
          e instanceof java.io.IOException ? null : e);
    }
  }

  @Nullable
  String experimentName() {
    return experiments.name();
  }

  LiveSpan startSpan(String name, SpanType type, Context parent) {
    try {
      io.opentelemetry.api.trace.Span span =
          tracer.spanBuilder(name).setParent(parent).startSpan();
      RecordingLiveSpan live = new RecordingLiveSpan(span);
      live.setAttributeJson(SpanAttributeKey.SPAN_TYPE, TraceJson.quote(type.value()));
      return live;
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, "Tracelight could not start span '" + name + "'", e);
      return NoopLiveSpan.INSTANCE;
    }
  }

  private void onTraceFinished(Trace trace) {
    recent.put(trace);
    lastActiveTraceId.set(trace.info().traceId());
    if (client != null) {
      pipeline.enqueue(trace);
    }
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
      logger.log(Level.WARNING, "Could not read trace " + traceId + " from " + c.baseUri(), e);
      return Optional.empty();
    }
  }

  boolean flush(Duration timeout) {
    return pipeline.flush(timeout);
  }

  long exportedCount() {
    return exporter.exportedCount();
  }

  long failedCount() {
    return exporter.failedCount();
  }

  long droppedCount() {
    return pipeline.droppedCount();
  }
}
