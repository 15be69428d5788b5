// The experiments page (#/?q=…): a search in MLflow's experiment filter grammar, applied as the
// user types and kept in the URL; a form to create one; the list, paged by next_page_token.
import { h, replace } from './dom.js';
import { createExperiment, searchExperimentsPage } from './api.js';
import { setParams } from './state.js';

const SEARCH_DELAY_MS = 300;

export async function renderExperiments(main, params = {}) {
  const tbody = h('tbody', {});
  const searchError = h('p', { class: 'error inline-error', role: 'alert' });
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', hidden: true }, 'Load more');
  const search = h('input', {
    type: 'search', id: 'experiment-search', class: 'filter-input', autocomplete: 'off',
    placeholder: "name LIKE '%agent%'", value: params.q || '',
  });
  let query = params.q || '';
  let pageToken;
  let generation = 0; // a newer search makes the answers of older ones stale

  async function load(reset) {
    const mine = reset ? ++generation : generation;
    more.disabled = true;
    try {
      const page = await searchExperimentsPage({ filter: query, pageToken: reset ? undefined : pageToken });
      if (mine !== generation) return;
      if (reset) tbody.replaceChildren();
      for (const e of page.experiments || []) tbody.append(experimentRow(e));
      pageToken = page.next_page_token;
      searchError.textContent = '';
      status.textContent = tbody.children.length === 0
        ? (query ? 'No experiment matches.' : 'No experiments yet.')
        : `${tbody.children.length} experiments${pageToken ? ' (more available)' : ''}`;
    } catch (error) {
      if (mine !== generation) return;
      searchError.textContent = error.message; // the rows of the last good search stay
    } finally {
      if (mine === generation) {
        more.hidden = !pageToken;
        more.disabled = false;
      }
    }
  }

  let timer;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => setParams({ q: search.value.trim() || undefined }, { replace: true }),
      SEARCH_DELAY_MS);
  });
  more.addEventListener('click', () => load(false));

  replace(main,
    h('h1', {}, 'Experiments'),
    h('div', { class: 'toolbar' },
      h('div', { class: 'field grow' },
        h('label', { for: 'experiment-search' }, 'Search experiments'),
        search,
        searchError),
      createForm(() => load(true))),
    h('table', { class: 'experiments' },
      h('caption', { class: 'sr-only' }, 'Experiments, newest first'),
      h('thead', {}, h('tr', {},
        ...['Name', 'ID', 'Created', 'Last updated'].map((t) => h('th', { scope: 'col' }, t)))),
      tbody),
    status,
    more);
  await load(true);

  return {
    update(next) {
      const q = next.q || '';
      if (q === query) return;
      query = q;
      if (document.activeElement !== search) search.value = q;
      load(true);
    },
  };
}

/** The "Create experiment" form; a duplicate name is reported next to the field. */
function createForm(onCreated) {
  const name = h('input', { type: 'text', id: 'new-experiment', required: true, autocomplete: 'off' });
  const message = h('p', { class: 'inline-error', role: 'alert' });
  const submit = h('button', { type: 'submit' }, 'Create experiment');
  const form = h('form', { class: 'create-experiment', 'aria-label': 'Create experiment' },
    h('div', { class: 'field' },
      h('label', { for: 'new-experiment' }, 'New experiment name'),
      h('div', { class: 'controls' }, name, submit),
      message));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const wanted = name.value.trim();
    if (!wanted) return;
    submit.disabled = true;
    message.className = 'inline-error';
    try {
      const { experiment_id: id } = await createExperiment(wanted);
      name.value = '';
      message.className = 'inline-ok';
      replace(message, 'Created ',
        h('a', { href: `#/experiments/${encodeURIComponent(id)}` }, wanted), '.');
      onCreated();
    } catch (error) {
      message.className = 'inline-error error';
      message.textContent = error.code === 'RESOURCE_ALREADY_EXISTS'
        ? `An experiment named “${wanted}” already exists. Choose another name.`
        : `Could not create the experiment: ${error.message}`;
      name.focus();
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function experimentRow(e) {
  return h('tr', {},
    h('td', {}, h('a', { href: `#/experiments/${encodeURIComponent(e.experiment_id)}` }, e.name)),
    h('td', { class: 'mono' }, e.experiment_id),
    h('td', {}, formatMillis(e.creation_time)),
    h('td', {}, formatMillis(e.last_update_time)));
}

function formatMillis(ms) {
  const n = Number(ms);
  return ms === undefined || ms === null || !Number.isFinite(n) ? '' : new Date(n).toLocaleString();
}
