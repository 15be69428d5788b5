package dev.tracelight.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Model prices for span costs: the built-in table of Anthropic's Claude models (resource {@code
 * anthropic-prices.json}, with its source and date), optionally overridden and extended by a
 * {@link PriceFile} given with {@code tracelight server --price-file}.
 *
 * <p>Model ids match after {@link #normalize normalization}, exactly or by prefix: {@code
 * claude-sonnet-4-5-20250929}, {@code claude-sonnet-4-5}, {@code anthropic.claude-sonnet-4-5-
 * 20250929-v1:0} and {@code claude-sonnet-4.5} all find {@code claude-sonnet-4-5}, and {@code
 * claude-3-5-haiku-latest} finds {@code claude-3-5-haiku}. A prefix never stands for another
 * version: {@code claude-opus-4} does not price {@code claude-opus-4-9}.
 */
final class PriceTable {
  static final String BUILT_IN = "anthropic-prices.json";
  private static final Pattern VENDOR_PREFIX = Pattern.compile("^(?:[a-z]{2,8}\\.)?anthropic\\.");
  private static final Pattern SUFFIXES =
      Pattern.compile("(?:\\[[^\\]]*\\])?(?:-v\\d+(?::\\d+)?)?(?:@[\\w.-]*)?$");
  private static final Pattern DATE_OR_LATEST = Pattern.compile("-(?:\\d{8}|latest)$");
  private static final Pattern OTHER_VERSION = Pattern.compile("^-\\d{1,2}(?:\\D.*)?$");

  private final Map<String, ModelPrice> prices;

  private PriceTable(Map<String, ModelPrice> prices) {
    this.prices = Map.copyOf(prices);
  }

  /** The built-in table. */
  static PriceTable builtIn() {
    return new PriceTable(readBuiltIn());
  }

  /**
   * The built-in table, with the entries of {@code priceFile} replacing those of the same model
   * ids and adding the others; the built-in table alone when {@code priceFile} is null.
   *
   * @throws IllegalArgumentException if the file cannot be read or is not a valid price file
   */
  static PriceTable load(Path priceFile) {
    Map<String, ModelPrice> prices = new LinkedHashMap<>(readBuiltIn());
    if (priceFile != null) {
      String text;
      try {
        text = Files.readString(priceFile, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw PriceFile.invalid(priceFile.toString(), "cannot read it: " + e);
      }
      prices.putAll(PriceFile.parse(text, priceFile.toString()));
    }
    return new PriceTable(prices);
  }

  /** The price of a model, by its id as spans report it. */
  Optional<ModelPrice> find(String modelId) {
    if (modelId == null || modelId.isBlank()) {
      return Optional.empty();
    }
    String id = normalize(modelId);
    ModelPrice exact = prices.get(id);
    if (exact != null) {
      return Optional.of(exact);
    }
    String best = null;
    for (String key : prices.keySet()) {
      if (id.startsWith(key + "-") && !OTHER_VERSION.matcher(id.substring(key.length())).matches()
          && (best == null || key.length() > best.length())) {
        best = key;
      }
    }
    return Optional.ofNullable(best == null ? null : prices.get(best));
  }

  /**
   * A model id as the table keys it: lower case; no path ({@code anthropic/}), no Bedrock vendor
   * or region prefix ({@code us.anthropic.}); no context-window, Bedrock-version or Vertex
   * suffix ({@code [1m]}, {@code -v1:0}, {@code @20250929}); no date or {@code -latest}; dots as
   * dashes ({@code claude-3.5-sonnet}).
   */
  static String normalize(String modelId) {
    String id = modelId.trim().toLowerCase(Locale.ROOT);
    id = id.substring(id.lastIndexOf('/') + 1);
    id = VENDOR_PREFIX.matcher(id).replaceFirst("");
    id = SUFFIXES.matcher(id).replaceFirst("");
    id = DATE_OR_LATEST.matcher(id).replaceFirst("");
    return id.replace('.', '-');
  }

  private static Map<String, ModelPrice> readBuiltIn() {
    try (InputStream in = PriceTable.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUILT_IN);
      }
      return PriceFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
