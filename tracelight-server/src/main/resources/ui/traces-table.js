// The traces table's header and rows: one row per SearchTracesV3 trace info. Everything shown is
// trace data, so it goes in as text (dom.js); full texts of truncated cells go in `title`.
import { h, formatTime, formatDuration, formatTokens, parseJson, formatUsd, costBreakdown } from './dom.js';

const PREVIEW_CHARS = 160;

/** Sortable columns: header text → SearchTracesV3 order_by key and its first direction. */
const SORTS = {
  Time: ['timestamp_ms', 'DESC'],
  Name: ['name', 'ASC'],
  Latency: ['execution_time_ms', 'DESC'],
  Status: ['status', 'ASC'],
};
export const DEFAULT_ORDER = 'timestamp_ms DESC';

/** `order` ('execution_time_ms ASC') as [key, direction], the default when absent or unknown. */
export function parseOrder(order) {
  const [key, dir = 'ASC'] = String(order || DEFAULT_ORDER).trim().split(/\s+/);
  const known = Object.values(SORTS).some(([k]) => k === key);
  return known ? [key, dir.toUpperCase() === 'DESC' ? 'DESC' : 'ASC'] : DEFAULT_ORDER.split(' ');
}

/**
 * The header row. `selectAll` is the select-all checkbox; `onSort(order)` gets the order a click
 * asks for. Sort direction is shown by aria-sort and a CSS arrow, so the header text stays the name.
 */
export function headerRow(order, selectAll, onSort) {
  const [key, dir] = parseOrder(order);
  const th = (label) => {
    const sort = SORTS[label];
    if (!sort) return h('th', { scope: 'col' }, label);
    const active = sort[0] === key;
    const button = h('button', { type: 'button', class: 'sort' }, label);
    button.addEventListener('click', () => {
      const next = active ? (dir === 'DESC' ? 'ASC' : 'DESC') : sort[1];
      onSort(`${sort[0]} ${next}`);
    });
    return h('th', {
      scope: 'col', 'aria-sort': active ? (dir === 'DESC' ? 'descending' : 'ascending') : 'none',
    }, button);
  };
  return h('tr', {},
    h('th', { scope: 'col', class: 'select' }, selectAll),
    ...['Time', 'Name', 'Request', 'Response', 'Tokens (in / out / total)', 'Cost', 'Latency',
      'Status', 'User / Session', 'Tags', 'Feedback'].map(th));
}

/** A row for `info`; `checkbox` is the row's select box, owned by the caller. */
export function traceRow(info, checkbox) {
  const tags = info.tags || {};
  const metadata = info.trace_metadata || {};
  const state = String(info.state || '');
  return h('tr', { tabindex: '0', 'data-trace-id': info.trace_id, 'data-state': state },
    h('td', { class: 'select' }, checkbox),
    h('td', { class: 'time' },
      h('a', { href: `#/traces/${encodeURIComponent(info.trace_id)}` }, formatTime(info.request_time))),
    h('td', {}, tags['mlflow.traceName'] || ''),
    preview(info.request_preview),
    preview(info.response_preview),
    tokensCell(parseJson(metadata['mlflow.trace.tokenUsage'])),
    costCell(parseJson(metadata['mlflow.trace.cost'])),
    h('td', { class: 'num' }, formatDuration(info.execution_duration)),
    h('td', {}, h('span', { class: `state state-${state.toLowerCase()}` }, state)),
    h('td', {},
      metadata['mlflow.trace.user'] ? h('div', {}, metadata['mlflow.trace.user']) : null,
      metadata['mlflow.trace.session']
        ? h('div', { class: 'muted', title: 'Session' }, metadata['mlflow.trace.session']) : null),
    tagsCell(tags),
    feedbackCell(info.assessments || []));
}

function preview(text) {
  const full = String(text || '');
  const short = full.length > PREVIEW_CHARS ? `${full.slice(0, PREVIEW_CHARS)}…` : full;
  return h('td', { class: 'preview', title: full.length > PREVIEW_CHARS ? full : undefined },
    h('div', { class: 'clamp' }, short));
}

function tokensCell(usage) {
  if (!usage || typeof usage !== 'object') return h('td', { class: 'num' });
  const read = usage.cache_read_input_tokens;
  const write = usage.cache_creation_input_tokens;
  const cache = [
    typeof read === 'number' ? `${read} read` : null,
    typeof write === 'number' ? `${write} written` : null,
  ].filter(Boolean);
  return h('td', { class: 'num' },
    h('div', {}, formatTokens(usage)),
    cache.length ? h('div', { class: 'muted small' }, `cache ${cache.join(' · ')}`) : null);
}

/** `mlflow.trace.cost`: {input_cost, output_cost, total_cost} in USD (ModelPrice.costJson). */
function costCell(cost) {
  if (!cost || typeof cost !== 'object' || typeof cost.total_cost !== 'number') {
    return h('td', { class: 'num' });
  }
  return h('td', { class: 'num', title: costBreakdown(cost) }, formatUsd(cost.total_cost));
}

function tagsCell(tags) {
  const user = Object.entries(tags).filter(([k]) => !k.startsWith('mlflow.'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return h('td', {}, h('ul', { class: 'chips' }, user.map(([k, v]) =>
    h('li', { class: 'chip', title: `${k}: ${v}` }, v === '' ? k : `${k}: ${v}`))));
}

/**
 * Valid feedback assessments: a person's yes/no counted as 👍 / 👎, anything else (judges,
 * scores, labels) as "name: value"; a 💬 marks rationales (comments), shown on hover and to
 * screen readers.
 */
function feedbackCell(assessments) {
  const feedback = assessments.filter((a) => a.feedback && a.valid !== false);
  let up = 0;
  let down = 0;
  const others = [];
  for (const a of feedback) {
    const v = a.feedback.value;
    const human = a.source?.source_type === 'HUMAN';
    if (human && (v === true || v === 'yes')) up += 1;
    else if (human && (v === false || v === 'no')) down += 1;
    else if (v !== undefined && v !== null) {
      others.push(`${a.assessment_name}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
    }
  }
  const comments = feedback.map((a) => a.rationale).filter((r) => r && String(r).trim());
  const count = (n, emoji, word) => (n ? h('span', {
    class: 'thumb', role: 'img', title: `${n} ${word}`, 'aria-label': `${n} ${word}`,
  }, `${emoji} ${n}`) : null);
  return h('td', { class: 'feedback' },
    count(up, '👍', 'thumbs up'),
    count(down, '👎', 'thumbs down'),
    others.map((o) => h('span', { class: 'chip' }, o)),
    comments.length ? h('span', {
      class: 'comment', role: 'img', title: comments.join('\n'),
      'aria-label': `${comments.length} comment${comments.length > 1 ? 's' : ''}: ${comments.join('; ')}`,
    }, '💬') : null);
}
