package dev.tracelight.tracing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles a finished trace from its spans: the trace info MLflow expects (times, state, previews,
 * token usage, size statistics, environment metadata, the trace name tag).
 */
final class TraceFactory {
  /** MLflow's OSS limit for request and response previews. */
  static final int PREVIEW_MAX_CHARS = 1000;
  /** MLflow guarantees metadata values up to this length. */
  static final int METADATA_MAX_CHARS = 250;
  private static final String TRUNCATION_SUFFIX = "...";

  private TraceFactory() {}

  static Trace create(
      List<Span> unordered, Span root, @Nullable String experimentId, List<TraceUpdate> updates) {
    List<Span> spans = new ArrayList<>(unordered);
    spans.sort(
        Comparator.comparing((Span s) -> s != root).thenComparingLong(Span::startTimeUnixNano));
    String inputs = nullToEmpty(root.attributeJson(SpanAttributeKey.INPUTS));
    String outputs = nullToEmpty(root.attributeJson(SpanAttributeKey.OUTPUTS));
    // Milliseconds, as MLflow keeps trace times: floor of each end, as MLflow's clients compute it.
    long startMillis = root.startTimeUnixNano() / 1_000_000;
    long endMillis = root.endTimeUnixNano() / 1_000_000;
    TraceInfo.Builder info =
        TraceInfo.builder()
            .setTraceId(root.traceId())
            .setExperimentId(experimentId)
            .setRequestTime(Instant.ofEpochMilli(startMillis))
            .setExecutionDuration(Duration.ofMillis(Math.max(0, endMillis - startMillis)))
            .setState(root.status() == SpanStatusCode.ERROR ? TraceState.ERROR : TraceState.OK)
            .setRequestPreview(truncate(inputs, PREVIEW_MAX_CHARS))
            .setResponsePreview(truncate(outputs, PREVIEW_MAX_CHARS))
            .putMetadata(TraceMetadataKey.SCHEMA_VERSION, "3")
            .putMetadata(TraceMetadataKey.INPUTS, truncate(inputs, METADATA_MAX_CHARS))
            .putMetadata(TraceMetadataKey.OUTPUTS, truncate(outputs, METADATA_MAX_CHARS))
            .putMetadata(TraceMetadataKey.SIZE_STATS, TraceJson.encode(sizeStats(spans)))
            .putTag(TraceTagKey.TRACE_NAME, root.name());
    TokenUsage usage = TokenUsageAggregator.aggregate(spans);
    if (usage != null) {
      info.putMetadata(TraceMetadataKey.TOKEN_USAGE, TraceJson.encode(usage.toMap()));
    }
    Environment.metadata().forEach(info::putMetadata);
    for (TraceUpdate update : updates) {
      update.tags().forEach(info::putTag);
      update.metadata().forEach(info::putMetadata);
      if (update.clientRequestId() != null) {
        info.setClientRequestId(update.clientRequestId());
      }
    }
    return Trace.create(info.build(), TraceData.create(spans));
  }

  static String truncate(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    return text.substring(0, maxChars - TRUNCATION_SUFFIX.length()) + TRUNCATION_SUFFIX;
  }

  /**
   * MLflow's {@code mlflow.trace.sizeStats}. Span sizes are estimated from names and attribute text
   * (UTF-8 bytes), which dominate a span's serialized size, rather than serializing every span again.
   */
  private static Map<String, Object> sizeStats(List<Span> spans) {
    long[] sizes = new long[spans.size()];
    long total = 0;
    for (int i = 0; i < sizes.length; i++) {
      Span span = spans.get(i);
      long size = 200 + span.name().length();
      for (Map.Entry<String, String> e : span.attributesJson().entrySet()) {
        size += e.getKey().length() + utf8Length(e.getValue()) + 6;
      }
      sizes[i] = size;
      total += size;
    }
    Arrays.sort(sizes);
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("total_size_bytes", total);
    stats.put("num_spans", sizes.length);
    stats.put("max", sizes.length == 0 ? 0 : sizes[sizes.length - 1]);
    stats.put("p25", percentile(sizes, 25));
    stats.put("p50", percentile(sizes, 50));
    stats.put("p75", percentile(sizes, 75));
    return stats;
  }

  /** UTF-8 size of a string without encoding it. */
  static long utf8Length(String s) {
    long bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
  }

  private static String nullToEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
