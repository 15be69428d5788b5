package dev.tracelight.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelight.store.SpanEvent;
import dev.tracelight.store.SpanRecord;
import java.util.List;
import java.util.regex.Pattern;

/**
 * MLflow 2.x span dicts (MLFLOW_WIRE.md §3.2 b): ids as {@code 0x}-hex under {@code context},
 * flat {@code status_code}/{@code status_message}, attribute values as JSON text. MLflow 2.x
 * clients read {@code traces.json} only in this shape, and newer readers accept it too, so the
 * trace data of a trace started through the legacy API (a 32-hex request id, never {@code tr-})
 * is served this way.
 */
final class LegacySpanDicts {
  private static final Pattern LEGACY_REQUEST_ID = Pattern.compile("[0-9a-f]{32}");

  private LegacySpanDicts() {}

  /** True for a request id made by StartTrace V2. */
  static boolean isLegacyRequestId(String traceId) {
    return LEGACY_REQUEST_ID.matcher(traceId).matches();
  }

  static ArrayNode writeAll(List<SpanRecord> spans) {
    ArrayNode array = MlflowJson.MAPPER.createArrayNode();
    spans.forEach(s -> array.add(write(s)));
    return array;
  }

  static ObjectNode write(SpanRecord span) {
    ObjectNode n = MlflowJson.MAPPER.createObjectNode();
    n.put("name", span.name());
    ObjectNode context = n.putObject("context");
    context.put("span_id", "0x" + span.spanId());
    context.put("trace_id", "0x" + OtlpSpans.otelTraceIdHex(span.traceId()));
    n.put("parent_id", span.parentSpanId().map(id -> "0x" + id).orElse(null));
    n.put("start_time", span.startTimeUnixNano());
    if (span.endTimeUnixNano() != 0) {
      n.put("end_time", span.endTimeUnixNano());
    } else {
      n.putNull("end_time");
    }
    n.put("status_code", span.statusCode().name());
    n.put("status_message", span.statusMessage());
    ObjectNode attributes = n.putObject("attributes");
    span.attributes().forEach(attributes::put);
    ArrayNode events = n.putArray("events");
    for (SpanEvent e : span.events()) {
      ObjectNode event = events.addObject();
      event.put("name", e.name());
      event.put("timestamp", e.timeUnixNano());
      event.set("attributes", MlflowJson.MAPPER.valueToTree(e.attributes()));
    }
    return n;
  }
}
