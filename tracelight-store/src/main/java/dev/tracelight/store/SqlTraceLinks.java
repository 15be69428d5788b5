package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trace edits after the fact, in SQL: links to runs and prompts, and the legacy EndTrace. The
 * write path of {@link SqlTraceWriter} delegates here.
 */
final class SqlTraceLinks {
  /** Metadata key naming the run that produced a trace. */
  static final String SOURCE_RUN = "mlflow.sourceRun";
  /** Tag key of the prompt versions a trace used, a JSON list. */
  static final String LINKED_PROMPTS = "mlflow.linkedPrompts";
  /** Most traces one LinkTracesToRun may link, as MLflow. */
  static final int MAX_TRACES_TO_LINK = 100;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database db;

  SqlTraceLinks(Database db) {
    this.db = db;
  }

  void linkTracesToRun(List<String> traceIds, String runId) {
    Set<String> ids = new LinkedHashSet<>(requireNonNull(traceIds, "traceIds"));
    if (requireNonNull(runId, "runId").isBlank()) {
      throw StoreException.invalid("run id must not be empty");
    }
    if (ids.size() > MAX_TRACES_TO_LINK) {
      throw StoreException.invalid("Cannot link more than " + MAX_TRACES_TO_LINK
          + " traces to a run in a single request. Provided " + ids.size() + " traces.");
    }
    if (ids.isEmpty()) {
      return;
    }
    db.write(c -> {
      Set<String> missing = new LinkedHashSet<>(ids);
      missing.removeAll(existing(c, ids));
      if (!missing.isEmpty()) {
        throw StoreException.notFound("Traces with IDs " + missing + " not found.");
      }
      for (String id : ids) {
        KeyValueRows.METADATA.upsert(c, id, Map.of(SOURCE_RUN, runId));
      }
      return null;
    });
  }

  void linkPromptsToTrace(String traceId, List<PromptVersionRef> prompts) {
    requireNonNull(traceId, "traceId");
    List<PromptVersionRef> added = List.copyOf(requireNonNull(prompts, "prompts"));
    db.write(c -> {
      if (!TraceInfoRows.exists(c, traceId)) {
        throw SqlTraceWriter.traceNotFound(traceId);
      }
      TraceInfoRows.lockAndIsFinalized(c, db.dialect, traceId); // serializes concurrent links
      String stored = KeyValueRows.TAGS.select(c, List.of(traceId))
          .getOrDefault(traceId, Map.of()).get(LINKED_PROMPTS);
      Set<PromptVersionRef> all = new LinkedHashSet<>(parse(traceId, stored));
      all.addAll(added);
      ArrayNode list = JSON.createArrayNode();
      all.forEach(p -> list.addObject().put("name", p.name()).put("version", p.version()));
      KeyValueRows.TAGS.upsert(c, traceId, Map.of(LINKED_PROMPTS, list.toString()));
      return null;
    });
  }

  private static List<PromptVersionRef> parse(String traceId, String stored) {
    List<PromptVersionRef> result = new ArrayList<>();
    if (stored == null || stored.isBlank()) {
      return result;
    }
    try {
      JsonNode list = JSON.readTree(stored);
      if (!list.isArray()) {
        throw new IllegalArgumentException("not a list");
      }
      for (JsonNode p : list) {
        result.add(PromptVersionRef.create(p.path("name").asText(), p.path("version").asText()));
      }
      return result;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw StoreException.invalid("Tag " + LINKED_PROMPTS + " of trace " + traceId
          + " is not a list of {\"name\", \"version\"} objects: " + stored);
    }
  }

  TraceInfo endTrace(String traceId, long endTimeMillis, TraceState state,
      Map<String, String> metadata, Map<String, String> tags) {
    requireNonNull(traceId, "traceId");
    requireNonNull(state, "state");
    Map<String, String> meta = Map.copyOf(requireNonNull(metadata, "metadata"));
    Map<String, String> tagCopy = Map.copyOf(requireNonNull(tags, "tags"));
    return db.write(c -> {
      List<TraceInfo> found = TraceInfoRows.select(c, "trace_id = ?", List.of(traceId));
      if (found.isEmpty()) {
        throw SqlTraceWriter.traceNotFound(traceId);
      }
      long duration = endTimeMillis - found.get(0).requestTime();
      if (duration < 0) {
        throw StoreException.invalid("End time " + endTimeMillis + " is before the start "
            + found.get(0).requestTime() + " of trace " + traceId);
      }
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE trace_info SET execution_duration = ?, state = ? WHERE trace_id = ?")) {
        ps.setLong(1, duration);
        ps.setString(2, state.name());
        ps.setString(3, traceId);
        ps.executeUpdate();
      }
      KeyValueRows.METADATA.upsert(c, traceId, meta);
      KeyValueRows.TAGS.upsert(c, traceId, tagCopy);
      return TraceInfoRows.select(c, "trace_id = ?", List.of(traceId)).get(0);
    });
  }

  private static Set<String> existing(Connection c, Set<String> ids) throws SQLException {
    Set<String> found = new LinkedHashSet<>();
    String in = String.join(",", Collections.nCopies(ids.size(), "?"));
    try (PreparedStatement ps =
        c.prepareStatement("SELECT trace_id FROM trace_info WHERE trace_id IN (" + in + ")")) {
      int i = 1;
      for (String id : ids) {
        ps.setString(i++, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
    }
    return found;
  }
}
