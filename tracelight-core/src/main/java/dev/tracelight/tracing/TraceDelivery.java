package dev.tracelight.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * Delivers one export item to one tracking server, remembering which steps succeeded so a retry
 * repeats only what failed: spans by OTLP (servers ≥ 3.4), the trace info by {@code StartTraceV3},
 * then a {@code traces.json} artifact upload unless the server says it keeps the spans itself
 * ({@code mlflow.trace.spansLocation = TRACKING_STORE}), as MLflow's exporters do.
 */
final class TraceDelivery {
  private static final Logger logger = Logger.getLogger(TraceDelivery.class.getName());
  private static final String ARTIFACT_SCHEME = "mlflow-artifacts:";

  private final ExportItem item;
  private final ExperimentResolver experiments;
  private final ServerCapabilities capabilities;
  @Nullable private String experimentId;
  private boolean spansSent;
  @Nullable private JsonNode startedInfo;
  private boolean done;

  TraceDelivery(ExportItem item, ExperimentResolver experiments, ServerCapabilities capabilities) {
    this.item = item;
    this.experiments = experiments;
    this.capabilities = capabilities;
    this.experimentId = item.experimentId();
  }

  /** The trace as exported (experiment id filled in), or null for a late span. */
  @Nullable
  Trace exportedTrace() {
    Trace trace = item.trace();
    if (trace == null || experimentId == null || experimentId.equals(trace.info().experimentId())) {
      return trace;
    }
    return Trace.create(trace.info().toBuilder().setExperimentId(experimentId).build(), trace.data());
  }

  /** Runs the remaining steps; throws on the first failure, to be retried or given up. */
  void run(MlflowRestClient client) throws IOException, InterruptedException {
    if (done) {
      return;
    }
    if (item.isTrace() && item.trace() == null) {
      done = true; // assembly failed (logged); nothing to send
      return;
    }
    if (experimentId == null) {
      experimentId = experiments.resolve(client);
    }
    if (!spansSent && capabilities.acceptsOtlp(client)) {
      try {
        client.postOtlp(OtlpTraceEncoder.encode(item.spans()), experimentId);
        spansSent = true;
      } catch (MlflowRestException e) {
        if (!refusesOtlp(e)) {
          throw e;
        }
        capabilities.otlpRefused(client, e);
      }
    }
    Trace trace = exportedTrace();
    if (trace == null) {
      if (!spansSent) {
        logger.fine(() -> "Late span of " + item.traceId() + " dropped: the server takes no OTLP");
      }
      done = true;
      return;
    }
    if (startedInfo == null) {
      ObjectNode body = TraceJson.MAPPER.createObjectNode();
      body.putObject("trace").set("trace_info", TraceInfoJson.write(trace.info()));
      startedInfo = client.postJson("/api/3.0/mlflow/traces", body).path("trace").path("trace_info");
    }
    JsonNode tags = startedInfo.path("tags");
    if (!spansSent || !"TRACKING_STORE".equals(tags.path(TraceTagKey.SPANS_LOCATION).asText())) {
      uploadArtifact(client, tags.path(TraceTagKey.ARTIFACT_LOCATION).asText(""), trace);
    }
    done = true;
  }

  private void uploadArtifact(MlflowRestClient client, String location, Trace trace)
      throws IOException, InterruptedException {
    if (!location.startsWith(ARTIFACT_SCHEME)) {
      // s3://, file:// and other roots need the server's artifact credentials, not REST.
      logger.warning("Trace " + trace.info().traceId() + " has artifact location '" + location
          + "'; only mlflow-artifacts: locations can receive spans, so its spans are not stored");
      return;
    }
    String path = location.substring(ARTIFACT_SCHEME.length()).replaceFirst("^/+", "");
    client.put(
        "/api/2.0/mlflow-artifacts/artifacts/" + path + "/traces.json",
        TracesJsonWriter.write(trace.data().spans()));
  }

  /** Statuses with which a server says it has no OTLP route (rather than a passing failure). */
  private static boolean refusesOtlp(MlflowRestException e) {
    int status = e.statusCode();
    return status == 404 || status == 405 || status == 415 || status == 501;
  }
}
