package dev.tracelight.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns OpenTelemetry's {@link SpanData} into Tracelight's read model, {@link Span}. */
final class SpanDataConverter {
  private SpanDataConverter() {}

  static Span convert(SpanData data, @Nullable String rootSpanId) {
    Span.Builder b =
        Span.builder()
            .setOtelTraceId(data.getTraceId())
            .setSpanId(data.getSpanId())
            // A span whose parent lies outside this trace (another provider's span, a remote
            // caller) is this trace's root for MLflow.
            .setParentSpanId(data.getSpanId().equals(rootSpanId) ? null : parentId(data))
            .setName(data.getName())
            .setTimes(data.getStartEpochNanos(), data.getEndEpochNanos())
            .setStatus(status(data.getStatus().getStatusCode()), data.getStatus().getDescription());
    data.getAttributes().forEach((key, value) -> b.putAttributeJson(key.getKey(), toJson(value)));
    List<SpanEvent> events = new ArrayList<>();
    for (EventData event : data.getEvents()) {
      events.add(SpanEvent.create(event.getName(), event.getEpochNanos(), plain(event.getAttributes())));
    }
    return b.setEvents(events).build();
  }

  @Nullable
  private static String parentId(SpanData data) {
    return data.getParentSpanContext().isValid() ? data.getParentSpanId() : null;
  }

  /**
   * Values Tracelight sets are JSON text already; a string set through the plain OpenTelemetry API
   * is not, and is encoded here so that every stored value follows MLflow's convention.
   */
  private static String toJson(Object value) {
    if (value instanceof String) {
      String text = (String) value;
      return TraceJson.looksLikeJson(text) ? text : TraceJson.quote(text);
    }
    return TraceJson.encode(value);
  }

  private static Map<String, Object> plain(Attributes attributes) {
    Map<String, Object> map = new LinkedHashMap<>();
    attributes.forEach((AttributeKey<?> key, Object value) -> map.put(key.getKey(), value));
    return map;
  }

  private static SpanStatusCode status(StatusCode code) {
    switch (code) {
      case OK:
        return SpanStatusCode.OK;
      case ERROR:
        return SpanStatusCode.ERROR;
      default:
        return SpanStatusCode.UNSET;
    }
  }
}
