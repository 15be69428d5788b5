package dev.tracelight.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A price file: JSON, {@code //} comments allowed, of the form
 *
 * <pre>{@code
 * {"models": [
 *   {"model": "claude-sonnet-4-5", "aliases": ["my-sonnet"],
 *    "input": 3, "output": 15, "cache_write": 3.75, "cache_read": 0.30}
 * ]}
 * }</pre>
 *
 * <p>Prices are USD per million tokens; {@code model} and {@code aliases} are matched as {@link
 * PriceTable} describes. {@code input} and {@code output} are required; {@code cache_write} and
 * {@code cache_read} default to the input price. Cached tokens are priced as Anthropic counts them
 * (excluded from the input tokens); for a provider whose input tokens include cached ones, set
 * {@code cache_read} to 0 or the difference to the input price. Every mistake is reported with
 * its place in the file, so a bad file stops the server before it starts.
 */
final class PriceFile {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();
  private static final Set<String> FIELDS =
      Set.of("model", "aliases", "input", "output", "cache_write", "cache_read");

  private PriceFile() {}

  /**
   * Model ids (normalized) to prices, from the file's text.
   *
   * @throws IllegalArgumentException naming {@code source} and the first mistake
   */
  static Map<String, ModelPrice> parse(String text, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw invalid(source, "not JSON: " + e.getOriginalMessage() + location(e));
    }
    JsonNode models = root == null ? null : root.get("models");
    if (models == null || !models.isArray()) {
      throw invalid(source, "expected an object with a \"models\" list");
    }
    Map<String, ModelPrice> prices = new LinkedHashMap<>();
    for (int i = 0; i < models.size(); i++) {
      String path = "models[" + i + "]";
      JsonNode entry = models.get(i);
      if (!entry.isObject()) {
        throw invalid(source, path + ": expected an object");
      }
      for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (!FIELDS.contains(field)) {
          throw invalid(source, path + ": unknown field \"" + field + "\"; expected " + FIELDS);
        }
      }
      BigDecimal input = price(entry, "input", null, source, path);
      ModelPrice price = new ModelPrice(input, price(entry, "output", null, source, path),
          price(entry, "cache_write", input, source, path),
          price(entry, "cache_read", input, source, path));
      for (String id : ids(entry, source, path)) {
        if (prices.put(PriceTable.normalize(id), price) != null) {
          throw invalid(source, path + ": model id \"" + id + "\" is listed twice");
        }
      }
    }
    return prices;
  }

  private static List<String> ids(JsonNode entry, String source, String path) {
    JsonNode model = entry.get("model");
    if (model == null || !model.isTextual() || model.asText().isBlank()) {
      throw invalid(source, path + ".model: expected a model id such as \"claude-sonnet-4-5\"");
    }
    List<String> ids = new ArrayList<>();
    ids.add(model.asText());
    JsonNode aliases = entry.get("aliases");
    if (aliases != null) {
      if (!aliases.isArray()) {
        throw invalid(source, path + ".aliases: expected a list of model ids");
      }
      for (JsonNode alias : aliases) {
        if (!alias.isTextual() || alias.asText().isBlank()) {
          throw invalid(source, path + ".aliases: expected a list of model ids");
        }
        ids.add(alias.asText());
      }
    }
    return ids;
  }

  private static BigDecimal price(JsonNode entry, String field, BigDecimal fallback,
      String source, String path) {
    JsonNode v = entry.get(field);
    if (v == null && fallback != null) {
      return fallback;
    }
    if (v == null || !v.isNumber() || v.decimalValue().signum() < 0) {
      throw invalid(source, path + "." + field + ": expected a non-negative number (USD per"
          + " million tokens), got " + (v == null ? "nothing" : v.toString()));
    }
    return v.decimalValue();
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  static IllegalArgumentException invalid(String source, String problem) {
    return new IllegalArgumentException("Invalid price file " + source + ": " + problem);
  }
}
