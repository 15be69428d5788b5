package dev.tracelight.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelight.store.Experiment;
import dev.tracelight.store.ExperimentStore;
import dev.tracelight.store.Page;
import dev.tracelight.store.TraceInfo;
import dev.tracelight.store.TraceQuery;
import dev.tracelight.store.TraceReader;
import dev.tracelight.store.TraceState;
import dev.tracelight.store.TraceWriter;
import io.javalin.http.Context;
import java.util.List;
import java.util.UUID;

/**
 * The legacy (V2) trace API that MLflow's Python client falls back to and older clients use:
 * StartTrace ({@code POST /mlflow/traces} with a V2 body, handed over by {@link
 * MlflowTracesApi}), EndTrace ({@code PATCH /mlflow/traces/{request_id}}), GetTraceInfo ({@code
 * GET /mlflow/traces/{request_id}/info}) and SearchTraces ({@code GET /mlflow/traces}). Traces
 * are the same as V3's, in {@link LegacyTraceInfoJson}'s shape.
 */
final class MlflowLegacyTracesApi {
  private final ExperimentStore experiments;
  private final TraceWriter writer;
  private final TraceReader reader;
  private final RequestBodies bodies;

  MlflowLegacyTracesApi(ExperimentStore experiments, TraceWriter writer, TraceReader reader,
      RequestBodies bodies) {
    this.experiments = experiments;
    this.writer = writer;
    this.reader = reader;
    this.bodies = bodies;
  }

  void register(MlflowRoutes routes) {
    routes.get("/mlflow/traces", this::search)
        .patch("/mlflow/traces/{request_id}", this::end)
        .get("/mlflow/traces/{request_id}/info", this::info);
  }

  /** True for a StartTrace V2 body: no {@code trace}, but V2's own fields. */
  static boolean isStartTraceV2(JsonNode body) {
    return !body.has("trace") && (body.has("experiment_id") || body.has("timestamp_ms")
        || body.has("request_metadata"));
  }

  /** StartTrace V2: a new IN_PROGRESS trace with a server-made request id (32 hex, as MLflow). */
  void start(Context ctx, JsonNode body) {
    String experimentId = MlflowJson.requiredString(body, "experiment_id", "experiment_id");
    Experiment experiment = experiments.experiment(experimentId).orElseThrow(
        () -> ApiException.notFound("Could not find experiment with ID " + experimentId));
    if (!Experiment.ACTIVE.equals(experiment.lifecycleStage())) {
      throw ApiException.invalid("The experiment " + experimentId + " must be in the 'active'"
          + " state. Current state is " + experiment.lifecycleStage() + ".");
    }
    Long timestamp = MlflowJson.int64(body, "timestamp_ms");
    TraceInfo started = writer.startTrace(TraceInfo.builder()
        .setTraceId(UUID.randomUUID().toString().replace("-", ""))
        .setExperimentId(experimentId)
        .setRequestTime(timestamp != null ? timestamp : System.currentTimeMillis())
        .setState(TraceState.IN_PROGRESS)
        .setTraceMetadata(MlflowJson.stringMap(body, "request_metadata"))
        .setTags(MlflowJson.stringMap(body, "tags"))
        .build());
    MlflowJson.write(ctx, LegacyTraceInfoJson.response(started));
  }

  /**
   * EndTrace: duration up to {@code timestamp_ms}, the new status, metadata and tags merged.
   * Without a timestamp or status the stored ones stay, so a status-only PATCH cannot make a
   * negative duration.
   */
  private void end(Context ctx) {
    String requestId = ctx.pathParam("request_id");
    JsonNode body = MlflowJson.parseObject(bodies.read(ctx));
    TraceInfo current = reader.traceInfo(requestId)
        .orElseThrow(() -> MlflowTracesApi.traceNotFound(requestId));
    Long timestamp = MlflowJson.int64(body, "timestamp_ms");
    TraceState status = LegacyTraceInfoJson.parseStatus(body);
    TraceInfo ended = writer.endTrace(requestId,
        timestamp != null ? timestamp : current.requestTime() + current.executionDuration(),
        status != null ? status : current.state(),
        MlflowJson.stringMap(body, "request_metadata"), MlflowJson.stringMap(body, "tags"));
    MlflowJson.write(ctx, LegacyTraceInfoJson.response(ended));
  }

  private void info(Context ctx) {
    String requestId = ctx.pathParam("request_id");
    TraceInfo info = reader.traceInfo(requestId)
        .orElseThrow(() -> MlflowTracesApi.traceNotFound(requestId));
    MlflowJson.write(ctx, LegacyTraceInfoJson.response(info));
  }

  /** SearchTraces V2: the message as query parameters, repeated keys for lists. */
  private void search(Context ctx) {
    List<String> experimentIds =
        ctx.queryParams("experiment_ids").stream().filter(id -> !id.isBlank()).toList();
    if (experimentIds.isEmpty()) {
      throw ApiException.invalid("Missing value for required parameter 'experiment_ids'");
    }
    TraceQuery.Builder query = TraceQuery.builder().setExperimentIds(experimentIds);
    String maxResults = ctx.queryParam("max_results");
    if (maxResults != null) {
      query.setMaxResults(parseMaxResults(maxResults));
    }
    query.setFilter(ctx.queryParam("filter")).setPageToken(ctx.queryParam("page_token"));
    ctx.queryParams("order_by").forEach(query::addOrderBy);

    Page<TraceInfo> page = reader.searchTraces(query.build());
    ObjectNode response = MlflowJson.MAPPER.createObjectNode();
    ArrayNode traces = response.putArray("traces");
    page.items().forEach(info -> traces.add(LegacyTraceInfoJson.write(info)));
    page.nextPageToken().ifPresent(t -> response.put("next_page_token", t));
    MlflowJson.write(ctx, response);
  }

  private static int parseMaxResults(String text) {
    try {
      int max = Integer.parseInt(text.trim());
      if (max >= 1 && max <= TraceQuery.MAX_MAX_RESULTS) {
        return max;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.invalid("Invalid value " + text + " for parameter 'max_results': expected"
        + " 1 to " + TraceQuery.MAX_MAX_RESULTS);
  }
}
