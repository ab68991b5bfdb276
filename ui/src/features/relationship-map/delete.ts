// Deleting a person: when people report to them, ask where those reports go.
import type { Contact } from '../../ipc/bindings/Contact';
import type { PlanView } from '../../ipc/bindings/PlanView';
import { toAppError } from '../../ipc/index';
import { h, replaceChildren } from '../../shared/dom';
import { peopleOptions } from './form';
import { contactById, reportsOf } from './model';
import { field, selectEl, type Option, type OptGroup } from './ui';

export interface DeleteOptions {
  view: PlanView;
  contact: Contact;
  /** Calls api.deleteContact and replaces the view; rejects with an AppError. */
  confirm(reportsToInstead: string | null): Promise<unknown>;
}

/** Opens a modal dialog (appended to document.body, removed when closed). */
export function openDeleteDialog(o: DeleteOptions): HTMLDialogElement {
  const { view, contact: c } = o;
  const people = contactById(view);
  const reports = reportsOf(view, c.id);
  const lines = view.lines.filter((l) => l.from_contact_id === c.id || l.to_contact_id === c.id);
  const manager = c.reports_to ? people.get(c.reports_to) : undefined;

  let where: HTMLSelectElement | null = null;
  if (reports.length) {
    // Their reports cannot report to one of themselves (nor to the person leaving).
    const options: Array<Option | OptGroup> = [];
    if (manager) options.push([manager.id, `${manager.name} (${c.name}'s manager)`]);
    options.push(['', 'No manager']);
    options.push(...peopleOptions(view, [c.id, ...reports.map((r) => r.id), ...(manager ? [manager.id] : [])]));
    where = selectEl(options, manager?.id ?? '', { class: 'rm-delete-where' });
  }

  const error = h('div', { class: 'banner error rm-delete-error', role: 'alert', hidden: true });
  const confirmBtn = h('button', { type: 'submit', class: 'danger rm-delete-confirm' }, `Delete ${c.name}`);
  const dialog = h(
    'dialog',
    { class: 'rm-delete-dialog', 'aria-label': `Delete ${c.name}` },
    h(
      'form',
      { method: 'dialog', novalidate: true },
      h('h2', null, `Delete ${c.name}?`),
      h('p', null, 'They are removed from the relationship map of this plan.'),
      reports.length
        ? h(
            'div',
            { class: 'rm-delete-reports' },
            h(
              'p',
              null,
              `${reports.length} ${reports.length === 1 ? 'person reports' : 'people report'} to ${c.name}: `,
              h('strong', null, reports.map((r) => r.name).join(', ')),
              '.',
            ),
            where ? field('Where should they report now?', where, 'reports_to') : null,
          )
        : null,
      lines.length
        ? h(
            'p',
            { class: 'muted' },
            `${lines.length} line${lines.length === 1 ? '' : 's'} of influence or conflict with them ${
              lines.length === 1 ? 'is' : 'are'
            } deleted too.`,
          )
        : null,
      error,
      h(
        'div',
        { class: 'form-actions' },
        confirmBtn,
        h('button', { type: 'button', class: 'rm-delete-cancel', onclick: () => close() }, 'Cancel'),
      ),
    ),
  );
  const close = () => {
    if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    else dialog.removeAttribute('open');
    dialog.remove();
  };
  dialog.addEventListener('cancel', () => dialog.remove());
  dialog.querySelector('form')?.addEventListener('submit', (e) => {
    e.preventDefault();
    confirmBtn.disabled = true;
    error.hidden = true;
    o.confirm(where ? where.value || null : null).then(
      () => close(),
      (err: unknown) => {
        confirmBtn.disabled = false;
        replaceChildren(error, toAppError(err).message);
        error.hidden = false;
      },
    );
  });
  document.body.appendChild(dialog);
  if (typeof dialog.showModal === 'function') {
    try {
      dialog.showModal();
    } catch {
      dialog.setAttribute('open', '');
    }
  } else {
    dialog.setAttribute('open', '');
  }
  return dialog;
}
