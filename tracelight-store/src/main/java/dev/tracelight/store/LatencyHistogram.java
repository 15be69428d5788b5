package dev.tracelight.store;

import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Latencies counted in log-spaced bins, so percentiles come from a GROUP BY in either SQL dialect
 * instead of sorting every duration. Bin {@code b} holds durations {@code d} (ms) with {@code
 * floor(ln(1 + d) * BINS_PER_E) = b}: each bin spans a factor of e^(1/20) ≈ 1.051 of {@code 1 + d}.
 * A percentile is interpolated linearly inside the bin where the cumulative count reaches its
 * rank, then kept within the exact minimum and maximum, so one trace gives its exact duration.
 */
final class LatencyHistogram {
  static final int BINS_PER_E = 20;
  /**
   * The estimate lies in the same bin as the exact (nearest-rank) percentile, so it is within this
   * fraction of {@code 1 + exact} ms: e^(1/20) - 1.
   */
  static final double RELATIVE_PRECISION = Math.expm1(1.0 / BINS_PER_E);

  private final TreeMap<Integer, Long> counts = new TreeMap<>();
  private long total;
  private long min = Long.MAX_VALUE;
  private long max = Long.MIN_VALUE;

  /** The SQL expression of a duration's bin; negative durations fall in bin 0. */
  static String binExpression(SqlDialect dialect, String durationColumn) {
    String positive = "CASE WHEN " + durationColumn + " > 0 THEN " + durationColumn + " ELSE 0 END";
    return switch (dialect) {
      // Truncation is floor for the non-negative logarithms here.
      case SQLITE -> "CAST(ln(1 + " + positive + ") * " + BINS_PER_E + " AS INTEGER)";
      // PostgreSQL's CAST to INTEGER rounds, so floor explicitly.
      case POSTGRESQL -> "CAST(floor(ln(CAST(1 + " + positive + " AS DOUBLE PRECISION)) * "
          + BINS_PER_E + ") AS INTEGER)";
    };
  }

  /** Adds {@code count} durations of bin {@code bin} in {@code binMin} and {@code binMax}. */
  void add(int bin, long count, long binMin, long binMax) {
    counts.merge(bin, count, Long::sum);
    total += count;
    min = Math.min(min, binMin);
    max = Math.max(max, binMax);
  }

  /** Adds everything counted by {@code other}. */
  void addAll(LatencyHistogram other) {
    other.counts.forEach((bin, count) -> counts.merge(bin, count, Long::sum));
    total += other.total;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
  }

  long count() {
    return total;
  }

  /** The estimated {@code quantile} (0..1) in ms; empty without durations. */
  OptionalDouble percentile(double quantile) {
    if (total == 0) {
      return OptionalDouble.empty();
    }
    double rank = quantile * total;
    long below = 0;
    for (var entry : counts.entrySet()) {
      long count = entry.getValue();
      if (below + count >= rank) {
        double lower = Math.expm1((double) entry.getKey() / BINS_PER_E);
        double upper = Math.expm1((double) (entry.getKey() + 1) / BINS_PER_E);
        double fraction = (rank - below) / count;
        double estimate = lower + fraction * (upper - lower);
        return OptionalDouble.of(Math.max(min, Math.min(max, estimate)));
      }
      below += count;
    }
    return OptionalDouble.of(max); // unreachable for quantile <= 1
  }
}
