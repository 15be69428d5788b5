// A JSON viewer for span values: collapsible objects and arrays, type-coloured values, long strings
// truncated, and (with its toolbar) search that highlights matches and copy. Everything is built
// as text nodes: values come from traces and are untrusted.
import { h } from './dom.js';

/** Containers at this depth and deeper start collapsed. */
const OPEN_DEPTH = 3;
/** Strings longer than this show a "show more" button. */
const LONG_STRING = 300;

/**
 * The viewer for `value`. Options: `toolbar` (search box, match count, Copy; default true),
 * `label` (names the viewer for assistive tech), `openDepth` (containers this deep start
 * collapsed).
 */
export function jsonView(value, { toolbar = true, label = 'JSON', openDepth = OPEN_DEPTH } = {}) {
  // texts: every searchable text element rendered so far; pending: collapsed containers whose
  // children are rendered only when first expanded (or searched), so large values open quickly.
  const ctx = { texts: [], pending: [], openDepth };
  const body = h('div', { class: 'jv-body mono' });
  body.append(typeof value === 'string'
    ? stringNode(value, ctx.texts, false)
    : node(undefined, value, 0, ctx));
  const view = h('div', { class: 'jv', role: 'group', 'aria-label': label });
  if (toolbar) view.append(toolbarFor(value, ctx, label));
  view.append(body);
  return view;
}

function node(key, value, depth, ctx) {
  const keyPart = key === undefined ? null : keyNode(key, ctx.texts);
  if (value === null || typeof value !== 'object') {
    return h('div', { class: 'jv-row' }, keyPart, leaf(value, ctx.texts));
  }
  const isArray = Array.isArray(value);
  const entries = isArray ? value.map((v, i) => [i, v]) : Object.entries(value);
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) {
    return h('div', { class: 'jv-row' }, keyPart, h('span', { class: 'jv-punct' }, open + close));
  }
  const summary = h('span', { class: 'jv-summary muted' },
    isArray ? `${entries.length} item${entries.length === 1 ? '' : 's'}`
      : `${entries.length} key${entries.length === 1 ? '' : 's'}`);
  const toggle = h('button', { type: 'button', class: 'jv-toggle', 'aria-expanded': 'true',
    'aria-label': `${key === undefined ? 'value' : key}: collapse or expand` });
  const children = h('div', { class: 'jv-children', role: 'group' });
  let rendered = false;
  const renderChildren = () => {
    if (rendered) return;
    rendered = true;
    for (const [k, v] of entries) {
      children.append(node(isArray ? undefined : k, v, depth + 1, ctx));
    }
  };
  const closing = h('div', { class: 'jv-punct' }, close);
  const container = h('div', { class: 'jv-node' },
    h('div', { class: 'jv-row' }, toggle, keyPart, h('span', { class: 'jv-punct' }, open),
      summary),
    children, closing);
  container.setExpanded = (expanded) => {
    if (expanded) renderChildren();
    toggle.setAttribute('aria-expanded', String(expanded));
    children.hidden = !expanded;
    closing.hidden = !expanded;
    summary.hidden = expanded;
  };
  toggle.addEventListener('click',
    () => container.setExpanded(toggle.getAttribute('aria-expanded') !== 'true'));
  container.setExpanded(depth < ctx.openDepth);
  if (!rendered) ctx.pending.push(renderChildren);
  return container;
}

function keyNode(key, texts) {
  const text = h('span', { class: 'jv-key' });
  setText(text, JSON.stringify(String(key)));
  texts.push(text);
  return h('span', {}, text, h('span', { class: 'jv-punct' }, ': '));
}

function leaf(value, texts) {
  if (typeof value === 'string') return stringNode(value, texts, true);
  const type = value === null ? 'null' : typeof value;
  const el = h('span', { class: `jv-${type}` });
  setText(el, String(value));
  texts.push(el);
  return el;
}

/** A string, quoted when inside JSON; past LONG_STRING characters it has a "show more" button. */
function stringNode(value, texts, quoted) {
  const el = h('span', { class: quoted ? 'jv-string' : 'jv-text' });
  const full = quoted ? `"${value}"` : value;
  texts.push(el);
  if (full.length <= LONG_STRING) {
    setText(el, full);
    return el;
  }
  const more = h('button', { type: 'button', class: 'jv-more', 'aria-expanded': 'false' });
  el.setExpanded = (expanded) => {
    el.truncated = !expanded;
    more.setAttribute('aria-expanded', String(expanded));
    more.textContent = expanded ? 'show less' : `show more (${full.length} characters)`;
    setText(el, full, el.query);
  };
  more.addEventListener('click', () => el.setExpanded(el.truncated));
  el.setExpanded(false);
  return h('span', {}, el, ' ', more);
}

/**
 * Sets `el`'s text to `full` (cut at LONG_STRING while `el.truncated`), with each occurrence of
 * `query` in a <mark>; returns the number of occurrences in the full text.
 */
function setText(el, full, query) {
  el.fullText = full;
  el.query = query;
  const shown = el.truncated ? `${full.slice(0, LONG_STRING)}…` : full;
  el.replaceChildren();
  if (!query) {
    el.append(shown);
    return 0;
  }
  const lower = shown.toLowerCase();
  let at = 0;
  for (let i = lower.indexOf(query); i >= 0; i = lower.indexOf(query, at)) {
    el.append(shown.slice(at, i), h('mark', {}, shown.slice(i, i + query.length)));
    at = i + query.length;
  }
  el.append(shown.slice(at));
  return count(full.toLowerCase(), query);
}

function count(text, query) {
  let n = 0;
  for (let i = text.indexOf(query); i >= 0; i = text.indexOf(query, i + query.length)) n++;
  return n;
}

function toolbarFor(value, ctx, label) {
  const input = h('input', { type: 'search', class: 'jv-search', 'aria-label': `Search ${label}`,
    placeholder: 'Search' });
  const matches = h('span', { class: 'jv-count muted', 'aria-live': 'polite' });
  const copied = h('span', { class: 'jv-copied muted', role: 'status' });
  const copy = h('button', { type: 'button', class: 'jv-copy' }, 'Copy');
  let opened = []; // what the last search expanded, folded again when the query changes
  input.addEventListener('input', () => {
    const query = input.value.trim().toLowerCase();
    opened.forEach((el) => el.setExpanded(false));
    opened = [];
    while (ctx.pending.length) ctx.pending.pop()(); // search what is not rendered yet too
    let total = 0;
    const open = (el) => {
      el.setExpanded(true);
      opened.push(el);
    };
    for (const el of ctx.texts) {
      const n = setText(el, el.fullText, query || undefined);
      if (n === 0) continue;
      total += n;
      // A match past the cut of a long string, or inside collapsed containers, is brought out.
      if (el.truncated && count(el.fullText.slice(0, LONG_STRING).toLowerCase(), query) < n) {
        open(el);
      }
      for (let p = el.closest('.jv-node'); p; p = p.parentElement.closest('.jv-node')) {
        if (p.querySelector(':scope > .jv-row > .jv-toggle').getAttribute('aria-expanded')
          !== 'true') open(p);
      }
    }
    matches.textContent = query ? `${total} match${total === 1 ? '' : 'es'}` : '';
  });
  copy.addEventListener('click', async () => {
    const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
    copied.textContent = (await copyText(text)) ? 'Copied' : 'Copy failed';
  });
  return h('div', { class: 'jv-toolbar' }, input, matches, copy, copied);
}

/** Copies through the Clipboard API, or a selected textarea and execCommand where that fails. */
export async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // refused (no permission, page not focused): fall back below
  }
  const area = h('textarea', { class: 'sr-only', readonly: true, 'aria-hidden': 'true' });
  area.value = text;
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
