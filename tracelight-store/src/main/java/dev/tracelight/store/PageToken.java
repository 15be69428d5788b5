package dev.tracelight.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Opaque keyset page tokens: the sort key of the last row of a page, so the next page is a range
 * scan from there, never an OFFSET. A trace token is {@code base64url(json) "." base64url(check)}
 * where the JSON names the order it belongs to and holds the typed sort values, and the check is
 * a truncated SHA-256 of the JSON: an edited, truncated or foreign token, or one made for another
 * order, is refused as {@link StoreException.Reason#INVALID_ARGUMENT}, never run. (The check is
 * not a secret: a forged token can only start a page at another position of the same search,
 * since values are bound and the experiment and filter come from the request.)
 */
final class PageToken {
  private static final String TRACES = "t3";
  private static final String EXPERIMENTS = "e2:";
  private static final String SEPARATOR = "|";
  private static final int CHECK_BYTES = 9;

  private PageToken() {}

  /** Encodes the sort values of the last trace on a page together with their order. */
  static String encodeTraceKey(TraceOrder order, List<Object> values) {
    ObjectNode json = SpanContentCodec.MAPPER.createObjectNode();
    json.put("v", TRACES);
    json.put("o", order.toString());
    ArrayNode keys = json.putArray("k");
    for (Object value : values) {
      if (value instanceof Long) {
        keys.add((Long) value);
      } else {
        keys.add((String) value);
      }
    }
    byte[] payload = json.toString().getBytes(StandardCharsets.UTF_8);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(payload) + "." + b64.encodeToString(check(payload));
  }

  /** The sort values in a token made for {@code order}, typed as its columns. */
  static List<Object> decodeTraceKey(String token, TraceOrder order) {
    String trimmed = token.trim();
    int dot = trimmed.indexOf('.');
    if (dot < 0) {
      throw invalid(token);
    }
    byte[] payload;
    byte[] check;
    JsonNode json;
    try {
      Base64.Decoder b64 = Base64.getUrlDecoder();
      payload = b64.decode(trimmed.substring(0, dot));
      check = b64.decode(trimmed.substring(dot + 1));
      if (!MessageDigest.isEqual(check, check(payload))) {
        throw invalid(token);
      }
      json = SpanContentCodec.MAPPER.readTree(payload);
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw invalid(token);
    }
    if (json == null || !TRACES.equals(json.path("v").asText(null))) {
      throw invalid(token);
    }
    if (!order.toString().equals(json.path("o").asText(null))) {
      throw StoreException.invalid("Invalid page token: it was made for order_by ["
          + json.path("o").asText("") + "], not [" + order + "]");
    }
    JsonNode keys = json.path("k");
    List<TraceOrder.Key> columns = order.keys();
    if (!keys.isArray() || keys.size() != columns.size()) {
      throw invalid(token);
    }
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      JsonNode v = keys.get(i);
      if (columns.get(i).column().numeric) {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
          throw invalid(token);
        }
        values.add(v.longValue());
      } else {
        if (!v.isTextual()) {
          throw invalid(token);
        }
        values.add(v.textValue());
      }
    }
    return values;
  }

  /**
   * Encodes the sort values of the last experiment on a page with the order they belong to. Each
   * value is encoded on its own, so names may contain any character.
   */
  static String encodeExperimentKey(String order, List<String> values) {
    StringBuilder raw = new StringBuilder(EXPERIMENTS).append(order);
    values.forEach(v -> raw.append(SEPARATOR).append(encode(v)));
    return encode(raw.toString());
  }

  /** The {@code size} sort values in an experiment token made for {@code order}. */
  static List<String> decodeExperimentKey(String token, String order, int size) {
    String[] parts = decode(token, EXPERIMENTS).split(Pattern.quote(SEPARATOR), -1);
    if (parts.length != size + 1 || !parts[0].equals(order)) {
      throw invalid(token);
    }
    List<String> values = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      try {
        values.add(new String(Base64.getUrlDecoder().decode(parts[i]), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw invalid(token);
      }
    }
    return values;
  }

  private static byte[] check(byte[] payload) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("tracelight page token\n".getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(sha.digest(payload), CHECK_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  private static String encode(String raw) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token, String kind) {
    String raw;
    try {
      raw = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid(token);
    }
    if (!raw.startsWith(kind)) {
      throw invalid(token);
    }
    return raw.substring(kind.length());
  }

  private static StoreException invalid(String token) {
    String shown = token.length() > 80 ? token.substring(0, 80) + "..." : token;
    return StoreException.invalid("Invalid page token: " + shown);
  }
}
