package dev.tracelight.server;

import static dev.tracelight.server.InstrumentedSpans.random;
import static dev.tracelight.server.InstrumentedSpans.record;
import static dev.tracelight.server.InstrumentedSpans.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenLlmetryConventionTest {
  final OpenLlmetryConvention convention = new OpenLlmetryConvention();

  Map<String, String> derive(Span.Builder span) {
    return convention.derive(new SpanAttributes(record(span).attributes()));
  }

  @Test
  void anthropicChat_indexedMessagesToolCallsAndCacheSplitUsage() {
    Map<String, String> d = derive(InstrumentedSpans.openLlmetryAnthropic(random(16)));

    assertThat(d).containsEntry("mlflow.spanType", "\"CHAT_MODEL\"")
        .containsEntry("mlflow.spanInputs", "[{\"role\":\"system\",\"content\":"
            + "\"You are terse.\"},{\"role\":\"user\",\"content\":\"Book a table for two.\"}]")
        .containsEntry("mlflow.spanOutputs", "[{\"role\":\"assistant\",\"content\":"
            + "\"Booking.\",\"tool_calls\":[{\"id\":\"toolu_9\",\"type\":\"function\","
            + "\"function\":{\"name\":\"book_table\",\"arguments\":\"{\\\"people\\\": 2}\"}}]}]")
        .containsEntry("mlflow.chat.tokenUsage", "{\"input_tokens\":12,\"output_tokens\":5,"
            + "\"total_tokens\":17,\"cache_creation_input_tokens\":8}")
        .containsEntry("mlflow.llm.model", "\"claude-3-7-sonnet-20250219\"")
        .containsEntry("mlflow.message.format", "\"anthropic\"")
        .containsEntry("mlflow.chat.tools", "[{\"type\":\"function\",\"function\":{\"name\":"
            + "\"book_table\",\"description\":\"Books a table\",\"parameters\":{\"type\":"
            + "\"object\",\"properties\":{\"people\":{\"type\":\"integer\"}}}}}]");
  }

  @Test
  void traceloopWorkflowAndTask_areChains_withEntityInputAndOutput() {
    assertThat(derive(InstrumentedSpans.span(random(16), "plan_trip.workflow")
        .addAttributes(str("traceloop.span.kind", "workflow"))
        .addAttributes(str("traceloop.entity.input", "{\"args\": [\"Lisbon\"]}"))
        .addAttributes(str("traceloop.entity.output", "\"3 days\""))))
        .containsEntry("mlflow.spanType", "\"CHAIN\"")
        .containsEntry("mlflow.spanInputs", "{\"args\":[\"Lisbon\"]}")
        .containsEntry("mlflow.spanOutputs", "\"3 days\"");
  }
}
