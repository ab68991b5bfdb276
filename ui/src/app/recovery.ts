// What the app shows when the plan store is not as it should be, acting on the error code the
// shell sends (src-tauri/src/error.rs):
// - `locked`: the store is open in another window or process. Nothing destructive is offered.
// - `newer_schema`: a newer version wrote it. Both versions are named; no restore is offered.
// - anything else (`corrupt`, ...): restore the newest good backup, the others listed.
// And, when the store opened but lost edits (an `OpenNotice`), a banner over the app:
// restore the newest backup, or keep what the store has.
// Never an empty portfolio in place of the user's plans, which would look like lost data.
import { api } from '../ipc/api';
import type { AppStatus } from '../ipc/bindings/AppStatus';
import type { BackupEntry } from '../ipc/bindings/BackupEntry';
import type { OpenNotice } from '../ipc/bindings/OpenNotice';
import { toAppError } from '../ipc/index';
import { h, replaceChildren } from '../shared/dom';
import { formatDate } from '../shared/format';

export interface RecoveryOptions {
  /** Called after a successful restore or choice (the app reloads). */
  reload?: () => void;
}

function formatWhen(value: string): string {
  const d = formatDate(value, undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return d === '\u2014' ? value : d;
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/** "3 accounts, 4 plans", or that an older version did not record it. */
export function backupHolds(b: Pick<BackupEntry, 'accounts' | 'plans'>): string {
  if (b.accounts === null || b.plans === null) return 'contents not recorded';
  return `${plural(b.accounts, 'account')}, ${plural(b.plans, 'plan')}`;
}

/** The restore flow of one backup: a button, then a confirmation, then the restore. */
function restoreControl(b: BackupEntry, message: HTMLElement, reload: () => void, label: string, primary: boolean): HTMLElement {
  const host = h('span', { class: 'restore-control' });
  const showButton = (): void =>
    replaceChildren(host, h('button', { type: 'button', class: primary ? 'primary' : '', onclick: confirmRestore }, label));
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
            const after = await api.restoreBackup(b.file_name);
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
    const warning = b.caveat ? ` It is ${b.caveat}.` : '';
    replaceChildren(
      host,
      h('span', { class: 'confirm-text' }, `Replace the current store with the backup of ${formatWhen(b.created)} (${backupHolds(b)})?${warning}`),
      ' ',
      yes,
      ' ',
      h('button', { type: 'button', onclick: showButton }, 'Cancel'),
    );
    yes.focus();
  }
  showButton();
  return host;
}

function backupTable(backups: BackupEntry[], message: HTMLElement, reload: () => void): HTMLElement {
  const row = (b: BackupEntry): HTMLTableRowElement =>
    h(
      'tr',
      { 'data-file': b.file_name },
      h('td', { class: 'nowrap' }, formatWhen(b.created)),
      h('td', null, backupHolds(b), b.caveat ? h('div', { class: 'caveat warning-text' }, b.caveat) : null),
      h('td', null, b.reason),
      h('td', { class: 'actions' }, restoreControl(b, message, reload, 'Restore', false)),
    );
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'backup-list' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Taken'),
          h('th', { scope: 'col' }, 'Holds'),
          h('th', { scope: 'col' }, 'Why'),
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')),
        ),
      ),
      h('tbody', null, ...backups.map(row)),
    ),
  );
}

function newestFirst(list: BackupEntry[]): BackupEntry[] {
  return [...list].sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0));
}

/** The body of the recovery screen for each kind of error. */
function recoveryBody(status: AppStatus, message: HTMLElement, reload: () => void): { title: string; body: Node[] } {
  const err = status.store_error;
  const code = err?.code ?? '';
  const errorBox = h(
    'div',
    { class: 'banner error' },
    h('strong', null, err?.message ?? 'The plan store could not be opened.'),
    code ? h('div', { class: 'small' }, `Error code: ${code}`) : null,
  );
  const folder = h('p', null, 'Nothing has been changed or deleted. The data folder is ', h('code', null, status.data_dir), '.');
  if (code === 'locked') {
    return {
      title: 'Your plans are open somewhere else',
      body: [
        errorBox,
        h('p', null, 'Another Account Planner window, or an account-planner command, has the plan store open. Close it, then try again. Nothing is wrong with your plans.'),
        folder,
        h('p', null, h('button', { type: 'button', class: 'primary', onclick: () => reload() }, 'Try again')),
      ],
    };
  }
  if (code === 'newer_schema') {
    return {
      title: 'These plans need a newer Account Planner',
      body: [errorBox, h('p', null, 'Install the newer version of Account Planner to open them. Restoring an older backup would hide the newer work, so none is offered here.'), folder],
    };
  }
  const backups = newestFirst(status.backups);
  const best = backups.find((b) => b.recommended) ?? null;
  const others = backups.filter((b) => b !== best);
  const body: Node[] = [errorBox, folder];
  if (best) {
    body.push(
      h(
        'section',
        { class: 'recommended-backup', 'aria-labelledby': 'recommended-title' },
        h('h2', { id: 'recommended-title' }, 'Restore the newest good backup'),
        h('p', null, h('strong', null, formatWhen(best.created)), ` \u2014 ${backupHolds(best)} (${best.reason})`),
        best.caveat ? h('p', { class: 'banner warning' }, `This backup is ${best.caveat}.`) : null,
        h('p', { class: 'muted' }, 'Restoring replaces the store with that copy (the damaged files are kept aside); the app then reloads.'),
        restoreControl(best, message, reload, 'Restore this backup', true),
      ),
    );
  } else if (backups.length) {
    body.push(h('p', { class: 'banner warning' }, 'None of the backups holds an account: restoring one gives an empty portfolio.'));
  }
  if (others.length) {
    body.push(h('h2', null, best ? 'Other backups' : 'Backups'), backupTable(others, message, reload));
  }
  if (!backups.length) {
    body.push(h('p', null, 'There are no backups in the data folder. Close the app and look at the folder before trying again.'));
  }
  return { title: 'Your plans could not be opened', body };
}

export function renderRecovery(root: HTMLElement, status: AppStatus, opts: RecoveryOptions = {}): void {
  const reload = opts.reload ?? (() => window.location.reload());
  const message = h('div', { role: 'alert', 'aria-live': 'assertive' });
  const { title, body } = recoveryBody(status, message, reload);
  replaceChildren(
    root,
    h(
      'main',
      { class: 'recovery' },
      h('section', { class: 'card recovery-card', 'aria-labelledby': 'recovery-title' }, h('h1', { id: 'recovery-title' }, title), ...body, message),
    ),
  );
}

/** What the notice says: how many edits are missing and since when. */
export function noticeText(n: OpenNotice): string {
  const edits = plural(n.missing_edits, 'recent edit');
  const since = n.kept_until ? ` made after ${formatWhen(n.kept_until)}` : '';
  return `Your plans were opened without ${edits}${since} (up to ${formatWhen(n.missing_until)}): they were saved but did not reach the disk, for example because the computer lost power.`;
}

/**
 * The banner shown over the app when the store opened behind its manifest. It stays until the
 * user chooses (the choice is kept by the store, so closing the app does not lose it).
 */
export function renderOpenNotice(notice: OpenNotice, opts: RecoveryOptions = {}): HTMLElement {
  const reload = opts.reload ?? (() => window.location.reload());
  const message = h('div', { role: 'alert', 'aria-live': 'assertive' });
  const backup = notice.newest_backup;
  const choices = h('div', { class: 'notice-actions' });
  const banner = h('div', { class: 'banner warning open-notice', role: 'alert' }, h('strong', null, noticeText(notice)), choices, message);
  const keep = h(
    'button',
    {
      type: 'button',
      class: 'keep-store',
      onclick: async () => {
        keep.disabled = true;
        try {
          await api.keepWhatTheStoreHas();
          banner.remove();
        } catch (e) {
          keep.disabled = false;
          replaceChildren(message, h('div', { class: 'banner error' }, `Could not record your choice: ${toAppError(e).message}`));
        }
      },
    },
    'Keep what the store has',
  );
  if (backup) {
    const entry: BackupEntry = {
      file_name: backup.file_name,
      path: '',
      created: backup.created_at,
      reason: '',
      accounts: backup.accounts,
      plans: backup.plans,
      caveat: null,
      recommended: true,
    };
    const more = backup.has_missing_edits ? 'it holds edits the store does not have' : 'it does not hold the missing edits either';
    choices.append(
      h('p', null, `The newest backup is from ${formatWhen(backup.created_at)} (${backupHolds(entry)}); ${more}.`),
      restoreControl(entry, message, reload, 'Restore the newest backup', true),
      ' ',
      keep,
    );
  } else {
    choices.append(h('p', null, 'There is no backup to restore.'), keep);
  }
  return banner;
}
