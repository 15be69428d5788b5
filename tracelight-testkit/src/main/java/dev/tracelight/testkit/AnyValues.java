package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversions between OTLP {@code AnyValue}s, their decoded values (as JSON trees) and the OTel
 * proto JSON a stock MLflow server renders in GetTrace.
 */
final class AnyValues {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AnyValues() {}

  /**
   * A span attribute's value as MLflow holds it: MLflow keeps every attribute as JSON text and
   * reads it back with a JSON parse, so a string that is JSON text ({@code "\"CHAT_MODEL\""}, as
   * the MLflow clients and ours send {@code mlflow.*} attributes) becomes the value it encodes, and
   * a native value (an object sent as a key-value list) stays what it is. A string that is not JSON
   * text stays a string.
   */
  static JsonNode decodeAttribute(AnyValue value) {
    if (value.getValueCase() == AnyValue.ValueCase.STRING_VALUE) {
      return parseJsonText(value.getStringValue());
    }
    return decode(value);
  }

  /** A value exactly as sent, arrays as lists and key-value lists as objects. */
  static JsonNode decode(AnyValue value) {
    switch (value.getValueCase()) {
      case STRING_VALUE:
        return NODES.textNode(value.getStringValue());
      case BOOL_VALUE:
        return NODES.booleanNode(value.getBoolValue());
      case INT_VALUE:
        return NODES.numberNode(value.getIntValue());
      case DOUBLE_VALUE:
        return NODES.numberNode(value.getDoubleValue());
      case BYTES_VALUE:
        return NODES.textNode(
            Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray()));
      case ARRAY_VALUE:
        ArrayNode array = NODES.arrayNode();
        value.getArrayValue().getValuesList().forEach(item -> array.add(decode(item)));
        return array;
      case KVLIST_VALUE:
        ObjectNode object = NODES.objectNode();
        for (KeyValue entry : value.getKvlistValue().getValuesList()) {
          object.set(entry.getKey(), decode(entry.getValue()));
        }
        return object;
      default:
        return NODES.nullNode(); // an empty AnyValue is OTLP's null
    }
  }

  /** A decoded value as OTel proto JSON: {@code {"string_value": ...}}, {@code kvlist_value}... */
  static ObjectNode toProtoJson(JsonNode value) {
    ObjectNode any = NODES.objectNode();
    if (value.isTextual()) {
      any.put("string_value", value.textValue());
    } else if (value.isBoolean()) {
      any.put("bool_value", value.booleanValue());
    } else if (value.isIntegralNumber() && value.canConvertToLong()) {
      // MLflow renders int64 fields as JSON numbers, not as proto JSON's strings.
      any.put("int_value", value.longValue());
    } else if (value.isNumber()) {
      any.put("double_value", value.doubleValue());
    } else if (value.isArray()) {
      ArrayNode values = any.putObject("array_value").putArray("values");
      value.forEach(item -> values.add(toProtoJson(item)));
    } else if (value.isObject()) {
      any.putObject("kvlist_value").set("values", keyValues(value));
    }
    return any; // null: the empty AnyValue {}
  }

  /** Fields of an object as a proto JSON {@code KeyValue} list. */
  static ArrayNode keyValues(JsonNode object) {
    ArrayNode list = NODES.arrayNode();
    object
        .fields()
        .forEachRemaining(
            field -> {
              ObjectNode kv = list.addObject().put("key", field.getKey());
              kv.set("value", toProtoJson(field.getValue()));
            });
    return list;
  }

  /**
   * A decoded value as plain, unmodifiable Java: {@code String}, {@code Long}, {@code Double},
   * {@code Boolean}, {@code List}, {@code Map} or {@code null}.
   */
  @Nullable
  static Object toJava(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    } else if (value.isBoolean()) {
      return value.booleanValue();
    } else if (value.isIntegralNumber()) {
      return value.canConvertToLong() ? (Object) value.longValue() : value.bigIntegerValue();
    } else if (value.isNumber()) {
      return value.doubleValue();
    } else if (value.isArray()) {
      List<Object> list = new ArrayList<>();
      value.forEach(item -> list.add(toJava(item)));
      return Collections.unmodifiableList(list);
    } else if (value.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      value.fields().forEachRemaining(field -> map.put(field.getKey(), toJava(field.getValue())));
      return Collections.unmodifiableMap(map);
    }
    return null;
  }

  private static JsonNode parseJsonText(String text) {
    try {
      JsonNode parsed = Json.MAPPER.readTree(text);
      return parsed == null || parsed.isMissingNode() ? NODES.textNode(text) : parsed;
    } catch (IOException notJson) {
      return NODES.textNode(text);
    }
  }
}
