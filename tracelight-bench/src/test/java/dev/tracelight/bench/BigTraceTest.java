package dev.tracelight.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The load generator's trace has the shape the benchmark's write-up claims. */
class BigTraceTest {
  @Test
  void build_tenThousandSpans_oneRootHundredStepsEveryParentPresentAndEnclosing() {
    BigTrace trace = BigTrace.build(10_000, 42);

    assertThat(trace.spans).hasSize(10_000);
    Map<ByteString, Span> byId = new HashMap<>();
    trace.spans.forEach(s -> byId.put(s.getSpanId(), s));
    assertThat(byId).hasSize(10_000); // ids are unique
    List<Span> roots = trace.spans.stream().filter(s -> s.getParentSpanId().isEmpty()).toList();
    assertThat(roots).singleElement().extracting(Span::getName).isEqualTo("agent_run");
    assertThat(trace.spans.get(trace.spans.size() - 1)).isSameAs(roots.get(0)); // sent last
    for (Span span : trace.spans) {
      if (span.getParentSpanId().isEmpty()) {
        continue;
      }
      Span parent = byId.get(span.getParentSpanId());
      assertThat(parent).as("parent of %s", span.getName()).isNotNull();
      assertThat(span.getStartTimeUnixNano()).isGreaterThanOrEqualTo(parent.getStartTimeUnixNano());
      assertThat(span.getEndTimeUnixNano()).isLessThanOrEqualTo(parent.getEndTimeUnixNano());
    }
    Map<String, Long> types = trace.spans.stream()
        .collect(Collectors.groupingBy(BigTraceTest::spanType, Collectors.counting()));
    assertThat(types.get("\"CHAIN\"") + types.get("\"AGENT\"")).isEqualTo(101); // steps and root
    assertThat(types.get("\"CHAT_MODEL\"")).isBetween(4_900L, 5_000L);
    assertThat(types.get("\"TOOL\"")).isBetween(4_900L, 5_000L);
  }

  @Test
  void build_everySpanCarriesAboutOneKilobyteOfInputsAndOfOutputs() {
    for (Span span : BigTrace.build(50, 1).spans) {
      assertThat(attribute(span, "mlflow.spanInputs")).hasSize(BigTrace.CONTENT_BYTES);
      assertThat(attribute(span, "mlflow.spanOutputs")).hasSize(BigTrace.CONTENT_BYTES);
    }
  }

  @Test
  void lastInTree_isTheLatestCallOfTheLatestStep() {
    BigTrace trace = BigTrace.build(1_000, 7);

    Span last = trace.lastInTree;
    long latestStart =
        trace.spans.stream().mapToLong(Span::getStartTimeUnixNano).max().orElseThrow();
    assertThat(last.getStartTimeUnixNano()).isEqualTo(latestStart);
    assertThat(spanType(last)).isIn("\"CHAT_MODEL\"", "\"TOOL\"");
  }

  @Test
  void requests_chunksEverySpanOnce() throws Exception {
    BigTrace trace = BigTrace.build(6_000, 3);

    List<byte[]> requests = trace.requests(2_500);

    assertThat(requests).hasSize(3);
    int spans = 0;
    for (byte[] request : requests) {
      spans += ExportTraceServiceRequest.parseFrom(request).getResourceSpans(0).getScopeSpans(0)
          .getSpansCount();
    }
    assertThat(spans).isEqualTo(6_000);
  }

  private static String spanType(Span span) {
    return attribute(span, "mlflow.spanType");
  }

  private static String attribute(Span span, String key) {
    return span.getAttributesList().stream().filter(a -> a.getKey().equals(key))
        .map(KeyValue::getValue).map(v -> v.getStringValue()).findFirst().orElse(null);
  }
}
