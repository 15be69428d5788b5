package dev.tracelight.store;

import java.util.List;
import java.util.Map;

/**
 * The write path of traces. {@link #acceptSpans} and {@link #startTrace} are idempotent and may
 * arrive in either order: spans create the trace on first sight and keep its derived fields
 * current until {@link #startTrace} writes the authoritative info. Each call has committed when
 * it returns. Later additions are default methods that a backend without them leaves
 * unsupported.
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
   * Metadata and tags are merged over what is stored (spans' derivations, tags set earlier).
   *
   * @return the info as stored
   * @throws StoreException {@link StoreException.Reason#NOT_FOUND} if the experiment is unknown
   */
  TraceInfo startTrace(TraceInfo info);

  /**
   * Deletes those of {@code traceIds} that belong to the experiment, with their spans, metadata,
   * tags and assessments. Unknown ids and traces of other experiments are skipped.
   *
   * @return how many traces were deleted
   * @throws StoreException {@link StoreException.Reason#INVALID_ARGUMENT} for a malformed
   *     experiment id
   */
  default int deleteTraces(String experimentId, List<String> traceIds) {
    throw new UnsupportedOperationException("deleting traces is not supported by " + this);
  }

  /**
   * Deletes the experiment's oldest traces whose request time is at or before {@code
   * maxRequestTimeMillis}, at most {@code maxTraces} of them, as MLflow's retention does.
   *
   * @return how many traces were deleted
   * @throws IllegalArgumentException if {@code maxTraces} is not positive
   * @throws StoreException {@link StoreException.Reason#INVALID_ARGUMENT} for a malformed
   *     experiment id
   */
  default int deleteTracesBefore(String experimentId, long maxRequestTimeMillis, int maxTraces) {
    throw new UnsupportedOperationException("deleting traces is not supported by " + this);
  }

  /**
   * Sets a tag on a trace, replacing a value under the same key. Keys hold at most {@value
   * TraceInfo#MAX_TAG_KEY_CHARS} characters, values {@value TraceInfo#MAX_TAG_VALUE_CHARS}.
   *
   * @throws StoreException {@link StoreException.Reason#NOT_FOUND} if the trace is unknown,
   *     {@link StoreException.Reason#INVALID_ARGUMENT} for an empty or too long key or value
   */
  default void setTraceTag(String traceId, String key, String value) {
    throw new UnsupportedOperationException("trace tags are not supported by " + this);
  }

  /**
   * Removes a tag from a trace.
   *
   * @throws StoreException {@link StoreException.Reason#NOT_FOUND} if the trace is unknown or
   *     has no tag with that key
   */
  default void deleteTraceTag(String traceId, String key) {
    throw new UnsupportedOperationException("trace tags are not supported by " + this);
  }

  /**
   * Records that the traces were produced by a run: metadata {@code mlflow.sourceRun} = {@code
   * runId}, which filters on {@code trace.run_id} and {@code metadata.mlflow.sourceRun} find.
   * All or nothing.
   *
   * @throws StoreException {@link StoreException.Reason#NOT_FOUND} naming the unknown ids if any
   *     trace is unknown, {@link StoreException.Reason#INVALID_ARGUMENT} for an empty run id or
   *     more than 100 traces
   */
  default void linkTracesToRun(List<String> traceIds, String runId) {
    throw new UnsupportedOperationException("linking traces is not supported by " + this);
  }

  /**
   * Adds prompt versions to the trace's tag {@code mlflow.linkedPrompts}, a JSON list of {@code
   * {"name", "version"}} objects, keeping those linked before and skipping repeats.
   *
   * @throws StoreException {@link StoreException.Reason#NOT_FOUND} if the trace is unknown
   */
  default void linkPromptsToTrace(String traceId, List<PromptVersionRef> prompts) {
    throw new UnsupportedOperationException("linking prompts is not supported by " + this);
  }

  /**
   * Ends a trace as MLflow's legacy {@code EndTrace} does: the execution duration becomes {@code
   * endTimeMillis} minus the request time, the state is replaced, and metadata and tags are
   * merged over what is stored.
   *
   * @return the info as stored
   * @throws StoreException {@link StoreException.Reason#NOT_FOUND} if the trace is unknown,
   *     {@link StoreException.Reason#INVALID_ARGUMENT} if it would end before it started
   */
  default TraceInfo endTrace(String traceId, long endTimeMillis, TraceState state,
      Map<String, String> metadata, Map<String, String> tags) {
    throw new UnsupportedOperationException("ending traces is not supported by " + this);
  }
}
