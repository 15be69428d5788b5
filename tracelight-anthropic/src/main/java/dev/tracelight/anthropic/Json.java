package dev.tracelight.anthropic;

import com.anthropic.core.ObjectMappers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Serializes SDK objects with the SDK's own mapper, so spans hold the exact wire JSON. */
final class Json {
  private static final Logger logger = Logger.getLogger(Json.class.getName());

  private Json() {}

  static JsonMapper mapper() {
    return ObjectMappers.jsonMapper();
  }

  /** JSON text of an SDK value; {@code null} (the JSON literal) if it cannot be serialized. */
  static String write(JsonMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (Exception e) {
      logger.log(Level.FINE, "Could not serialize an Anthropic value", e);
      return "null";
    }
  }
}
