package dev.tracelight.store;

import static dev.tracelight.store.TestSpans.json;
import static dev.tracelight.store.TestSpans.newSpanId;
import static dev.tracelight.store.TestSpans.newTraceId;
import static dev.tracelight.store.TestSpans.span;
import static dev.tracelight.store.TestSpans.usage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trace page's two reads: span summaries (tree and timeline, with token usage and cost, no
 * content) and one full span by id. Backends run it as a {@code @Nested} class.
 */
abstract class SpanSummaryKit extends TraceKitSupport {
  static final String COST =
      "{\"input_cost\": 0.003, \"output_cost\": 0.015, \"total_cost\": 0.018}";

  @Test
  void spanSummaries_carryTreeTimesStatusUsageAndCost_inStartOrder() {
    String traceId = newTraceId();
    List<SpanRecord> spans = rootAndChild(traceId);
    SpanRecord root = spans.get(0);
    SpanRecord child = spans.get(1).toBuilder()
        .putAttribute(SpanRecord.LLM_COST, COST)
        .setStatus(SpanStatusCode.ERROR, "overloaded").build();
    SpanRecord running = span(traceId, newSpanId(), root.spanId(), "still running",
        T0 + 1000 * MS, 0).build();
    writer().acceptSpans(experimentId, List.of(running, child, root));

    List<SpanSummary> summaries = reader().spanSummaries(traceId).orElseThrow();

    assertThat(summaries).extracting(SpanSummary::name)
        .containsExactly("agent", "Messages.create", "still running");
    SpanSummary r = summaries.get(0);
    assertThat(r.spanId()).isEqualTo(root.spanId());
    assertThat(r.parentSpanId()).isEmpty();
    assertThat(r.spanType()).contains("AGENT");
    assertThat(r.statusCode()).isEqualTo(SpanStatusCode.OK);
    assertThat(r.startTimeUnixNano()).isEqualTo(T0);
    assertThat(r.endTimeUnixNano()).isEqualTo(T0 + 1532 * MS);
    assertThat(r.tokenUsageJson()).isEmpty();
    assertThat(r.costJson()).isEmpty();

    SpanSummary c = summaries.get(1);
    assertThat(c.parentSpanId()).contains(root.spanId());
    assertThat(c.spanType()).contains("CHAT_MODEL");
    assertThat(c.statusCode()).isEqualTo(SpanStatusCode.ERROR);
    assertThat(c.tokenUsageJson()).contains(usage(12, 30));
    assertThat(c.costJson()).contains(COST);

    assertThat(summaries.get(2).endTimeUnixNano()).as("not ended").isZero();
  }

  @Test
  void spanSummaries_agreeWithTheFullSpans() {
    String traceId = newTraceId();
    List<SpanRecord> spans = rootAndChild(traceId);
    writer().acceptSpans(experimentId, spans);

    List<SpanSummary> fromSpans = reader().trace(traceId).orElseThrow().spans().stream()
        .map(SpanSummary::of).toList();
    assertThat(reader().spanSummaries(traceId).orElseThrow())
        .usingRecursiveFieldByFieldElementComparator().isEqualTo(fromSpans);
  }

  @Test
  void spanSummaries_unknownTrace_empty_traceWithoutSpans_emptyList() {
    assertThat(reader().spanSummaries(newTraceId())).isEmpty();

    String traceId = newTraceId();
    writer().startTrace(clientInfo(traceId));
    assertThat(reader().spanSummaries(traceId)).contains(List.of());
  }

  @Test
  void span_byTraceAndSpanId_isTheFullSpan() {
    String traceId = newTraceId();
    List<SpanRecord> spans = rootAndChild(traceId);
    writer().acceptSpans(experimentId, spans);
    SpanRecord child = spans.get(1);

    SpanRecord read = reader().span(traceId, child.spanId()).orElseThrow();

    assertThat(read.name()).isEqualTo("Messages.create");
    assertThat(read.parentSpanId()).isEqualTo(child.parentSpanId());
    assertThat(read.attributes()).containsEntry(SpanRecord.CHAT_TOKEN_USAGE, usage(12, 30))
        .containsEntry(SpanRecord.SPAN_TYPE, json("CHAT_MODEL"));
    assertThat(read.events()).singleElement()
        .satisfies(e -> assertThat(e.name()).isEqualTo("exception"));
    assertThat(read.toMlflowSpanJson()).isEqualTo(child.toMlflowSpanJson());
  }

  @Test
  void span_unknownSpanOrTrace_empty() {
    String traceId = newTraceId();
    writer().acceptSpans(experimentId, rootAndChild(traceId));

    assertThat(reader().span(traceId, newSpanId())).isEmpty();
    assertThat(reader().span(newTraceId(), newSpanId())).isEmpty();
  }
}
