import { describe, expect, it } from 'vitest';
import { AppError } from '../ipc/index';
import { SaveTracker, type SaveState } from './state';

describe('SaveTracker', () => {
  it('runs saves in order and reports saving, then saved', async () => {
    const t = new SaveTracker();
    const seen: string[] = [];
    t.subscribe((s: SaveState) => seen.push(s.kind));
    const order: number[] = [];
    let release!: () => void;
    const first = t.run(() => new Promise<void>((r) => (release = () => { order.push(1); r(); })));
    const second = t.run(async () => { order.push(2); });
    expect(t.state.kind).toBe('saving');
    await new Promise((r) => setTimeout(r, 0)); // the first save has started
    expect(order).toEqual([]); // the second waits for it
    release();
    await Promise.all([first, second]);
    expect(order).toEqual([1, 2]);
    expect(t.state.kind).toBe('saved');
    expect(seen[0]).toBe('idle');
    expect(seen).toContain('saving');
  });

  it('reports the message of a failed save and rethrows an AppError', async () => {
    const t = new SaveTracker();
    await expect(
      t.run(() => Promise.reject({ code: 'empty', message: 'Account name is empty', field: 'name' })),
    ).rejects.toBeInstanceOf(AppError);
    expect(t.state).toEqual({ kind: 'error', message: 'Account name is empty' });
    // a later save still runs
    await t.run(async () => 1);
    expect(t.state.kind).toBe('saved');
  });
});
