// The offerings catalog, shared by all accounts: add, edit, retire / reinstate.
// A retired offering stays in the plans that scored it (greyed out) and leaves new columns.
// After each save the plan view is fetched again so the matrix shows the catalog as it now is.
import { api } from '../../ipc/api';
import type { Offering } from '../../ipc/bindings/Offering';
import type { PlanContext } from '../../app/context';
import { h, replaceChildren } from '../../shared/dom';
import { formatMoney } from '../../shared/format';
import { formatMoneyForEdit, parseMoney } from '../../shared/money-input';
import './offerings.css';

type Editing = { mode: 'new' } | { mode: 'edit'; id: string } | null;

/** Last list seen, so a re-render after a save shows it at once while it refreshes. */
let cached: Offering[] | null = null;
/** A confirmation that should survive the re-render the plan refresh causes. */
let carriedNotice: string | null = null;

/** Catalog order: family, then name (as the matrix groups its columns). */
export function sortOfferings(list: Offering[]): Offering[] {
  return [...list].sort(
    (a, b) =>
      a.family.localeCompare(b.family, undefined, { sensitivity: 'base' }) ||
      a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
  );
}

export function offeringsPanel(root: HTMLElement, ctx: PlanContext): () => void {
  let list: Offering[] | null = cached;
  let editing: Editing = null;
  let loadError: string | null = null;
  let notice: string | null = carriedNotice;
  carriedNotice = null;
  let disposed = false;
  const readonly = ctx.readonly;

  const refresh = async () => {
    try {
      const fresh = await api.listOfferings();
      if (disposed) return;
      list = cached = fresh;
      loadError = null;
    } catch (err) {
      if (disposed) return;
      loadError = err instanceof Error ? err.message : String(err);
    }
    render();
  };

  async function save(o: Offering): Promise<void> {
    const fresh = await api.saveOffering(o);
    if (disposed) return;
    list = cached = fresh;
    editing = null;
    notice = carriedNotice = o.retired ? `Retired \u201c${o.name}\u201d.` : `Saved \u201c${o.name}\u201d.`;
    render();
    // The matrix columns come from the catalog: fetch the plan again.
    try {
      const view = await api.planView(ctx.view.plan.id);
      if (!disposed) ctx.replaceView(view);
    } catch (err) {
      carriedNotice = null;
      loadError = `saved, but the plan could not be refreshed (${err instanceof Error ? err.message : String(err)})`;
      render();
    }
  }

  function render(): void {
    if (disposed) return;
    const header = h(
      'div',
      { class: 'page-header' },
      h(
        'div',
        null,
        h('h2', null, 'Offerings catalog'),
        h('p', { class: 'muted small' }, 'Shared by all accounts. A retired offering stays in plans that used it, greyed out.'),
      ),
      readonly
        ? h('span', { class: 'muted small' }, 'Edit the catalog from a live plan (this is a snapshot).')
        : h(
            'button',
            {
              type: 'button',
              class: 'primary',
              disabled: editing?.mode === 'new',
              onclick: () => {
                editing = { mode: 'new' };
                notice = null;
                render();
                root.querySelector<HTMLInputElement>('.off-form input[name="name"]')?.focus();
              },
            },
            'Add offering',
          ),
    );
    const body: HTMLElement[] = [];
    if (notice) body.push(h('div', { class: 'banner success', role: 'status' }, notice));
    if (loadError) body.push(h('div', { class: 'banner error', role: 'alert' }, `Catalog: ${loadError}`));
    if (editing?.mode === 'new') body.push(offeringForm(newOffering(ctx.view.plan.currency), families(list), save, cancel));
    if (list === null && !loadError) body.push(h('p', { class: 'muted' }, 'Loading the catalog\u2026'));
    else if (list && list.length === 0 && editing === null) {
      body.push(h('p', { class: 'empty-state' }, 'The catalog is empty. Add the offerings you sell, grouped by family.'));
    } else if (list && list.length) body.push(table(sortOfferings(list)));
    replaceChildren(root, h('section', { class: 'off-panel' }, header, body));
  }

  function cancel(): void {
    editing = null;
    render();
  }

  function table(rows: Offering[]): HTMLElement {
    const cols = readonly ? 5 : 6;
    const tbody = h('tbody');
    for (const o of rows) {
      if (editing?.mode === 'edit' && editing.id === o.id) {
        tbody.appendChild(h('tr', { class: 'off-editing' }, h('td', { colspan: String(cols) }, offeringForm(o, families(list), save, cancel))));
        continue;
      }
      tbody.appendChild(
        h(
          'tr',
          { class: [o.retired && 'retired'], dataset: { id: o.id } },
          h('td', null, h('strong', null, o.name)),
          h('td', null, o.family),
          h('td', { class: 'off-desc' }, o.description),
          h('td', { class: 'num' }, formatMoney(o.typical_deal_size, o.currency)),
          h('td', null, o.retired ? h('span', { class: 'badge' }, 'Retired') : h('span', { class: 'badge green' }, 'Active')),
          readonly
            ? null
            : h(
                'td',
                { class: 'off-actions' },
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'small',
                    onclick: () => {
                      editing = { mode: 'edit', id: o.id };
                      notice = null;
                      render();
                      root.querySelector<HTMLInputElement>('.off-form input[name="name"]')?.focus();
                    },
                  },
                  'Edit',
                ),
                ' ',
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'small',
                    onclick: (e: Event) => {
                      const btn = e.currentTarget as HTMLButtonElement;
                      btn.disabled = true;
                      save({ ...o, retired: !o.retired }).catch((err: unknown) => {
                        btn.disabled = false;
                        notice = null;
                        loadError = null;
                        render();
                        root.querySelector('.off-panel')?.prepend(
                          h('div', { class: 'banner error', role: 'alert' }, err instanceof Error ? err.message : String(err)),
                        );
                      });
                    },
                  },
                  o.retired ? 'Reinstate' : 'Retire',
                ),
              ),
        ),
      );
    }
    return h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'off-table', 'aria-label': 'Offerings' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, 'Name'),
            h('th', { scope: 'col' }, 'Family'),
            h('th', { scope: 'col' }, 'Description'),
            h('th', { scope: 'col', class: 'num' }, 'Typical deal size'),
            h('th', { scope: 'col' }, 'Status'),
            readonly ? null : h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')),
          ),
        ),
        tbody,
      ),
    );
  }

  render();
  void refresh();
  return () => {
    disposed = true;
  };
}

function families(list: Offering[] | null): string[] {
  return Array.from(new Set((list ?? []).map((o) => o.family).filter((f) => f.trim() !== ''))).sort();
}

export function newOffering(currency: string, id: string = crypto.randomUUID()): Offering {
  return { id, name: '', family: '', description: '', typical_deal_size: 0, currency, retired: false };
}

type FieldKey = 'name' | 'family' | 'description' | 'typical_deal_size' | 'currency';

let formSeq = 0;

/** Add / edit form; the back end validates, its message is shown at the field it names. */
export function offeringForm(
  o: Offering,
  familyOptions: string[],
  onSave: (o: Offering) => Promise<void>,
  onCancel: () => void,
): HTMLElement {
  const id = `off-form-${++formSeq}`;
  const controls = new Map<FieldKey, { wrap: HTMLElement; control: HTMLInputElement | HTMLTextAreaElement; msg: HTMLElement }>();
  const field = (key: FieldKey, label: string, control: HTMLInputElement | HTMLTextAreaElement, extra?: HTMLElement) => {
    control.id = `${id}-${key}`;
    control.name = key;
    const msg = h('div', { class: 'field-msg', id: `${id}-${key}-msg` });
    control.setAttribute('aria-describedby', msg.id);
    const wrap = h('div', { class: 'field', dataset: { field: key } }, h('label', { for: control.id }, label), control, extra, msg);
    controls.set(key, { wrap, control, msg });
    return wrap;
  };
  const listId = `${id}-families`;
  const name = h('input', { type: 'text', value: o.name, required: true });
  const family = h('input', { type: 'text', value: o.family, list: listId, placeholder: 'e.g. Platform' });
  const description = h('textarea', { rows: '2', value: o.description });
  const currency = h('input', { type: 'text', value: o.currency, maxlength: '3', class: 'off-currency', autocapitalize: 'characters' });
  const deal = h('input', { type: 'text', inputmode: 'decimal', class: 'num', value: formatMoneyForEdit(o.typical_deal_size, o.currency) });
  const banner = h('div', { role: 'alert' });
  const saveBtn = h('button', { type: 'submit', class: 'primary' }, o.name ? 'Save offering' : 'Add offering');

  const showError = (key: string | undefined, message: string) => {
    const f = key ? controls.get(key as FieldKey) : undefined;
    if (f) {
      f.wrap.classList.add('has-error');
      f.control.setAttribute('aria-invalid', 'true');
      f.msg.appendChild(h('div', { class: 'field-error' }, message));
      f.control.focus();
    } else {
      banner.className = 'banner error';
      banner.textContent = message;
    }
  };

  const form = h(
    'form',
    { class: 'off-form card', novalidate: true },
    h('h3', null, o.name ? `Edit \u201c${o.name}\u201d` : 'New offering'),
    banner,
    h(
      'div',
      { class: 'grid-2' },
      field('name', 'Name', name),
      field('family', 'Family', family, h('datalist', { id: listId }, familyOptions.map((f) => h('option', { value: f })))),
    ),
    field('description', 'Description', description),
    h(
      'div',
      { class: 'grid-2' },
      field('typical_deal_size', 'Typical deal size (major units)', deal),
      field('currency', 'Currency (ISO code)', currency),
    ),
    h('div', { class: 'form-actions' }, saveBtn, h('button', { type: 'button', onclick: onCancel }, 'Cancel')),
  );
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    banner.className = '';
    banner.textContent = '';
    for (const f of controls.values()) {
      f.wrap.classList.remove('has-error');
      f.control.removeAttribute('aria-invalid');
      f.msg.textContent = '';
    }
    const code = currency.value.trim().toUpperCase();
    const money = parseMoney(deal.value, code || o.currency);
    if (!money.ok) return showError('typical_deal_size', money.message);
    saveBtn.disabled = true;
    onSave({
      ...o,
      name: name.value,
      family: family.value.trim(),
      description: description.value,
      typical_deal_size: money.value,
      currency: code,
    }).catch((err: unknown) => {
      saveBtn.disabled = false;
      const er = err as { message?: string; field?: string };
      showError(er.field, er.message ?? String(err));
    });
  });
  return form;
}
