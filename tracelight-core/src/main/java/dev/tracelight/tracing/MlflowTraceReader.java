package dev.tracelight.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a trace back from a tracking server: {@code GetTrace}, spans included. */
final class MlflowTraceReader {
  private MlflowTraceReader() {}

  static Optional<Trace> getTrace(MlflowRestClient client, String traceId)
      throws IOException, InterruptedException {
    JsonNode response;
    try {
      response =
          client.get(
              "/api/3.0/mlflow/traces/get",
              Map.of("trace_id", List.of(traceId), "allow_partial", List.of("true")));
    } catch (MlflowRestException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
    return Optional.of(parseTrace(response.path("trace")));
  }

  static Trace parseTrace(JsonNode trace) {
    TraceInfo info = TraceInfoJson.read(trace.path("trace_info"));
    List<Span> spans = new ArrayList<>();
    for (JsonNode span : trace.path("spans")) {
      spans.add(SpanJson.read(span));
    }
    spans.sort(
        Comparator.comparing((Span s) -> s.parentSpanId() != null)
            .thenComparingLong(Span::startTimeUnixNano));
    return Trace.create(info, TraceData.create(spans));
  }
}
