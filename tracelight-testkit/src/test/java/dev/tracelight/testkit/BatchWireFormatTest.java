package dev.tracelight.testkit;

import static dev.tracelight.testkit.WireFormatTest.fieldNames;
import static dev.tracelight.testkit.WireFormatTest.sdkFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.models.ErrorResponse;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.batches.BatchListPageResponse;
import com.anthropic.models.messages.batches.DeletedMessageBatch;
import com.anthropic.models.messages.batches.MessageBatch;
import com.anthropic.models.messages.batches.MessageBatchCanceledResult;
import com.anthropic.models.messages.batches.MessageBatchErroredResult;
import com.anthropic.models.messages.batches.MessageBatchExpiredResult;
import com.anthropic.models.messages.batches.MessageBatchIndividualResponse;
import com.anthropic.models.messages.batches.MessageBatchRequestCounts;
import com.anthropic.models.messages.batches.MessageBatchSucceededResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every batch reply writes exactly the fields of the SDK's batch models; bad bodies get 400s. */
class BatchWireFormatTest {

  private static final String PARAMS =
      "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":16,"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

  private FakeAnthropicApi fake;

  @BeforeEach
  void start() {
    fake = FakeAnthropicApi.start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void batchListDeleteAndResults_haveEveryFieldOfTheSdkModels() throws Exception {
    fake.enqueue(
        FakeReply.batch(
            FakeBatch.builder()
                .addResult(FakeReply.text("ok"))
                .addResult(FakeReply.error(500, "boom"))
                .addCanceled()
                .addExpired()
                .build()));
    JsonNode created = call("POST", "/v1/messages/batches", batchBody("a", "b", "c", "d"));
    String id = created.get("id").asText();
    JsonNode ended = call("GET", "/v1/messages/batches/" + id, "");
    JsonNode list = call("GET", "/v1/messages/batches?limit=1", "");
    List<JsonNode> results = lines(send("GET", "/v1/messages/batches/" + id + "/results", ""));
    JsonNode deleted = call("DELETE", "/v1/messages/batches/" + id, "");

    for (JsonNode batch : List.of(created, ended, list.at("/data/0"))) {
      assertFields(batch, MessageBatch.class);
      assertFields(batch.get("request_counts"), MessageBatchRequestCounts.class);
    }
    assertThat(ended.get("results_url").asText())
        .isEqualTo(fake.baseUrl() + "/v1/messages/batches/" + id + "/results");
    assertFields(list, BatchListPageResponse.class);
    assertFields(deleted, DeletedMessageBatch.class);
    assertThat(deleted.get("type").asText()).isEqualTo("message_batch_deleted");
    results.forEach(line -> assertFields(line, MessageBatchIndividualResponse.class));
    assertFields(results.get(0).get("result"), MessageBatchSucceededResult.class);
    assertFields(results.get(0).at("/result/message"), Message.class);
    assertFields(results.get(1).get("result"), MessageBatchErroredResult.class);
    assertFields(results.get(1).at("/result/error"), ErrorResponse.class);
    assertFields(results.get(2).get("result"), MessageBatchCanceledResult.class);
    assertFields(results.get(3).get("result"), MessageBatchExpiredResult.class);
  }

  @Test
  void resultsRoute_answersJsonLines() throws Exception {
    String id = call("POST", "/v1/messages/batches", batchBody("a", "b")).get("id").asText();
    call("GET", "/v1/messages/batches/" + id, "");

    HttpResponse<String> response = send("GET", "/v1/messages/batches/" + id + "/results", "");

    assertThat(response.headers().firstValue("content-type")).contains("application/x-jsonl");
    assertThat(response.body().split("\n")).hasSize(2);
    assertThat(response.body()).endsWith("\n").doesNotContain("\n\n");
  }

  @Test
  void create_invalidBodies_get400sNamingTheField() throws Exception {
    Map<String, String> cases =
        Map.of(
            "{}", "requests: Field required",
            "{\"requests\":[]}", "requests: List should have at least 1 item",
            "{\"requests\":[{\"params\":" + PARAMS + "}]}", "requests.0.custom_id: Field required",
            "{\"requests\":[{\"custom_id\":\"a b\",\"params\":" + PARAMS + "}]}",
                "requests.0.custom_id: String should match pattern",
            batchBody("a", "a"), "requests.1.custom_id: Duplicate custom_id 'a'",
            "{\"requests\":[{\"custom_id\":\"a\",\"params\":{\"model\":\"m\",\"messages\":[]}}]}",
                "requests.0.params.max_tokens: Field required");

    for (Map.Entry<String, String> invalid : cases.entrySet()) {
      HttpResponse<String> response = send("POST", "/v1/messages/batches", invalid.getKey());

      assertThat(response.statusCode()).as(invalid.getKey()).isEqualTo(400);
      assertThat(RawHttp.json(response).at("/error/message").asText())
          .as(invalid.getKey())
          .startsWith(invalid.getValue());
    }
    assertThat(fake.requestCount()).isEqualTo(cases.size());
  }

  @Test
  void wrongMethod_onBatchPath_is405() throws Exception {
    HttpResponse<String> response = send("PUT", "/v1/messages/batches/msgbatch_01x", "");

    assertThat(response.statusCode()).isEqualTo(405);
  }

  private static String batchBody(String... customIds) {
    List<String> requests = new ArrayList<>();
    for (String customId : customIds) {
      requests.add("{\"custom_id\":\"" + customId + "\",\"params\":" + PARAMS + "}");
    }
    return "{\"requests\":[" + String.join(",", requests) + "]}";
  }

  private JsonNode call(String method, String path, String body) throws Exception {
    HttpResponse<String> response = send(method, path, body);
    assertThat(response.statusCode()).as(method + " " + path).isEqualTo(200);
    return RawHttp.json(response);
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return RawHttp.send(fake, method, path, RawHttp.SDK_HEADERS, body);
  }

  private static List<JsonNode> lines(HttpResponse<String> response) throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : response.body().split("\n")) {
      lines.add(Json.MAPPER.readTree(line));
    }
    return lines;
  }

  private static void assertFields(JsonNode json, Class<?> model) {
    assertThat(fieldNames(json))
        .as("fields of %s", model.getSimpleName())
        .isEqualTo(sdkFields(model));
  }
}
