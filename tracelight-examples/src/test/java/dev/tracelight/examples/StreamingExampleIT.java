package dev.tracelight.examples;

import static dev.tracelight.examples.ServerRest.attribute;
import static dev.tracelight.examples.ServerRest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelight.tracing.Span;
import dev.tracelight.tracing.SpanType;
import dev.tracelight.tracing.Trace;
import dev.tracelight.tracing.Tracelight;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming: the text is printed delta by delta, and one {@code Messages.createStreaming} span
 * holds the whole message the events add up to, with its usage.
 */
class StreamingExampleIT {
  private static final String ANSWER = "Hello! You said: Stream me a short greeting, Claude";
  @TempDir static Path dir;
  private static ExampleEnvironment env;

  @BeforeAll
  static void start() {
    env = ExampleEnvironment.start(dir);
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  @Test
  void stream_printsDeltas_andIsOneSpanWithTheFullText() throws Exception {
    Printed out = new Printed();

    String traceId = StreamingExample.run(env.url(), out);
    assertThat(Tracelight.flush(ExampleEnvironment.FLUSH)).isTrue();

    assertThat(env.api.lastRequest().json().path("stream").asBoolean()).isTrue();
    // The fake streams text in deltas of 8 characters; each was printed as it came.
    assertThat(out.prints()).contains("Hello! Y", "ou said:");
    Trace trace = Tracelight.getTrace(traceId).orElseThrow();
    assertThat(trace.data().spans()).hasSize(1);
    Span span = trace.data().spans().get(0);
    assertThat(span.name()).isEqualTo("Messages.createStreaming");
    assertThat(span.spanType()).isEqualTo(SpanType.CHAT_MODEL);
    assertThat(StreamingExample.text(span.outputs())).isEqualTo(ANSWER);
    Map<?, ?> usage = (Map<?, ?>) span.attribute("mlflow.chat.tokenUsage");
    assertThat(out.lines()).containsExactly(
        "Claude (streamed): " + ANSWER,
        "Span Messages.createStreaming output: " + ANSWER,
        "Span Messages.createStreaming usage: " + usage);
    assertThat(((Number) usage.get("output_tokens")).longValue()).isEqualTo(13); // 51 characters
    assertThat(trace.info().tokenUsage().toMap()).isEqualTo(usage);

    JsonNode spans = env.rest.traceWithSpans(traceId).path("spans");
    assertThat(spans).hasSize(1);
    assertThat(spans.get(0).path("name").asText()).isEqualTo("Messages.createStreaming");
    assertThat(attribute(spans.get(0), "mlflow.spanType")).isEqualTo("\"CHAT_MODEL\"");
    JsonNode outputs = parse(attribute(spans.get(0), "mlflow.spanOutputs"));
    assertThat(outputs.path("content")).hasSize(1);
    assertThat(outputs.path("content").get(0).path("text").asText()).isEqualTo(ANSWER);
    assertThat(outputs.path("stop_reason").asText()).isEqualTo("end_turn");
    assertThat(parse(attribute(spans.get(0), "mlflow.chat.tokenUsage")).path("output_tokens")
        .asLong()).isEqualTo(13);
    assertThat(ServerRest.experimentOf(env.rest.traceInfo(traceId)))
        .isEqualTo(env.anthropicExperimentId());
  }
}
