package dev.tracelight.bench;

import com.anthropic.client.AnthropicClient;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
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

/**
 * {@code client.messages().create(params)} over the in-process transport, a ~10 KB exchange:
 * untraced, traced by {@code wrap(client)}, traced by {@code autolog()}. The difference between a
 * traced mode and {@code baseline} is what tracing adds to a call (span, request and response
 * serialization, trace assembly in memory); there is no network and no export.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MessagesCreateBenchmark {
  private static final String NAME = "MessagesCreateBenchmark";

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

    // One call before measuring: the reply parses, and a span is recorded exactly when it should.
    String before = TracingMode.lastTraceId();
    Message message = create();
    if (message.usage().cacheReadInputTokens().orElse(0L) != CannedExchange.CACHE_READ_INPUT_TOKENS
        || message.content().get(0).asText().text().length() < CannedExchange.REPLY_CHARS) {
      throw new IllegalStateException("unexpected reply: " + message);
    }
    boolean traced = TracingMode.traceFinishedSince(before);
    if (traced != tracing.traces()) {
      throw new IllegalStateException(
          mode + ": expected " + (tracing.traces() ? "a trace" : "no trace") + " per call, got "
              + (traced ? "one" : "none"));
    }
    TracingMode.report(NAME, tracing, traced ? "traced: " + TracingMode.describeLastTrace()
        : "not traced (as it should be)");
    traceIdAfterSetup = TracingMode.lastTraceId();
  }

  @Benchmark
  public Message create() {
    return client.messages().create(params);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    boolean traced = TracingMode.traceFinishedSince(traceIdAfterSetup);
    tracing.tearDown();
    TracingMode.requireNoExport();
    if (traced != tracing.traces()) {
      throw new IllegalStateException(mode + ": the measured calls recorded "
          + (traced ? "traces" : "no trace"));
    }
    TracingMode.report(NAME, tracing, "measured calls " + (traced ? "recorded" : "did not record")
        + " traces; nothing exported");
  }
}
