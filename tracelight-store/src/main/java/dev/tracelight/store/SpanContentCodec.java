package dev.tracelight.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored span content: MLflow 3.x's span dict ({@code traces.json} format), so a later export
 * of {@code traces.json} is a copy, not a conversion. Ids are base64 of the raw bytes; attribute
 * values JSON-encoded text; event attribute values plain.
 */
final class SpanContentCodec {
  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final String TRACE_PREFIX = "tr-";

  private SpanContentCodec() {}

  static String encode(SpanRecord span) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("trace_id", base64OfHex(otelTraceIdHex(span.traceId())));
    n.put("span_id", base64OfHex(span.spanId()));
    n.put("parent_span_id", span.parentSpanId().map(SpanContentCodec::base64OfHex).orElse(""));
    n.put("name", span.name());
    n.put("start_time_unix_nano", span.startTimeUnixNano());
    if (span.endTimeUnixNano() == 0) {
      n.putNull("end_time_unix_nano");
    } else {
      n.put("end_time_unix_nano", span.endTimeUnixNano());
    }
    ObjectNode status = n.putObject("status");
    status.put("code", span.statusCode().protoName());
    status.put("message", span.statusMessage());
    ObjectNode attributes = n.putObject("attributes");
    span.attributes().forEach(attributes::put);
    ArrayNode events = n.putArray("events");
    for (SpanEvent e : span.events()) {
      ObjectNode event = events.addObject();
      event.put("name", e.name());
      event.put("time_unix_nano", e.timeUnixNano());
      event.set("attributes", MAPPER.valueToTree(e.attributes()));
    }
    n.putArray("links");
    return n.toString();
  }

  /** Reads stored content back; the MLflow trace id comes from the row, not the content. */
  static SpanRecord decode(String traceId, String content) {
    JsonNode n = parse(content);
    SpanRecord.Builder b = SpanRecord.builder()
        .setTraceId(traceId)
        .setSpanId(hexOfBase64(n.path("span_id").asText()))
        .setParentSpanId(hexOfBase64(n.path("parent_span_id").asText("")))
        .setName(n.path("name").asText())
        .setStartTimeUnixNano(n.path("start_time_unix_nano").asLong())
        .setEndTimeUnixNano(n.path("end_time_unix_nano").asLong(0))
        .setStatus(
            SpanStatusCode.of(n.path("status").path("code").asText(null)),
            n.path("status").path("message").asText(""));
    for (Iterator<Map.Entry<String, JsonNode>> it = n.path("attributes").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> a = it.next();
      b.putAttribute(a.getKey(), a.getValue().isTextual() ? a.getValue().asText() : a.getValue().toString());
    }
    for (JsonNode e : n.path("events")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> attrs = MAPPER.convertValue(e.path("attributes"), LinkedHashMap.class);
      b.addEvent(SpanEvent.create(
          e.path("name").asText(), e.path("time_unix_nano").asLong(),
          attrs == null ? Map.of() : attrs));
    }
    return b.build();
  }

  /** Decodes a JSON-encoded string attribute ({@code "\"LLM\""} to {@code LLM}); null if not one. */
  static String decodeJsonString(String json) {
    if (json == null) {
      return null;
    }
    try {
      JsonNode n = MAPPER.readTree(json);
      return n != null && n.isTextual() ? n.asText() : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** Parses JSON text, or returns null if it is not JSON. */
  static JsonNode parseOrNull(String json) {
    if (json == null) {
      return null;
    }
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** The OpenTelemetry trace id in hex: the MLflow id without its {@code tr-} prefix. */
  static String otelTraceIdHex(String traceId) {
    return traceId.startsWith(TRACE_PREFIX) ? traceId.substring(TRACE_PREFIX.length()) : traceId;
  }

  static String base64OfHex(String hex) {
    try {
      return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  static String hexOfBase64(String base64) {
    if (base64 == null || base64.isEmpty()) {
      return "";
    }
    return HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
  }

  private static JsonNode parse(String content) {
    try {
      return MAPPER.readTree(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored span content is not JSON", e);
    }
  }
}
