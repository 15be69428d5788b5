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
}
