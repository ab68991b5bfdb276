import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppStatus } from '../ipc/bindings/AppStatus';

const api = vi.hoisted(() => ({ restoreBackup: vi.fn() }));
vi.mock('../ipc/api', () => ({ api }));

import { renderRecovery } from './recovery';

const status: AppStatus = {
  data_dir: '/home/u/.local/share/account-planner',
  store_error: { code: 'corrupt', message: 'The plan store is damaged: <b>bad</b> page', field: null },
  backups: [
    { path: '/d/backup-1.tar', file_name: 'backup-1.tar', created: '2026-11-01T10:00:00Z', reason: 'before migration' },
    { path: '/d/backup-2.tar', file_name: 'backup-2.tar', created: '2026-11-20T10:00:00Z', reason: 'daily' },
  ],
  today: '2026-11-26',
};

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('recovery panel', () => {
  afterEach(() => vi.clearAllMocks());

  it('shows the message and the backups, newest first, never a portfolio', () => {
    const root = document.createElement('div');
    renderRecovery(root, status, { reload: vi.fn() });
    expect(root.textContent).toContain('The plan store is damaged: <b>bad</b> page');
    expect(root.querySelector('b')).toBeNull();
    const files = Array.from(root.querySelectorAll('tbody tr td:first-child')).map((td) => td.textContent);
    expect(files).toEqual(['backup-2.tar', 'backup-1.tar']);
    expect(root.querySelector('.portfolio')).toBeNull();
  });

  it('asks before restoring, then restores and reloads', async () => {
    const root = document.createElement('div');
    const reload = vi.fn();
    api.restoreBackup.mockResolvedValue({ ...status, store_error: null });
    renderRecovery(root, status, { reload });
    const first = root.querySelector<HTMLButtonElement>('tbody tr button')!;
    expect(first.textContent).toBe('Restore this backup');
    first.click();
    expect(api.restoreBackup).not.toHaveBeenCalled();
    expect(root.querySelector('.confirm-text')?.textContent).toBe('Replace the current store with backup-2.tar?');
    root.querySelector<HTMLButtonElement>('tbody tr button.danger')!.click();
    await settle();
    expect(api.restoreBackup).toHaveBeenCalledWith('/d/backup-2.tar');
    expect(reload).toHaveBeenCalled();
  });

  it('keeps the panel and says why when a restore fails', async () => {
    const root = document.createElement('div');
    const reload = vi.fn();
    api.restoreBackup.mockRejectedValue({ code: 'io', message: 'Permission denied', field: null });
    renderRecovery(root, status, { reload });
    root.querySelector<HTMLButtonElement>('tbody tr button')!.click();
    root.querySelector<HTMLButtonElement>('tbody tr button.danger')!.click();
    await settle();
    expect(reload).not.toHaveBeenCalled();
    expect(root.textContent).toContain('Not restored: Permission denied');
  });
});
