package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpanCostTest {
  final PriceTable prices = PriceTable.builtIn();

  @Test
  void costMath_inputIncludesCacheWritesAndReadsAtTheirRates() {
    ModelPrice sonnet = new ModelPrice(new BigDecimal("3"), new BigDecimal("15"),
        new BigDecimal("3.75"), new BigDecimal("0.30"));
    // 12 x $3 + 5 x $3.75 + 7 x $0.30 = $56.85 per million; 30 x $15 = $450 per million.
    assertThat(sonnet.costJson(12, 30, 5, 7)).isEqualTo(
        "{\"input_cost\": 0.00005685, \"output_cost\": 0.00045, \"total_cost\": 0.00050685}");
    assertThat(sonnet.costJson(0, 0, 0, 0))
        .isEqualTo("{\"input_cost\": 0, \"output_cost\": 0, \"total_cost\": 0}");
    assertThat(sonnet.costJson(1_000_000, 1_000_000, 0, 0))
        .isEqualTo("{\"input_cost\": 3, \"output_cost\": 15, \"total_cost\": 18}");
  }

  @Test
  void spanWithUsageAndKnownModel_isPriced() {
    assertThat(SpanCost.of(Map.of(
        "mlflow.llm.model", "\"claude-haiku-4-5-20251001\"",
        "mlflow.chat.tokenUsage", "{\"input_tokens\": 500, \"output_tokens\": 50,"
            + " \"total_tokens\": 550, \"cache_read_input_tokens\": 1500}"), prices))
        .isEqualTo("{\"input_cost\": 0.00065, \"output_cost\": 0.00025, \"total_cost\": 0.0009}");
  }

  @Test
  void modelFromOutputsOrInputs_whenNoModelAttribute() {
    String usage = "{\"input_tokens\": 10, \"output_tokens\": 10, \"total_tokens\": 20}";
    // MLflow's TypeScript tracedAnthropic: inputs are the request, outputs the Message.
    assertThat(SpanCost.of(Map.of("mlflow.chat.tokenUsage", usage,
        "mlflow.spanOutputs", "{\"model\": \"claude-3-haiku-20240307\"}"), prices))
        .isEqualTo("{\"input_cost\": 0.0000025, \"output_cost\": 0.0000125,"
            + " \"total_cost\": 0.000015}");
    assertThat(SpanCost.of(Map.of("mlflow.chat.tokenUsage", usage,
        "mlflow.spanInputs", "{\"model\": \"claude-3-haiku\"}"), prices)).isNotNull();
  }

  @Test
  void noUsageOrUnknownModel_noCost() {
    assertThat(SpanCost.of(Map.of("mlflow.llm.model", "\"claude-sonnet-4-5\""), prices)).isNull();
    assertThat(SpanCost.of(Map.of("mlflow.llm.model", "\"gpt-4o\"", "mlflow.chat.tokenUsage",
        "{\"input_tokens\": 1, \"output_tokens\": 1}"), prices)).isNull();
    assertThat(SpanCost.of(Map.of("mlflow.chat.tokenUsage", "{\"input_tokens\": 1}"), prices))
        .isNull();
  }
}
