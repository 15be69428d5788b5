package dev.tracelight.store;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The statement of one search page: experiments, filter, the rows after the page token, order and
 * limit, as the WHERE clause (and the rest) of a {@code SELECT ... FROM trace_info} with its bind
 * values. One row more than the page is asked for, which tells whether another page follows.
 *
 * @param whereAndOrder SQL after {@code WHERE}: no value is ever part of it
 * @param args the values bound to its parameters, in order
 * @param order the order, which makes the next page token
 */
record TraceSearchSql(String whereAndOrder, List<Object> args, TraceOrder order) {

  /** Parses the query's filter, order and token (failing before any SQL runs) into a statement. */
  static TraceSearchSql of(TraceQuery query, SqlDialect dialect) {
    TraceFilter filter = query.filter().map(TraceFilterParser::parse).orElse(TraceFilter.NONE);
    TraceOrder order = TraceOrder.parse(query.orderBy());
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder();
    List<String> ids = query.experimentIds();
    for (String id : ids) {
      OptionalLong parsed = SqlExperimentStore.parseId(id);
      if (parsed.isEmpty()) {
        throw StoreException.invalid("Invalid experiment id: " + id);
      }
      args.add(parsed.getAsLong());
    }
    if (ids.size() == 1) {
      where.append("trace_info.experiment_id = ?");
    } else {
      where.append("trace_info.experiment_id IN (")
          .append(String.join(", ", java.util.Collections.nCopies(ids.size(), "?"))).append(')');
    }
    TraceFilterSql.append(filter, dialect, where, args);
    query.pageToken().ifPresent(token -> order.appendAfter(token, where, args));
    where.append(" ORDER BY ").append(order.sql()).append(" LIMIT ").append(query.maxResults() + 1);
    return new TraceSearchSql(where.toString(), List.copyOf(args), order);
  }
}
