package dev.tracelight.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelight.store.Page;
import dev.tracelight.store.Trace;
import dev.tracelight.store.TraceInfo;
import dev.tracelight.store.TraceQuery;
import dev.tracelight.store.TraceReader;
import dev.tracelight.store.TraceWriter;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * MLflow's trace RPCs: StartTraceV3, GetTraceInfoV3, GetTrace, BatchGetTraces, SearchTracesV3
 * and DeleteTraces(V3). Parse, call the store, write. A StartTrace V2 body on {@code POST
 * /mlflow/traces} (the same path under {@code /api/2.0}) goes to {@link MlflowLegacyTracesApi}.
 */
final class MlflowTracesApi {
  private final TraceWriter writer;
  private final TraceReader reader;
  private final RequestBodies bodies;
  private final MlflowLegacyTracesApi legacy;

  MlflowTracesApi(TraceWriter writer, TraceReader reader, RequestBodies bodies,
      MlflowLegacyTracesApi legacy) {
    this.writer = writer;
    this.reader = reader;
    this.bodies = bodies;
    this.legacy = legacy;
  }

  void register(MlflowRoutes routes) {
    // Literal segments first: the first matching route wins over /{trace_id}.
    routes.get("/mlflow/traces/get", this::getTrace)
        .get("/mlflow/traces/batchGet", this::batchGetTraces)
        .post("/mlflow/traces/search", this::searchTraces)
        .post("/mlflow/traces/delete-traces", this::deleteTraces)
        .post("/mlflow/traces", this::startTrace)
        .get("/mlflow/traces/{trace_id}", this::getTraceInfo);
  }

  private void startTrace(Context ctx) {
    JsonNode body = MlflowJson.parseObject(bodies.read(ctx));
    if (MlflowLegacyTracesApi.isStartTraceV2(body)) {
      legacy.start(ctx, body); // POST /api/2.0/mlflow/traces is StartTrace V2 in MLflow
      return;
    }
    JsonNode trace = body.get("trace");
    if (trace == null || !trace.isObject()) {
      throw ApiException.invalid("Missing value for required parameter 'trace'");
    }
    JsonNode info = trace.get("trace_info");
    if (info == null || !info.isObject()) {
      throw ApiException.invalid("Missing value for required parameter 'trace.trace_info'");
    }
    TraceInfo stored = writer.startTrace(TraceInfoJson.parse(info));
    writeTraceInfo(ctx, stored);
  }

  private void getTraceInfo(Context ctx) {
    String traceId = ctx.pathParam("trace_id");
    writeTraceInfo(ctx, reader.traceInfo(traceId).orElseThrow(() -> traceNotFound(traceId)));
  }

  private void getTrace(Context ctx) {
    String traceId = MlflowExperimentsApi.requiredQuery(ctx, "trace_id");
    Trace trace = reader.trace(traceId).orElseThrow(() -> traceNotFound(traceId));
    ObjectNode response = MlflowJson.MAPPER.createObjectNode();
    response.set("trace", traceJson(trace));
    MlflowJson.write(ctx, response);
  }

  private void batchGetTraces(Context ctx) {
    List<String> ids = new ArrayList<>();
    for (String value : ctx.queryParams("trace_ids")) {
      if (!value.isBlank()) {
        ids.add(value);
      }
    }
    if (ids.isEmpty()) {
      throw ApiException.invalid("Missing value for required parameter 'trace_ids'");
    }
    List<String> experiments = ctx.queryParams("experiment_ids");
    ObjectNode response = MlflowJson.MAPPER.createObjectNode();
    ArrayNode traces = response.putArray("traces");
    reader.traces(ids).stream()
        .filter(t -> experiments.isEmpty() || experiments.contains(t.info().experimentId()))
        .forEach(t -> traces.add(traceJson(t)));
    MlflowJson.write(ctx, response);
  }

  private void searchTraces(Context ctx) {
    JsonNode body = MlflowJson.parseObject(bodies.read(ctx));
    JsonNode locations = body.get("locations");
    if (locations == null || !locations.isArray() || locations.isEmpty()) {
      throw ApiException.invalid("Missing value for required parameter 'locations'");
    }
    TraceQuery.Builder query = TraceQuery.builder();
    for (int i = 0; i < locations.size(); i++) {
      query.addExperimentId(TraceInfoJson.experimentIdOf(locations.get(i), "locations[" + i + "]"));
    }
    Long maxResults = MlflowJson.int64(body, "max_results");
    if (maxResults != null) {
      if (maxResults < 1 || maxResults > TraceQuery.MAX_MAX_RESULTS) {
        throw ApiException.invalid("Invalid value " + maxResults + " for parameter 'max_results'"
            + ": expected 1 to " + TraceQuery.MAX_MAX_RESULTS);
      }
      query.setMaxResults(maxResults.intValue());
    }
    query.setPageToken(MlflowJson.string(body, "page_token"))
        .setFilter(MlflowJson.string(body, "filter"));
    MlflowJson.stringList(body, "order_by").forEach(query::addOrderBy);

    Page<TraceInfo> page = reader.searchTraces(query.build());
    ObjectNode response = MlflowJson.MAPPER.createObjectNode();
    ArrayNode traces = response.putArray("traces");
    page.items().forEach(info -> traces.add(TraceInfoJson.write(info)));
    page.nextPageToken().ifPresent(t -> response.put("next_page_token", t));
    MlflowJson.write(ctx, response);
  }

  /**
   * Either {@code request_ids} or {@code max_timestamp_millis} (with optional {@code max_traces}),
   * never both, as MLflow's handler checks with {@code HasField}.
   */
  private void deleteTraces(Context ctx) {
    JsonNode body = MlflowJson.parseObject(bodies.read(ctx));
    String experimentId = MlflowJson.requiredString(body, "experiment_id", "experiment_id");
    boolean byIds = body.hasNonNull("request_ids");
    Long maxTimestamp = MlflowJson.int64(body, "max_timestamp_millis");
    Long maxTraces = MlflowJson.int64(body, "max_traces");
    if (byIds == (maxTimestamp != null)) {
      throw ApiException.invalid(byIds
          ? "Only one of 'request_ids' and 'max_timestamp_millis' can be specified"
          : "Either 'request_ids' or 'max_timestamp_millis' must be specified");
    }
    int deleted;
    if (byIds) {
      if (maxTraces != null) {
        throw ApiException.invalid(
            "'max_traces' applies only with 'max_timestamp_millis', not with 'request_ids'");
      }
      deleted = writer.deleteTraces(experimentId, MlflowJson.stringList(body, "request_ids"));
    } else {
      if (maxTraces != null && maxTraces < 1) {
        throw ApiException.invalid(
            "Invalid value " + maxTraces + " for parameter 'max_traces': expected at least 1");
      }
      int limit = (int) Math.min(maxTraces == null ? Integer.MAX_VALUE : maxTraces,
          Integer.MAX_VALUE);
      deleted = writer.deleteTracesBefore(experimentId, maxTimestamp, limit);
    }
    MlflowJson.write(ctx, MlflowJson.MAPPER.createObjectNode().put("traces_deleted", deleted));
  }

  private static ObjectNode traceJson(Trace trace) {
    ObjectNode n = MlflowJson.MAPPER.createObjectNode();
    n.set("trace_info", TraceInfoJson.write(trace.info()));
    n.set("spans", SpanJson.writeAll(trace.spans()));
    return n;
  }

  private static void writeTraceInfo(Context ctx, TraceInfo info) {
    ObjectNode response = MlflowJson.MAPPER.createObjectNode();
    response.putObject("trace").set("trace_info", TraceInfoJson.write(info));
    MlflowJson.write(ctx, response);
  }

  static ApiException traceNotFound(String traceId) {
    return ApiException.notFound("Trace with ID " + traceId + " not found.");
  }
}
