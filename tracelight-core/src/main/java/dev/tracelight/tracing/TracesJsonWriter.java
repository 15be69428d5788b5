package dev.tracelight.tracing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes MLflow's {@code traces.json} ({@code {"spans": [...]}}, the 3.x span dict of MLFLOW_WIRE.md
 * §3.2): base64 ids, JSON-text attribute values, {@code STATUS_CODE_*} status. Used to upload spans to
 * servers that do not take OTLP.
 */
final class TracesJsonWriter {
  private TracesJsonWriter() {}

  static byte[] write(List<Span> spans) throws JsonProcessingException {
    ObjectNode root = TraceJson.MAPPER.createObjectNode();
    ArrayNode array = root.putArray("spans");
    for (Span span : spans) {
      array.add(span(span));
    }
    return TraceJson.MAPPER.writeValueAsBytes(root);
  }

  private static ObjectNode span(Span span) {
    ObjectNode node = TraceJson.MAPPER.createObjectNode();
    node.put("trace_id", base64(span.otelTraceId()));
    node.put("span_id", base64(span.spanId()));
    node.put("parent_span_id", span.parentSpanId() == null ? "" : base64(span.parentSpanId()));
    node.put("name", span.name());
    node.put("start_time_unix_nano", span.startTimeUnixNano());
    node.put("end_time_unix_nano", span.endTimeUnixNano());
    ObjectNode status = node.putObject("status");
    status.put("code", "STATUS_CODE_" + span.status().name());
    status.put("message", span.statusMessage());
    ObjectNode attributes = node.putObject("attributes");
    for (Map.Entry<String, String> e : span.attributesJson().entrySet()) {
      attributes.put(e.getKey(), e.getValue());
    }
    ArrayNode events = node.putArray("events");
    for (SpanEvent event : span.events()) {
      ObjectNode e = events.addObject();
      e.put("name", event.name());
      e.put("time_unix_nano", event.timeUnixNano());
      e.set("attributes", TraceJson.MAPPER.valueToTree(event.attributes()));
    }
    return node;
  }

  private static String base64(String hex) {
    return Base64.getEncoder().encodeToString(TraceIds.hexToBytes(hex));
  }
}
