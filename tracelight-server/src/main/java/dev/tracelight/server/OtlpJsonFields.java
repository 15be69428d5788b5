package dev.tracelight.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * The scalar and attribute values of OTLP/JSON, read as the protobuf JSON mapping and OTLP's
 * amendments to it define them: field names lowerCamelCase (snake_case accepted too), trace and
 * span ids hex, 64-bit integers as numbers or decimal strings, enums as names or numbers, {@code
 * null} as absent. A value of the wrong shape is a 400 naming its path.
 */
final class OtlpJsonFields {
  private static final BigInteger UINT64_MAX =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private OtlpJsonFields() {}

  /** The field under its lowerCamelCase name, else its snake_case one; null when absent or null. */
  static JsonNode get(JsonNode object, String camelName) {
    JsonNode v = object.get(camelName);
    if (v == null) {
      v = object.get(snakeCase(camelName));
    }
    return v == null || v.isNull() ? null : v;
  }

  static String snakeCase(String camelName) {
    StringBuilder s = new StringBuilder(camelName.length() + 4);
    for (char c : camelName.toCharArray()) {
      if (Character.isUpperCase(c)) {
        s.append('_').append(Character.toLowerCase(c));
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }

  /** A repeated message field: each element read by {@code read(element, path)}. */
  static <T> List<T> list(JsonNode object, String field, String path, ElementReader<T> read) {
    JsonNode v = get(object, field);
    List<T> result = new ArrayList<>();
    if (v == null) {
      return result;
    }
    if (!v.isArray()) {
      throw MlflowJson.wrongType(join(path, field), "a list", v);
    }
    for (int i = 0; i < v.size(); i++) {
      String elementPath = join(path, field) + "[" + i + "]";
      JsonNode element = v.get(i);
      if (!element.isObject()) {
        throw MlflowJson.wrongType(elementPath, "an object", element);
      }
      result.add(read.read(element, elementPath));
    }
    return result;
  }

  private static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /** Reads one element of a repeated field. */
  @FunctionalInterface
  interface ElementReader<T> {
    T read(JsonNode element, String path);
  }

  /** A nested message; null when absent. */
  static JsonNode object(JsonNode object, String field, String path) {
    JsonNode v = get(object, field);
    if (v != null && !v.isObject()) {
      throw MlflowJson.wrongType(path + "." + field, "an object", v);
    }
    return v;
  }

  static String string(JsonNode object, String field, String path) {
    JsonNode v = get(object, field);
    if (v == null) {
      return "";
    }
    if (!v.isTextual()) {
      throw MlflowJson.wrongType(path + "." + field, "a string", v);
    }
    return v.asText();
  }

  /**
   * A trace or span id: hex, as OTLP/JSON requires (not base64, unlike plain protobuf JSON); an
   * empty string is an unset id.
   */
  static ByteString id(JsonNode object, String field, int bytes, String path) {
    String hex = string(object, field, path).trim();
    if (hex.isEmpty()) {
      return ByteString.EMPTY;
    }
    if (hex.length() != bytes * 2 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw ApiException.invalid("Invalid value '" + hex + "' for parameter '" + path + "." + field
          + "': expected " + bytes * 2 + " hex characters (OTLP/JSON encodes ids as hex, not"
          + " base64)");
    }
    return ByteString.copyFrom(HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)));
  }

  /** A fixed64/uint64 field (times in nanoseconds): a number or a decimal string, not a double. */
  static long uint64(JsonNode object, String field, String path) {
    JsonNode v = get(object, field);
    if (v == null) {
      return 0;
    }
    BigInteger n = integer(v, path + "." + field, "an unsigned 64-bit integer");
    if (n.signum() < 0 || n.compareTo(UINT64_MAX) > 0) {
      throw MlflowJson.wrongType(path + "." + field, "an unsigned 64-bit integer", v);
    }
    return n.longValue();
  }

  /** A uint32/fixed32 field such as a dropped count or the span flags. */
  static int uint32(JsonNode object, String field, String path) {
    JsonNode v = get(object, field);
    if (v == null) {
      return 0;
    }
    BigInteger n = integer(v, path + "." + field, "an unsigned 32-bit integer");
    if (n.signum() < 0 || n.bitLength() > 32) {
      throw MlflowJson.wrongType(path + "." + field, "an unsigned 32-bit integer", v);
    }
    return n.intValue();
  }

  private static BigInteger integer(JsonNode v, String path, String expected) {
    try {
      if (v.isIntegralNumber()) {
        return v.bigIntegerValue();
      }
      if (v.isTextual()) {
        return new BigInteger(v.asText().trim());
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw MlflowJson.wrongType(path, expected, v);
  }

  /**
   * An enum given by its number or by its name (e.g. {@code 3} or {@code "SPAN_KIND_CLIENT"});
   * null when absent. {@code numberByName} throws IllegalArgumentException for an unknown name.
   */
  static Integer enumNumber(JsonNode object, String field, String path, String typeName,
      ToIntFunction<String> numberByName) {
    JsonNode v = get(object, field);
    if (v == null) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return v.asInt();
    }
    if (v.isTextual()) {
      String text = v.asText().trim();
      try {
        return text.matches("-?\\d{1,9}") ? Integer.parseInt(text) : numberByName.applyAsInt(text);
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    throw MlflowJson.wrongType(path + "." + field, "a " + typeName + " name or number", v);
  }

  /** A list of {@code {"key", "value"}} attributes. */
  static List<KeyValue> attributes(JsonNode object, String field, String path) {
    return list(object, field, path, OtlpJsonFields::keyValue);
  }

  private static KeyValue keyValue(JsonNode kv, String path) {
    KeyValue.Builder b = KeyValue.newBuilder().setKey(string(kv, "key", path));
    JsonNode value = object(kv, "value", path);
    if (value != null) {
      b.setValue(anyValue(value, path + ".value"));
    }
    return b.build();
  }

  /** An {@code AnyValue}: exactly one of its value fields, or none for an empty value. */
  static AnyValue anyValue(JsonNode v, String path) {
    AnyValue.Builder b = AnyValue.newBuilder();
    JsonNode x;
    if ((x = get(v, "stringValue")) != null) {
      b.setStringValue(string(v, "stringValue", path));
    } else if ((x = get(v, "boolValue")) != null) {
      if (!x.isBoolean()) {
        throw MlflowJson.wrongType(path + ".boolValue", "true or false", x);
      }
      b.setBoolValue(x.asBoolean());
    } else if ((x = get(v, "intValue")) != null) {
      BigInteger n = integer(x, path + ".intValue", "a 64-bit integer");
      if (n.bitLength() > 63) {
        throw MlflowJson.wrongType(path + ".intValue", "a 64-bit integer", x);
      }
      b.setIntValue(n.longValue());
    } else if ((x = get(v, "doubleValue")) != null) {
      b.setDoubleValue(doubleValue(x, path + ".doubleValue"));
    } else if ((x = get(v, "bytesValue")) != null) {
      b.setBytesValue(ByteString.copyFrom(base64(x, path + ".bytesValue")));
    } else if (object(v, "arrayValue", path) != null) {
      List<AnyValue> values = list(get(v, "arrayValue"), "values", path + ".arrayValue",
          OtlpJsonFields::anyValue);
      b.setArrayValue(ArrayValue.newBuilder().addAllValues(values));
    } else if (object(v, "kvlistValue", path) != null) {
      b.setKvlistValue(KeyValueList.newBuilder()
          .addAllValues(attributes(get(v, "kvlistValue"), "values", path + ".kvlistValue")));
    }
    return b.build();
  }

  private static double doubleValue(JsonNode x, String path) {
    if (x.isNumber()) {
      return x.asDouble();
    }
    if (x.isTextual()) {
      switch (x.asText()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          try {
            return Double.parseDouble(x.asText().trim());
          } catch (NumberFormatException e) {
            break;
          }
      }
    }
    throw MlflowJson.wrongType(path, "a number", x);
  }

  private static byte[] base64(JsonNode x, String path) {
    if (x.isTextual()) {
      String text = x.asText().trim();
      try {
        return Base64.getDecoder().decode(text);
      } catch (IllegalArgumentException e) {
        try {
          return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e2) {
          // reported below
        }
      }
    }
    throw MlflowJson.wrongType(path, "base64 text", x);
  }
}
