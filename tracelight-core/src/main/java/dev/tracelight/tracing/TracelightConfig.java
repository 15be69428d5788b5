package dev.tracelight.tracing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How Tracelight samples, processes and exports traces; applied with
 * {@link Tracelight#configure(TracelightConfig)}. Built with {@link #builder()}; the builder rejects
 * bad values at once, so a misconfiguration fails at start-up rather than on the traced path.
 */
public final class TracelightConfig {
  public static final double DEFAULT_SAMPLING_RATIO = 1.0;
  /** About 1 MiB of text per attribute value; bigger values are cut with a visible marker. */
  public static final int DEFAULT_MAX_ATTRIBUTE_CHARS = 1 << 20;
  public static final int DEFAULT_EXPORT_QUEUE_CAPACITY = 2048;
  public static final int DEFAULT_EXPORT_BATCH_SIZE = 64;
  public static final Duration DEFAULT_EXPORT_RETRY_TIMEOUT = Duration.ofSeconds(60);

  private final double samplingRatio;
  private final List<SpanProcessor> spanProcessors;
  private final int maxAttributeChars;
  private final int exportQueueCapacity;
  private final int exportBatchSize;
  private final Duration exportRetryTimeout;

  private TracelightConfig(Builder b) {
    this.samplingRatio = b.samplingRatio;
    this.spanProcessors = List.copyOf(b.spanProcessors);
    this.maxAttributeChars = b.maxAttributeChars;
    this.exportQueueCapacity = b.exportQueueCapacity;
    this.exportBatchSize = b.exportBatchSize;
    this.exportRetryTimeout = b.exportRetryTimeout;
  }

  /** The defaults. */
  public static TracelightConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.samplingRatio = samplingRatio;
    b.spanProcessors.addAll(spanProcessors);
    b.maxAttributeChars = maxAttributeChars;
    b.exportQueueCapacity = exportQueueCapacity;
    b.exportBatchSize = exportBatchSize;
    b.exportRetryTimeout = exportRetryTimeout;
    return b;
  }

  /** The share of new traces recorded, 0 to 1; spans of a recorded trace are all recorded. */
  public double samplingRatio() {
    return samplingRatio;
  }

  /** Applied in order to every finished span before it is kept or exported. */
  public List<SpanProcessor> spanProcessors() {
    return spanProcessors;
  }

  /** The longest attribute value, in characters of JSON text, before it is truncated. */
  public int maxAttributeChars() {
    return maxAttributeChars;
  }

  /** Finished traces waiting for export; when full, new traces are dropped and counted. */
  public int exportQueueCapacity() {
    return exportQueueCapacity;
  }

  /** Traces handed to the exporter at once. */
  public int exportBatchSize() {
    return exportBatchSize;
  }

  /** How long one trace's export is retried (429, 502, 503, 504, I/O errors) before it is failed. */
  public Duration exportRetryTimeout() {
    return exportRetryTimeout;
  }

  /** Builds a {@link TracelightConfig}; every setter checks its argument. */
  public static final class Builder {
    private double samplingRatio = DEFAULT_SAMPLING_RATIO;
    private final List<SpanProcessor> spanProcessors = new ArrayList<>();
    private int maxAttributeChars = DEFAULT_MAX_ATTRIBUTE_CHARS;
    private int exportQueueCapacity = DEFAULT_EXPORT_QUEUE_CAPACITY;
    private int exportBatchSize = DEFAULT_EXPORT_BATCH_SIZE;
    private Duration exportRetryTimeout = DEFAULT_EXPORT_RETRY_TIMEOUT;

    private Builder() {}

    /** @throws IllegalArgumentException unless {@code 0 <= ratio <= 1} */
    public Builder setSamplingRatio(double ratio) {
      if (!(ratio >= 0 && ratio <= 1)) {
        throw new IllegalArgumentException("sampling ratio must be between 0 and 1, got " + ratio);
      }
      this.samplingRatio = ratio;
      return this;
    }

    /** Adds a span processor, run after the ones added before it. */
    public Builder addSpanProcessor(SpanProcessor processor) {
      spanProcessors.add(Objects.requireNonNull(processor, "processor"));
      return this;
    }

    /** Removes every span processor. */
    public Builder clearSpanProcessors() {
      spanProcessors.clear();
      return this;
    }

    /** @throws IllegalArgumentException if {@code chars} is below 64 */
    public Builder setMaxAttributeChars(int chars) {
      if (chars < 64) {
        throw new IllegalArgumentException("max attribute size must be at least 64 chars, got " + chars);
      }
      this.maxAttributeChars = chars;
      return this;
    }

    /** @throws IllegalArgumentException if {@code capacity} is below 1 */
    public Builder setExportQueueCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("export queue capacity must be positive, got " + capacity);
      }
      this.exportQueueCapacity = capacity;
      return this;
    }

    /** @throws IllegalArgumentException if {@code size} is below 1 */
    public Builder setExportBatchSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("export batch size must be positive, got " + size);
      }
      this.exportBatchSize = size;
      return this;
    }

    /** @throws IllegalArgumentException if {@code timeout} is negative */
    public Builder setExportRetryTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("export retry timeout must not be negative");
      }
      this.exportRetryTimeout = timeout;
      return this;
    }

    public TracelightConfig build() {
      return new TracelightConfig(this);
    }
  }
}
