package dev.tracelight.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import dev.tracelight.store.SpanEvent;
import dev.tracelight.store.SpanRecord;
import dev.tracelight.store.SpanStatusCode;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts OTLP spans to stored spans, normalizing attribute values to MLflow's convention (each
 * value JSON-encoded text) and stamping the MLflow trace id.
 */
final class OtlpSpans {
  static final String TRACE_ID_PREFIX = "tr-";
  private static final String MLFLOW_PREFIX = "mlflow.";

  private OtlpSpans() {}

  static List<SpanRecord> toSpanRecords(ExportTraceServiceRequest request) {
    List<SpanRecord> result = new ArrayList<>();
    for (ResourceSpans resource : request.getResourceSpansList()) {
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        for (Span span : scope.getSpansList()) {
          result.add(toSpanRecord(span));
        }
      }
    }
    return result;
  }

  static SpanRecord toSpanRecord(Span span) {
    String traceId = TRACE_ID_PREFIX + hexId(span.getTraceId(), 16, "trace_id");
    SpanRecord.Builder b = SpanRecord.builder()
        .setTraceId(traceId)
        .setSpanId(hexId(span.getSpanId(), 8, "span_id"))
        .setParentSpanId(span.getParentSpanId().isEmpty()
            ? null : hexId(span.getParentSpanId(), 8, "parent_span_id"))
        .setName(span.getName())
        .setStartTimeUnixNano(span.getStartTimeUnixNano())
        .setEndTimeUnixNano(span.getEndTimeUnixNano())
        .setStatus(statusCode(span.getStatus().getCode()), span.getStatus().getMessage());
    for (KeyValue kv : span.getAttributesList()) {
      b.putAttribute(kv.getKey(), attributeJson(kv.getKey(), kv.getValue()));
    }
    if (span.getAttributesList().stream()
        .noneMatch(kv -> kv.getKey().equals(SpanRecord.TRACE_REQUEST_ID))) {
      b.putAttribute(SpanRecord.TRACE_REQUEST_ID, JsonNodeFactory.instance.textNode(traceId).toString());
    }
    for (Span.Event e : span.getEventsList()) {
      Map<String, Object> attributes = new LinkedHashMap<>();
      for (KeyValue kv : e.getAttributesList()) {
        attributes.put(kv.getKey(), plain(kv.getValue()));
      }
      b.addEvent(SpanEvent.create(e.getName(), e.getTimeUnixNano(), attributes));
    }
    return b.build();
  }

  /**
   * MLflow's JSON-string convention: a string on an {@code mlflow.*} key that already parses as
   * JSON is kept verbatim (MLflow clients send JSON text there); any other string is encoded;
   * other values become their JSON.
   */
  static String attributeJson(String key, AnyValue value) {
    if (value.getValueCase() == AnyValue.ValueCase.STRING_VALUE) {
      String s = value.getStringValue();
      if (key.startsWith(MLFLOW_PREFIX) && MlflowJson.isJsonText(s)) {
        return s;
      }
      return JsonNodeFactory.instance.textNode(s).toString();
    }
    return json(value).toString();
  }

  private static JsonNode json(AnyValue v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (v.getValueCase()) {
      case STRING_VALUE:
        return f.textNode(v.getStringValue());
      case BOOL_VALUE:
        return f.booleanNode(v.getBoolValue());
      case INT_VALUE:
        return f.numberNode(v.getIntValue());
      case DOUBLE_VALUE:
        return f.numberNode(v.getDoubleValue());
      case BYTES_VALUE:
        return f.textNode(Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray()));
      case ARRAY_VALUE: {
        ArrayNode array = f.arrayNode();
        v.getArrayValue().getValuesList().forEach(item -> array.add(json(item)));
        return array;
      }
      case KVLIST_VALUE: {
        ObjectNode object = f.objectNode();
        v.getKvlistValue().getValuesList().forEach(kv -> object.set(kv.getKey(), json(kv.getValue())));
        return object;
      }
      default:
        return f.nullNode();
    }
  }

  /** An event attribute as a plain Java value (events keep plain values, per MLflow). */
  private static Object plain(AnyValue v) {
    return MlflowJson.MAPPER.convertValue(json(v), Object.class);
  }

  private static SpanStatusCode statusCode(io.opentelemetry.proto.trace.v1.Status.StatusCode c) {
    switch (c) {
      case STATUS_CODE_OK:
        return SpanStatusCode.OK;
      case STATUS_CODE_ERROR:
        return SpanStatusCode.ERROR;
      default:
        return SpanStatusCode.UNSET;
    }
  }

  private static String hexId(ByteString bytes, int length, String field) {
    if (bytes.size() != length) {
      throw ApiException.invalid(
          "Invalid span: '" + field + "' must be " + length + " bytes, got " + bytes.size());
    }
    return HexFormat.of().formatHex(bytes.toByteArray());
  }

  /** The OpenTelemetry trace id (hex) inside an MLflow trace id. */
  static String otelTraceIdHex(String traceId) {
    return traceId.startsWith(TRACE_ID_PREFIX) ? traceId.substring(TRACE_ID_PREFIX.length()) : traceId;
  }
}
