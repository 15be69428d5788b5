package dev.tracelight.tracing;

import java.util.List;
import java.util.Map;

/**
 * Encodes spans as an OTLP {@code ExportTraceServiceRequest} (protobuf), the body of
 * {@code POST /v1/traces}. Attributes under {@code mlflow.} travel as their JSON text, as MLflow's
 * own clients send them; other attributes as native OTLP values, so generic backends read them
 * naturally.
 */
final class OtlpTraceEncoder {
  private static final String SCOPE_NAME = "dev.tracelight";
  private static final int SPAN_KIND_INTERNAL = 1;

  private OtlpTraceEncoder() {}

  static byte[] encode(List<Span> spans) {
    ProtoWriter scopeSpans = new ProtoWriter();
    ProtoWriter scope = new ProtoWriter();
    scope.string(1, SCOPE_NAME);
    scopeSpans.message(1, scope);
    for (Span span : spans) {
      scopeSpans.message(2, span(span));
    }
    ProtoWriter resource = new ProtoWriter();
    resource.message(1, keyValue("service.name", serviceName()));
    ProtoWriter resourceSpans = new ProtoWriter();
    resourceSpans.message(1, resource);
    resourceSpans.message(2, scopeSpans);
    ProtoWriter request = new ProtoWriter();
    request.message(1, resourceSpans);
    return request.toByteArray();
  }

  private static ProtoWriter span(Span span) {
    ProtoWriter w = new ProtoWriter();
    w.bytes(1, TraceIds.hexToBytes(span.otelTraceId()));
    w.bytes(2, TraceIds.hexToBytes(span.spanId()));
    if (span.parentSpanId() != null) {
      w.bytes(4, TraceIds.hexToBytes(span.parentSpanId()));
    }
    w.string(5, span.name());
    w.uint64(6, SPAN_KIND_INTERNAL);
    w.fixed64(7, span.startTimeUnixNano());
    w.fixed64(8, span.endTimeUnixNano());
    for (Map.Entry<String, String> e : span.attributesJson().entrySet()) {
      w.message(9, attribute(e.getKey(), e.getValue()));
    }
    for (SpanEvent event : span.events()) {
      w.message(11, event(event));
    }
    ProtoWriter status = new ProtoWriter();
    status.string(2, span.statusMessage());
    status.uint64(3, span.status().ordinal()); // UNSET=0, OK=1, ERROR=2, as in OTLP
    w.message(15, status);
    return w;
  }

  private static ProtoWriter attribute(String key, String json) {
    ProtoWriter kv = new ProtoWriter();
    kv.string(1, key);
    ProtoWriter value = new ProtoWriter();
    if (key.startsWith("mlflow.")) {
      value.stringPresent(1, json);
    } else {
      anyValue(value, TraceJson.decodeAttribute(json));
    }
    kv.message(2, value);
    return kv;
  }

  private static ProtoWriter event(SpanEvent event) {
    ProtoWriter w = new ProtoWriter();
    w.fixed64(1, event.timeUnixNano());
    w.string(2, event.name());
    event.attributes().forEach((k, v) -> w.message(3, keyValue(k, v)));
    return w;
  }

  private static ProtoWriter keyValue(String key, @Nullable Object value) {
    ProtoWriter kv = new ProtoWriter();
    kv.string(1, key);
    ProtoWriter any = new ProtoWriter();
    anyValue(any, value);
    kv.message(2, any);
    return kv;
  }

  private static void anyValue(ProtoWriter w, @Nullable Object value) {
    if (value == null) {
      return; // an empty AnyValue is OTLP's null
    }
    if (value instanceof String) {
      w.stringPresent(1, (String) value);
    } else if (value instanceof Boolean) {
      w.varintPresent(2, ((Boolean) value) ? 1 : 0);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      w.varintPresent(3, ((Number) value).longValue());
    } else if (value instanceof Number) {
      w.double64(4, ((Number) value).doubleValue());
    } else if (value instanceof List) {
      ProtoWriter array = new ProtoWriter();
      for (Object item : (List<?>) value) {
        ProtoWriter element = new ProtoWriter();
        anyValue(element, item);
        array.message(1, element);
      }
      w.message(5, array);
    } else if (value instanceof Map) {
      ProtoWriter list = new ProtoWriter();
      ((Map<?, ?>) value).forEach((k, v) -> list.message(1, keyValue(String.valueOf(k), v)));
      w.message(6, list);
    } else {
      w.stringPresent(1, String.valueOf(value));
    }
  }

  private static String serviceName() {
    String name = System.getenv("OTEL_SERVICE_NAME");
    return name == null || name.isBlank() ? "unknown_service:java" : name;
  }
}
