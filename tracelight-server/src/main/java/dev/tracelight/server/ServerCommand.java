package dev.tracelight.server;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tracelight server}: runs the tracking server until the JVM is stopped. */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = "Run the tracking server: MLflow REST API, OTLP ingest and the web UI.")
final class ServerCommand implements Callable<Integer> {

  @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host = TracelightServerConfig.DEFAULT_HOST;

  @Option(names = "--port", description = "Port to listen on, 0 for any (default: ${DEFAULT-VALUE}).")
  int port = TracelightServerConfig.DEFAULT_PORT;

  @Option(
      names = "--backend-store-uri",
      description = "sqlite:///relative.db, sqlite:////absolute.db or "
          + "postgresql://user:password@host:port/db (default: ${DEFAULT-VALUE}).")
  String backendStoreUri = TracelightServerConfig.DEFAULT_BACKEND_STORE_URI;

  @Option(
      names = "--max-request-bytes",
      description = "Largest request body, after decompression (default: ${DEFAULT-VALUE}).")
  long maxRequestBytes = TracelightServerConfig.DEFAULT_MAX_REQUEST_BYTES;

  @Option(
      names = "--auth",
      description = "Require a user's password (HTTP Basic) or an API token (Bearer) on every"
          + " route but GET /health. Create users first with: tracelight users create <name>.")
  boolean auth;

  @Option(
      names = "--auth-exempt-artifacts",
      description = "With --auth, let the trace artifact PUT/GET through without credentials,"
          + " for MLflow's TypeScript SDK, which sends none there (see the README).")
  boolean authExemptArtifacts;

  @Option(
      names = "--allowed-hosts",
      split = ",",
      paramLabel = "<host>",
      description = "Host header values to serve, against DNS rebinding: host, host:port,"
          + " *.domain or * (default: localhost, 127.0.0.1, [::1] and the --host address).")
  List<String> allowedHosts = List.of();

  @Option(
      names = "--cors-allowed-origins",
      split = ",",
      paramLabel = "<origin>",
      description = "Web origins (https://host[:port], or *) allowed to call the server from a"
          + " browser (default: none).")
  List<String> corsAllowedOrigins = List.of();

  @Option(
      names = "--price-file",
      paramLabel = "FILE",
      description = "JSON prices (USD per million tokens) overriding and extending the built-in"
          + " Anthropic prices for span and trace costs; checked at start-up.")
  Path priceFile;

  @Override
  public Integer call() throws InterruptedException {
    TracelightServer server = TracelightServer.start(TracelightServerConfig.builder()
        .setHost(host)
        .setPort(port)
        .setBackendStoreUri(backendStoreUri)
        .setMaxRequestBytes(maxRequestBytes)
        .setAuth(auth)
        .setAuthExemptArtifacts(authExemptArtifacts)
        .setAllowedHosts(allowedHosts)
        .setCorsAllowedOrigins(corsAllowedOrigins)
        .setPriceFile(priceFile)
        .build());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "tracelight-shutdown"));
    System.out.println("Tracelight server listening on " + server.url());
    stopped.await();
    return 0;
  }
}
