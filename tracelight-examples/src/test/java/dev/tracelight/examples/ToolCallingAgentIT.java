package dev.tracelight.examples;

import static dev.tracelight.examples.ServerRest.attribute;
import static dev.tracelight.examples.ServerRest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelight.tracing.Span;
import dev.tracelight.tracing.SpanType;
import dev.tracelight.tracing.TokenUsage;
import dev.tracelight.tracing.Trace;
import dev.tracelight.tracing.Tracelight;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's tool-calling agent against simulated Claude: three questions at once, three traces,
 * each an AGENT root ({@code runToolAgent}) with CHAT_MODEL, TOOL ({@code getWeather}) and
 * CHAT_MODEL children, each about its own city only.
 */
class ToolCallingAgentIT {
  @TempDir static Path dir;
  private static ExampleEnvironment env;
  private static Printed out;
  private static List<ToolCallingAgent.Run> runs;

  @BeforeAll
  static void runTheAgent() throws Exception {
    env = ExampleEnvironment.start(dir);
    out = new Printed();
    runs = ToolCallingAgent.run(env.url(), out);
    assertThat(Tracelight.flush(ExampleEnvironment.FLUSH)).isTrue();
  }

  @AfterAll
  static void stop() {
    Tracelight.autolog(false);
    env.close();
  }

  @Test
  void answersEachCity_fromItsToolResult_andPrintsThem() {
    assertThat(runs).extracting(ToolCallingAgent.Run::city)
        .containsExactly("Tokyo", "Paris", "Sydney");
    assertThat(runs).extracting(ToolCallingAgent.Run::answer).containsExactly(
        "The weather in Tokyo is sunny today.",
        "The weather in Paris is rainy today.",
        SimulatedClaude.answer("Sydney", "unknown"));
    assertThat(out.lines()).containsExactly(
        "Tokyo: The weather in Tokyo is sunny today.",
        "Paris: The weather in Paris is rainy today.",
        "Sydney: " + SimulatedClaude.answer("Sydney", "unknown"));
    assertThat(env.api.requestCount()).isEqualTo(6); // two model calls per question
  }

  @Test
  void eachQuestion_isOneAgentTrace_withChatToolChatChildren() {
    assertThat(runs).extracting(ToolCallingAgent.Run::traceId).doesNotHaveDuplicates()
        .allMatch(id -> id.startsWith("tr-"));
    for (ToolCallingAgent.Run run : runs) {
      Trace trace = Tracelight.getTrace(run.traceId()).orElseThrow();
      List<Span> spans = trace.data().spans();
      assertThat(spans).hasSize(4);
      Span root = trace.data().rootSpan().orElseThrow();
      assertThat(root.name()).isEqualTo("runToolAgent");
      assertThat(root.spanType()).isEqualTo(SpanType.AGENT);
      assertThat(root.inputs())
          .isEqualTo(Map.of("question", "What's the weather like in " + run.city() + " today?"));
      assertThat(root.outputs()).isEqualTo(run.answer());

      List<Span> children = new ArrayList<>(spans);
      children.remove(root);
      assertThat(children).allMatch(span -> root.spanId().equals(span.parentSpanId()));
      assertThat(children).extracting(Span::name)
          .containsExactly("Messages.create", "getWeather", "Messages.create");
      assertThat(children).extracting(Span::spanType)
          .containsExactly(SpanType.CHAT_MODEL, SpanType.TOOL, SpanType.CHAT_MODEL);
      Span tool = children.get(1);
      assertThat(tool.inputs()).isEqualTo(Map.of("city", run.city()));
      assertThat(tool.outputs()).isEqualTo(weather(run.city()));
      assertThat(String.valueOf(children.get(2).inputs())).contains("tool_result");

      // Only the model calls report usage; the trace total is their sum.
      assertThat(root.attribute(USAGE)).isNull();
      assertThat(tool.attribute(USAGE)).isNull();
      Map<?, ?> first = (Map<?, ?>) children.get(0).attribute(USAGE);
      Map<?, ?> second = (Map<?, ?>) children.get(2).attribute(USAGE);
      assertThat(trace.info().tokenUsage()).isEqualTo(TokenUsage.create(
          tokens(first, "input_tokens") + tokens(second, "input_tokens"),
          tokens(first, "output_tokens") + tokens(second, "output_tokens")));
      assertOnlyCity(trace, run.city());
    }
  }

  @Test
  void eachAgentTrace_readThroughTheRestApi_hasTheSameShape() throws Exception {
    String experimentId = env.anthropicExperimentId();
    assertThat(env.rest.traceCount(experimentId)).isEqualTo(3);
    for (ToolCallingAgent.Run run : runs) {
      JsonNode trace = env.rest.traceWithSpans(run.traceId());
      JsonNode info = trace.path("trace_info");
      assertThat(ServerRest.experimentOf(info)).isEqualTo(experimentId);
      assertThat(info.path("tags").path("mlflow.traceName").asText()).isEqualTo("runToolAgent");
      assertThat(info.path("response_preview").asText()).contains(run.city());

      JsonNode spans = trace.path("spans");
      assertThat(spans).hasSize(4);
      JsonNode root = null;
      List<String> children = new ArrayList<>();
      JsonNode tool = null;
      for (JsonNode span : spans) {
        if (span.path("parent_span_id").asText().isEmpty()) {
          root = span;
        } else {
          children.add(span.path("name").asText() + " " + attribute(span, "mlflow.spanType"));
          if (span.path("name").asText().equals("getWeather")) {
            tool = span;
          }
        }
      }
      assertThat(root).isNotNull();
      assertThat(root.path("name").asText()).isEqualTo("runToolAgent");
      assertThat(attribute(root, "mlflow.spanType")).isEqualTo("\"AGENT\"");
      assertThat(parse(attribute(root, "mlflow.spanOutputs")).asText()).isEqualTo(run.answer());
      for (JsonNode span : spans) {
        if (span != root) {
          assertThat(span.path("parent_span_id").asText()).isEqualTo(root.path("span_id").asText());
        }
      }
      assertThat(children).containsExactly("Messages.create \"CHAT_MODEL\"",
          "getWeather \"TOOL\"", "Messages.create \"CHAT_MODEL\"");
      assertThat(parse(attribute(tool, "mlflow.spanInputs")))
          .isEqualTo(parse("{\"city\": \"" + run.city() + "\"}"));
      assertThat(parse(attribute(tool, "mlflow.spanOutputs")).asText())
          .isEqualTo(weather(run.city()));
      assertThat(trace.toString()).doesNotContain("sk-ant-examples-SECRET");
    }
  }

  private static final String USAGE = "mlflow.chat.tokenUsage";

  private static long tokens(Map<?, ?> usage, String key) {
    return ((Number) usage.get(key)).longValue();
  }

  private static String weather(String city) {
    return Map.of("Tokyo", "sunny", "Paris", "rainy").getOrDefault(city, "unknown");
  }

  /** No span of a city's trace mentions another city: concurrent runs kept their spans apart. */
  private static void assertOnlyCity(Trace trace, String city) {
    for (Span span : trace.data().spans()) {
      String text = String.valueOf(span.inputs()) + span.outputs();
      for (String other : ToolCallingAgent.CITIES) {
        if (!other.equals(city)) {
          assertThat(text).as("%s in the trace of %s", span.name(), city).doesNotContain(other);
        }
      }
    }
  }
}
