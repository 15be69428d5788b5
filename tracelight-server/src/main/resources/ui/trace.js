import { h, replace, formatTime, formatDuration, formatTokens, parseJson } from './dom.js';
import { getTrace } from './api.js';
import { spanView } from './spans.js';
import { renderSpanDetail } from './span-detail.js';

export async function renderTrace(main, traceId) {
  const { trace } = await getTrace(traceId);
  const info = trace.trace_info;
  const spans = (trace.spans || []).map(spanView);
  const usage = parseJson((info.trace_metadata || {})['mlflow.trace.tokenUsage']);
  const experimentId = info.trace_location?.mlflow_experiment?.experiment_id;
  const detail = h('section', { class: 'detail', 'aria-label': 'Selected span' });
  const tree = h('ul', { class: 'tree', role: 'tree', 'aria-label': 'Spans' });

  const select = (span, button) => {
    tree.querySelectorAll('button[aria-selected="true"]')
      .forEach((b) => b.setAttribute('aria-selected', 'false'));
    button.setAttribute('aria-selected', 'true');
    renderSpanDetail(detail, span);
  };
  const buttons = [];
  for (const { span, depth } of ordered(spans)) {
    const button = h('button', { type: 'button', class: 'span', 'aria-selected': 'false',
      style: `padding-left: ${0.5 + depth * 1.25}rem` },
      h('span', { class: 'name' }, span.name),
      h('span', { class: 'type' }, span.type || ''),
      h('span', { class: 'num' }, formatDuration(span.durationMs)),
      h('span', { class: 'num' }, formatTokens(span.usage)));
    button.addEventListener('click', () => select(span, button));
    buttons.push([span, button]);
    // The tree is a flat list indented by depth; aria-level tells assistive tech the nesting.
    tree.append(h('li', { role: 'treeitem', 'aria-level': depth + 1 }, button));
  }

  replace(main,
    h('p', {}, experimentId !== undefined
      ? h('a', { href: `#/experiments/${encodeURIComponent(experimentId)}` }, '← Traces')
      : h('a', { href: '#/' }, '← Experiments')),
    h('h1', {}, (info.tags || {})['mlflow.traceName'] || 'Trace'),
    h('dl', { class: 'header' },
      h('dt', {}, 'Trace ID'), h('dd', { class: 'mono' }, info.trace_id),
      h('dt', {}, 'Status'), h('dd', {}, info.state),
      h('dt', {}, 'Time'), h('dd', {}, formatTime(info.request_time)),
      h('dt', {}, 'Duration'), h('dd', {}, formatDuration(info.execution_duration)),
      h('dt', {}, 'Tokens (in / out / total)'), h('dd', {}, formatTokens(usage) || '–')),
    h('div', { class: 'split' },
      h('section', { 'aria-label': 'Span tree' }, h('h2', {}, `Spans (${spans.length})`), tree),
      detail));
  if (buttons.length) select(...buttons[0]);
  else replace(detail, h('p', { class: 'muted' }, 'No spans stored for this trace.'));
}

/** Depth-first order with depths; spans whose parent is missing are shown as roots. */
function ordered(spans) {
  const ids = new Set(spans.map((s) => s.id));
  const children = new Map();
  for (const s of spans) {
    const key = ids.has(s.parent) ? s.parent : '';
    if (!children.has(key)) children.set(key, []);
    children.get(key).push(s);
  }
  const out = [];
  const visit = (parent, depth) => {
    const list = (children.get(parent) || []).sort((a, b) => (a.start < b.start ? -1 : 1));
    for (const s of list) {
      out.push({ span: s, depth });
      if (depth < 100) visit(s.id, depth + 1);
    }
  };
  visit('', 0);
  return out;
}
