package dev.tracelight.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The overview's statistics over known traces at known times: four one-hour buckets (the second
 * empty), traces just outside the range and in another experiment that must not count.
 */
abstract class TraceStatisticsStoreKit extends TraceKitSupport {
  static final long START = 1_700_000_000_000L;
  static final long HOUR = 3_600_000L;
  static final String USAGE = "{\"input_tokens\": 10, \"output_tokens\": 20, \"total_tokens\": 30,"
      + " \"cache_read_input_tokens\": 5, \"cache_creation_input_tokens\": 1}";

  /** What was written in range, to compute the expected rankings. */
  final List<Written> inRange = new ArrayList<>();

  record Written(String traceId, long durationMs, OptionalDouble cost) {}

  TraceStatistics statistics() {
    return storage().statistics();
  }

  @BeforeEach
  void writeTraces() {
    for (int i = 0; i < 10; i++) { // bucket 0: 100..1000 ms, two errors, eight with a cost
      write(START + i * 60_000L, 100L * (i + 1), i < 2 ? TraceState.ERROR : TraceState.OK,
          USAGE, i < 8 ? cost(BigDecimal.valueOf(i + 1, 3)) : null);
    }
    // bucket 2: one error of 5 s with malformed usage and a cost that is not a number
    write(START + 2 * HOUR + 5, 5000, TraceState.ERROR, "not json", "{\"total_cost\": \"x\"}");
    for (int i = 1; i <= 20; i++) { // bucket 3: 13..203 ms, usage without cache keys, one cost
      write(START + 3 * HOUR + i, 10L * i + 3, TraceState.OK, TestSpans.usage(1, 2),
          i == 7 ? cost(new BigDecimal("1.5")) : null);
    }
    // Outside: just before, at the exclusive end, and in another experiment; all slow and costly.
    List<Written> expected = List.copyOf(inRange);
    write(START - 1, 999_999, TraceState.OK, USAGE, cost(BigDecimal.TEN));
    write(START + 4 * HOUR, 999_999, TraceState.OK, USAGE, cost(BigDecimal.TEN));
    String inside = experimentId;
    experimentId = storage().experiments()
        .createExperiment(ExperimentStoreKit.uniqueName("other"), null, Map.of());
    write(START, 999_999, TraceState.ERROR, USAGE, cost(BigDecimal.TEN));
    experimentId = inside;
    inRange.clear();
    inRange.addAll(expected);
  }

  /** A trace cost whose total is {@code total}, all of it input. */
  static String cost(BigDecimal total) {
    return TraceCost.json(total, BigDecimal.ZERO, total);
  }

  void write(long requestTime, long durationMs, TraceState state, String usage, String cost) {
    String traceId = TestSpans.newTraceId();
    TraceInfo.Builder info = TraceInfo.builder().setTraceId(traceId).setExperimentId(experimentId)
        .setRequestTime(requestTime).setExecutionDuration(durationMs).setState(state)
        .putTag(TraceInfo.TRACE_NAME, "trace " + durationMs)
        .putTraceMetadata(TraceInfo.TOKEN_USAGE, usage);
    if (cost != null) {
      info.putTraceMetadata(TraceInfo.COST, cost);
    }
    writer().startTrace(info.build());
    String total = cost == null ? "" : cost.replaceAll(".*\"total_cost\": ([0-9.]+)}.*", "$1");
    inRange.add(new Written(traceId, durationMs, total.matches("[0-9.]+")
        ? OptionalDouble.of(Double.parseDouble(total)) : OptionalDouble.empty()));
  }

  TraceOverview overview() {
    return statistics().overview(experimentId, START, START + 4 * HOUR, 4);
  }

  @Test
  void buckets_countTracesAndErrors_emptyBucketsZero() {
    List<TraceOverview.Bucket> buckets = overview().buckets();
    assertThat(buckets).extracting(TraceOverview.Bucket::startTimeMs)
        .containsExactly(START, START + HOUR, START + 2 * HOUR, START + 3 * HOUR);
    assertThat(buckets).extracting(TraceOverview.Bucket::traceCount).containsExactly(10L, 0L, 1L,
        20L);
    assertThat(buckets).extracting(TraceOverview.Bucket::errorCount).containsExactly(2L, 0L, 1L,
        0L);
    TraceOverview.Bucket empty = buckets.get(1);
    assertThat(empty.latencyP50Ms()).isEmpty();
    assertThat(empty.latencyP95Ms()).isEmpty();
    assertThat(empty.inputTokens() + empty.outputTokens() + empty.cacheReadTokens()
        + empty.cacheWriteTokens()).isZero();
    assertThat(empty.cost()).isZero();
  }

  @Test
  void latencyPercentiles_withinTheHistogramsPrecision() {
    TraceOverview overview = overview();
    assertWithinPrecision(overview.buckets().get(0).latencyP50Ms(), 500);
    assertWithinPrecision(overview.buckets().get(0).latencyP95Ms(), 1000);
    // A single trace: its exact duration.
    assertThat(overview.buckets().get(2).latencyP50Ms()).hasValue(5000.0);
    assertThat(overview.buckets().get(2).latencyP95Ms()).hasValue(5000.0);
    assertWithinPrecision(overview.buckets().get(3).latencyP50Ms(), 103); // 10 × 10 + 3
    assertWithinPrecision(overview.buckets().get(3).latencyP95Ms(), 193); // rank 19
    // The whole range: 31 traces; nearest rank 16 is 400 ms, rank 30 is 1000 ms.
    assertWithinPrecision(overview.total().latencyP50Ms(), exactPercentile(0.5));
    assertWithinPrecision(overview.total().latencyP95Ms(), exactPercentile(0.95));
  }

  @Test
  void tokensAndCost_summedFromMetadata_malformedCountsZero() {
    TraceOverview overview = overview();
    TraceOverview.Bucket first = overview.buckets().get(0);
    assertThat(List.of(first.inputTokens(), first.outputTokens(), first.cacheReadTokens(),
        first.cacheWriteTokens())).containsExactly(100L, 200L, 50L, 10L);
    assertThat(first.cost()).isCloseTo(0.036, within(1e-9)); // 0.001 + … + 0.008
    TraceOverview.Bucket malformed = overview.buckets().get(2);
    assertThat(malformed.inputTokens()).isZero();
    assertThat(malformed.cost()).isZero();
    TraceOverview.Bucket last = overview.buckets().get(3);
    assertThat(List.of(last.inputTokens(), last.outputTokens(), last.cacheReadTokens()))
        .containsExactly(20L, 40L, 0L);
    assertThat(last.cost()).isCloseTo(1.5, within(1e-9));

    TraceOverview.Bucket total = overview.total();
    assertThat(total.traceCount()).isEqualTo(31);
    assertThat(total.errorCount()).isEqualTo(3);
    assertThat(total.inputTokens()).isEqualTo(120);
    assertThat(total.cost()).isCloseTo(1.536, within(1e-9));
  }

  @Test
  void slowestAndCostliest_inOrder_onlyFromTheRange() {
    TraceOverview overview = overview();
    List<String> slowest = inRange.stream()
        .sorted(Comparator.comparingLong(Written::durationMs).reversed()
            .thenComparing(Written::traceId))
        .limit(10).map(Written::traceId).toList();
    assertThat(overview.slowest()).extracting(TraceOverview.RankedTrace::traceId)
        .containsExactlyElementsOf(slowest);
    TraceOverview.RankedTrace top = overview.slowest().get(0);
    assertThat(top.durationMs()).isEqualTo(5000);
    assertThat(top.name()).isEqualTo("trace 5000");
    assertThat(top.state()).isEqualTo(TraceState.ERROR);
    assertThat(top.requestTimeMs()).isEqualTo(START + 2 * HOUR + 5);
    assertThat(top.cost()).isEmpty();

    List<String> costliest = inRange.stream().filter(w -> w.cost().isPresent())
        .sorted(Comparator.comparingDouble((Written w) -> w.cost().getAsDouble()).reversed())
        .limit(10).map(Written::traceId).toList();
    assertThat(overview.costliest()).extracting(TraceOverview.RankedTrace::traceId)
        .containsExactlyElementsOf(costliest).hasSize(9);
    assertThat(overview.costliest().get(0).cost().getAsDouble()).isCloseTo(1.5, within(1e-9));
  }

  @Test
  void unknownExperiment_zeroBucketsAndNoTraces() {
    TraceOverview overview = statistics().overview("987654321", START, START + 4 * HOUR, 4);
    assertThat(overview.buckets()).hasSize(4)
        .allSatisfy(b -> assertThat(b.traceCount()).isZero());
    assertThat(overview.slowest()).isEmpty();
    assertThat(overview.costliest()).isEmpty();
  }

  @Test
  void badArguments_refused() {
    assertStoreError(() -> statistics().overview(experimentId, START, START + HOUR, 0),
        StoreException.Reason.INVALID_ARGUMENT, "buckets");
    assertStoreError(() -> statistics().overview(experimentId, START, START + HOUR, 501),
        StoreException.Reason.INVALID_ARGUMENT, "buckets");
    assertStoreError(() -> statistics().overview(experimentId, START, START, 1),
        StoreException.Reason.INVALID_ARGUMENT, "inverted");
    assertStoreError(() -> statistics().overview(experimentId, Long.MIN_VALUE, Long.MAX_VALUE, 9),
        StoreException.Reason.INVALID_ARGUMENT, "too long");
  }

  double exactPercentile(double q) {
    List<Long> sorted = inRange.stream().map(Written::durationMs).sorted().toList();
    return sorted.get((int) Math.ceil(q * sorted.size()) - 1);
  }

  static void assertWithinPrecision(OptionalDouble estimate, double exact) {
    assertThat(estimate).isPresent();
    assertThat(estimate.getAsDouble())
        .isCloseTo(exact, within(LatencyHistogram.RELATIVE_PRECISION * (1 + exact)));
  }
}
