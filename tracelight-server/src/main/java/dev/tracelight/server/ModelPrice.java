package dev.tracelight.server;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * What one model costs, in USD per million tokens: input, output, cache writes (the 5-minute
 * rate) and cache reads.
 */
record ModelPrice(BigDecimal input, BigDecimal output, BigDecimal cacheWrite,
    BigDecimal cacheRead) {

  ModelPrice {
    requireNonNull(input, "input");
    requireNonNull(output, "output");
    requireNonNull(cacheWrite, "cacheWrite");
    requireNonNull(cacheRead, "cacheRead");
  }

  /**
   * MLflow's {@code mlflow.llm.cost} for one call, {@code {"input_cost", "output_cost",
   * "total_cost"}} in USD as exact decimals. The input cost includes the prompt cache: {@code
   * inputTokens} (which, as in Anthropic's usage, excludes cached tokens) at the input rate, plus
   * cache writes and cache reads at their own rates; the output cost is output tokens at the
   * output rate; the total is their sum.
   */
  String costJson(long inputTokens, long outputTokens, long cacheWriteTokens,
      long cacheReadTokens) {
    BigDecimal in = perMillion(input, inputTokens)
        .add(perMillion(cacheWrite, cacheWriteTokens))
        .add(perMillion(cacheRead, cacheReadTokens));
    BigDecimal out = perMillion(output, outputTokens);
    return "{\"input_cost\": " + plain(in) + ", \"output_cost\": " + plain(out)
        + ", \"total_cost\": " + plain(in.add(out)) + "}";
  }

  private static BigDecimal perMillion(BigDecimal usdPerMillion, long tokens) {
    return usdPerMillion.multiply(BigDecimal.valueOf(tokens)).movePointLeft(6);
  }

  private static String plain(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }
}
