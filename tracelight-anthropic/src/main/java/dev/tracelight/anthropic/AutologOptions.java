package dev.tracelight.anthropic;

/**
 * Options of {@link AnthropicTracing#autolog(AutologOptions)}, named after the switches of MLflow's
 * {@code mlflow.anthropic.autolog(log_traces=..., disable=..., silent=...)}, plus the size above
 * which inline images and documents are replaced in spans.
 */
public final class AutologOptions {
  private final boolean logTraces;
  private final boolean disable;
  private final boolean silent;
  private final int maxInlineMediaBytes;

  private AutologOptions(Builder b) {
    this.logTraces = b.logTraces;
    this.disable = b.disable;
    this.silent = b.silent;
    this.maxInlineMediaBytes = b.maxInlineMediaBytes;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether calls are traced; false installs autolog but records nothing. Default true. */
  public boolean logTraces() {
    return logTraces;
  }

  /** Whether this call turns autolog off instead. Default false. */
  public boolean disable() {
    return disable;
  }

  /** Whether Tracelight's own informational messages during set-up are suppressed. */
  public boolean silent() {
    return silent;
  }

  /**
   * Base64 images and documents larger than this many decoded bytes are replaced in spans by a
   * placeholder with media type, size and SHA-256; the request itself is never changed.
   */
  public int maxInlineMediaBytes() {
    return maxInlineMediaBytes;
  }

  /** Builds {@link AutologOptions}; setters check their arguments. */
  public static final class Builder {
    private boolean logTraces = true;
    private boolean disable;
    private boolean silent;
    private int maxInlineMediaBytes = MediaRedactor.DEFAULT_MAX_INLINE_BYTES;

    private Builder() {}

    public Builder setLogTraces(boolean logTraces) {
      this.logTraces = logTraces;
      return this;
    }

    public Builder setDisable(boolean disable) {
      this.disable = disable;
      return this;
    }

    public Builder setSilent(boolean silent) {
      this.silent = silent;
      return this;
    }

    /** @throws IllegalArgumentException if {@code bytes} is negative */
    public Builder setMaxInlineMediaBytes(int bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("max inline media bytes must not be negative: " + bytes);
      }
      this.maxInlineMediaBytes = bytes;
      return this;
    }

    public AutologOptions build() {
      return new AutologOptions(this);
    }
  }
}
