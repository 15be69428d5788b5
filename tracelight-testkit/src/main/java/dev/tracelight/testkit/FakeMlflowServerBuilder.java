package dev.tracelight.testkit;

import static java.util.Objects.requireNonNull;

/**
 * Configures a {@link FakeMlflowServer}. Every setting has a default matching a stock server of the
 * chosen version: OTLP ingestion from 3.4, spans kept in the tracking store (and so the {@code
 * mlflow.trace.spansLocation} tag) from 3.5, no authentication. Not thread-safe; build on one
 * thread.
 */
public final class FakeMlflowServerBuilder {

  private String version = FakeMlflowServer.DEFAULT_VERSION;
  @Nullable private Boolean otlpEnabled;
  @Nullable private Boolean spansInTrackingStore;
  @Nullable private String basicUser;
  @Nullable private String basicPassword;
  @Nullable private String bearerToken;
  private boolean authOnArtifacts = true;
  private int port;

  FakeMlflowServerBuilder() {}

  /**
   * What {@code GET /version} answers, e.g. {@code 3.3.0}; also gates GetTrace (3.5 and later).
   * Default {@link FakeMlflowServer#DEFAULT_VERSION}.
   */
  public FakeMlflowServerBuilder setVersion(String version) {
    requireNonNull(version, "version");
    if (!ServerConfig.isVersion(version)) {
      throw new IllegalArgumentException("version must start with major.minor, got " + version);
    }
    this.version = version;
    return this;
  }

  /**
   * Whether {@code POST /v1/traces} exists; when false it is a 404, as on a server without the
   * route. Default: true from version 3.4 on.
   */
  public FakeMlflowServerBuilder setOtlpEnabled(boolean otlpEnabled) {
    this.otlpEnabled = otlpEnabled;
    return this;
  }

  /**
   * Whether StartTraceV3 answers with tag {@code mlflow.trace.spansLocation = TRACKING_STORE},
   * telling the client its OTLP spans are stored and {@code traces.json} need not be uploaded.
   * Default: true from version 3.5 on, when OTLP is enabled.
   */
  public FakeMlflowServerBuilder setSpansInTrackingStore(boolean spansInTrackingStore) {
    this.spansInTrackingStore = spansInTrackingStore;
    return this;
  }

  /** Requires {@code Authorization: Basic base64(user:password)}; replaces a bearer token. */
  public FakeMlflowServerBuilder setBasicAuth(String user, String password) {
    requireNonNull(user, "user");
    requireNonNull(password, "password");
    if (user.isEmpty() || user.indexOf(':') >= 0) {
      throw new IllegalArgumentException("user must be non-empty and contain no ':'");
    }
    this.basicUser = user;
    this.basicPassword = password;
    this.bearerToken = null;
    return this;
  }

  /** Requires {@code Authorization: Bearer <token>}; replaces basic auth. */
  public FakeMlflowServerBuilder setBearerToken(String token) {
    requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    this.bearerToken = token;
    this.basicUser = null;
    this.basicPassword = null;
    return this;
  }

  /**
   * Whether the artifact routes require authentication too, when it is configured. Default true;
   * real deployments differ (the TypeScript SDK sends no credentials there).
   */
  public FakeMlflowServerBuilder setAuthOnArtifacts(boolean authOnArtifacts) {
    this.authOnArtifacts = authOnArtifacts;
    return this;
  }

  /** The port to listen on; 0 (the default) for a free one. */
  public FakeMlflowServerBuilder setPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    this.port = port;
    return this;
  }

  /**
   * Starts the server on 127.0.0.1.
   *
   * @throws IllegalStateException if the port cannot be bound
   */
  public FakeMlflowServer start() {
    boolean otlp = otlpEnabled != null ? otlpEnabled : ServerConfig.atLeast(version, 3, 4);
    boolean spansInStore =
        spansInTrackingStore != null
            ? spansInTrackingStore
            : otlp && ServerConfig.atLeast(version, 3, 5);
    return FakeMlflowServer.start(
        new ServerConfig(version, otlp, spansInStore, authenticator()), port);
  }

  private Authenticator authenticator() {
    if (bearerToken != null) {
      return Authenticator.bearer(bearerToken, authOnArtifacts);
    }
    if (basicUser != null) {
      return Authenticator.basic(basicUser, basicPassword, authOnArtifacts);
    }
    return Authenticator.none();
  }
}
