package dev.tracelight.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelight.store.SpanRecord;
import dev.tracelight.store.Trace;
import dev.tracelight.store.TraceInfo;
import dev.tracelight.store.TraceReader;
import dev.tracelight.store.TraceWriter;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one artifact MLflow's tracing clients use: a trace's {@code traces.json}. The TypeScript SDK
 * and older Python clients {@code PUT} it to {@code
 * /api/2.0/mlflow-artifacts/artifacts/<root>/traces/<trace_id>/artifacts/traces.json} and {@code
 * GET} it back; the UI fetches it through {@code get-trace-artifact}. Spans are not kept as a
 * file: an upload is stored like OTLP spans (enriched the same way, cost included), and a download
 * is built from the stored spans. Every other artifact path is 404.
 */
final class MlflowArtifactsApi {
  /** {@code <artifact root path>/traces/<trace_id>/artifacts/traces.json}. */
  private static final Pattern TRACE_DATA =
      Pattern.compile("(?:(.*)/)?traces/([^/]+)/artifacts/traces\\.json");

  private final TraceWriter writer;
  private final TraceReader reader;
  private final RequestBodies bodies;
  private final SpanEnrichment enrichment;

  MlflowArtifactsApi(TraceWriter writer, TraceReader reader, RequestBodies bodies,
      SpanEnrichment enrichment) {
    this.writer = writer;
    this.reader = reader;
    this.bodies = bodies;
    this.enrichment = enrichment;
  }

  void register(MlflowRoutes routes) {
    routes.put("/mlflow-artifacts/artifacts/<path>", this::upload)
        .get("/mlflow-artifacts/artifacts/<path>", this::download)
        .get("/mlflow/get-trace-artifact", this::getTraceArtifact);
  }

  private void upload(Context ctx) {
    Matcher path = traceDataPath(ctx);
    String traceId = path.group(2);
    JsonNode body = MlflowJson.parseObject(bodies.read(ctx));
    List<SpanRecord> spans = enrichment.apply(SpanDicts.readAll(body.get("spans"), traceId));
    writer.acceptSpans(experimentOf(traceId, path.group(1)), spans);
    // A JSON answer with a length: the TypeScript SDK fails on an empty chunked body.
    MlflowJson.write(ctx, MlflowJson.MAPPER.createObjectNode());
  }

  private void download(Context ctx) {
    String traceId = traceDataPath(ctx).group(2);
    MlflowJson.write(ctx, traceData(traceId));
  }

  private void getTraceArtifact(Context ctx) {
    String traceId = MlflowExperimentsApi.requiredQuery(ctx, "request_id");
    ObjectNode document = traceData(traceId);
    ctx.header("Content-Disposition", "attachment; filename=traces.json");
    MlflowJson.write(ctx, document);
  }

  private ObjectNode traceData(String traceId) {
    Trace trace = reader.trace(traceId).orElseThrow(() -> MlflowTracesApi.traceNotFound(traceId));
    ObjectNode document = MlflowJson.MAPPER.createObjectNode();
    // A trace started by StartTrace V2 comes from an MLflow 2.x client, which reads 2.x dicts.
    document.set("spans", LegacySpanDicts.isLegacyRequestId(traceId)
        ? LegacySpanDicts.writeAll(trace.spans()) : SpanDicts.writeAll(trace.spans()));
    return document;
  }

  private static Matcher traceDataPath(Context ctx) {
    String path = ctx.pathParam("path");
    Matcher m = TRACE_DATA.matcher(path);
    if (!m.matches()) {
      throw ApiException.notFound("No artifact at '" + path + "': only a trace's"
          + " traces/<trace_id>/artifacts/traces.json is served");
    }
    return m;
  }

  /**
   * The experiment the spans belong to: the trace's if it exists (StartTraceV3 came first, as
   * the TypeScript SDK does it), else the artifact root's when that is {@code
   * mlflow-artifacts:/<id>}.
   */
  private String experimentOf(String traceId, String root) {
    Optional<TraceInfo> info = reader.traceInfo(traceId);
    if (info.isPresent()) {
      return info.get().experimentId();
    }
    if (root != null && root.matches("\\d+")) {
      return root;
    }
    throw ApiException.notFound("Trace with ID " + traceId + " not found, and the artifact path"
        + " names no experiment id to create it in");
  }
}
