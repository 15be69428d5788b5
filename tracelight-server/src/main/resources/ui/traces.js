import { h, replace, formatTime, formatDuration, formatTokens, parseJson } from './dom.js';
import { getExperiment, searchTraces } from './api.js';

export async function renderTraces(main, experimentId) {
  const { experiment } = await getExperiment(experimentId);
  const tbody = h('tbody', {});
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', hidden: true }, 'Load more');
  let pageToken;

  async function loadPage() {
    more.disabled = true;
    const page = await searchTraces(experimentId, pageToken);
    for (const info of page.traces || []) tbody.append(traceRow(info));
    pageToken = page.next_page_token;
    more.hidden = !pageToken;
    more.disabled = false;
    status.textContent = tbody.children.length === 0 ? 'No traces yet.'
      : `${tbody.children.length} traces${pageToken ? ' (more available)' : ''}`;
  }
  more.addEventListener('click', () => loadPage().catch((e) => {
    status.textContent = `Could not load more: ${e.message}`;
    more.disabled = false;
  }));

  replace(main,
    h('p', {}, h('a', { href: '#/' }, '← Experiments')),
    h('h1', {}, experiment.name),
    h('table', {},
      h('caption', { class: 'sr-only' }, `Traces of ${experiment.name}, newest first`),
      h('thead', {}, h('tr', {},
        ...['Time', 'Name', 'Request', 'Tokens (in / out / total)', 'Latency', 'Status']
          .map((t) => h('th', { scope: 'col' }, t)))),
      tbody),
    status,
    more);
  await loadPage();
}

function traceRow(info) {
  const link = `#/traces/${encodeURIComponent(info.trace_id)}`;
  const tags = info.tags || {};
  const usage = parseJson((info.trace_metadata || {})['mlflow.trace.tokenUsage']);
  return h('tr', {},
    h('td', {}, h('a', { href: link }, formatTime(info.request_time))),
    h('td', {}, tags['mlflow.traceName'] || ''),
    h('td', { class: 'preview' }, (info.request_preview || '').slice(0, 200)),
    h('td', { class: 'num' }, formatTokens(usage)),
    h('td', { class: 'num' }, formatDuration(info.execution_duration)),
    h('td', {}, h('span', { class: `state state-${String(info.state).toLowerCase()}` }, info.state)));
}
