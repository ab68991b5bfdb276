// Export of the matrix for other tools: CSV (one line per assessed cell) and an Excel workbook
// with the heat-map colours. The back end writes the files; the native dialog asks where.
import { api } from '../../ipc/api';
import { toAppError } from '../../ipc/index';
import { h, replaceChildren } from '../../shared/dom';

export function exportButtons(planId: string): HTMLElement {
  const status = h('span', { class: 'ws-export-status', role: 'status' });
  const run = async (format: 'csv' | 'xlsx') => {
    replaceChildren(status, 'Choose where to save\u2026');
    try {
      const r = await api.exportWhiteSpace({ plan_id: planId, format });
      replaceChildren(status, r.path ? `Saved to ${r.path}` : 'Cancelled');
    } catch (err) {
      replaceChildren(status, h('span', { class: 'error-text' }, `Not exported: ${toAppError(err).message}`));
    }
  };
  return h(
    'div',
    { class: 'ws-export' },
    h('button', { type: 'button', onclick: () => void run('csv') }, 'Export CSV'),
    h('button', { type: 'button', onclick: () => void run('xlsx') }, 'Export Excel (.xlsx)'),
    status,
  );
}
