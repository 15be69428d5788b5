package dev.tracelight.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tracelight.tracing.LiveSpan;
import dev.tracelight.tracing.TokenUsage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Watches a batch's results stream: how many results of each type (succeeded, errored, canceled,
 * expired) arrived, and the tokens the succeeded ones used. The usage is kept in its own attribute,
 * not in the trace's token usage, since reading results twice would count them twice.
 */
final class BatchResultsObserver implements StreamObserver {
  private final JsonMapper mapper;
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private final long[] tokens = new long[4]; // input, output, cache creation, cache read
  private int total;

  BatchResultsObserver(JsonMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public synchronized void onItem(Object item) {
    total++;
    JsonNode result = mapper.valueToTree(item).path("result");
    counts.merge(result.path("type").asText("unknown"), 1L, Long::sum);
    JsonNode u = result.path("message").path("usage");
    if (u.isObject()) {
      tokens[0] += u.path("input_tokens").asLong();
      tokens[1] += u.path("output_tokens").asLong();
      tokens[2] += u.path("cache_creation_input_tokens").asLong();
      tokens[3] += u.path("cache_read_input_tokens").asLong();
    }
  }

  @Override
  public boolean sawEnd() {
    return false; // JSONL has no end marker: complete means exhausted
  }

  @Override
  public synchronized void record(LiveSpan span, boolean complete) {
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("results", total);
    outputs.putAll(counts);
    span.setOutputs(outputs);
    span.setAttribute("anthropic.batch.results", counts);
    span.setAttribute("anthropic.batch.token_usage",
        TokenUsage.create(tokens[0], tokens[1], tokens[2], tokens[3]).toMap());
    if (!complete) {
      span.setAttribute("anthropic.stream.incomplete", true);
    }
  }
}
