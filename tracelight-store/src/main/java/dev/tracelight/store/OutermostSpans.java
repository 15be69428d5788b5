package dev.tracelight.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spans of a trace that carry a JSON object under an attribute while none of their ancestors
 * does: what MLflow sums for trace-level token usage ({@code aggregate_usage_from_spans}), so a
 * wrapper span and the model call inside it are not counted twice. Cost is summed the same way.
 */
final class OutermostSpans {
  private OutermostSpans() {}

  /** Span id to the parsed object of each outermost span carrying {@code key}, in span order. */
  static Map<String, JsonNode> carrying(List<SpanRecord> spans, String key) {
    Map<String, SpanRecord> byId = new HashMap<>();
    Map<String, JsonNode> carried = new LinkedHashMap<>();
    for (SpanRecord s : spans) {
      byId.put(s.spanId(), s);
      JsonNode value = SpanContentCodec.parseOrNull(s.attributes().get(key));
      if (value != null && value.isObject()) {
        carried.put(s.spanId(), value);
      }
    }
    Map<String, JsonNode> all = Map.copyOf(carried);
    carried.keySet().removeIf(id -> ancestorCarries(byId.get(id), byId, all));
    return carried;
  }

  private static boolean ancestorCarries(
      SpanRecord span, Map<String, SpanRecord> byId, Map<String, JsonNode> carried) {
    int guard = byId.size(); // a malformed parent cycle must not loop forever
    String parent = span.parentSpanId().orElse(null);
    while (parent != null && guard-- > 0) {
      if (carried.containsKey(parent)) {
        return true;
      }
      SpanRecord p = byId.get(parent);
      parent = p == null ? null : p.parentSpanId().orElse(null);
    }
    return false;
  }
}
