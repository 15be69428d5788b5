package dev.tracelight.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Trace info fields derived from the spans seen so far, as MLflow's client computes them when the
 * root span ends: times, state and previews from the root, token usage summed over the tree.
 */
final class TraceDerivation {
  /** OSS MLflow's preview length. */
  static final int PREVIEW_MAX_CHARS = 1000;
  private static final String[] USAGE_KEYS = {
    "input_tokens", "output_tokens", "total_tokens",
    "cache_read_input_tokens", "cache_creation_input_tokens"
  };

  final long requestTime;
  final long executionDuration;
  final TraceState state;
  final String requestPreview;
  final String responsePreview;
  final String traceName;
  /** The aggregated usage as JSON text, or null when no span carried any. */
  final String tokenUsage;

  private TraceDerivation(List<SpanRecord> spans) {
    SpanRecord root = null;
    long earliest = Long.MAX_VALUE;
    for (SpanRecord s : spans) {
      earliest = Math.min(earliest, s.startTimeUnixNano());
      if (s.parentSpanId().isEmpty() && root == null) {
        root = s;
      }
    }
    if (root == null) {
      requestTime = earliest == Long.MAX_VALUE ? 0 : earliest / 1_000_000;
      executionDuration = 0;
      state = TraceState.IN_PROGRESS;
      requestPreview = null;
      responsePreview = null;
      traceName = null;
    } else {
      requestTime = root.startTimeUnixNano() / 1_000_000;
      boolean ended = root.endTimeUnixNano() > 0;
      executionDuration =
          ended ? Math.max(0, (root.endTimeUnixNano() - root.startTimeUnixNano()) / 1_000_000) : 0;
      state = !ended ? TraceState.IN_PROGRESS
          : root.statusCode() == SpanStatusCode.ERROR ? TraceState.ERROR : TraceState.OK;
      requestPreview = truncate(root.attributes().get(SpanRecord.SPAN_INPUTS));
      responsePreview = truncate(root.attributes().get(SpanRecord.SPAN_OUTPUTS));
      traceName = root.name();
    }
    tokenUsage = aggregateUsage(spans);
  }

  static TraceDerivation of(List<SpanRecord> spans) {
    return new TraceDerivation(spans);
  }

  /**
   * Sums {@code mlflow.chat.tokenUsage} over spans none of whose ancestors carries usage, so a
   * wrapper span and the model call inside it are not counted twice (MLflow's
   * {@code aggregate_usage_from_spans}).
   */
  static String aggregateUsage(List<SpanRecord> spans) {
    Map<String, JsonNode> usage = OutermostSpans.carrying(spans, SpanRecord.CHAT_TOKEN_USAGE);
    if (usage.isEmpty()) {
      return null;
    }
    long[] sums = new long[USAGE_KEYS.length];
    boolean[] seen = new boolean[USAGE_KEYS.length];
    for (JsonNode u : usage.values()) {
      for (int i = 0; i < USAGE_KEYS.length; i++) {
        JsonNode v = u.get(USAGE_KEYS[i]);
        if (v != null && v.canConvertToLong()) {
          sums[i] += v.asLong();
          seen[i] = true;
        }
      }
    }
    ObjectNode result = SpanContentCodec.MAPPER.createObjectNode();
    for (int i = 0; i < USAGE_KEYS.length; i++) {
      if (i < 3 || seen[i]) {
        result.put(USAGE_KEYS[i], sums[i]);
      }
    }
    if (!seen[2]) {
      result.put("total_tokens", sums[0] + sums[1]);
    }
    return result.toString();
  }

  private static String truncate(String text) {
    if (text == null || text.length() <= PREVIEW_MAX_CHARS) {
      return text;
    }
    return text.substring(0, PREVIEW_MAX_CHARS - 3) + "...";
  }
}
