package dev.tracelight.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads spans as an MLflow server returns them: OpenTelemetry proto JSON (GetTrace, BatchGetTraces;
 * attributes a list of key/value pairs) or MLflow's span dict of {@code traces.json} (attributes an
 * object of JSON text). Ids may be base64 (the proto form) or hex.
 */
final class SpanJson {
  private SpanJson() {}

  static Span read(JsonNode node) {
    Span.Builder b =
        Span.builder()
            .setOtelTraceId(id(node.path("trace_id").asText(""), 32))
            .setSpanId(id(node.path("span_id").asText(""), 16))
            .setParentSpanId(id(node.path("parent_span_id").asText(""), 16))
            .setName(node.path("name").asText(""))
            .setTimes(
                node.path("start_time_unix_nano").asLong(),
                node.path("end_time_unix_nano").asLong());
    JsonNode status = node.path("status");
    b.setStatus(statusCode(status.path("code").asText("")), status.path("message").asText(""));
    JsonNode attributes = node.get("attributes");
    if (attributes != null && attributes.isArray()) {
      for (JsonNode kv : attributes) {
        b.putAttributeJson(kv.path("key").asText(), anyValueToJson(kv.path("value")));
      }
    } else if (attributes != null && attributes.isObject()) {
      for (Map.Entry<String, JsonNode> e : attributes.properties()) {
        JsonNode v = e.getValue();
        b.putAttributeJson(e.getKey(), v.isTextual() ? asJsonText(v.asText()) : v.toString());
      }
    }
    b.setEvents(events(node.path("events")));
    return b.build();
  }

  /** An OTLP {@code AnyValue} in proto JSON, as the JSON text MLflow stores for an attribute. */
  private static String anyValueToJson(JsonNode value) {
    JsonNode text = value.get("string_value");
    if (text == null) {
      text = value.get("stringValue");
    }
    if (text != null) {
      return asJsonText(text.asText());
    }
    return TraceJson.encode(plain(value));
  }

  /** The string as stored when it already is JSON text (MLflow's convention), else JSON-encoded. */
  private static String asJsonText(String text) {
    return TraceJson.isJson(text) ? text : TraceJson.quote(text);
  }

  @Nullable
  private static Object plain(JsonNode value) {
    for (Map.Entry<String, JsonNode> e : value.properties()) {
      JsonNode v = e.getValue();
      switch (e.getKey()) {
        case "string_value":
        case "stringValue":
          return v.asText();
        case "bool_value":
        case "boolValue":
          return v.asBoolean();
        case "int_value":
        case "intValue":
          return v.asLong();
        case "double_value":
        case "doubleValue":
          return v.asDouble();
        case "array_value":
        case "arrayValue":
          List<Object> list = new ArrayList<>();
          v.path("values").forEach(item -> list.add(plain(item)));
          return list;
        case "kvlist_value":
        case "kvlistValue":
          Map<String, Object> map = new LinkedHashMap<>();
          v.path("values").forEach(kv -> map.put(kv.path("key").asText(), plain(kv.path("value"))));
          return map;
        default:
          // bytes and unknown kinds: keep the proto JSON text
          return v.asText();
      }
    }
    return null;
  }

  private static List<SpanEvent> events(JsonNode events) {
    List<SpanEvent> out = new ArrayList<>();
    for (JsonNode e : events) {
      Map<String, Object> attributes = new LinkedHashMap<>();
      JsonNode attrs = e.path("attributes");
      if (attrs.isArray()) {
        attrs.forEach(kv -> attributes.put(kv.path("key").asText(), plain(kv.path("value"))));
      } else if (attrs.isObject()) {
        attrs.properties().forEach(f -> attributes.put(f.getKey(), plainJson(f.getValue())));
      }
      out.add(SpanEvent.create(e.path("name").asText(""), e.path("time_unix_nano").asLong(), attributes));
    }
    return out;
  }

  @Nullable
  private static Object plainJson(JsonNode v) {
    return v.isTextual() ? v.asText() : TraceJson.MAPPER.convertValue(v, Object.class);
  }

  private static SpanStatusCode statusCode(String code) {
    switch (code) {
      case "STATUS_CODE_OK":
      case "OK":
        return SpanStatusCode.OK;
      case "STATUS_CODE_ERROR":
      case "ERROR":
        return SpanStatusCode.ERROR;
      default:
        return SpanStatusCode.UNSET;
    }
  }

  /** Hex ids pass through; base64 ids (proto JSON bytes) are converted to hex. */
  private static String id(String raw, int hexLength) {
    if (raw.isEmpty()) {
      return "";
    }
    if (raw.startsWith(TraceIds.PREFIX)) {
      raw = raw.substring(TraceIds.PREFIX.length());
    }
    if (raw.length() == hexLength && raw.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return raw.toLowerCase(java.util.Locale.ROOT);
    }
    return TraceIds.base64ToHex(raw);
  }
}
