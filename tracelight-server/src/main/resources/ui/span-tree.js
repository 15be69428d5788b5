// The span tree with its timeline: a virtualized ARIA tree. Only the rows in view (plus a few)
// are in the DOM, each a fixed height, absolutely placed over a spacer as tall as all visible
// rows, so a trace of 10,000 spans costs ~40 row elements. Each row holds the tree cell (toggle,
// type icon, name, duration, tokens) and the timeline cell (its Gantt bar), so both stay aligned.
import { h, replace, formatDuration } from './dom.js';
import { spanTypeIcon } from './span-icons.js';
import { timeRange, timeAxis, timelineBar } from './timeline.js';

export const ROW_HEIGHT = 28;
const OVERSCAN = 8;

/**
 * Nodes from the span summaries (see the server's /tracelight/.../span-summaries), in one pass:
 * {id, parent, name, type, status, start, end (BigInt ns), durationMs, usage, cost, children,
 * parentNode}. Spans arrive in start order, so children do too. A span whose parent is missing
 * is a root.
 */
export function buildTree(summaries) {
  const byId = new Map();
  const nodes = summaries.map((s) => {
    const start = BigInt(s.start_time_unix_nano || 0);
    const endRaw = BigInt(s.end_time_unix_nano || 0);
    const end = endRaw === 0n ? start : endRaw; // not ended: a zero-length bar
    const node = {
      id: s.span_id, parent: s.parent_span_id || '', name: s.name, type: s.span_type || '',
      status: s.status, start, end, durationMs: Number(end - start) / 1e6,
      usage: s.token_usage, cost: s.cost, children: [], parentNode: null,
    };
    byId.set(node.id, node);
    return node;
  });
  const roots = [];
  for (const node of nodes) {
    const parent = node.parent && node.parent !== node.id ? byId.get(node.parent) : undefined;
    if (parent) {
      node.parentNode = parent;
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  return { roots, byId, nodes };
}

/**
 * The tree view. `onSelect(node, how)` is called when the user selects a row ('click' or
 * 'key'); `select(id)` selects programmatically (expanding ancestors and scrolling it in view).
 */
export function createSpanTree({ tree, label, onSelect }) {
  const range = timeRange(tree.nodes);
  const collapsed = new Set();
  let rows = []; // [{node, depth}] of the rows not hidden by a collapsed ancestor
  let selected = null;
  const spacer = h('div', { class: 'spacer', role: 'none' });
  const view = h('div', {
    class: 'span-tree', role: 'tree', 'aria-label': label, tabindex: '0',
  }, spacer);
  const scroller = h('div', { class: 'span-scroller' }, view);

  function flatten() {
    rows = [];
    const stack = [...tree.roots].reverse().map((node) => ({ node, depth: 1 }));
    while (stack.length) {
      const item = stack.pop();
      rows.push(item);
      if (!collapsed.has(item.node.id)) {
        const { children } = item.node;
        for (let i = children.length - 1; i >= 0; i--) {
          stack.push({ node: children[i], depth: item.depth + 1 });
        }
      }
    }
    spacer.style.height = `${rows.length * ROW_HEIGHT}px`;
    scroller.style.height = `${Math.min(rows.length * ROW_HEIGHT + 2, 560)}px`;
  }

  function render() {
    const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(rows.length,
      Math.ceil((scroller.scrollTop + scroller.clientHeight) / ROW_HEIGHT) + OVERSCAN);
    const elements = [];
    for (let i = first; i < last; i++) elements.push(row(rows[i], i));
    replace(spacer, ...elements);
    const active = selected && spacer.querySelector(`[data-span-id="${CSS.escape(selected.id)}"]`);
    if (active) view.setAttribute('aria-activedescendant', active.id);
    else view.removeAttribute('aria-activedescendant');
  }

  function row({ node, depth }, index) {
    const hasChildren = node.children.length > 0;
    const open = hasChildren && !collapsed.has(node.id);
    const toggle = hasChildren
      ? h('button', {
        type: 'button', class: 'toggle', tabindex: '-1', 'aria-hidden': 'true',
        onclick: (e) => { e.stopPropagation(); setCollapsed(node, open); },
      }, open ? '▾' : '▸')
      : h('span', { class: 'toggle' });
    const tokens = node.usage && typeof node.usage.total_tokens === 'number'
      ? `${node.usage.total_tokens} tok` : '';
    const error = node.status === 'ERROR';
    const cell = h('span', { class: 'tree-cell' },
      toggle, spanTypeIcon(node.type),
      h('span', { class: 'name' }, node.name),
      error ? h('span', { class: 'error-mark', title: 'Error' }, '!',
        h('span', { class: 'sr-only' }, ' error')) : null,
      h('span', { class: 'num duration' }, formatDuration(node.durationMs)),
      h('span', { class: 'num tokens' }, tokens));
    cell.style.paddingLeft = `${(depth - 1) * 16}px`;
    const item = h('div', {
      role: 'treeitem', id: `span-row-${node.id}`, class: `span-row${error ? ' error' : ''}`,
      'aria-level': depth, 'aria-selected': String(selected === node),
      'aria-expanded': hasChildren ? String(open) : undefined,
      'aria-setsize': rows.length, 'aria-posinset': index + 1, 'data-span-id': node.id,
      onclick: () => { view.focus({ preventScroll: true }); choose(node, 'click'); },
    }, cell, timelineBar(node, range));
    item.style.top = `${index * ROW_HEIGHT}px`;
    return item;
  }

  function setCollapsed(node, value) {
    if (value) collapsed.add(node.id);
    else collapsed.delete(node.id);
    flatten();
    render();
  }

  function choose(node, how) {
    selectNode(node);
    onSelect(node, how);
  }

  function selectNode(node) {
    selected = node;
    for (let p = node.parentNode; p; p = p.parentNode) {
      if (collapsed.has(p.id)) {
        collapsed.delete(p.id);
        rows = null;
      }
    }
    if (rows === null) flatten();
    scrollIntoView(node);
    render();
  }

  function scrollIntoView(node) {
    const index = rows.findIndex((r) => r.node === node);
    if (index < 0) return;
    const top = index * ROW_HEIGHT;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + ROW_HEIGHT > scroller.scrollTop + scroller.clientHeight) {
      scroller.scrollTop = top + ROW_HEIGHT - scroller.clientHeight;
    }
  }

  view.addEventListener('keydown', (e) => {
    if (!rows.length) return;
    const index = Math.max(0, rows.findIndex((r) => r.node === selected));
    const node = rows[index].node;
    let next = null;
    switch (e.key) {
      case 'ArrowDown': next = rows[Math.min(rows.length - 1, index + 1)].node; break;
      case 'ArrowUp': next = rows[Math.max(0, index - 1)].node; break;
      case 'Home': next = rows[0].node; break;
      case 'End': next = rows[rows.length - 1].node; break;
      case 'ArrowRight':
        if (node.children.length && collapsed.has(node.id)) setCollapsed(node, false);
        else if (node.children.length) next = node.children[0];
        break;
      case 'ArrowLeft':
        if (node.children.length && !collapsed.has(node.id)) setCollapsed(node, true);
        else if (node.parentNode) next = node.parentNode;
        break;
      default: return;
    }
    e.preventDefault();
    if (next && next !== selected) choose(next, 'key');
  });
  let pending = false;
  scroller.addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; render(); });
  });

  flatten();
  const element = h('div', { class: 'span-tree-panel' },
    h('div', { class: 'span-tree-head', 'aria-hidden': 'true' },
      h('span', { class: 'tree-cell' }, 'Span'), timeAxis(range)),
    scroller);
  return {
    element,
    /** Renders the rows in view; call once the element is in the document. */
    render,
    select(id) {
      const node = tree.byId.get(id);
      if (node && node !== selected) selectNode(node);
      return node || null;
    },
    selected: () => selected,
  };
}
