package dev.tracelight.tracing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one JSON configuration of the client, and MLflow's attribute convention: every attribute
 * value is stored as JSON text and decoded on read.
 */
final class TraceJson {
  private static final Logger logger = Logger.getLogger(TraceJson.class.getName());

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .enable(DeserializationFeature.USE_LONG_FOR_INTS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private TraceJson() {}

  /**
   * Encodes a value as JSON text. Never throws: a value Jackson cannot serialize is recorded as its
   * {@code toString()}, because tracing must not fail the traced code.
   */
  static String encode(@Nullable Object value) {
    // Fast paths for the common attribute values, without a Jackson generator per call.
    if (value instanceof String) {
      return quote((String) value);
    }
    if (value == null || value instanceof Boolean || value instanceof Long
        || value instanceof Integer || value instanceof Short) {
      return String.valueOf(value);
    }
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException | RuntimeException e) {
      logger.log(Level.FINE, "Cannot serialize a span value; recording its string form", e);
      return quote(String.valueOf(value));
    }
  }

  /** A JSON string literal of {@code text}. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"').toString();
  }

  /** Decodes JSON text; text that is not valid JSON comes back unchanged, as MLflow reads it. */
  @Nullable
  static Object decodeAttribute(String json) {
    try {
      return MAPPER.readValue(json, Object.class);
    } catch (JsonProcessingException | RuntimeException e) {
      return json;
    }
  }

  /** True when {@code text} is a complete JSON value. */
  static boolean isJson(String text) {
    try {
      MAPPER.readTree(text);
      return !text.isBlank();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /**
   * A cheap test for "already JSON text" on the span-ending path: short texts are parsed, long ones
   * only checked for matching delimiters, so a large input is never parsed twice. A false positive
   * is harmless: readers fall back to the raw string for text that does not parse.
   */
  static boolean looksLikeJson(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return false;
    }
    char first = t.charAt(0);
    char last = t.charAt(t.length() - 1);
    if ((first == '{' && last == '}') || (first == '[' && last == ']')) {
      return true;
    }
    if (first == '"') {
      return t.length() > 1 && last == '"' && t.charAt(t.length() - 2) != '\\' || isJson(t);
    }
    if (t.equals("true") || t.equals("false") || t.equals("null")) {
      return true;
    }
    return (first == '-' || Character.isDigit(first)) && t.length() < 64 && isJson(t);
  }

  static JsonNode parse(String json) throws JsonProcessingException {
    return MAPPER.readTree(json);
  }
}
