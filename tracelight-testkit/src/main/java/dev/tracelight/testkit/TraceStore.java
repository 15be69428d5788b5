package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The traces of the fake server: trace infos, the spans received for them and their assessments.
 * Like a stock SQL store, spans may arrive before the trace info: the first span creates the trace
 * ({@code IN_PROGRESS}) and StartTraceV3 later completes it. Thread-safe; answers are copies.
 */
final class TraceStore {

  private final Map<String, TraceRecord> traces = new LinkedHashMap<>();

  /** Stores the info a client started a trace with, plus the server's tags; answers it. */
  synchronized ObjectNode start(
      String traceId, String experimentId, ObjectNode info, Map<String, String> serverTags) {
    TraceRecord record = traces.computeIfAbsent(traceId, id -> new TraceRecord(experimentId));
    ObjectNode stored = info.deepCopy();
    ObjectNode tags =
        stored.path("tags").isObject() ? (ObjectNode) stored.get("tags") : stored.putObject("tags");
    serverTags.forEach(tags::put);
    record.info = stored;
    record.started = true;
    record.requestMillis = epochMillis(stored.path("request_time"));
    return record.render();
  }

  /** Stores received spans, creating the trace of a span seen first with {@code newInfo}. */
  synchronized void addSpans(
      String experimentId, List<FakeSpan> spans, Function<FakeSpan, ObjectNode> newInfo) {
    for (FakeSpan span : spans) {
      TraceRecord record =
          traces.computeIfAbsent(span.mlflowTraceId(), id -> new TraceRecord(experimentId));
      if (record.info == null) {
        record.info = newInfo.apply(span);
        record.requestMillis = span.startTimeUnixNano() / 1_000_000;
      }
      record.spans.put(span.spanId(), span); // a span sent again replaces the earlier one
    }
  }

  synchronized Optional<ObjectNode> info(String traceId) {
    return Optional.ofNullable(traces.get(traceId)).map(TraceRecord::render);
  }

  /** The infos clients started traces with (StartTraceV3), by trace id, in arrival order. */
  synchronized Map<String, ObjectNode> startedInfos() {
    Map<String, ObjectNode> started = new LinkedHashMap<>();
    traces.forEach(
        (id, record) -> {
          if (record.started) {
            started.put(id, record.render());
          }
        });
    return started;
  }

  synchronized List<FakeSpan> spans(String traceId) {
    TraceRecord record = traces.get(traceId);
    return record == null ? List.of() : List.copyOf(record.spans.values());
  }

  /** The traces of some experiments, newest first, ties by trace id, as a stock search. */
  synchronized List<ObjectNode> search(Set<String> experimentIds) {
    List<Map.Entry<String, TraceRecord>> found = new ArrayList<>();
    traces.entrySet().stream()
        .filter(entry -> experimentIds.contains(entry.getValue().experimentId))
        .forEach(found::add);
    found.sort(
        Comparator.comparingLong((Map.Entry<String, TraceRecord> e) -> -e.getValue().requestMillis)
            .thenComparing(Map.Entry::getKey));
    List<ObjectNode> infos = new ArrayList<>();
    found.forEach(entry -> infos.add(entry.getValue().render()));
    return infos;
  }

  synchronized void setTag(String traceId, String key, String value) {
    tags(traceId).put(key, value);
  }

  synchronized void deleteTag(String traceId, String key) {
    if (tags(traceId).remove(key) == null) {
      throw MlflowError.notFound("No trace tag with key '" + key + "' for trace " + traceId);
    }
  }

  /** Deletes the listed traces of an experiment; answers how many existed. */
  synchronized int delete(String experimentId, List<String> traceIds) {
    int deleted = 0;
    for (String id : traceIds) {
      TraceRecord record = traces.get(id);
      if (record != null && record.experimentId.equals(experimentId)) {
        traces.remove(id);
        deleted++;
      }
    }
    return deleted;
  }

  /** Deletes an experiment's oldest traces started at or before {@code maxMillis}. */
  synchronized int deleteOlder(String experimentId, long maxMillis, int maxTraces) {
    List<String> old = new ArrayList<>();
    traces.entrySet().stream()
        .filter(e -> e.getValue().experimentId.equals(experimentId))
        .filter(e -> e.getValue().requestMillis <= maxMillis)
        .sorted(Comparator.comparingLong(e -> e.getValue().requestMillis))
        .limit(maxTraces)
        .forEach(e -> old.add(e.getKey()));
    return delete(experimentId, old);
  }

  synchronized ObjectNode addAssessment(
      String traceId, String assessmentId, ObjectNode assessment) {
    record(traceId).assessments.put(assessmentId, assessment.deepCopy());
    return assessment.deepCopy();
  }

  synchronized Optional<ObjectNode> assessment(String traceId, String assessmentId) {
    return Optional.ofNullable(record(traceId).assessments.get(assessmentId))
        .map(ObjectNode::deepCopy);
  }

  synchronized List<ObjectNode> assessments(String traceId) {
    TraceRecord record = traces.get(traceId);
    List<ObjectNode> all = new ArrayList<>();
    if (record != null) {
      record.assessments.values().forEach(a -> all.add(a.deepCopy()));
    }
    return all;
  }

  /** The trace, or {@code RESOURCE_DOES_NOT_EXIST} as a stock server reports a missing one. */
  private TraceRecord record(String traceId) {
    TraceRecord record = traces.get(traceId);
    if (record == null) {
      throw MlflowError.notFound("Trace with ID " + traceId + " not found.");
    }
    return record;
  }

  private ObjectNode tags(String traceId) {
    ObjectNode info = record(traceId).info;
    return info.path("tags").isObject() ? (ObjectNode) info.get("tags") : info.putObject("tags");
  }

  private static long epochMillis(JsonNode requestTime) {
    if (requestTime.isNumber()) {
      return requestTime.asLong();
    }
    try {
      return Instant.parse(requestTime.asText()).toEpochMilli();
    } catch (DateTimeParseException e) {
      return 0; // unordered, as a trace without a start time
    }
  }

  /** One trace; guarded by the store's lock. */
  private static final class TraceRecord {
    final String experimentId;
    final Map<String, FakeSpan> spans = new LinkedHashMap<>();
    final Map<String, ObjectNode> assessments = new LinkedHashMap<>();
    ObjectNode info;
    boolean started;
    long requestMillis;

    TraceRecord(String experimentId) {
      this.experimentId = experimentId;
    }

    /** The info as GetTraceInfoV3 answers it, assessments embedded. */
    ObjectNode render() {
      ObjectNode rendered = info.deepCopy();
      if (!assessments.isEmpty()) {
        ArrayNode list = rendered.putArray("assessments");
        assessments.values().forEach(assessment -> list.add(assessment.deepCopy()));
      }
      return rendered;
    }
  }
}
