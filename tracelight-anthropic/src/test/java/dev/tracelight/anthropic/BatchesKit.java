package dev.tracelight.anthropic;

import static dev.tracelight.anthropic.CallsFixture.only;
import static dev.tracelight.anthropic.CallsFixture.traceOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.batches.BatchCreateParams;
import com.anthropic.models.messages.batches.MessageBatch;
import com.anthropic.models.messages.batches.MessageBatchIndividualResponse;
import dev.tracelight.tracing.Span;
import dev.tracelight.tracing.SpanType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Message Batches row: create, retrieve, list, cancel, delete and the results stream. */
abstract class BatchesKit {
  abstract CallsFixture fixture();

  private static BatchCreateParams twoRequests() {
    return BatchCreateParams.builder()
        .addRequest(request("first"))
        .addRequest(request("second"))
        .build();
  }

  private static BatchCreateParams.Request request(String id) {
    return BatchCreateParams.Request.builder()
        .customId(id)
        .params(BatchCreateParams.Request.Params.builder()
            .model(AnthropicFixtures.MODEL).maxTokens(64).addUserMessage("Hi " + id).build())
        .build();
  }

  @Test
  @SuppressWarnings("unchecked")
  void batchCalls_areSpansWithIdStatusAndCounts() throws Exception {
    var batches = fixture().client().messages().batches();
    MessageBatch[] created = new MessageBatch[1];

    Span create = only(traceOf(() -> created[0] = batches.create(twoRequests())));
    String id = created[0].id();
    assertThat(create.name()).isEqualTo("Batches.create");
    assertThat(create.spanType()).isEqualTo(SpanType.UNKNOWN);
    assertThat(create.attribute("anthropic.batch.id")).isEqualTo(id);
    assertThat(create.attribute("anthropic.batch.request_count")).isEqualTo(2L);
    assertThat(create.attribute("anthropic.batch.processing_status")).isEqualTo("in_progress");
    assertThat(((Map<String, Object>) create.attribute("anthropic.batch.request_counts")))
        .containsKeys("processing", "succeeded", "errored", "canceled", "expired");

    Span retrieve = only(traceOf(() -> batches.retrieve(id)));
    assertThat(retrieve.name()).isEqualTo("Batches.retrieve");
    assertThat(retrieve.attribute("anthropic.batch.id")).isEqualTo(id);
    assertThat(retrieve.inputs()).isEqualTo(Map.of("message_batch_id", id));

    Span list = only(traceOf(() -> batches.list()));
    assertThat(list.name()).isEqualTo("Batches.list");
    assertThat((Long) list.attribute("anthropic.batch.count")).isPositive();

    Span results = only(traceOf(() -> {
      try (StreamResponse<MessageBatchIndividualResponse> stream = batches.resultsStreaming(id)) {
        assertThat(stream.stream().count()).isEqualTo(2);
      }
    }));
    assertThat(results.name()).isEqualTo("Batches.resultsStreaming");
    assertThat(results.attribute("anthropic.batch.results")).isEqualTo(Map.of("succeeded", 2L));
    assertThat(((Map<String, Object>) results.attribute("anthropic.batch.token_usage")))
        .containsKey("input_tokens");

    Span cancel = only(traceOf(() -> batches.cancel(id)));
    assertThat(cancel.name()).isEqualTo("Batches.cancel");
    Span delete = only(traceOf(() -> batches.delete(id)));
    assertThat(delete.name()).isEqualTo("Batches.delete");
    assertThat(delete.attribute("anthropic.batch.id")).isEqualTo(id);
  }
}
