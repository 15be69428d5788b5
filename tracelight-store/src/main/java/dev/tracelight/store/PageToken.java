package dev.tracelight.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Opaque keyset page tokens: the sort key of the last row of a page, base64url-encoded, so the
 * next page is a range scan from there, never an OFFSET.
 */
final class PageToken {
  private static final String TRACES = "t2:";
  private static final String SEPARATOR = "|";
  private static final String EXPERIMENTS = "e2:";

  private PageToken() {}

  /**
   * Encodes the sort values of the last trace on a page together with the order they belong to,
   * so a token is refused under another order. Only the last value may contain the separator.
   */
  static String encodeTraceKey(String order, List<String> values) {
    return encode(TRACES + order + SEPARATOR + String.join(SEPARATOR, values));
  }

  /** The {@code size} sort values in a token made for {@code order}. */
  static List<String> decodeTraceKey(String token, String order, int size) {
    String raw = decode(token, TRACES);
    String[] parts = raw.split(Pattern.quote(SEPARATOR), size + 1);
    if (parts.length != size + 1 || !parts[0].equals(order)) {
      throw invalid(token);
    }
    return List.of(parts).subList(1, parts.length);
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

  private static String encode(String raw) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
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
    return StoreException.invalid("Invalid page token: " + token);
  }
}
