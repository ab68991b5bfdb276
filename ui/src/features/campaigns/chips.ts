// A multi-select as chips: the chosen items as removable chips, then a select to add one more.
// Keyboard: Tab to the select, arrow keys/Enter to add; each chip's remove button says what it
// removes. The select is the control the field's <label> points at.
import { h, replaceChildren } from '../../shared/dom';

export interface ChipOption {
  value: string;
  label: string;
  /** Options with a group are listed under an <optgroup> of that name. */
  group?: string;
}

export interface ChipSelect {
  el: HTMLElement;
  /** The select that adds a chip (give the field's label its id). */
  control: HTMLSelectElement;
  values(): string[];
  setValues(values: string[]): void;
}

export function chipSelect(opts: {
  id: string;
  options: readonly ChipOption[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
  addText?: string;
  /** What the empty list says, e.g. "No contacts targeted". */
  emptyText?: string;
  /** Text when there is nothing at all to choose from. */
  noOptionsText?: string;
}): ChipSelect {
  let values = opts.selected.filter((v) => opts.options.some((o) => o.value === v));
  // Keep ids the options do not know (e.g. removed meanwhile) so saving does not drop them silently.
  const unknown = opts.selected.filter((v) => !opts.options.some((o) => o.value === v));
  values = [...values, ...unknown];
  const list = h('ul', { class: 'cmp-chips', 'aria-label': 'Chosen' });
  const control = h('select', { id: opts.id, class: 'cmp-chip-add' });
  const el = h('div', { class: 'cmp-chip-select' }, list, control);

  const labelOf = (v: string) => opts.options.find((o) => o.value === v)?.label ?? 'Unknown (no longer in the plan)';

  function draw(): void {
    replaceChildren(
      list,
      values.length === 0
        ? h('li', { class: 'cmp-chips-empty muted' }, opts.emptyText ?? 'None')
        : values.map((v) =>
            h(
              'li',
              { class: 'cmp-chip', dataset: { value: v } },
              h('span', { class: 'cmp-chip-label' }, labelOf(v)),
              h(
                'button',
                {
                  type: 'button',
                  class: 'cmp-chip-remove',
                  'aria-label': `Remove ${labelOf(v)}`,
                  title: `Remove ${labelOf(v)}`,
                  onclick: () => {
                    values = values.filter((x) => x !== v);
                    draw();
                    opts.onChange([...values]);
                    control.focus();
                  },
                },
                '\u00d7',
              ),
            ),
          ),
    );
    const rest = opts.options.filter((o) => !values.includes(o.value));
    const groups = new Map<string, ChipOption[]>();
    const plain: ChipOption[] = [];
    for (const o of rest) {
      if (o.group === undefined) plain.push(o);
      else groups.set(o.group, [...(groups.get(o.group) ?? []), o]);
    }
    const placeholder =
      opts.options.length === 0 ? (opts.noOptionsText ?? 'Nothing to choose from') : rest.length === 0 ? 'All chosen' : (opts.addText ?? 'Add\u2026');
    replaceChildren(
      control,
      h('option', { value: '' }, placeholder),
      plain.map((o) => h('option', { value: o.value }, o.label)),
      [...groups].map(([g, os]) => h('optgroup', { label: g }, os.map((o) => h('option', { value: o.value }, o.label)))),
    );
    control.value = '';
    control.disabled = rest.length === 0;
  }

  control.addEventListener('change', () => {
    const v = control.value;
    if (!v || values.includes(v)) return;
    values = [...values, v];
    draw();
    opts.onChange([...values]);
    if (!control.disabled) control.focus();
  });

  draw();
  return {
    el,
    control,
    values: () => [...values],
    setValues(next: string[]) {
      values = [...next];
      draw();
    },
  };
}
