package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One message batch the fake holds, and how it moves on: {@code in_progress} until it has been
 * retrieved the scripted number of times, then {@code ended} with the results fixed at creation; a
 * cancel makes it {@code canceling}, and the next retrieve ends it with every request
 * {@code canceled}. Thread-safe.
 */
final class StoredBatch {

  /** How long the API keeps a batch before it expires. */
  static final Duration LIFETIME = Duration.ofHours(24);

  private final String id;
  private final Instant createdAt;
  private final boolean beta;
  private final List<ObjectNode> results;
  private int retrievesLeft;
  private String status = "in_progress";
  @Nullable private Instant cancelInitiatedAt;
  @Nullable private Instant endedAt;

  /**
   * @param results one results line per request, {@code {"custom_id":..,"result":{..}}}, as the
   *     batch will end unless canceled
   */
  StoredBatch(
      String id, Instant createdAt, boolean beta, List<ObjectNode> results, int retrievesLeft) {
    this.id = id;
    this.createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    this.beta = beta;
    this.results = new ArrayList<>(results);
    this.retrievesLeft = retrievesLeft;
  }

  String id() {
    return id;
  }

  /** Whether it was created with an {@code anthropic-beta} header (results are BetaMessages). */
  boolean beta() {
    return beta;
  }

  synchronized boolean ended() {
    return status.equals("ended");
  }

  /** A retrieve: the batch ends when its scripted retrieves are used up, or when canceling. */
  synchronized void retrieved(Instant now) {
    if (status.equals("canceling") || (status.equals("in_progress") && retrievesLeft == 0)) {
      end(now);
    } else if (status.equals("in_progress")) {
      retrievesLeft--;
    }
  }

  /** A cancel: an in-progress batch starts canceling; any other is left as it is. */
  synchronized void cancel(Instant now) {
    if (status.equals("in_progress")) {
      status = "canceling";
      cancelInitiatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }
  }

  /** The results lines, in request order; only meaningful once {@link #ended()}. */
  synchronized List<JsonNode> results() {
    List<JsonNode> copies = new ArrayList<>();
    results.forEach(line -> copies.add(line.deepCopy()));
    return copies;
  }

  /** The {@code MessageBatch} JSON; {@code results_url} points into {@code baseUrl} once ended. */
  synchronized ObjectNode toJson(String baseUrl) {
    ObjectNode json = Json.object().put("id", id).put("type", "message_batch");
    json.put("processing_status", status);
    json.set("request_counts", requestCounts());
    json.put("created_at", timestamp(createdAt));
    json.put("expires_at", timestamp(createdAt.plus(LIFETIME)));
    json.put("ended_at", timestamp(endedAt));
    json.put("cancel_initiated_at", timestamp(cancelInitiatedAt));
    json.putNull("archived_at");
    json.put("results_url", ended() ? baseUrl + "/v1/messages/batches/" + id + "/results" : null);
    return json;
  }

  private ObjectNode requestCounts() {
    ObjectNode counts = Json.object().put("processing", ended() ? 0 : results.size());
    for (FakeBatch.Outcome outcome : FakeBatch.Outcome.values()) {
      long count = 0;
      if (ended()) {
        count =
            results.stream()
                .filter(line -> line.at("/result/type").asText().equals(outcome.wire))
                .count();
      }
      counts.put(outcome.wire, count);
    }
    return counts;
  }

  private void end(Instant now) {
    if (status.equals("canceling")) {
      for (ObjectNode line : results) {
        line.set("result", Json.object().put("type", FakeBatch.Outcome.CANCELED.wire));
      }
    }
    status = "ended";
    endedAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  @Nullable
  private static String timestamp(@Nullable Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
