package dev.tracelight.server;

import static dev.tracelight.server.InstrumentedSpans.random;
import static dev.tracelight.server.InstrumentedSpans.record;
import static dev.tracelight.server.InstrumentedSpans.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenInferenceConventionTest {
  final OpenInferenceConvention convention = new OpenInferenceConvention();

  Map<String, String> derive(Span.Builder span) {
    return convention.derive(new SpanAttributes(record(span).attributes()));
  }

  @Test
  void anthropicInstrumentation_llmSpanWithRequestMessageUsageAndTools() {
    Map<String, String> d = derive(InstrumentedSpans.openInferenceAnthropic(random(16)));

    assertThat(d).containsEntry("mlflow.spanType", "\"LLM\"")
        .containsEntry("mlflow.spanInputs", "{\"model\":\"claude-haiku-4-5-20251001\","
            + "\"max_tokens\":256,\"messages\":[{\"role\":\"user\",\"content\":"
            + "\"Summarize the report.\"}]}")
        .containsEntry("mlflow.message.format", "\"anthropic\"")
        .containsEntry("mlflow.llm.model", "\"claude-haiku-4-5-20251001\"")
        // OpenInference's prompt count includes the 1500 cache reads; MLflow's input does not.
        .containsEntry("mlflow.chat.tokenUsage", "{\"input_tokens\":500,\"output_tokens\":50,"
            + "\"total_tokens\":550,\"cache_read_input_tokens\":1500}")
        .containsEntry("mlflow.chat.tools", "[{\"type\":\"function\",\"function\":{\"name\":"
            + "\"lookup_report\",\"description\":\"Finds a report\",\"parameters\":{\"type\":"
            + "\"object\",\"properties\":{\"quarter\":{\"type\":\"string\"}}}}}]");
    assertThat(d.get("mlflow.spanOutputs")).startsWith("{\"id\":\"msg_02\",\"type\":\"message\"");
  }

  @Test
  void textValues_stayStrings() {
    Map<String, String> d = derive(InstrumentedSpans.span(random(16), "RunnableSequence")
        .addAttributes(str("openinference.span.kind", "CHAIN"))
        .addAttributes(str("input.value", "What is MLflow?"))
        .addAttributes(str("output.value", "{not json"))
        .addAttributes(str("output.mime_type", "application/json")));

    assertThat(d).containsEntry("mlflow.spanType", "\"CHAIN\"")
        .containsEntry("mlflow.spanInputs", "\"What is MLflow?\"")
        .containsEntry("mlflow.spanOutputs", "\"{not json\"")
        .doesNotContainKey("mlflow.message.format");
  }

  @Test
  void spanKinds_mapToMlflowTypes() {
    Map<String, String> expected = Map.of("RETRIEVER", "RETRIEVER", "EMBEDDING", "EMBEDDING",
        "RERANKER", "RERANKER", "TOOL", "TOOL", "AGENT", "AGENT", "GUARDRAIL", "UNKNOWN",
        "EVALUATOR", "UNKNOWN", "agent", "AGENT");
    expected.forEach((kind, type) -> assertThat(derive(InstrumentedSpans.span(random(16), "s")
        .addAttributes(str("openinference.span.kind", kind))))
        .as(kind).containsEntry("mlflow.spanType", "\"" + type + "\""));
    assertThat(derive(InstrumentedSpans.span(random(16), "s")
        .addAttributes(str("openinference.span.kind", "SOMETHING_NEW"))))
        .doesNotContainKey("mlflow.spanType");
  }
}
