// Live updates of the traces table: while the tab is visible and "Live" is on, polls for traces
// that started at most LATE_MS before the newest one shown (same filters) and hands the table the
// ones it lacks. The window reaches back because a trace is logged when it ends: a long one
// arrives after shorter ones that started later. Rows still in progress are fetched again by id
// so their state, latency and tokens catch up.
import { h } from './dom.js';
import { searchTracesPage } from './api.js';
import { quote } from './filter-bar.js';

const POLL_MS = 3000;
const PAGE_SIZE = 100;
/** Pages of the window read per poll: the newest PAGES × PAGE_SIZE traces in it. */
const PAGES = 2;
/** How long before the newest row a trace may start and still be looked for. */
const LATE_MS = 30 * 60 * 1000;

/**
 * `query()` gives { experimentId, filter, order ([key, direction]), complete (every page
 * loaded), loading (a page is on its way), generation } of the table's current query; `isCurrent(generation)` tells whether the
 * table still shows it; `rows` maps trace id → { info }. `onNew(infos)` gets the traces that
 * belong among the loaded rows and are not shown, newest first; `onRefresh(infos)` updated ones.
 */
export function liveUpdates({ isAlive, query, isCurrent, rows, onNew, onRefresh }) {
  const box = h('input', { type: 'checkbox', id: 'live-toggle', checked: true });
  const toggle = h('label', { class: 'live', for: 'live-toggle' }, box, ' Live');
  let busy = false;

  async function poll() {
    const { experimentId, filter, order, complete, loading, generation } = query();
    if (loading) return; // the rows are about to change: the next poll sees them
    const shown = [...rows.values()].map((r) => r.info);
    const times = shown.map(millis).filter(Number.isFinite);
    const newest = times.length ? Math.max(...times) : null;
    const compare = timeOrder(order);
    // While pages remain, only traces before the last loaded row belong in the table now; later
    // ones come with the next page. In a time order that bounds the window too.
    const last = compare && !complete && shown.length
      ? shown.reduce((a, b) => (compare(a, b) >= 0 ? a : b)) : null;
    let from = newest === null ? null : newest - LATE_MS;
    let to = null;
    if (last && order[1] === 'DESC') from = Math.max(from, millis(last));
    if (last && order[1] === 'ASC') to = millis(last);
    const belongs = (info) => complete
      || (compare ? compare(info, last) < 0 : millis(info) > newest);

    const windowFilter = [filter, from !== null && `trace.timestamp_ms >= ${from}`,
      to !== null && `trace.timestamp_ms <= ${to}`].filter(Boolean).join(' AND ');
    const found = [];
    let pageToken;
    for (let i = 0; i < PAGES; i++) {
      const page = await searchTracesPage({ experimentId, filter: windowFilter,
        orderBy: ['timestamp_ms DESC'], pageToken, maxResults: PAGE_SIZE });
      if (!isCurrent(generation)) return;
      found.push(...(page.traces || []));
      pageToken = page.next_page_token;
      if (!pageToken) break;
    }
    const unseen = found.filter((info) => !rows.has(info.trace_id) && belongs(info));
    if (unseen.length) onNew(unseen);

    const running = [...rows.values()].map((r) => r.info)
      .filter((info) => info.state === 'IN_PROGRESS').slice(0, PAGE_SIZE)
      .map((info) => info.trace_id);
    if (!running.length) return;
    const again = await searchTracesPage({
      experimentId, filter: `trace.request_id IN (${running.map(quote).join(', ')})`,
      maxResults: PAGE_SIZE,
    });
    if (!isCurrent(generation)) return;
    onRefresh((again.traces || []).filter((info) => info.state !== 'IN_PROGRESS'));
  }

  const timer = setInterval(async () => {
    if (!isAlive()) {
      clearInterval(timer);
      return;
    }
    if (busy || !box.checked || document.visibilityState !== 'visible') return;
    busy = true;
    try {
      await poll();
    } catch {
      // The next poll tries again; a failing server shows in the table's own loads.
    } finally {
      busy = false;
    }
  }, POLL_MS);

  return { toggle };
}

/**
 * For a time order ([key, direction] as parseOrder gives), a comparison of two trace infos as
 * the server orders them (start time, then trace id ascending); null for other orders.
 */
export function timeOrder([key, direction]) {
  if (key !== 'timestamp_ms') return null;
  const sign = direction === 'DESC' ? -1 : 1;
  return (a, b) => sign * (millis(a) - millis(b))
    || (a.trace_id < b.trace_id ? -1 : a.trace_id > b.trace_id ? 1 : 0);
}

function millis(info) {
  return Date.parse(info.request_time);
}
