// An experiment's overview (#/experiments/<id>/overview?range=24h): totals, charts of traces and
// errors, latency p50/p95, tokens and cost over time, and the slowest and costliest traces.
// Changing the range only changes the URL; the router then calls update() with the new params.
import { h, replace, formatDuration, formatUsd } from './dom.js';
import { getExperiment, getOverview } from './api.js';
import { setParams } from './state.js';
import { experimentHeader } from './experiment-header.js';
import { timeChart } from './charts.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Each range with its bucket count, so a bucket is a round length (1 min, 1 h, 6 h, 1 d). */
export const RANGES = {
  '1h': { label: 'Last hour', ms: HOUR, buckets: 60 },
  '24h': { label: 'Last 24 hours', ms: DAY, buckets: 24 },
  '7d': { label: 'Last 7 days', ms: 7 * DAY, buckets: 28 },
  '30d': { label: 'Last 30 days', ms: 30 * DAY, buckets: 30 },
};
const DEFAULT_RANGE = '24h';

export async function renderOverview(main, experimentId, params) {
  const { experiment } = await getExperiment(experimentId);
  const buttons = Object.entries(RANGES).map(([key, range]) => h('button', {
    type: 'button', class: 'range', 'data-range': key, 'aria-pressed': 'false',
    onclick: () => setParams({ range: key }),
  }, range.label));
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  const content = h('div', { class: 'overview', 'aria-busy': 'true' });
  replace(main,
    experimentHeader(experiment, 'overview'),
    h('div', { class: 'range-picker', role: 'group', 'aria-label': 'Time range' }, buttons),
    status,
    content);

  let latest = 0;
  async function load(p) {
    const key = RANGES[p.range] ? p.range : DEFAULT_RANGE;
    const range = RANGES[key];
    buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.range === key)));
    const end = Date.now();
    const ticket = ++latest;
    content.setAttribute('aria-busy', 'true');
    status.textContent = `Loading ${range.label.toLowerCase()}…`;
    try {
      const data = await getOverview(experimentId, end - range.ms, end, range.buckets);
      if (ticket !== latest) return; // a newer range was picked meanwhile
      renderData(content, data, range);
      content.dataset.range = key;
      status.textContent = `${range.label}: ${data.totals.trace_count} traces.`;
    } catch (error) {
      if (ticket !== latest) return;
      replace(content,
        h('p', { class: 'error', role: 'alert' }, `Could not load: ${error.message}`));
      status.textContent = '';
    }
    content.setAttribute('aria-busy', 'false');
  }
  await load(params);
  return { update: load };
}

function renderData(content, data, range) {
  const { buckets, totals } = data;
  const timeLabel = (ms) => new Date(ms).toLocaleString(undefined, range.ms <= DAY
    ? { hour: '2-digit', minute: '2-digit' }
    : { month: 'short', day: 'numeric', hour: range.ms <= 7 * DAY ? '2-digit' : undefined });
  const busiest = buckets.reduce((best, b) => (b.trace_count > best.trace_count ? b : best),
    buckets[0]);
  const tokensOf = (b) => b.input_tokens + b.output_tokens + b.cache_read_input_tokens
    + b.cache_creation_input_tokens;
  // Axis ticks may fall between whole numbers (0, 0.5, 1).
  const count = (v) => (Number.isInteger(v) ? v.toLocaleString() : v.toFixed(1));
  const ms = (v) => formatDuration(v);

  replace(content,
    totalsList(totals),
    h('div', { class: 'charts' },
      timeChart({ title: 'Traces and errors', kind: 'overlay', buckets, timeLabel, format: count,
        series: [
          { label: 'Traces', cls: 's-traces', value: (b) => b.trace_count },
          { label: 'Errors', cls: 's-errors', value: (b) => b.error_count },
        ],
        summary: `${totals.trace_count} traces, ${totals.error_count} with errors, in`
          + ` ${buckets.length} buckets${busiest && busiest.trace_count > 0
            ? `; busiest ${timeLabel(busiest.start_time_ms)} with ${busiest.trace_count}` : ''}` }),
      timeChart({ title: 'Latency', kind: 'lines', buckets, timeLabel, format: ms,
        series: [
          { label: 'p50', cls: 's-p50', value: (b) => b.latency_p50_ms },
          { label: 'p95', cls: 's-p95', value: (b) => b.latency_p95_ms },
        ],
        summary: totals.trace_count === 0 ? 'no traces'
          : `p50 ${ms(totals.latency_p50_ms)}, p95 ${ms(totals.latency_p95_ms)} over the range` }),
      timeChart({ title: 'Tokens', kind: 'stacked', buckets, timeLabel, format: count,
        series: [
          { label: 'Input', cls: 's-input', value: (b) => b.input_tokens },
          { label: 'Output', cls: 's-output', value: (b) => b.output_tokens },
          { label: 'Cache read', cls: 's-cache-read', value: (b) => b.cache_read_input_tokens },
          { label: 'Cache write', cls: 's-cache-write',
            value: (b) => b.cache_creation_input_tokens },
        ],
        summary: `${count(tokensOf(totals))} tokens: ${count(totals.input_tokens)} input,`
          + ` ${count(totals.output_tokens)} output, ${count(totals.cache_read_input_tokens)}`
          + ` cache read, ${count(totals.cache_creation_input_tokens)} cache write` }),
      timeChart({ title: 'Cost', kind: 'stacked', buckets, timeLabel, format: formatUsd,
        series: [{ label: 'Cost (USD)', cls: 's-cost', value: (b) => b.cost }],
        summary: `${formatUsd(totals.cost)} in total` })),
    h('div', { class: 'rankings' },
      rankedList('Slowest traces', 'slowest', data.slowest, (t) => ms(t.duration_ms)),
      rankedList('Costliest traces', 'costliest', data.costliest,
        (t) => formatUsd(t.cost))));
}

function totalsList(totals) {
  const rate = totals.trace_count === 0 ? '–'
    : `${((100 * totals.error_count) / totals.trace_count).toFixed(1)} %`;
  const latency = (v) => (v === null || v === undefined ? '–' : formatDuration(v));
  const item = (key, label, value, detail) => h('div', { class: 'total', 'data-total': key },
    h('dt', {}, label), h('dd', {}, h('span', { class: 'value' }, value),
      detail ? h('span', { class: 'detail muted' }, detail) : null));
  const n = (v) => v.toLocaleString();
  return h('dl', { class: 'totals', 'aria-label': 'Totals for the range' },
    item('traces', 'Traces', n(totals.trace_count)),
    item('error-rate', 'Error rate', rate,
      totals.error_count === 1 ? '1 error' : `${n(totals.error_count)} errors`),
    item('p50', 'Latency p50', latency(totals.latency_p50_ms)),
    item('p95', 'Latency p95', latency(totals.latency_p95_ms)),
    item('tokens', 'Tokens', n(totals.input_tokens + totals.output_tokens
      + totals.cache_read_input_tokens + totals.cache_creation_input_tokens),
    `${n(totals.input_tokens)} in · ${n(totals.output_tokens)} out · `
      + `${n(totals.cache_read_input_tokens + totals.cache_creation_input_tokens)} cache`),
    item('cost', 'Cost', formatUsd(totals.cost)));
}

function rankedList(title, key, traces, measure) {
  const headingId = `ranked-${key}`;
  return h('section', { class: 'ranked', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, title),
    traces.length === 0 ? h('p', { class: 'muted' }, 'None in this range.')
      : h('ol', { class: `ranked-list ranked-${key}` }, traces.map((t) => h('li', {},
        h('a', { href: `#/traces/${encodeURIComponent(t.trace_id)}` }, t.name || t.trace_id),
        h('span', { class: 'num measure' }, measure(t)),
        h('span', { class: 'muted when' }, new Date(t.request_time_ms).toLocaleString()),
        h('span', { class: `state state-${String(t.state).toLowerCase()}` }, t.state)))));
}

/** US dollars: cents for amounts from a cent up, four decimals below. */
