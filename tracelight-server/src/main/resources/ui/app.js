// Routes the hash (see state.js) to a page. A page is re-rendered when the path changes; when only
// the params change and the page returned an `update(params)` function, that is called instead, so
// typing a filter or selecting a span keeps the page's scroll position and loaded rows.
import { h, replace } from './dom.js';
import { currentRoute } from './state.js';
import { renderExperiments } from './experiments.js';
import { renderTraces } from './traces.js';
import { renderTrace } from './trace.js';
import { renderOverview } from './overview.js';
import { initTheme } from './theme.js';

const main = document.getElementById('main');
let shown = { key: null, page: null };

function pageFor(path) {
  const [section, id, sub] = path;
  if (section === 'experiments' && id !== undefined && sub === undefined) {
    return (params) => renderTraces(main, id, params);
  }
  if (section === 'experiments' && id !== undefined && sub === 'overview') {
    return (params) => renderOverview(main, id, params);
  }
  if (section === 'traces' && id) return (params) => renderTrace(main, id, params);
  return (params) => renderExperiments(main, params);
}

async function route() {
  const { path, params } = currentRoute();
  const key = path.join('/');
  if (key === shown.key && shown.page && typeof shown.page.update === 'function') {
    shown.page.update(params);
    return;
  }
  shown = { key, page: null };
  replace(main, h('p', { class: 'muted' }, 'Loading…'));
  try {
    const page = await pageFor(path)(params);
    if (shown.key === key) shown.page = page || null;
  } catch (error) {
    replace(main, h('p', { class: 'error', role: 'alert' }, `Could not load: ${error.message}`));
  }
  main.focus({ preventScroll: true });
}

initTheme(document.getElementById('theme'));
window.addEventListener('hashchange', route);
route();
