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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The async example: one {@code AsyncMessages.create} CHAT_MODEL trace, in process and on
 * the server.
 */
class AsyncExampleIT {
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
  void asyncCall_isOneAsyncMessagesCreateTrace_inTheAnthropicExperiment() throws Exception {
    Printed out = new Printed();

    String traceId = AsyncExample.run(env.url(), out);
    assertThat(Tracelight.flush(ExampleEnvironment.FLUSH)).isTrue();

    String answer = "Hello! You said: Hello from the async client, Claude";
    assertThat(out.lines())
        .containsExactly("Claude: " + answer, "  span AsyncMessages.create (CHAT_MODEL)");

    Trace trace = Tracelight.getTrace(traceId).orElseThrow();
    assertThat(trace.data().spans()).hasSize(1);
    Span span = trace.data().spans().get(0);
    assertThat(span.name()).isEqualTo("AsyncMessages.create");
    assertThat(span.spanType()).isEqualTo(SpanType.CHAT_MODEL);
    assertThat(String.valueOf(span.outputs())).contains(answer);
    assertThat(trace.info().tokenUsage().totalTokens()).isPositive();

    JsonNode info = env.rest.traceInfo(traceId);
    assertThat(ServerRest.experimentOf(info)).isEqualTo(env.anthropicExperimentId());
    assertThat(info.path("state").asText()).isEqualTo("OK");
    JsonNode spans = env.rest.traceWithSpans(traceId).path("spans");
    assertThat(spans).hasSize(1);
    assertThat(spans.get(0).path("name").asText()).isEqualTo("AsyncMessages.create");
    assertThat(attribute(spans.get(0), "mlflow.spanType")).isEqualTo("\"CHAT_MODEL\"");
    assertThat(parse(attribute(spans.get(0), "mlflow.spanInputs")).path("messages").get(0)
        .path("content").asText()).isEqualTo("Hello from the async client, Claude");
    assertThat(parse(attribute(spans.get(0), "mlflow.spanOutputs")).path("content").get(0)
        .path("text").asText()).isEqualTo(answer);
  }
}
