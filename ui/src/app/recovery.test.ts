import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppStatus } from '../ipc/bindings/AppStatus';
import type { BackupEntry } from '../ipc/bindings/BackupEntry';
import type { OpenNotice } from '../ipc/bindings/OpenNotice';

const api = vi.hoisted(() => ({ restoreBackup: vi.fn(), keepWhatTheStoreHas: vi.fn() }));
vi.mock('../ipc/api', () => ({ api }));

import { noticeText, renderOpenNotice, renderRecovery } from './recovery';

function backup(over: Partial<BackupEntry>): BackupEntry {
  return {
    file_name: 'backup-x.json',
    path: '/d/backups/backup-x.json',
    created: '2026-11-20T10:00:00Z',
    reason: 'auto',
    accounts: 3,
    plans: 4,
    caveat: null,
    recommended: false,
    ...over,
  };
}

const emptyDaily = backup({
  file_name: 'backup-20261101T080000.000000Z-daily.json',
  created: '2026-11-01T08:00:00Z',
  reason: 'daily',
  accounts: 0,
  plans: 0,
  caveat: 'empty: 0 accounts',
});
const onClose = backup({
  file_name: 'backup-20261120T100000.000000Z-on-close.json',
  created: '2026-11-20T10:00:00Z',
  reason: 'on-close',
  recommended: true,
});
const older = backup({
  file_name: 'backup-20261110T100000.000000Z-auto.json',
  created: '2026-11-10T10:00:00Z',
  accounts: 2,
  plans: 2,
  caveat: 'older than your last edit at 2026-11-20 10:00 UTC',
});

function status(code: string, message: string, backups: BackupEntry[] = [emptyDaily, older, onClose]): AppStatus {
  return {
    data_dir: '/home/u/.local/share/account-planner',
    store_error: { code, message, field: null },
    open_notice: null,
    backups,
    last_edit_at: '2026-11-20T10:00:00Z',
    today: '2026-11-26',
  };
}

const corrupt = status('corrupt', 'The plan store is damaged: <b>bad</b> page');

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function render(s: AppStatus, reload = vi.fn()): HTMLElement {
  const root = document.createElement('div');
  renderRecovery(root, s, { reload });
  return root;
}

describe('recovery screen', () => {
  afterEach(() => vi.clearAllMocks());

  it('offers the newest good backup first, with what it holds, and lists the others with their caveats', () => {
    const root = render(corrupt);
    expect(root.textContent).toContain('The plan store is damaged: <b>bad</b> page');
    expect(root.querySelector('b')).toBeNull();
    const best = root.querySelector('.recommended-backup')!;
    expect(best.textContent).toContain('3 accounts, 4 plans');
    expect(best.textContent).toContain('on-close');
    const rows = Array.from(root.querySelectorAll('tbody tr')).map((tr) => tr.getAttribute('data-file'));
    expect(rows).toEqual([older.file_name, emptyDaily.file_name]);
    const text = (file: string) => root.querySelector(`tr[data-file="${file}"]`)!.textContent;
    expect(text(emptyDaily.file_name)).toContain('empty: 0 accounts');
    expect(text(older.file_name)).toContain('older than your last edit at 2026-11-20 10:00 UTC');
    expect(root.querySelector('.portfolio')).toBeNull();
  });

  it('asks before restoring, names the backup by file name only, then reloads', async () => {
    const reload = vi.fn();
    api.restoreBackup.mockResolvedValue({ ...corrupt, store_error: null });
    const root = render(corrupt, reload);
    const button = root.querySelector<HTMLButtonElement>('.recommended-backup button')!;
    expect(button.textContent).toBe('Restore this backup');
    button.click();
    expect(api.restoreBackup).not.toHaveBeenCalled();
    expect(root.querySelector('.confirm-text')?.textContent).toContain('3 accounts, 4 plans');
    root.querySelector<HTMLButtonElement>('.recommended-backup button.danger')!.click();
    await settle();
    expect(api.restoreBackup).toHaveBeenCalledWith(onClose.file_name);
    expect(reload).toHaveBeenCalled();
  });

  it('says what a backup lacks in the confirmation too', () => {
    const root = render(corrupt);
    root.querySelector<HTMLButtonElement>(`tr[data-file="${emptyDaily.file_name}"] button`)!.click();
    expect(root.querySelector('.confirm-text')?.textContent).toContain('It is empty: 0 accounts.');
  });

  it('recommends nothing and warns when every backup is empty', () => {
    const root = render(status('corrupt', 'damaged', [emptyDaily]));
    expect(root.querySelector('.recommended-backup')).toBeNull();
    expect(root.textContent).toContain('None of the backups holds an account');
    expect(root.querySelector(`tr[data-file="${emptyDaily.file_name}"]`)?.textContent).toContain('empty: 0 accounts');
  });

  it('keeps the screen and says why when a restore fails', async () => {
    const reload = vi.fn();
    api.restoreBackup.mockRejectedValue({ code: 'io', message: 'Permission denied', field: null });
    const root = render(corrupt, reload);
    root.querySelector<HTMLButtonElement>('.recommended-backup button')!.click();
    root.querySelector<HTMLButtonElement>('.recommended-backup button.danger')!.click();
    await settle();
    expect(reload).not.toHaveBeenCalled();
    expect(root.textContent).toContain('Not restored: Permission denied');
  });

  it('for a store open elsewhere, says so and offers nothing destructive', () => {
    const reload = vi.fn();
    const root = render(status('locked', 'The plan store is open in another window or process'), reload);
    expect(root.querySelector('h1')?.textContent).toBe('Your plans are open somewhere else');
    const buttons = Array.from(root.querySelectorAll('button')).map((b) => b.textContent);
    expect(buttons).toEqual(['Try again']);
    expect(root.textContent).not.toContain('Restore');
    root.querySelector<HTMLButtonElement>('button')!.click();
    expect(reload).toHaveBeenCalled();
    expect(api.restoreBackup).not.toHaveBeenCalled();
  });

  it('for a store written by a newer version, names both versions and offers no restore', () => {
    const message =
      'This plan data was written by a newer version of Account Planner (data version 3; this version reads up to 2). Update Account Planner to open it; nothing was changed.';
    const root = render(status('newer_schema', message));
    expect(root.querySelector('h1')?.textContent).toBe('These plans need a newer Account Planner');
    expect(root.textContent).toContain('data version 3; this version reads up to 2');
    expect(root.querySelectorAll('button')).toHaveLength(0);
  });
});

describe('open notice banner', () => {
  afterEach(() => vi.clearAllMocks());

  const notice: OpenNotice = {
    missing_edits: 3,
    kept_until: '2026-11-20T09:00:00Z',
    missing_until: '2026-11-20T09:05:00Z',
    newest_backup: {
      file_name: 'backup-20261120T090400.000000Z-auto.json',
      created_at: '2026-11-20T09:04:00Z',
      accounts: 5,
      plans: 6,
      has_missing_edits: true,
    },
  };

  it('says how many edits are missing and since when, and offers the newest backup', () => {
    const banner = renderOpenNotice(notice, { reload: vi.fn() });
    expect(banner.textContent).toContain(noticeText(notice));
    expect(noticeText(notice)).toContain('3 recent edits made after');
    expect(banner.textContent).toContain('5 accounts, 6 plans');
    expect(banner.textContent).toContain('it holds edits the store does not have');
    const labels = Array.from(banner.querySelectorAll('button')).map((b) => b.textContent);
    expect(labels).toEqual(['Restore the newest backup', 'Keep what the store has']);
  });

  it('restores the offered backup by file name after asking', async () => {
    const reload = vi.fn();
    api.restoreBackup.mockResolvedValue({});
    const banner = renderOpenNotice(notice, { reload });
    banner.querySelector<HTMLButtonElement>('.restore-control button')!.click();
    banner.querySelector<HTMLButtonElement>('button.danger')!.click();
    await settle();
    expect(api.restoreBackup).toHaveBeenCalledWith(notice.newest_backup!.file_name);
    expect(reload).toHaveBeenCalled();
  });

  it('keeping the store records the choice and removes the banner', async () => {
    api.keepWhatTheStoreHas.mockResolvedValue({});
    const host = document.createElement('div');
    const banner = renderOpenNotice(notice, { reload: vi.fn() });
    host.append(banner);
    banner.querySelector<HTMLButtonElement>('button.keep-store')!.click();
    await settle();
    expect(api.keepWhatTheStoreHas).toHaveBeenCalled();
    expect(host.querySelector('.open-notice')).toBeNull();
  });

  it('stays when the choice could not be recorded', async () => {
    api.keepWhatTheStoreHas.mockRejectedValue({ code: 'io', message: 'Disk full', field: null });
    const host = document.createElement('div');
    host.append(renderOpenNotice(notice, { reload: vi.fn() }));
    host.querySelector<HTMLButtonElement>('button.keep-store')!.click();
    await settle();
    expect(host.querySelector('.open-notice')).not.toBeNull();
    expect(host.textContent).toContain('Could not record your choice: Disk full');
  });
});
