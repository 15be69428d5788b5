// The timeline column of the span tree: a time axis and one Gantt bar per row, placed by the
// span's start and duration relative to the whole trace. Bars are positioned in percent, so the
// column can be any width and the rows stay aligned with the tree (they are the same rows).
import { h, formatDuration } from './dom.js';

/** The trace's time range in ms from its earliest start: {t0 (BigInt ns), totalMs}. */
export function timeRange(nodes) {
  let t0 = null;
  let t1 = null;
  for (const n of nodes) {
    if (t0 === null || n.start < t0) t0 = n.start;
    if (t1 === null || n.end > t1) t1 = n.end;
  }
  if (t0 === null) return { t0: 0n, totalMs: 0 };
  return { t0, totalMs: Number(t1 - t0) / 1e6 };
}

/** The axis above the bars: five ticks from 0 to the trace's duration. */
export function timeAxis(range) {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const tick = h('span', { class: 'tick' }, formatDuration(range.totalMs * f));
    tick.style.left = `${f * 100}%`;
    if (f === 1) tick.classList.add('last');
    return tick;
  });
  return h('div', { class: 'time-axis', 'aria-hidden': 'true' }, ticks);
}

/** The bar of one span: offset and width in percent of the trace's duration. */
export function timelineBar(node, range) {
  const total = range.totalMs > 0 ? range.totalMs : 1;
  const offsetMs = Number(node.start - range.t0) / 1e6;
  const bar = h('span', {
    class: `bar type-${cssType(node.type)}${node.status === 'ERROR' ? ' error' : ''}`,
    title: `${node.name}: starts at ${formatDuration(offsetMs)}, lasts ${
      formatDuration(node.durationMs)}`,
  });
  bar.style.left = `${(offsetMs / total) * 100}%`;
  bar.style.width = `${(node.durationMs / total) * 100}%`;
  return h('span', { class: 'timeline', 'aria-hidden': 'true' }, bar);
}

/** A span type as a CSS class suffix: known types as is, anything else UNKNOWN. */
export function cssType(type) {
  return KNOWN_TYPES.has(type) ? type : 'UNKNOWN';
}

export const KNOWN_TYPES = new Set(['CHAT_MODEL', 'LLM', 'AGENT', 'TOOL', 'CHAIN', 'RETRIEVER',
  'EMBEDDING', 'PARSER', 'RERANKER', 'MEMORY', 'UNKNOWN']);
