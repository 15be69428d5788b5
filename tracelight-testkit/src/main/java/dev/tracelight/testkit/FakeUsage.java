package dev.tracelight.testkit;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/**
 * The token usage a scripted {@link FakeMessage} reports.
 *
 * <p>On the wire it becomes a complete {@code usage} object: {@code input_tokens},
 * {@code output_tokens}, {@code cache_creation_input_tokens}, {@code cache_read_input_tokens},
 * {@code cache_creation} (all cache writes counted as 5-minute writes),
 * {@code output_tokens_details.thinking_tokens}, {@code server_tool_use} (zeros),
 * {@code service_tier}, {@code speed} ({@code standard}) and {@code inference_geo}
 * ({@code global}).
 */
public final class FakeUsage {

  private final long inputTokens;
  private final long outputTokens;
  private final long cacheCreationInputTokens;
  private final long cacheReadInputTokens;
  private final long thinkingTokens;
  private final String serviceTier;

  private FakeUsage(Builder builder) {
    this.inputTokens = builder.inputTokens;
    this.outputTokens = builder.outputTokens;
    this.cacheCreationInputTokens = builder.cacheCreationInputTokens;
    this.cacheReadInputTokens = builder.cacheReadInputTokens;
    this.thinkingTokens = builder.thinkingTokens;
    this.serviceTier = builder.serviceTier;
  }

  /** Usage with the given input and output tokens and no cache activity. */
  public static FakeUsage create(long inputTokens, long outputTokens) {
    return builder().setInputTokens(inputTokens).setOutputTokens(outputTokens).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public long inputTokens() {
    return inputTokens;
  }

  public long outputTokens() {
    return outputTokens;
  }

  public long cacheCreationInputTokens() {
    return cacheCreationInputTokens;
  }

  public long cacheReadInputTokens() {
    return cacheReadInputTokens;
  }

  /** Output tokens spent on thinking; part of {@link #outputTokens()}, as in the real API. */
  public long thinkingTokens() {
    return thinkingTokens;
  }

  /** {@code standard}, {@code priority} or {@code batch}. */
  public String serviceTier() {
    return serviceTier;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof FakeUsage)) {
      return false;
    }
    FakeUsage that = (FakeUsage) other;
    return inputTokens == that.inputTokens
        && outputTokens == that.outputTokens
        && cacheCreationInputTokens == that.cacheCreationInputTokens
        && cacheReadInputTokens == that.cacheReadInputTokens
        && thinkingTokens == that.thinkingTokens
        && serviceTier.equals(that.serviceTier);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        inputTokens,
        outputTokens,
        cacheCreationInputTokens,
        cacheReadInputTokens,
        thinkingTokens,
        serviceTier);
  }

  @Override
  public String toString() {
    return "FakeUsage{input=" + inputTokens + ", output=" + outputTokens
        + ", cacheCreation=" + cacheCreationInputTokens + ", cacheRead=" + cacheReadInputTokens
        + ", thinking=" + thinkingTokens + ", serviceTier=" + serviceTier + "}";
  }

  /** Builds a {@link FakeUsage}; every count defaults to 0 and must not be negative. */
  public static final class Builder {

    private long inputTokens;
    private long outputTokens;
    private long cacheCreationInputTokens;
    private long cacheReadInputTokens;
    private long thinkingTokens;
    private String serviceTier = "standard";

    private Builder() {}

    public Builder setInputTokens(long inputTokens) {
      this.inputTokens = nonNegative(inputTokens, "inputTokens");
      return this;
    }

    public Builder setOutputTokens(long outputTokens) {
      this.outputTokens = nonNegative(outputTokens, "outputTokens");
      return this;
    }

    public Builder setCacheCreationInputTokens(long tokens) {
      this.cacheCreationInputTokens = nonNegative(tokens, "cacheCreationInputTokens");
      return this;
    }

    public Builder setCacheReadInputTokens(long tokens) {
      this.cacheReadInputTokens = nonNegative(tokens, "cacheReadInputTokens");
      return this;
    }

    public Builder setThinkingTokens(long tokens) {
      this.thinkingTokens = nonNegative(tokens, "thinkingTokens");
      return this;
    }

    public Builder setServiceTier(String serviceTier) {
      this.serviceTier = requireNonNull(serviceTier, "serviceTier");
      return this;
    }

    /** @throws IllegalStateException if thinking tokens exceed output tokens */
    public FakeUsage build() {
      if (thinkingTokens > outputTokens) {
        throw new IllegalStateException(
            "thinkingTokens (" + thinkingTokens + ") exceed outputTokens (" + outputTokens + ")");
      }
      return new FakeUsage(this);
    }

    private static long nonNegative(long value, String name) {
      if (value < 0) {
        throw new IllegalArgumentException(name + " must not be negative: " + value);
      }
      return value;
    }
  }
}
