// Selecting traces in the table and deleting them (DeleteTracesV3), after a confirmation in a
// real <dialog>. The selection is a set of ids, so it survives rows being redrawn.
import { h } from './dom.js';
import { deleteTraces } from './api.js';

/**
 * `rows` is the table's Map of trace id → { tr, checkbox }; `onDeleted(ids)` runs after the rows
 * are gone. Returns the Delete button, the live announcer, the dialog and `checkboxFor(id)`.
 */
export function deletion({ experimentId, rows, selectAll, onDeleted }) {
  const selected = new Set();
  const button = h('button', { type: 'button', class: 'danger', disabled: true }, 'Delete selected');
  const announcer = h('p', { class: 'muted announcer', role: 'status' });
  const question = h('p', {});
  const cancel = h('button', { type: 'button' }, 'Cancel');
  const confirm = h('button', { type: 'button', class: 'danger' }, 'Delete');
  const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'delete-title' },
    h('h2', { id: 'delete-title' }, 'Delete traces'),
    question,
    h('p', { class: 'muted' }, 'Their spans and assessments are deleted too. This cannot be undone.'),
    h('div', { class: 'controls end' }, cancel, confirm));

  const refresh = () => {
    for (const id of [...selected]) if (!rows.has(id)) selected.delete(id);
    button.disabled = selected.size === 0;
    button.textContent = selected.size ? `Delete selected (${selected.size})` : 'Delete selected';
    selectAll.checked = rows.size > 0 && selected.size === rows.size;
    selectAll.indeterminate = selected.size > 0 && selected.size < rows.size;
  };

  selectAll.addEventListener('change', () => {
    for (const [id, row] of rows) {
      row.checkbox.checked = selectAll.checked;
      if (selectAll.checked) selected.add(id);
      else selected.delete(id);
    }
    refresh();
  });

  button.addEventListener('click', () => {
    const n = selected.size;
    if (!n) return;
    question.textContent = `Delete ${n} selected trace${n > 1 ? 's' : ''}?`;
    dialog.showModal();
    cancel.focus();
  });
  cancel.addEventListener('click', () => dialog.close());
  confirm.addEventListener('click', async () => {
    const ids = [...selected];
    dialog.close();
    button.disabled = true;
    try {
      const { traces_deleted: deleted = 0 } = await deleteTraces(experimentId, ids);
      for (const id of ids) {
        rows.get(id)?.tr.remove();
        rows.delete(id);
        selected.delete(id);
      }
      announcer.textContent = `Deleted ${deleted} trace${deleted === 1 ? '' : 's'}.`;
      onDeleted(ids);
    } catch (error) {
      announcer.textContent = `Could not delete: ${error.message}`;
    } finally {
      refresh();
    }
  });

  return {
    button,
    announcer,
    dialog,
    dialogOpen: () => dialog.open,
    checkboxFor(id) {
      const box = h('input', { type: 'checkbox', 'aria-label': `Select trace ${id}` });
      box.checked = selected.has(id);
      box.addEventListener('change', () => {
        if (box.checked) selected.add(id);
        else selected.delete(id);
        refresh();
      });
      return box;
    },
    /** Forgets the selection (a new query replaced the rows). */
    clear() {
      selected.clear();
      refresh();
    },
    refresh,
  };
}
