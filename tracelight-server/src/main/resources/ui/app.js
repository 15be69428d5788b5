// Hash routing, so links to a trace can be shared: #/, #/experiments/<id>, #/traces/<trace id>.
import { h, replace } from './dom.js';
import { renderExperiments } from './experiments.js';
import { renderTraces } from './traces.js';
import { renderTrace } from './trace.js';

const main = document.getElementById('main');

async function route() {
  const hash = decodeURIComponent(location.hash.replace(/^#/, '')) || '/';
  const [, section, id] = hash.split('/');
  replace(main, h('p', { class: 'muted' }, 'Loading…'));
  try {
    if (section === 'experiments' && id !== undefined) {
      await renderTraces(main, id);
    } else if (section === 'traces' && id) {
      await renderTrace(main, id);
    } else {
      await renderExperiments(main);
    }
  } catch (error) {
    replace(main, h('p', { class: 'error', role: 'alert' }, `Could not load: ${error.message}`));
  }
  main.focus({ preventScroll: true });
}

window.addEventListener('hashchange', route);
route();
