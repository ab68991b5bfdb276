// Inline editing of the account: each control saves on its own (text after a 500 ms pause or
// on leaving the field, choices at once). Every save starts from the last saved account plus
// this one change, so a field the back end refused (its text kept, its message shown under it)
// never blocks saving the others.
import type { Account } from '../../ipc/bindings/Account';
import { toAppError } from '../../ipc/index';
import type { PlanContext } from '../../app/context';
import { debounce, setFieldError, type Debounced } from '../../shared/forms';

/** Thrown by a mutation to refuse a value before it reaches the back end. */
export class LocalError extends Error {}

export type Mutation = (account: Account) => void;

/** Where a save's message goes: an element with a `.field-error`, or a function choosing one by the error's field. */
export type Slot = Element | null | ((errorField: string | undefined) => Element | null);

function resolve(slot: Slot, errorField: string | undefined): Element | null {
  return typeof slot === 'function' ? slot(errorField) : slot;
}

export const TEXT_DEBOUNCE_MS = 500;

function clone<T>(value: T): T {
  return typeof structuredClone === 'function' ? structuredClone(value) : (JSON.parse(JSON.stringify(value)) as T);
}

export class AccountEditor {
  private queue: Promise<unknown> = Promise.resolve();
  private debouncers = new Set<Debounced<[]>>();

  constructor(private readonly ctx: PlanContext) {}

  get account(): Account {
    return this.ctx.view.account;
  }

  /** Today's date as the back end sees it (ISO), the default for new dated entries. */
  get today(): string {
    return this.ctx.view.today;
  }

  get readonly(): boolean {
    return this.ctx.readonly;
  }

  /**
   * Applies `mutate` to a copy of the last saved account and saves it, after the saves queued
   * before it. Shows the outcome under `slot` (a `.field`, or any element with a `.field-error`).
   */
  commit(slot: Slot, mutate: Mutation): Promise<boolean> {
    const show = (errorField: string | undefined, message: string | null) => {
      const el = resolve(slot, errorField);
      if (el) setFieldError(el, message);
    };
    const run = async (): Promise<boolean> => {
      const candidate = clone(this.account);
      try {
        mutate(candidate);
      } catch (err) {
        show(undefined, err instanceof Error ? err.message : String(err));
        return false;
      }
      try {
        await this.ctx.saveAccount(candidate);
        show(undefined, null);
        return true;
      } catch (err) {
        const e = toAppError(err);
        show(e.field, e.message);
        return false;
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result;
    return result;
  }

  /**
   * Binds a text control: saves 500 ms after typing stops, and at once on change/blur.
   * `mutate` reads the control's value when the save runs, so the latest text always wins.
   */
  bindText(
    control: HTMLInputElement | HTMLTextAreaElement,
    slot: () => Element | null,
    mutate: (account: Account, value: string) => void,
    onSaved?: () => void,
  ): void {
    let lastSent: string | null = null;
    const save = () => {
      const value = control.value;
      if (value === lastSent) return;
      lastSent = value;
      void this.commit(slot(), (a) => mutate(a, value)).then((ok) => {
        if (!ok) lastSent = null; // let the same text be tried again on blur
        else onSaved?.();
      });
    };
    const d = debounce(save, TEXT_DEBOUNCE_MS);
    this.debouncers.add(d);
    lastSent = control.value;
    control.addEventListener('input', () => d());
    control.addEventListener('change', () => {
      d.cancel();
      save();
    });
    control.addEventListener('blur', () => d.flush());
  }

  /** Binds a select, checkbox or date: saves on change. */
  bindChoice(
    control: HTMLSelectElement | HTMLInputElement,
    slot: () => Element | null,
    mutate: (account: Account, value: string) => void,
    onSaved?: () => void,
  ): void {
    control.addEventListener('change', () => {
      const value = control.value;
      void this.commit(slot(), (a) => mutate(a, value)).then((ok) => ok && onSaved?.());
    });
  }

  /** Saves whatever is still waiting for its pause (called when the view goes away). */
  flush(): void {
    for (const d of this.debouncers) d.flush();
  }
}
