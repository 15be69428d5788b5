package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalDouble;

/**
 * An experiment's traces over a time range: one {@link Bucket} per equal slice of the range, the
 * whole range as one more, and the slowest and costliest traces.
 *
 * @param buckets oldest first, one per slice, empty slices included with zeros
 * @param total the whole range as one bucket (its start is the range's)
 * @param slowest by duration, longest first
 * @param costliest by total cost, highest first; traces without a cost are left out
 */
public record TraceOverview(long startTimeMs, long endTimeMs, List<Bucket> buckets, Bucket total,
    List<RankedTrace> slowest, List<RankedTrace> costliest) {

  public TraceOverview {
    buckets = List.copyOf(buckets);
    requireNonNull(total, "total");
    slowest = List.copyOf(slowest);
    costliest = List.copyOf(costliest);
  }

  /**
   * The traces that started in one slice of the range. Latency percentiles are estimated from a
   * log-spaced histogram (see {@link LatencyHistogram#RELATIVE_PRECISION}) and are empty when the
   * slice has no traces. Tokens are summed from metadata {@value TraceInfo#TOKEN_USAGE}, cost from
   * {@value TraceInfo#COST}'s {@code total_cost} in USD; traces without them count as zero.
   */
  public record Bucket(long startTimeMs, long traceCount, long errorCount,
      OptionalDouble latencyP50Ms, OptionalDouble latencyP95Ms, long inputTokens,
      long outputTokens, long cacheReadTokens, long cacheWriteTokens, double cost) {

    public Bucket {
      requireNonNull(latencyP50Ms, "latencyP50Ms");
      requireNonNull(latencyP95Ms, "latencyP95Ms");
    }

    /** A slice without traces. */
    static Bucket empty(long startTimeMs) {
      return new Bucket(startTimeMs, 0, 0, OptionalDouble.empty(), OptionalDouble.empty(),
          0, 0, 0, 0, 0);
    }
  }

  /**
   * One trace of the slowest or costliest list.
   *
   * @param name tag {@value TraceInfo#TRACE_NAME}, empty when absent
   * @param cost total cost in USD, empty when the trace has none
   */
  public record RankedTrace(String traceId, String name, long requestTimeMs, long durationMs,
      TraceState state, OptionalDouble cost) {

    public RankedTrace {
      requireNonNull(traceId, "traceId");
      requireNonNull(name, "name");
      requireNonNull(state, "state");
      requireNonNull(cost, "cost");
    }
  }
}
