// The heading every experiment page shares: a way back, the name, and the Traces / Overview tabs.
import { h } from './dom.js';

/**
 * `active` is 'traces' or 'overview'. The tabs are links, so they work with the keyboard, open in
 * a new tab and keep the experiment in the URL.
 */
export function experimentHeader(experiment, active) {
  const id = encodeURIComponent(experiment.experiment_id);
  const tab = (key, label, href) => h('a', {
    href, class: 'tab', 'aria-current': key === active ? 'page' : undefined,
  }, label);
  return h('div', { class: 'experiment-header' },
    h('p', {}, h('a', { href: '#/' }, '← Experiments')),
    h('h1', {}, experiment.name),
    h('nav', { class: 'tabs', 'aria-label': 'Experiment views' },
      tab('traces', 'Traces', `#/experiments/${id}`),
      tab('overview', 'Overview', `#/experiments/${id}/overview`)));
}
