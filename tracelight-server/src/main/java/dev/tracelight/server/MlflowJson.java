package dev.tracelight.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MLflow's JSON conventions: snake_case fields, int64 as numbers out and numbers or strings in,
 * unknown fields ignored, and 400 INVALID_PARAMETER_VALUE naming the field for anything else.
 */
final class MlflowJson {
  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private MlflowJson() {}

  /** Parses a request body that must be a JSON object; an empty body is an empty object. */
  static JsonNode parseObject(byte[] body) {
    if (body.length == 0) {
      return MAPPER.createObjectNode();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.invalid("Malformed JSON in request body: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (node == null || node.isMissingNode()) {
      return MAPPER.createObjectNode();
    }
    if (!node.isObject()) {
      throw ApiException.invalid("Request body must be a JSON object, got " + node.getNodeType());
    }
    return node;
  }

  static void write(Context ctx, Object body) {
    try {
      ctx.contentType("application/json").result(MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize response", e);
    }
  }

  /** A string field; numbers are accepted as their text. Null when absent or null. */
  static String string(JsonNode parent, String field) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual() || v.isNumber()) {
      return v.asText();
    }
    throw wrongType(field, "a string", v);
  }

  static String requiredString(JsonNode parent, String field, String path) {
    String v = string(parent, field);
    if (v == null || v.isEmpty()) {
      throw ApiException.invalid("Missing value for required parameter '" + path + "'");
    }
    return v;
  }

  /** An int64 field sent as a number or a decimal string. Null when absent. */
  static Long int64(JsonNode parent, String field) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.asLong();
    }
    if (v.isTextual()) {
      try {
        return Long.parseLong(v.asText().trim());
      } catch (NumberFormatException e) {
        throw wrongType(field, "an integer", v);
      }
    }
    throw wrongType(field, "an integer", v);
  }

  static List<String> stringList(JsonNode parent, String field) {
    JsonNode v = parent.get(field);
    List<String> result = new ArrayList<>();
    if (v == null || v.isNull()) {
      return result;
    }
    if (v.isTextual()) {
      result.add(v.asText()); // a lone string where a list is due: take it as a list of one
      return result;
    }
    if (!v.isArray()) {
      throw wrongType(field, "a list of strings", v);
    }
    for (JsonNode item : v) {
      if (!item.isTextual() && !item.isNumber()) {
        throw wrongType(field, "a list of strings", v);
      }
      result.add(item.asText());
    }
    return result;
  }

  /**
   * A string map sent either as a JSON object or as MLflow's {@code [{"key","value"}]} list (both
   * forms are seen from real clients).
   */
  static Map<String, String> stringMap(JsonNode parent, String field) {
    JsonNode v = parent.get(field);
    Map<String, String> result = new LinkedHashMap<>();
    if (v == null || v.isNull()) {
      return result;
    }
    if (v.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        result.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText()
            : e.getValue().isNull() ? "" : e.getValue().toString());
      }
      return result;
    }
    if (v.isArray()) {
      for (JsonNode item : v) {
        String key = item.isObject() ? string(item, "key") : null;
        if (key == null) {
          throw wrongType(field, "a list of {\"key\", \"value\"} objects", v);
        }
        String value = string(item, "value");
        result.put(key, value == null ? "" : value);
      }
      return result;
    }
    throw wrongType(field, "an object or a list of {\"key\", \"value\"}", v);
  }

  /** A boolean field sent as a JSON boolean or the text true/false. Null when absent. */
  static Boolean bool(JsonNode parent, String field, String path) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isTextual() && (v.asText().equalsIgnoreCase("true")
        || v.asText().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(v.asText());
    }
    throw wrongType(path, "true or false", v);
  }

  /** True if the text parses as one JSON value, so it is kept as the JSON it already is. */
  static boolean isJsonText(String s) {
    if (s.isBlank()) {
      return false;
    }
    try {
      MAPPER.readTree(s);
      return true;
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  static ApiException wrongType(String field, String expected, JsonNode actual) {
    String shown = actual.toString();
    if (shown.length() > 80) {
      shown = shown.substring(0, 77) + "...";
    }
    return ApiException.invalid(
        "Invalid value " + shown + " for parameter '" + field + "': expected " + expected);
  }
}
