// The selected span: its name, a meta line (type, duration, status, model, tokens, cost), then
// tabs: Chat (for a conversation), Inputs / Outputs, Attributes, Events.
import { h, replace, formatDuration, parseJson, formatUsd } from './dom.js';
import { jsonView } from './json-view.js';
import { chatOf } from './chat-messages.js';
import { renderChat } from './chat.js';
import { tabs } from './tabs.js';

const IO_KEYS = new Set(['mlflow.spanInputs', 'mlflow.spanOutputs']);

/**
 * The tab the user last chose ('chat', 'io', 'attributes' or 'events'), kept while the page
 * lives: the next span selected opens on it when it has that tab.
 */
let chosenTab = null;

/**
 * Renders the span view `span` (see spans.js) into `detail`, replacing what it held. It opens on
 * the tab the user last chose, when the span has it (Chat only for a conversation); otherwise on
 * the first tab, Chat when the span holds a conversation; but a failed span with an exception on
 * Events, because what went wrong is what one opens a failed span for.
 */
export function renderSpanDetail(detail, span) {
  const chat = chatOf(span);
  const events = span.events.map(eventView);
  const failed = statusName(span.status.code) === 'ERROR';
  const pages = [
    chat && { id: 'chat', name: 'Chat', render: () => renderChat(chat) },
    { id: 'io', name: 'Inputs / Outputs', render: () => inputsOutputs(span) },
    { id: 'attributes', name: 'Attributes', render: () => attributesTable(span.attributes) },
    { id: 'events', name: `Events (${events.length})`, render: () => eventList(events, span) },
  ].filter(Boolean);
  const chosen = pages.findIndex((p) => p.id === chosenTab);
  const initial = chosen >= 0 ? chosen
    : failed && events.some((e) => e.exception) ? pages.length - 1 : 0;
  replace(detail,
    h('h2', {}, span.name),
    meta(span),
    tabs(pages, initial, 'Span details', (i) => { chosenTab = pages[i].id; }));
}

function meta(span) {
  const a = span.attributes;
  const code = statusName(span.status.code);
  const model = a['mlflow.llm.model'] ?? a['gen_ai.response.model'] ?? a['gen_ai.request.model'];
  const cost = a['mlflow.llm.cost'];
  const item = (term, value, cls) => (value === undefined || value === null || value === ''
    ? null : h('div', {}, h('dt', {}, term), h('dd', { class: cls }, String(value))));
  return h('dl', { class: 'span-meta' },
    item('Type', span.type || 'UNKNOWN'),
    item('Duration', formatDuration(span.durationMs)),
    item('Status', code + (span.status.message ? `: ${span.status.message}` : ''),
      code === 'ERROR' ? 'error' : code === 'OK' ? 'state-ok' : undefined),
    item('Model', typeof model === 'string' ? model : undefined),
    item('Tokens', tokens(span.usage)),
    item('Cost', cost && typeof cost === 'object' ? dollars(cost.total_cost) : undefined));
}

/** "OK", "ERROR" or "UNSET" from the proto enum name. */
function statusName(code) {
  return String(code || 'UNSET').replace(/^STATUS_CODE_/, '');
}

function tokens(usage) {
  if (!usage || typeof usage !== 'object') return undefined;
  const parts = [['input_tokens', 'in'], ['output_tokens', 'out'], ['total_tokens', 'total'],
    ['cache_read_input_tokens', 'cache read'], ['cache_creation_input_tokens', 'cache write']]
    .filter(([k]) => typeof usage[k] === 'number')
    .map(([k, label]) => `${usage[k].toLocaleString('en')} ${label}`);
  return parts.length ? parts.join(' · ') : undefined;
}

function dollars(value) {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n)) return undefined;
  return formatUsd(n);
}

function inputsOutputs(span) {
  const part = (title) => {
    const value = span.attributes[`mlflow.span${title}`];
    return h('section', { class: 'io', 'aria-label': title }, h('h3', {}, title),
      value === undefined ? h('p', { class: 'muted' }, '–') : jsonView(value, { label: title }));
  };
  return h('div', {}, part('Inputs'), part('Outputs'));
}

function attributesTable(attributes) {
  const keys = Object.keys(attributes).filter((k) => !IO_KEYS.has(k)).sort();
  if (!keys.length) return h('p', { class: 'muted' }, 'No attributes.');
  return h('table', { class: 'attributes' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Key'), h('th', { scope: 'col' }, 'Value'))),
    h('tbody', {}, keys.map((k) => h('tr', {},
      h('th', { scope: 'row', class: 'mono attr-key' }, k),
      h('td', {}, valueView(attributes[k], k))))));
}

/** A value; structures, and strings holding a JSON object or array (gen_ai.*), as JSON. */
function valueView(value, label) {
  const structured = typeof value === 'string' && /^\s*[[{]/.test(value) ? parseJson(value) : value;
  return structured !== null && typeof structured === 'object'
    ? jsonView(structured, { toolbar: false, label, openDepth: 1 })
    : h('span', { class: 'attr-value' }, String(value));
}

/** {name, time (ns BigInt or undefined), attributes {key: value}, exception?} */
function eventView(event) {
  const attributes = {};
  for (const kv of event.attributes || []) attributes[kv.key] = anyValue(kv.value);
  let time;
  try {
    time = BigInt(event.time_unix_nano);
  } catch {
    time = undefined;
  }
  const exception = event.name === 'exception' || 'exception.type' in attributes
    || 'exception.stacktrace' in attributes;
  return { name: String(event.name ?? ''), time, attributes, exception };
}

/** An OTLP AnyValue as JSON, as GetTrace writes event attributes. */
function anyValue(v) {
  if (!v || typeof v !== 'object') return v;
  if ('string_value' in v) return v.string_value;
  if ('bool_value' in v) return v.bool_value;
  if ('int_value' in v) return Number(v.int_value);
  if ('double_value' in v) return Number(v.double_value);
  if ('array_value' in v) return (v.array_value?.values || []).map(anyValue);
  if ('kvlist_value' in v) {
    return Object.fromEntries((v.kvlist_value?.values || []).map((kv) => [kv.key, anyValue(kv.value)]));
  }
  return Object.values(v)[0];
}

function eventList(events, span) {
  if (!events.length) return h('p', { class: 'muted' }, 'No events.');
  return h('ol', { class: 'events' }, events.map((e) => {
    const offset = e.time === undefined ? '' : `+${formatDuration(Number(e.time - span.start) / 1e6)}`;
    const rest = Object.fromEntries(Object.entries(e.attributes)
      .filter(([k]) => !(e.exception && ['exception.type', 'exception.message',
        'exception.stacktrace'].includes(k))));
    const a = e.attributes;
    return h('li', { class: `event${e.exception ? ' event-exception' : ''}` },
      h('p', { class: 'event-head' }, h('strong', {}, e.name), ' ',
        h('span', { class: 'muted' }, offset)),
      e.exception ? h('div', { class: 'exception', role: 'group', 'aria-label': 'Exception' },
        h('p', { class: 'exception-title error' },
          h('strong', {}, String(a['exception.type'] ?? 'Exception')),
          a['exception.message'] !== undefined ? `: ${a['exception.message']}` : ''),
        a['exception.stacktrace'] !== undefined
          ? h('pre', { class: 'stacktrace', tabindex: '0', 'aria-label': 'Stack trace' },
            String(a['exception.stacktrace'])) : null) : null,
      Object.keys(rest).length ? jsonView(rest, { toolbar: false, label: `${e.name} attributes` })
        : null);
  }));
}
