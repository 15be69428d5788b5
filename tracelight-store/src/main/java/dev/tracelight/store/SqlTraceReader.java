package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The read path in SQL. */
final class SqlTraceReader implements TraceReader {
  /** PostgreSQL's SQLSTATE for a regular expression it cannot compile. */
  private static final String INVALID_REGULAR_EXPRESSION = "2201B";
  /** Ids per IN list, well below every driver's bind-parameter limit. */
  private static final int IN_CHUNK = 500;

  private final Database db;

  SqlTraceReader(Database db) {
    this.db = db;
  }

  @Override
  public Optional<TraceInfo> traceInfo(String traceId) {
    requireNonNull(traceId, "traceId");
    List<TraceInfo> found =
        db.read(c -> TraceInfoRows.select(c, "trace_id = ?", List.of(traceId)));
    return found.stream().findFirst();
  }

  @Override
  public Optional<Trace> trace(String traceId) {
    return traces(List.of(requireNonNull(traceId, "traceId"))).stream().findFirst();
  }

  @Override
  public List<Trace> traces(List<String> traceIds) {
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(requireNonNull(traceIds, "traceIds")));
    if (ids.isEmpty()) {
      return List.of();
    }
    return db.read(c -> {
      String in = String.join(",", Collections.nCopies(ids.size(), "?"));
      List<TraceInfo> infos = TraceInfoRows.select(c, "trace_id IN (" + in + ")", List.copyOf(ids));
      Map<String, List<SpanRecord>> spans = SpanRows.select(c, ids);
      List<Trace> result = new ArrayList<>();
      for (String id : ids) {
        infos.stream().filter(i -> i.traceId().equals(id)).findFirst().ifPresent(info ->
            result.add(Trace.create(info, spans.getOrDefault(id, List.of()))));
      }
      return result;
    });
  }

  @Override
  public List<TraceInfo> traceInfos(List<String> traceIds) {
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(requireNonNull(traceIds, "traceIds")));
    if (ids.isEmpty()) {
      return List.of();
    }
    return db.read(c -> {
      Map<String, TraceInfo> byId = new HashMap<>();
      for (int from = 0; from < ids.size(); from += IN_CHUNK) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
        String in = String.join(",", Collections.nCopies(chunk.size(), "?"));
        TraceInfoRows.select(c, "trace_id IN (" + in + ")", List.copyOf(chunk))
            .forEach(info -> byId.put(info.traceId(), info));
      }
      List<TraceInfo> result = new ArrayList<>();
      ids.stream().map(byId::get).filter(Objects::nonNull).forEach(result::add);
      return result;
    });
  }

  @Override
  public Optional<List<SpanSummary>> spanSummaries(String traceId) {
    requireNonNull(traceId, "traceId");
    return db.read(c -> {
      List<SpanSummary> spans = SpanSummaryRows.select(c, traceId);
      return spans.isEmpty() && !SpanSummaryRows.traceExists(c, traceId)
          ? Optional.empty() : Optional.of(spans);
    });
  }

  @Override
  public Optional<SpanRecord> span(String traceId, String spanId) {
    requireNonNull(traceId, "traceId");
    requireNonNull(spanId, "spanId");
    return db.read(c -> Optional.ofNullable(SpanRows.selectOne(c, traceId, spanId)));
  }

  @Override
  public Page<TraceInfo> searchTraces(TraceQuery query) {
    requireNonNull(query, "query");
    // Parsed before any SQL runs, so a bad filter, order or token fails alike on every backend.
    TraceSearchSql search = TraceSearchSql.of(query, db.dialect);
    List<TraceInfo> rows = db.read(c -> {
      if (db.dialect == SqlDialect.SQLITE) {
        SqliteFunctions.ensureRegistered(c);
      } else {
        // Plan the search with its values. The driver prepares a statement on the server after
        // five runs, and PostgreSQL may then keep a generic plan: for a rare tag value it walks
        // the time index over most of the experiment (0.26 s instead of 13 ms at 1M traces).
        // Only searches need it; ingest's statements keep their cached plans.
        try (Statement s = c.createStatement()) {
          s.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
      }
      try {
        return TraceInfoRows.select(c, search.whereAndOrder(), search.args());
      } catch (SQLException e) {
        if (INVALID_REGULAR_EXPRESSION.equals(e.getSQLState())) {
          throw StoreException.invalid("Invalid filter \"" + query.filter().orElse("")
              + "\": the database refused a regular expression: " + e.getMessage());
        }
        throw e;
      }
    });
    int limit = query.maxResults();
    if (rows.size() <= limit) {
      return Page.create(rows, null);
    }
    return Page.create(rows.subList(0, limit), search.order().pageToken(rows.get(limit - 1)));
  }
}
