package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What a trace's span tree and timeline show of one span, without its inputs, outputs, other
 * attributes or events: a page can list 10,000 of these and fetch a span's content only when it is
 * selected. Ids are lowercase hex, as in {@link SpanRecord}.
 */
public final class SpanSummary {
  private final String spanId;
  private final String parentSpanId;
  private final String name;
  private final String spanType;
  private final SpanStatusCode statusCode;
  private final long startTimeUnixNano;
  private final long endTimeUnixNano;
  private final String tokenUsageJson;
  private final String costJson;

  private SpanSummary(String spanId, String parentSpanId, String name, String spanType,
      SpanStatusCode statusCode, long startTimeUnixNano, long endTimeUnixNano,
      String tokenUsageJson, String costJson) {
    this.spanId = requireNonNull(spanId, "spanId");
    this.parentSpanId = parentSpanId == null || parentSpanId.isEmpty() ? null : parentSpanId;
    this.name = requireNonNull(name, "name");
    this.spanType = spanType;
    this.statusCode = requireNonNull(statusCode, "statusCode");
    this.startTimeUnixNano = startTimeUnixNano;
    this.endTimeUnixNano = endTimeUnixNano;
    this.tokenUsageJson = tokenUsageJson;
    this.costJson = costJson;
  }

  /**
   * A summary from its parts; {@code parentSpanId}, {@code spanType}, {@code tokenUsageJson} and
   * {@code costJson} may be null (absent).
   */
  public static SpanSummary create(String spanId, String parentSpanId, String name,
      String spanType, SpanStatusCode statusCode, long startTimeUnixNano, long endTimeUnixNano,
      String tokenUsageJson, String costJson) {
    return new SpanSummary(spanId, parentSpanId, name, spanType, statusCode, startTimeUnixNano,
        endTimeUnixNano, tokenUsageJson, costJson);
  }

  /** The summary of a full span, for readers that hold spans already. */
  public static SpanSummary of(SpanRecord span) {
    return create(span.spanId(), span.parentSpanId().orElse(null), span.name(),
        span.spanType().orElse(null), span.statusCode(), span.startTimeUnixNano(),
        span.endTimeUnixNano(), span.attributes().get(SpanRecord.CHAT_TOKEN_USAGE),
        span.attributes().get(SpanRecord.LLM_COST));
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

  /** The decoded {@value SpanRecord#SPAN_TYPE}, e.g. {@code CHAT_MODEL}; empty when absent. */
  public Optional<String> spanType() {
    return Optional.ofNullable(spanType);
  }

  public SpanStatusCode statusCode() {
    return statusCode;
  }

  public long startTimeUnixNano() {
    return startTimeUnixNano;
  }

  /** End time in epoch nanoseconds; 0 while the span has not ended. */
  public long endTimeUnixNano() {
    return endTimeUnixNano;
  }

  /** The span's {@value SpanRecord#CHAT_TOKEN_USAGE} as JSON object text, empty when absent. */
  public Optional<String> tokenUsageJson() {
    return Optional.ofNullable(tokenUsageJson);
  }

  /** The span's {@value SpanRecord#LLM_COST} as JSON object text, empty when absent. */
  public Optional<String> costJson() {
    return Optional.ofNullable(costJson);
  }

  @Override
  public String toString() {
    return "SpanSummary{" + spanId + " " + name + "}";
  }
}
