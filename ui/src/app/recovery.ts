// Shown instead of the app when the plan store cannot be opened: what went wrong and the
// backups to restore. Never an empty portfolio, which would look like lost data.
import { api } from '../ipc/api';
import type { AppStatus } from '../ipc/bindings/AppStatus';
import type { BackupEntry } from '../ipc/bindings/BackupEntry';
import { toAppError } from '../ipc/index';
import { h, replaceChildren } from '../shared/dom';
import { formatDate } from '../shared/format';

export interface RecoveryOptions {
  /** Called after a successful restore (the app reloads). */
  reload?: () => void;
}

function formatCreated(value: string): string {
  const d = formatDate(value, undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return d === '\u2014' ? value : d;
}

export function renderRecovery(root: HTMLElement, status: AppStatus, opts: RecoveryOptions = {}): void {
  const reload = opts.reload ?? (() => window.location.reload());
  const err = status.store_error;
  const message = h('div', { role: 'alert', 'aria-live': 'assertive' });

  function row(b: BackupEntry): HTMLTableRowElement {
    const actions = h('td', { class: 'actions' });
    const showButton = () =>
      replaceChildren(
        actions,
        h('button', { type: 'button', class: 'primary', onclick: confirmRestore }, 'Restore this backup'),
      );
    function confirmRestore(): void {
      const yes = h(
        'button',
        {
          type: 'button',
          class: 'danger',
          onclick: async () => {
            yes.disabled = true;
            replaceChildren(message);
            try {
              const after = await api.restoreBackup(b.path);
              if (after.store_error) {
                replaceChildren(message, h('div', { class: 'banner error' }, `The backup was restored but the store still does not open: ${after.store_error.message}`));
                showButton();
              } else {
                replaceChildren(message, h('div', { class: 'banner success' }, 'Restored. Reloading\u2026'));
                reload();
              }
            } catch (e) {
              replaceChildren(message, h('div', { class: 'banner error' }, `Not restored: ${toAppError(e).message}`));
              showButton();
            }
          },
        },
        'Yes, restore it',
      );
      replaceChildren(
        actions,
        h('span', { class: 'confirm-text' }, `Replace the current store with ${b.file_name}?`),
        ' ',
        yes,
        ' ',
        h('button', { type: 'button', onclick: showButton }, 'Cancel'),
      );
      yes.focus();
    }
    showButton();
    return h(
      'tr',
      null,
      h('td', { class: 'mono' }, b.file_name),
      h('td', { class: 'nowrap' }, formatCreated(b.created)),
      h('td', null, b.reason),
      actions,
    );
  }

  const backups = [...status.backups].sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0));

  replaceChildren(
    root,
    h(
      'main',
      { class: 'recovery' },
      h(
        'section',
        { class: 'card recovery-card', 'aria-labelledby': 'recovery-title' },
        h('h1', { id: 'recovery-title' }, 'Your plans could not be opened'),
        h(
          'div',
          { class: 'banner error' },
          h('strong', null, err?.message ?? 'The plan store could not be opened.'),
          err?.code ? h('div', { class: 'small' }, `Error code: ${err.code}`) : null,
        ),
        h('p', null, 'Nothing has been changed or deleted. The data folder is ', h('code', null, status.data_dir), '.'),
        backups.length
          ? [
              h('h2', null, 'Backups'),
              h('p', { class: 'muted' }, 'Restoring a backup replaces the store with that copy; the app then reloads.'),
              h(
                'div',
                { class: 'table-wrap' },
                h(
                  'table',
                  null,
                  h(
                    'thead',
                    null,
                    h(
                      'tr',
                      null,
                      h('th', { scope: 'col' }, 'File'),
                      h('th', { scope: 'col' }, 'Created'),
                      h('th', { scope: 'col' }, 'Reason'),
                      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')),
                    ),
                  ),
                  h('tbody', null, ...backups.map(row)),
                ),
              ),
            ]
          : h('p', null, 'There are no backups in the data folder. Close the app and look at the folder before trying again.'),
        message,
      ),
    ),
  );
}
