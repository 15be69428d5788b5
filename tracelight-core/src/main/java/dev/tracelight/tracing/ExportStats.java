package dev.tracelight.tracing;

/**
 * Export counters since the JVM started, from {@link Tracelight#exportStats()}: traces exported,
 * traces that needed retries, traces whose export failed for good, traces dropped because the queue
 * was full, traces a span processor dropped, and traces waiting now.
 */
public final class ExportStats {
  private final long exported;
  private final long retried;
  private final long failed;
  private final long dropped;
  private final long filtered;
  private final long queued;

  private ExportStats(
      long exported, long retried, long failed, long dropped, long filtered, long queued) {
    this.exported = exported;
    this.retried = retried;
    this.failed = failed;
    this.dropped = dropped;
    this.filtered = filtered;
    this.queued = queued;
  }

  static ExportStats create(
      long exported, long retried, long failed, long dropped, long filtered, long queued) {
    return new ExportStats(exported, retried, failed, dropped, filtered, queued);
  }

  /** Traces the tracking server acknowledged. */
  public long exported() {
    return exported;
  }

  /** Traces whose export needed at least one retry (counted once each). */
  public long retried() {
    return retried;
  }

  /** Traces given up on: a non-retryable error, or retries past the retry timeout. */
  public long failed() {
    return failed;
  }

  /** Traces dropped because the export queue was full. */
  public long dropped() {
    return dropped;
  }

  /** Traces a {@link SpanProcessor} dropped by dropping their root span. */
  public long filtered() {
    return filtered;
  }

  /** Items waiting in the export queue now. */
  public long queued() {
    return queued;
  }

  @Override
  public String toString() {
    return "ExportStats{exported=" + exported + ", retried=" + retried + ", failed=" + failed
        + ", dropped=" + dropped + ", filtered=" + filtered + ", queued=" + queued + "}";
  }
}
