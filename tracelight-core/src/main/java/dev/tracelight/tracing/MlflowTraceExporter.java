package dev.tracelight.tracing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends traces to an MLflow tracking server the way MLflow 3.4+ clients do: the spans by OTLP
 * ({@code POST /v1/traces} with {@code x-mlflow-experiment-id}), then the trace info by
 * {@code StartTraceV3}. A failure is logged and counted, never thrown.
 */
final class MlflowTraceExporter implements TraceExporter {
  private static final Logger logger = Logger.getLogger(MlflowTraceExporter.class.getName());
  private static final long WARNING_INTERVAL_NANOS = 60_000_000_000L;

  private final Supplier<MlflowRestClient> client;
  private final ExperimentResolver experiments;
  private final Consumer<Trace> onExported;
  private final AtomicLong exported = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile long lastWarningNanos = System.nanoTime() - WARNING_INTERVAL_NANOS;

  MlflowTraceExporter(
      Supplier<MlflowRestClient> client, ExperimentResolver experiments, Consumer<Trace> onExported) {
    this.client = client;
    this.experiments = experiments;
    this.onExported = onExported;
  }

  @Override
  public void export(List<Trace> traces) {
    for (Trace trace : traces) {
      MlflowRestClient target = client.get();
      if (target == null) {
        return; // tracking was switched off after these traces were queued
      }
      try {
        onExported.accept(exportOne(target, trace));
        exported.incrementAndGet();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed.incrementAndGet();
        return;
      } catch (IOException | RuntimeException e) {
        failed.incrementAndGet();
        warn(trace, target, e);
      }
    }
  }

  private Trace exportOne(MlflowRestClient target, Trace trace)
      throws IOException, InterruptedException {
    String experimentId = trace.info().experimentId();
    if (experimentId == null) {
      experimentId = experiments.resolve(target);
      trace = Trace.create(trace.info().toBuilder().setExperimentId(experimentId).build(), trace.data());
    }
    target.postOtlp(OtlpTraceEncoder.encode(trace.data().spans()), experimentId);
    ObjectNode body = TraceJson.MAPPER.createObjectNode();
    body.putObject("trace").set("trace_info", TraceInfoJson.write(trace.info()));
    target.postJson("/api/3.0/mlflow/traces", body);
    return trace;
  }

  private void warn(Trace trace, MlflowRestClient target, Exception e) {
    long now = System.nanoTime();
    if (now - lastWarningNanos >= WARNING_INTERVAL_NANOS) {
      lastWarningNanos = now;
      String message =
          "Tracelight could not export trace " + trace.info().traceId() + " to " + target.baseUri()
              + ": " + describe(e) + " (" + failed.get()
              + " failed so far; further failures are logged at FINE for a minute)";
      // A server that is down or refuses is expected in practice: no stack trace for those.
      logger.log(Level.WARNING, message, e instanceof IOException ? null : e);
    }
    logger.log(Level.FINE, "Could not export trace " + trace.info().traceId(), e);
  }

  static String describe(Exception e) {
    if (e instanceof java.net.ConnectException) {
      return "connection refused";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  long exportedCount() {
    return exported.get();
  }

  long failedCount() {
    return failed.get();
  }
}
