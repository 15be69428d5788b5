package dev.tracelight.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The testkit's one Jackson configuration: plain, so the wire JSON is exactly what we build. */
final class Json {

  // Trailing garbage after a JSON value makes the body malformed, as it does for the real API.
  static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      // A tree built from Jackson nodes always serializes; reaching this is a testkit bug.
      throw new UncheckedIOException(e);
    }
  }

  static String text(JsonNode node) {
    return new String(bytes(node), StandardCharsets.UTF_8);
  }

  /** Converts maps, lists, records or nodes into a detached tree, so callers cannot mutate it. */
  static JsonNode tree(Object value) {
    if (value instanceof JsonNode) {
      return ((JsonNode) value).deepCopy();
    }
    return MAPPER.valueToTree(value);
  }
}
