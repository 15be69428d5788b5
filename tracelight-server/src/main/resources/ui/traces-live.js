// Live updates of the traces table: while the tab is visible and "Live" is on, polls for traces
// at or after the newest one shown (same filters) and hands the unseen ones to the table; rows
// still in progress are fetched again by id so their state, latency and tokens catch up.
import { h } from './dom.js';
import { searchTracesPage } from './api.js';
import { quote } from './filter-bar.js';

const POLL_MS = 3000;
const MAX_NEW = 100;

/**
 * `query()` gives { experimentId, filter, generation } of the table's current query;
 * `isCurrent(generation)` tells whether the table still shows it; `rows` maps trace id →
 * { info }. `onNew(infos)` gets unseen traces newest first; `onRefresh(infos)` updated ones.
 */
export function liveUpdates({ isAlive, query, isCurrent, rows, onNew, onRefresh }) {
  const box = h('input', { type: 'checkbox', id: 'live-toggle', checked: true });
  const toggle = h('label', { class: 'live', for: 'live-toggle' }, box, ' Live');
  let busy = false;

  async function poll() {
    const { experimentId, filter, generation } = query();
    const newest = newestMillis(rows);
    const since = newest === null ? '' : `trace.timestamp_ms >= ${newest}`;
    const page = await searchTracesPage({
      experimentId, filter: [filter, since].filter(Boolean).join(' AND '),
      orderBy: ['timestamp_ms DESC'], maxResults: MAX_NEW,
    });
    if (!isCurrent(generation)) return;
    const unseen = (page.traces || []).filter((info) => !rows.has(info.trace_id));
    if (unseen.length) onNew(unseen);

    const running = [...rows.values()].map((r) => r.info)
      .filter((info) => info.state === 'IN_PROGRESS').slice(0, MAX_NEW).map((info) => info.trace_id);
    if (!running.length) return;
    const again = await searchTracesPage({
      experimentId, filter: `trace.request_id IN (${running.map(quote).join(', ')})`,
      maxResults: MAX_NEW,
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

function newestMillis(rows) {
  let newest = null;
  for (const { info } of rows.values()) {
    const ms = Date.parse(info.request_time);
    if (Number.isFinite(ms) && (newest === null || ms > newest)) newest = ms;
  }
  return newest;
}
