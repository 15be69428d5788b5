package dev.tracelight.tracing;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends traces to an MLflow tracking server ({@link TraceDelivery}), retrying 429, 502, 503, 504
 * and I/O errors with backoff until the configured retry timeout. Nothing is thrown: failures are
 * counted and logged, a warning at most once a minute.
 */
final class MlflowTraceExporter implements TraceExporter {
  private static final Logger logger = Logger.getLogger(MlflowTraceExporter.class.getName());
  private static final long WARNING_INTERVAL_NANOS = 60_000_000_000L;

  private final Supplier<MlflowRestClient> client;
  private final ExperimentResolver experiments;
  private final Supplier<Duration> retryTimeout;
  private final Consumer<Trace> onExported;
  private final ServerCapabilities capabilities = new ServerCapabilities();
  private final AtomicLong exported = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile long lastWarningNanos = System.nanoTime() - WARNING_INTERVAL_NANOS;

  MlflowTraceExporter(
      Supplier<MlflowRestClient> client,
      ExperimentResolver experiments,
      Supplier<Duration> retryTimeout,
      Consumer<Trace> onExported) {
    this.client = client;
    this.experiments = experiments;
    this.retryTimeout = retryTimeout;
    this.onExported = onExported;
  }

  @Override
  public void export(List<ExportItem> items) {
    for (ExportItem item : items) {
      try {
        deliver(item);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void deliver(ExportItem item) throws InterruptedException {
    TraceDelivery delivery = new TraceDelivery(item, experiments, capabilities);
    long deadline = System.nanoTime() + retryTimeout.get().toNanos();
    for (int attempt = 0; ; attempt++) {
      MlflowRestClient target = client.get();
      if (target == null) {
        return; // tracking was switched off after this was queued
      }
      try {
        delivery.run(target);
        Trace trace = delivery.exportedTrace();
        if (trace != null) {
          exported.incrementAndGet();
          onExported.accept(trace);
        }
        return;
      } catch (IOException | RuntimeException e) {
        IOException io = e instanceof IOException ? (IOException) e : null;
        Duration wait = io != null && RetryPolicy.isRetryable(io) ? RetryPolicy.delay(attempt, io) : null;
        if (wait == null || System.nanoTime() + wait.toNanos() > deadline) {
          failed.incrementAndGet();
          warn(item, target, e, attempt);
          return;
        }
        if (attempt == 0) {
          retried.incrementAndGet();
        }
        logger.log(Level.FINE, "Retrying export of " + item.traceId() + " in " + wait, e);
        Thread.sleep(wait.toMillis());
      }
    }
  }

  private void warn(ExportItem item, MlflowRestClient target, Exception e, int retries) {
    long now = System.nanoTime();
    if (now - lastWarningNanos >= WARNING_INTERVAL_NANOS) {
      lastWarningNanos = now;
      String message = "Tracelight could not export trace " + item.traceId() + " to "
          + target.baseUri() + ": " + describe(e)
          + (retries > 0 ? " (gave up after " + retries + " retries)" : "") + "; " + failed.get()
          + " failed so far, further failures are logged at FINE for a minute";
      // A server that is down or refuses is expected in practice: no stack trace for those.
      logger.log(Level.WARNING, message, e instanceof IOException ? null : e);
    }
    logger.log(Level.FINE, "Could not export trace " + item.traceId(), e);
  }

  static String describe(Exception e) {
    if (e instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "no answer in time";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  long exportedCount() {
    return exported.get();
  }

  long retriedCount() {
    return retried.get();
  }

  long failedCount() {
    return failed.get();
  }
}
