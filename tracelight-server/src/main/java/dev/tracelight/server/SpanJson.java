package dev.tracelight.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelight.store.SpanEvent;
import dev.tracelight.store.SpanRecord;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A stored span as OpenTelemetry proto {@code Span} JSON with snake_case names, as GetTrace and
 * BatchGetTraces return it: ids base64, times exact integers, span attribute values as {@code
 * string_value} holding the JSON-encoded text (MLflow's reader json-decodes them), event
 * attribute values as plain AnyValues.
 */
final class SpanJson {
  private SpanJson() {}

  static ArrayNode writeAll(List<SpanRecord> spans) {
    ArrayNode array = MlflowJson.MAPPER.createArrayNode();
    spans.forEach(s -> array.add(write(s)));
    return array;
  }

  static ObjectNode write(SpanRecord span) {
    ObjectNode n = MlflowJson.MAPPER.createObjectNode();
    n.put("trace_id", base64OfHex(OtlpSpans.otelTraceIdHex(span.traceId())));
    n.put("span_id", base64OfHex(span.spanId()));
    n.put("parent_span_id", span.parentSpanId().map(SpanJson::base64OfHex).orElse(""));
    n.put("name", span.name());
    n.put("start_time_unix_nano", span.startTimeUnixNano());
    if (span.endTimeUnixNano() != 0) {
      n.put("end_time_unix_nano", span.endTimeUnixNano());
    }
    ArrayNode attributes = n.putArray("attributes");
    span.attributes().forEach((key, json) -> {
      ObjectNode kv = attributes.addObject();
      kv.put("key", key);
      kv.putObject("value").put("string_value", json);
    });
    ArrayNode events = n.putArray("events");
    for (SpanEvent e : span.events()) {
      ObjectNode event = events.addObject();
      event.put("name", e.name());
      event.put("time_unix_nano", e.timeUnixNano());
      event.set("attributes", keyValues(e.attributes()));
    }
    ObjectNode status = n.putObject("status");
    status.put("code", span.statusCode().protoName());
    status.put("message", span.statusMessage());
    return n;
  }

  private static ArrayNode keyValues(Map<String, Object> values) {
    ArrayNode list = MlflowJson.MAPPER.createArrayNode();
    values.forEach((k, v) -> {
      ObjectNode kv = list.addObject();
      kv.put("key", k);
      kv.set("value", anyValue(v));
    });
    return list;
  }

  private static ObjectNode anyValue(Object v) {
    ObjectNode n = MlflowJson.MAPPER.createObjectNode();
    if (v instanceof Boolean) {
      n.put("bool_value", (Boolean) v);
    } else if (v instanceof Integer || v instanceof Long) {
      n.put("int_value", ((Number) v).longValue());
    } else if (v instanceof Number) {
      n.put("double_value", ((Number) v).doubleValue());
    } else if (v instanceof List) {
      ArrayNode values = n.putObject("array_value").putArray("values");
      ((List<?>) v).forEach(item -> values.add(anyValue(item)));
    } else if (v instanceof Map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) v;
      n.putObject("kvlist_value").set("values", keyValues(map));
    } else {
      n.put("string_value", v == null ? "" : v.toString());
    }
    return n;
  }

  static String base64OfHex(String hex) {
    try {
      return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
