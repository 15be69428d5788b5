// Builds DOM nodes without ever parsing HTML: trace content is untrusted, so text goes in as
// text nodes and attributes through setAttribute; nothing here hands data to an HTML parser.
// Styles go through the CSSOM: the server's Content-Security-Policy refuses style attributes.

/**
 * h('a', {href: '#/x', class: 'link'}, 'text', otherNode)
 * Attribute values and children may be any data; strings become text nodes.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'style') {
      el.style.cssText = String(value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces all children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

export function formatTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString();
}

/** "1.532s" (protobuf Duration) or milliseconds to a short human text. */
export function formatDuration(value) {
  let ms = typeof value === 'number' ? value : parseFloat(String(value || '0')) * 1000;
  if (!Number.isFinite(ms)) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Parses JSON text, or returns the text itself when it is not JSON. */
export function parseJson(text) {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * US dollars as every page shows them: cents from $0.10 up ("$0.54"), four decimals below that
 * ("$0.0180"), three significant digits under a tenth of a cent ("$0.000850"); "–" for no number.
 */
export function formatUsd(value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  const size = Math.abs(value);
  if (size === 0 || size >= 0.1) return `$${value.toFixed(2)}`;
  return `$${size >= 0.001 ? value.toFixed(4) : value.toPrecision(3)}`;
}

/** "input $0.0030 · output $0.0150" of a cost object ({input_cost, output_cost, total_cost}). */
export function costBreakdown(cost) {
  return `input ${formatUsd(cost.input_cost)} · output ${formatUsd(cost.output_cost)}`;
}
/** "in / out / total" of a token usage object, or "" when absent. */
export function formatTokens(usage) {
  if (!usage || typeof usage !== 'object') return '';
  const n = (k) => (typeof usage[k] === 'number' ? usage[k] : '–');
  return `${n('input_tokens')} / ${n('output_tokens')} / ${n('total_tokens')}`;
}

/**
 * `run(work)` for an edit: says "Saving…" in the `status` element while `work()` runs, then
 * calls `onChanged()`; a failure is shown there as "<failure>: <message>", never thrown.
 */
export function saver(status, failure, onChanged) {
  return async (work) => {
    status.textContent = 'Saving…';
    try {
      await work();
      status.textContent = '';
      await onChanged();
    } catch (e) {
      status.textContent = `${failure}: ${e.message}`;
    }
  };
}
