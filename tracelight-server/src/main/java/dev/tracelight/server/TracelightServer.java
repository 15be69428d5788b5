package dev.tracelight.server;

import static java.util.Objects.requireNonNull;

import dev.tracelight.store.Storage;
import dev.tracelight.store.StorageFactory;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Tracelight tracking server: MLflow REST API, OTLP ingest and the web UI over one
 * store. Start one in-process with {@link #start(TracelightServerConfig)}; close it to stop.
 *
 * <pre>{@code
 * try (TracelightServer server = TracelightServer.start(TracelightServerConfig.builder()
 *     .setPort(0).setBackendStoreUri("sqlite:///" + dir.resolve("t.db")).build())) {
 *   URI tracking = URI.create(server.url());
 * }
 * }</pre>
 */
public final class TracelightServer implements AutoCloseable {
  /** The MLflow version we answer at {@code /version}; ≥ 3.4 tells clients OTLP is accepted. */
  public static final String MLFLOW_VERSION = "3.5.0";

  private static final Logger LOG = LoggerFactory.getLogger(TracelightServer.class);

  private final Javalin app;
  private final Storage storage;
  private final String host;

  private TracelightServer(Javalin app, Storage storage, String host) {
    this.app = app;
    this.storage = storage;
    this.host = host;
  }

  /**
   * Opens the store (migrating it) and starts listening.
   *
   * @throws IllegalArgumentException for a bad store URI or price file
   * @throws RuntimeException if the port cannot be bound or the store cannot be opened
   */
  public static TracelightServer start(TracelightServerConfig config) {
    requireNonNull(config, "config");
    SpanEnrichment enrichment =
        new SpanEnrichment(PriceTable.load(config.priceFile().orElse(null)));
    Storage storage = StorageFactory.open(config.backendStoreUri());
    try {
      if (config.auth() && !storage.users().hasUsers()) {
        throw new IllegalStateException("Authentication is on but the store has no users."
            + " Create the first one with: tracelight users create <name> --backend-store-uri"
            + " <this server's store URI>");
      }
      Javalin app = Javalin.create(c -> configure(c, config, storage, enrichment));
      app.start(config.host(), config.port());
      TracelightServer server = new TracelightServer(app, storage, config.host());
      LOG.info("Tracelight server (MLflow API {}) on {} with store {}, authentication {}",
          MLFLOW_VERSION, server.url(), storage, !config.auth() ? "off"
              : config.authExemptArtifacts() ? "on (trace artifacts exempt)" : "on");
      if (!config.auth() && !isLoopback(config.host())) {
        LOG.warn("Listening on {} without authentication: anyone who can reach it can read and"
            + " change traces. Start with --auth (see tracelight users create).", config.host());
      }
      return server;
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
  }

  private static void configure(JavalinConfig c, TracelightServerConfig config, Storage storage,
      SpanEnrichment enrichment) {
    c.startup.showJavalinBanner = false;
    c.startup.showOldJavalinVersionWarning = false;
    c.http.maxRequestSize = config.maxRequestBytes();
    RequestBodies bodies = new RequestBodies(config.maxRequestBytes());

    RequestGuard.create(config, config.auth() ? storage.users() : null).register(c.routes);
    ErrorResponses.register(c.routes);
    c.routes.get("/version", ctx -> ctx.contentType("text/plain").result(MLFLOW_VERSION));
    c.routes.get("/health", ctx -> {
      storage.check();
      ctx.contentType("text/plain").result("OK");
    });
    new OtlpTraceIngest(storage.traceWriter(), bodies, enrichment).register(c.routes);
    MlflowRoutes mlflow = new MlflowRoutes(c.routes);
    new MlflowExperimentsApi(storage.experiments(), bodies).register(mlflow);
    new MlflowExperimentEditsApi(storage.experiments(), bodies).register(mlflow);
    MlflowLegacyTracesApi legacy = new MlflowLegacyTracesApi(
        storage.experiments(), storage.traceWriter(), storage.traceReader(), bodies);
    new MlflowTracesApi(storage.traceWriter(), storage.traceReader(), bodies, legacy)
        .register(mlflow);
    new MlflowTraceLinksApi(storage.traceWriter(), storage.traceReader(), bodies).register(mlflow);
    legacy.register(mlflow);
    new MlflowTraceTagsApi(storage.traceWriter(), bodies).register(mlflow);
    new MlflowAssessmentsApi(storage.assessments(), bodies).register(mlflow);
    new TracelightOverviewApi(storage.experiments(), storage.statistics()).register(mlflow);
    new MlflowArtifactsApi(storage.traceWriter(), storage.traceReader(), bodies, enrichment)
        .register(mlflow);
    new TracelightTraceViewApi(storage.traceReader()).register(mlflow);
    MlflowRoutes.registerEndpointNotFound(c.routes);
    WebUi.register(c, config.auth());
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1")
        || host.equals("[::1]");
  }

  /** The port listened on (the chosen one when configured with 0). */
  public int port() {
    return app.port();
  }

  /** Base URL, e.g. {@code http://127.0.0.1:5000}; use it as the MLflow tracking URI. */
  public String url() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port();
  }

  /** Stops listening, then closes the store. */
  @Override
  public void close() {
    try {
      app.stop();
    } finally {
      storage.close();
    }
  }
}
