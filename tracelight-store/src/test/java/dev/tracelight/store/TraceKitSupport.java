package dev.tracelight.store;

import static dev.tracelight.store.TestSpans.json;
import static dev.tracelight.store.TestSpans.newSpanId;
import static dev.tracelight.store.TestSpans.span;
import static dev.tracelight.store.TestSpans.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;

/** What the trace kits share: a fresh experiment per test and the spans and infos they write. */
abstract class TraceKitSupport {
  /** Above 2^53: a double would lose the last digits. */
  static final long T0 = 1_718_460_461_282_123_457L;
  static final long MS = 1_000_000L;

  abstract Storage storage();

  String experimentId;

  @BeforeEach
  void newExperiment() {
    experimentId = storage().experiments()
        .createExperiment(ExperimentStoreKit.uniqueName("traces"), null, Map.of());
  }

  TraceWriter writer() {
    return storage().traceWriter();
  }

  TraceReader reader() {
    return storage().traceReader();
  }

  /** A root (inputs, outputs, 1532 ms) and a chat child with token usage. */
  List<SpanRecord> rootAndChild(String traceId) {
    String root = newSpanId();
    SpanRecord rootSpan = span(traceId, root, null, "agent", T0, T0 + 1532 * MS)
        .putAttribute(SpanRecord.SPAN_TYPE, json("AGENT"))
        .putAttribute(SpanRecord.SPAN_INPUTS, "{\"question\": \"Hi\"}")
        .putAttribute(SpanRecord.SPAN_OUTPUTS, "{\"answer\": \"Hello\"}")
        .build();
    SpanRecord child = span(traceId, newSpanId(), root, "Messages.create", T0 + MS, T0 + 900 * MS)
        .putAttribute(SpanRecord.SPAN_TYPE, json("CHAT_MODEL"))
        .putAttribute(SpanRecord.CHAT_TOKEN_USAGE, usage(12, 30))
        .addEvent(SpanEvent.create("exception", T0 + 5 * MS, Map.of("exception.type", "Boom")))
        .build();
    return List.of(rootSpan, child);
  }

  TraceInfo clientInfo(String traceId) {
    return TraceInfo.builder()
        .setTraceId(traceId)
        .setExperimentId(experimentId)
        .setClientRequestId("req-7")
        .setRequestTime(T0 / MS)
        .setExecutionDuration(1532)
        .setState(TraceState.OK)
        .setRequestPreview("{\"question\": \"Hi\"} (client)")
        .setResponsePreview("{\"answer\": \"Hello\"} (client)")
        .putTraceMetadata(TraceInfo.TOKEN_USAGE, TestSpans.usage(100, 200))
        .putTraceMetadata("mlflow.user", "alice")
        .putTag(TraceInfo.TRACE_NAME, "agent")
        .build();
  }

  /** Writes a one-span trace: root {@code name} starting {@code startMs} after T0, lasting
   * {@code durationMs}, with this status. */
  String oneSpanTrace(String name, long startMs, long durationMs, SpanStatusCode status) {
    String traceId = TestSpans.newTraceId();
    long start = T0 + startMs * MS;
    writer().acceptSpans(experimentId, List.of(
        span(traceId, newSpanId(), null, name, start, start + durationMs * MS)
            .setStatus(status, "").build()));
    return traceId;
  }

  static void assertStoreError(ThrowingCallable call, StoreException.Reason reason,
      String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(message);
  }
}
