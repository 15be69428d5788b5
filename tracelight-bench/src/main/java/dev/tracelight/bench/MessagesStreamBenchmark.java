package dev.tracelight.bench;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code client.messages().createStreaming(params)}, every event read, then closed, over the
 * in-process transport (the same ~10 KB exchange as {@link MessagesCreateBenchmark}, as SSE):
 * untraced, {@code wrap(client)}, {@code autolog()}.
 *
 * <p>Whether streaming is traced depends on {@code tracelight-anthropic}: each fork reports it
 * ({@code [tracelight-bench] ... traced: ...} or {@code not traced}) rather than failing, so this
 * benchmark measures whatever the library does today and can be re-run unchanged once streaming
 * is traced.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MessagesStreamBenchmark {
  private static final String NAME = "MessagesStreamBenchmark";
  /** message_start, content_block_start, the deltas, content_block_stop, message_delta, _stop. */
  static final int EVENTS = CannedExchange.STREAM_DELTAS + 5;

  @Param({"baseline", "wrap", "autolog"})
  public String mode;

  private TracingMode tracing;
  private AnthropicClient client;
  private MessageCreateParams params;
  private String traceIdAfterSetup;

  @Setup(Level.Trial)
  public void setUp() {
    tracing = TracingMode.of(mode);
    client = tracing.setUp();
    params = CannedExchange.params();

    String before = TracingMode.lastTraceId();
    int events = consume(null);
    if (events != EVENTS) {
      throw new IllegalStateException("expected " + EVENTS + " stream events, got " + events);
    }
    boolean traced = TracingMode.traceFinishedSince(before);
    if (traced && !tracing.traces()) {
      throw new IllegalStateException(mode + ": the untraced stream recorded a trace");
    }
    TracingMode.report(NAME, tracing, traced ? "traced: " + TracingMode.describeLastTrace()
        : tracing.traces()
            ? "NOT traced: createStreaming records no span in this build of tracelight-anthropic"
            : "not traced (as it should be)");
    traceIdAfterSetup = TracingMode.lastTraceId();
  }

  @Benchmark
  public int createStreaming(Blackhole blackhole) {
    return consume(blackhole);
  }

  private int consume(Blackhole blackhole) {
    int events = 0;
    try (StreamResponse<RawMessageStreamEvent> stream =
        client.messages().createStreaming(params)) {
      for (RawMessageStreamEvent event : stream) {
        if (blackhole != null) {
          blackhole.consume(event);
        }
        events++;
      }
    }
    return events;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    boolean traced = TracingMode.traceFinishedSince(traceIdAfterSetup);
    tracing.tearDown();
    TracingMode.requireNoExport();
    if (traced && !tracing.traces()) {
      throw new IllegalStateException(mode + ": the untraced streams recorded traces");
    }
    TracingMode.report(NAME, tracing, "measured calls " + (traced ? "recorded" : "did not record")
        + " traces; nothing exported");
  }
}
