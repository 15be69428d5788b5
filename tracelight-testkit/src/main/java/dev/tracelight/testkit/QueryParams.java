package dev.tracelight.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed query string. MLflow GET requests carry their message as query parameters, repeated
 * fields repeating the key ({@code ?trace_ids=a&trace_ids=b}).
 */
final class QueryParams {

  private final Map<String, List<String>> values;

  private QueryParams(Map<String, List<String>> values) {
    this.values = values;
  }

  /** Parses a raw query string (without {@code ?}); malformed escapes are kept as they are. */
  static QueryParams parse(String rawQuery) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (!rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
    }
    return new QueryParams(values);
  }

  Optional<String> first(String key) {
    List<String> all = values.get(key);
    return all == null || all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** The first value of a parameter MLflow requires, or a 400 naming it. */
  String required(String key) {
    return first(key)
        .filter(value -> !value.isEmpty())
        .orElseThrow(
            () ->
                MlflowError.invalidParameter(
                    "Missing value for required parameter '" + key + "'."));
  }

  List<String> all(String key) {
    return List.copyOf(values.getOrDefault(key, List.of()));
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
