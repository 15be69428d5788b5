package dev.tracelight.tracing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Token counts of one model call or, summed, of a whole trace. As in MLflow and the Anthropic API,
 * {@link #inputTokens()} excludes tokens written to or read from the prompt cache; those are counted
 * separately in {@link #cacheCreationInputTokens()} and {@link #cacheReadInputTokens()}.
 */
public final class TokenUsage {
  private final long inputTokens;
  private final long outputTokens;
  private final long totalTokens;
  private final long cacheCreationInputTokens;
  private final long cacheReadInputTokens;

  private TokenUsage(long input, long output, long total, long cacheCreation, long cacheRead) {
    this.inputTokens = input;
    this.outputTokens = output;
    this.totalTokens = total;
    this.cacheCreationInputTokens = cacheCreation;
    this.cacheReadInputTokens = cacheRead;
  }

  /** Usage without cache tokens; the total is input plus output. */
  public static TokenUsage create(long inputTokens, long outputTokens) {
    return create(inputTokens, outputTokens, 0, 0);
  }

  /** Usage with cache tokens; the total is input plus output, as MLflow computes it. */
  public static TokenUsage create(
      long inputTokens, long outputTokens, long cacheCreationInputTokens, long cacheReadInputTokens) {
    return new TokenUsage(
        inputTokens,
        outputTokens,
        inputTokens + outputTokens,
        cacheCreationInputTokens,
        cacheReadInputTokens);
  }

  /**
   * Reads MLflow's JSON object ({@code input_tokens}, {@code output_tokens}, {@code total_tokens}
   * and the optional cache keys), or returns null when {@code value} is not such an object.
   */
  @Nullable
  static TokenUsage fromMap(@Nullable Object value) {
    if (!(value instanceof Map)) {
      return null;
    }
    Map<?, ?> map = (Map<?, ?>) value;
    long input = asLong(map.get("input_tokens"));
    long output = asLong(map.get("output_tokens"));
    Object total = map.get("total_tokens");
    return new TokenUsage(
        input,
        output,
        total instanceof Number ? ((Number) total).longValue() : input + output,
        asLong(map.get("cache_creation_input_tokens")),
        asLong(map.get("cache_read_input_tokens")));
  }

  private static long asLong(@Nullable Object value) {
    return value instanceof Number ? ((Number) value).longValue() : 0;
  }

  /** Returns the sum of this usage and {@code other}. */
  TokenUsage plus(TokenUsage other) {
    return new TokenUsage(
        inputTokens + other.inputTokens,
        outputTokens + other.outputTokens,
        totalTokens + other.totalTokens,
        cacheCreationInputTokens + other.cacheCreationInputTokens,
        cacheReadInputTokens + other.cacheReadInputTokens);
  }

  /** MLflow's JSON object form; cache keys appear only when non-zero. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("input_tokens", inputTokens);
    map.put("output_tokens", outputTokens);
    map.put("total_tokens", totalTokens);
    if (cacheCreationInputTokens != 0) {
      map.put("cache_creation_input_tokens", cacheCreationInputTokens);
    }
    if (cacheReadInputTokens != 0) {
      map.put("cache_read_input_tokens", cacheReadInputTokens);
    }
    return map;
  }

  /** Input tokens, excluding cache writes and reads. */
  public long inputTokens() {
    return inputTokens;
  }

  public long outputTokens() {
    return outputTokens;
  }

  /** Input plus output tokens (cache tokens not included, as in MLflow). */
  public long totalTokens() {
    return totalTokens;
  }

  /** Input tokens written to the prompt cache. */
  public long cacheCreationInputTokens() {
    return cacheCreationInputTokens;
  }

  /** Input tokens read from the prompt cache. */
  public long cacheReadInputTokens() {
    return cacheReadInputTokens;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TokenUsage)) {
      return false;
    }
    TokenUsage that = (TokenUsage) o;
    return inputTokens == that.inputTokens
        && outputTokens == that.outputTokens
        && totalTokens == that.totalTokens
        && cacheCreationInputTokens == that.cacheCreationInputTokens
        && cacheReadInputTokens == that.cacheReadInputTokens;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        inputTokens, outputTokens, totalTokens, cacheCreationInputTokens, cacheReadInputTokens);
  }

  @Override
  public String toString() {
    return "TokenUsage" + toMap();
  }
}
