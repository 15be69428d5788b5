package dev.tracelight.anthropic;

import static dev.tracelight.anthropic.CallsFixture.only;
import static dev.tracelight.anthropic.CallsFixture.traceOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.BetaMessageAccumulator;
import com.anthropic.models.beta.messages.BetaMessage;
import com.anthropic.models.beta.messages.BetaRawMessageStreamEvent;
import com.anthropic.models.beta.messages.MessageCountTokensParams;
import com.anthropic.models.beta.messages.MessageCreateParams;
import com.anthropic.models.beta.messages.batches.BatchCreateParams;
import dev.tracelight.testkit.FakeReply;
import dev.tracelight.tracing.Span;
import dev.tracelight.tracing.SpanType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The beta row: {@code client.beta().messages()} create, streaming, countTokens, batches. */
abstract class BetaKit {
  abstract CallsFixture fixture();

  private static MessageCreateParams betaHello() {
    return MessageCreateParams.builder()
        .model(AnthropicFixtures.MODEL).maxTokens(256)
        .addBeta("context-management-2025-06-27")
        .addUserMessage("Hello, beta Claude")
        .build();
  }

  @Test
  @SuppressWarnings("unchecked")
  void betaCreate_isAChatSpan_withTheBetas() throws Exception {
    BetaMessage[] reply = new BetaMessage[1];
    Span span = only(traceOf(() -> reply[0] = fixture().client().beta().messages().create(betaHello())));

    assertThat(span.name()).isEqualTo("Messages.create");
    assertThat(span.spanType()).isEqualTo(SpanType.CHAT_MODEL);
    assertThat(span.attribute("anthropic.beta")).isEqualTo(true);
    assertThat(span.attribute("anthropic.betas")).isEqualTo(List.of("context-management-2025-06-27"));
    assertThat(span.attribute("mlflow.llm.model")).isEqualTo(AnthropicFixtures.MODEL);
    assertThat(span.attribute("gen_ai.request.max_tokens")).isEqualTo(256L);
    assertThat(span.inputs().toString()).contains("Hello, beta Claude");
    assertThat(((Map<String, Object>) span.outputs()).get("id")).isEqualTo(reply[0].id());
    assertThat(((Map<String, Object>) span.attribute("mlflow.chat.tokenUsage")).get("total_tokens"))
        .isEqualTo(reply[0].usage().inputTokens() + reply[0].usage().outputTokens());
    assertThat(fixture().api().lastRequest().header("anthropic-beta"))
        .contains("context-management-2025-06-27");
  }

  @Test
  void betaStream_recordsTheAccumulatedBetaMessage() throws Exception {
    BetaMessageAccumulator accumulator = BetaMessageAccumulator.create();
    Span span = only(traceOf(() -> {
      try (StreamResponse<BetaRawMessageStreamEvent> stream =
          fixture().client().beta().messages().createStreaming(betaHello())) {
        stream.stream().forEach(accumulator::accumulate);
      }
    }));

    assertThat(span.name()).isEqualTo("Messages.createStreaming");
    assertThat(span.attributeJson("mlflow.spanOutputs"))
        .isEqualTo(Json.write(Json.mapper(), accumulator.message()));
  }

  @Test
  void betaCountTokens_andBatches_areTraced() throws Exception {
    fixture().api().enqueue(FakeReply.tokenCount(77));
    Span count = only(traceOf(() -> fixture().client().beta().messages().countTokens(
        MessageCountTokensParams.builder().model(AnthropicFixtures.MODEL).addUserMessage("count me").build())));
    assertThat(count.name()).isEqualTo("Messages.countTokens");
    assertThat(count.attribute("anthropic.count_tokens.input_tokens")).isEqualTo(77L);

    Span create = only(traceOf(() -> fixture().client().beta().messages().batches().create(
        BatchCreateParams.builder()
            .addRequest(BatchCreateParams.Request.builder()
                .customId("beta-1")
                .params(BatchCreateParams.Request.Params.builder()
                    .model(AnthropicFixtures.MODEL).maxTokens(32).addUserMessage("Hi").build())
                .build())
            .build())));
    assertThat(create.name()).isEqualTo("Batches.create");
    assertThat(create.attribute("anthropic.beta")).isEqualTo(true);
    assertThat((String) create.attribute("anthropic.batch.id")).startsWith("msgbatch_");
  }
}
