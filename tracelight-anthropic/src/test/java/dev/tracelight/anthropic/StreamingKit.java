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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
}
