package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * A TraceInfoV3 as a stock server keeps and renders it: parsed into the proto message (unknown
 * fields dropped, a malformed timestamp or duration rejected) and rendered back as proto JSON, so
 * {@code request_time} and {@code execution_duration} come back in protobuf's canonical form
 * ({@code "1.5s"} returns as {@code "1.500s"}) and empty fields are left out.
 */
final class TraceInfoJson {

  private static final Set<String> STATES =
      Set.of("STATE_UNSPECIFIED", "OK", "ERROR", "IN_PROGRESS");
  private static final String[] STRING_FIELDS = {
    "trace_id", "client_request_id", "request", "response", "request_preview", "response_preview"
  };
  private static final String[] OBJECT_FIELDS = {"trace_location", "trace_metadata", "tags"};

  private TraceInfoJson() {}

  /**
   * The stored form of a client's trace info.
   *
   * @throws MlflowError {@code INVALID_PARAMETER_VALUE} for a field protobuf would not parse
   */
  static ObjectNode normalize(JsonNode info) {
    ObjectNode out = Json.object();
    for (String field : STRING_FIELDS) {
      RequestBodies.text(info, field).ifPresent(value -> out.put(field, value));
    }
    if (info.hasNonNull("request_time")) {
      out.put("request_time", timestamp(info.get("request_time")));
    }
    if (info.hasNonNull("execution_duration")) {
      out.put("execution_duration", duration(info.get("execution_duration")));
    }
    String state = info.path("state").asText("STATE_UNSPECIFIED");
    if (!STATES.contains(state)) {
      throw MlflowError.invalidParameter("Invalid enum value '" + state + "' for field 'state'.");
    }
    if (!state.equals("STATE_UNSPECIFIED")) {
      out.put("state", state);
    }
    for (String field : OBJECT_FIELDS) {
      JsonNode value = info.path(field);
      if (value.isObject() && !value.isEmpty()) {
        out.set(field, value.deepCopy());
      }
    }
    return out;
  }

  /** A google.protobuf.Timestamp rendered with 0, 3, 6 or 9 fraction digits, in UTC. */
  static String timestamp(JsonNode value) {
    if (!value.isTextual()) {
      throw MlflowError.invalidParameter("Failed to parse timestamp field: " + value);
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(value.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw MlflowError.invalidParameter("Failed to parse timestamp field: " + value);
    }
    return render(instant);
  }

  static String render(Instant instant) {
    String seconds = Instant.ofEpochSecond(instant.getEpochSecond()).toString();
    return seconds.substring(0, seconds.length() - 1) + fraction(instant.getNano()) + "Z";
  }

  /** A google.protobuf.Duration, {@code "<seconds>s"}, rendered as protobuf renders it. */
  static String duration(JsonNode value) {
    String text = value.asText();
    if (!value.isTextual() || !text.endsWith("s")) {
      throw MlflowError.invalidParameter("Failed to parse duration field: " + value);
    }
    BigDecimal seconds;
    try {
      seconds = new BigDecimal(text.substring(0, text.length() - 1));
    } catch (NumberFormatException e) {
      throw MlflowError.invalidParameter("Failed to parse duration field: " + value);
    }
    BigDecimal nanos = seconds.movePointRight(9);
    if (nanos.scale() > 0 && nanos.stripTrailingZeros().scale() > 0) {
      throw MlflowError.invalidParameter("Duration has more than nanosecond precision: " + value);
    }
    long total = nanos.longValueExact();
    String sign = total < 0 ? "-" : "";
    long abs = Math.abs(total);
    return sign + (abs / 1_000_000_000L) + fraction((int) (abs % 1_000_000_000L)) + "s";
  }

  private static String fraction(int nanos) {
    if (nanos == 0) {
      return "";
    } else if (nanos % 1_000_000 == 0) {
      return String.format(".%03d", nanos / 1_000_000);
    } else if (nanos % 1_000 == 0) {
      return String.format(".%06d", nanos / 1_000);
    }
    return String.format(".%09d", nanos);
  }
}
