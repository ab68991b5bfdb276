import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { AppError, call, toAppError } from './index';

describe('call()', () => {
  beforeEach(() => invoke.mockReset());

  it('passes the command and arguments through and returns the result', async () => {
    invoke.mockResolvedValueOnce({ ok: 1 });
    await expect(call<{ ok: number }>('list_accounts', { q: 'a' })).resolves.toEqual({ ok: 1 });
    expect(invoke).toHaveBeenCalledWith('list_accounts', { q: 'a' });
  });

  it('turns a {code, message, field} rejection into an AppError', async () => {
    invoke.mockRejectedValueOnce({ code: 'validation', message: 'Name is required', field: 'name' });
    const err = await call('save_account').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ code: 'validation', message: 'Name is required', field: 'name' });
  });

  it('wraps other rejections as internal errors', async () => {
    invoke.mockRejectedValueOnce('boom');
    await expect(call('x')).rejects.toMatchObject({ code: 'internal', message: 'boom' });
    expect(toAppError(new Error('bad')).code).toBe('internal');
    expect(toAppError({ code: 'not_found', message: 'gone', field: null }).field).toBeUndefined();
    expect(toAppError(42).message).toContain('42');
  });
});
