package dev.tracelight.tracing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A finished span, as stored by MLflow. Attribute values are kept as MLflow writes them, JSON text,
 * and decoded on read: {@link #attribute(String)} returns maps, lists, strings, numbers and
 * booleans.
 */
public final class Span {
  private final String traceId;
  private final String otelTraceId;
  private final String spanId;
  @Nullable private final String parentSpanId;
  private final String name;
  private final long startTimeUnixNano;
  private final long endTimeUnixNano;
  private final SpanStatusCode statusCode;
  private final String statusMessage;
  private final Map<String, String> attributesJson;
  private final List<SpanEvent> events;

  private Span(Builder b) {
    this.otelTraceId = b.otelTraceId;
    this.traceId = TraceIds.mlflowTraceId(b.otelTraceId);
    this.spanId = b.spanId;
    this.parentSpanId = b.parentSpanId;
    this.name = b.name;
    this.startTimeUnixNano = b.startTimeUnixNano;
    this.endTimeUnixNano = b.endTimeUnixNano;
    this.statusCode = b.statusCode;
    this.statusMessage = b.statusMessage;
    this.attributesJson = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributesJson));
    this.events = List.copyOf(b.events);
  }

  static Builder builder() {
    return new Builder();
  }

  /** A builder holding this span's data, to derive a changed copy (see {@link SpanProcessor}). */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.otelTraceId = otelTraceId;
    b.spanId = spanId;
    b.parentSpanId = parentSpanId;
    b.name = name;
    b.startTimeUnixNano = startTimeUnixNano;
    b.endTimeUnixNano = endTimeUnixNano;
    b.statusCode = statusCode;
    b.statusMessage = statusMessage;
    b.attributesJson.putAll(attributesJson);
    b.events = events;
    return b;
  }

  /** The MLflow trace id, {@code tr-} followed by 32 hex digits. */
  public String traceId() {
    return traceId;
  }

  /** The OpenTelemetry trace id, 32 hex digits. */
  String otelTraceId() {
    return otelTraceId;
  }

  /** The span id, 16 hex digits. */
  public String spanId() {
    return spanId;
  }

  /** The parent's span id, or null for the trace's root span. */
  @Nullable
  public String parentSpanId() {
    return parentSpanId;
  }

  public String name() {
    return name;
  }

  /** The span type from {@code mlflow.spanType}, {@link SpanType#UNKNOWN} when absent. */
  public SpanType spanType() {
    Object type = attribute(SpanAttributeKey.SPAN_TYPE);
    return type instanceof String && !((String) type).isBlank()
        ? SpanType.of((String) type)
        : SpanType.UNKNOWN;
  }

  public long startTimeUnixNano() {
    return startTimeUnixNano;
  }

  public long endTimeUnixNano() {
    return endTimeUnixNano;
  }

  public SpanStatusCode status() {
    return statusCode;
  }

  /** The status description, empty unless the span failed. */
  public String statusMessage() {
    return statusMessage;
  }

  /** The decoded value of {@code mlflow.spanInputs}, or null. */
  @Nullable
  public Object inputs() {
    return attribute(SpanAttributeKey.INPUTS);
  }

  /** The decoded value of {@code mlflow.spanOutputs}, or null. */
  @Nullable
  public Object outputs() {
    return attribute(SpanAttributeKey.OUTPUTS);
  }

  /**
   * The decoded value of an attribute: a {@code Map}, {@code List}, {@code String}, {@code Number}
   * or {@code Boolean}; a value that is not valid JSON comes back as the raw string; null when
   * absent.
   */
  @Nullable
  public Object attribute(String key) {
    String json = attributesJson.get(key);
    return json == null ? null : TraceJson.decodeAttribute(json);
  }

  /** The attribute's value exactly as stored: JSON text. */
  @Nullable
  public String attributeJson(String key) {
    return attributesJson.get(key);
  }

  /** All attributes, decoded as by {@link #attribute(String)}. */
  public Map<String, Object> attributes() {
    Map<String, Object> decoded = new LinkedHashMap<>();
    attributesJson.forEach((k, v) -> decoded.put(k, TraceJson.decodeAttribute(v)));
    return Collections.unmodifiableMap(decoded);
  }

  Map<String, String> attributesJson() {
    return attributesJson;
  }

  public List<SpanEvent> events() {
    return events;
  }

  @Override
  public String toString() {
    return "Span{" + name + ", " + spanType() + ", spanId=" + spanId + ", parent=" + parentSpanId
        + "}";
  }

  /**
   * Builds a changed copy of a span. Identity, times and status are kept from the original; name,
   * attributes, inputs and outputs can change.
   */
  public static final class Builder {
    private String otelTraceId;
    private String spanId;
    @Nullable private String parentSpanId;
    private String name = "";
    private long startTimeUnixNano;
    private long endTimeUnixNano;
    private SpanStatusCode statusCode = SpanStatusCode.UNSET;
    private String statusMessage = "";
    private final Map<String, String> attributesJson = new LinkedHashMap<>();
    private List<SpanEvent> events = List.of();

    Builder setOtelTraceId(String hex) {
      this.otelTraceId = hex;
      return this;
    }

    Builder setSpanId(String hex) {
      this.spanId = hex;
      return this;
    }

    Builder setParentSpanId(@Nullable String hex) {
      this.parentSpanId = hex == null || hex.isEmpty() ? null : hex;
      return this;
    }

    /** Renames the span. */
    public Builder setName(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Sets an attribute, serialized to JSON. */
    public Builder setAttribute(String key, @Nullable Object value) {
      attributesJson.put(Objects.requireNonNull(key, "key"), TraceJson.encode(value));
      return this;
    }

    /** Sets an attribute from JSON text, stored as given. */
    public Builder setAttributeJson(String key, String json) {
      attributesJson.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(json, "json"));
      return this;
    }

    /** Removes an attribute. */
    public Builder removeAttribute(String key) {
      attributesJson.remove(key);
      return this;
    }

    /** Replaces the inputs, serialized to JSON. */
    public Builder setInputs(@Nullable Object inputs) {
      return setAttribute(SpanAttributeKey.INPUTS, inputs);
    }

    /** Replaces the outputs, serialized to JSON. */
    public Builder setOutputs(@Nullable Object outputs) {
      return setAttribute(SpanAttributeKey.OUTPUTS, outputs);
    }

    Builder setTimes(long startUnixNano, long endUnixNano) {
      this.startTimeUnixNano = startUnixNano;
      this.endTimeUnixNano = endUnixNano;
      return this;
    }

    Builder setStatus(SpanStatusCode code, @Nullable String message) {
      this.statusCode = code;
      this.statusMessage = message == null ? "" : message;
      return this;
    }

    Builder putAttributeJson(String key, String json) {
      attributesJson.put(key, json);
      return this;
    }

    Builder setEvents(List<SpanEvent> events) {
      this.events = events;
      return this;
    }

    public Span build() {
      Objects.requireNonNull(otelTraceId, "otelTraceId");
      Objects.requireNonNull(spanId, "spanId");
      return new Span(this);
    }
  }
}
