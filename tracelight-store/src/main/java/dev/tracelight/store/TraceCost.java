package dev.tracelight.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The trace-level cost, metadata {@value TraceInfo#COST}: the spans' {@value
 * SpanRecord#LLM_COST} summed with the rule of token usage, so a span counts only when none of
 * its ancestors carries a cost. Sums are exact decimals, written without exponents.
 */
final class TraceCost {
  static final String[] KEYS = {"input_cost", "output_cost", "total_cost"};

  private TraceCost() {}

  /** The summed cost as JSON text, or null when no span carries one. */
  static String aggregate(List<SpanRecord> spans) {
    Map<String, JsonNode> costs = OutermostSpans.carrying(spans, SpanRecord.LLM_COST);
    if (costs.isEmpty()) {
      return null;
    }
    BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    for (JsonNode cost : costs.values()) {
      for (int i = 0; i < KEYS.length; i++) {
        JsonNode v = cost.get(KEYS[i]);
        if (v != null && v.isNumber()) {
          // The number's own digits: a double's binary expansion would add noise to the sum.
          sums[i] = sums[i].add(new BigDecimal(v.asText()));
        }
      }
    }
    return json(sums[0], sums[1], sums[2]);
  }

  /** {@code {"input_cost": …, "output_cost": …, "total_cost": …}} with plain decimals. */
  static String json(BigDecimal input, BigDecimal output, BigDecimal total) {
    return "{\"" + KEYS[0] + "\": " + plain(input) + ", \"" + KEYS[1] + "\": " + plain(output)
        + ", \"" + KEYS[2] + "\": " + plain(total) + "}";
  }

  private static String plain(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }
}
