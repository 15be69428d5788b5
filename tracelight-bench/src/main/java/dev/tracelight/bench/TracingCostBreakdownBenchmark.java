package dev.tracelight.bench;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.ObjectMappers;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.services.blocking.MessageService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tracelight.anthropic.AnthropicTracing;
import dev.tracelight.tracing.LiveSpan;
import dev.tracelight.tracing.SpanAttributeKey;
import dev.tracelight.tracing.SpanType;
import dev.tracelight.tracing.TokenUsage;
import dev.tracelight.tracing.Tracelight;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The parts of what tracing adds to one {@code create}, each alone, to see which dominates: the
 * two JSON serializations the recorder does (request body, {@code Message}), the span and trace
 * machinery of {@code tracelight-core} with and without the ~10 KB of inputs and outputs, and the
 * proxy {@code wrap(client).messages()} makes on every call. These do what
 * {@code AnthropicSpanRecorder} does through public API; they add up to about the traced modes'
 * difference in {@link MessagesCreateBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TracingCostBreakdownBenchmark {
  private final JsonMapper mapper = ObjectMappers.jsonMapper();
  private MessageCreateParams params;
  private Message message;
  private String requestJson;
  private String messageJson;
  private TokenUsage usage;
  private AnthropicClient wrapped;

  @Setup(Level.Trial)
  public void setUp() throws JsonProcessingException {
    Tracelight.setTrackingUri(null);
    AnthropicClient client = InProcessAnthropicTransport.newClient();
    params = CannedExchange.params();
    message = client.messages().create(params);
    requestJson = mapper.writeValueAsString(params._body());
    messageJson = mapper.writeValueAsString(message);
    usage = TokenUsage.create(
        CannedExchange.INPUT_TOKENS,
        CannedExchange.OUTPUT_TOKENS,
        CannedExchange.CACHE_CREATION_INPUT_TOKENS,
        CannedExchange.CACHE_READ_INPUT_TOKENS);
    wrapped = AnthropicTracing.wrap(client);
  }

  /** The recorder's inputs: {@code writeValueAsString(params._body())}, ~5 KB. */
  @Benchmark
  public String serializeRequest() throws JsonProcessingException {
    return mapper.writeValueAsString(params._body());
  }

  /** The recorder's outputs: {@code writeValueAsString(message)}, ~5 KB. */
  @Benchmark
  public String serializeMessage() throws JsonProcessingException {
    return mapper.writeValueAsString(message);
  }

  /** A one-span trace with no attributes: start, end, assembly, recent-trace cache. */
  @Benchmark
  public LiveSpan emptySpan() {
    LiveSpan span = Tracelight.startDetachedSpan("Messages.create", SpanType.CHAT_MODEL);
    span.end();
    return span;
  }

  /**
   * A one-span trace with the attributes the recorder sets, from JSON already serialized: what
   * {@code tracelight-core} costs for ~10 KB of inputs and outputs.
   */
  @Benchmark
  public LiveSpan spanWithRecordedAttributes() {
    LiveSpan span = Tracelight.startDetachedSpan("Messages.create", SpanType.CHAT_MODEL);
    span.setAttributeJson(SpanAttributeKey.MESSAGE_FORMAT, "\"anthropic\"");
    span.setAttribute(SpanAttributeKey.MODEL_PROVIDER, "anthropic");
    span.setInputsJson(requestJson);
    span.setAttribute(SpanAttributeKey.MODEL, CannedExchange.MODEL);
    span.setAttribute("gen_ai.request.model", CannedExchange.MODEL);
    span.setAttribute("gen_ai.request.max_tokens", 2_048L);
    span.setAttributeJson("gen_ai.request.temperature", "0.3");
    span.setOutputsJson(messageJson);
    span.setAttribute(SpanAttributeKey.CHAT_USAGE, usage.toMap());
    span.setAttribute("gen_ai.response.id", CannedExchange.MESSAGE_ID);
    span.setAttribute("gen_ai.response.model", CannedExchange.MODEL);
    span.setAttribute("gen_ai.response.finish_reasons", List.of("end_turn"));
    span.end();
    return span;
  }

  /** What {@code wrap(client)} adds before any recording: the proxy {@code messages()} returns. */
  @Benchmark
  public MessageService wrappedMessagesNavigation() {
    return wrapped.messages();
  }
}
