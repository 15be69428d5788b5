package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.Base64;
import java.util.List;

/**
 * Renders a stored span as a stock server's GetTrace does: OTel proto JSON with snake_case names,
 * base64 ids, fields at their default value left out (so a root span has no {@code
 * parent_span_id}), 64-bit integers as JSON numbers, and attribute values as native AnyValues of
 * the decoded values ({@code {"string_value": "CHAT_MODEL"}}).
 */
final class SpanProtoJson {

  private SpanProtoJson() {}

  static ObjectNode render(FakeSpan span) {
    Span proto = span.proto();
    ObjectNode json = Json.object();
    json.put("trace_id", base64(proto.getTraceId()));
    json.put("span_id", base64(proto.getSpanId()));
    putIfSet(json, "trace_state", proto.getTraceState());
    if (!proto.getParentSpanId().isEmpty()) {
      json.put("parent_span_id", base64(proto.getParentSpanId()));
    }
    if (proto.getFlags() != 0) {
      json.put("flags", proto.getFlags());
    }
    json.put("name", proto.getName());
    if (proto.getKindValue() != 0) {
      json.put("kind", proto.getKind().name());
    }
    json.put("start_time_unix_nano", proto.getStartTimeUnixNano());
    json.put("end_time_unix_nano", proto.getEndTimeUnixNano());
    ArrayNode attributes = json.putArray("attributes");
    span.attributeValues()
        .forEach(
            (key, value) ->
                attributes.addObject().put("key", key).set("value", AnyValues.toProtoJson(value)));
    if (proto.getEventsCount() > 0) {
      ArrayNode events = json.putArray("events");
      for (Span.Event event : proto.getEventsList()) {
        ObjectNode rendered = events.addObject();
        rendered.put("time_unix_nano", event.getTimeUnixNano());
        rendered.put("name", event.getName());
        if (event.getAttributesCount() > 0) {
          rendered.set("attributes", nativeKeyValues(event.getAttributesList()));
        }
      }
    }
    json.set("status", status(proto.getStatus()));
    return json;
  }

  private static ObjectNode status(Status status) {
    ObjectNode json = Json.object();
    putIfSet(json, "message", status.getMessage());
    if (status.getCodeValue() != 0) {
      json.put("code", status.getCode().name());
    }
    return json;
  }

  /** Event attributes are plain values in MLflow, never JSON text: render them as sent. */
  private static ArrayNode nativeKeyValues(List<KeyValue> keyValues) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (KeyValue kv : keyValues) {
      list.addObject()
          .put("key", kv.getKey())
          .set("value", AnyValues.toProtoJson(AnyValues.decode(kv.getValue())));
    }
    return list;
  }

  private static void putIfSet(ObjectNode json, String field, String value) {
    if (!value.isEmpty()) {
      json.put(field, value);
    }
  }

  private static String base64(ByteString bytes) {
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }
}
