package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Message Batches routes: create, retrieve, list, cancel, delete and results (JSON Lines).
 * Each takes the default reply (or a scripted error, answered by {@link ReplyRenderer}); create
 * also takes {@link FakeReply#batch}. A batch's results are decided at creation, each request
 * answered as {@code POST /v1/messages} would answer it (in the batch service tier), and come out
 * of the results route once the batch has ended. Unknown ids are a 404 {@code not_found_error}.
 */
final class BatchRoutes {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 1000;

  private final BatchStore store;
  private final String baseUrl;
  private final Clock clock;

  BatchRoutes(BatchStore store, String baseUrl, Clock clock) {
    this.store = store;
    this.baseUrl = baseUrl;
    this.clock = clock;
  }

  HttpReply render(FakeReply reply, Endpoint endpoint, RecordedRequest request) {
    boolean batchScript = reply.kind() == FakeReply.Kind.BATCH;
    boolean fits =
        reply.kind() == FakeReply.Kind.DEFAULT
            || (batchScript && endpoint == Endpoint.BATCH_CREATE);
    if (!fits) {
      return ReplyRenderer.misfit(reply, endpoint);
    }
    if (endpoint == Endpoint.BATCH_CREATE) {
      FakeBatch script = batchScript ? reply.batch() : FakeBatch.allSucceeded();
      return ok(create(request, script).toJson(baseUrl), reply);
    }
    if (endpoint == Endpoint.BATCH_LIST) {
      return list(request, reply);
    }
    String id = endpoint.id(request.path()).orElseThrow();
    Optional<StoredBatch> found = store.find(id);
    if (found.isEmpty()) {
      return error(404, "not_found_error", "Message batch " + id + " not found.", reply);
    }
    StoredBatch batch = found.get();
    switch (endpoint) {
      case BATCH_RETRIEVE:
        batch.retrieved(clock.instant());
        return ok(batch.toJson(baseUrl), reply);
      case BATCH_CANCEL:
        batch.cancel(clock.instant());
        return ok(batch.toJson(baseUrl), reply);
      case BATCH_DELETE:
        if (!batch.ended()) {
          return invalid(
              "Message batch " + id + " cannot be deleted while it is in progress; cancel it "
                  + "first.", reply);
        }
        store.remove(id);
        return ok(Json.object().put("id", id).put("type", "message_batch_deleted"), reply);
      case BATCH_RESULTS:
        if (!batch.ended()) {
          return invalid(
              "Message batch " + id + " has not ended yet; its results are not available.", reply);
        }
        return HttpReply.jsonLines(batch.results(), Ids.request(), reply.headers(), reply.delay());
      default:
        throw new IllegalStateException("not a batch route: " + endpoint);
    }
  }

  private StoredBatch create(RecordedRequest request, FakeBatch script) {
    boolean beta = ReplyRenderer.isBeta(request);
    List<ObjectNode> results = new ArrayList<>();
    JsonNode requests = request.jsonView().get("requests");
    for (int i = 0; i < requests.size(); i++) {
      JsonNode entry = requests.get(i);
      ObjectNode line = Json.object().put("custom_id", entry.get("custom_id").asText());
      line.set("result", result(script, i, entry.get("params"), beta));
      results.add(line);
    }
    StoredBatch batch =
        new StoredBatch(
            Ids.messageBatch(), clock.instant(), beta, results, script.retrievesBeforeEnded());
    store.add(batch);
    return batch;
  }

  private static ObjectNode result(FakeBatch script, int index, JsonNode params, boolean beta) {
    FakeBatch.Outcome outcome = script.outcome(index);
    ObjectNode result = Json.object().put("type", outcome.wire);
    FakeReply reply = script.reply(index);
    if (outcome == FakeBatch.Outcome.SUCCEEDED) {
      FakeMessage message =
          reply.kind() == FakeReply.Kind.MESSAGE ? reply.message() : MessageReplies.echo(params);
      FakeMessage completed = MessageReplies.complete(message, params, "batch");
      result.set("message", MessageJson.render(completed, beta));
    } else if (outcome == FakeBatch.Outcome.ERRORED) {
      result.set("error", reply.error().toJson(Ids.request()));
    }
    return result;
  }

  private HttpReply list(RecordedRequest request, FakeReply reply) {
    QueryParams query = QueryParams.parse(request.query());
    Optional<String> afterId = query.first("after_id");
    Optional<String> beforeId = query.first("before_id");
    if (afterId.isPresent() && beforeId.isPresent()) {
      return invalid("Only one of before_id and after_id may be given.", reply);
    }
    int limit;
    try {
      limit = Integer.parseInt(query.first("limit").orElse(String.valueOf(DEFAULT_LIMIT)));
    } catch (NumberFormatException e) {
      return invalid("limit: Input should be a valid integer", reply);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      return invalid("limit: Input should be between 1 and " + MAX_LIMIT, reply);
    }
    BatchStore.Page page = store.page(limit, afterId.orElse(null), beforeId.orElse(null));
    List<StoredBatch> batches = page.data();
    ArrayNode data = Json.MAPPER.createArrayNode();
    batches.forEach(batch -> data.add(batch.toJson(baseUrl)));
    ObjectNode json = Json.object();
    json.set("data", data);
    json.put("has_more", page.hasMore());
    json.put("first_id", batches.isEmpty() ? null : batches.get(0).id());
    json.put("last_id", batches.isEmpty() ? null : batches.get(batches.size() - 1).id());
    return ok(json, reply);
  }

  private static HttpReply ok(JsonNode body, FakeReply reply) {
    return HttpReply.json(200, body, Ids.request(), reply.headers(), reply.delay());
  }

  private static HttpReply invalid(String message, FakeReply reply) {
    return error(400, "invalid_request_error", message, reply);
  }

  private static HttpReply error(int status, String type, String message, FakeReply reply) {
    String requestId = Ids.request();
    ApiError error = ApiError.create(status, type, message);
    JsonNode body = error.toJson(requestId);
    return HttpReply.json(status, body, requestId, reply.headers(), reply.delay());
  }
}
