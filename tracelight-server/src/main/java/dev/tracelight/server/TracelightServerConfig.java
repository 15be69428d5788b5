package dev.tracelight.server;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/** How to run a {@link TracelightServer}. Immutable; build with {@link #builder()}. */
public final class TracelightServerConfig {
  /** Loopback only unless asked: the server has no authentication yet. */
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
  private final Path priceFile;

  private TracelightServerConfig(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.backendStoreUri = b.backendStoreUri;
    this.maxRequestBytes = b.maxRequestBytes;
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
