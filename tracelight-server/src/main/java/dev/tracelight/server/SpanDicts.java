package dev.tracelight.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelight.store.SpanEvent;
import dev.tracelight.store.SpanRecord;
import dev.tracelight.store.SpanStatusCode;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MLflow's span dicts, the entries of {@code traces.json} (MLFLOW_WIRE.md §3.2). Reads all three
 * generations: the 3.x dict (base64 ids), the newest one (hex ids, {@code OK} status codes) and
 * the 2.x one (detected by its {@code context} key). Attribute values may be JSON-encoded text
 * (Python) or plain JSON values (TypeScript); both become our JSON-text convention. Writes the
 * 3.x dict, the same shape the store keeps as span content.
 */
final class SpanDicts {
  private SpanDicts() {}

  static ArrayNode writeAll(List<SpanRecord> spans) {
    ArrayNode array = MlflowJson.MAPPER.createArrayNode();
    spans.forEach(s -> array.add(write(s)));
    return array;
  }

  /** The 3.x dict of a stored span: the store's own encoding, so both always agree. */
  static ObjectNode write(SpanRecord span) {
    try {
      return (ObjectNode) MlflowJson.MAPPER.readTree(span.toMlflowSpanJson());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("the store wrote invalid span JSON", e); // cannot happen
    }
  }

  /** The spans of {@code traces.json}'s {@code spans} list, all stamped with {@code traceId}. */
  static List<SpanRecord> readAll(JsonNode spans, String traceId) {
    if (spans == null || !spans.isArray()) {
      throw spans == null || spans.isNull()
          ? ApiException.invalid("Missing value for required parameter 'spans'")
          : MlflowJson.wrongType("spans", "a list of span objects", spans);
    }
    List<SpanRecord> result = new java.util.ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      result.add(read(spans.get(i), traceId, "spans[" + i + "]"));
    }
    return result;
  }

  static SpanRecord read(JsonNode n, String traceId, String path) {
    if (!n.isObject()) {
      throw MlflowJson.wrongType(path, "a span object", n);
    }
    boolean v2 = n.has("context"); // MLflow 2.x: ids under "context", flat status fields
    JsonNode ids = v2 ? n.path("context") : n;
    SpanRecord.Builder b = SpanRecord.builder()
        .setTraceId(traceId)
        .setSpanId(id(ids.get("span_id"), 8, path + (v2 ? ".context" : "") + ".span_id"))
        .setParentSpanId(parentId(n.get(v2 ? "parent_id" : "parent_span_id"),
            path + (v2 ? ".parent_id" : ".parent_span_id")))
        .setName(MlflowJson.requiredString(n, "name", path + ".name"))
        .setStartTimeUnixNano(nanos(n, v2 ? "start_time" : "start_time_unix_nano", path, true))
        .setEndTimeUnixNano(nanos(n, v2 ? "end_time" : "end_time_unix_nano", path, false));
    JsonNode status = v2 ? n : n.path("status");
    b.setStatus(SpanStatusCode.of(status.isTextual() ? status.asText()
            : textOrNull(status.get(v2 ? "status_code" : "code"))),
        textOrNull(status.get(v2 ? "status_message" : "message")));
    JsonNode attributes = n.get("attributes");
    if (attributes != null && !attributes.isNull() && !attributes.isObject()) {
      throw MlflowJson.wrongType(path + ".attributes", "an object", attributes);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = n.path("attributes").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> a = it.next();
      b.putAttribute(a.getKey(), attributeJson(a.getValue()));
    }
    if (!n.path("attributes").has(SpanRecord.TRACE_REQUEST_ID)) {
      b.putAttribute(SpanRecord.TRACE_REQUEST_ID,
          JsonNodeFactory.instance.textNode(traceId).toString());
    }
    for (JsonNode e : n.path("events")) {
      Map<String, Object> eventAttributes = new LinkedHashMap<>();
      e.path("attributes").fields().forEachRemaining(a -> eventAttributes.put(
          a.getKey(), MlflowJson.MAPPER.convertValue(a.getValue(), Object.class)));
      b.addEvent(SpanEvent.create(e.path("name").asText(""),
          e.path(v2 ? "timestamp" : "time_unix_nano").asLong(), eventAttributes));
    }
    return b.build();
  }

  /**
   * MLflow's convention: each value JSON text. Text that already parses as JSON is Python's
   * encoded form and kept; other text (TypeScript's plain strings) is encoded; any other value
   * is written as its JSON.
   */
  static String attributeJson(JsonNode value) {
    if (value.isTextual()) {
      String s = value.asText();
      return MlflowJson.isJsonText(s) ? s : JsonNodeFactory.instance.textNode(s).toString();
    }
    return value.toString();
  }

  /** A span or trace id as lowercase hex, from hex ({@code 0x} optional) or base64. */
  private static String id(JsonNode v, int bytes, String path) {
    String text = v == null || v.isNull() ? "" : v.asText().trim();
    if (text.isEmpty()) {
      throw ApiException.invalid("Missing value for required parameter '" + path + "'");
    }
    String hex = text.startsWith("0x") ? text.substring(2) : text;
    if (hex.length() == bytes * 2 && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return hex.toLowerCase(java.util.Locale.ROOT);
    }
    try {
      byte[] raw = Base64.getDecoder().decode(text);
      if (raw.length == bytes) {
        return HexFormat.of().formatHex(raw);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw ApiException.invalid("Invalid value '" + text + "' for parameter '" + path
        + "': expected " + bytes + " bytes as base64 or hex");
  }

  private static String parentId(JsonNode v, String path) {
    boolean root = v == null || v.isNull() || v.asText().isEmpty();
    return root ? null : id(v, 8, path);
  }

  /** Epoch nanoseconds as an exact integer (number or decimal text); never through a double. */
  private static long nanos(JsonNode n, String field, String path, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw ApiException.invalid("Missing value for required parameter '" + path + "." + field
            + "'");
      }
      return 0;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.asLong();
    }
    if (v.isTextual()) {
      try {
        return Long.parseLong(v.asText().trim());
      } catch (NumberFormatException e) {
        // reported below, like any other wrong value
      }
    }
    throw MlflowJson.wrongType(path + "." + field, "an integer of epoch nanoseconds", v);
  }

  private static String textOrNull(JsonNode v) {
    return v == null || v.isNull() ? null : v.asText();
  }
}
