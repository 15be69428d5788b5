// The trace page: header (with tags and trace feedback), the span tree with its timeline, and the
// selected span's detail with its own feedback. Mounted as the page #/traces/<id> and inside the
// traces table's side panel, so it only ever touches `container`. The span tree comes from one
// summaries request; a span's content is fetched when it is selected (and cached). The selected
// span is `span=<hex id>` in the URL; the page returns {update(params)} so selecting one keeps it.
import { h, replace } from './dom.js';
import { getTraceInfo, getSpanSummaries, getSpan } from './api.js';
import { setParams } from './state.js';
import { spanView } from './spans.js';
import { renderSpanDetail } from './span-detail.js';
import { buildTree, createSpanTree } from './span-tree.js';
import { traceHeader } from './trace-header.js';
import { feedbackPanel } from './feedback.js';

export async function renderTrace(container, traceId, params = {}) {
  const [infoResponse, summaries] = await Promise.all([
    getTraceInfo(traceId), getSpanSummaries(traceId)]);
  let info = infoResponse.trace.trace_info;
  const fullPage = container.id === 'main';
  const tree = buildTree(summaries.spans || []);
  const contents = new Map(); // span id -> promise of its span view
  let shown = null;

  const headerSlot = h('div', {});
  const traceFeedbackSlot = h('div', {});
  const detail = h('section', { class: 'detail', 'aria-label': 'Selected span' });
  const spanFeedbackSlot = h('div', {});

  async function reloadInfo() {
    info = (await getTraceInfo(traceId)).trace.trace_info;
    renderInfo();
  }
  function renderInfo() {
    replace(headerSlot, traceHeader(info, { onChanged: reloadInfo }));
    replace(traceFeedbackSlot, feedbackPanel({
      traceId, assessments: info.assessments, onChanged: reloadInfo,
    }));
    renderSpanFeedback();
  }
  function renderSpanFeedback() {
    if (!shown) {
      replace(spanFeedbackSlot);
      return;
    }
    replace(spanFeedbackSlot, feedbackPanel({
      traceId, spanId: shown.id, assessments: info.assessments, onChanged: reloadInfo,
    }));
  }

  async function show(node) {
    if (shown === node) return;
    shown = node;
    renderSpanFeedback();
    replace(detail, h('h2', {}, node.name), h('p', { class: 'muted' }, 'Loading span…'));
    if (!contents.has(node.id)) {
      contents.set(node.id, getSpan(traceId, node.id).then((r) => spanView(r.span)));
    }
    try {
      const view = await contents.get(node.id);
      if (shown === node) renderSpanDetail(detail, view);
    } catch (e) {
      contents.delete(node.id);
      if (shown === node) {
        replace(detail, h('h2', {}, node.name),
          h('p', { class: 'error', role: 'alert' }, `Could not load the span: ${e.message}`));
      }
    }
  }

  const spanTree = tree.nodes.length ? createSpanTree({
    tree,
    label: 'Spans',
    onSelect: (node) => {
      show(node);
      setParams({ span: node.id }, { replace: true });
    },
  }) : null;

  const experimentId = info.trace_location?.mlflow_experiment?.experiment_id;
  const name = (info.tags || {})['mlflow.traceName'] || tree.roots[0]?.name || 'Trace';
  replace(container, h('div', { class: 'trace-page' },
    fullPage ? h('p', {}, experimentId !== undefined
      ? h('a', { href: `#/experiments/${encodeURIComponent(experimentId)}` }, '← Traces')
      : h('a', { href: '#/' }, '← Experiments')) : null,
    h(fullPage ? 'h1' : 'h2', { class: 'trace-title' }, name),
    headerSlot,
    traceFeedbackSlot,
    h('div', { class: 'split' },
      h('section', { class: 'spans', 'aria-label': 'Span tree' },
        h('h2', {}, `Spans (${tree.nodes.length})`),
        spanTree ? spanTree.element : h('p', { class: 'muted' }, 'No spans stored for this trace.')),
      h('div', { class: 'side' }, detail, spanFeedbackSlot))));
  renderInfo();

  function selectFrom(p) {
    if (!spanTree) return;
    const node = (p.span && tree.byId.get(p.span)) || tree.roots[0];
    spanTree.select(node.id);
    show(node);
  }
  if (spanTree) spanTree.render();
  selectFrom(params);
  return { update: selectFrom };
}
