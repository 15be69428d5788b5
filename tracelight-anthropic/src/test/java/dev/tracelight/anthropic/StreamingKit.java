package dev.tracelight.anthropic;

import static dev.tracelight.anthropic.CallsFixture.only;
import static dev.tracelight.anthropic.CallsFixture.traceOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.core.http.AsyncStreamResponse;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.tracelight.testkit.FakeMessage;
import dev.tracelight.testkit.FakeReply;
import dev.tracelight.testkit.FakeUsage;
import dev.tracelight.tracing.LiveSpan;
import dev.tracelight.tracing.Span;
import dev.tracelight.tracing.SpanType;
import dev.tracelight.tracing.Trace;
import dev.tracelight.tracing.Tracelight;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The rows of async calls and streams, blocking and async. */
abstract class StreamingKit {
  abstract CallsFixture fixture();

  private static FakeReply toolAndCacheReply() {
    return FakeReply.message(FakeMessage.builder()
        .addThinking("Checking the weather tool.", "sig-xyz")
        .addText("Let me look that up for you.")
        .addToolUse("toolu_07", "get_weather", Map.of("city", "Oslo", "unit", "celsius"))
        .setStopReason("tool_use")
        .setUsage(FakeUsage.builder().setInputTokens(20).setOutputTokens(15)
            .setCacheCreationInputTokens(3).setCacheReadInputTokens(4).build())
        .build());
  }

  @Test
  void asyncCreate_endsWhenTheFutureCompletes_underTheCallersSpan() throws Exception {
    fixture().api().enqueue(FakeReply.text("later").delayedBy(Duration.ofMillis(300)));
    LiveSpan agent = Tracelight.startDetachedSpan("agent", SpanType.AGENT);
    CompletableFuture<Message> future;
    try (var ignored = agent.makeCurrent()) {
      future = fixture().asyncClient().messages().create(AnthropicFixtures.hello());
    }
    assertThat(future).isNotDone();
    Message message = future.get(10, TimeUnit.SECONDS);
    Thread.sleep(50); // the span ends on the completing thread, right after the caller's future
    agent.end();

    Trace trace = Tracelight.getTrace(agent.traceId()).orElseThrow();
    assertThat(trace.data().spans()).extracting(Span::name).containsExactly("agent", "AsyncMessages.create");
    Span call = trace.data().spans().get(1);
    assertThat(call.parentSpanId()).isEqualTo(agent.spanId());
    assertThat(((Map<?, ?>) call.outputs()).get("id")).isEqualTo(message.id());
  }

  @Test
  void tenConcurrentAsyncCalls_landInTenTraces() throws Exception {
    Map<String, String> traceOfMessage = new java.util.concurrent.ConcurrentHashMap<>();
    Tracelight.configure(dev.tracelight.tracing.TracelightConfig.builder()
        .addSpanProcessor(span -> {
          if (span.outputs() instanceof Map && span.parentSpanId() == null) {
            traceOfMessage.put(String.valueOf(((Map<?, ?>) span.outputs()).get("id")), span.traceId());
          }
          return span;
        }).build());
    try {
      List<CompletableFuture<Message>> calls = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        calls.add(fixture().asyncClient().messages().create(AnthropicFixtures.hello()));
      }
      Set<String> messageIds = new HashSet<>();
      for (CompletableFuture<Message> call : calls) {
        messageIds.add(call.get(10, TimeUnit.SECONDS).id());
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!traceOfMessage.keySet().containsAll(messageIds) && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(traceOfMessage.keySet()).containsAll(messageIds);
      Set<String> traces = new HashSet<>();
      messageIds.forEach(id -> traces.add(traceOfMessage.get(id)));
      assertThat(traces).hasSize(10);
      for (String traceId : traces) {
        // the processor sees a trace just before it is kept: wait for it to be readable
        while (Tracelight.getTrace(traceId).isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        assertThat(Tracelight.getTrace(traceId).orElseThrow().data().spans()).hasSize(1);
      }
    } finally {
      Tracelight.configure(dev.tracelight.tracing.TracelightConfig.defaults());
    }
  }

  @Test
  void stream_fullyConsumed_recordsTheAccumulatedMessage() throws Exception {
    fixture().api().enqueue(toolAndCacheReply());
    MessageAccumulator accumulator = MessageAccumulator.create();

    Trace trace = traceOf(() -> {
      try (StreamResponse<RawMessageStreamEvent> stream =
          fixture().client().messages().createStreaming(AnthropicFixtures.hello())) {
        stream.stream().forEach(accumulator::accumulate);
      }
    });

    Span span = only(trace);
    assertThat(span.name()).isEqualTo("Messages.createStreaming");
    assertThat(span.spanType()).isEqualTo(SpanType.CHAT_MODEL);
    assertThat(span.attributeJson("mlflow.spanOutputs"))
        .isEqualTo(Json.write(Json.mapper(), accumulator.message()));
    assertThat(span.attribute("mlflow.chat.tokenUsage")).isEqualTo(Map.of(
        "input_tokens", 20L, "output_tokens", 15L, "total_tokens", 35L,
        "cache_creation_input_tokens", 3L, "cache_read_input_tokens", 4L));
    assertThat(span.attribute("anthropic.tool_use")).isEqualTo(List.of("get_weather"));
    assertThat((Double) span.attribute("gen_ai.response.time_to_first_chunk")).isPositive();
    assertThat(span.attribute("anthropic.stream.incomplete")).isNull();
    assertThat(span.attribute("gen_ai.request.stream")).isEqualTo(true);
  }

  @Test
  @SuppressWarnings("unchecked")
  void stream_closedAfterTwoEvents_isIncomplete_withWhatArrived() throws Exception {
    fixture().api().enqueue(FakeReply.text("a long answer that will not be read").withEventDelay(Duration.ofMillis(5)));

    Trace trace = traceOf(() -> {
      try (StreamResponse<RawMessageStreamEvent> stream =
          fixture().client().messages().createStreaming(AnthropicFixtures.hello())) {
        Iterator<RawMessageStreamEvent> events = stream.iterator();
        events.next();
        events.next();
      }
    });

    Span span = only(trace);
    assertThat(span.attribute("anthropic.stream.incomplete")).isEqualTo(true);
    assertThat(span.attribute("anthropic.stream.events")).isEqualTo(2L);
    Map<String, Object> outputs = (Map<String, Object>) span.outputs();
    assertThat((String) outputs.get("id")).startsWith("msg_");
    assertThat(span.status().name()).isEqualTo("OK");
  }

  @Test
  void midStreamError_isAnErrorSpan_andTheCallerSeesTheSdkException() throws Exception {
    fixture().api().enqueue(FakeReply.text("partial answer then trouble")
        .withStreamError(4, "overloaded_error", "Overloaded"));
    List<Throwable> thrown = new ArrayList<>();

    Trace trace = traceOf(() -> {
      try (StreamResponse<RawMessageStreamEvent> stream =
          fixture().client().messages().createStreaming(AnthropicFixtures.hello())) {
        assertThatThrownBy(() -> stream.stream().forEach(e -> { }))
            .satisfies(thrown::add).hasMessageContaining("Overloaded");
      }
    });

    Span span = only(trace);
    assertThat(span.status().name()).isEqualTo("ERROR");
    assertThat(span.events().get(0).attributes().get("exception.type"))
        .isEqualTo(thrown.get(0).getClass().getName());
    assertThat(span.attribute("anthropic.stream.incomplete")).isEqualTo(true);
  }

  @Test
  void asyncStream_isRecordedWhenItCompletes() throws Exception {
    fixture().api().enqueue(toolAndCacheReply());
    MessageAccumulator accumulator = MessageAccumulator.create();

    Trace trace = traceOf(() -> {
      AsyncStreamResponse<RawMessageStreamEvent> stream =
          fixture().asyncClient().messages().createStreaming(AnthropicFixtures.hello());
      stream.subscribe(accumulator::accumulate).onCompleteFuture().get(10, TimeUnit.SECONDS);
    });

    Span span = only(trace);
    assertThat(span.name()).isEqualTo("AsyncMessages.createStreaming");
    assertThat(span.attributeJson("mlflow.spanOutputs"))
        .isEqualTo(Json.write(Json.mapper(), accumulator.message()));
    assertThat(span.attribute("anthropic.tool_use")).isEqualTo(List.of("get_weather"));
  }
  /**
   * An async stream's callbacks run on the SDK's stream thread; they must see the span that was
   * current when {@code createStreaming} was called, as code after a blocking call would.
   */
  @Test
  void asyncStream_handlerAndCompletionCallbacks_runUnderTheCallersSpan() throws Exception {
    fixture().api().enqueue(toolAndCacheReply());
    MessageAccumulator accumulator = MessageAccumulator.create();
    LiveSpan caller = Tracelight.startDetachedSpan("caller", SpanType.AGENT);
    AsyncStreamResponse<RawMessageStreamEvent> stream;
    try (var ignored = caller.makeCurrent()) {
      stream = fixture().asyncClient().messages().createStreaming(AnthropicFixtures.hello());
    }
    // Registered before subscribing, so it runs when the stream completes, on the stream's thread.
    CompletableFuture<Void> afterStream = stream.onCompleteFuture()
        .thenRun(() -> Tracelight.startSpan("afterStream", SpanType.UNKNOWN).close());
    CallbackSpans callbacks = new CallbackSpans();
    stream.subscribe(new AsyncStreamResponse.Handler<RawMessageStreamEvent>() {
      @Override
      public void onNext(RawMessageStreamEvent event) {
        callbacks.onNext(event);
        accumulator.accumulate(event);
      }

      @Override
      public void onComplete(Optional<Throwable> error) {
        callbacks.onComplete(error);
      }
    });
    afterStream.get(10, TimeUnit.SECONDS);
    caller.end();

    assertThat(callbacks.currentSpanIds).isNotEmpty().containsOnly(caller.spanId());
    List<Span> spans = awaitSpans(caller.traceId(), 5);
    assertThat(spans).extracting(Span::name).containsExactlyInAnyOrder(
        "caller", "AsyncMessages.createStreaming", "onNext", "onComplete", "afterStream");
    assertThat(spans).filteredOn(s -> !s.name().equals("caller"))
        .allSatisfy(s -> assertThat(s.parentSpanId()).as(s.name()).isEqualTo(caller.spanId()));
    Span call = spans.stream().filter(s -> s.name().equals("AsyncMessages.createStreaming"))
        .findFirst().orElseThrow();
    assertThat(call.attributeJson("mlflow.spanOutputs"))
        .isEqualTo(Json.write(Json.mapper(), accumulator.message()));
    assertThat(call.attribute("anthropic.tool_use")).isEqualTo(List.of("get_weather"));
    assertThat(call.attribute("anthropic.stream.incomplete")).isNull();
  }

  @Test
  void asyncStream_handlerThrows_streamFailsWithThatException_asWithoutTracing() throws Exception {
    fixture().api().enqueue(FakeReply.text("an answer in several events"));
    RuntimeException boom = new IllegalStateException("handler failed");
    List<RawMessageStreamEvent> received = new CopyOnWriteArrayList<>();
    List<Optional<Throwable>> completions = new CopyOnWriteArrayList<>();
    LiveSpan caller = Tracelight.startDetachedSpan("caller", SpanType.AGENT);
    AsyncStreamResponse<RawMessageStreamEvent> stream;
    try (var ignored = caller.makeCurrent()) {
      stream = fixture().asyncClient().messages().createStreaming(AnthropicFixtures.hello());
    }
    CompletableFuture<Throwable> outcome = stream.onCompleteFuture().handle((v, error) -> error);
    AsyncStreamResponse<RawMessageStreamEvent> subscribed =
        stream.subscribe(new AsyncStreamResponse.Handler<RawMessageStreamEvent>() {
          @Override
          public void onNext(RawMessageStreamEvent event) {
            received.add(event);
            if (received.size() == 2) {
              throw boom;
            }
          }

          @Override
          public void onComplete(Optional<Throwable> error) {
            completions.add(error);
          }
        });

    assertThat(subscribed).isSameAs(stream);
    assertThat(outcome.get(10, TimeUnit.SECONDS)).isSameAs(boom);
    assertThatThrownBy(() -> stream.onCompleteFuture().get()).hasCause(boom);
    assertThat(received).hasSize(2);
    assertThat(received.get(0).isMessageStart()).isTrue();
    assertThat(completions).containsExactly(Optional.of(boom));
    assertThatThrownBy(() -> stream.subscribe(event -> { }))
        .isInstanceOf(IllegalStateException.class);
    caller.end();
  }

  @Test
  void twentyConcurrentAsyncStreams_keepEachCallbackInItsCallersTrace() throws Exception {
    int streams = 20;
    for (int i = 0; i < streams; i++) {
      fixture().api().enqueue(FakeReply.text("answer " + i).withEventDelay(Duration.ofMillis(2)));
    }
    List<LiveSpan> callers = new ArrayList<>();
    List<CallbackSpans> callbacks = new ArrayList<>();
    List<MessageAccumulator> accumulators = new ArrayList<>();
    List<CompletableFuture<Void>> done = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      LiveSpan caller = Tracelight.startDetachedSpan("caller " + i, SpanType.AGENT);
      CallbackSpans spans = new CallbackSpans();
      MessageAccumulator accumulator = MessageAccumulator.create();
      try (var ignored = caller.makeCurrent()) {
        AsyncStreamResponse<RawMessageStreamEvent> stream =
            fixture().asyncClient().messages().createStreaming(AnthropicFixtures.hello());
        done.add(stream.onCompleteFuture()
            .thenRun(() -> Tracelight.startSpan("afterStream", SpanType.UNKNOWN).close()));
        stream.subscribe(new AsyncStreamResponse.Handler<RawMessageStreamEvent>() {
          @Override
          public void onNext(RawMessageStreamEvent event) {
            spans.onNext(event);
            accumulator.accumulate(event);
          }

          @Override
          public void onComplete(Optional<Throwable> error) {
            spans.onComplete(error);
          }
        });
      }
      callers.add(caller);
      callbacks.add(spans);
      accumulators.add(accumulator);
    }
    for (int i = 0; i < streams; i++) {
      done.get(i).get(10, TimeUnit.SECONDS);
      callers.get(i).end();
    }

    for (int i = 0; i < streams; i++) {
      LiveSpan caller = callers.get(i);
      String callerName = "caller " + i;
      assertThat(callbacks.get(i).currentSpanIds).as("caller %d", i)
          .isNotEmpty().containsOnly(caller.spanId());
      List<Span> spans = awaitSpans(caller.traceId(), 5);
      assertThat(spans).extracting(Span::name).as("caller %d", i).containsExactlyInAnyOrder(
          callerName, "AsyncMessages.createStreaming", "onNext", "onComplete", "afterStream");
      assertThat(spans).filteredOn(s -> !s.name().equals(callerName))
          .allSatisfy(s -> assertThat(s.parentSpanId()).isEqualTo(caller.spanId()));
      Span call = spans.stream().filter(s -> s.name().equals("AsyncMessages.createStreaming"))
          .findFirst().orElseThrow();
      assertThat(call.attributeJson("mlflow.spanOutputs"))
          .isEqualTo(Json.write(Json.mapper(), accumulators.get(i).message()));
    }
  }

  /** What a subscriber saw of the current span, and the spans it started, from its callbacks. */
  private static final class CallbackSpans {
    final List<String> currentSpanIds = new CopyOnWriteArrayList<>();
    private boolean first = true;

    void onNext(RawMessageStreamEvent event) {
      currentSpanIds.add(Tracelight.currentSpan().spanId());
      if (first) {
        first = false;
        Tracelight.startSpan("onNext", SpanType.UNKNOWN).close();
      }
    }

    void onComplete(Optional<Throwable> error) {
      currentSpanIds.add(Tracelight.currentSpan().spanId());
      Tracelight.startSpan("onComplete", SpanType.UNKNOWN).close();
    }
  }

  /** The spans of a trace once it has {@code count} of them (spans may end on other threads). */
  private static List<Span> awaitSpans(String traceId, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      Trace trace = Tracelight.getTrace(traceId).orElse(null);
      if (trace != null && trace.data().spans().size() >= count) {
        return trace.data().spans();
      }
      Thread.sleep(5);
    }
    return Tracelight.getTrace(traceId).map(t -> t.data().spans()).orElse(List.of());
  }
}
