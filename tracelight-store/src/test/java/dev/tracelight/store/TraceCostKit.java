package dev.tracelight.store;

import static dev.tracelight.store.TestSpans.json;
import static dev.tracelight.store.TestSpans.newSpanId;
import static dev.tracelight.store.TestSpans.newTraceId;
import static dev.tracelight.store.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trace cost metadata summed from span costs: without double counting, kept current until a
 * client's own cost arrives with StartTraceV3, and also for spans arriving after StartTraceV3.
 */
abstract class TraceCostKit extends TraceKitSupport {

  static String cost(String input, String output) {
    return "{\"input_cost\": " + input + ", \"output_cost\": " + output + ", \"total_cost\": "
        + new java.math.BigDecimal(input).add(new java.math.BigDecimal(output)).toPlainString()
        + "}";
  }

  /**
   * An agent root without cost over a wrapper carrying a cost (whose priced child must not count
   * again) and a sibling model call whose cost is a double's decimal expansion.
   */
  List<SpanRecord> costedTrace(String traceId) {
    String root = newSpanId();
    String wrapper = newSpanId();
    return List.of(
        span(traceId, root, null, "agent", T0, T0 + 100 * MS)
            .putAttribute(SpanRecord.SPAN_TYPE, json("AGENT")).build(),
        span(traceId, wrapper, root, "chain", T0 + MS, T0 + 50 * MS)
            .putAttribute(SpanRecord.LLM_COST, cost("0.003", "0.015")).build(),
        span(traceId, newSpanId(), wrapper, "inner model call", T0 + 2 * MS, T0 + 40 * MS)
            .putAttribute(SpanRecord.LLM_COST, cost("0.003", "0.015")).build(),
        span(traceId, newSpanId(), root, "second model call", T0 + 60 * MS, T0 + 90 * MS)
            .putAttribute(SpanRecord.LLM_COST, "{\"input_cost\": 0.1, \"output_cost\": 0.2,"
                + " \"total_cost\": 0.30000000000000004}").build());
  }

  @Test
  void spanCosts_summedOnceOverTheTree() {
    String traceId = newTraceId();
    List<SpanRecord> spans = costedTrace(traceId);
    writer().acceptSpans(experimentId, spans.subList(0, 2));
    assertThat(reader().traceInfo(traceId).orElseThrow().traceMetadata())
        .containsEntry(TraceInfo.COST, cost("0.003", "0.015"));

    writer().acceptSpans(experimentId, spans.subList(2, 4));
    assertThat(reader().traceInfo(traceId).orElseThrow().traceMetadata().get(TraceInfo.COST))
        .isEqualTo("{\"input_cost\": 0.103, \"output_cost\": 0.215,"
            + " \"total_cost\": 0.31800000000000004}");
  }

  @Test
  void noSpanCost_noTraceCost() {
    String traceId = newTraceId();
    writer().acceptSpans(experimentId, rootAndChild(traceId));
    assertThat(reader().traceInfo(traceId).orElseThrow().traceMetadata())
        .doesNotContainKey(TraceInfo.COST);
  }

  @Test
  void startTraceWithoutCost_spansKeepTheCostCurrent() {
    String traceId = newTraceId();
    List<SpanRecord> spans = costedTrace(traceId);
    writer().startTrace(clientInfo(traceId)); // the TypeScript SDK's order: info, then spans
    writer().acceptSpans(experimentId, spans.subList(0, 3));
    assertThat(reader().traceInfo(traceId).orElseThrow().traceMetadata())
        .containsEntry(TraceInfo.COST, cost("0.003", "0.015"))
        .containsEntry(TraceInfo.TOKEN_USAGE, TestSpans.usage(100, 200));

    writer().acceptSpans(experimentId, spans.subList(3, 4));
    assertThat(reader().traceInfo(traceId).orElseThrow().traceMetadata().get(TraceInfo.COST))
        .startsWith("{\"input_cost\": 0.103,");
  }

  @Test
  void startTraceWithCost_clientCostKept() {
    String traceId = newTraceId();
    List<SpanRecord> spans = costedTrace(traceId);
    writer().acceptSpans(experimentId, spans.subList(0, 2));
    String clientCost = cost("1", "2");
    writer().startTrace(clientInfo(traceId).toBuilder()
        .putTraceMetadata(TraceInfo.COST, clientCost).build());
    writer().acceptSpans(experimentId, spans.subList(2, 4));

    assertThat(reader().traceInfo(traceId).orElseThrow().traceMetadata())
        .containsEntry(TraceInfo.COST, clientCost);
  }

  @Test
  void spansThenStartTraceWithoutCost_derivedCostStays() {
    String traceId = newTraceId();
    writer().acceptSpans(experimentId, costedTrace(traceId));
    TraceInfo stored = writer().startTrace(clientInfo(traceId));
    assertThat(stored.traceMetadata().get(TraceInfo.COST)).startsWith("{\"input_cost\": 0.103,");
  }
}
