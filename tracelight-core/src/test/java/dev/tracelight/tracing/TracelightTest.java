package dev.tracelight.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The facade without a tracking server: traces are assembled and kept in memory. */
class TracelightTest {

  @Test
  void nestedSpans_formOneTrace_rootFirst_withMlflowIds() {
    String traceId;
    try (LiveSpan root = Tracelight.startSpan("agent", SpanType.AGENT);
        Scope ignored = root.makeCurrent()) {
      root.setInputs(Map.of("question", "weather in Paris?"));
      traceId = root.traceId();
      try (LiveSpan tool = Tracelight.startSpan("get_weather", SpanType.TOOL)) {
        tool.setInputs(Map.of("city", "Paris"));
        tool.setOutputs("sunny");
      }
      root.setOutputs(Map.of("answer", "It is sunny"));
    }

    assertThat(traceId).matches("tr-[0-9a-f]{32}");
    assertThat(Tracelight.lastActiveTraceId()).contains(traceId);
    Trace trace = Tracelight.getTrace(traceId).orElseThrow();
    List<Span> spans = trace.data().spans();
    assertThat(spans).extracting(Span::name).containsExactly("agent", "get_weather");
    Span root = spans.get(0);
    Span tool = spans.get(1);
    assertThat(root.parentSpanId()).isNull();
    assertThat(tool.parentSpanId()).isEqualTo(root.spanId());
    assertThat(root.spanType()).isEqualTo(SpanType.AGENT);
    assertThat(tool.spanType()).isEqualTo(SpanType.TOOL);
    assertThat(tool.inputs()).isEqualTo(Map.of("city", "Paris"));
    assertThat(tool.outputs()).isEqualTo("sunny");
    assertThat(tool.attribute(SpanAttributeKey.REQUEST_ID)).isEqualTo(traceId);
    assertThat(tool.attributeJson(SpanAttributeKey.SPAN_TYPE)).isEqualTo("\"TOOL\"");
    assertThat(root.status()).isEqualTo(SpanStatusCode.OK);

    TraceInfo info = trace.info();
    assertThat(info.traceId()).isEqualTo(traceId);
    assertThat(info.state()).isEqualTo(TraceState.OK);
    assertThat(info.tags()).containsEntry(TraceTagKey.TRACE_NAME, "agent");
    assertThat(info.requestPreview()).isEqualTo("{\"question\":\"weather in Paris?\"}");
    assertThat(info.responsePreview()).isEqualTo("{\"answer\":\"It is sunny\"}");
    assertThat(info.traceMetadata()).containsEntry(TraceMetadataKey.SCHEMA_VERSION, "3");
    assertThat(info.executionDuration())
        .isEqualTo(java.time.Duration.ofMillis(
            root.endTimeUnixNano() / 1_000_000 - root.startTimeUnixNano() / 1_000_000));
    assertThat(info.tokenUsage()).isNull();
  }

  @Test
  void tokenUsage_isSummed_withoutCountingNestedUsageTwice() {
    String traceId;
    try (LiveSpan root = Tracelight.startSpan("chain", SpanType.CHAIN);
        Scope ignored = root.makeCurrent()) {
      traceId = root.traceId();
      try (LiveSpan wrapper = Tracelight.startSpan("llm-wrapper", SpanType.LLM);
          Scope inner = wrapper.makeCurrent()) {
        wrapper.setAttribute(SpanAttributeKey.CHAT_USAGE, TokenUsage.create(10, 5).toMap());
        try (LiveSpan call = Tracelight.startSpan("call", SpanType.CHAT_MODEL)) {
          // the same call seen again one level down: must not be added twice
          call.setAttribute(SpanAttributeKey.CHAT_USAGE, TokenUsage.create(10, 5).toMap());
        }
      }
      try (LiveSpan second = Tracelight.startSpan("call-2", SpanType.CHAT_MODEL)) {
        second.setAttribute(SpanAttributeKey.CHAT_USAGE, TokenUsage.create(7, 3, 100, 40).toMap());
      }
    }

    TokenUsage usage = Tracelight.getTrace(traceId).orElseThrow().info().tokenUsage();
    assertThat(usage).isEqualTo(TokenUsage.create(17, 8, 100, 40));
    assertThat(usage.totalTokens()).isEqualTo(25);
  }

  @Test
  void recordException_marksSpanAndTraceAsError() {
    String traceId;
    try (LiveSpan root = Tracelight.startSpan("failing", SpanType.CHAIN)) {
      traceId = root.traceId();
      root.recordException(new IllegalStateException("boom"));
    }

    Trace trace = Tracelight.getTrace(traceId).orElseThrow();
    Span root = trace.data().spans().get(0);
    assertThat(trace.info().state()).isEqualTo(TraceState.ERROR);
    assertThat(root.status()).isEqualTo(SpanStatusCode.ERROR);
    assertThat(root.statusMessage()).isEqualTo("IllegalStateException: boom");
    SpanEvent event = root.events().get(0);
    assertThat(event.name()).isEqualTo("exception");
    assertThat(event.attributes())
        .containsEntry("exception.type", "java.lang.IllegalStateException")
        .containsEntry("exception.message", "boom");
    assertThat((String) event.attributes().get("exception.stacktrace")).contains("TracelightTest");
  }

  @Test
  void unserializableValues_neverThrow() {
    Object selfReferencing =
        new Object() {
          @SuppressWarnings("unused")
          public Object getSelf() {
            return this;
          }
        };
    try (LiveSpan span = Tracelight.startSpan("odd", SpanType.of("CUSTOM"))) {
      span.setInputs(selfReferencing);
      span.setAttribute(null, "x");
      span.setAttributeJson("k", (String) null);
      assertThat(span.isRecording()).isTrue();
    }
    Span span = Tracelight.getTrace(Tracelight.lastActiveTraceId().orElseThrow())
        .orElseThrow().data().spans().get(0);
    assertThat(span.spanType().value()).isEqualTo("CUSTOM");
    assertThat(span.inputs()).isInstanceOf(String.class);
  }

  @Test
  void endTwice_isHarmless_andLongInputsAreTruncatedInPreviews() {
    String big = "x".repeat(5000);
    LiveSpan span = Tracelight.startSpan("big", SpanType.CHAIN);
    span.setInputs(big);
    span.end();
    span.end();
    TraceInfo info = Tracelight.getTrace(span.traceId()).orElseThrow().info();
    assertThat(info.requestPreview()).hasSize(TraceFactory.PREVIEW_MAX_CHARS).endsWith("...");
    assertThat(info.traceMetadata().get(TraceMetadataKey.INPUTS))
        .hasSize(TraceFactory.METADATA_MAX_CHARS);
  }
}
