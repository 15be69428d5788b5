package dev.tracelight.server;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How to run a {@link TracelightServer}. Immutable; build with {@link #builder()}. */
public final class TracelightServerConfig {
  /** Loopback only unless asked: authentication is off unless asked too. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** MLflow's default port. */
  public static final int DEFAULT_PORT = 5000;
  /** A SQLite file in the working directory. */
  public static final String DEFAULT_BACKEND_STORE_URI = "sqlite:///tracelight.db";
  /** 64 MiB, after decompression. */
  public static final long DEFAULT_MAX_REQUEST_BYTES = 64L * 1024 * 1024;

  private final String host;
  private final int port;
  private final String backendStoreUri;
  private final long maxRequestBytes;
  private final boolean auth;
  private final boolean authExemptArtifacts;
  private final List<String> allowedHosts;
  private final List<String> corsAllowedOrigins;
  private final Path priceFile;

  private TracelightServerConfig(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.backendStoreUri = b.backendStoreUri;
    this.maxRequestBytes = b.maxRequestBytes;
    this.auth = b.auth;
    this.authExemptArtifacts = b.authExemptArtifacts;
    this.allowedHosts = List.copyOf(b.allowedHosts);
    this.corsAllowedOrigins = List.copyOf(b.corsAllowedOrigins);
    this.priceFile = b.priceFile;
  }

  /** Defaults: {@value #DEFAULT_HOST}, port {@value #DEFAULT_PORT}, {@value #DEFAULT_BACKEND_STORE_URI}. */
  public static Builder builder() {
    return new Builder();
  }

  public String host() {
    return host;
  }

  /** The port to listen on; 0 picks a free one. */
  public int port() {
    return port;
  }

  public String backendStoreUri() {
    return backendStoreUri;
  }

  public long maxRequestBytes() {
    return maxRequestBytes;
  }

  /** True if every route but {@code GET /health} needs a user's password or API token. */
  public boolean auth() {
    return auth;
  }

  /** True if the trace artifact PUT and GET need no credentials even with {@link #auth()}. */
  public boolean authExemptArtifacts() {
    return authExemptArtifacts;
  }

  /**
   * {@code Host} header values accepted; empty for the defaults (localhost, 127.0.0.1, [::1] and
   * the bound host, any port).
   */
  public List<String> allowedHosts() {
    return allowedHosts;
  }

  /** Web origins allowed to call the server from a browser; empty for none. */
  public List<String> corsAllowedOrigins() {
    return corsAllowedOrigins;
  }

  /** Model prices overriding and extending the built-in Anthropic table; empty for none. */
  public Optional<Path> priceFile() {
    return Optional.ofNullable(priceFile);
  }

  /** Builds a {@link TracelightServerConfig}; rejects bad values immediately. */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private String backendStoreUri = DEFAULT_BACKEND_STORE_URI;
    private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private boolean auth;
    private boolean authExemptArtifacts;
    private List<String> allowedHosts = List.of();
    private List<String> corsAllowedOrigins = List.of();
    private Path priceFile;

    private Builder() {}

    /** Sets the address to listen on; blank is rejected rather than read as "every interface". */
    public Builder setHost(String host) {
      if (requireNonNull(host, "host").isBlank()) {
        throw new IllegalArgumentException("host is blank");
      }
      this.host = host;
      return this;
    }

    /** Sets the port, 0 (any free port) to 65535. */
    public Builder setPort(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** A store URI as {@code dev.tracelight.store.StorageFactory#open} takes it. */
    public Builder setBackendStoreUri(String backendStoreUri) {
      if (requireNonNull(backendStoreUri, "backendStoreUri").isBlank()) {
        throw new IllegalArgumentException("backendStoreUri is blank");
      }
      this.backendStoreUri = backendStoreUri;
      return this;
    }

    /** Largest request body accepted, in bytes after decompression; larger ones get 413. */
    public Builder setMaxRequestBytes(long maxRequestBytes) {
      if (maxRequestBytes < 1) {
        throw new IllegalArgumentException("maxRequestBytes must be positive: " + maxRequestBytes);
      }
      this.maxRequestBytes = maxRequestBytes;
      return this;
    }

    /**
     * Turns authentication on: the store must hold a user (create one with {@code tracelight
     * users create}). Off by default.
     */
    public Builder setAuth(boolean auth) {
      this.auth = auth;
      return this;
    }

    /**
     * Lets the trace artifact PUT and GET ({@code /api/2.0/mlflow-artifacts/artifacts/...})
     * through without credentials, for MLflow's TypeScript SDK, which sends none there. Anyone
     * who can reach the server can then read and replace the spans of a trace whose id they
     * know. Off by default.
     */
    public Builder setAuthExemptArtifacts(boolean authExemptArtifacts) {
      this.authExemptArtifacts = authExemptArtifacts;
      return this;
    }

    /**
     * Sets the {@code Host} header values accepted: host names or IP literals, optionally with a
     * port, {@code *.domain} patterns, or {@code *} for any. Empty restores the defaults.
     */
    public Builder setAllowedHosts(List<String> allowedHosts) {
      this.allowedHosts = nonBlank(allowedHosts, "allowedHosts");
      if (!this.allowedHosts.isEmpty()) {
        HostAllowlist.create(this.allowedHosts, host); // rejects a malformed entry now
      }
      return this;
    }

    /** Sets the origins ({@code https://host[:port]}, or {@code *}) that get CORS headers. */
    public Builder setCorsAllowedOrigins(List<String> corsAllowedOrigins) {
      this.corsAllowedOrigins = nonBlank(corsAllowedOrigins, "corsAllowedOrigins");
      CorsPolicy.create(this.corsAllowedOrigins); // rejects a malformed entry now
      return this;
    }

    private static List<String> nonBlank(List<String> values, String name) {
      List<String> result = new ArrayList<>();
      for (String v : requireNonNull(values, name)) {
        if (requireNonNull(v, name + " entry").isBlank()) {
          throw new IllegalArgumentException(name + " has a blank entry");
        }
        result.add(v.trim());
      }
      return List.copyOf(result);
    }

    /**
     * Sets a JSON price file (USD per million tokens per model) that overrides and extends the
     * built-in Anthropic prices used for span and trace costs; null for none. It is read and
     * validated when the server starts.
     */
    public Builder setPriceFile(Path priceFile) {
      this.priceFile = priceFile;
      return this;
    }

    public TracelightServerConfig build() {
      return new TracelightServerConfig(this);
    }
  }
}
