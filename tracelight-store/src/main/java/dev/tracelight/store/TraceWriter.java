package dev.tracelight.store;

import java.util.List;

/**
 * The write path of traces. Both calls are idempotent and may arrive in either order: spans create
 * the trace on first sight and keep its derived fields current until {@link #startTrace} writes
 * the authoritative info. Each call has committed when it returns.
 */
public interface TraceWriter {

  /**
   * Stores spans, replacing any stored with the same (trace id, span id).
   *
   * @throws StoreException {@link StoreException.Reason#NOT_FOUND} if the experiment is unknown
   */
  void acceptSpans(String experimentId, List<SpanRecord> spans);

  /**
   * Records the finished trace's info and marks it final so later spans no longer change it.
   * Metadata and tags are merged over what spans derived.
   *
   * @return the info as stored
   * @throws StoreException {@link StoreException.Reason#NOT_FOUND} if the experiment is unknown
   */
  TraceInfo startTrace(TraceInfo info);
}
