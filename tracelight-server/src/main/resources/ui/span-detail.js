// The selected span's content: inputs, outputs, attributes and events.
import { h, replace, formatDuration, pretty } from './dom.js';

/** Renders the span view `span` (see spans.js) into `detail`, replacing what it held. */
export function renderSpanDetail(detail, span) {
  const rest = Object.fromEntries(Object.entries(span.attributes)
    .filter(([k]) => k !== 'mlflow.spanInputs' && k !== 'mlflow.spanOutputs'));
  replace(detail,
    h('h2', {}, span.name),
    h('p', { class: 'muted' },
      `${span.type || 'UNKNOWN'} · ${formatDuration(span.durationMs)} · ${span.status.code || ''}`,
      span.status.message ? ` · ${span.status.message}` : ''),
    block('Inputs', span.attributes['mlflow.spanInputs']),
    block('Outputs', span.attributes['mlflow.spanOutputs']),
    block('Attributes', rest),
    span.events.length ? block('Events', span.events) : null);
}

function block(title, value) {
  return h('section', {},
    h('h3', {}, title),
    h('pre', { tabindex: '0' }, value === undefined ? '–' : pretty(value)));
}
