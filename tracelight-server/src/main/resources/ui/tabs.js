// WAI-ARIA tabs: a tablist of buttons and one panel per tab; arrow keys, Home and End move between
// tabs (and select them). A panel is rendered the first time it is shown.
import { h } from './dom.js';

let instances = 0;

/**
 * pages: [{name, render: () => Node}]; `initial` is the index selected first; `onChoose(index)`
 * is told when the user selects a tab (not for `initial`). Returns an element holding the tablist
 * and the panels.
 */
export function tabs(pages, initial, label, onChoose = () => {}) {
  const prefix = `tabs${++instances}`;
  const list = h('div', { role: 'tablist', class: 'detail-tabs', 'aria-label': label });
  const panels = [];
  const buttons = pages.map((page, i) => {
    const panel = h('div', { role: 'tabpanel', class: 'detail-panel', id: `${prefix}-panel-${i}`,
      'aria-labelledby': `${prefix}-tab-${i}`, tabindex: '0' });
    panels.push(panel);
    return h('button', { type: 'button', role: 'tab', id: `${prefix}-tab-${i}`,
      'aria-controls': panel.id, onclick: () => choose(i) }, page.name);
  });
  const select = (index, focus = false) => {
    buttons.forEach((b, i) => {
      const selected = i === index;
      b.setAttribute('aria-selected', String(selected));
      b.tabIndex = selected ? 0 : -1;
      panels[i].hidden = !selected;
    });
    if (!panels[index].rendered) {
      panels[index].append(pages[index].render());
      panels[index].rendered = true;
    }
    if (focus) buttons[index].focus();
  };
  const choose = (index, focus = false) => {
    select(index, focus);
    onChoose(index);
  };
  list.addEventListener('keydown', (event) => {
    const current = buttons.indexOf(document.activeElement);
    if (current < 0) return;
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0,
      End: buttons.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    choose((next + buttons.length) % buttons.length, true);
  });
  list.append(...buttons);
  select(initial);
  return h('div', { class: 'detail-tabs-wrap' }, list, panels);
}
