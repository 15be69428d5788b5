package dev.tracelight.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import dev.tracelight.testkit.FakeAnthropicApi;
import dev.tracelight.tracing.Span;
import dev.tracelight.tracing.SpanType;
import dev.tracelight.tracing.Trace;
import dev.tracelight.tracing.TraceData;
import dev.tracelight.tracing.Tracelight;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guide's tool-calling agent for many cities at once: each run is its own trace, an AGENT root
 * with CHAT_MODEL, TOOL and CHAT_MODEL children, and no span lands in another city's trace.
 */
class ConcurrentAgentsIT {
  private static final int AGENTS = 40;
  private static FakeAnthropicApi api;
  private static ExecutorService pool;

  @BeforeAll
  static void start() {
    api = FakeAnthropicApi.start();
    api.responder(WeatherAgent::reply);
    pool = Executors.newFixedThreadPool(8);
  }

  @AfterAll
  static void stop() {
    AnthropicTracing.disable();
    pool.shutdownNow();
    api.close();
  }

  private static List<String> cities() {
    return IntStream.range(0, AGENTS).mapToObj(i -> "City" + i).collect(Collectors.toList());
  }

  @Test
  void blockingAgents_withAutolog_eachGetTheirOwnTrace() throws Exception {
    assertThat(AnthropicTracing.autolog()).isTrue();
    AnthropicClient client = AnthropicFixtures.client(api);
    List<Future<WeatherAgent.Run>> runs = new ArrayList<>();
    for (String city : cities()) {
      runs.add(pool.submit(() -> WeatherAgent.run(client, city)));
    }
    List<WeatherAgent.Run> done = new ArrayList<>();
    for (Future<WeatherAgent.Run> run : runs) {
      done.add(run.get(30, TimeUnit.SECONDS));
    }
    AnthropicTracing.disable();
    assertOneTracePerCity(done);
  }

  @Test
  void asyncAgents_withWrap_keepCallbacksInTheirTrace() throws Exception {
    AnthropicTracing.disable();
    AnthropicClientAsync client = AnthropicTracing.wrap(AnthropicFixtures.asyncClient(api));
    runAsyncAgents(client);
  }

  @Test
  void asyncAgents_withAutolog_keepCallbacksInTheirTrace() throws Exception {
    assertThat(AnthropicTracing.autolog()).isTrue();
    try {
      runAsyncAgents(AnthropicFixtures.asyncClient(api));
    } finally {
      AnthropicTracing.disable();
    }
  }

  private static void runAsyncAgents(AnthropicClientAsync client) throws Exception {
    List<CompletableFuture<WeatherAgent.Run>> runs = new ArrayList<>();
    for (String city : cities()) {
      runs.add(WeatherAgent.runAsync(client, city));
    }
    List<WeatherAgent.Run> done = new ArrayList<>();
    for (CompletableFuture<WeatherAgent.Run> run : runs) {
      done.add(run.get(30, TimeUnit.SECONDS));
    }
    assertOneTracePerCity(done);
  }

  /** Each run's trace has the agent's shape and mentions no city but its own. */
  private static void assertOneTracePerCity(List<WeatherAgent.Run> runs) throws InterruptedException {
    assertThat(runs).extracting(r -> r.traceId).doesNotHaveDuplicates();
    for (int i = 0; i < runs.size(); i++) {
      String city = "City" + i;
      WeatherAgent.Run run = runs.get(i);
      assertThat(run.answer).isEqualTo("The weather is sunny in " + city);
      TraceData data = awaitComplete(run.traceId).data();
      Span root = data.spans().get(0);
      assertThat(root.spanType()).isEqualTo(SpanType.AGENT);
      List<Span> children = data.spans().subList(1, 4);
      assertThat(children).extracting(Span::spanType)
          .containsExactly(SpanType.CHAT_MODEL, SpanType.TOOL, SpanType.CHAT_MODEL);
      assertThat(children).allMatch(s -> root.spanId().equals(s.parentSpanId()));
      for (Span span : data.spans()) {
        Matcher cities = CITY.matcher(String.valueOf(span.inputs()) + span.outputs());
        while (cities.find()) {
          assertThat(cities.group()).as("%s in the trace of %s", span.name(), city).isEqualTo(city);
        }
      }
    }
  }

  private static final Pattern CITY = Pattern.compile("City\\d+");

  /** An async agent's trace finishes on an SDK thread, just after the caller's future. */
  private static Trace awaitComplete(String traceId) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      Trace trace = Tracelight.getTrace(traceId).orElse(null);
      if (trace != null && trace.data().spans().size() == 4) {
        return trace;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("trace " + traceId + " did not complete with 4 spans: "
        + Tracelight.getTrace(traceId).map(t -> t.data().spans()).orElse(null));
  }
}
