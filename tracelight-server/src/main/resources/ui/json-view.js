// A JSON viewer for span values: collapsible objects and arrays written as JSON (quoted keys,
// commas; array items led by their index, muted and left out of text selections), type-coloured
// values, long strings truncated, large objects and arrays shown CHUNK entries at a time, and (with
// its toolbar) search over the whole value, which opens and highlights its matches, and copy.
// Everything is built as text nodes: values come from traces and are untrusted.
import { h } from './dom.js';

/** Containers at this depth and deeper start collapsed. */
const OPEN_DEPTH = 3;
/** Strings longer than this show a "show more" button. */
const LONG_STRING = 300;
/** Objects and arrays show this many entries, then a button for as many more. */
const CHUNK = 200;
/**
 * A search brings this many matches into view (the rest are counted, and highlighted where the
 * user opens them), so that typing a common letter does not render all of a large value.
 */
const REVEAL = 200;

/**
 * The viewer for `value`. Options: `toolbar` (search box, match count, Copy; default true),
 * `label` (names the viewer for assistive tech), `openDepth` (containers this deep start
 * collapsed).
 */
export function jsonView(value, { toolbar = true, label = 'JSON', openDepth = OPEN_DEPTH } = {}) {
  // texts: every searchable text element rendered so far; query: the search in force, which
  // texts rendered later (a container expanded, a chunk shown) are highlighted for too.
  const ctx = { texts: [], openDepth, query: undefined };
  const root = typeof value === 'string' ? stringNode(value, ctx) : node(value, 0, ctx);
  const view = h('div', { class: 'jv', role: 'group', 'aria-label': label });
  if (toolbar) view.append(toolbarFor(value, root, ctx, label));
  view.append(h('div', { class: 'jv-body mono' }, root));
  return view;
}

const isContainer = (value) => value !== null && typeof value === 'object';
const entriesOf = (value) => (Array.isArray(value) ? value.map((v, i) => [i, v])
  : Object.entries(value));
/** A key as the viewer writes it. */
const keyText = (key) => JSON.stringify(String(key));
/** A value inside JSON as the viewer writes it. */
const leafText = (value) => (typeof value === 'string' ? `"${value}"` : String(value));

/**
 * The element for `value` at `depth`, led by its `key` (in an object) or `index` (in an array)
 * and followed by a comma when `comma`. A leaf's element has `jvText`, its text element; a
 * container's has `jv`: {expanded(), setExpanded(bool), renderUpTo(i), item(i)}, where `item(i)`
 * is the element of entry `i` once rendered.
 */
function node(value, depth, ctx, { key, index, comma = false } = {}) {
  const lead = key !== undefined ? keyNode(key, ctx)
    : index !== undefined ? h('span', { class: 'jv-index' }, `${index}: `) : null;
  const tail = comma ? ',' : '';
  if (!isContainer(value)) {
    const [text, shown] = typeof value === 'string' ? stringParts(value, ctx, true)
      : [leaf(value, ctx)];
    const row = h('div', { class: 'jv-row' }, lead, shown || text,
      tail && h('span', { class: 'jv-punct' }, tail));
    row.jvText = text;
    return row;
  }
  const isArray = Array.isArray(value);
  const entries = entriesOf(value);
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) {
    return h('div', { class: 'jv-row' }, lead,
      h('span', { class: 'jv-punct' }, open + close + tail));
  }
  const summary = h('span', { class: 'jv-summary muted' },
    isArray ? `${entries.length} item${entries.length === 1 ? '' : 's'}`
      : `${entries.length} key${entries.length === 1 ? '' : 's'}`);
  const shut = h('span', { class: 'jv-punct jv-shut' }, close + tail); // while collapsed
  const name = key !== undefined ? key : index !== undefined ? `item ${index}` : 'value';
  const toggle = h('button', { type: 'button', class: 'jv-toggle', 'aria-expanded': 'true',
    'aria-label': `${name}: collapse or expand` });
  const children = h('div', { class: 'jv-children', role: 'group' });
  const closing = h('div', { class: 'jv-punct' }, close + tail);
  const container = h('div', { class: 'jv-node' },
    h('div', { class: 'jv-row' }, toggle, lead, h('span', { class: 'jv-punct' }, open),
      summary, shut),
    children, closing);

  // Entries are rendered a chunk at a time, when the container is first expanded and then by
  // the "Show more" button (or a search) at the end of its children.
  const items = [];
  const next = entries.length > CHUNK ? h('button', { type: 'button', class: 'jv-next' }) : null;
  const nextRow = next && h('div', { class: 'jv-row' }, next);
  if (nextRow) children.append(nextRow);
  const renderUpTo = (last) => {
    while (items.length <= last && items.length < entries.length) {
      const end = Math.min(items.length + CHUNK, entries.length);
      const chunk = [];
      for (let i = items.length; i < end; i++) {
        const [k, v] = entries[i];
        const place = isArray ? { index: i } : { key: k };
        chunk.push(node(v, depth + 1, ctx, { ...place, comma: i < entries.length - 1 }));
      }
      items.push(...chunk);
      if (nextRow) nextRow.before(...chunk);
      else children.append(...chunk);
    }
    if (!nextRow) return;
    const left = entries.length - items.length;
    nextRow.hidden = left === 0;
    next.textContent =
      `Show ${Math.min(CHUNK, left)} more (${left.toLocaleString('en')} not shown)`;
  };
  if (next) next.addEventListener('click', () => renderUpTo(items.length));

  let expanded;
  const setExpanded = (value) => {
    expanded = value;
    if (expanded) renderUpTo(0);
    toggle.setAttribute('aria-expanded', String(expanded));
    children.hidden = !expanded;
    closing.hidden = !expanded;
    summary.hidden = expanded;
    shut.hidden = expanded;
  };
  toggle.addEventListener('click', () => setExpanded(!expanded));
  setExpanded(depth < ctx.openDepth);
  container.jv = { expanded: () => expanded, setExpanded, renderUpTo, item: (i) => items[i] };
  return container;
}

function keyNode(key, ctx) {
  const text = h('span', { class: 'jv-key' });
  setText(text, keyText(key), ctx.query);
  ctx.texts.push(text);
  return h('span', {}, text, h('span', { class: 'jv-punct' }, ': '));
}

function leaf(value, ctx) {
  const type = value === null ? 'null' : typeof value;
  const el = h('span', { class: `jv-${type}` });
  setText(el, leafText(value), ctx.query);
  ctx.texts.push(el);
  return el;
}

/** A string on its own (not inside JSON, so unquoted): its element, with `jvText` set. */
function stringNode(value, ctx) {
  const [text, shown] = stringParts(value, ctx, false);
  const el = shown || h('span', {}, text);
  el.jvText = text;
  return el;
}

/**
 * [text element, its wrapper with a "show more" button past LONG_STRING characters (or
 * undefined)] for a string, quoted when inside JSON.
 */
function stringParts(value, ctx, quoted) {
  const el = h('span', { class: quoted ? 'jv-string' : 'jv-text' });
  const full = quoted ? leafText(value) : value;
  ctx.texts.push(el);
  if (full.length <= LONG_STRING) {
    setText(el, full, ctx.query);
    return [el];
  }
  const more = h('button', { type: 'button', class: 'jv-more', 'aria-expanded': 'false' });
  el.setExpanded = (expanded) => {
    el.truncated = !expanded;
    more.setAttribute('aria-expanded', String(expanded));
    more.textContent = expanded ? 'show less' : `show more (${full.length} characters)`;
    setText(el, full, ctx.query);
  };
  more.addEventListener('click', () => el.setExpanded(el.truncated));
  el.setExpanded(false);
  return [el, h('span', {}, el, ' ', more)];
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

/**
 * Counts `query` (lower case) in `value` as the viewer writes it, searching the data rather than
 * the rendered elements, and brings the first REVEAL matches into view: opens the containers on
 * their paths, renders the chunks up to them and unfolds a long string whose match is past the
 * cut. `root` is the viewer's element for `value`; what is opened is added to `opened`, to be
 * folded again. Answers {total, revealed}.
 */
function search(value, root, query, opened) {
  const budget = { revealed: 0 };
  let total;
  if (isContainer(value)) {
    total = reveal(value, query, () => root, opened, budget);
  } else {
    total = count(root.jvText.fullText.toLowerCase(), query);
    if (total) unfoldIfCut(root.jvText, total, query, opened);
  }
  return { total, revealed: isContainer(value) ? budget.revealed : total };
}

/** `search` within a container; `element()` renders and gives its element (on a match). */
function reveal(value, query, element, opened, budget) {
  let jv = null;
  const shown = (i) => {
    if (!jv) {
      jv = element().jv;
      if (!jv.expanded()) {
        jv.setExpanded(true);
        opened.push(jv);
      }
    }
    jv.renderUpTo(i);
    return jv.item(i);
  };
  const isArray = Array.isArray(value);
  let total = 0;
  entriesOf(value).forEach(([k, v], i) => {
    const inKey = isArray ? 0 : count(keyText(k).toLowerCase(), query);
    if (inKey && budget.revealed < REVEAL) {
      shown(i);
      budget.revealed += inKey;
    }
    let inValue;
    if (isContainer(v)) {
      inValue = reveal(v, query, () => shown(i), opened, budget);
    } else {
      inValue = count(leafText(v).toLowerCase(), query);
      if (inValue && budget.revealed < REVEAL) {
        unfoldIfCut(shown(i).jvText, inValue, query, opened);
        budget.revealed += inValue;
      }
    }
    total += inKey + inValue;
  });
  return total;
}

/** Unfolds the long string `el` when fewer than its `n` matches are before the cut. */
function unfoldIfCut(el, n, query, opened) {
  if (el.truncated && count(el.fullText.slice(0, LONG_STRING).toLowerCase(), query) < n) {
    el.setExpanded(true);
    opened.push(el);
  }
}

function toolbarFor(value, root, ctx, label) {
  const input = h('input', { type: 'search', class: 'jv-search', 'aria-label': `Search ${label}`,
    placeholder: 'Search' });
  const matches = h('span', { class: 'jv-count muted', 'aria-live': 'polite' });
  const copied = h('span', { class: 'jv-copied muted', role: 'status' });
  const copy = h('button', { type: 'button', class: 'jv-copy' }, 'Copy');
  let opened = []; // what the last search expanded, folded again when the query changes
  input.addEventListener('input', () => {
    const query = input.value.trim().toLowerCase();
    opened.forEach((x) => x.setExpanded(false));
    opened = [];
    ctx.query = query || undefined;
    const { total, revealed } = query ? search(value, root, query, opened)
      : { total: 0, revealed: 0 };
    for (const el of ctx.texts) setText(el, el.fullText, ctx.query);
    matches.textContent = !query ? ''
      : `${total.toLocaleString('en')} match${total === 1 ? '' : 'es'}`
        + (revealed < total ? `, the first ${revealed.toLocaleString('en')} opened` : '');
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
