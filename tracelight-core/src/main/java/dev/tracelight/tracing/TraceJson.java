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
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException | RuntimeException e) {
      logger.log(Level.FINE, "Cannot serialize a span value; recording its string form", e);
      return quote(String.valueOf(value));
    }
  }

  /** A JSON string literal of {@code text}. */
  static String quote(String text) {
    try {
      return MAPPER.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e); // a String always serializes
    }
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
    if (text.length() < 64) {
      return isJson(text);
    }
    String t = text.strip();
    char first = t.charAt(0);
    char last = t.charAt(t.length() - 1);
    return (first == '{' && last == '}') || (first == '[' && last == ']') || (first == '"' && last == '"');
  }

  static JsonNode parse(String json) throws JsonProcessingException {
    return MAPPER.readTree(json);
  }
}
