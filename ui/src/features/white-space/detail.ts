// The cell detail panel: status, both scores with their rationale, estimated revenue,
// competitor / blocked reason, the core's warnings (amber) and the linked opportunities.
// Saving sends the whole cell; the back end validates and its message lands at the field.
import type { CellStatus } from '../../ipc/bindings/CellStatus';
import type { PlanView } from '../../ipc/bindings/PlanView';
import type { WhiteSpaceCell } from '../../ipc/bindings/WhiteSpaceCell';
import { h } from '../../shared/dom';
import { formatDate, formatMoney } from '../../shared/format';
import { amountExample, formatMoneyForEdit, parseMoney } from '../../shared/money-input';
import { QUADRANT_LABEL, STATUSES, STATUS_LABEL, baseCell, buyingCenterNames, findCell } from './model';
import type { CellPos } from './matrix';

export interface DetailOptions {
  view: PlanView;
  readonly: boolean;
  pos: CellPos;
  /** Shown once after a successful save. */
  savedNote: string | null;
  /** Saves the cell; rejects with an AppError ({message, field}). */
  onSave(cell: WhiteSpaceCell): Promise<void>;
  onClose(): void;
}

export interface Detail {
  element: HTMLElement;
  /** Focus the first control (or Save after a save). */
  focus(which?: 'first' | 'save'): void;
}

type FieldName =
  | 'status'
  | 'value_to_us'
  | 'value_to_us_rationale'
  | 'value_to_customer'
  | 'value_to_customer_rationale'
  | 'estimated_revenue'
  | 'competitor'
  | 'blocked_reason';

/** A score input's text as the value sent: empty -> null; what cannot be a score at all -> error. */
export function parseScoreInput(text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  // Anything a whole number 0-255 goes to the back end, which owns the 1-5 rule and its message.
  if (/^\d{1,3}$/.test(t) && Number(t) <= 255) return { ok: true, value: Number(t) };
  return { ok: false, message: 'Enter a whole number from 1 to 5' };
}

let seq = 0;

export function renderDetail(opts: DetailOptions): Detail {
  const { view, pos } = opts;
  const currency = view.plan.currency;
  const cv = findCell(view, pos.bc, pos.off);
  const cell = cv?.cell ?? baseCell(view, pos.bc, pos.off);
  const offering = view.white_space.columns.find((o) => o.id === pos.off);
  const bcName = buyingCenterNames(view).get(pos.bc) ?? 'Unknown buying center';
  const ro = opts.readonly;
  const id = `ws-detail-${++seq}`;

  const fields = new Map<FieldName, { wrap: HTMLElement; control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement; msg: HTMLElement }>();

  function field(
    name: FieldName,
    label: string,
    control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
    hint?: string,
  ): HTMLElement {
    control.id = `${id}-${name}`;
    control.name = name;
    control.disabled = ro;
    const msg = h('div', { class: 'field-msg', id: `${id}-${name}-msg`, 'aria-live': 'polite' });
    control.setAttribute('aria-describedby', msg.id);
    const wrap = h(
      'div',
      { class: 'field', dataset: { field: name } },
      h('label', { for: control.id }, label),
      control,
      hint ? h('div', { class: 'hint' }, hint) : null,
      msg,
    );
    fields.set(name, { wrap, control, msg });
    return wrap;
  }

  const status = h(
    'select',
    null,
    STATUSES.map((s) => h('option', { value: s, selected: s === cell.status }, STATUS_LABEL[s])),
  );
  const toUs = h('input', { type: 'text', inputmode: 'numeric', class: 'ws-score-input', value: cell.value_to_us ?? '', placeholder: '1\u20135' });
  const toUsWhy = h('textarea', { rows: '2', value: cell.value_to_us_rationale, placeholder: 'Revenue size, margin, strategic fit' });
  const toCust = h('input', { type: 'text', inputmode: 'numeric', class: 'ws-score-input', value: cell.value_to_customer ?? '', placeholder: '1\u20135' });
  const toCustWhy = h('textarea', { rows: '2', value: cell.value_to_customer_rationale, placeholder: 'Which initiative or success factor it serves' });
  const revenue = h('input', { type: 'text', inputmode: 'decimal', class: 'num', value: formatMoneyForEdit(cell.estimated_revenue, currency) });
  const competitor = h('input', { type: 'text', value: cell.competitor, placeholder: 'Who sells it there now' });
  const blocked = h('textarea', { rows: '2', value: cell.blocked_reason, placeholder: 'A contract lock-in, a policy\u2026' });

  const competitorField = field('competitor', 'Competitor', competitor);
  const blockedField = field('blocked_reason', 'Blocked because', blocked);
  const syncConditional = () => {
    competitorField.classList.toggle('hidden', status.value !== 'competitor');
    blockedField.classList.toggle('hidden', status.value !== 'blocked');
  };
  status.addEventListener('change', syncConditional);

  const statusField = field('status', 'Status', status);
  const effectiveNote =
    cv && cv.status !== cv.cell.status
      ? h(
          'p',
          { class: 'banner info small ws-effective' },
          `Shown as ${STATUS_LABEL[cv.status]}: a linked opportunity decides it. ` +
            `The status set here (${STATUS_LABEL[cv.cell.status]}) applies again when no opportunity is open or won.`,
        )
      : null;

  const form = h(
    'form',
    { class: 'ws-detail-form', novalidate: true },
    statusField,
    effectiveNote,
    h(
      'div',
      { class: 'grid-2 ws-scores' },
      field('value_to_us', 'Value to us (1\u20135)', toUs),
      field('value_to_customer', 'Value to the customer (1\u20135)', toCust),
    ),
    field('value_to_us_rationale', 'Why, for us', toUsWhy),
    field('value_to_customer_rationale', 'Why, for the customer', toCustWhy),
    field('estimated_revenue', `Estimated revenue (${currency})`, revenue, `In major units, e.g. ${amountExample()}`),
    competitorField,
    blockedField,
  );
  syncConditional();

  // The core's warnings: amber, at their field, never blocking.
  const generalWarnings: string[] = [];
  for (const w of cv?.warnings ?? []) {
    const f = fields.get(w.field as FieldName);
    if (f) {
      f.wrap.classList.add('has-warning');
      f.msg.appendChild(h('div', { class: 'field-warning' }, '\u26a0 ' + w.message));
    } else {
      generalWarnings.push(w.message);
    }
  }

  const banner = h('div', { class: 'ws-detail-banner', role: 'alert' });
  const saveBtn = h('button', { type: 'submit', class: 'primary', disabled: ro }, 'Save');
  const closeBtn = h('button', { type: 'button', onclick: () => opts.onClose() }, 'Close');
  const savedNote = h('span', { class: 'save-status' + (opts.savedNote ? ' saved' : ''), role: 'status' }, opts.savedNote ?? '');
  if (!ro) form.appendChild(h('div', { class: 'form-actions' }, saveBtn, closeBtn, savedNote));

  function clearErrors(): void {
    banner.textContent = '';
    banner.className = 'ws-detail-banner';
    for (const f of fields.values()) {
      f.wrap.classList.remove('has-error');
      f.control.removeAttribute('aria-invalid');
      for (const e of Array.from(f.msg.querySelectorAll('.field-error'))) e.remove();
    }
  }

  function showError(fieldName: string | undefined, message: string): void {
    const f = fieldName ? fields.get(fieldName as FieldName) : undefined;
    if (f) {
      f.wrap.classList.remove('hidden');
      f.wrap.classList.add('has-error');
      f.control.setAttribute('aria-invalid', 'true');
      f.msg.prepend(h('div', { class: 'field-error' }, message));
      f.control.focus();
    } else {
      banner.className = 'ws-detail-banner banner error';
      banner.textContent = message;
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (ro) return;
    clearErrors();
    const us = parseScoreInput(toUs.value);
    if (!us.ok) return showError('value_to_us', us.message);
    const cust = parseScoreInput(toCust.value);
    if (!cust.ok) return showError('value_to_customer', cust.message);
    const money = parseMoney(revenue.value, currency);
    if (!money.ok) return showError('estimated_revenue', money.message);
    // Start from the stored cell so fields this panel does not show are kept.
    const next: WhiteSpaceCell = {
      ...baseCell(view, pos.bc, pos.off),
      id: cell.id,
      status: status.value as CellStatus,
      value_to_us: us.value,
      value_to_customer: cust.value,
      value_to_us_rationale: toUsWhy.value,
      value_to_customer_rationale: toCustWhy.value,
      estimated_revenue: money.value,
      competitor: competitor.value,
      blocked_reason: blocked.value,
    };
    saveBtn.disabled = true;
    savedNote.className = 'save-status saving';
    savedNote.textContent = 'Saving\u2026';
    opts.onSave(next).then(
      () => {
        saveBtn.disabled = false;
        savedNote.className = 'save-status saved';
        savedNote.textContent = 'Saved';
      },
      (err: unknown) => {
        saveBtn.disabled = false;
        savedNote.className = 'save-status error';
        savedNote.textContent = 'Not saved';
        const e = err as { message?: string; field?: string };
        showError(e.field, e.message ?? String(err));
      },
    );
  });

  // Linked opportunities (the core says which).
  const linked = view.opportunities.filter((o) => cv?.opportunity_ids.includes(o.id));
  const opportunities = h(
    'section',
    { class: 'ws-linked' },
    h('h3', null, 'Linked opportunities'),
    linked.length
      ? h(
          'ul',
          { class: 'ws-linked-list' },
          linked.map((o) =>
            h(
              'li',
              null,
              h('strong', null, o.name),
              ' \u2014 ',
              `${o.status}, ${o.stage}, ${o.probability_pct}%, ${formatMoney(o.amount, currency)}`,
              o.close_on ? `, closes ${formatDate(o.close_on)}` : '',
            ),
          ),
        )
      : h('p', { class: 'muted small' }, 'None. "Create opportunity" in the ranked plays adds one.'),
  );

  const summary = h(
    'p',
    { class: 'ws-detail-summary' },
    cv
      ? [
          h('span', { class: `ws-status-badge st-${cv.status.replace(/_/g, '-')}` }, STATUS_LABEL[cv.status]),
          ' ',
          cv.mutual_value_score !== null
            ? `Mutual value ${cv.mutual_value_score}` + (cv.quadrant ? ` \u00b7 ${QUADRANT_LABEL[cv.quadrant]}` : '')
            : 'Not scored yet',
        ]
      : 'Not assessed yet: saving creates the cell (status Open).',
  );

  const headClose = h('button', { type: 'button', class: 'link ws-close', 'aria-label': 'Close', title: 'Close (Esc)', onclick: () => opts.onClose() }, '\u2715');
  const element = h(
    'aside',
    { class: 'ws-detail card', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': `${id}-title` },
    h(
      'header',
      { class: 'ws-detail-head' },
      h('h2', { id: `${id}-title` }, bcName, h('span', { class: 'muted' }, ' \u00d7 '), offering?.name ?? 'Unknown offering'),
      headClose,
    ),
    offering?.retired ? h('p', { class: 'muted small' }, 'This offering is retired.') : null,
    summary,
    generalWarnings.map((m) => h('p', { class: 'banner warning small' }, '\u26a0 ' + m)),
    ro ? h('p', { class: 'muted small' }, 'Read-only: this is a frozen snapshot.') : null,
    banner,
    form,
    opportunities,
  );
  element.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      opts.onClose();
    }
  });

  return {
    element,
    focus(which = 'first') {
      if (which === 'save' && !ro) saveBtn.focus();
      else (ro ? headClose : status).focus();
    },
  };
}
