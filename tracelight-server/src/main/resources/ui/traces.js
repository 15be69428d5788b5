// An experiment's traces (#/experiments/<id>?filter=…&status=…&range=…&name=…&order=…&trace=…):
// filter bar, sortable keyset-paged table, select and delete, live updates, and the selected
// trace in a side panel. Param changes arrive through update(params), so the page is built once.
import { h, replace } from './dom.js';
import { getExperiment, searchTracesPage } from './api.js';
import { setParams } from './state.js';
import { experimentHeader } from './experiment-header.js';
import { composeFilter, filterBar, FILTER_PARAMS } from './filter-bar.js';
import { DEFAULT_ORDER, headerRow, parseOrder, traceRow } from './traces-table.js';
import { liveUpdates, timeOrder } from './traces-live.js';
import { deletion } from './traces-delete.js';
import { renderTrace } from './trace.js';

const PAGE_SIZE = 50;
const QUERY_PARAMS = [...FILTER_PARAMS, 'order'];

export async function renderTraces(main, experimentId, initialParams = {}) {
  const { experiment } = await getExperiment(experimentId);
  let params = { ...initialParams };
  const rows = new Map(); // trace id → { tr, info, checkbox }
  const tbody = h('tbody', {});
  const thead = h('thead', {});
  const count = h('p', { class: 'muted' });
  const loadError = h('p', { class: 'error', role: 'alert' });
  const more = h('button', { type: 'button', hidden: true }, 'Load more');
  const bar = filterBar(params);
  let pageToken;
  let generation = 0; // each new query (filter, order) starts one; stale answers are dropped
  let loadingGeneration = null;

  const selectAll = h('input', { type: 'checkbox', 'aria-label': 'Select all loaded traces' });
  const remove = deletion({ experimentId, rows, selectAll, onDeleted: (ids) => {
    updateCount();
    if (ids.includes(params.trace)) setParams({ trace: undefined });
  } });

  const order = () => `${parseOrder(params.order).join(' ')}`;
  const renderHeader = () => thead.replaceChildren(headerRow(params.order, selectAll,
    (next) => setParams({ order: next === DEFAULT_ORDER ? undefined : next })));

  /** Adds or redraws the row of `info`; a new row goes before the row `before` (null: last). */
  function addRow(info, { before = null, fresh = false } = {}) {
    const checkbox = remove.checkboxFor(info.trace_id);
    const tr = traceRow(info, checkbox);
    if (info.trace_id === params.trace) markSelected(tr);
    if (fresh) tr.classList.add('fresh');
    const old = rows.get(info.trace_id);
    if (old) old.tr.replaceWith(tr);
    else tbody.insertBefore(tr, before);
    rows.set(info.trace_id, { tr, info, checkbox });
  }

  /** The first row that `compare` puts after `info`, or null. */
  function rowAfter(info, compare) {
    for (const tr of tbody.children) {
      if (compare(rows.get(tr.dataset.traceId).info, info) > 0) return tr;
    }
    return null;
  }

  function updateCount() {
    count.textContent = rows.size === 0 ? 'No traces match.'
      : `${rows.size} traces shown${pageToken ? '; scroll or “Load more” for more' : ''}`;
    more.hidden = !pageToken;
    remove.refresh();
  }

  async function load(reset) {
    if (!reset && (loadingGeneration === generation || !pageToken)) return;
    const mine = reset ? ++generation : generation;
    loadingGeneration = mine;
    more.hidden = true; // shown again after the page: the observer then sees it anew
    try {
      const page = await searchTracesPage({
        experimentId, filter: composeFilter(params), orderBy: [order()],
        pageToken: reset ? undefined : pageToken, maxResults: PAGE_SIZE,
      });
      if (mine !== generation) return;
      if (reset) {
        rows.clear();
        tbody.replaceChildren();
        remove.clear();
      }
      for (const info of page.traces || []) if (!rows.has(info.trace_id)) addRow(info);
      pageToken = page.next_page_token;
      bar.showError('');
      loadError.textContent = '';
    } catch (error) {
      if (mine !== generation) return;
      // A bad filter's 400 goes next to the input; the rows of the last good query stay.
      if (reset && error.status === 400) bar.showError(error.message);
      else loadError.textContent = `Could not load traces: ${error.message}`;
      if (reset) pageToken = undefined; // the old query's token must not page the new one
    } finally {
      if (mine === generation) {
        loadingGeneration = null;
        updateCount();
      }
    }
  }
  more.addEventListener('click', () => load(false));
  new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) load(false);
  }).observe(more);

  // The selected trace, in a side panel next to the table.
  const panelBody = h('div', { class: 'trace-panel-body' });
  const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Close trace panel' }, '×');
  close.addEventListener('click', () => setParams({ trace: undefined }));
  const panel = h('aside', { class: 'trace-panel', 'aria-label': 'Selected trace', hidden: true },
    close, panelBody);
  const layout = h('div', { class: 'traces-layout' },
    h('div', { class: 'table-scroll' },
      h('table', { class: 'traces' },
        h('caption', { class: 'sr-only' }, `Traces of ${experiment.name}`),
        thead, tbody),
      count, loadError, more),
    panel);
  let shownTrace = null;
  let tracePage = null;

  function markSelected(tr) {
    tr.classList.add('selected');
    tr.setAttribute('aria-current', 'true');
  }

  async function showPanel() {
    const id = params.trace || null;
    for (const { tr } of rows.values()) {
      tr.classList.remove('selected');
      tr.removeAttribute('aria-current');
    }
    if (id && rows.has(id)) markSelected(rows.get(id).tr);
    layout.classList.toggle('with-panel', Boolean(id));
    panel.hidden = !id;
    if (id === shownTrace) {
      if (id && tracePage && typeof tracePage.update === 'function') tracePage.update(params);
      return;
    }
    shownTrace = id;
    tracePage = null;
    if (!id) {
      panelBody.replaceChildren();
      return;
    }
    replace(panelBody, h('p', { class: 'muted' }, 'Loading…'));
    try {
      const page = await renderTrace(panelBody, id, params);
      if (shownTrace === id) tracePage = page || null;
    } catch (error) {
      if (shownTrace === id) {
        replace(panelBody, h('p', { class: 'error', role: 'alert' }, `Could not load: ${error.message}`));
      }
    }
  }

  // A click on a row outside its link and checkbox selects it; Enter does the same from the keyboard.
  tbody.addEventListener('click', (event) => {
    if (event.target.closest('a, input, button, label')) return;
    const tr = event.target.closest('tr[data-trace-id]');
    if (tr) setParams({ trace: tr.dataset.traceId });
  });
  tbody.addEventListener('keydown', (event) => {
    const tr = event.target;
    if (!(tr instanceof HTMLTableRowElement)) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      setParams({ trace: tr.dataset.traceId });
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling;
      if (next) next.focus();
    }
  });
  const onEscape = (event) => {
    if (!layout.isConnected) {
      document.removeEventListener('keydown', onEscape);
      return;
    }
    if (event.key !== 'Escape' || !params.trace || remove.dialogOpen()) return;
    const row = rows.get(params.trace);
    setParams({ trace: undefined });
    if (row) row.tr.focus();
  };
  document.addEventListener('keydown', onEscape);

  const live = liveUpdates({
    isAlive: () => layout.isConnected,
    query: () => ({
      experimentId, filter: composeFilter(params), order: parseOrder(params.order),
      complete: !pageToken, loading: loadingGeneration !== null, generation,
    }),
    isCurrent: (g) => g === generation,
    rows,
    // In a time order each new trace goes to its place; in others, at the top, newest first.
    onNew: (infos) => {
      const compare = timeOrder(parseOrder(params.order));
      for (const info of compare ? infos : [...infos].reverse()) {
        if (rows.has(info.trace_id)) continue;
        const before = compare ? rowAfter(info, compare) : tbody.firstElementChild;
        addRow(info, { before, fresh: true });
      }
      updateCount();
    },
    onRefresh: (infos) => infos.forEach((info) => rows.has(info.trace_id) && addRow(info)),
  });

  renderHeader();
  replace(main,
    experimentHeader(experiment, 'traces'),
    bar.element,
    h('div', { class: 'toolbar' }, remove.button, live.toggle, remove.announcer),
    layout,
    remove.dialog);
  await load(true);
  showPanel();

  return {
    update(next) {
      const queryChanged = QUERY_PARAMS.some((k) => (next[k] || '') !== (params[k] || ''));
      params = { ...next };
      if (queryChanged) {
        bar.update(params);
        renderHeader();
        load(true);
      }
      showPanel();
    },
  };
}
