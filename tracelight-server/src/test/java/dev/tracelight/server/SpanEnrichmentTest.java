package dev.tracelight.server;

import static dev.tracelight.server.InstrumentedSpans.random;
import static dev.tracelight.server.InstrumentedSpans.record;
import static dev.tracelight.server.InstrumentedSpans.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelight.store.SpanRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanEnrichmentTest {
  final SpanEnrichment enrichment = new SpanEnrichment(PriceTable.builtIn());

  @Test
  void anthropicSdkSpan_gainsMlflowKeysAndCost_keepsOriginals() {
    SpanRecord original = record(InstrumentedSpans.anthropicSdkChat(random(16)));
    SpanRecord enriched = enrichment.apply(original);

    assertThat(enriched.attributes()).containsAllEntriesOf(original.attributes())
        .containsEntry("mlflow.spanType", "\"CHAT_MODEL\"")
        .containsEntry("mlflow.llm.cost", "{\"input_cost\": 0.00005685, \"output_cost\":"
            + " 0.00045, \"total_cost\": 0.00050685}");
    assertThat(enriched.spanType()).contains("CHAT_MODEL");
    assertThat(enriched.events()).isEqualTo(original.events());
    assertThat(enriched.statusCode()).isEqualTo(original.statusCode());
  }

  @Test
  void mlflowKeysPresent_notOverwritten() {
    SpanRecord span = record(InstrumentedSpans.openInferenceAnthropic(random(16))
        .addAttributes(str("mlflow.spanType", "\"CHAT_MODEL\""))
        .addAttributes(str("mlflow.spanInputs", "{\"mine\": true}"))
        .addAttributes(str("mlflow.spanOutputs", "{\"mine\": true}"))
        .addAttributes(str("mlflow.llm.cost", "{\"input_cost\": 1, \"output_cost\": 2,"
            + " \"total_cost\": 3}")));
    SpanRecord enriched = enrichment.apply(span);

    assertThat(enriched.attributes())
        .containsEntry("mlflow.spanType", "\"CHAT_MODEL\"")
        .containsEntry("mlflow.spanInputs", "{\"mine\": true}")
        .containsEntry("mlflow.llm.cost", "{\"input_cost\": 1, \"output_cost\": 2,"
            + " \"total_cost\": 3}")
        .containsKey("mlflow.chat.tokenUsage")
        // The format describes derived inputs or outputs; these are the client's own.
        .doesNotContainKey("mlflow.message.format");
  }

  @Test
  void tracelightsOwnSpan_pricedFromItsModelAndUsage() {
    SpanRecord span = record(InstrumentedSpans.span(random(16), "Messages.create")
        .addAttributes(str("mlflow.spanType", "\"CHAT_MODEL\""))
        .addAttributes(str("mlflow.llm.model", "\"claude-opus-4-5-20251101\""))
        .addAttributes(str("mlflow.chat.tokenUsage",
            "{\"input_tokens\": 100, \"output_tokens\": 20, \"total_tokens\": 120}")));

    assertThat(enrichment.apply(span).attributes()).containsEntry("mlflow.llm.cost",
        "{\"input_cost\": 0.0005, \"output_cost\": 0.0005, \"total_cost\": 0.001}");
  }

  @Test
  void plainSpans_returnedAsTheyAre() {
    SpanRecord span = record(InstrumentedSpans.span(random(16), "GET /"));
    assertThat(enrichment.apply(List.of(span))).containsExactly(span);
  }
}
