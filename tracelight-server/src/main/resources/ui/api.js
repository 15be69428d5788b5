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

export function searchExperiments() {
  return call('GET', '/ajax-api/2.0/mlflow/experiments/search?max_results=1000');
}

export function getExperiment(id) {
  return call('GET', `/ajax-api/2.0/mlflow/experiments/get?experiment_id=${encodeURIComponent(id)}`);
}

export function searchTraces(experimentId, pageToken, maxResults = 50) {
  return call('POST', '/ajax-api/3.0/mlflow/traces/search', {
    locations: [{ type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: experimentId } }],
    max_results: maxResults,
    order_by: ['timestamp_ms DESC'],
    page_token: pageToken || undefined,
  });
}

export function getTrace(traceId) {
  return call('GET', `/ajax-api/3.0/mlflow/traces/get?trace_id=${encodeURIComponent(traceId)}`);
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
