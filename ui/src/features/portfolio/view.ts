// The portfolio: every account in one fast table (virtual rows), search, sort, totals, new
// account, delete with undo, and a first-start panel for an empty store.
import { api } from '../../ipc/api';
import type { PortfolioRow } from '../../ipc/bindings/PortfolioRow';
import { toAppError } from '../../ipc/index';
import { planHash } from '../../app/context';
import { h, replaceChildren, type Child } from '../../shared/dom';
import { formatDate, formatMoney, formatMoneyCompact, formatPercent } from '../../shared/format';
import { field, setFieldError } from '../../shared/forms';
import { healthBadge, HEALTH_STATUSES, riskCount } from '../../shared/health';
import { LIFE_STAGES, TIERS } from '../../shared/labels';
import { showToast } from '../../shared/toast';
import { VirtualList } from '../../shared/virtual-list';
import {
  filterByHealth,
  filterRows,
  HEALTH_FILTERS,
  nextSort,
  sortRows,
  totalsByCurrency,
  type HealthFilter,
  type SortKey,
  type SortState,
} from './model';
import './portfolio.css';

export interface PortfolioOptions {
  navigate(hash: string): void;
  today?: string;
}

/** Must match `.portfolio-table tbody tr { height }` in portfolio.css. */
export const ROW_HEIGHT = 38;

interface Column {
  key: SortKey | 'actions';
  label: string;
  num?: boolean;
  width: string;
  cell?: (row: PortfolioRow) => Child;
}

const EM_DASH = '\u2014';

/** A short date for the table ("11/26/26" in en-US), the long one in its tooltip. */
function shortDate(value: string | null): Child {
  if (!value) return EM_DASH;
  return h('span', { title: formatDate(value, undefined, { dateStyle: 'long' }) }, formatDate(value, undefined, { dateStyle: 'short' }));
}

/** A short amount for the table, the exact one in its tooltip. */
function money(minor: number, currency: string): HTMLElement {
  return h('span', { title: formatMoney(minor, currency) }, formatMoneyCompact(minor, currency));
}

function completenessCell(fraction: number): Child {
  const pct = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  return h(
    'span',
    { class: 'completeness' },
    h('span', { class: 'meter', 'aria-hidden': 'true' }, h('span', { class: 'meter-fill', style: { width: `${pct}%` } })),
    h('span', { class: 'meter-value' }, `${pct}%`),
  );
}

/** The stored health: status in words, colour and icon, with the risk count and its date. */
function healthCell(row: PortfolioRow): Child {
  if (row.health_status === null) return h('span', { class: 'muted', title: 'Not assessed yet: health is taken at the next edit of the plan' }, 'Not assessed');
  const asOf = row.health_as_of ? ` as of ${formatDate(row.health_as_of, undefined, { dateStyle: 'long' })}` : '';
  return h(
    'span',
    { title: `${HEALTH_STATUSES[row.health_status]}: ${riskCount(row.risk_count)}${asOf}` },
    healthBadge(row.health_status, row.risk_count > 0 ? String(row.risk_count) : undefined),
  );
}

const COLUMNS: Column[] = [
  { key: 'name', label: 'Account', width: '12%' },
  { key: 'industry', label: 'Industry', width: '7%', cell: (r) => r.industry || EM_DASH },
  { key: 'life_stage', label: 'Life stage', width: '8%', cell: (r) => LIFE_STAGES[r.life_stage] ?? r.life_stage },
  {
    key: 'tier',
    label: 'Tier',
    width: '6.5%',
    cell: (r) => h('span', { class: ['badge', r.tier.startsWith('tier1') ? 'blue' : null], title: r.tier_reason }, TIERS[r.tier] ?? r.tier),
  },
  { key: 'total_wallet', label: 'Total wallet', num: true, width: '6.5%', cell: (r) => money(r.total_wallet, r.currency) },
  { key: 'our_revenue', label: 'Our revenue', num: true, width: '6.5%', cell: (r) => money(r.our_revenue, r.currency) },
  { key: 'wallet_share', label: 'Share', num: true, width: '5%', cell: (r) => formatPercent(r.wallet_share) },
  { key: 'sales_goal', label: 'Goal', num: true, width: '6%', cell: (r) => money(r.sales_goal, r.currency) },
  { key: 'gap_to_goal', label: 'Gap', num: true, width: '6%', cell: (r) => money(r.gap_to_goal, r.currency) },
  { key: 'completeness', label: 'Complete', num: true, width: '7.5%', cell: (r) => completenessCell(r.completeness) },
  { key: 'health', label: 'Health', width: '10%', cell: healthCell },
  { key: 'next_action_due', label: 'Next action', num: true, width: '7%', cell: (r) => shortDate(r.next_action_due) },
  { key: 'last_interaction', label: 'Last contact', num: true, width: '7%', cell: (r) => shortDate(r.last_interaction) },
  { key: 'actions', label: 'Actions', width: '5%' },
];

export function renderPortfolio(root: HTMLElement, opts: PortfolioOptions): () => void {
  let all: PortfolioRow[] = [];
  let shown: PortfolioRow[] = [];
  let query = '';
  let health: HealthFilter = 'all';
  let sort: SortState = { key: 'name', dir: 'asc' };
  let confirming: string | null = null;
  let loaded = false;

  const page = h('div', { class: 'portfolio' });
  root.append(page);

  // --- new account form -------------------------------------------------------------
  const nameInput = h('input', { type: 'text', autocomplete: 'off', maxlength: '200', name: 'account-name' });
  const nameField = field({ label: 'Account name', control: nameInput, class: 'new-account-field' });
  // The first plan's period: this fiscal year, or the next one near the end of this one (the
  // core decides what is offered).
  const periodSelect = h('select', { name: 'account-period' });
  const periodField = field({ label: 'First plan', control: periodSelect, class: 'new-account-field' });
  async function loadPeriods(): Promise<void> {
    try {
      const options = await api.newAccountPeriods();
      replaceChildren(
        periodSelect,
        ...options.map((o) =>
          h('option', { value: o.choice }, `${o.period.label} (${o.choice === 'current' ? 'this year' : 'next year'})`),
        ),
      );
    } catch (err) {
      setFieldError(periodField, toAppError(err).message);
    }
  }
  const createButton = h('button', { type: 'submit', class: 'primary' }, 'Create');
  const newForm = h(
    'form',
    {
      class: 'card new-account hidden',
      'aria-label': 'New account',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        createButton.disabled = true;
        setFieldError(nameField, null);
        try {
          const period = periodSelect.value === 'next' ? 'next' : 'current';
          const summary = await api.createAccount(nameInput.value, period);
          if (summary.current_plan_id) opts.navigate(planHash(summary.current_plan_id, 'overview'));
          else await reload();
        } catch (err) {
          // Whatever the back end says (e.g. "Account name is empty") goes under the field.
          setFieldError(nameField, toAppError(err).message);
          nameInput.focus();
        } finally {
          createButton.disabled = false;
        }
      },
      onkeydown: (e: KeyboardEvent) => {
        if (e.key === 'Escape') toggleNewForm(false);
      },
    },
    nameField,
    periodField,
    h(
      'div',
      { class: 'form-actions' },
      createButton,
      h('button', { type: 'button', onclick: () => toggleNewForm(false) }, 'Cancel'),
    ),
  );
  const newButton = h('button', { type: 'button', class: 'primary', onclick: () => toggleNewForm(true) }, 'New account');

  function toggleNewForm(open: boolean): void {
    newForm.classList.toggle('hidden', !open);
    if (open) {
      if (!newForm.isConnected) page.prepend(newForm);
      void loadPeriods();
      nameInput.focus();
    } else {
      nameInput.value = '';
      setFieldError(nameField, null);
      newButton.focus();
    }
  }

  // --- search -----------------------------------------------------------------------
  const search = h('input', {
    type: 'search',
    placeholder: 'Name, industry or owner',
    autocomplete: 'off',
    oninput: () => {
      query = search.value;
      apply();
    },
  });
  const searchField = field({ label: 'Search accounts', control: search, class: 'search-field', hiddenLabel: true });

  // --- health filter ----------------------------------------------------------------
  const healthSelect = h(
    'select',
    {
      name: 'health-filter',
      onchange: () => {
        health = healthSelect.value as HealthFilter;
        apply();
      },
    },
    HEALTH_FILTERS.map((f) => h('option', { value: f.value }, f.label)),
  );
  const healthField = field({ label: 'Health', control: healthSelect, class: 'health-filter' });

  // --- table ------------------------------------------------------------------------
  const headerCells = new Map<SortKey, HTMLTableCellElement>();
  const thead = h(
    'thead',
    null,
    h(
      'tr',
      { 'aria-rowindex': '1' },
      ...COLUMNS.map((c) => {
        if (c.key === 'actions') return h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, c.label));
        const key = c.key;
        const th = h(
          'th',
          { scope: 'col', class: c.num ? 'num' : undefined },
          h(
            'button',
            { type: 'button', class: 'sort', onclick: () => setSort(nextSort(sort, key)) },
            c.label,
            h('span', { class: 'sort-mark', 'aria-hidden': 'true' }),
          ),
        );
        headerCells.set(key, th);
        return th;
      }),
    ),
  );
  const tbody = h('tbody');
  const tfoot = h('tfoot');
  const table = h(
    'table',
    { class: 'portfolio-table', 'aria-label': 'Accounts' },
    h('colgroup', null, ...COLUMNS.map((c) => h('col', { style: { width: c.width } }))),
    thead,
    tbody,
    tfoot,
  );
  const scroller = h('div', { class: 'portfolio-scroll', tabindex: '0', role: 'region', 'aria-label': 'Accounts table' }, table);
  const countLine = h('p', { class: 'muted small count-line', role: 'status', 'aria-live': 'polite' });
  const noMatch = h('p', { class: 'empty-state hidden' });

  const list = new VirtualList<PortfolioRow>({
    scroller,
    body: tbody,
    rowHeight: ROW_HEIGHT,
    overscan: 8,
    headerHeight: () => thead.getBoundingClientRect().height || ROW_HEIGHT,
    renderRow,
    spacer: (height) => h('tr', { class: 'spacer' }, h('td', { colspan: String(COLUMNS.length), style: { height: `${height}px` } })),
  });

  function renderRow(row: PortfolioRow, index: number): HTMLElement {
    const attrs = { class: ['row', index % 2 ? 'odd' : null], 'aria-rowindex': String(index + 2), dataset: { id: row.id } };
    if (confirming === row.id) {
      const cancel = h('button', { type: 'button', class: 'small', onclick: () => setConfirming(null, index) }, 'Cancel');
      const tr = h(
        'tr',
        { ...attrs, class: ['row', 'confirm-row'] },
        h(
          'td',
          { colspan: String(COLUMNS.length) },
          h(
            'div',
            { class: 'confirm' },
            h('span', { class: 'confirm-text' }, `Delete ${row.name} and all its plans?`),
            h('button', { type: 'button', class: 'danger small', onclick: () => void remove(row) }, 'Delete'),
            cancel,
          ),
        ),
      );
      return tr;
    }
    return h(
      'tr',
      attrs,
      ...COLUMNS.map((c) => {
        if (c.key === 'name') {
          const text = row.name;
          return h(
            'th',
            { scope: 'row', class: 'name', title: text },
            row.current_plan_id
              ? h('a', { href: planHash(row.current_plan_id, 'overview') }, text)
              : h('span', null, text),
          );
        }
        if (c.key === 'actions') {
          return h(
            'td',
            { class: 'actions' },
            h(
              'button',
              { type: 'button', class: 'small link-danger', 'aria-label': `Delete ${row.name}`, onclick: () => setConfirming(row.id, index) },
              'Delete',
            ),
          );
        }
        const value = c.cell ? c.cell(row) : '';
        return h('td', { class: c.num ? 'num' : undefined, title: typeof value === 'string' ? value : null }, value);
      }),
    );
  }

  function setConfirming(id: string | null, index: number): void {
    const previous = confirming;
    confirming = id;
    if (previous && previous !== id) {
      const pi = shown.findIndex((r) => r.id === previous);
      if (pi >= 0) list.refreshRow(pi);
    }
    list.refreshRow(index);
    // Keep the keyboard where the user is: on Cancel when asking, back on Delete after.
    const rowEl = tbody.querySelector(`tr[aria-rowindex="${index + 2}"]`);
    rowEl?.querySelector<HTMLButtonElement>(id === null ? '.actions button' : '.confirm button:not(.danger)')?.focus();
  }

  async function remove(row: PortfolioRow): Promise<void> {
    try {
      await api.deleteAccount(row.id);
    } catch (err) {
      showToast(`Could not delete ${row.name}: ${toAppError(err).message}`, { kind: 'error' });
      return;
    }
    confirming = null;
    await reload();
    search.focus();
    showToast(`Deleted ${row.name}.`, {
      actionLabel: 'Undo',
      timeoutMs: 15000,
      onAction: async () => {
        try {
          await api.undoDeleteAccount();
          showToast(`Restored ${row.name}.`, { kind: 'success', timeoutMs: 4000 });
        } catch (err) {
          showToast(`Could not restore ${row.name}: ${toAppError(err).message}`, { kind: 'error' });
        }
        if (page.isConnected) await reload();
      },
    });
  }

  function setSort(next: SortState): void {
    sort = next;
    apply();
  }

  function updateHeaders(): void {
    for (const [key, th] of headerCells) {
      const active = key === sort.key;
      if (active) th.setAttribute('aria-sort', sort.dir === 'asc' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
      const mark = th.querySelector('.sort-mark');
      if (mark) replaceChildren(mark, active ? (sort.dir === 'asc' ? '\u25B2' : '\u25BC') : '');
    }
  }

  function renderTotals(rows: readonly PortfolioRow[]): void {
    const totals = totalsByCurrency(rows);
    replaceChildren(
      tfoot,
      ...totals.map((t) =>
        h(
          'tr',
          { class: 'totals' },
          h('th', { scope: 'row', colspan: '4' }, totals.length > 1 ? `Total ${t.currency} (${t.accounts})` : `Total (${t.accounts} ${t.accounts === 1 ? 'account' : 'accounts'})`),
          h('td', { class: 'num' }, money(t.total_wallet, t.currency)),
          h('td', { class: 'num' }, money(t.our_revenue, t.currency)),
          h('td', { class: 'num' }),
          h('td', { class: 'num' }, money(t.sales_goal, t.currency)),
          h('td', { class: 'num' }, money(t.gap_to_goal, t.currency)),
          h('td', { colspan: String(COLUMNS.length - 9) }),
        ),
      ),
    );
  }

  function apply(): void {
    shown = sortRows(filterByHealth(filterRows(all, query), health), sort);
    updateHeaders();
    list.setItems(shown);
    table.setAttribute('aria-rowcount', String(shown.length + 1));
    renderTotals(shown);
    const q = query.trim();
    const filtered = q !== '' || health !== 'all';
    const healthLabel = HEALTH_FILTERS.find((f) => f.value === health)?.label ?? '';
    noMatch.classList.toggle('hidden', !(filtered && shown.length === 0));
    replaceChildren(
      noMatch,
      !filtered ? '' : q ? `No account matches \u201c${q}\u201d${health !== 'all' ? ` with health \u201c${healthLabel}\u201d` : ''}.` : `No account with health \u201c${healthLabel}\u201d.`,
    );
    replaceChildren(
      countLine,
      filtered ? `${shown.length} of ${all.length} accounts` : `${all.length} ${all.length === 1 ? 'account' : 'accounts'}`,
    );
  }

  async function loadSample(button: HTMLButtonElement, message: HTMLElement): Promise<void> {
    button.disabled = true;
    try {
      const summary = await api.loadSample();
      if (summary.current_plan_id) opts.navigate(planHash(summary.current_plan_id, 'overview'));
      else await reload();
    } catch (err) {
      replaceChildren(message, toAppError(err).message);
      button.disabled = false;
    }
  }

  function renderWelcome(): void {
    const message = h('p', { class: 'error-text', role: 'alert' });
    const sample: HTMLButtonElement = h(
      'button',
      { type: 'button', onclick: () => void loadSample(sample, message) },
      'Load the sample plan',
    );
    replaceChildren(
      page,
      newForm,
      h(
        'section',
        { class: 'card welcome', 'aria-labelledby': 'welcome-title' },
        h('h1', { id: 'welcome-title' }, 'Welcome to Account Planner'),
        h(
          'p',
          null,
          'Plan your strategic accounts: buying centers and wallet share, the relationship map, white space and the plays to run, objectives and actions, ready to print for the QBR.',
        ),
        h('p', { class: 'muted' }, 'Start with one of your accounts, or look around a filled-in sample plan first (you can delete it later).'),
        h(
          'div',
          { class: 'form-actions' },
          h('button', { type: 'button', class: 'primary', onclick: () => toggleNewForm(true) }, 'Create an account'),
          sample,
        ),
        message,
      ),
    );
  }

  function renderTable(): void {
    replaceChildren(
      page,
      h('div', { class: 'page-header' }, h('h1', null, 'Portfolio'), h('div', { class: 'toolbar' }, searchField, healthField, newButton)),
      newForm,
      scroller,
      noMatch,
      countLine,
    );
  }

  async function reload(): Promise<void> {
    try {
      all = await api.listPortfolio();
    } catch (err) {
      replaceChildren(
        page,
        h('div', { class: 'banner error', role: 'alert' }, `The portfolio could not be loaded: ${toAppError(err).message}`),
        h('button', { type: 'button', onclick: () => void reload() }, 'Try again'),
      );
      return;
    }
    if (!page.isConnected) return;
    if (all.length === 0) {
      loaded = false;
      renderWelcome();
      return;
    }
    if (!loaded) {
      renderTable();
      loaded = true;
    }
    apply();
  }

  replaceChildren(page, h('p', { class: 'muted', role: 'status' }, 'Loading the portfolio\u2026'));
  void reload();
  return () => list.destroy();
}
