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
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns OpenTelemetry's {@link SpanData} into Tracelight's read model, {@link Span}. */
final class SpanDataConverter {
  private static final Logger logger = Logger.getLogger(SpanDataConverter.class.getName());

  private SpanDataConverter() {}

  static Span convert(SpanData data, @Nullable String rootSpanId) {
    return convert(data, rootSpanId, Map.of(), Integer.MAX_VALUE);
  }

  /**
   * Converts a span, adding the attributes whose JSON was deferred ({@link LiveSpan#setInputsJson(
   * java.util.function.Supplier)}): produced now, capped at {@code maxChars}.
   */
  static Span convert(SpanData data, @Nullable String rootSpanId,
      Map<String, Supplier<String>> deferred, int maxChars) {
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
    deferred.forEach((key, json) -> {
      String text = produce(json);
      if (text != null) {
        b.putAttributeJson(key, toJson(AttributeLimits.cap(text, maxChars)));
      }
    });
    List<SpanEvent> events = new ArrayList<>();
    for (EventData event : data.getEvents()) {
      events.add(SpanEvent.create(event.getName(), event.getEpochNanos(), plain(event.getAttributes())));
    }
    return b.setEvents(events).build();
  }

  @Nullable
  private static String produce(Supplier<String> json) {
    try {
      return json.get();
    } catch (RuntimeException e) {
      logger.log(Level.FINE, "A deferred span value could not be produced; it is left out", e);
      return null;
    }
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
