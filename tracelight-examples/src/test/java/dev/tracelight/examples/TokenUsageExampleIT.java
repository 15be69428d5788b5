package dev.tracelight.examples;

import static dev.tracelight.examples.ServerRest.attribute;
import static dev.tracelight.examples.ServerRest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelight.tracing.Span;
import dev.tracelight.tracing.TokenUsage;
import dev.tracelight.tracing.Trace;
import dev.tracelight.tracing.Tracelight;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token report: the printed lines are the trace's usage, in process and on the server. */
class TokenUsageExampleIT {
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
  void report_printsTheTracesUsage_thenEachSpans() throws Exception {
    Printed out = new Printed();

    String traceId = TokenUsageExample.run(env.url(), out);
    assertThat(Tracelight.flush(ExampleEnvironment.FLUSH)).isTrue();

    // The fake estimates one token per started 4 characters: the 39-character question is 10
    // input tokens, the 56-character echo "Hello! You said: <question>" 14 output tokens.
    TokenUsage expected = TokenUsage.create(10, 14);
    Trace trace = Tracelight.getTrace(traceId).orElseThrow();
    assertThat(trace.info().tokenUsage()).isEqualTo(expected);
    Span span = trace.data().spans().get(0);
    assertThat(span.attribute("mlflow.chat.tokenUsage")).isEqualTo(expected.toMap());
    assertThat(out.lines()).containsExactly(
        "Input tokens: 10",
        "Output tokens: 14",
        "Total tokens: 24",
        "Messages.create: {input_tokens=10, output_tokens=14, total_tokens=24}");

    JsonNode usage = parse("{\"input_tokens\":10,\"output_tokens\":14,\"total_tokens\":24}");
    assertThat(parse(env.rest.traceInfo(traceId).path("trace_metadata")
        .path("mlflow.trace.tokenUsage").asText())).isEqualTo(usage);
    JsonNode restSpan = env.rest.traceWithSpans(traceId).path("spans").get(0);
    assertThat(restSpan.path("name").asText()).isEqualTo("Messages.create");
    assertThat(parse(attribute(restSpan, "mlflow.chat.tokenUsage"))).isEqualTo(usage);
    // The usage the fake API reported on the wire is what the span recorded.
    JsonNode wire = parse(attribute(restSpan, "mlflow.spanOutputs")).path("usage");
    assertThat(wire.path("input_tokens").asLong()).isEqualTo(10);
    assertThat(wire.path("output_tokens").asLong()).isEqualTo(14);
  }
}
