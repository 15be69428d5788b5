import { h, replace } from './dom.js';
import { searchExperiments } from './api.js';

export async function renderExperiments(main) {
  const { experiments = [] } = await searchExperiments();
  const rows = experiments.map((e) =>
    h('tr', {},
      h('td', {}, h('a', { href: `#/experiments/${encodeURIComponent(e.experiment_id)}` }, e.name)),
      h('td', { class: 'mono' }, e.experiment_id),
      h('td', {}, new Date(e.creation_time).toLocaleString())));
  replace(main,
    h('h1', {}, 'Experiments'),
    experiments.length === 0
      ? h('p', { class: 'muted' }, 'No experiments yet.')
      : h('table', {},
          h('caption', { class: 'sr-only' }, 'Experiments, newest first'),
          h('thead', {}, h('tr', {},
            h('th', { scope: 'col' }, 'Name'),
            h('th', { scope: 'col' }, 'ID'),
            h('th', { scope: 'col' }, 'Created'))),
          h('tbody', {}, rows)));
}
