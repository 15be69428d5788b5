package dev.tracelight.anthropic;

import com.anthropic.models.messages.batches.BatchListPage;
import com.anthropic.models.messages.batches.DeletedMessageBatch;
import com.anthropic.models.messages.batches.MessageBatch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tracelight.tracing.LiveSpan;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records Message Batches answers (GA and beta) from their wire JSON: the batch id, processing
 * status and request counts as attributes, the answer as outputs.
 */
final class BatchRecorder {
  private BatchRecorder() {}

  /** Records {@code value} if it is a batches answer; false otherwise. */
  static boolean record(LiveSpan span, Object value, JsonMapper mapper) {
    if (value instanceof MessageBatch
        || value instanceof com.anthropic.models.beta.messages.batches.BetaMessageBatch) {
      JsonNode batch = mapper.valueToTree(value);
      span.setOutputs(batch);
      batchAttributes(span, batch);
      return true;
    }
    if (value instanceof DeletedMessageBatch
        || value instanceof com.anthropic.models.beta.messages.batches.BetaDeletedMessageBatch) {
      JsonNode deleted = mapper.valueToTree(value);
      span.setOutputs(deleted);
      span.setAttribute("anthropic.batch.id", deleted.path("id").asText());
      return true;
    }
    if (value instanceof BatchListPage) {
      return page(span, mapper.valueToTree(((BatchListPage) value).response()));
    }
    if (value instanceof com.anthropic.models.beta.messages.batches.BatchListPage) {
      return page(span, mapper.valueToTree(
          ((com.anthropic.models.beta.messages.batches.BatchListPage) value).response()));
    }
    return false;
  }

  private static boolean page(LiveSpan span, JsonNode page) {
    span.setOutputs(page);
    span.setAttribute("anthropic.batch.count", page.path("data").size());
    span.setAttribute("anthropic.batch.has_more", page.path("has_more").asBoolean());
    return true;
  }

  static void batchAttributes(LiveSpan span, JsonNode batch) {
    span.setAttribute("anthropic.batch.id", batch.path("id").asText());
    span.setAttribute("anthropic.batch.processing_status", batch.path("processing_status").asText());
    Map<String, Object> counts = new LinkedHashMap<>();
    batch.path("request_counts").properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
    span.setAttribute("anthropic.batch.request_counts", counts);
  }
}
