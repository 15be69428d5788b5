package dev.tracelight.server;

import static java.util.Objects.requireNonNull;

import dev.tracelight.store.SpanRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What ingest adds to spans before they are stored, whether they came by OTLP or in a {@code
 * traces.json} upload: MLflow's reserved attributes read from other instrumentation conventions
 * ({@link OpenInferenceConvention}, {@link GenAiSemconvConvention}, {@link
 * OpenLlmetryConvention}, first one to derive a key wins), then {@code mlflow.llm.cost} ({@link
 * SpanCost}). Only keys the span lacks are added, so MLflow's own attributes and a client's own
 * cost are kept, as are all original attributes. A derived {@code mlflow.message.format} is
 * added only with derived inputs or outputs, as it describes them.
 */
final class SpanEnrichment {
  private static final List<SpanConvention> CONVENTIONS = List.of(
      new OpenInferenceConvention(), new GenAiSemconvConvention(), new OpenLlmetryConvention());

  private final PriceTable prices;

  SpanEnrichment(PriceTable prices) {
    this.prices = requireNonNull(prices, "prices");
  }

  List<SpanRecord> apply(List<SpanRecord> spans) {
    List<SpanRecord> result = new ArrayList<>(spans.size());
    spans.forEach(s -> result.add(apply(s)));
    return result;
  }

  SpanRecord apply(SpanRecord span) {
    Map<String, String> attributes = span.attributes();
    Map<String, String> added = new LinkedHashMap<>();
    SpanAttributes view = new SpanAttributes(attributes);
    for (SpanConvention convention : CONVENTIONS) {
      convention.derive(view).forEach((key, value) -> {
        if (!attributes.containsKey(key)) {
          added.putIfAbsent(key, value);
        }
      });
    }
    if (!added.containsKey(DerivedAttributes.INPUTS)
        && !added.containsKey(DerivedAttributes.OUTPUTS)) {
      added.remove(DerivedAttributes.MESSAGE_FORMAT);
    }
    if (!attributes.containsKey(SpanRecord.LLM_COST)) {
      Map<String, String> all = new LinkedHashMap<>(attributes);
      all.putAll(added);
      String cost = SpanCost.of(all, prices);
      if (cost != null) {
        added.put(SpanRecord.LLM_COST, cost);
      }
    }
    if (added.isEmpty()) {
      return span;
    }
    SpanRecord.Builder b = span.toBuilder();
    added.forEach(b::putAttribute);
    return b.build();
  }
}
