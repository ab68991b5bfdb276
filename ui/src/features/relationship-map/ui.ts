// Small form helpers shared by the relationship map's panels.
import { toAppError, type AppError } from '../../ipc/index';
import { h, replaceChildren, type Child } from '../../shared/dom';

let seq = 0;
/** A document-unique id for label/for and aria-describedby pairs. */
export function uid(prefix = 'rm'): string {
  seq += 1;
  return `${prefix}-${seq}`;
}

export type Option = [value: string, label: string];
export type OptGroup = { label: string; options: Option[] };

/** A <select> with `value` chosen. Options may be grouped. */
export function selectEl(
  options: Array<Option | OptGroup>,
  value: string,
  attrs: Record<string, unknown> = {},
): HTMLSelectElement {
  const opt = ([v, label]: Option) => h('option', { value: v, selected: v === value }, label);
  const el = h(
    'select',
    attrs,
    options.map((o) => (Array.isArray(o) ? opt(o) : h('optgroup', { label: o.label }, o.options.map(opt)))),
  );
  el.value = value;
  return el;
}

/**
 * A labelled field. `name` is the back end's field name (AppError.field) so an error can be
 * shown at it: `<div class="field" data-field="reports_to">`.
 */
export function field(label: string, control: HTMLElement, name: string, extra?: Child): HTMLElement {
  const id = control.id || uid('rm-f');
  control.id = id;
  const err = h('div', { class: 'field-error', id: `${id}-error`, role: 'alert', hidden: true });
  return h(
    'div',
    { class: 'field', dataset: { field: name } },
    h('label', { for: id }, label),
    control,
    extra,
    err,
  );
}

/** Clears every field error and the form banner inside `root`. */
export function clearErrors(root: HTMLElement): void {
  for (const f of Array.from(root.querySelectorAll<HTMLElement>('.field.has-error'))) {
    f.classList.remove('has-error');
    const err = f.querySelector<HTMLElement>(':scope > .field-error');
    if (err) {
      err.hidden = true;
      err.textContent = '';
    }
    for (const c of Array.from(f.querySelectorAll('[aria-invalid]'))) {
      c.removeAttribute('aria-invalid');
      c.removeAttribute('aria-describedby');
    }
  }
  for (const b of Array.from(root.querySelectorAll<HTMLElement>('.rm-form-error'))) {
    b.hidden = true;
    replaceChildren(b);
  }
}

/**
 * Shows a back-end error at its field (`[data-field=<field>]` inside `root`), or in the
 * form's banner (`.rm-form-error`) when no field matches. Returns the element it used.
 */
export function showError(root: HTMLElement, error: unknown): HTMLElement | null {
  const e: AppError = toAppError(error);
  const f = e.field
    ? Array.from(root.querySelectorAll<HTMLElement>('.field[data-field]')).find((x) => x.dataset.field === e.field)
    : undefined;
  if (f) {
    f.classList.add('has-error');
    const err = f.querySelector<HTMLElement>(':scope > .field-error');
    const control = f.querySelector<HTMLElement>('input, select, textarea');
    if (err) {
      err.textContent = e.message;
      err.hidden = false;
      if (control) {
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', err.id);
      }
    }
    f.scrollIntoView?.({ block: 'nearest' });
    control?.focus?.();
    return f;
  }
  const banner = root.querySelector<HTMLElement>('.rm-form-error');
  if (banner) {
    replaceChildren(banner, e.message);
    banner.hidden = false;
    banner.scrollIntoView?.({ block: 'nearest' });
  }
  return banner;
}

export function formBanner(): HTMLElement {
  return h('div', { class: 'banner error rm-form-error', role: 'alert', hidden: true });
}
