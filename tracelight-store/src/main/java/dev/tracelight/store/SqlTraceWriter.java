package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/** The write path in SQL: span upserts and the authoritative trace info. */
final class SqlTraceWriter implements TraceWriter {
  static final String SCHEMA_VERSION = "mlflow.trace_schema.version";
  static final String ARTIFACT_LOCATION = "mlflow.artifactLocation";
  static final String SPANS_LOCATION = "mlflow.trace.spansLocation";

  /** Ids per DELETE statement, well below every driver's bind-parameter limit. */
  private static final int DELETE_CHUNK = 500;

  private final Database db;
  private final SqlTraceLinks links;

  SqlTraceWriter(Database db) {
    this.db = db;
    this.links = new SqlTraceLinks(db);
  }

  @Override
  public void acceptSpans(String experimentId, List<SpanRecord> spans) {
    requireNonNull(experimentId, "experimentId");
    requireNonNull(spans, "spans");
    // Sorted, so concurrent batches lock trace rows in one order and cannot deadlock.
    Map<String, List<SpanRecord>> byTrace = new TreeMap<>();
    for (SpanRecord s : spans) {
      byTrace.computeIfAbsent(s.traceId(), k -> new ArrayList<>()).add(s);
    }
    db.write(c -> {
      long expId = Long.parseLong(SqlExperimentStore.require(c, experimentId).experimentId());
      for (Map.Entry<String, List<SpanRecord>> trace : byTrace.entrySet()) {
        acceptTraceSpans(c, expId, trace.getKey(), trace.getValue());
      }
      return null;
    });
  }

  private void acceptTraceSpans(Connection c, long experimentId, String traceId,
      List<SpanRecord> spans) throws SQLException {
    long earliest = spans.stream().mapToLong(SpanRecord::startTimeUnixNano).min().orElse(0);
    TraceInfoRows.insertIfAbsent(c, traceId, experimentId, earliest / 1_000_000);
    boolean finalized = TraceInfoRows.lockAndIsFinalized(c, db.dialect, traceId);
    SpanRows.upsert(c, experimentId, spans);
    if (finalized) {
      // StartTraceV3 already wrote the authoritative info; only a cost it lacked stays derived.
      if (!TraceCostRows.hasClientCost(c, traceId)) {
        TraceCostRows.update(
            c, traceId, SpanRows.select(c, List.of(traceId)).getOrDefault(traceId, spans));
      }
      return;
    }
    List<SpanRecord> all = SpanRows.select(c, List.of(traceId)).getOrDefault(traceId, spans);
    TraceDerivation derived = TraceDerivation.of(all);
    TraceInfoRows.updateDerived(c, traceId, derived);
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(SCHEMA_VERSION, "3");
    if (derived.tokenUsage != null) {
      metadata.put(TraceInfo.TOKEN_USAGE, derived.tokenUsage);
    }
    KeyValueRows.METADATA.upsert(c, traceId, metadata);
    TraceCostRows.update(c, traceId, all);
    if (derived.traceName != null) {
      KeyValueRows.TAGS.upsert(c, traceId, Map.of(TraceInfo.TRACE_NAME, derived.traceName));
    }
  }

  @Override
  public TraceInfo startTrace(TraceInfo info) {
    requireNonNull(info, "info");
    return db.write(c -> {
      Experiment experiment = SqlExperimentStore.require(c, info.experimentId());
      long expId = Long.parseLong(experiment.experimentId());
      TraceInfoRows.upsertFinal(c, info, expId);
      KeyValueRows.METADATA.upsert(c, info.traceId(), info.traceMetadata());
      TraceCostRows.setClientCost(
          c, info.traceId(), info.traceMetadata().containsKey(TraceInfo.COST));
      Map<String, String> tags = new LinkedHashMap<>(info.tags());
      // As MLflow's SQL store: where the trace's artifacts live, and that spans live here.
      tags.put(ARTIFACT_LOCATION,
          experiment.artifactLocation() + "/traces/" + info.traceId() + "/artifacts");
      tags.put(SPANS_LOCATION, "TRACKING_STORE");
      KeyValueRows.TAGS.upsert(c, info.traceId(), tags);
      SpanRows.moveToExperiment(c, info.traceId(), expId);
      return TraceInfoRows.select(c, "trace_id = ?", List.of(info.traceId())).get(0);
    });
  }

  @Override
  public int deleteTraces(String experimentId, List<String> traceIds) {
    long expId = parseExperimentId(experimentId);
    List<String> ids = List.copyOf(requireNonNull(traceIds, "traceIds"));
    if (ids.isEmpty()) {
      return 0;
    }
    return db.write(c -> {
      int deleted = 0;
      for (int from = 0; from < ids.size(); from += DELETE_CHUNK) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + DELETE_CHUNK));
        deleted += TraceInfoRows.deleteByIds(c, expId, chunk);
      }
      return deleted;
    });
  }

  @Override
  public int deleteTracesBefore(String experimentId, long maxRequestTimeMillis, int maxTraces) {
    if (maxTraces < 1) {
      throw new IllegalArgumentException("maxTraces must be positive: " + maxTraces);
    }
    long expId = parseExperimentId(experimentId);
    return db.write(c -> TraceInfoRows.deleteOldest(c, expId, maxRequestTimeMillis, maxTraces));
  }

  @Override
  public void setTraceTag(String traceId, String key, String value) {
    requireNonNull(traceId, "traceId");
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    if (key.isEmpty()) {
      throw StoreException.invalid("Tag key must not be empty");
    }
    if (key.length() > TraceInfo.MAX_TAG_KEY_CHARS) {
      throw StoreException.invalid("Tag key has " + key.length() + " characters; at most "
          + TraceInfo.MAX_TAG_KEY_CHARS + " are allowed");
    }
    if (value.length() > TraceInfo.MAX_TAG_VALUE_CHARS) {
      throw StoreException.invalid("Tag value of '" + key + "' has " + value.length()
          + " characters; at most " + TraceInfo.MAX_TAG_VALUE_CHARS + " are allowed");
    }
    db.write(c -> {
      if (!TraceInfoRows.exists(c, traceId)) {
        throw traceNotFound(traceId);
      }
      KeyValueRows.TAGS.upsert(c, traceId, Map.of(key, value));
      return null;
    });
  }

  @Override
  public void deleteTraceTag(String traceId, String key) {
    requireNonNull(traceId, "traceId");
    requireNonNull(key, "key");
    db.write(c -> {
      if (!TraceInfoRows.exists(c, traceId)) {
        throw traceNotFound(traceId);
      }
      if (!KeyValueRows.TAGS.delete(c, traceId, key)) {
        throw StoreException.notFound(
            "No tag with key '" + key + "' found on trace " + traceId + ".");
      }
      return null;
    });
  }

  @Override
  public void linkTracesToRun(List<String> traceIds, String runId) {
    links.linkTracesToRun(traceIds, runId);
  }

  @Override
  public void linkPromptsToTrace(String traceId, List<PromptVersionRef> prompts) {
    links.linkPromptsToTrace(traceId, prompts);
  }

  @Override
  public TraceInfo endTrace(String traceId, long endTimeMillis, TraceState state,
      Map<String, String> metadata, Map<String, String> tags) {
    return links.endTrace(traceId, endTimeMillis, state, metadata, tags);
  }

  static StoreException traceNotFound(String traceId) {
    return StoreException.notFound("Trace with ID " + traceId + " not found.");
  }

  private static long parseExperimentId(String experimentId) {
    OptionalLong id = SqlExperimentStore.parseId(experimentId);
    if (id.isEmpty()) {
      throw StoreException.invalid("Invalid experiment id: " + experimentId);
    }
    return id.getAsLong();
  }
}
