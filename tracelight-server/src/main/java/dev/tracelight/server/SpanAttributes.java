package dev.tracelight.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored span's attributes as the convention mappers read them. Values are kept in MLflow's
 * convention (each one JSON text) and decoded on demand, once per key: a string attribute {@code
 * "\"chat\""} reads as text {@code chat}; a string holding JSON (how instrumentations send
 * structures through OpenTelemetry's flat attributes) reads as that structure.
 */
final class SpanAttributes {
  private final Map<String, String> json;
  private final Map<String, JsonNode> decoded = new HashMap<>();

  SpanAttributes(Map<String, String> json) {
    this.json = json;
  }

  boolean has(String key) {
    return json.containsKey(key);
  }

  /** The attribute's JSON value, or null when absent or not JSON. */
  JsonNode value(String key) {
    String text = json.get(key);
    if (text == null) {
      return null;
    }
    return decoded.computeIfAbsent(key, k -> parse(text));
  }

  /** A string's text, another scalar's JSON text; null when absent, empty or a structure. */
  String text(String key) {
    JsonNode v = value(key);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String text = v.asText();
    return text.isEmpty() ? null : text;
  }

  /** The first of {@code keys} that has text. */
  String firstText(String... keys) {
    for (String key : keys) {
      String text = text(key);
      if (text != null) {
        return text;
      }
    }
    return null;
  }

  /** Lower-cased text, for names compared case-insensitively (providers, kinds). */
  String lowerText(String... keys) {
    String text = firstText(keys);
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  /** An integral count sent as a number or a numeric string; null when absent or not one. */
  Long count(String key) {
    JsonNode v = value(key);
    if (v == null) {
      return null;
    }
    if (v.isNumber()) {
      return v.asLong();
    }
    if (v.isTextual()) {
      try {
        return Long.parseLong(v.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** The first of {@code keys} that holds a count. */
  Long firstCount(String... keys) {
    for (String key : keys) {
      Long n = count(key);
      if (n != null) {
        return n;
      }
    }
    return null;
  }

  /**
   * The attribute as a structure: a string holding JSON is parsed (kept as text when it is not
   * JSON); other values as they are. Null when absent or empty.
   */
  JsonNode structured(String key) {
    JsonNode v = value(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      String text = v.asText();
      if (text.isBlank()) {
        return null;
      }
      JsonNode parsed = parse(text);
      return parsed == null ? v : parsed;
    }
    return v;
  }

  /**
   * Indexed attributes such as {@code gen_ai.prompt.0.role}: for a pattern whose first group is
   * the index and second the rest of the key, index to (rest to key), ordered by index.
   */
  SortedMap<Integer, Map<String, String>> indexed(Pattern pattern) {
    SortedMap<Integer, Map<String, String>> result = new TreeMap<>();
    for (String key : json.keySet()) {
      Matcher m = pattern.matcher(key);
      if (m.matches()) {
        try {
          result.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new HashMap<>())
              .put(m.group(2), key);
        } catch (NumberFormatException e) {
          // an index beyond int: not an attribute a real instrumentation writes
        }
      }
    }
    return result;
  }

  /** JSON text of a string, for attribute values. */
  static String jsonString(String text) {
    return JsonNodeFactory.instance.textNode(text).toString();
  }

  private static JsonNode parse(String text) {
    try {
      return MlflowJson.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
