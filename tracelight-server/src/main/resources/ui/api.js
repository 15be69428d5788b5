// Calls the server's own MLflow REST API (the /ajax-api mirrors, as MLflow's UI does).

async function call(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  // Resolved against the origin, not the page: a page opened as http://user:password@host/ has
  // credentials in its base URL, which fetch refuses; the browser adds the ones it cached itself.
  const response = await fetch(new URL(path, location.origin), init);
  const text = await response.text();
  let json = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new Error(`${response.status}: ${text.slice(0, 200)}`);
  }
  if (!response.ok) {
    const error = new Error(json.message || `${response.status} ${response.statusText}`);
    error.code = json.error_code; // e.g. RESOURCE_ALREADY_EXISTS, for messages that say what to do
    error.status = response.status;
    throw error;
  }
  return json;
}

export function getExperiment(id) {
  return call('GET', `/ajax-api/2.0/mlflow/experiments/get?experiment_id=${encodeURIComponent(id)}`);
}

// --- The trace page (trace.js, feedback.js). Span ids are hex, as in the span summaries. ---

export function getTraceInfo(traceId) {
  return call('GET', `/ajax-api/3.0/mlflow/traces/${encodeURIComponent(traceId)}`);
}

/** {spans: [{span_id, parent_span_id, name, span_type, status, start/end_time_unix_nano, …}]} */
export function getSpanSummaries(traceId) {
  return call('GET',
    `/ajax-api/3.0/tracelight/traces/${encodeURIComponent(traceId)}/span-summaries`);
}

/** {span: <one span as GetTrace writes it>} */
export function getSpan(traceId, spanId) {
  return call('GET', `/ajax-api/3.0/tracelight/traces/${encodeURIComponent(traceId)}`
    + `/spans/${encodeURIComponent(spanId)}`);
}

export function setTraceTag(traceId, key, value) {
  return call('PATCH', `/ajax-api/3.0/mlflow/traces/${encodeURIComponent(traceId)}/tags`,
    { key, value });
}

export function deleteTraceTag(traceId, key) {
  return call('DELETE', `/ajax-api/3.0/mlflow/traces/${encodeURIComponent(traceId)}/tags`
    + `?key=${encodeURIComponent(key)}`);
}

/** {user_name} of the signed-in user, {} without authentication. */
export function getCurrentUser() {
  return call('GET', '/ajax-api/3.0/tracelight/user');
}

export function createAssessment(traceId, assessment) {
  return call('POST', `/ajax-api/3.0/mlflow/traces/${encodeURIComponent(traceId)}/assessments`,
    { assessment });
}

/** `updateMask` is MLflow's comma-separated field list, e.g. 'feedback,rationale'. */
export function updateAssessment(traceId, assessmentId, assessment, updateMask) {
  return call('PATCH', `/ajax-api/3.0/mlflow/traces/${encodeURIComponent(traceId)}`
    + `/assessments/${encodeURIComponent(assessmentId)}`,
  { assessment, update_mask: updateMask });
}

export function deleteAssessment(traceId, assessmentId) {
  return call('DELETE', `/ajax-api/3.0/mlflow/traces/${encodeURIComponent(traceId)}`
    + `/assessments/${encodeURIComponent(assessmentId)}`);
}

/** One page of SearchExperiments: `filter` in MLflow's experiment grammar, newest first. */
export function searchExperimentsPage({ filter, pageToken, maxResults = 100 } = {}) {
  return call('POST', '/ajax-api/2.0/mlflow/experiments/search', {
    max_results: maxResults,
    filter: filter || undefined,
    order_by: ['creation_time DESC'],
    page_token: pageToken || undefined,
  });
}

export function createExperiment(name) {
  return call('POST', '/ajax-api/2.0/mlflow/experiments/create', { name });
}

/** One page of SearchTracesV3 with a filter and an order (`['execution_time_ms ASC']`). */
export function searchTracesPage({ experimentId, filter, orderBy, pageToken, maxResults = 50 }) {
  return call('POST', '/ajax-api/3.0/mlflow/traces/search', {
    locations: [{ type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: experimentId } }],
    max_results: maxResults,
    filter: filter || undefined,
    order_by: orderBy && orderBy.length ? orderBy : ['timestamp_ms DESC'],
    page_token: pageToken || undefined,
  });
}

/** DeleteTracesV3 by id; answers {traces_deleted}. */
export function deleteTraces(experimentId, traceIds) {
  return call('POST', '/ajax-api/3.0/mlflow/traces/delete-traces', {
    experiment_id: experimentId,
    request_ids: traceIds,
  });
}

/** Tracelight's own overview of an experiment: buckets over [startMs, endMs), totals, rankings. */
export function getOverview(experimentId, startMs, endMs, buckets) {
  const query = new URLSearchParams({
    start_time_ms: String(startMs), end_time_ms: String(endMs), buckets: String(buckets),
  });
  return call('GET',
    `/ajax-api/3.0/tracelight/experiments/${encodeURIComponent(experimentId)}/overview?${query}`);
}
