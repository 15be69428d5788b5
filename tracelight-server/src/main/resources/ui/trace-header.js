// The trace header: name, status, times, tokens with their breakdown, cost, ids, user and
// session, editable tags (mlflow.* tags read-only) and the metadata in a collapsible list.
import {
  h, replace, formatTime, formatDuration, parseJson, saver, formatUsd, costBreakdown,
} from './dom.js';
import { setTraceTag, deleteTraceTag } from './api.js';

/** `onChanged()` is called after a tag was saved or deleted, to reload the trace info. */
export function traceHeader(info, { onChanged }) {
  const metadata = info.trace_metadata || {};
  const usage = parseJson(metadata['mlflow.trace.tokenUsage']);
  const cost = parseJson(metadata['mlflow.trace.cost']);
  const state = String(info.state || 'STATE_UNSPECIFIED');
  const copy = h('button', {
    type: 'button', class: 'copy', 'aria-label': 'Copy trace ID', title: 'Copy trace ID',
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(info.trace_id);
        copy.classList.add('copied');
      } catch {
        copy.classList.add('copy-failed'); // insecure context: the ID is selectable text
      }
    },
  });
  const term = (label, ...value) => [h('dt', {}, label), h('dd', {}, ...value)];
  return h('div', { class: 'trace-header' },
    h('dl', { class: 'header' },
      term('Trace ID', h('span', { class: 'mono' }, info.trace_id), copy),
      term('Status', h('span', { class: `state state-${state.toLowerCase()}` }, state)),
      term('Started', formatTime(info.request_time)),
      term('Duration', formatDuration(info.execution_duration)),
      term('Tokens', tokensText(usage)),
      term('Cost', costText(cost)),
      term('User', metadata['mlflow.trace.user'] || metadata['mlflow.user'] || '–'),
      term('Session', metadata['mlflow.trace.session'] || '–')),
    tagsEditor(info, onChanged),
    h('details', { class: 'metadata' },
      h('summary', {}, `Metadata (${Object.keys(metadata).length})`),
      h('dl', { class: 'header' }, Object.keys(metadata).sort()
        .flatMap((k) => term(h('span', { class: 'mono' }, k), h('span', { class: 'mono' },
          metadata[k]))))));
}

/** "42 total · input 12 · output 30 · cache read 0 · cache write 0", or "–". */
export function tokensText(usage) {
  if (!usage || typeof usage !== 'object') return '–';
  const n = (k) => (typeof usage[k] === 'number' ? usage[k] : 0);
  const total = typeof usage.total_tokens === 'number' ? usage.total_tokens
    : n('input_tokens') + n('output_tokens');
  return `${total} total · input ${n('input_tokens')} · output ${n('output_tokens')}`
    + ` · cache read ${n('cache_read_input_tokens')}`
    + ` · cache write ${n('cache_creation_input_tokens')}`;
}

/** "$0.0180 (input $0.0030 · output $0.0150)" from {input_cost, output_cost, total_cost} USD. */
export function costText(cost) {
  if (!cost || typeof cost !== 'object' || typeof cost.total_cost !== 'number') return '–';
  return `${formatUsd(cost.total_cost)} (${costBreakdown(cost)})`;
}

function tagsEditor(info, onChanged) {
  const tags = info.tags || {};
  const status = h('p', { class: 'muted tag-status', role: 'status' });
  const run = saver(status, 'Could not save', onChanged);
  const list = h('ul', { class: 'tags', 'aria-label': 'Tags' });
  // User tags first; the system's (mlflow.*) are read-only and folded behind a toggle.
  const keys = Object.keys(tags).sort();
  const systemCount = keys.filter((k) => k.startsWith('mlflow.')).length;
  const toggle = systemCount ? h('button', {
    type: 'button', class: 'small system-toggle', 'aria-expanded': 'false',
    onclick: () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      list.querySelectorAll('.tag.system').forEach((li) => { li.hidden = !open; });
    },
  }, `System tags (${systemCount})`) : null;
  for (const key of [...keys.filter((k) => !k.startsWith('mlflow.')),
    ...keys.filter((k) => k.startsWith('mlflow.'))]) {
    const readOnly = key.startsWith('mlflow.');
    const item = h('li', { class: `tag${readOnly ? ' system' : ''}`, 'data-key': key,
      hidden: readOnly });
    const show = () => replace(item,
      h('span', { class: 'tag-key mono' }, key), ' ',
      h('span', { class: 'tag-value' }, tags[key]),
      readOnly ? null : h('button', {
        type: 'button', class: 'small', 'aria-label': `Edit tag ${key}`, onclick: edit,
      }, 'Edit'),
      readOnly ? null : h('button', {
        type: 'button', class: 'small', 'aria-label': `Delete tag ${key}`,
        onclick: () => run(() => deleteTraceTag(info.trace_id, key)),
      }, 'Delete'));
    function edit() {
      const input = h('input', { type: 'text', value: tags[key], 'aria-label': `Value of ${key}` });
      replace(item, h('form', {
        class: 'tag-form',
        onsubmit: (e) => {
          e.preventDefault();
          run(() => setTraceTag(info.trace_id, key, input.value));
        },
      }, h('span', { class: 'tag-key mono' }, key), ' ', input,
      h('button', { type: 'submit', class: 'small' }, 'Save'),
      h('button', { type: 'button', class: 'small', onclick: show }, 'Cancel')));
      input.focus();
    }
    show();
    list.append(item);
  }
  const keyInput = h('input', { type: 'text', name: 'key', required: true, maxlength: '250',
    'aria-label': 'New tag key', placeholder: 'key' });
  const valueInput = h('input', { type: 'text', name: 'value', maxlength: '4096',
    'aria-label': 'New tag value', placeholder: 'value' });
  const add = h('form', {
    class: 'tag-form add-tag',
    onsubmit: (e) => {
      e.preventDefault();
      const key = keyInput.value.trim();
      if (key.startsWith('mlflow.')) {
        status.textContent = 'mlflow.* tags are reserved; choose another key.';
        return;
      }
      if (key) run(() => setTraceTag(info.trace_id, key, valueInput.value));
    },
  }, keyInput, valueInput, h('button', { type: 'submit', class: 'small' }, 'Add tag'));
  return h('section', { class: 'tags-section', 'aria-label': 'Tags' },
    h('h2', {}, 'Tags'), list, toggle, add, status);
}
