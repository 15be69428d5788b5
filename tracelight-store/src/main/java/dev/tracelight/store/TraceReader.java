package dev.tracelight.store;

import java.util.List;
import java.util.Optional;

/** The read path of traces. */
public interface TraceReader {

  Optional<TraceInfo> traceInfo(String traceId);

  /** The trace with all its stored spans. */
  Optional<Trace> trace(String traceId);

  /** The traces found among {@code traceIds}, in the order asked; missing ids are skipped. */
  List<Trace> traces(List<String> traceIds);

  /**
   * The infos of the traces found among {@code traceIds}, in the order asked, without reading
   * spans; missing ids are skipped.
   */
  default List<TraceInfo> traceInfos(List<String> traceIds) {
    return traces(traceIds).stream().map(Trace::info).toList();
  }

  /**
   * Trace infos matching the query's filter, in its order (newest first by default), one page at
   * a time.
   *
   * @throws StoreException {@link StoreException.Reason#INVALID_ARGUMENT} for a bad page token, a
   *     malformed or unsupported filter (the message names the position), or an unsupported order
   */
  Page<TraceInfo> searchTraces(TraceQuery query);

  /**
   * The summaries of a trace's spans, ordered by start time, without span content; empty when
   * the trace does not exist (a trace without spans gives an empty list).
   */
  default Optional<List<SpanSummary>> spanSummaries(String traceId) {
    return trace(traceId).map(t -> t.spans().stream().map(SpanSummary::of).toList());
  }

  /** One span of a trace, with all its content; empty when the trace or the span is unknown. */
  default Optional<SpanRecord> span(String traceId, String spanId) {
    return trace(traceId).flatMap(t ->
        t.spans().stream().filter(s -> s.spanId().equals(spanId)).findFirst());
  }
}
