package dev.tracelight.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The functional form, the current span, trace updates and context across threads. */
class TracelightFunctionsTest {
  private static ExecutorService pool;

  @BeforeAll
  static void startPool() {
    pool = Executors.newFixedThreadPool(4);
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  private static Trace lastTrace() {
    return Tracelight.getTrace(Tracelight.lastActiveTraceId().orElseThrow()).orElseThrow();
  }

  @Test
  void trace_recordsTheResultAsOutputs_andNests() {
    int result = Tracelight.trace("outer", SpanType.CHAIN, () -> {
      Tracelight.currentSpan().setInputs(Map.of("x", 20));
      return Tracelight.trace("inner", SpanType.TOOL, () -> 22) + 20;
    });

    assertThat(result).isEqualTo(42);
    Trace trace = lastTrace();
    assertThat(trace.data().spans()).extracting(Span::name).containsExactly("outer", "inner");
    Span outer = trace.data().spans().get(0);
    assertThat(outer.inputs()).isEqualTo(Map.of("x", 20L));
    assertThat(outer.outputs()).isEqualTo(42L);
    assertThat(trace.data().spans().get(1).parentSpanId()).isEqualTo(outer.spanId());
  }

  @Test
  void trace_rethrowsTheVeryException_checkedOrNot() {
    IOException failure = new IOException("disk full");
    assertThatThrownBy(() -> Tracelight.trace("io", SpanType.TOOL, () -> {
      throw failure;
    })).isSameAs(failure);
    Span span = lastTrace().data().spans().get(0);
    assertThat(span.status()).isEqualTo(SpanStatusCode.ERROR);
    assertThat(span.statusMessage()).isEqualTo("IOException: disk full");

    IllegalStateException unchecked = new IllegalStateException("nope");
    assertThatThrownBy(() -> Tracelight.trace("void", SpanType.CHAIN, (TracedRunnable<RuntimeException>) () -> {
      throw unchecked;
    })).isSameAs(unchecked);
  }

  @Test
  void scopedForm_makesTheSpanCurrent_andRestoresTheContextAtTheEnd() {
    String outerId;
    try (LiveSpan outer = Tracelight.startSpan("outer", SpanType.CHAIN)) {
      outerId = outer.spanId();
      assertThat(Tracelight.currentSpan().spanId()).isEqualTo(outerId);
      try (LiveSpan inner = Tracelight.startSpan("inner", SpanType.TOOL)) {
        inner.setOutputs("done");
      }
      assertThat(Tracelight.currentSpan().spanId()).isEqualTo(outerId);
    }
    assertThat(Tracelight.currentSpan().isRecording()).isFalse();

    Trace trace = lastTrace();
    assertThat(trace.data().spans()).extracting(Span::name).containsExactly("outer", "inner");
    assertThat(trace.data().spans().get(1).parentSpanId()).isEqualTo(outerId);
  }

  @Test
  void detachedSpan_isNotCurrent_andMayEndOnAnotherThread() throws Exception {
    LiveSpan detached = Tracelight.startDetachedSpan("background", SpanType.CHAIN);
    assertThat(Tracelight.currentSpan().isRecording()).isFalse();
    pool.submit(detached::end).get(5, TimeUnit.SECONDS);
    assertThat(Tracelight.getTrace(detached.traceId())).isPresent();
  }

  @Test
  void currentSpan_isNonRecordingOutsideSpans() {
    assertThat(Tracelight.currentSpan().isRecording()).isFalse();
    Tracelight.currentSpan().setInputs("ignored"); // harmless
  }

  @Test
  void updateCurrentTrace_addsTagsMetadataUserSessionAndClientRequestId() {
    String traceId;
    try (LiveSpan root = Tracelight.startSpan("request", SpanType.CHAIN);
        Scope ignored = root.makeCurrent()) {
      traceId = root.traceId();
      try (LiveSpan child = Tracelight.startSpan("step", SpanType.TOOL);
          Scope inner = child.makeCurrent()) {
        assertThat(Tracelight.updateCurrentTrace(TraceUpdate.builder()
            .putTag("env", "prod").setUser("alice").setSession("chat-7")
            .setClientRequestId("req-123").putMetadata("app.version", "1.2").build())).isTrue();
      }
    }

    TraceInfo info = Tracelight.getTrace(traceId).orElseThrow().info();
    assertThat(info.tags()).containsEntry("env", "prod");
    assertThat(info.traceMetadata())
        .containsEntry("mlflow.trace.user", "alice")
        .containsEntry("mlflow.trace.session", "chat-7")
        .containsEntry("app.version", "1.2");
    assertThat(info.clientRequestId()).isEqualTo("req-123");
    assertThat(Tracelight.updateCurrentTrace(TraceUpdate.builder().putTag("a", "b").build())).isFalse();
  }

  @Test
  void wrappedExecutor_carriesTheCurrentSpanIntoTasks() throws Exception {
    String traceId;
    try (LiveSpan root = Tracelight.startSpan("fan-out", SpanType.AGENT);
        Scope ignored = root.makeCurrent()) {
      traceId = root.traceId();
      ExecutorService traced = Tracelight.wrap(pool);
      List<java.util.concurrent.Future<Integer>> futures = List.of(
          traced.submit(() -> Tracelight.trace("task-1", SpanType.TOOL, () -> 1)),
          traced.submit(() -> Tracelight.trace("task-2", SpanType.TOOL, () -> 2)));
      for (java.util.concurrent.Future<Integer> f : futures) {
        f.get(5, TimeUnit.SECONDS);
      }
      CompletableFuture.supplyAsync(
              Tracelight.wrapSupplier(() -> Tracelight.trace("async", SpanType.TOOL, () -> 3)), pool)
          .get(5, TimeUnit.SECONDS);
    }

    Trace trace = Tracelight.getTrace(traceId).orElseThrow();
    String rootId = trace.data().spans().get(0).spanId();
    assertThat(trace.data().spans()).extracting(Span::name)
        .containsExactlyInAnyOrder("fan-out", "task-1", "task-2", "async");
    assertThat(trace.data().spans().subList(1, 4)).allMatch(s -> rootId.equals(s.parentSpanId()));
  }

  @Test
  void unwrappedExecutor_startsNewTraces_soWrappingIsWhatCarriesContext() throws Exception {
    String rootTrace;
    String taskTrace;
    try (LiveSpan root = Tracelight.startSpan("root", SpanType.AGENT);
        Scope ignored = root.makeCurrent()) {
      rootTrace = root.traceId();
      taskTrace = pool.submit(() -> {
        try (LiveSpan s = Tracelight.startSpan("orphan", SpanType.TOOL)) {
          return s.traceId();
        }
      }).get(5, TimeUnit.SECONDS);
    }
    assertThat(taskTrace).isNotEqualTo(rootTrace);
  }
}
