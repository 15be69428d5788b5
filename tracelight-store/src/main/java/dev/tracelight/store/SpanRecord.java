package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One span as stored. Ids are lowercase hex (16 chars for spans); the trace id is the MLflow one
 * ({@code tr-} + 32 hex). Attribute values follow MLflow's convention: each is JSON-encoded text,
 * so the span type {@code CHAT_MODEL} is the attribute value {@code "\"CHAT_MODEL\""}.
 */
public final class SpanRecord {

  /** Attribute holding the span type as JSON text. */
  public static final String SPAN_TYPE = "mlflow.spanType";
  /** Attribute holding the span's inputs as JSON text. */
  public static final String SPAN_INPUTS = "mlflow.spanInputs";
  /** Attribute holding the span's outputs as JSON text. */
  public static final String SPAN_OUTPUTS = "mlflow.spanOutputs";
  /** Attribute holding the chat token usage as JSON text. */
  public static final String CHAT_TOKEN_USAGE = "mlflow.chat.tokenUsage";
  /** Attribute holding the MLflow trace id as JSON text; required by MLflow's span reader. */
  public static final String TRACE_REQUEST_ID = "mlflow.traceRequestId";
  /**
   * Attribute holding the span's cost in USD as JSON text: {@code {"input_cost", "output_cost",
   * "total_cost"}}.
   */
  public static final String LLM_COST = "mlflow.llm.cost";

  private final String traceId;
  private final String spanId;
  private final String parentSpanId;
  private final String name;
  private final long startTimeUnixNano;
  private final long endTimeUnixNano;
  private final SpanStatusCode statusCode;
  private final String statusMessage;
  private final Map<String, String> attributes;
  private final List<SpanEvent> events;

  private SpanRecord(Builder b) {
    this.traceId = requireNonNull(b.traceId, "traceId");
    this.spanId = requireNonNull(b.spanId, "spanId");
    this.parentSpanId = b.parentSpanId == null || b.parentSpanId.isEmpty() ? null : b.parentSpanId;
    this.name = requireNonNull(b.name, "name");
    this.startTimeUnixNano = b.startTimeUnixNano;
    this.endTimeUnixNano = b.endTimeUnixNano;
    this.statusCode = b.statusCode;
    this.statusMessage = b.statusMessage;
    this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
    this.events = List.copyOf(b.events);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this span's fields, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder()
        .setTraceId(traceId)
        .setSpanId(spanId)
        .setParentSpanId(parentSpanId)
        .setName(name)
        .setStartTimeUnixNano(startTimeUnixNano)
        .setEndTimeUnixNano(endTimeUnixNano)
        .setStatus(statusCode, statusMessage)
        .setAttributes(attributes);
    events.forEach(b::addEvent);
    return b;
  }

  public String traceId() {
    return traceId;
  }

  public String spanId() {
    return spanId;
  }

  /** The parent's span id, empty for a root span. */
  public Optional<String> parentSpanId() {
    return Optional.ofNullable(parentSpanId);
  }

  public String name() {
    return name;
  }

  public long startTimeUnixNano() {
    return startTimeUnixNano;
  }

  /** End time in epoch nanoseconds; 0 while the span has not ended. */
  public long endTimeUnixNano() {
    return endTimeUnixNano;
  }

  public SpanStatusCode statusCode() {
    return statusCode;
  }

  public String statusMessage() {
    return statusMessage;
  }

  /** Attribute key to JSON-encoded value, in arrival order. */
  public Map<String, String> attributes() {
    return attributes;
  }

  public List<SpanEvent> events() {
    return events;
  }

  /** The span type decoded from {@value #SPAN_TYPE}, empty when absent. */
  public Optional<String> spanType() {
    return Optional.ofNullable(SpanContentCodec.decodeJsonString(attributes.get(SPAN_TYPE)));
  }

  /**
   * This span as MLflow's 3.x span dict (the elements of {@code traces.json}: base64 ids,
   * JSON-text attribute values), as JSON text.
   */
  public String toMlflowSpanJson() {
    return SpanContentCodec.encode(this);
  }

  @Override
  public String toString() {
    return "SpanRecord{" + traceId + "/" + spanId + " " + name + "}";
  }

  /** Builds a {@link SpanRecord}; required: trace id, span id, name. */
  public static final class Builder {
    private String traceId;
    private String spanId;
    private String parentSpanId;
    private String name;
    private long startTimeUnixNano;
    private long endTimeUnixNano;
    private SpanStatusCode statusCode = SpanStatusCode.UNSET;
    private String statusMessage = "";
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<SpanEvent> events = new ArrayList<>();

    private Builder() {}

    public Builder setTraceId(String traceId) {
      this.traceId = requireNonNull(traceId, "traceId");
      return this;
    }

    public Builder setSpanId(String spanId) {
      this.spanId = requireNonNull(spanId, "spanId");
      return this;
    }

    /** Sets the parent span id; null or empty marks a root span. */
    public Builder setParentSpanId(String parentSpanId) {
      this.parentSpanId = parentSpanId;
      return this;
    }

    public Builder setName(String name) {
      this.name = requireNonNull(name, "name");
      return this;
    }

    public Builder setStartTimeUnixNano(long startTimeUnixNano) {
      this.startTimeUnixNano = startTimeUnixNano;
      return this;
    }

    public Builder setEndTimeUnixNano(long endTimeUnixNano) {
      this.endTimeUnixNano = endTimeUnixNano;
      return this;
    }

    public Builder setStatus(SpanStatusCode code, String message) {
      this.statusCode = requireNonNull(code, "code");
      this.statusMessage = message == null ? "" : message;
      return this;
    }

    /** Puts an attribute whose value is already JSON-encoded text. */
    public Builder putAttribute(String key, String jsonValue) {
      attributes.put(requireNonNull(key, "key"), requireNonNull(jsonValue, "jsonValue"));
      return this;
    }

    /** Replaces all attributes with these, each value already JSON-encoded text. */
    public Builder setAttributes(Map<String, String> jsonAttributes) {
      Map<String, String> copy = new LinkedHashMap<>();
      requireNonNull(jsonAttributes, "attributes").forEach((key, jsonValue) ->
          copy.put(requireNonNull(key, "key"), requireNonNull(jsonValue, "jsonValue")));
      attributes.clear();
      attributes.putAll(copy);
      return this;
    }

    public Builder addEvent(SpanEvent event) {
      events.add(requireNonNull(event, "event"));
      return this;
    }

    public SpanRecord build() {
      return new SpanRecord(this);
    }
  }
}
