package dev.tracelight.server;

import static dev.tracelight.server.InstrumentedSpans.num;
import static dev.tracelight.server.InstrumentedSpans.random;
import static dev.tracelight.server.InstrumentedSpans.record;
import static dev.tracelight.server.InstrumentedSpans.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenAiSemconvConventionTest {
  final GenAiSemconvConvention convention = new GenAiSemconvConvention();

  Map<String, String> derive(Span.Builder span) {
    return convention.derive(new SpanAttributes(record(span).attributes()));
  }

  @Test
  void anthropicSdkChatSpan_chatModelWithMessagesAndCacheSplitUsage() {
    Map<String, String> d = derive(InstrumentedSpans.anthropicSdkChat(random(16)));

    assertThat(d).containsEntry("mlflow.spanType", "\"CHAT_MODEL\"")
        .containsEntry("mlflow.spanInputs", "[{\"role\":\"system\",\"parts\":[{\"type\":\"text\","
            + "\"content\":\"Answer in one sentence.\"}]},{\"role\":\"user\",\"parts\":[{\"type\":"
            + "\"text\",\"content\":\"What is the weather in Paris?\"}]}]")
        .containsEntry("mlflow.spanOutputs", "[{\"role\":\"assistant\",\"parts\":[{\"type\":"
            + "\"text\",\"content\":\"Let me check.\"},{\"type\":\"tool_call\",\"id\":\"toolu_01\","
            + "\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}],"
            + "\"finish_reason\":\"tool_use\"}]")
        // 24 reported = 12 fresh + 7 cache reads + 5 cache writes; MLflow counts the 12.
        .containsEntry("mlflow.chat.tokenUsage", "{\"input_tokens\":12,\"output_tokens\":30,"
            + "\"total_tokens\":42,\"cache_read_input_tokens\":7,"
            + "\"cache_creation_input_tokens\":5}")
        .containsEntry("mlflow.llm.model", "\"claude-sonnet-4-5-20250929\"")
        .containsEntry("mlflow.llm.provider", "\"anthropic\"")
        .containsEntry("mlflow.message.format", "\"anthropic\"");
  }

  @Test
  void openAiUsage_keptAsReported() {
    Map<String, String> d = derive(InstrumentedSpans.span(random(16), "chat gpt-4o")
        .addAttributes(str("gen_ai.operation.name", "chat"))
        .addAttributes(str("gen_ai.system", "openai"))
        .addAttributes(str("gen_ai.request.model", "gpt-4o"))
        .addAttributes(num("gen_ai.usage.input_tokens", 100))
        .addAttributes(num("gen_ai.usage.output_tokens", 20))
        .addAttributes(num("gen_ai.usage.cache_read.input_tokens", 40)));

    assertThat(d).containsEntry("mlflow.chat.tokenUsage", "{\"input_tokens\":100,"
            + "\"output_tokens\":20,\"total_tokens\":120,\"cache_read_input_tokens\":40}")
        .containsEntry("mlflow.message.format", "\"openai\"")
        .containsEntry("mlflow.llm.model", "\"gpt-4o\"");
  }

  @Test
  void anthropicInputAlreadyWithoutCache_notSubtractedBelowZero() {
    Map<String, String> d = derive(InstrumentedSpans.span(random(16), "chat")
        .addAttributes(str("gen_ai.provider.name", "anthropic"))
        .addAttributes(num("gen_ai.usage.input_tokens", 3))
        .addAttributes(num("gen_ai.usage.output_tokens", 9))
        .addAttributes(num("gen_ai.usage.cache_read.input_tokens", 1000)));

    assertThat(d.get("mlflow.chat.tokenUsage")).startsWith("{\"input_tokens\":3,");
  }

  @Test
  void toolAndAgentSpans_typedWithArgumentsAndResult() {
    assertThat(derive(InstrumentedSpans.span(random(16), "execute_tool get_weather")
        .addAttributes(str("gen_ai.operation.name", "execute_tool"))
        .addAttributes(str("gen_ai.tool.name", "get_weather"))
        .addAttributes(str("gen_ai.tool.call.arguments", "{\"city\":\"Paris\"}"))
        .addAttributes(str("gen_ai.tool.call.result", "{\"temp_c\":18}"))))
        .containsEntry("mlflow.spanType", "\"TOOL\"")
        .containsEntry("mlflow.spanInputs", "{\"city\":\"Paris\"}")
        .containsEntry("mlflow.spanOutputs", "{\"temp_c\":18}")
        .doesNotContainKeys("mlflow.chat.tokenUsage", "mlflow.message.format");
    assertThat(derive(InstrumentedSpans.span(random(16), "invoke_agent planner")
        .addAttributes(str("gen_ai.operation.name", "invoke_agent"))))
        .containsOnly(Map.entry("mlflow.spanType", "\"AGENT\""));
    assertThat(derive(InstrumentedSpans.span(random(16), "embeddings")
        .addAttributes(str("gen_ai.operation.name", "embeddings"))
        .addAttributes(num("gen_ai.usage.input_tokens", 8))))
        .containsEntry("mlflow.spanType", "\"EMBEDDING\"")
        .containsEntry("mlflow.chat.tokenUsage",
            "{\"input_tokens\":8,\"output_tokens\":0,\"total_tokens\":8}");
  }

  @Test
  void toolDefinitions_becomeOpenAiStyleChatTools() {
    assertThat(derive(InstrumentedSpans.span(random(16), "chat")
        .addAttributes(str("gen_ai.tool.definitions", "[{\"type\":\"function\",\"name\":"
            + "\"get_weather\",\"description\":\"Weather by city\",\"parameters\":{\"type\":"
            + "\"object\"}}]")))
        .get("mlflow.chat.tools"))
        .isEqualTo("[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"description\":\"Weather by city\",\"parameters\":{\"type\":\"object\"}}}]");
  }

  @Test
  void plainSpan_derivesNothing() {
    assertThat(derive(InstrumentedSpans.span(random(16), "GET /health")
        .addAttributes(str("http.request.method", "GET")))).isEmpty();
  }
}
