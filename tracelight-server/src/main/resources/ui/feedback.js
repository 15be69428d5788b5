// Human feedback on a trace or one of its spans: thumbs up / down with an optional comment,
// stored as MLflow assessments named `user_feedback` with a boolean value (as MLflow's UI does),
// source HUMAN and the signed-in user (if any) as source_id. Each one is listed with its author,
// and can be edited (value, comment) or deleted.
import { h, replace, formatTime, saver } from './dom.js';
import {
  createAssessment, updateAssessment, deleteAssessment, getCurrentUser,
} from './api.js';

export const FEEDBACK_NAME = 'user_feedback';
let currentUser; // a promise of the user name ('' without authentication), asked once

function userName() {
  if (!currentUser) {
    currentUser = getCurrentUser().then((u) => u.user_name || '').catch(() => '');
  }
  return currentUser;
}

/**
 * The feedback section for trace `traceId`, or for its span `spanId` (hex) when given, listing
 * the `user_feedback` assessments of `assessments` (trace_info.assessments) on that target.
 * `onChanged()` is called after a create, edit or delete, to reload them.
 */
export function feedbackPanel({ traceId, spanId, assessments, onChanged }) {
  const target = spanId ? 'span' : 'trace';
  const mine = (assessments || []).filter((a) => a.assessment_name === FEEDBACK_NAME
    && 'feedback' in a && (spanId ? a.span_id === spanId : !a.span_id));
  const status = h('p', { class: 'muted', role: 'status' });
  const run = saver(status, 'Could not save feedback', onChanged);

  const list = h('ul', { class: 'feedback-list', 'aria-label': `Feedback on this ${target}` });
  for (const a of mine) list.append(feedbackItem(a));
  const form = feedbackForm({
    label: `Leave feedback on this ${target}`,
    submitText: 'Submit feedback',
    onSubmit: (value, comment) => run(async () => {
      const sourceId = await userName();
      await createAssessment(traceId, {
        assessment_name: FEEDBACK_NAME, trace_id: traceId, span_id: spanId || undefined,
        source: { source_type: 'HUMAN', source_id: sourceId },
        feedback: { value }, rationale: comment || undefined,
      });
    }),
  });
  return h('section', {
    class: 'feedback-panel', 'aria-label': spanId ? 'Span feedback' : 'Trace feedback',
  }, h('h3', {}, spanId ? 'Feedback on this span' : 'Feedback on this trace'),
  mine.length ? list : h('p', { class: 'muted' }, 'No feedback yet.'), form, status);

  function feedbackItem(a) {
    const item = h('li', { class: 'feedback-item', 'data-assessment-id': a.assessment_id });
    const show = () => {
      const up = a.feedback.value === true;
      const author = a.source?.source_id || 'anonymous';
      replace(item,
        h('span', { class: `verdict ${up ? 'up' : 'down'}` }, up ? '👍 Thumbs up' : '👎 Thumbs down'),
        a.rationale ? h('span', { class: 'comment' }, a.rationale) : null,
        h('span', { class: 'muted author' },
          `${a.source?.source_type || 'HUMAN'} · ${author} · ${formatTime(a.last_update_time)}`),
        h('button', { type: 'button', class: 'small', onclick: edit }, 'Edit'),
        h('button', {
          type: 'button', class: 'small',
          onclick: () => run(() => deleteAssessment(traceId, a.assessment_id)),
        }, 'Delete'));
    };
    const edit = () => replace(item, feedbackForm({
      label: 'Edit feedback', submitText: 'Save', value: a.feedback.value === true,
      comment: a.rationale || '', onCancel: show,
      onSubmit: (value, comment) => run(() => updateAssessment(traceId, a.assessment_id, {
        assessment_id: a.assessment_id, trace_id: traceId, feedback: { value },
        rationale: comment,
      }, 'feedback,rationale')),
    }));
    show();
    return item;
  }
}

/** Thumbs up / down (toggle buttons), a comment box, submit (and cancel when editing). */
function feedbackForm({ label, submitText, value, comment = '', onSubmit, onCancel }) {
  let chosen = value;
  const submit = h('button', { type: 'submit', disabled: chosen === undefined }, submitText);
  const thumb = (v, text) => h('button', {
    type: 'button', class: `thumb ${v ? 'up' : 'down'}`, 'aria-pressed': String(chosen === v),
    onclick: (e) => {
      chosen = v;
      e.currentTarget.parentElement.querySelectorAll('.thumb').forEach((b) =>
        b.setAttribute('aria-pressed', String(b === e.currentTarget)));
      submit.disabled = false;
    },
  }, text);
  const text = h('textarea', { rows: '1', 'aria-label': 'Comment (optional)',
    placeholder: 'Comment (optional)' });
  text.value = comment;
  return h('form', {
    class: 'feedback-form', 'aria-label': label,
    onsubmit: (e) => {
      e.preventDefault();
      if (chosen !== undefined) onSubmit(chosen, text.value.trim());
    },
  }, h('div', { class: 'thumbs', role: 'group', 'aria-label': 'Verdict' },
    thumb(true, '👍 Thumbs up'), thumb(false, '👎 Thumbs down')),
  text, h('div', { class: 'actions' }, submit,
    onCancel ? h('button', { type: 'button', onclick: onCancel }, 'Cancel') : null));
}
