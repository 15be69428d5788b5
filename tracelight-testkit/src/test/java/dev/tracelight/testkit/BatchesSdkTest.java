package dev.tracelight.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.NotFoundException;
import com.anthropic.models.ErrorType;
import com.anthropic.models.messages.batches.DeletedMessageBatch;
import com.anthropic.models.messages.batches.MessageBatch;
import com.anthropic.models.messages.batches.MessageBatchIndividualResponse;
import com.anthropic.models.messages.batches.MessageBatchResult;
import com.anthropic.models.messages.batches.MessageBatchSucceededResult;
import com.anthropic.services.blocking.messages.BatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Message Batches lifecycle through the real SDK: create, poll, results, cancel, delete. */
class BatchesSdkTest {

  private FakeAnthropicApi fake;
  private AnthropicClient client;
  private BatchService batches;

  @BeforeEach
  void start() {
    fake = FakeAnthropicApi.start();
    client = SdkClients.blocking(fake);
    batches = client.messages().batches();
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  @Test
  void create_answersAnInProgressBatch() {
    MessageBatch batch = batches.create(SdkClients.batchOf("a", "b"));

    batch.validate();
    assertThat(batch.id()).startsWith("msgbatch_01");
    assertThat(batch.processingStatus()).isEqualTo(MessageBatch.ProcessingStatus.IN_PROGRESS);
    assertThat(batch.requestCounts().processing()).isEqualTo(2);
    assertThat(batch.requestCounts().succeeded()).isZero();
    assertThat(Duration.between(batch.createdAt(), batch.expiresAt()))
        .isEqualTo(Duration.ofDays(1));
    assertThat(batch.endedAt()).isEmpty();
    assertThat(batch.cancelInitiatedAt()).isEmpty();
    assertThat(batch.archivedAt()).isEmpty();
    assertThat(batch.resultsUrl()).isEmpty();
    RecordedRequest request = fake.lastRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/messages/batches");
    assertThat(request.json().at("/requests/1/custom_id").asText()).isEqualTo("b");
  }

  @Test
  void retrieve_afterCreate_endsWithEveryRequestSucceeded() {
    String id = batches.create(SdkClients.batchOf("a", "b")).id();

    MessageBatch batch = batches.retrieve(id);

    batch.validate();
    assertThat(batch.processingStatus()).isEqualTo(MessageBatch.ProcessingStatus.ENDED);
    assertThat(batch.requestCounts().processing()).isZero();
    assertThat(batch.requestCounts().succeeded()).isEqualTo(2);
    assertThat(batch.endedAt()).isPresent();
    assertThat(batch.resultsUrl())
        .contains(fake.baseUrl() + "/v1/messages/batches/" + id + "/results");
    assertThat(fake.lastRequest().method()).isEqualTo("GET");
  }

  @Test
  void resultsStreaming_defaultBatch_echoesEachRequestInTheBatchTier() {
    String id = batches.create(SdkClients.batchOf("first", "second")).id();
    batches.retrieve(id);

    List<MessageBatchIndividualResponse> results = results(id);

    assertThat(results).extracting(MessageBatchIndividualResponse::customId)
        .containsExactly("first", "second");
    results.forEach(MessageBatchIndividualResponse::validate);
    MessageBatchSucceededResult first = results.get(0).result().asSucceeded();
    assertThat(first.message().content().get(0).asText().text())
        .isEqualTo("Hello! You said: Question first");
    assertThat(first.message().usage().serviceTier().orElseThrow().asString()).isEqualTo("batch");
    assertThat(fake.lastRequest().header("accept")).contains("application/x-jsonl");
  }

  @Test
  void scriptedBatch_givesEachOutcomeAndCountsThem() {
    fake.enqueue(
        FakeReply.batch(
            FakeBatch.builder()
                .addResult(FakeReply.text("Paris"))
                .addResult(FakeReply.error(529, "overloaded_error", "Overloaded"))
                .addExpired()
                .addCanceled()
                .build()));
    String id = batches.create(SdkClients.batchOf("a", "b", "c", "d", "e")).id();

    MessageBatch ended = batches.retrieve(id);
    List<MessageBatchResult> results =
        results(id).stream()
            .map(MessageBatchIndividualResponse::result)
            .collect(Collectors.toList());

    assertThat(ended.requestCounts().succeeded()).isEqualTo(2);
    assertThat(ended.requestCounts().errored()).isEqualTo(1);
    assertThat(ended.requestCounts().expired()).isEqualTo(1);
    assertThat(ended.requestCounts().canceled()).isEqualTo(1);
    assertThat(results.get(0).asSucceeded().message().content().get(0).asText().text())
        .isEqualTo("Paris");
    assertThat(results.get(1).asErrored().error().error().isOverloadedError()).isTrue();
    assertThat(results.get(1).asErrored().error().requestId()).isPresent();
    assertThat(results.get(2).isExpired()).isTrue();
    assertThat(results.get(3).isCanceled()).isTrue();
    assertThat(results.get(4).isSucceeded()).isTrue();
  }

  @Test
  void retrievesBeforeEnded_keepsTheBatchInProgressThatLong() {
    fake.enqueue(FakeReply.batch(FakeBatch.builder().setRetrievesBeforeEnded(2).build()));
    String id = batches.create(SdkClients.batchOf("a")).id();

    assertThat(batches.retrieve(id).processingStatus())
        .isEqualTo(MessageBatch.ProcessingStatus.IN_PROGRESS);
    assertThat(batches.retrieve(id).processingStatus())
        .isEqualTo(MessageBatch.ProcessingStatus.IN_PROGRESS);
    assertThat(batches.retrieve(id).processingStatus())
        .isEqualTo(MessageBatch.ProcessingStatus.ENDED);
  }

  @Test
  void cancel_makesItCanceling_thenItEndsWithEveryRequestCanceled() {
    String id = batches.create(SdkClients.batchOf("a", "b")).id();

    MessageBatch canceling = batches.cancel(id);
    MessageBatch ended = batches.retrieve(id);

    canceling.validate();
    assertThat(canceling.processingStatus()).isEqualTo(MessageBatch.ProcessingStatus.CANCELING);
    assertThat(canceling.cancelInitiatedAt()).isPresent();
    assertThat(fake.requests().get(1).path()).isEqualTo("/v1/messages/batches/" + id + "/cancel");
    assertThat(ended.processingStatus()).isEqualTo(MessageBatch.ProcessingStatus.ENDED);
    assertThat(ended.requestCounts().canceled()).isEqualTo(2);
    assertThat(results(id)).allMatch(result -> result.result().isCanceled());
  }

  @Test
  void delete_endedBatch_answersDeletedAndForgetsIt() {
    String id = batches.create(SdkClients.batchOf("a")).id();
    batches.retrieve(id);

    DeletedMessageBatch deleted = batches.delete(id);

    deleted.validate();
    assertThat(deleted.id()).isEqualTo(id);
    assertThat(fake.lastRequest().method()).isEqualTo("DELETE");
    assertThat(catchThrowable(() -> batches.retrieve(id))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void delete_inProgressBatch_isRejected() {
    String id = batches.create(SdkClients.batchOf("a")).id();

    Throwable failure = catchThrowable(() -> batches.delete(id));

    assertThat(failure).isInstanceOf(BadRequestException.class).hasMessageContaining("cancel");
  }

  @Test
  void results_beforeTheBatchEnded_areRejected() {
    String id = batches.create(SdkClients.batchOf("a")).id();

    Throwable failure = catchThrowable(() -> results(id));

    assertThat(failure).isInstanceOf(BadRequestException.class);
  }

  @Test
  void unknownBatchId_isNotFoundOnEveryRoute() {
    String id = "msgbatch_01Unknown";

    for (Throwable failure :
        List.of(
            catchThrowable(() -> batches.retrieve(id)),
            catchThrowable(() -> batches.cancel(id)),
            catchThrowable(() -> batches.delete(id)),
            catchThrowable(() -> results(id)))) {
      assertThat(failure).isInstanceOf(NotFoundException.class);
      assertThat(((NotFoundException) failure).type()).contains(ErrorType.NOT_FOUND_ERROR);
    }
  }

  @Test
  void scriptedError_onBatchRoute_isAnsweredInsteadOfTheBatch() {
    fake.enqueue(FakeReply.error(429, "rate_limit_error", "slow down"));

    Throwable failure = catchThrowable(() -> batches.create(SdkClients.batchOf("a")));

    assertThat(failure).isInstanceOf(com.anthropic.errors.RateLimitException.class);
  }

  @Test
  void asyncClient_createAndRetrieve() throws Exception {
    AnthropicClientAsync async = SdkClients.async(fake);
    try {
      MessageBatch created =
          async.messages().batches().create(SdkClients.batchOf("a")).get(10, TimeUnit.SECONDS);
      MessageBatch ended =
          async.messages().batches().retrieve(created.id()).get(10, TimeUnit.SECONDS);

      assertThat(ended.processingStatus()).isEqualTo(MessageBatch.ProcessingStatus.ENDED);
    } finally {
      async.close();
    }
  }

  private List<MessageBatchIndividualResponse> results(String id) {
    try (StreamResponse<MessageBatchIndividualResponse> results = batches.resultsStreaming(id)) {
      return results.stream().collect(Collectors.toList());
    }
  }
}
