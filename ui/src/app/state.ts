// What the shell remembers between routes: the open plan (or snapshot) and the save state
// shown in the header.
import type { PlanView } from '../ipc/bindings/PlanView';
import type { SnapshotInfo } from '../ipc/bindings/SnapshotInfo';
import { toAppError } from '../ipc/index';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string };

type Listener = (state: SaveState) => void;

/**
 * Tracks every save: "Saving…" while any is running, then "Saved" or "Not saved: <message>".
 * Saves run one after the other, in the order the user made them, so a later edit never lands
 * before an earlier one.
 */
export class SaveTracker {
  private current: SaveState = { kind: 'idle' };
  private listeners = new Set<Listener>();
  private running = 0;
  private chain: Promise<unknown> = Promise.resolve();

  get state(): SaveState {
    return this.current;
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    fn(this.current);
    return () => this.listeners.delete(fn);
  }

  /** Queues `work` behind earlier saves; resolves or rejects (with an AppError) like it. */
  run<T>(work: () => Promise<T>): Promise<T> {
    this.running += 1;
    this.set({ kind: 'saving' });
    const result = this.chain.then(work);
    this.chain = result.catch(() => undefined);
    return result.then(
      (value) => {
        this.running -= 1;
        if (this.running === 0) this.set({ kind: 'saved', at: new Date() });
        return value;
      },
      (err: unknown) => {
        this.running -= 1;
        const e = toAppError(err);
        this.set({ kind: 'error', message: e.message });
        throw e;
      },
    );
  }

  private set(state: SaveState): void {
    // An error stays visible while later saves of the same batch are still running.
    if (state.kind === 'saving' && this.current.kind === 'error') return;
    this.current = state;
    for (const fn of this.listeners) fn(state);
  }

  /** Clears the indicator (e.g. when another plan opens). */
  reset(): void {
    if (this.running === 0) this.set({ kind: 'idle' });
  }
}

/** The plan or snapshot currently open. */
export interface OpenPlan {
  view: PlanView;
  /** Set when a snapshot is open (read-only). */
  snapshot: SnapshotInfo | null;
}

export const saves = new SaveTracker();
