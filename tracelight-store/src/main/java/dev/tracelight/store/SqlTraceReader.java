package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** The read path in SQL. */
final class SqlTraceReader implements TraceReader {
  /** Orders that equal the one the index serves; MLflow clients send these by default. */
  private static final Set<String> NATURAL_ORDERS = Set.of(
      "timestamp_ms desc", "timestamp desc", "trace.timestamp_ms desc",
      "attributes.timestamp_ms desc", "request_id asc", "trace_id asc", "request_id", "trace_id");

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
  public Page<TraceInfo> searchTraces(TraceQuery query) {
    requireNonNull(query, "query");
    if (query.filter().isPresent()) {
      throw StoreException.invalid(
          "Search filters are not supported yet: " + query.filter().get());
    }
    for (String order : query.orderBy()) {
      String normalized = order.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
      if (!NATURAL_ORDERS.contains(normalized)) {
        throw StoreException.invalid(
            "order_by '" + order + "' is not supported yet; only 'timestamp_ms DESC' is");
      }
    }
    List<Object> args = new ArrayList<>();
    StringBuilder in = new StringBuilder();
    for (String id : query.experimentIds()) {
      OptionalLong parsed = SqlExperimentStore.parseId(id);
      if (parsed.isEmpty()) {
        throw StoreException.invalid("Invalid experiment id: " + id);
      }
      in.append(in.length() == 0 ? "?" : ", ?");
      args.add(parsed.getAsLong());
    }
    StringBuilder where = new StringBuilder("experiment_id IN (" + in + ")");
    if (query.pageToken().isPresent()) {
      PageToken.TraceKey after = PageToken.decodeTraceKey(query.pageToken().get());
      where.append(" AND (request_time < ? OR (request_time = ? AND trace_id > ?))");
      args.add(after.requestTime);
      args.add(after.requestTime);
      args.add(after.traceId);
    }
    int limit = query.maxResults();
    where.append(" ORDER BY request_time DESC, trace_id ASC LIMIT ").append(limit + 1);
    List<TraceInfo> rows = db.read(c -> TraceInfoRows.select(c, where.toString(), args));
    if (rows.size() <= limit) {
      return Page.create(rows, null);
    }
    TraceInfo last = rows.get(limit - 1);
    return Page.create(
        rows.subList(0, limit), PageToken.encodeTraceKey(last.requestTime(), last.traceId()));
  }
}
