// Inline editing of table cells, spreadsheet style: Tab moves between cells (a cell left with a
// new value saves it), Enter saves, Escape puts the saved value back. Nothing typed is lost:
// a value the back end (or the parser) refuses stays in its input with the message at the
// cell, even across re-renders.
//
// Features re-render from scratch after every save (the shell hands them a new view). An
// EditSession outlives those renders: it remembers refused text and messages per cell key,
// which control had the focus (and what was being typed in it), and runs saves one after the
// other so an edit is always built on the result of the previous one.
//
//   const session = new EditSession();                        // module level, one per feature
//   const view = (root, ctx) => {
//     session.begin(root, ctx.view.plan.id);
//     ... build controls with session.bindText / bindSelect / action / slot ...
//     session.finish();
//     return () => session.capture();
//   };
import './inline-edit.css';
import { h } from './dom';
import type { Parsed } from './money-input';

export type { Parsed } from './money-input';

/** Text of an error for people: AppError and Error messages, or the value itself. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string') {
    return (err as { message: string }).message;
  }
  return String(err);
}

interface Registered {
  slot?: HTMLElement;
  control?: HTMLElement;
  commit?: () => Promise<void>;
}

interface FocusMemo {
  key: string;
  /** The text being typed when the view re-rendered, if it differs from the saved value. */
  text: string | null;
  selection: [number, number] | null;
}

export interface TextBinding<T> {
  /** Cell key, unique in the view (e.g. `bc:<id>:total_wallet`). */
  key: string;
  /** The saved value as the user edits it ("1,250,000"). */
  editText: string;
  /** The saved value when the input is not focused ("€1,250,000.00"); default editText. */
  displayText?: string;
  parse(text: string): Parsed<T>;
  /** True when the parsed value is the saved one: nothing to save. */
  unchanged(value: T): boolean;
  /** Saves the value (queued behind earlier saves); rejects with the error to show. */
  save(value: T): Promise<unknown>;
  /** Cell key the error of a failed save belongs to; default this cell. */
  errorKey?(err: unknown): string;
  /** Empty the input as soon as the save starts (rows that add a record). */
  clearOnSave?: boolean;
  /** Save when the focus leaves the input (default); false: only on Enter or `commit`. */
  saveOnBlur?: boolean;
}

export interface SelectBinding {
  key: string;
  /** The saved value. */
  value: string;
  save(value: string): Promise<unknown>;
  errorKey?(err: unknown): string;
  /** Save as soon as the choice changes (default), or only on Enter. */
  saveOnChange?: boolean;
}

let slotIds = 0;

export class EditSession {
  private scope: string | null = null;
  private root: HTMLElement | null = null;
  private generation = 0;
  /** Text the user typed that was refused, by cell key. */
  private drafts = new Map<string, string>();
  /** Text being saved right now, by cell key (shown if a render happens meanwhile). */
  private pending = new Map<string, string>();
  /** Messages shown at cells, by cell key. */
  private errors = new Map<string, string>();
  /** Which cell's message an edited cell caused (to clear it on Escape or success). */
  private errorTargets = new Map<string, string>();
  private registered = new Map<string, Registered>();
  private savedText = new WeakMap<HTMLElement, string>();
  private focusMemo: FocusMemo | null = null;
  private focusWanted: string | null = null;
  private chain: Promise<unknown> = Promise.resolve();

  /** Starts a render into `root`; `scope` (e.g. the plan id) changing forgets everything. */
  begin(root: HTMLElement, scope: string): void {
    this.capture();
    if (scope !== this.scope) {
      this.scope = scope;
      this.drafts.clear();
      this.pending.clear();
      this.errors.clear();
      this.errorTargets.clear();
      this.focusMemo = null;
      this.focusWanted = null;
    }
    this.registered.clear();
    this.root = root;
    this.generation += 1;
  }

  /**
   * Remembers the focused control (and the text being typed in it) before the DOM goes away.
   * Call it from the view's cleanup; `begin` calls it too. Blur events from removed controls
   * are ignored afterwards.
   */
  capture(): void {
    const root = this.root;
    const active = typeof document !== 'undefined' ? (document.activeElement as HTMLElement | null) : null;
    if (root && active && root.contains(active) && active.dataset.focusKey) {
      let text: string | null = null;
      let selection: [number, number] | null = null;
      if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) {
        const saved = this.savedText.get(active);
        if (saved !== undefined && active.value !== saved) text = active.value;
        try {
          if (active.selectionStart !== null && active.selectionEnd !== null) {
            selection = [active.selectionStart, active.selectionEnd];
          }
        } catch {
          // inputs without a selection (type=date)
        }
      }
      this.focusMemo = { key: active.dataset.focusKey, text, selection };
    }
    this.generation += 1;
  }

  /** Ends a render: focus goes back to where it was, or where `focusAfterSave` asked. */
  finish(): void {
    const wanted = this.focusWanted ? this.find(this.focusWanted) : null;
    if (wanted) {
      this.focusWanted = null;
      this.focusMemo = null;
      wanted.focus();
      return;
    }
    const memo = this.focusMemo;
    this.focusMemo = null;
    if (!memo) return;
    const el = this.find(memo.key);
    if (!el) return;
    el.focus();
    if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && memo.text !== null) {
      el.value = memo.text;
    }
    if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && memo.selection) {
      try {
        el.setSelectionRange(memo.selection[0], memo.selection[1]);
      } catch {
        // not a text control
      }
    }
  }

  /** Moves the focus to the control with this key once it exists (e.g. a row just added). */
  focusAfterSave(key: string): void {
    this.focusWanted = key;
  }

  /** The control with this focus key in the current render. */
  find(key: string): HTMLElement | null {
    const reg = this.registered.get(key);
    if (reg?.control?.isConnected) return reg.control;
    if (!this.root) return null;
    for (const el of Array.from(this.root.querySelectorAll<HTMLElement>('[data-focus-key]'))) {
      if (el.dataset.focusKey === key) return el;
    }
    return null;
  }

  /** Saves what is typed in a bound text input now, as Enter would (e.g. an "Add" button). */
  commit(key: string): Promise<void> {
    return this.registered.get(key)?.commit?.() ?? Promise.resolve();
  }

  /** Runs saves one after the other; each starts when the previous one has settled. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.chain.then(task);
    this.chain = result.catch(() => undefined);
    return result;
  }

  /** The message currently shown at a cell. */
  error(key: string): string | undefined {
    return this.errors.get(key);
  }

  /** Shows (or clears) the message at a cell, now and in later renders. */
  setError(key: string, message: string | null): void {
    if (message) this.errors.set(key, message);
    else this.errors.delete(key);
    const reg = this.registered.get(key);
    if (reg?.slot) {
      reg.slot.textContent = message ?? '';
      reg.slot.hidden = !message;
      reg.slot.parentElement?.classList.toggle('has-error', !!message);
    }
    if (reg?.control) {
      if (message) reg.control.setAttribute('aria-invalid', 'true');
      else reg.control.removeAttribute('aria-invalid');
    }
  }

  /**
   * The element that shows the message of a cell (red text, read out when it appears).
   * `control` gets aria-describedby / aria-invalid and is the focus target of the key.
   */
  slot(key: string, control?: HTMLElement): HTMLElement {
    slotIds += 1;
    const message = this.errors.get(key) ?? '';
    const slot = h('div', { class: 'field-error', id: `edit-msg-${slotIds}`, role: 'alert' }, message);
    slot.hidden = !message;
    const reg = this.registered.get(key) ?? {};
    reg.slot = slot;
    if (control) {
      reg.control = control;
      control.dataset.focusKey = key;
      const described = control.getAttribute('aria-describedby');
      control.setAttribute('aria-describedby', described ? `${described} ${slot.id}` : slot.id);
      if (message) control.setAttribute('aria-invalid', 'true');
    }
    this.registered.set(key, reg);
    return slot;
  }

  /** Registers a control as the focus target of a key (for controls without their own slot). */
  control(key: string, control: HTMLElement): void {
    control.dataset.focusKey = key;
    const reg = this.registered.get(key) ?? {};
    if (!reg.control) reg.control = control;
    this.registered.set(key, reg);
    if (this.errors.has(key)) control.setAttribute('aria-invalid', 'true');
  }

  /**
   * Makes a text input an inline editor. Returns the message slot to place beside it.
   * Focus shows the editable text, Enter or leaving the cell saves, Escape reverts.
   */
  bindText<T>(input: HTMLInputElement, b: TextBinding<T>): HTMLElement {
    const gen = this.generation;
    const display = b.displayText ?? b.editText;
    const draft = this.drafts.get(b.key);
    // Text still being saved is shown until a view that holds it arrives.
    let pending = this.pending.get(b.key);
    if (pending !== undefined && !b.clearOnSave) {
      const p = b.parse(pending);
      if (p.ok && b.unchanged(p.value)) pending = undefined;
    }
    const shown = draft ?? pending;
    input.value = shown ?? display;
    this.savedText.set(input, shown ?? b.editText);
    const slot = this.slot(b.key, input);
    if (draft !== undefined) input.setAttribute('aria-invalid', 'true');

    const showEdit = () => {
      if (input.value === display && display !== b.editText) input.value = b.editText;
    };
    const showDisplay = () => {
      if (input.value === b.editText && !this.drafts.has(b.key)) input.value = display;
    };

    const commit = async (): Promise<void> => {
      const text = input.value;
      const parsed = b.parse(text);
      if (!parsed.ok) {
        this.drafts.set(b.key, text);
        this.savedText.set(input, text);
        this.clearCaused(b.key);
        this.errorTargets.set(b.key, b.key);
        this.setError(b.key, parsed.message);
        return;
      }
      if (b.unchanged(parsed.value)) {
        this.drafts.delete(b.key);
        this.clearCaused(b.key);
        this.savedText.set(input, b.editText);
        if (document.activeElement !== input) input.value = display;
        else if (input.value !== b.editText) input.value = b.editText;
        return;
      }
      this.drafts.delete(b.key);
      this.clearCaused(b.key);
      if (b.clearOnSave) {
        input.value = '';
        this.savedText.set(input, '');
      } else {
        this.pending.set(b.key, text);
        this.savedText.set(input, text);
      }
      try {
        await this.run(() => b.save(parsed.value));
      } catch (err) {
        this.refused(b.key, text, b.errorKey ? b.errorKey(err) : b.key, errorText(err));
      } finally {
        if (this.pending.get(b.key) === text) this.pending.delete(b.key);
      }
    };

    const reg = this.registered.get(b.key);
    if (reg) reg.commit = commit;

    // Entering a cell selects its content, as in a spreadsheet; the mouseup of the click that
    // focused it would otherwise drop the selection and leave a caret.
    let selectedOnFocus = false;
    input.addEventListener('focus', () => {
      showEdit();
      try {
        input.select();
        selectedOnFocus = true;
      } catch {
        // not selectable
      }
    });
    input.addEventListener('mouseup', (e) => {
      if (selectedOnFocus) e.preventDefault();
      selectedOnFocus = false;
    });
    input.addEventListener('keydown', () => {
      selectedOnFocus = false;
    });
    input.addEventListener('blur', () => {
      if (gen !== this.generation || !input.isConnected) return;
      if (input.value === (this.savedText.get(input) ?? b.editText) && !this.drafts.has(b.key)) {
        showDisplay();
        return;
      }
      if (input.value === this.drafts.get(b.key)) return; // still the refused text: keep it
      if (b.saveOnBlur === false) return;
      void commit();
    });
    input.addEventListener('keydown', (e: KeyboardEvent) => {
      if (e.isComposing) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        void commit();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        this.drafts.delete(b.key);
        this.clearCaused(b.key);
        input.value = b.clearOnSave ? '' : b.editText;
        this.savedText.set(input, input.value);
        input.select();
      }
    });
    return slot;
  }

  /** Makes a select an inline editor: a new choice saves; Escape goes back to the saved one. */
  bindSelect(select: HTMLSelectElement, b: SelectBinding): HTMLElement {
    const pending = this.pending.get(b.key);
    const draft = this.drafts.get(b.key) ?? (pending !== b.value ? pending : undefined);
    select.value = draft ?? b.value;
    const slot = this.slot(b.key, select);
    const commit = async () => {
      const value = select.value;
      this.drafts.delete(b.key);
      this.clearCaused(b.key);
      if (value === b.value) return;
      this.pending.set(b.key, value);
      try {
        await this.run(() => b.save(value));
      } catch (err) {
        this.refused(b.key, value, b.errorKey ? b.errorKey(err) : b.key, errorText(err));
      } finally {
        if (this.pending.get(b.key) === value) this.pending.delete(b.key);
      }
    };
    if (b.saveOnChange !== false) select.addEventListener('change', () => void commit());
    select.addEventListener('keydown', (e: KeyboardEvent) => {
      if (e.key === 'Enter' && b.saveOnChange === false) {
        e.preventDefault();
        void commit();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        this.drafts.delete(b.key);
        this.clearCaused(b.key);
        select.value = b.value;
      }
    });
    return slot;
  }

  /**
   * Runs a save that is not a typed value (a button: add, remove, toggle). A failure shows its
   * message at `errorKey` (default `key`).
   */
  async action(key: string, save: () => Promise<unknown>, errorKey?: (err: unknown) => string): Promise<boolean> {
    this.clearCaused(key);
    try {
      await this.run(save);
      return true;
    } catch (err) {
      const target = errorKey ? errorKey(err) : key;
      this.errorTargets.set(key, target);
      this.setError(target, errorText(err));
      this.focusWanted = null;
      return false;
    }
  }

  /** A refused save: keep the text in its cell (now or in the next render), show the message. */
  private refused(key: string, text: string, target: string, message: string): void {
    this.drafts.set(key, text);
    this.errorTargets.set(key, target);
    this.setError(target, message);
    const live = this.find(key);
    if (live instanceof HTMLInputElement || live instanceof HTMLSelectElement) {
      // Put the refused text back unless the user has typed something else meanwhile.
      const untouched = live instanceof HTMLSelectElement || live.value === (this.savedText.get(live) ?? live.value);
      if (live.value !== text && (untouched || document.activeElement !== live)) live.value = text;
      if (live instanceof HTMLInputElement) this.savedText.set(live, text);
      live.setAttribute('aria-invalid', 'true');
    }
    if (this.focusWanted) this.focusWanted = null;
  }

  private clearCaused(key: string): void {
    const target = this.errorTargets.get(key);
    if (target !== undefined) {
      this.errorTargets.delete(key);
      this.setError(target, null);
    }
    if (this.errors.has(key)) this.setError(key, null);
    const live = this.registered.get(key)?.control;
    if (live && !this.errors.has(key)) live.removeAttribute('aria-invalid');
  }
}
