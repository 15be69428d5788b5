package dev.tracelight.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes a protobuf OTLP request as OTLP/JSON the way the OpenTelemetry JavaScript exporter does:
 * camelCase names, hex ids, 64-bit integers as strings, enums as numbers.
 */
final class OtlpJsonEncoder {
  private OtlpJsonEncoder() {}

  static String encode(ExportTraceServiceRequest request) {
    ObjectNode root = MlflowJson.MAPPER.createObjectNode();
    ArrayNode resources = root.putArray("resourceSpans");
    for (ResourceSpans rs : request.getResourceSpansList()) {
      ObjectNode r = resources.addObject();
      if (rs.hasResource()) {
        attributes(r.putObject("resource"), rs.getResource().getAttributesList());
      }
      ArrayNode scopes = r.putArray("scopeSpans");
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        ObjectNode s = scopes.addObject();
        if (ss.hasScope()) {
          s.putObject("scope").put("name", ss.getScope().getName())
              .put("version", ss.getScope().getVersion());
        }
        ArrayNode spans = s.putArray("spans");
        ss.getSpansList().forEach(span -> span(spans.addObject(), span));
      }
    }
    return root.toString();
  }

  private static void span(ObjectNode n, Span span) {
    n.put("traceId", hex(span.getTraceId()))
        .put("spanId", hex(span.getSpanId()))
        .put("parentSpanId", hex(span.getParentSpanId()))
        .put("name", span.getName())
        .put("kind", span.getKindValue())
        .put("startTimeUnixNano", Long.toUnsignedString(span.getStartTimeUnixNano()))
        .put("endTimeUnixNano", Long.toUnsignedString(span.getEndTimeUnixNano()));
    attributes(n, span.getAttributesList());
    ArrayNode events = n.putArray("events");
    for (Span.Event e : span.getEventsList()) {
      ObjectNode event = events.addObject()
          .put("timeUnixNano", Long.toUnsignedString(e.getTimeUnixNano()))
          .put("name", e.getName());
      attributes(event, e.getAttributesList());
    }
    if (span.hasStatus()) {
      n.putObject("status").put("code", span.getStatus().getCodeValue())
          .put("message", span.getStatus().getMessage());
    }
  }

  private static void attributes(ObjectNode parent, List<KeyValue> attributes) {
    ArrayNode list = parent.putArray("attributes");
    attributes.forEach(kv -> keyValue(list.addObject(), kv));
  }

  private static void keyValue(ObjectNode n, KeyValue kv) {
    n.put("key", kv.getKey());
    anyValue(n.putObject("value"), kv.getValue());
  }

  static void anyValue(ObjectNode n, AnyValue v) {
    switch (v.getValueCase()) {
      case STRING_VALUE -> n.put("stringValue", v.getStringValue());
      case BOOL_VALUE -> n.put("boolValue", v.getBoolValue());
      case INT_VALUE -> n.put("intValue", Long.toString(v.getIntValue()));
      case DOUBLE_VALUE -> n.put("doubleValue", v.getDoubleValue());
      case BYTES_VALUE -> n.put("bytesValue",
          Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray()));
      case ARRAY_VALUE -> {
        ArrayNode values = n.putObject("arrayValue").putArray("values");
        v.getArrayValue().getValuesList().forEach(item -> anyValue(values.addObject(), item));
      }
      case KVLIST_VALUE -> {
        ArrayNode values = n.putObject("kvlistValue").putArray("values");
        v.getKvlistValue().getValuesList().forEach(kv -> keyValue(values.addObject(), kv));
      }
      default -> { }
    }
  }

  private static String hex(ByteString bytes) {
    return HexFormat.of().formatHex(bytes.toByteArray());
  }
}
