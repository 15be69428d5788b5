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
    throw new Error(json.message || `${response.status} ${response.statusText}`);
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

/** Tracelight's own overview of an experiment: buckets over [startMs, endMs), totals, rankings. */
export function getOverview(experimentId, startMs, endMs, buckets) {
  const query = new URLSearchParams({
    start_time_ms: String(startMs), end_time_ms: String(endMs), buckets: String(buckets),
  });
  return call('GET',
    `/ajax-api/3.0/tracelight/experiments/${encodeURIComponent(experimentId)}/overview?${query}`);
}
