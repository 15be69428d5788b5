package dev.tracelight.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads traces back from a tracking server: {@code GetTrace} on servers that keep spans (MLflow 3.5+
 * and Tracelight), else the trace info plus its {@code traces.json} artifact; and
 * {@code SearchTracesV3}.
 */
final class MlflowTraceReader {
  private static final String ARTIFACT_SCHEME = "mlflow-artifacts:";

  private MlflowTraceReader() {}

  static Optional<Trace> getTrace(MlflowRestClient client, String traceId)
      throws IOException, InterruptedException {
    JsonNode trace;
    try {
      trace = client.get(
              "/api/3.0/mlflow/traces/get",
              Map.of("trace_id", List.of(traceId), "allow_partial", List.of("true")))
          .path("trace");
    } catch (MlflowRestException e) {
      if (!e.isNotFound()) {
        throw e;
      }
      if (!"ENDPOINT_NOT_FOUND".equals(e.errorCode())) {
        return Optional.empty(); // the server has the route but not the trace
      }
      return traceFromArtifact(client, traceId);
    }
    TraceInfo info = TraceInfoJson.read(trace.path("trace_info"));
    if (trace.path("spans").isEmpty()
        && !"TRACKING_STORE".equals(info.tags().get(TraceTagKey.SPANS_LOCATION))) {
      return Optional.of(Trace.create(info, TraceData.create(downloadSpans(client, info))));
    }
    return Optional.of(Trace.create(info, TraceData.create(sorted(readSpans(trace.path("spans"))))));
  }

  /** Servers before MLflow 3.5 keep spans only in the trace's {@code traces.json} artifact. */
  private static Optional<Trace> traceFromArtifact(MlflowRestClient client, String traceId)
      throws IOException, InterruptedException {
    JsonNode info;
    try {
      info = client.get("/api/3.0/mlflow/traces/" + traceId, Map.of()).path("trace").path("trace_info");
    } catch (MlflowRestException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
    TraceInfo traceInfo = TraceInfoJson.read(info);
    return Optional.of(Trace.create(traceInfo, TraceData.create(downloadSpans(client, traceInfo))));
  }

  private static List<Span> downloadSpans(MlflowRestClient client, TraceInfo info)
      throws IOException, InterruptedException {
    String location = info.tags().getOrDefault(TraceTagKey.ARTIFACT_LOCATION, "");
    if (!location.startsWith(ARTIFACT_SCHEME)) {
      return List.of();
    }
    String path = location.substring(ARTIFACT_SCHEME.length()).replaceFirst("^/+", "");
    try {
      byte[] json = client.getBytes("/api/2.0/mlflow-artifacts/artifacts/" + path + "/traces.json");
      return sorted(readSpans(TraceJson.MAPPER.readTree(json).path("spans")));
    } catch (MlflowRestException e) {
      if (e.isNotFound()) {
        return List.of(); // info logged, spans not (yet) uploaded
      }
      throw e;
    }
  }

  static TraceInfoPage search(
      MlflowRestClient client,
      String experimentId,
      @Nullable String filter,
      List<String> orderBy,
      int maxResults,
      @Nullable String pageToken)
      throws IOException, InterruptedException {
    ObjectNode body = TraceJson.MAPPER.createObjectNode();
    ObjectNode location = body.putArray("locations").addObject();
    location.put("type", "MLFLOW_EXPERIMENT");
    location.putObject("mlflow_experiment").put("experiment_id", experimentId);
    if (filter != null && !filter.isBlank()) {
      body.put("filter", filter);
    }
    orderBy.forEach(body.putArray("order_by")::add);
    body.put("max_results", maxResults);
    if (pageToken != null) {
      body.put("page_token", pageToken);
    }
    JsonNode response = client.postJson("/api/3.0/mlflow/traces/search", body);
    List<TraceInfo> traces = new ArrayList<>();
    for (JsonNode info : response.path("traces")) {
      traces.add(TraceInfoJson.read(info));
    }
    return TraceInfoPage.create(traces, response.path("next_page_token").asText(null));
  }

  static Trace parseTrace(JsonNode trace) {
    TraceInfo info = TraceInfoJson.read(trace.path("trace_info"));
    return Trace.create(info, TraceData.create(sorted(readSpans(trace.path("spans")))));
  }

  private static List<Span> readSpans(JsonNode spans) {
    List<Span> out = new ArrayList<>();
    for (JsonNode span : spans) {
      out.add(SpanJson.read(span));
    }
    return out;
  }

  private static List<Span> sorted(List<Span> spans) {
    spans.sort(
        Comparator.comparing((Span s) -> s.parentSpanId() != null)
            .thenComparingLong(Span::startTimeUnixNano));
    return spans;
  }
}
