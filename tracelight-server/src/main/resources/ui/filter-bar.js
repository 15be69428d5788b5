// The traces table's filter bar: a typed filter in MLflow's grammar (docs/search.md) plus quick
// filters for status, time range and name. All of it lives in the URL (filter, status, range,
// name); composeFilter turns those params into the one filter string SearchTracesV3 takes.
import { h } from './dom.js';
import { setParams } from './state.js';

export const RANGES = [
  ['', 'All time', 0],
  ['1h', 'Last hour', 3_600_000],
  ['24h', 'Last 24 hours', 86_400_000],
  ['7d', 'Last 7 days', 7 * 86_400_000],
  ['30d', 'Last 30 days', 30 * 86_400_000],
];
const STATUSES = [['', 'Any status'], ['OK', 'OK'], ['ERROR', 'Error'], ['IN_PROGRESS', 'In progress']];

/** A value as a single-quoted filter string: a quote inside is written twice. */
export function quote(text) {
  return `'${String(text).replaceAll("'", "''")}'`;
}

/** The typed filter AND the quick filters, or '' for none; `nowMs` anchors the time range. */
export function composeFilter(params, nowMs = Date.now()) {
  const parts = [];
  if (params.filter && params.filter.trim()) parts.push(params.filter.trim());
  if (STATUSES.some(([v]) => v && v === params.status)) parts.push(`trace.status = ${quote(params.status)}`);
  const range = RANGES.find(([v]) => v && v === params.range);
  if (range) parts.push(`trace.timestamp_ms >= ${nowMs - range[2]}`);
  if (params.name) {
    // LIKE's own wildcards and escape in the name are matched literally.
    const literal = params.name.replace(/[\\%_]/g, (c) => `\\${c}`);
    parts.push(`trace.name LIKE ${quote(`%${literal}%`)}`);
  }
  return parts.join(' AND ');
}

/** The params the filter bar owns; the table reloads when one of them changes. */
export const FILTER_PARAMS = ['filter', 'status', 'range', 'name'];

/**
 * The bar's element and `update(params)` (shows params changed elsewhere, e.g. Back) and
 * `showError(message)` for the server's 400 about the typed filter ('' clears it).
 */
export function filterBar(params) {
  const typed = h('input', {
    type: 'text', id: 'trace-filter', class: 'filter-input mono', autocomplete: 'off',
    spellcheck: 'false', 'aria-describedby': 'trace-filter-error',
    placeholder: "trace.status = 'OK' AND tag.env = 'prod'",
  });
  const error = h('p', { id: 'trace-filter-error', class: 'error inline-error', role: 'alert' });
  const status = select('trace-status', STATUSES);
  const range = select('trace-range', RANGES);
  const name = h('input', { type: 'search', id: 'trace-name', autocomplete: 'off' });

  const applyText = () => setParams({
    filter: typed.value.trim() || undefined,
    name: name.value.trim() || undefined,
  });
  const onEnter = (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      applyText();
    }
  };
  typed.addEventListener('keydown', onEnter);
  name.addEventListener('keydown', onEnter);
  status.addEventListener('change', () => setParams({ status: status.value || undefined }));
  range.addEventListener('change', () => setParams({ range: range.value || undefined }));
  const clear = h('button', { type: 'button' }, 'Clear');
  clear.addEventListener('click', () => setParams(
    { filter: undefined, status: undefined, range: undefined, name: undefined }));
  const apply = h('button', { type: 'button', class: 'primary' }, 'Apply');
  apply.addEventListener('click', applyText);

  const element = h('div', { class: 'filter-bar', role: 'search', 'aria-label': 'Filter traces' },
    h('div', { class: 'field grow' },
      h('label', { for: 'trace-filter' }, 'Filter'),
      h('div', { class: 'controls' }, typed, apply, clear),
      error),
    h('div', { class: 'field' }, h('label', { for: 'trace-status' }, 'Status'), status),
    h('div', { class: 'field' }, h('label', { for: 'trace-range' }, 'Time range'), range),
    h('div', { class: 'field' }, h('label', { for: 'trace-name' }, 'Name contains'), name));

  const update = (next) => {
    typed.value = next.filter || '';
    name.value = next.name || '';
    status.value = next.status || '';
    range.value = next.range || '';
  };
  update(params);
  return {
    element,
    update,
    showError(message) {
      error.textContent = message || '';
      typed.setAttribute('aria-invalid', message ? 'true' : 'false');
    },
  };
}

function select(id, options) {
  return h('select', { id }, options.map(([value, label]) => h('option', { value }, label)));
}
