package dev.tracelight.testkit;

import static dev.tracelight.testkit.WireFormatTest.fieldNames;
import static dev.tracelight.testkit.WireFormatTest.sdkFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.BetaMessageAccumulator;
import com.anthropic.models.beta.AnthropicBeta;
import com.anthropic.models.beta.messages.BetaMessage;
import com.anthropic.models.beta.messages.BetaMessageTokensCount;
import com.anthropic.models.beta.messages.BetaRawMessageStreamEvent;
import com.anthropic.models.beta.messages.BetaUsage;
import com.anthropic.models.beta.messages.MessageCountTokensParams;
import com.anthropic.models.beta.messages.MessageCreateParams;
import com.anthropic.models.beta.messages.batches.BatchCreateParams;
import com.anthropic.models.beta.messages.batches.BatchListParams;
import com.anthropic.models.beta.messages.batches.BatchRetrieveParams;
import com.anthropic.models.beta.messages.batches.BetaMessageBatch;
import com.anthropic.models.beta.messages.batches.BetaMessageBatchIndividualResponse;
import com.anthropic.services.blocking.beta.messages.BatchService;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The beta services: same paths, marked only by the anthropic-beta header; beta models parse. */
class BetaSdkTest extends FakeApiTest {

  private static final AnthropicBeta BETA = AnthropicBeta.CONTEXT_MANAGEMENT_2025_06_27;

  @Test
  void create_writesEveryBetaMessageField_andSendsNoBetaQuery() throws Exception {
    BetaMessage message = client.beta().messages().create(params(true));

    message.validate();
    assertThat(fieldNames(StreamingSdkTest.json(message))).isEqualTo(sdkFields(BetaMessage.class));
    assertThat(fieldNames(StreamingSdkTest.json(message.usage())))
        .isEqualTo(sdkFields(BetaUsage.class));
    RecordedRequest request = fake.lastRequest();
    assertThat(request.path()).isEqualTo("/v1/messages");
    assertThat(request.query()).isEmpty();
    assertThat(request.header("anthropic-beta")).contains(BETA.asString());
  }

  @Test
  void createStreaming_accumulatesTheNonStreamedBetaMessage() throws Exception {
    FakeMessage scripted = StreamFixtures.everyBlockType();
    fake.enqueue(FakeReply.message(scripted), FakeReply.message(scripted));

    BetaMessage created = client.beta().messages().create(params(true));
    BetaMessage accumulated = accumulate(params(true));

    accumulated.validate();
    assertThat(StreamingSdkTest.json(accumulated)).isEqualTo(StreamingSdkTest.json(created));
    assertThat(accumulated.contextManagement()).isEmpty();
  }

  @Test
  void createStreaming_withoutBetaHeader_stillAccumulatesForTheBetaService() throws Exception {
    FakeMessage scripted = StreamFixtures.everyBlockType();
    fake.enqueue(FakeReply.message(scripted), FakeReply.message(scripted));

    BetaMessage created = client.beta().messages().create(params(false));
    BetaMessage accumulated = accumulate(params(false));

    accumulated.validate();
    assertThat(fake.lastRequest().header("anthropic-beta")).isEmpty();
    assertThat(StreamingSdkTest.json(accumulated)).isEqualTo(StreamingSdkTest.json(created));
  }

  @Test
  void countTokens_answersBetaMessageTokensCount() throws Exception {
    BetaMessageTokensCount count =
        client
            .beta()
            .messages()
            .countTokens(
                MessageCountTokensParams.builder()
                    .model(SdkClients.MODEL)
                    .addUserMessage("Hello, Claude")
                    .addBeta(BETA)
                    .build());

    count.validate();
    assertThat(count.inputTokens()).isEqualTo(4);
    assertThat(count.contextManagement()).isEmpty();
    assertThat(fieldNames(StreamingSdkTest.json(count)))
        .isEqualTo(sdkFields(BetaMessageTokensCount.class));
  }

  @Test
  void batches_createRetrieveListAndResults_parseAsBetaModels() throws Exception {
    BatchService batches = client.beta().messages().batches();

    BetaMessageBatch created = batches.create(batchOf("a", "b"));
    BetaMessageBatch ended =
        batches.retrieve(
            BatchRetrieveParams.builder().messageBatchId(created.id()).addBeta(BETA).build());
    List<BetaMessageBatch> listed =
        batches.list(BatchListParams.builder().addBeta(BETA).build()).data();
    List<BetaMessageBatchIndividualResponse> results;
    try (StreamResponse<BetaMessageBatchIndividualResponse> stream =
        batches.resultsStreaming(created.id())) {
      results = stream.stream().collect(Collectors.toList());
    }

    created.validate();
    ended.validate();
    assertThat(ended.processingStatus()).isEqualTo(BetaMessageBatch.ProcessingStatus.ENDED);
    assertThat(listed).extracting(BetaMessageBatch::id).containsExactly(created.id());
    assertThat(results).hasSize(2);
    results.forEach(BetaMessageBatchIndividualResponse::validate);
    BetaMessage message = results.get(0).result().asSucceeded().message();
    assertThat(message._additionalProperties()).isEmpty();
    assertThat(fieldNames(StreamingSdkTest.json(message))).isEqualTo(sdkFields(BetaMessage.class));
    assertThat(message.content().get(0).asText().text()).isEqualTo("Hello! You said: Question a");
  }

  private BetaMessage accumulate(MessageCreateParams params) {
    BetaMessageAccumulator accumulator = BetaMessageAccumulator.create();
    try (StreamResponse<BetaRawMessageStreamEvent> stream =
        client.beta().messages().createStreaming(params)) {
      stream.stream().forEach(accumulator::accumulate);
    }
    return accumulator.message();
  }

  private static MessageCreateParams params(boolean withBeta) {
    MessageCreateParams.Builder params =
        MessageCreateParams.builder()
            .model(SdkClients.MODEL)
            .maxTokens(256)
            .addUserMessage("Hello, beta");
    return withBeta ? params.addBeta(BETA).build() : params.build();
  }

  private static BatchCreateParams batchOf(String... customIds) {
    BatchCreateParams.Builder batch = BatchCreateParams.builder().addBeta(BETA);
    for (String customId : customIds) {
      batch.addRequest(
          BatchCreateParams.Request.builder()
              .customId(customId)
              .params(
                  BatchCreateParams.Request.Params.builder()
                      .model(SdkClients.MODEL)
                      .maxTokens(64)
                      .addUserMessage("Question " + customId)
                      .build())
              .build());
    }
    return batch.build();
  }
}
