package dev.tracelight.store;

/**
 * Aggregates over an experiment's traces for its overview page: counts, errors, latency
 * percentiles, tokens and cost per time bucket, and the slowest and costliest traces. Later
 * statistics arrive as default methods, so backends never break.
 */
public interface TraceStatistics {
  /** The most buckets one overview may ask for. */
  int MAX_BUCKETS = 500;
  /** How many traces the slowest and costliest lists hold at most. */
  int RANKED_TRACES = 10;

  /**
   * The experiment's traces whose {@code request_time} lies in [{@code startTimeMs}, {@code
   * endTimeMs}), split into {@code buckets} equal buckets. An unknown experiment has no traces:
   * every bucket is zero and the lists are empty.
   *
   * @throws StoreException {@link StoreException.Reason#INVALID_ARGUMENT} when {@code buckets} is
   *     outside 1..{@value #MAX_BUCKETS} or the range is empty or inverted
   */
  TraceOverview overview(String experimentId, long startTimeMs, long endTimeMs, int buckets);
}
