package dev.tracelight.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A span's {@code mlflow.llm.cost}: its {@code mlflow.chat.tokenUsage} priced by its model's
 * entry in the {@link PriceTable}. The model is {@code mlflow.llm.model}, else the {@code model}
 * of the span's outputs or inputs (MLflow's Python and TypeScript Anthropic integrations record
 * the request and the Message, both naming it).
 */
final class SpanCost {
  private SpanCost() {}

  /** The cost as JSON text, or null without usage, without a model or for an unpriced model. */
  static String of(Map<String, String> attributes, PriceTable prices) {
    SpanAttributes a = new SpanAttributes(attributes);
    JsonNode usage = a.structured(DerivedAttributes.TOKEN_USAGE);
    if (usage == null || !usage.isObject()) {
      return null;
    }
    String model = a.text(DerivedAttributes.MODEL);
    if (model == null) {
      model = modelOf(a.structured(DerivedAttributes.OUTPUTS));
    }
    if (model == null) {
      model = modelOf(a.structured(DerivedAttributes.INPUTS));
    }
    return prices.find(model).map(price -> price.costJson(
        tokens(usage, "input_tokens"), tokens(usage, "output_tokens"),
        tokens(usage, "cache_creation_input_tokens"), tokens(usage, "cache_read_input_tokens")))
        .orElse(null);
  }

  private static String modelOf(JsonNode payload) {
    JsonNode model = payload == null ? null : payload.get("model");
    return model != null && model.isTextual() ? model.asText() : null;
  }

  private static long tokens(JsonNode usage, String key) {
    JsonNode v = usage.get(key);
    return v != null && v.canConvertToLong() ? Math.max(0, v.asLong()) : 0;
  }
}
