// Time-bucketed charts as SVG built with createElementNS (no library, nothing parsed as markup).
// Each chart is an image to assistive tech (role="img" with a summary in aria-label) and keeps its
// numbers in a collapsible data table. Hovering, or focusing the chart and pressing the arrow
// keys, moves a highlight from bucket to bucket and shows that bucket's values in a tooltip that
// is also announced (aria-live).
import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 180;
const MARGIN = { left: 60, right: 8, top: 10, bottom: 24 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) el.setAttribute(key, String(value));
  }
  for (const child of children) {
    if (child !== undefined && child !== null) {
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return el;
}

/** The smallest 1, 2 or 5 × 10^k at or above `value`, so axis labels are round numbers. */
export function niceMax(value) {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= value) return step * power;
  }
  return 10 * power;
}

/**
 * A chart over `buckets` (the overview's bucket objects, oldest first).
 *   title:   heading and table caption
 *   kind:    'overlay' (bars drawn over each other, e.g. errors over traces),
 *            'stacked' (bars stacked) or 'lines' (one line per series; null values leave a gap)
 *   series:  [{ label, cls, value: (bucket) => number | null }]
 *   format:  number => text, for axis, tooltip and table
 *   timeLabel: ms => text, for the time axis and rows
 *   summary: text for aria-label, e.g. "42 traces, 3 errors; busiest 10:00"
 */
export function timeChart({ title, kind, series, buckets, format, timeLabel, summary }) {
  const n = Math.max(buckets.length, 1);
  const bandW = PLOT_W / n;
  const values = buckets.map((b) => series.map((sr) => sr.value(b)));
  const peak = Math.max(0, ...values.map((row) => (kind === 'stacked'
    ? row.reduce((sum, v) => sum + (v || 0), 0) : Math.max(0, ...row.map((v) => v || 0)))));
  const top = niceMax(peak);
  const y = (v) => MARGIN.top + PLOT_H - (v / top) * PLOT_H;
  const xOf = (i) => MARGIN.left + i * bandW;

  const svg = s('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: `chart chart-${kind}`,
    role: 'img', 'aria-label': `${title}: ${summary}`, tabindex: 0 });
  svg.append(s('title', {}, title));
  for (const tick of [0, top / 2, top]) {
    svg.append(s('line', { class: 'grid', x1: MARGIN.left, x2: WIDTH - MARGIN.right,
      y1: y(tick), y2: y(tick) }));
    svg.append(s('text', { class: 'axis', x: MARGIN.left - 6, y: y(tick) + 4,
      'text-anchor': 'end' }, format(tick)));
  }
  const labelAt = [0, Math.floor((n - 1) / 2), n - 1].filter((v, i, a) => a.indexOf(v) === i);
  for (const i of labelAt) {
    if (!buckets[i]) continue;
    svg.append(s('text', { class: 'axis', x: xOf(i) + bandW / 2, y: HEIGHT - 6,
      'text-anchor': i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle' },
    timeLabel(buckets[i].start_time_ms)));
  }
  const band = s('rect', { class: 'band', x: 0, y: MARGIN.top, width: bandW, height: PLOT_H,
    visibility: 'hidden' });
  svg.append(band);

  if (kind === 'lines') {
    series.forEach((sr, k) => {
      let d = '';
      let pen = 'M';
      values.forEach((row, i) => {
        if (row[k] === null || row[k] === undefined) { pen = 'M'; return; }
        d += `${pen}${(xOf(i) + bandW / 2).toFixed(1)},${y(row[k]).toFixed(1)} `;
        pen = 'L';
        // Later series get smaller points, so equal values (one trace: p50 = p95) show both.
        svg.append(s('circle', { class: `point ${sr.cls}`, cx: xOf(i) + bandW / 2, cy: y(row[k]),
          r: Math.max(1.5, 3.5 - k) }));
      });
      if (d) svg.append(s('path', { class: `line ${sr.cls}`, d: d.trim() }));
    });
  } else {
    values.forEach((row, i) => {
      let base = 0;
      const pad = Math.min(2, bandW * 0.15);
      row.forEach((v, k) => {
        const value = v || 0;
        const from = kind === 'stacked' ? base : 0;
        base += value;
        svg.append(s('rect', { class: `bar ${series[k].cls}`, 'data-bucket': i,
          x: (xOf(i) + pad).toFixed(2), width: Math.max(0.5, bandW - 2 * pad).toFixed(2),
          y: y(from + value).toFixed(2), height: (y(from) - y(from + value)).toFixed(2) }));
      });
    });
  }

  const tooltip = h('div', { class: 'tooltip', role: 'status', 'aria-live': 'polite',
    hidden: true });
  const figure = h('figure', { class: 'chart-card' },
    h('figcaption', {}, h('h3', {}, title)),
    h('div', { class: 'chart-wrap' }, svg, tooltip),
    h('ul', { class: 'legend', 'aria-hidden': 'true' },
      series.map((sr) => h('li', {}, h('span', { class: `swatch ${sr.cls}` }), sr.label))),
    dataTable(title, series, buckets, values, format, timeLabel));

  let selected = -1;
  const show = (i) => {
    if (!buckets.length) return;
    selected = Math.max(0, Math.min(buckets.length - 1, i));
    band.setAttribute('x', xOf(selected));
    band.setAttribute('visibility', 'visible');
    const lines = series.map((sr, k) => {
      const v = values[selected][k];
      return `${sr.label}: ${v === null || v === undefined ? '–' : format(v)}`;
    });
    tooltip.replaceChildren(h('strong', {}, timeLabel(buckets[selected].start_time_ms)),
      ...lines.map((line) => h('div', {}, line)));
    tooltip.hidden = false;
    const share = (selected + 0.5) / buckets.length;
    tooltip.style.left = `${Math.min(80, Math.max(0, share * 100 - 10))}%`;
  };
  const hide = () => {
    band.setAttribute('visibility', 'hidden');
    tooltip.hidden = true;
  };
  svg.addEventListener('pointermove', (event) => {
    const box = svg.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * WIDTH;
    show(Math.floor((x - MARGIN.left) / bandW));
  });
  svg.addEventListener('pointerleave', () => {
    if (document.activeElement !== svg) hide();
  });
  svg.addEventListener('focus', () => show(selected < 0 ? buckets.length - 1 : selected));
  svg.addEventListener('blur', hide);
  svg.addEventListener('keydown', (event) => {
    const moves = { ArrowLeft: selected - 1, ArrowRight: selected + 1, Home: 0,
      End: buckets.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      show(moves[event.key]);
    } else if (event.key === 'Escape') {
      hide();
    }
  });
  return figure;
}

function dataTable(title, series, buckets, values, format, timeLabel) {
  return h('details', { class: 'chart-data' },
    h('summary', {}, 'Data table'),
    h('table', {},
      h('caption', { class: 'sr-only' }, title),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Time'),
        series.map((sr) => h('th', { scope: 'col', class: 'num' }, sr.label)))),
      h('tbody', {}, buckets.map((b, i) => h('tr', {},
        h('th', { scope: 'row' }, timeLabel(b.start_time_ms)),
        values[i].map((v) => h('td', { class: 'num' },
          v === null || v === undefined ? '–' : format(v))))))));
}
