package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A span {@link FakeMlflowServer} received by OTLP, as the server understood it. Immutable and
 * thread-safe.
 *
 * <p>Attribute values are decoded the way MLflow reads them: JSON text becomes the value it encodes
 * ({@code "\"CHAT_MODEL\""} is {@code "CHAT_MODEL"}, an object's JSON is a {@code Map}), native
 * OTLP values stay native. Numbers are {@code Long} or {@code Double}. As a stock server, the fake
 * adds {@code mlflow.traceRequestId} when the span lacks it.
 */
public final class FakeSpan {

  /** The attribute MLflow requires on every span: the MLflow trace id. */
  public static final String TRACE_REQUEST_ID = "mlflow.traceRequestId";

  private static final HexFormat HEX = HexFormat.of();

  private final Span proto;
  private final String experimentId;
  private final Map<String, JsonNode> attributeValues;
  private final Map<String, Object> attributes;

  private FakeSpan(Span proto, String experimentId, Map<String, JsonNode> attributeValues) {
    this.proto = proto;
    this.experimentId = experimentId;
    this.attributeValues = Collections.unmodifiableMap(attributeValues);
    Map<String, Object> plain = new LinkedHashMap<>();
    attributeValues.forEach((key, value) -> plain.put(key, AnyValues.toJava(value)));
    this.attributes = Collections.unmodifiableMap(plain);
  }

  /**
   * Decodes a received span.
   *
   * @throws IllegalArgumentException if its trace id is not 16 bytes or its span id not 8, which a
   *     stock server cannot convert either
   */
  static FakeSpan fromProto(Span proto, String experimentId) {
    if (proto.getTraceId().size() != 16 || proto.getSpanId().size() != 8) {
      throw new IllegalArgumentException("a span needs a 16-byte trace id and an 8-byte span id");
    }
    Map<String, JsonNode> values = new LinkedHashMap<>();
    for (KeyValue attribute : proto.getAttributesList()) {
      values.put(attribute.getKey(), AnyValues.decodeAttribute(attribute.getValue()));
    }
    String mlflowTraceId = "tr-" + HEX.formatHex(proto.getTraceId().toByteArray());
    values.putIfAbsent(TRACE_REQUEST_ID, JsonNodeFactory.instance.textNode(mlflowTraceId));
    return new FakeSpan(proto, experimentId, values);
  }

  /** The OTel trace id, 32 lowercase hex digits. */
  public String traceId() {
    return HEX.formatHex(proto.getTraceId().toByteArray());
  }

  /** The MLflow trace id: {@code tr-} and the OTel trace id. */
  public String mlflowTraceId() {
    return "tr-" + traceId();
  }

  /** The span id, 16 lowercase hex digits. */
  public String spanId() {
    return HEX.formatHex(proto.getSpanId().toByteArray());
  }

  /** The parent's span id in hex; empty for a root span. */
  public Optional<String> parentSpanId() {
    return proto.getParentSpanId().isEmpty()
        ? Optional.empty()
        : Optional.of(HEX.formatHex(proto.getParentSpanId().toByteArray()));
  }

  public String name() {
    return proto.getName();
  }

  public long startTimeUnixNano() {
    return proto.getStartTimeUnixNano();
  }

  public long endTimeUnixNano() {
    return proto.getEndTimeUnixNano();
  }

  /** The OTLP status code name: {@code STATUS_CODE_UNSET}, {@code _OK} or {@code _ERROR}. */
  public String statusCode() {
    return proto.getStatus().getCode().name();
  }

  public String statusMessage() {
    return proto.getStatus().getMessage();
  }

  /** The experiment named by the export's {@code x-mlflow-experiment-id} header. */
  public String experimentId() {
    return experimentId;
  }

  /** Every attribute, decoded (see the class comment); values may be {@code null}. */
  public Map<String, Object> attributes() {
    return attributes;
  }

  /** One decoded attribute; empty when absent (or null). */
  public Optional<Object> attribute(String key) {
    return Optional.ofNullable(attributes.get(key));
  }

  /** How many events the span carried. */
  public int eventCount() {
    return proto.getEventsCount();
  }

  Span proto() {
    return proto;
  }

  Map<String, JsonNode> attributeValues() {
    return attributeValues;
  }

  @Override
  public String toString() {
    return "FakeSpan{" + name() + " " + traceId() + "/" + spanId() + " " + attributes + "}";
  }
}
