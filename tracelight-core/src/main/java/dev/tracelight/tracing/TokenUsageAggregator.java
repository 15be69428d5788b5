package dev.tracelight.tracing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums token usage over a trace as MLflow does: walking down from the root, a span's usage counts
 * only when no ancestor already reported usage, so a wrapper span and the model call inside it are
 * not counted twice.
 */
final class TokenUsageAggregator {
  private TokenUsageAggregator() {}

  @Nullable
  static TokenUsage aggregate(List<Span> spans) {
    Map<String, List<Span>> children = new HashMap<>();
    List<Span> roots = new ArrayList<>();
    Map<String, Span> byId = new HashMap<>();
    spans.forEach(s -> byId.put(s.spanId(), s));
    for (Span span : spans) {
      if (span.parentSpanId() == null || !byId.containsKey(span.parentSpanId())) {
        roots.add(span);
      } else {
        children.computeIfAbsent(span.parentSpanId(), k -> new ArrayList<>()).add(span);
      }
    }
    TokenUsage total = null;
    Deque<Span> stack = new ArrayDeque<>(roots);
    while (!stack.isEmpty()) {
      Span span = stack.pop();
      TokenUsage usage = TokenUsage.fromMap(span.attribute(SpanAttributeKey.CHAT_USAGE));
      if (usage != null) {
        total = total == null ? usage : total.plus(usage);
        continue; // descendants are already covered by this span's usage
      }
      children.getOrDefault(span.spanId(), List.of()).forEach(stack::push);
    }
    return total;
  }
}
