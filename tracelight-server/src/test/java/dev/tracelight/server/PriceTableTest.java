package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableTest {
  final PriceTable table = PriceTable.builtIn();

  BigDecimal input(String model) {
    return table.find(model).map(ModelPrice::input).orElse(null);
  }

  @Test
  void anthropicIds_matchTheirFamilyByDateAliasProviderPrefixAndSuffix() {
    assertThat(input("claude-sonnet-4-5-20250929")).isEqualByComparingTo("3");
    assertThat(input("claude-sonnet-4-5")).isEqualByComparingTo("3");
    assertThat(input("claude-3-5-haiku-latest")).isEqualByComparingTo("0.80");
    assertThat(input("claude-3-5-haiku-20241022")).isEqualByComparingTo("0.80");
    assertThat(input("claude-haiku-4-5-20251001")).isEqualByComparingTo("1");
    assertThat(input("claude-3-haiku-20240307")).isEqualByComparingTo("0.25");
    assertThat(input("claude-opus-4-5-20251101")).isEqualByComparingTo("5");
    assertThat(input("claude-opus-4-1-20250805")).isEqualByComparingTo("15");
    assertThat(input("claude-opus-4-20250514")).isEqualByComparingTo("15");
    assertThat(input("claude-opus-4-0")).isEqualByComparingTo("15");
    assertThat(input("claude-3-7-sonnet-latest")).isEqualByComparingTo("3");
    assertThat(input("Claude-Sonnet-4-6")).isEqualByComparingTo("3");
    assertThat(input("us.anthropic.claude-sonnet-4-5-20250929-v1:0")).isEqualByComparingTo("3");
    assertThat(input("anthropic.claude-3-5-sonnet-20241022-v2:0")).isEqualByComparingTo("3");
    assertThat(input("claude-sonnet-4-5@20250929")).isEqualByComparingTo("3");
    assertThat(input("anthropic/claude-3.5-haiku")).isEqualByComparingTo("0.80");
    assertThat(input("claude-sonnet-4-5[1m]")).isEqualByComparingTo("3");
    assertThat(input("claude-sonnet-4-5-thinking")).isEqualByComparingTo("3");
  }

  @Test
  void unknownModelsAndOtherVersions_haveNoPrice() {
    assertThat(table.find("gpt-4o")).isEmpty();
    assertThat(table.find("claude-opus-4-9")).isEmpty();
    assertThat(table.find("claude-sonnet-40")).isEmpty();
    assertThat(table.find("")).isEmpty();
    assertThat(table.find(null)).isEmpty();
  }

  @Test
  void everyPriceIsCacheAware() {
    ModelPrice sonnet = table.find("claude-sonnet-4-5").orElseThrow();
    assertThat(sonnet.output()).isEqualByComparingTo("15");
    assertThat(sonnet.cacheWrite()).isEqualByComparingTo("3.75");
    assertThat(sonnet.cacheRead()).isEqualByComparingTo("0.30");
  }

  @Test
  void priceFile_overridesAndExtends(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("prices.json");
    Files.writeString(file, "// negotiated\n{\"models\": ["
        + "{\"model\": \"claude-sonnet-4-5\", \"input\": 2, \"output\": 10, \"cache_write\": 2.5,"
        + " \"cache_read\": 0.2},"
        + "{\"model\": \"gpt-4o\", \"aliases\": [\"gpt-4o-2024-08-06\"], \"input\": 2.5,"
        + " \"output\": 10}]}");
    PriceTable custom = PriceTable.load(file);

    assertThat(custom.find("claude-sonnet-4-5-20250929").map(ModelPrice::input))
        .contains(new BigDecimal("2"));
    assertThat(custom.find("gpt-4o-2024-08-06").map(ModelPrice::cacheRead))
        .contains(new BigDecimal("2.5"));
    assertThat(custom.find("claude-haiku-4-5").map(ModelPrice::input))
        .contains(new BigDecimal("1"));
    assertThat(PriceTable.load(null).find("claude-sonnet-4-5").map(ModelPrice::input))
        .isEqualTo(Optional.of(new BigDecimal("3")));
  }

  @Test
  void badPriceFiles_failNamingFileAndMistake(@TempDir Path dir) throws Exception {
    assertBad(dir, "{\"models\": [{\"model\": \"x\", \"input\": \"cheap\", \"output\": 1}]}",
        "models[0].input", "non-negative number", "\"cheap\"");
    assertBad(dir, "{\"models\": [{\"model\": \"x\", \"input\": 1}]}", "models[0].output");
    assertBad(dir, "{\"models\": [{\"model\": \"x\", \"input\": -1, \"output\": 1}]}",
        "models[0].input");
    assertBad(dir, "{\"models\": [{\"input\": 1, \"output\": 1}]}", "models[0].model");
    assertBad(dir, "{\"models\": [{\"model\": \"x\", \"inptu\": 1, \"output\": 1}]}",
        "unknown field \"inptu\"");
    assertBad(dir, "{\"models\": [{\"model\": \"x\", \"input\": 1, \"output\": 1},"
        + " {\"model\": \"X\", \"input\": 2, \"output\": 2}]}", "listed twice");
    assertBad(dir, "{\"prices\": []}", "\"models\" list");
    assertBad(dir, "{\"models\": [", "not JSON", "line 1");
    assertThatThrownBy(() -> PriceTable.load(dir.resolve("missing.json")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing.json").hasMessageContaining("cannot read");
  }

  static void assertBad(Path dir, String json, String... messageParts) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.json"), json);
    assertThatThrownBy(() -> PriceTable.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid price file " + file)
        .hasMessageContainingAll(messageParts);
  }
}
