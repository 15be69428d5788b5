package dev.tracelight.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sampling, span processors and the attribute size cap, through Tracelight.configure. */
class TracelightConfigTest {

  @AfterEach
  void restoreDefaults() {
    Tracelight.configure(TracelightConfig.defaults());
  }

  @Test
  void builder_rejectsBadValuesAtOnce() {
    assertThatThrownBy(() -> TracelightConfig.builder().setSamplingRatio(1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TracelightConfig.builder().setSamplingRatio(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TracelightConfig.builder().setExportQueueCapacity(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TracelightConfig.builder().setExportRetryTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TracelightConfig.builder().addSpanProcessor(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void samplingRatioZero_recordsNothing_andTheCodeStillRuns() {
    Tracelight.configure(TracelightConfig.builder().setSamplingRatio(0).build());
    String before = Tracelight.lastActiveTraceId().orElse("");

    int value = Tracelight.trace("unsampled", SpanType.CHAIN, () -> 7);

    assertThat(value).isEqualTo(7);
    assertThat(Tracelight.lastActiveTraceId().orElse("")).isEqualTo(before);
    try (LiveSpan span = Tracelight.startSpan("x", SpanType.CHAIN)) {
      assertThat(span.isRecording()).isFalse();
      assertThat(Tracelight.startDetachedSpan("child", SpanType.TOOL).isRecording()).isFalse();
    }
  }

  @Test
  void samplingRatioHalf_keepsSomeTraces_wholeOrNothing() {
    Tracelight.configure(TracelightConfig.builder().setSamplingRatio(0.5).build());
    int recorded = 0;
    for (int i = 0; i < 200; i++) {
      try (LiveSpan root = Tracelight.startSpan("r", SpanType.CHAIN);
          Scope ignored = root.makeCurrent()) {
        LiveSpan child = Tracelight.startSpan("c", SpanType.TOOL);
        assertThat(child.isRecording()).isEqualTo(root.isRecording());
        child.end();
        recorded += root.isRecording() ? 1 : 0;
      }
    }
    assertThat(recorded).isBetween(40, 160);
  }

  @Test
  void spanProcessors_maskAndDropSpans_beforeTheTraceIsKept() {
    Tracelight.configure(TracelightConfig.builder()
        .addSpanProcessor(span -> span.name().equals("secret-step") ? null : span)
        .addSpanProcessor(span -> span.inputs() == null ? span
            : span.toBuilder().setInputs(Map.of("email", "***")).removeAttribute("user.email").build())
        .build());
    String traceId;
    try (LiveSpan root = Tracelight.startSpan("handle", SpanType.CHAIN);
        Scope ignored = root.makeCurrent()) {
      traceId = root.traceId();
      root.setInputs(Map.of("email", "alice@example.com"));
      root.setAttribute("user.email", "alice@example.com");
      try (LiveSpan secret = Tracelight.startSpan("secret-step", SpanType.TOOL);
          Scope inner = secret.makeCurrent()) {
        try (LiveSpan grandchild = Tracelight.startSpan("lookup", SpanType.RETRIEVER)) {
          grandchild.setOutputs("ok");
        }
      }
    }

    Trace trace = Tracelight.getTrace(traceId).orElseThrow();
    assertThat(trace.data().spans()).extracting(Span::name).containsExactly("handle", "lookup");
    Span root = trace.data().spans().get(0);
    assertThat(root.inputs()).isEqualTo(Map.of("email", "***"));
    assertThat(root.attribute("user.email")).isNull();
    assertThat(trace.info().requestPreview()).doesNotContain("alice");
    assertThat(trace.data().spans().get(1).parentSpanId()).isEqualTo(root.spanId());
  }

  @Test
  void droppingTheRoot_dropsTheTrace_andAFailingProcessorIsSkipped() {
    Tracelight.configure(TracelightConfig.builder()
        .addSpanProcessor(span -> {
          throw new IllegalStateException("buggy processor");
        })
        .addSpanProcessor(span -> span.name().startsWith("health") ? null : span)
        .build());
    long filtered = Tracelight.exportStats().filtered();
    String before = Tracelight.lastActiveTraceId().orElse("");

    Tracelight.trace("healthcheck", SpanType.CHAIN, () -> "ok");

    assertThat(Tracelight.lastActiveTraceId().orElse("")).isEqualTo(before);
    assertThat(Tracelight.exportStats().filtered()).isEqualTo(filtered + 1);
    Tracelight.trace("kept", SpanType.CHAIN, () -> "ok");
    assertThat(Tracelight.getTrace(Tracelight.lastActiveTraceId().orElseThrow()).orElseThrow()
        .data().spans().get(0).name()).isEqualTo("kept");
  }

  @Test
  void oversizedAttribute_isTruncatedWithAVisibleMarker() {
    Tracelight.configure(TracelightConfig.builder().setMaxAttributeChars(100).build());
    String traceId;
    try (LiveSpan span = Tracelight.startSpan("big", SpanType.CHAIN)) {
      traceId = span.traceId();
      span.setInputs("z".repeat(1000));
      span.setOutputs("small");
    }

    Span span = Tracelight.getTrace(traceId).orElseThrow().data().spans().get(0);
    // The cut text is no longer JSON, so it is kept as a JSON string: readers still get text.
    String inputs = (String) span.inputs();
    assertThat(inputs).startsWith("\"zzz").endsWith("...[truncated by Tracelight: 902 more chars]");
    assertThat(inputs.length()).isLessThan(160);
    assertThat(span.outputs()).isEqualTo("small");
  }
}
