// Buying centers: the table that holds each buying center's wallet, revenue, goal, relationship,
// initiatives and competitors (edited in place, spreadsheet style), the figures the core
// derives from them, the account totals, and the wallet and goal charts below.
import './buying-centers.css';
import type { FeatureView, PlanContext } from '../../app/context';
import type { AppError } from '../../ipc/index';
import { api } from '../../ipc/api';
import type { BuyingCenter } from '../../ipc/bindings/BuyingCenter';
import type { BuyingCenterView } from '../../ipc/bindings/BuyingCenterView';
import type { PlanView } from '../../ipc/bindings/PlanView';
import type { RelationshipStatus } from '../../ipc/bindings/RelationshipStatus';
import { h, replaceChildren, type Child } from '../../shared/dom';
import { formatPercent } from '../../shared/format';
import { newId } from '../../shared/id';
import { EditSession, errorText } from '../../shared/inline-edit';
import {
  displayLocale,
  formatMoneyForDisplay,
  formatMoneyForEdit,
  parseMoney,
  parseWholeNumber,
  type Parsed,
} from '../../shared/money-input';
import { goalChart, walletChart } from './charts';
import {
  RELATIONSHIP_STATUSES,
  dependentsOf,
  describeDependents,
  hasDependents,
  nextPosition,
  recordOf,
} from './model';

/** Survives the re-render the shell does after every save. */
const session = new EditSession();

interface LocalState {
  scope: string;
  /** Buying center whose delete question is open. */
  deleting: string | null;
  deleteChoice: 'move' | 'delete';
  moveTo: string;
  deleteError: string | null;
  deleteBusy: boolean;
}

const local: LocalState = { scope: '', deleting: null, deleteChoice: 'move', moveTo: '', deleteError: null, deleteBusy: false };

/** The newest context and view: saves build on these, not on the render they started from. */
let live: { root: HTMLElement; ctx: PlanContext; view: PlanView } | null = null;

const MONEY_FIELDS = ['total_wallet', 'our_revenue', 'sales_goal'] as const;
type MoneyField = (typeof MONEY_FIELDS)[number];

/** Back-end field names and the column that shows their message. */
const FIELD_COLUMN: Record<string, string> = {
  name: 'name',
  description: 'name',
  total_wallet: 'total_wallet',
  our_revenue: 'our_revenue',
  sales_goal: 'sales_goal',
  target_share_pct: 'target_share_pct',
  relationship_status: 'relationship_status',
  initiative_ids: 'initiative_ids',
  competitors: 'competitors',
  'competitors.share_pct': 'competitors',
};

/** Columns that have a cell of their own for warnings; other warnings go under the name. */
const WARNING_COLUMNS = new Set(['name', 'total_wallet', 'our_revenue', 'sales_goal', 'target_share_pct', 'competitors']);

export const buyingCentersView: FeatureView = (root, ctx) => {
  live = { root, ctx, view: ctx.view };
  render();
  return () => session.capture();
};

function render(): void {
  if (!live) return;
  const { root, ctx, view } = live;
  const scope = `${view.plan.id}${ctx.readonly ? ':ro' : ''}`;
  session.begin(root, scope);
  if (local.scope !== scope) {
    Object.assign(local, { scope, deleting: null, deleteChoice: 'move', moveTo: '', deleteError: null, deleteBusy: false });
  }
  if (local.deleting && !view.buying_centers.some((b) => b.id === local.deleting)) local.deleting = null;
  replaceChildren(
    root,
    h(
      'section',
      { class: 'buying-centers', 'aria-label': 'Buying centers' },
      h('p', { class: 'muted small area-meta' }, `Amounts in ${view.plan.currency} \u00b7 ${view.plan.period}`),
      table(view, ctx.readonly),
      forecastPanel(view),
      h('div', { class: 'bc-charts' }, walletChart(view, displayLocale()), goalChart(view, displayLocale())),
    ),
  );
  session.finish();
}

// ---------- saving ----------

function fieldOf(err: unknown): string | undefined {
  return (err as Partial<AppError> | null)?.field ?? undefined;
}

/** Cell key the error belongs to: the column its field names, or the cell that was edited. */
function errorKeyFor(id: string, editedKey: string): (err: unknown) => string {
  return (err) => {
    const field = fieldOf(err);
    const column = field ? FIELD_COLUMN[field] : undefined;
    if (!column) return editedKey;
    const key = cellKey(id, column);
    return editedKey.startsWith(key) ? editedKey : key;
  };
}

function cellKey(id: string, column: string): string {
  return `bc:${id}:${column}`;
}

/** Saves one change to one buying center, built on the newest view when the save runs. */
async function saveBuyingCenter(id: string, change: (bc: BuyingCenter) => BuyingCenter): Promise<PlanView> {
  const current = live;
  if (!current) throw new Error('The plan is not open');
  const bcv = current.view.buying_centers.find((b) => b.id === id);
  if (!bcv) throw new Error('This buying center no longer exists');
  const view = await current.ctx.save([{ kind: 'buying_center', item: change(recordOf(bcv)) }]);
  adopt(view);
  return view;
}

async function addBuyingCenter(name: string): Promise<PlanView> {
  const current = live;
  if (!current) throw new Error('The plan is not open');
  const item: BuyingCenter = {
    id: newId(),
    name,
    description: '',
    total_wallet: 0,
    our_revenue: 0,
    sales_goal: 0,
    target_share_pct: null,
    relationship_status: 'none',
    initiative_ids: [],
    competitors: [],
    position: nextPosition(current.view),
  };
  const view = await current.ctx.save([{ kind: 'buying_center', item }]);
  adopt(view);
  return view;
}

/** The next save builds on this view even if the shell has not re-rendered yet. */
function adopt(view: PlanView): void {
  if (live && live.view.plan.id === view.plan.id) live.view = view;
}

// ---------- the table ----------

// Each buying center is one <tbody>: a row of figures, then a row with its relationship,
// initiatives and competitors (too wide to sit in the same row).

const COLUMNS: Array<{ label: string; cls?: string; derived?: boolean; title?: string }> = [
  { label: 'Name' },
  { label: 'Total wallet', cls: 'num' },
  { label: 'Our revenue', cls: 'num' },
  { label: 'Wallet share', cls: 'num', derived: true, title: 'Our revenue \u00f7 total wallet' },
  { label: 'Headroom', cls: 'num', derived: true, title: 'Total wallet \u2212 our revenue' },
  { label: 'Sales goal', cls: 'num' },
  { label: 'Target share', cls: 'num' },
  {
    label: 'Forecast',
    cls: 'num',
    derived: true,
    title: 'Recurring base + won in the plan period + weighted pipeline closing in the period (see How the forecast is made)',
  },
  { label: 'Gap to goal', cls: 'num', derived: true, title: 'Sales goal \u2212 forecast' },
];

const money = (minor: number, currency: string) => formatMoneyForDisplay(minor, currency);

function table(view: PlanView, readonly: boolean): HTMLElement {
  const currency = view.plan.currency;
  const colCount = COLUMNS.length + (readonly ? 0 : 1);
  const groups: HTMLElement[] = view.buying_centers.map((bc) => (readonly ? readonlyGroup(view, bc, colCount) : editGroup(view, bc, colCount)));
  const extra: HTMLElement[] = [];
  if (view.buying_centers.length === 0) {
    extra.push(
      h(
        'tr',
        null,
        h(
          'td',
          { class: 'empty', colspan: colCount },
          readonly
            ? 'No buying centers in this snapshot.'
            : 'No buying centers yet. Add the divisions, business units, functions or regions that decide and buy on their own.',
        ),
      ),
    );
  }
  if (!readonly) extra.push(addRow(colCount));

  const t = view.totals;
  const foot = h(
    'tr',
    { class: 'bc-totals' },
    h('th', { scope: 'row' }, `Account total (${view.buying_centers.length})`),
    h('td', { class: 'num', dataset: { col: 'total_wallet' } }, money(t.total_wallet, currency)),
    h('td', { class: 'num', dataset: { col: 'our_revenue' } }, money(t.our_revenue, currency)),
    h('td', { class: 'num derived', dataset: { col: 'wallet_share' } }, share(t.wallet_share)),
    h('td', { class: ['num derived', t.headroom < 0 && 'negative'], dataset: { col: 'headroom' } }, money(t.headroom, currency)),
    h('td', { class: 'num', dataset: { col: 'sales_goal' } }, money(t.sales_goal, currency)),
    h('td', null),
    h('td', { class: 'num derived', dataset: { col: 'forecast' } }, money(t.forecast.total, currency)),
    h('td', { class: 'num derived', dataset: { col: 'gap_to_goal' } }, gap(t.gap_to_goal, t.sales_goal, currency)),
    readonly ? null : h('td', null),
  );

  return h(
    'div',
    { class: 'table-wrap bc-table-wrap' },
    h(
      'table',
      { class: 'bc-table' },
      h('caption', { class: 'visually-hidden' }, 'Buying centers: shaded columns are calculated from the plan'),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          COLUMNS.map((c) =>
            h(
              'th',
              { scope: 'col', class: [c.cls, c.derived && 'derived'], title: c.title ? `Calculated: ${c.title}` : null },
              c.label,
              c.derived ? h('span', { class: 'calc-mark', 'aria-hidden': 'true' }, ' \u0192') : null,
            ),
          ),
          readonly ? null : h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')),
        ),
      ),
      groups,
      h('tbody', { class: 'bc-extra' }, extra),
      h('tfoot', null, foot),
    ),
  );
}

function share(fraction: number | null): Child {
  return fraction === null
    ? h('span', { title: 'No wallet estimate: share undefined' }, '\u2014')
    : formatPercent(fraction, displayLocale());
}

function gap(amount: number, goal: number, currency: string): Child {
  if (goal > 0 && amount <= 0) {
    return h('span', null, money(amount, currency), ' ', h('span', { class: 'badge green' }, 'covered'));
  }
  return money(amount, currency);
}

function warningNotes(bc: BuyingCenterView, column: string): HTMLElement | null {
  const notes = bc.warnings.filter((w) =>
    column === 'name' ? !WARNING_COLUMNS.has(FIELD_COLUMN[w.field] ?? '') || FIELD_COLUMN[w.field] === 'name' : FIELD_COLUMN[w.field] === column,
  );
  if (!notes.length) return null;
  return h(
    'div',
    { class: 'cell-warnings' },
    notes.map((w) =>
      h('div', { class: 'field-warning', role: 'note', dataset: { field: w.field } }, h('span', { class: 'warn-icon', 'aria-hidden': 'true' }, '\u26a0'), ' ', w.message),
    ),
  );
}

function cell(cls: string | null, control: Child, slot: HTMLElement | null, warnings: HTMLElement | null): HTMLElement {
  return h('td', { class: ['edit-cell', cls, warnings && 'has-warning'] }, control, slot, warnings);
}

function derivedCells(view: PlanView, bc: BuyingCenterView, part: 'share' | 'pipeline'): HTMLElement[] {
  const currency = view.plan.currency;
  if (part === 'share') {
    return [
      h('td', { class: 'num derived', dataset: { col: 'wallet_share' } }, share(bc.wallet_share)),
      h('td', { class: ['num derived', bc.headroom < 0 && 'negative'], dataset: { col: 'headroom' } }, money(bc.headroom, currency)),
    ];
  }
  return [
    h('td', { class: 'num derived', dataset: { col: 'forecast' } }, money(bc.forecast.total, currency)),
    h('td', { class: 'num derived', dataset: { col: 'gap_to_goal' } }, gap(bc.gap_to_goal, bc.sales_goal, currency)),
  ];
}

/** One buying center's forecast in words, and the revenue no white-space cell accounts for. */
function forecastPart(view: PlanView, bc: BuyingCenterView): Child {
  const currency = view.plan.currency;
  const f = bc.forecast;
  const lines: Child[] = [
    h(
      'div',
      { dataset: { figure: 'forecast-parts' } },
      `Base ${money(f.recurring_base, currency)} + won ${money(f.won_in_period, currency)} + weighted ${money(f.weighted_in_period, currency)}`,
    ),
  ];
  if (f.next_period_weighted !== 0) {
    lines.push(h('div', { class: 'muted' }, `Next period ${money(f.next_period_weighted, currency)} (not counted)`));
  }
  if (f.unscheduled_count > 0) {
    lines.push(h('div', { class: 'muted' }, `${f.unscheduled_count} open without a close date in the period (not counted)`));
  }
  lines.push(
    h(
      'div',
      { dataset: { figure: 'not-allocated' }, title: 'Our revenue \u2212 the revenue of this buying center\u2019s Installed white-space cells' },
      `Not allocated to an offering: ${money(bc.not_allocated, currency)}`,
    ),
  );
  return h('div', { class: 'bc-forecast' }, lines);
}

/** The account's forecast, part by part, as the core labels it: what the QBR will ask. */
function forecastPanel(view: PlanView): HTMLElement {
  const currency = view.plan.currency;
  const t = view.totals;
  return h(
    'section',
    { class: 'bc-forecast-panel', 'aria-labelledby': 'bc-forecast-title' },
    h('h3', { id: 'bc-forecast-title' }, 'How the forecast is made'),
    h(
      'table',
      { class: 'forecast-parts' },
      h('caption', { class: 'visually-hidden' }, 'Forecast for the plan period, part by part'),
      h(
        'tbody',
        null,
        view.forecast_parts.map((p) =>
          h(
            'tr',
            { class: p.counted ? 'counted' : 'apart', dataset: { part: p.key } },
            h('th', { scope: 'row' }, p.counted ? p.label : h('span', { class: 'muted' }, p.label)),
            h('td', { class: 'num' }, money(p.amount, currency)),
          ),
        ),
        h(
          'tr',
          { class: 'total', dataset: { part: 'total' } },
          h('th', { scope: 'row' }, `Forecast for ${view.plan.period}`),
          h('td', { class: 'num' }, h('strong', null, money(t.forecast.total, currency))),
        ),
        h(
          'tr',
          { dataset: { part: 'gap' } },
          h('th', { scope: 'row' }, `Gap to goal (goal ${money(t.sales_goal, currency)} \u2212 forecast)`),
          h('td', { class: 'num' }, gap(t.gap_to_goal, t.sales_goal, currency)),
        ),
        h(
          'tr',
          { dataset: { part: 'not_allocated' } },
          h(
            'th',
            { scope: 'row' },
            `Our revenue not allocated to an offering (revenue ${money(t.our_revenue, currency)} \u2212 Installed cells ${money(t.installed_revenue, currency)})`,
          ),
          h('td', { class: 'num' }, money(t.not_allocated, currency)),
        ),
      ),
    ),
  );
}

/** The second row of a buying center: labelled groups side by side. */
function detailRow(bc: BuyingCenterView, colCount: number, parts: Array<[string, Child]>): HTMLElement {
  return h(
    'tr',
    { class: 'bc-detail' },
    h(
      'td',
      { colspan: colCount },
      h(
        'div',
        { class: 'bc-detail-parts' },
        parts.map(([title, content]) =>
          h('div', { class: 'bc-detail-part', role: 'group', 'aria-label': `${title} of ${bc.name}` }, h('div', { class: 'bc-detail-title' }, title), content),
        ),
      ),
    ),
  );
}

function readonlyGroup(view: PlanView, bc: BuyingCenterView, colCount: number): HTMLElement {
  const currency = view.plan.currency;
  const initiatives = view.account.initiatives.filter((i) => bc.initiative_ids.includes(i.id));
  return h(
    'tbody',
    { class: 'bc-group', dataset: { id: bc.id } },
    h(
      'tr',
      { class: 'bc-main' },
      h('th', { scope: 'row', class: 'name-cell' }, h('strong', null, bc.name), warningNotes(bc, 'name')),
      h('td', { class: 'num' }, money(bc.total_wallet, currency)),
      h('td', { class: 'num' }, money(bc.our_revenue, currency), warningNotes(bc, 'our_revenue')),
      derivedCells(view, bc, 'share'),
      h('td', { class: 'num' }, money(bc.sales_goal, currency), warningNotes(bc, 'sales_goal')),
      h('td', { class: 'num' }, bc.target_share_pct === null ? '\u2014' : `${bc.target_share_pct}%`, warningNotes(bc, 'target_share_pct')),
      derivedCells(view, bc, 'pipeline'),
    ),
    detailRow(bc, colCount, [
      ['Relationship', RELATIONSHIP_STATUSES[bc.relationship_status] ?? bc.relationship_status],
      ['Key initiatives', initiatives.length ? h('div', { class: 'chips' }, initiatives.map((i) => h('span', { class: 'chip on' }, i.name))) : '\u2014'],
      [
        'Competitors present',
        [
          bc.competitors.length
            ? h('ul', { class: 'comp-list' }, bc.competitors.map((c) => h('li', null, `${competitorName(view, c.competitor_id)} ${c.share_pct}%`)))
            : '\u2014',
          warningNotes(bc, 'competitors'),
        ],
      ],
      ['Forecast', forecastPart(view, bc)],
    ]),
  );
}

function competitorName(view: PlanView, id: string): string {
  return view.account.competitors.find((c) => c.id === id)?.name ?? 'Unknown competitor';
}

function editGroup(view: PlanView, bc: BuyingCenterView, colCount: number): HTMLElement {
  const currency = view.plan.currency;
  const id = bc.id;
  const label = (what: string) => `${what} of ${bc.name}`;

  // Name
  const nameInput = h('input', { type: 'text', class: 'cell-input', 'aria-label': `Name of buying center ${bc.name}`, maxlength: 200, title: bc.name });
  const nameKey = cellKey(id, 'name');
  const nameSlot = session.bindText<string>(nameInput, {
    key: nameKey,
    editText: bc.name,
    parse: (text) => ({ ok: true, value: text.trim() }),
    unchanged: (v) => v === bc.name,
    save: (v) => saveBuyingCenter(id, (r) => ({ ...r, name: v })),
    errorKey: errorKeyFor(id, nameKey),
  });

  const moneyCell = (field: MoneyField, what: string) => {
    const input = h('input', { type: 'text', class: 'cell-input money', inputmode: 'decimal', 'aria-label': label(what), autocomplete: 'off' });
    const key = cellKey(id, field);
    const saved = bc[field];
    const slot = session.bindText<number>(input, {
      key,
      editText: formatMoneyForEdit(saved, currency),
      displayText: money(saved, currency),
      parse: (text) => parseMoney(text, currency),
      unchanged: (v) => v === saved,
      save: (v) => saveBuyingCenter(id, (r) => ({ ...r, [field]: v })),
      errorKey: errorKeyFor(id, key),
    });
    return cell('num', input, slot, warningNotes(bc, field));
  };

  // Target share
  const targetInput = h('input', { type: 'text', class: 'cell-input pct', inputmode: 'numeric', 'aria-label': `${label('Target share')}, percent`, placeholder: '\u2014' });
  const targetKey = cellKey(id, 'target_share_pct');
  const targetSlot = session.bindText<number | null>(targetInput, {
    key: targetKey,
    editText: bc.target_share_pct === null ? '' : String(bc.target_share_pct),
    displayText: bc.target_share_pct === null ? '' : `${bc.target_share_pct}%`,
    parse: (text) => parsePercent(text, 'Target share', 4294967295, 1000, null),
    unchanged: (v) => v === bc.target_share_pct,
    save: (v) => saveBuyingCenter(id, (r) => ({ ...r, target_share_pct: v })),
    errorKey: errorKeyFor(id, targetKey),
  });

  // Relationship status
  const relSelect = h(
    'select',
    { class: 'cell-input', 'aria-label': label('Relationship status') },
    Object.entries(RELATIONSHIP_STATUSES).map(([value, text]) => h('option', { value }, text)),
  );
  const relKey = cellKey(id, 'relationship_status');
  const relSlot = session.bindSelect(relSelect, {
    key: relKey,
    value: bc.relationship_status,
    save: (v) => saveBuyingCenter(id, (r) => ({ ...r, relationship_status: v as RelationshipStatus })),
    errorKey: errorKeyFor(id, relKey),
  });

  const deleteButton = h(
    'button',
    {
      type: 'button',
      class: 'small danger',
      'aria-label': `Delete buying center ${bc.name}`,
      onclick: () => openDelete(view, id),
    },
    'Delete',
  );
  session.control(cellKey(id, 'delete'), deleteButton);

  const competitors = competitorsPart(view, bc);
  return h(
    'tbody',
    { class: ['bc-group', local.deleting === id && 'selected'], dataset: { id } },
    h(
      'tr',
      { class: 'bc-main' },
      h('th', { scope: 'row', class: 'edit-cell name-cell' }, nameInput, nameSlot, warningNotes(bc, 'name')),
      moneyCell('total_wallet', 'Total wallet'),
      moneyCell('our_revenue', 'Our revenue'),
      derivedCells(view, bc, 'share'),
      moneyCell('sales_goal', 'Sales goal'),
      cell('num', h('span', { class: 'with-unit' }, targetInput, h('span', { class: 'unit', 'aria-hidden': 'true' }, '%')), targetSlot, warningNotes(bc, 'target_share_pct')),
      derivedCells(view, bc, 'pipeline'),
      h('td', { class: 'row-actions' }, deleteButton),
    ),
    detailRow(bc, colCount, [
      ['Relationship', h('div', { class: 'edit-cell' }, relSelect, relSlot)],
      ['Key initiatives', initiativesPart(view, bc)],
      ['Competitors present', competitors],
      ['Forecast', forecastPart(view, bc)],
    ]),
    local.deleting === id ? deleteRow(view, bc, colCount) : null,
  );
}

/** A whole percent; negative or huge values are refused here (they cannot even be sent). */
function parsePercent(text: string, what: string, hardMax: number, max: number, empty: number | null): Parsed<number | null> {
  const parsed = parseWholeNumber(text, { empty, example: '25' });
  if (!parsed.ok) return { ok: false, message: 'Enter a whole percent like 25' };
  if (parsed.value !== null && parsed.value < 0) return { ok: false, message: `${what} cannot be negative` };
  if (parsed.value !== null && parsed.value > hardMax) return { ok: false, message: `${what} must be between 0 and ${max}` };
  return parsed;
}

function initiativesPart(view: PlanView, bc: BuyingCenterView): HTMLElement {
  const id = bc.id;
  const key = cellKey(id, 'initiative_ids');
  const slot = session.slot(key);
  const initiatives = view.account.initiatives;
  if (!initiatives.length) {
    return h('div', { class: 'edit-cell' }, h('span', { class: 'muted small' }, 'No initiatives on the account yet'), slot);
  }
  const chips = initiatives.map((ini) => {
    const on = bc.initiative_ids.includes(ini.id);
    const chipKey = `${key}:${ini.id}`;
    const chip = h(
      'button',
      {
        type: 'button',
        class: ['chip', on && 'on'],
        'aria-pressed': on ? 'true' : 'false',
        title: on ? `${ini.name}: linked (click to unlink)` : `${ini.name}: not linked (click to link)`,
        onclick: () =>
          void session.action(
            chipKey,
            () =>
              saveBuyingCenter(id, (r) => ({
                ...r,
                initiative_ids: r.initiative_ids.includes(ini.id)
                  ? r.initiative_ids.filter((x) => x !== ini.id)
                  : [...r.initiative_ids, ini.id],
              })),
            () => key,
          ),
      },
      h('span', { class: 'chip-mark', 'aria-hidden': 'true' }, on ? '\u2713' : '+'),
      ' ',
      ini.name,
    );
    session.control(chipKey, chip);
    return chip;
  });
  return h('div', { class: 'edit-cell' }, h('div', { class: 'chips' }, chips), slot);
}

function competitorsPart(view: PlanView, bc: BuyingCenterView): HTMLElement {
  const id = bc.id;
  const groupKey = cellKey(id, 'competitors');
  const groupSlot = session.slot(groupKey);
  const all = view.account.competitors;
  const rows = bc.competitors.map((c) => {
    const name = competitorName(view, c.competitor_id);
    const key = `${groupKey}:${c.competitor_id}`;
    const input = h('input', {
      type: 'text',
      class: 'cell-input pct',
      inputmode: 'numeric',
      'aria-label': `${name}'s estimated share of ${bc.name}'s wallet, percent`,
    });
    const slot = session.bindText<number | null>(input, {
      key,
      editText: String(c.share_pct),
      displayText: `${c.share_pct}%`,
      parse: (text) => parsePercent(text, 'Competitor share', 255, 100, 0),
      unchanged: (v) => v === c.share_pct,
      save: (v) =>
        saveBuyingCenter(id, (r) => ({
          ...r,
          competitors: r.competitors.map((x) => (x.competitor_id === c.competitor_id ? { ...x, share_pct: v ?? 0 } : x)),
        })),
      errorKey: errorKeyFor(id, key),
    });
    const removeKey = `${key}:remove`;
    const remove = h(
      'button',
      {
        type: 'button',
        class: 'icon-button',
        'aria-label': `Remove ${name} from ${bc.name}`,
        title: `Remove ${name}`,
        onclick: () =>
          void session.action(
            removeKey,
            () => saveBuyingCenter(id, (r) => ({ ...r, competitors: r.competitors.filter((x) => x.competitor_id !== c.competitor_id) })),
            () => groupKey,
          ),
      },
      '\u00d7',
    );
    session.control(removeKey, remove);
    return h('li', { class: 'comp-row' }, h('span', { class: 'comp-name' }, name), h('span', { class: 'with-unit' }, input, h('span', { class: 'unit', 'aria-hidden': 'true' }, '%')), remove, slot);
  });

  const present = new Set(bc.competitors.map((c) => c.competitor_id));
  const addable = all.filter((c) => !present.has(c.id));
  let adder: HTMLElement | null = null;
  if (addable.length) {
    const pick = h(
      'select',
      { class: 'cell-input', 'aria-label': `Competitor to add to ${bc.name}` },
      h('option', { value: '' }, 'Add competitor\u2026'),
      addable.map((c) => h('option', { value: c.id }, c.name)),
    );
    const addKey = `${groupKey}:add`;
    const add = async () => {
      const competitorId = pick.value;
      if (!competitorId) {
        session.setError(groupKey, 'Choose a competitor to add');
        pick.focus();
        return;
      }
      session.focusAfterSave(`${groupKey}:${competitorId}`);
      await session.action(
        addKey,
        () =>
          saveBuyingCenter(id, (r) => ({
            ...r,
            competitors: r.competitors.some((x) => x.competitor_id === competitorId)
              ? r.competitors
              : [...r.competitors, { competitor_id: competitorId, share_pct: 0 }],
          })),
        () => groupKey,
      );
    };
    pick.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        void add();
      }
    });
    session.control(addKey, pick);
    const addButton = h('button', { type: 'button', class: 'small', onclick: () => void add(), 'aria-label': `Add the chosen competitor to ${bc.name}` }, 'Add');
    adder = h('div', { class: 'comp-add' }, pick, addButton);
  } else if (!all.length) {
    adder = h('span', { class: 'muted small' }, 'No competitors on the account yet');
  }
  return h(
    'div',
    { class: ['edit-cell', 'comp-cell', bc.warnings.some((w) => FIELD_COLUMN[w.field] === 'competitors') && 'has-warning'] },
    rows.length ? h('ul', { class: 'comp-list' }, rows) : null,
    adder,
    groupSlot,
    warningNotes(bc, 'competitors'),
  );
}

function addRow(colCount: number): HTMLElement {
  const input = h('input', {
    type: 'text',
    class: 'cell-input',
    placeholder: 'New buying center name',
    'aria-label': 'Name of a new buying center (Enter adds it)',
    maxlength: 200,
  });
  const key = 'bc:new:name';
  const slot = session.bindText<string>(input, {
    key,
    editText: '',
    parse: (text) => ({ ok: true, value: text.trim() }),
    unchanged: (v) => v === '',
    save: (v) => addBuyingCenter(v),
    clearOnSave: true,
    saveOnBlur: false,
  });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'small primary',
      onclick: () => {
        session.focusAfterSave(key);
        void session.commit(key);
      },
    },
    'Add buying center',
  );
  return h(
    'tr',
    { class: 'add-row' },
    h('td', { class: 'edit-cell name-cell' }, input, slot),
    h('td', { colspan: colCount - 1 }, button, h('span', { class: 'muted small add-hint' }, ' Enter adds it with zero amounts; fill in the rest in its row.')),
  );
}

// ---------- deleting ----------

function openDelete(view: PlanView, id: string): void {
  const others = view.buying_centers.filter((b) => b.id !== id);
  local.deleting = id;
  local.deleteChoice = others.length ? 'move' : 'delete';
  local.moveTo = others[0]?.id ?? '';
  local.deleteError = null;
  local.deleteBusy = false;
  session.focusAfterSave('bc-delete:first');
  render();
}

function closeDelete(): void {
  const id = local.deleting;
  local.deleting = null;
  local.deleteError = null;
  if (id) session.focusAfterSave(cellKey(id, 'delete'));
  render();
}

function deleteRow(view: PlanView, bc: BuyingCenterView, colCount: number): HTMLElement {
  const deps = dependentsOf(view, bc.id);
  const others = view.buying_centers.filter((b) => b.id !== bc.id);
  const titleId = `bc-delete-title-${bc.id}`;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      closeDelete();
    }
  };
  const confirm = h(
    'button',
    { type: 'button', class: 'danger', disabled: local.deleteBusy, onclick: () => void runDelete(bc.id) },
    'Delete buying center',
  );
  const cancel = h('button', { type: 'button', onclick: closeDelete }, 'Cancel');
  let body: Child;
  if (hasDependents(deps)) {
    const what = describeDependents(deps);
    const moveRadio = h('input', {
      type: 'radio',
      name: `bc-delete-${bc.id}`,
      value: 'move',
      checked: local.deleteChoice === 'move',
      disabled: !others.length,
      onchange: () => (local.deleteChoice = 'move'),
    });
    const deleteRadio = h('input', {
      type: 'radio',
      name: `bc-delete-${bc.id}`,
      value: 'delete',
      checked: local.deleteChoice === 'delete',
      onchange: () => (local.deleteChoice = 'delete'),
    });
    const target = h(
      'select',
      {
        'aria-label': 'Buying center to move them to',
        disabled: !others.length,
        onchange: (e: Event) => {
          local.moveTo = (e.target as HTMLSelectElement).value;
          local.deleteChoice = 'move';
          moveRadio.checked = true;
        },
      },
      others.map((o) => h('option', { value: o.id }, o.name)),
    );
    target.value = local.moveTo;
    (others.length ? moveRadio : deleteRadio).dataset.focusKey = 'bc-delete:first';
    body = [
      h('p', { id: titleId, class: 'delete-question' }, `Delete \u201c${bc.name}\u201d? It has ${what}.`),
      h(
        'div',
        { class: 'delete-options', role: 'radiogroup', 'aria-labelledby': titleId },
        h(
          'label',
          { class: 'delete-option' },
          moveRadio,
          ` Move its ${what} to `,
          others.length ? target : h('span', { class: 'muted' }, '(there is no other buying center)'),
        ),
        h('label', { class: 'delete-option' }, deleteRadio, ` Delete them with it`),
      ),
      deps.cells
        ? h('p', { class: 'muted small' }, 'White-space cells for offerings the other buying center already has are deleted, not moved.')
        : null,
    ];
  } else {
    confirm.dataset.focusKey = 'bc-delete:first';
    body = h('p', { id: titleId, class: 'delete-question' }, `Delete \u201c${bc.name}\u201d? It has no contacts, opportunities or white-space cells.`);
  }
  return h(
    'tr',
    { class: 'bc-delete-row' },
    h(
      'td',
      { colspan: colCount },
      h(
        'div',
        { class: 'inline-dialog', role: 'alertdialog', 'aria-labelledby': titleId, onkeydown: onKey },
        body,
        local.deleteError ? h('p', { class: 'error-text', role: 'alert' }, local.deleteError) : null,
        h('div', { class: 'form-actions' }, confirm, cancel),
      ),
    ),
  );
}

async function runDelete(id: string): Promise<void> {
  const current = live;
  if (!current) return;
  const deps = dependentsOf(current.view, id);
  const moveTo = hasDependents(deps) && local.deleteChoice === 'move' && local.moveTo ? local.moveTo : null;
  local.deleteBusy = true;
  local.deleteError = null;
  try {
    const view = await session.run(() => api.deleteBuyingCenter(current.view.plan.id, id, moveTo));
    local.deleting = null;
    local.deleteBusy = false;
    adopt(view);
    session.focusAfterSave('bc:new:name');
    const ctxBefore = live?.ctx;
    current.ctx.replaceView(view);
    // The shell re-renders with the new view; if it did not (yet), show it ourselves.
    if (live && live.ctx === ctxBefore) render();
  } catch (err) {
    local.deleteBusy = false;
    local.deleteError = errorText(err);
    render();
  }
}
