// Small form helpers: a labelled field with an error slot under it, and a debounce.
import { h, replaceChildren, type Child } from './dom';

let nextId = 0;
/** A document-unique id for a control (labels and error messages point at it). */
export function uid(prefix = 'f'): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

export interface FieldOptions {
  label: string;
  /** The input, select or textarea; it gets an id if it has none. */
  control: HTMLElement;
  hint?: string;
  /** Text after the control, e.g. a currency code. */
  suffix?: Child;
  class?: string;
  /** Hide the label visually (still read by screen readers), e.g. in table rows. */
  hiddenLabel?: boolean;
}

/** `<div class="field"><label for>…</label>control<div class="field-error" role="alert"></div></div>` */
export function field(opts: FieldOptions): HTMLDivElement {
  const control = opts.control;
  if (!control.id) control.id = uid('field');
  const errorId = `${control.id}-error`;
  const hintId = opts.hint ? `${control.id}-hint` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', describedBy);
  const error = h('div', { class: 'field-error', id: errorId, 'aria-live': 'polite' });
  return h(
    'div',
    { class: ['field', opts.class] },
    h('label', { for: control.id, class: opts.hiddenLabel ? 'visually-hidden' : undefined }, opts.label),
    opts.suffix ? h('div', { class: 'with-suffix' }, control, h('span', { class: 'suffix' }, opts.suffix)) : control,
    hintId ? h('div', { class: 'hint', id: hintId }, opts.hint ?? '') : null,
    error,
  );
}

/** Shows (or clears, with null) the message under a field made by `field()`. */
export function setFieldError(fieldEl: Element, message: string | null): void {
  const slot = fieldEl.querySelector('.field-error');
  fieldEl.classList.toggle('has-error', !!message);
  const control = fieldEl.querySelector('input, select, textarea');
  if (control) {
    if (message) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
  if (slot) replaceChildren(slot, message ?? '');
}

export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  /** Runs a pending call now. */
  flush(): void;
  /** Drops a pending call. */
  cancel(): void;
  readonly pending: boolean;
}

/** Calls `fn` once `ms` have passed without another call (the last arguments win). */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastArgs: A | null = null;
  const run = () => {
    timer = null;
    const args = lastArgs;
    lastArgs = null;
    if (args) fn(...args);
  };
  const d = ((...args: A) => {
    lastArgs = args;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, ms);
  }) as Debounced<A>;
  d.flush = () => {
    if (timer) {
      clearTimeout(timer);
      run();
    }
  };
  d.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    lastArgs = null;
  };
  Object.defineProperty(d, 'pending', { get: () => timer !== null });
  return d;
}

/** `<select>` from [value, label] pairs. */
export function select(
  options: ReadonlyArray<readonly [string, string]>,
  value: string,
  attrs: Record<string, unknown> = {},
): HTMLSelectElement {
  const el = h('select', attrs, ...options.map(([v, label]) => h('option', { value: v }, label)));
  el.value = value;
  return el;
}
