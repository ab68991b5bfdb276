// Opportunities: the deals of the plan, edited in place, with the pipeline summary the core
// computed (open, weighted, won, lost; weighted pipeline per buying center).
import './opportunities.css';
import type { FeatureView, PlanContext } from '../../app/context';
import type { AppError } from '../../ipc/index';
import type { Opportunity } from '../../ipc/bindings/Opportunity';
import type { OpportunityStage } from '../../ipc/bindings/OpportunityStage';
import type { OpportunityStatus } from '../../ipc/bindings/OpportunityStatus';
import type { PlanView } from '../../ipc/bindings/PlanView';
import { h, replaceChildren, type Child } from '../../shared/dom';
import { formatDate } from '../../shared/format';
import { newId } from '../../shared/id';
import { EditSession } from '../../shared/inline-edit';
import { formatMoneyForDisplay, formatMoneyForEdit, parseMoney, parseWholeNumber, type Parsed } from '../../shared/money-input';

export const STAGES: Record<OpportunityStage, string> = {
  qualify: 'Qualify',
  develop: 'Develop',
  propose: 'Propose',
  negotiate: 'Negotiate',
  closed: 'Closed',
};

export const STATUSES: Record<OpportunityStatus, string> = {
  open: 'Open',
  won: 'Won',
  lost: 'Lost',
};

/** What a new opportunity starts with. */
export const NEW_OPPORTUNITY = { stage: 'qualify', probability_pct: 10, status: 'open', amount: 0 } as const;

const session = new EditSession();

interface LocalState {
  scope: string;
  /** Buying center chosen in the add form (kept for the next one). */
  newBuyingCenter: string;
  /** Opportunity whose delete question is open. */
  deleting: string | null;
  deleteError: string | null;
}

const local: LocalState = { scope: '', newBuyingCenter: '', deleting: null, deleteError: null };

let live: { root: HTMLElement; ctx: PlanContext; view: PlanView } | null = null;

const FIELDS = ['name', 'buying_center_id', 'offering_id', 'amount', 'stage', 'probability_pct', 'close_on', 'status'] as const;

export const opportunitiesView: FeatureView = (root, ctx) => {
  live = { root, ctx, view: ctx.view };
  render();
  return () => session.capture();
};

function render(): void {
  if (!live) return;
  const { root, ctx, view } = live;
  const scope = `${view.plan.id}${ctx.readonly ? ':ro' : ''}`;
  session.begin(root, scope);
  if (local.scope !== scope) Object.assign(local, { scope, newBuyingCenter: '', deleting: null, deleteError: null });
  if (local.newBuyingCenter && !view.buying_centers.some((b) => b.id === local.newBuyingCenter)) local.newBuyingCenter = '';
  if (!local.newBuyingCenter && view.buying_centers.length === 1) local.newBuyingCenter = view.buying_centers[0].id;
  if (local.deleting && !view.opportunities.some((o) => o.id === local.deleting)) local.deleting = null;

  replaceChildren(
    root,
    h(
      'section',
      { class: 'opportunities', 'aria-label': 'Opportunities' },
      h('p', { class: 'muted small area-meta' }, `Amounts in ${view.plan.currency} \u00b7 ${view.plan.period}`),
      summary(view),
      ctx.readonly ? null : addForm(view, ctx),
      table(view, ctx.readonly),
    ),
  );
  session.finish();
}

// ---------- summary ----------

function summary(view: PlanView): HTMLElement {
  const money = (m: number) => formatMoneyForDisplay(m, view.plan.currency);
  const t = view.totals;
  const figure = (label: string, value: number, col: string) =>
    h('div', { class: 'opp-figure', dataset: { figure: col } }, h('span', { class: 'opp-figure-label' }, label), h('strong', null, money(value)));
  return h(
    'div',
    { class: 'card opp-summary' },
    h(
      'div',
      { class: 'opp-figures' },
      figure('Open pipeline', t.open_pipeline, 'open_pipeline'),
      figure('Weighted pipeline', t.weighted_pipeline, 'weighted_pipeline'),
      figure('Won', t.won, 'won'),
      figure('Lost', t.lost, 'lost'),
    ),
    view.buying_centers.length
      ? h(
          'div',
          { class: 'opp-by-bc' },
          h('span', { class: 'muted' }, 'Weighted pipeline by buying center: '),
          h(
            'ul',
            { class: 'opp-bc-list' },
            view.buying_centers.map((bc) =>
              h('li', { dataset: { buyingCenter: bc.id } }, h('span', null, bc.name), ' ', h('strong', null, money(bc.weighted_pipeline))),
            ),
          ),
        )
      : null,
  );
}

// ---------- saving ----------

function cellKey(id: string, field: string): string {
  return `opp:${id}:${field}`;
}

function fieldOf(err: unknown): string | undefined {
  return (err as Partial<AppError> | null)?.field ?? undefined;
}

function errorKeyFor(id: string, editedKey: string): (err: unknown) => string {
  return (err) => {
    const field = fieldOf(err);
    return field && (FIELDS as readonly string[]).includes(field) ? cellKey(id, field) : editedKey;
  };
}

function adopt(view: PlanView): void {
  if (live && live.view.plan.id === view.plan.id) live.view = view;
}

async function saveOpportunity(id: string, change: (o: Opportunity) => Opportunity): Promise<PlanView> {
  const current = live;
  if (!current) throw new Error('The plan is not open');
  const opp = current.view.opportunities.find((o) => o.id === id);
  if (!opp) throw new Error('This opportunity no longer exists');
  const view = await current.ctx.save([{ kind: 'opportunity', item: change({ ...opp }) }]);
  adopt(view);
  return view;
}

class FieldError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

async function addOpportunity(name: string): Promise<PlanView> {
  const current = live;
  if (!current) throw new Error('The plan is not open');
  const bc = local.newBuyingCenter;
  if (!bc) throw new FieldError('Choose the buying center it belongs to', 'buying_center_id');
  const item: Opportunity = {
    id: newId(),
    name,
    buying_center_id: bc,
    offering_id: null,
    amount: NEW_OPPORTUNITY.amount,
    stage: NEW_OPPORTUNITY.stage,
    probability_pct: NEW_OPPORTUNITY.probability_pct,
    close_on: null,
    status: NEW_OPPORTUNITY.status,
  };
  const view = await current.ctx.save([{ kind: 'opportunity', item }]);
  adopt(view);
  return view;
}

// ---------- add form ----------

function addForm(view: PlanView, ctx: PlanContext): HTMLElement {
  if (!view.buying_centers.length) {
    return h(
      'div',
      { class: 'card opp-add' },
      h('p', null, 'An opportunity belongs to a buying center: add the account\u2019s buying centers first.'),
      h(
        'button',
        { type: 'button', class: 'primary', onclick: () => ctx.navigate(`#/plan/${view.plan.id}/buying-centers`) },
        'Go to buying centers',
      ),
    );
  }
  const name = h('input', {
    type: 'text',
    id: 'opp-new-name',
    placeholder: 'e.g. Ledger migration',
    maxlength: 200,
    autocomplete: 'off',
  });
  const nameKey = 'opp:new:name';
  const nameSlot = session.bindText<string>(name, {
    key: nameKey,
    editText: '',
    parse: (text) => ({ ok: true, value: text.trim() }),
    unchanged: () => false,
    save: (v) => addOpportunity(v),
    errorKey: (err) => (fieldOf(err) === 'buying_center_id' ? 'opp:new:bc' : nameKey),
    clearOnSave: true,
    saveOnBlur: false,
  });
  const bc = h(
    'select',
    {
      id: 'opp-new-bc',
      onchange: (e: Event) => {
        local.newBuyingCenter = (e.target as HTMLSelectElement).value;
        if (local.newBuyingCenter) session.setError('opp:new:bc', null);
      },
    },
    h('option', { value: '' }, 'Choose\u2026'),
    view.buying_centers.map((b) => h('option', { value: b.id }, b.name)),
  );
  bc.value = local.newBuyingCenter;
  const bcSlot = session.slot('opp:new:bc', bc);
  bc.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      session.focusAfterSave(nameKey);
      void session.commit(nameKey);
    }
  });
  const add = h(
    'button',
    {
      type: 'button',
      class: 'primary',
      onclick: () => {
        session.focusAfterSave(nameKey);
        void session.commit(nameKey);
      },
    },
    'Add opportunity',
  );
  return h(
    'div',
    { class: 'card opp-add', role: 'group', 'aria-labelledby': 'opp-add-title' },
    h('h3', { id: 'opp-add-title' }, 'Add opportunity'),
    h(
      'div',
      { class: 'opp-add-fields' },
      h('div', { class: 'field edit-cell' }, h('label', { for: 'opp-new-name', class: 'required' }, 'Name'), name, nameSlot),
      h('div', { class: 'field edit-cell' }, h('label', { for: 'opp-new-bc', class: 'required' }, 'Buying center'), bc, bcSlot),
      h('div', { class: 'field opp-add-action' }, add),
    ),
    h(
      'p',
      { class: 'hint muted small' },
      `Starts in stage ${STAGES[NEW_OPPORTUNITY.stage]}, ${NEW_OPPORTUNITY.probability_pct}% probability, open, amount 0: fill in the rest in its row.`,
    ),
  );
}

// ---------- table ----------

const HEADERS = ['Name', 'Buying center', 'Offering', 'Amount', 'Stage', 'Probability', 'Close date', 'Status'];

function table(view: PlanView, readonly: boolean): HTMLElement {
  const colCount = HEADERS.length + (readonly ? 0 : 1);
  const rows: HTMLElement[] = [];
  for (const o of view.opportunities) {
    rows.push(readonly ? readonlyRow(view, o) : editRow(view, o));
    if (!readonly && local.deleting === o.id) rows.push(deleteRow(o, colCount));
  }
  if (!rows.length) {
    rows.push(
      h(
        'tr',
        null,
        h('td', { class: 'empty', colspan: colCount }, readonly ? 'No opportunities in this snapshot.' : 'No opportunities yet.'),
      ),
    );
  }
  return h(
    'div',
    { class: 'table-wrap opp-table-wrap' },
    h(
      'table',
      { class: 'opp-table' },
      h('caption', { class: 'visually-hidden' }, 'Opportunities'),
      h(
        'colgroup',
        null,
        ['name', 'bc', 'offering', 'amount', 'stage', 'prob', 'date', 'status'].map((c) => h('col', { class: `c-${c}` })),
        readonly ? null : h('col', { class: 'c-actions' }),
      ),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          HEADERS.map((label, i) => h('th', { scope: 'col', class: i === 3 || i === 5 ? 'num' : undefined }, label)),
          readonly ? null : h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')),
        ),
      ),
      h('tbody', null, rows),
    ),
  );
}

function buyingCenterName(view: PlanView, id: string): string {
  return view.buying_centers.find((b) => b.id === id)?.name ?? 'Unknown buying center';
}

function offeringName(view: PlanView, id: string | null): string {
  if (!id) return 'No offering';
  return view.white_space.columns.find((o) => o.id === id)?.name ?? 'Unknown offering';
}

function readonlyRow(view: PlanView, o: Opportunity): HTMLElement {
  return h(
    'tr',
    { dataset: { id: o.id } },
    h('th', { scope: 'row' }, o.name),
    h('td', null, buyingCenterName(view, o.buying_center_id)),
    h('td', null, offeringName(view, o.offering_id)),
    h('td', { class: 'num' }, formatMoneyForDisplay(o.amount, view.plan.currency)),
    h('td', null, STAGES[o.stage] ?? o.stage),
    h('td', { class: 'num' }, `${o.probability_pct}%`),
    h('td', null, formatDate(o.close_on)),
    h('td', null, statusBadge(o.status)),
  );
}

function statusBadge(status: OpportunityStatus): HTMLElement {
  const cls = status === 'won' ? 'green' : status === 'lost' ? 'red' : 'blue';
  return h('span', { class: ['badge', cls] }, STATUSES[status] ?? status);
}

function editRow(view: PlanView, o: Opportunity): HTMLElement {
  const currency = view.plan.currency;
  const id = o.id;
  const label = (what: string) => `${what} of ${o.name}`;
  const td = (cls: string | null, control: Child, slot: HTMLElement) => h('td', { class: ['edit-cell', cls] }, control, slot);

  const name = h('input', { type: 'text', class: 'cell-input', 'aria-label': `Name of opportunity ${o.name}`, maxlength: 200 });
  const nameKey = cellKey(id, 'name');
  const nameSlot = session.bindText<string>(name, {
    key: nameKey,
    editText: o.name,
    parse: (text) => ({ ok: true, value: text.trim() }),
    unchanged: (v) => v === o.name,
    save: (v) => saveOpportunity(id, (r) => ({ ...r, name: v })),
    errorKey: errorKeyFor(id, nameKey),
  });

  const selectCell = (field: 'buying_center_id' | 'offering_id' | 'stage' | 'status', what: string, options: Array<[string, string, boolean?]>, value: string, toValue: (v: string) => Partial<Opportunity>) => {
    const sel = h(
      'select',
      { class: 'cell-input', 'aria-label': label(what) },
      options.map(([v, text, disabled]) => h('option', { value: v, disabled: !!disabled && v !== value }, text)),
    );
    const key = cellKey(id, field);
    const slot = session.bindSelect(sel, {
      key,
      value,
      save: (v) => saveOpportunity(id, (r) => ({ ...r, ...toValue(v) })),
      errorKey: errorKeyFor(id, key),
    });
    return td(null, sel, slot);
  };

  const bcOptions: Array<[string, string]> = view.buying_centers.map((b) => [b.id, b.name]);
  if (!view.buying_centers.some((b) => b.id === o.buying_center_id)) bcOptions.unshift([o.buying_center_id, 'Unknown buying center']);
  const offerings: Array<[string, string, boolean?]> = [['', 'No offering']];
  for (const off of view.white_space.columns) {
    offerings.push([off.id, off.retired ? `${off.name} (retired)` : off.family ? `${off.name} \u00b7 ${off.family}` : off.name, off.retired]);
  }
  if (o.offering_id && !view.white_space.columns.some((c) => c.id === o.offering_id)) offerings.push([o.offering_id, 'Unknown offering']);

  const amount = h('input', { type: 'text', class: 'cell-input money', inputmode: 'decimal', 'aria-label': label('Amount'), autocomplete: 'off' });
  const amountKey = cellKey(id, 'amount');
  const amountSlot = session.bindText<number>(amount, {
    key: amountKey,
    editText: formatMoneyForEdit(o.amount, currency),
    displayText: formatMoneyForDisplay(o.amount, currency),
    parse: (text) => parseMoney(text, currency),
    unchanged: (v) => v === o.amount,
    save: (v) => saveOpportunity(id, (r) => ({ ...r, amount: v })),
    errorKey: errorKeyFor(id, amountKey),
  });

  const prob = h('input', { type: 'text', class: 'cell-input pct', inputmode: 'numeric', 'aria-label': `${label('Probability')}, percent` });
  const probKey = cellKey(id, 'probability_pct');
  const probSlot = session.bindText<number>(prob, {
    key: probKey,
    editText: String(o.probability_pct),
    displayText: `${o.probability_pct}%`,
    parse: parseProbability,
    unchanged: (v) => v === o.probability_pct,
    save: (v) => saveOpportunity(id, (r) => ({ ...r, probability_pct: v })),
    errorKey: errorKeyFor(id, probKey),
  });

  const close = h('input', { type: 'date', class: 'cell-input date', 'aria-label': label('Close date') });
  const closeKey = cellKey(id, 'close_on');
  const closeSlot = session.bindText<string | null>(close, {
    key: closeKey,
    editText: o.close_on ?? '',
    parse: parseDate,
    unchanged: (v) => v === o.close_on,
    save: (v) => saveOpportunity(id, (r) => ({ ...r, close_on: v })),
    errorKey: errorKeyFor(id, closeKey),
  });

  const deleteButton = h(
    'button',
    {
      type: 'button',
      class: 'small danger',
      'aria-label': `Delete opportunity ${o.name}`,
      onclick: () => {
        local.deleting = id;
        local.deleteError = null;
        session.focusAfterSave('opp-delete:confirm');
        render();
      },
    },
    'Delete',
  );
  session.control(cellKey(id, 'delete'), deleteButton);

  return h(
    'tr',
    { dataset: { id }, class: local.deleting === id ? 'selected' : undefined },
    h('th', { scope: 'row', class: 'edit-cell name-cell' }, name, nameSlot),
    selectCell('buying_center_id', 'Buying center', bcOptions, o.buying_center_id, (v) => ({ buying_center_id: v })),
    selectCell('offering_id', 'Offering', offerings, o.offering_id ?? '', (v) => ({ offering_id: v || null })),
    td('num', amount, amountSlot),
    selectCell('stage', 'Stage', Object.entries(STAGES), o.stage, (v) => ({ stage: v as OpportunityStage })),
    td('num', h('span', { class: 'with-unit' }, prob, h('span', { class: 'unit', 'aria-hidden': 'true' }, '%')), probSlot),
    td(null, close, closeSlot),
    selectCell('status', 'Status', Object.entries(STATUSES), o.status, (v) => ({ status: v as OpportunityStatus })),
    h('td', { class: 'row-actions' }, deleteButton),
  );
}

/**
 * A whole percent. The back end owns the 0-100 rule (its message shows at the field); only
 * what could not even be sent (negative, or beyond a byte) is refused here, in its words.
 */
export function parseProbability(text: string): Parsed<number> {
  const parsed = parseWholeNumber(text, { example: '40' });
  if (!parsed.ok || parsed.value === null) return { ok: false, message: 'Enter a whole percent like 40' };
  if (parsed.value < 0 || parsed.value > 255) return { ok: false, message: 'Probability must be between 0 and 100' };
  return { ok: true, value: parsed.value };
}

/** A calendar date as the date input gives it (YYYY-MM-DD), or empty for none. */
export function parseDate(text: string): Parsed<string | null> {
  const s = text.trim();
  if (s === '') return { ok: true, value: null };
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])) {
      return { ok: true, value: s };
    }
  }
  return { ok: false, message: 'Enter a date like 2027-03-31' };
}

function deleteRow(o: Opportunity, colCount: number): HTMLElement {
  const titleId = `opp-delete-${o.id}`;
  const cancel = () => {
    local.deleting = null;
    local.deleteError = null;
    session.focusAfterSave(cellKey(o.id, 'delete'));
    render();
  };
  const confirm = h(
    'button',
    {
      type: 'button',
      class: 'danger',
      onclick: async () => {
        const current = live;
        if (!current) return;
        try {
          const view = await session.run(() => current.ctx.save([], [{ kind: 'opportunity', id: o.id }]));
          local.deleting = null;
          adopt(view);
        } catch (err) {
          local.deleteError = err instanceof Error ? err.message : String(err);
          render();
        }
      },
    },
    'Delete opportunity',
  );
  confirm.dataset.focusKey = 'opp-delete:confirm';
  return h(
    'tr',
    { class: 'opp-delete-row' },
    h(
      'td',
      { colspan: colCount },
      h(
        'div',
        {
          class: 'inline-dialog',
          role: 'alertdialog',
          'aria-labelledby': titleId,
          onkeydown: (e: KeyboardEvent) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              cancel();
            }
          },
        },
        h('p', { id: titleId, class: 'delete-question' }, `Delete the opportunity \u201c${o.name}\u201d?`),
        local.deleteError ? h('p', { class: 'error-text', role: 'alert' }, local.deleteError) : null,
        h('div', { class: 'form-actions' }, confirm, h('button', { type: 'button', onclick: cancel }, 'Cancel')),
      ),
    ),
  );
}
