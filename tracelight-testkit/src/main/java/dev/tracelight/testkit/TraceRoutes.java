package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The trace endpoints (MLFLOW_WIRE §1.2-1.4): StartTraceV3, GetTraceInfoV3, GetTrace,
 * SearchTracesV3, trace tags and DeleteTraces. Empty repeated fields are left out of answers, as
 * proto JSON does: a search that finds nothing answers {@code {}}, not {@code {"traces": []}}.
 */
final class TraceRoutes {

  private static final long SEARCH_DEFAULT_MAX = 100;
  private static final long SEARCH_LIMIT = 500;

  private final TraceStore traces;
  private final ExperimentRegistry experiments;
  private final ServerConfig config;

  TraceRoutes(TraceStore traces, ExperimentRegistry experiments, ServerConfig config) {
    this.traces = traces;
    this.experiments = experiments;
    this.config = config;
  }

  /** {@code {"trace": {"trace_info": ...}}} in, the same out with the server's tags added. */
  MlflowReply start(RecordedRequest request) {
    JsonNode info = RequestBodies.object(request).path("trace").path("trace_info");
    if (!info.isObject()) {
      throw MlflowError.invalidParameter(
          "Missing value for required parameter 'trace.trace_info'.");
    }
    String traceId = RequestBodies.requiredText(info, "trace_id");
    String experimentId =
        RequestBodies.requiredText(
            info.path("trace_location").path("mlflow_experiment"), "experiment_id");
    requireExperiment(experimentId);
    ObjectNode stored =
        traces.start(
            traceId,
            experimentId,
            TraceInfoJson.normalize(info),
            config.serverTags(experimentId, traceId));
    return trace(stored, List.of());
  }

  MlflowReply getInfo(MlflowRoute.Match match) {
    String traceId = match.capture(0);
    return trace(traces.info(traceId).orElseThrow(() -> traceNotFound(traceId)), List.of());
  }

  /** GetTrace: the info and the spans received by OTLP, rendered as OTel proto JSON. */
  MlflowReply getTrace(RecordedRequest request) {
    String traceId = QueryParams.parse(request.query()).required("trace_id");
    ObjectNode info = traces.info(traceId).orElseThrow(() -> traceNotFound(traceId));
    List<ObjectNode> spans = new ArrayList<>();
    traces.spans(traceId).forEach(span -> spans.add(SpanProtoJson.render(span)));
    return trace(info, spans);
  }

  /** By experiment, newest first, paged; {@code filter} and {@code order_by} are ignored. */
  MlflowReply search(RecordedRequest request) {
    ObjectNode body = RequestBodies.object(request);
    Set<String> experimentIds = new LinkedHashSet<>();
    body.path("locations")
        .forEach(
            location ->
                RequestBodies.text(location.path("mlflow_experiment"), "experiment_id")
                    .ifPresent(experimentIds::add));
    body.path("experiment_ids").forEach(id -> experimentIds.add(id.asText()));
    if (experimentIds.isEmpty()) {
      throw MlflowError.invalidParameter("At least one location must be specified.");
    }
    long maxResults = RequestBodies.integer(body, "max_results").orElse(SEARCH_DEFAULT_MAX);
    if (maxResults < 1 || maxResults > SEARCH_LIMIT) {
      throw MlflowError.invalidParameter(
          "Invalid value "
              + maxResults
              + " for parameter 'max_results'. It must be at most "
              + SEARCH_LIMIT
              + ".");
    }
    Pages<ObjectNode> page =
        Pages.of(traces.search(experimentIds), maxResults, RequestBodies.text(body, "page_token"));
    ObjectNode response = Json.object();
    if (!page.items().isEmpty()) {
      ArrayNode list = response.putArray("traces");
      page.items().forEach(list::add);
    }
    page.nextToken().ifPresent(token -> response.put("next_page_token", token));
    return MlflowReply.ok(response);
  }

  /** {@code {"key", "value"}}; answers {@code {}}. */
  MlflowReply setTag(RecordedRequest request, MlflowRoute.Match match) {
    ObjectNode body = RequestBodies.object(request);
    String key = RequestBodies.requiredText(body, "key");
    traces.setTag(match.capture(0), key, body.path("value").asText(""));
    return MlflowReply.ok(Json.object());
  }

  /** DELETE with a JSON body {@code {"key"}}; answers {@code {}}. */
  MlflowReply deleteTag(RecordedRequest request, MlflowRoute.Match match) {
    String key = RequestBodies.requiredText(RequestBodies.object(request), "key");
    traces.deleteTag(match.capture(0), key);
    return MlflowReply.ok(Json.object());
  }

  /** By {@code request_ids}, or by {@code max_timestamp_millis} (and {@code max_traces}). */
  MlflowReply delete(RecordedRequest request) {
    ObjectNode body = RequestBodies.object(request);
    String experimentId = RequestBodies.requiredText(body, "experiment_id");
    boolean byIds = body.path("request_ids").isArray() && !body.path("request_ids").isEmpty();
    boolean byTime = body.hasNonNull("max_timestamp_millis");
    if (byIds == byTime) {
      throw MlflowError.invalidParameter(
          "Exactly one of 'max_timestamp_millis' and 'request_ids' must be specified.");
    }
    int deleted;
    if (byIds) {
      List<String> ids = new ArrayList<>();
      body.path("request_ids").forEach(id -> ids.add(id.asText()));
      deleted = traces.delete(experimentId, ids);
    } else {
      long maxMillis = RequestBodies.integer(body, "max_timestamp_millis").orElse(0L);
      long maxTraces = RequestBodies.integer(body, "max_traces").orElse((long) Integer.MAX_VALUE);
      deleted =
          traces.deleteOlder(experimentId, maxMillis, (int) Math.min(maxTraces, Integer.MAX_VALUE));
    }
    return MlflowReply.ok(Json.object().put("traces_deleted", deleted));
  }

  private void requireExperiment(String experimentId) {
    if (!experiments.exists(experimentId)) {
      throw MlflowError.notFound("No Experiment with id=" + experimentId + " exists");
    }
  }

  static MlflowError traceNotFound(String traceId) {
    return MlflowError.notFound("Trace with ID " + traceId + " not found.");
  }

  private static MlflowReply trace(ObjectNode info, List<ObjectNode> spans) {
    ObjectNode trace = Json.object();
    trace.set("trace_info", info);
    if (!spans.isEmpty()) {
      trace.putArray("spans").addAll(spans);
    }
    ObjectNode response = Json.object();
    response.set("trace", trace);
    return MlflowReply.ok(response);
  }
}
