// The portfolio's list logic, kept free of the DOM so it is easy to test: search, sort, totals.
// Every figure comes from the back end; totals only add up the rows' own amounts, per currency.
import type { PortfolioRow } from '../../ipc/bindings/PortfolioRow';
import type { LifeStage } from '../../ipc/bindings/LifeStage';
import type { Tier } from '../../ipc/bindings/Tier';
import { HEALTH_ORDER } from '../../shared/health';

export type SortKey =
  | 'name'
  | 'industry'
  | 'life_stage'
  | 'tier'
  | 'total_wallet'
  | 'our_revenue'
  | 'wallet_share'
  | 'sales_goal'
  | 'gap_to_goal'
  | 'completeness'
  | 'health'
  | 'next_action_due'
  | 'last_interaction';

export type SortDir = 'asc' | 'desc';

export interface SortState {
  key: SortKey;
  dir: SortDir;
}

const TIER_ORDER: Record<Tier, number> = { tier1a: 0, tier1b: 1, tier2: 2, tier3: 3, unscored: 4 };
const STAGE_ORDER: Record<LifeStage, number> = { prospect: 0, customer: 1, loyal_customer: 2, former_customer: 3 };

const haystacks = new WeakMap<PortfolioRow, string>();

function haystack(row: PortfolioRow): string {
  let s = haystacks.get(row);
  if (s === undefined) {
    s = `${row.name}\n${row.industry}\n${row.owner}`.toLocaleLowerCase();
    haystacks.set(row, s);
  }
  return s;
}

/** Rows whose name, industry or owner contain every word of the query (case-insensitive). */
export function filterRows(rows: readonly PortfolioRow[], query: string): PortfolioRow[] {
  const terms = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return rows.slice();
  return rows.filter((row) => {
    const text = haystack(row);
    return terms.every((t) => text.includes(t));
  });
}

/** The portfolio's health filter: every account, the ones needing attention, or one status. */
export type HealthFilter = 'all' | 'attention' | 'critical' | 'at_risk' | 'healthy' | 'unknown';

export const HEALTH_FILTERS: { value: HealthFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'attention', label: 'Critical or at risk' },
  { value: 'critical', label: 'Critical' },
  { value: 'at_risk', label: 'At risk' },
  { value: 'healthy', label: 'Healthy' },
  { value: 'unknown', label: 'Not assessed' },
];

/** Rows whose health (as the core stored it in the summary) matches the filter. */
export function filterByHealth(rows: readonly PortfolioRow[], filter: HealthFilter): PortfolioRow[] {
  switch (filter) {
    case 'all':
      return rows.slice();
    case 'attention':
      return rows.filter((r) => r.health_status === 'critical' || r.health_status === 'at_risk');
    case 'unknown':
      return rows.filter((r) => r.health_status === null);
    default:
      return rows.filter((r) => r.health_status === filter);
  }
}

type Value = string | number | null;

function sortValue(row: PortfolioRow, key: SortKey): Value {
  switch (key) {
    case 'name':
    case 'industry':
      return row[key];
    case 'life_stage':
      return STAGE_ORDER[row.life_stage] ?? 99;
    case 'tier':
      return TIER_ORDER[row.tier] ?? 99;
    case 'total_wallet':
    case 'our_revenue':
    case 'sales_goal':
    case 'gap_to_goal':
    case 'completeness':
      return row[key];
    case 'wallet_share':
      return row.wallet_share;
    case 'health':
      // Worst first when ascending; within a status, more risks first. Not assessed: last.
      return row.health_status === null ? null : HEALTH_ORDER[row.health_status] * 10_000 - row.risk_count;
    case 'next_action_due':
    case 'last_interaction':
      return row[key];
  }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') {
    // Empty text sorts like a missing value.
    return collator.compare(a, b);
  }
  return 0;
}

function isMissing(v: Value): boolean {
  return v === null || v === '' || (typeof v === 'number' && Number.isNaN(v));
}

/**
 * Sorted copy. Missing values (no share, no date, empty text) go last in both directions;
 * ties keep a stable order by name.
 */
export function sortRows(rows: readonly PortfolioRow[], sort: SortState): PortfolioRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const keyed = rows.map((row, i) => ({ row, v: sortValue(row, sort.key), i }));
  keyed.sort((a, b) => {
    const am = isMissing(a.v);
    const bm = isMissing(b.v);
    if (am !== bm) return am ? 1 : -1;
    const c = am ? 0 : compareValues(a.v, b.v) * sign;
    if (c !== 0) return c;
    const byName = sort.key === 'name' ? 0 : collator.compare(a.row.name, b.row.name);
    return byName !== 0 ? byName : a.i - b.i;
  });
  return keyed.map((k) => k.row);
}

/** The next sort after a click on a column header: the same column flips, a new one starts ascending. */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: 'asc' };
}

export interface CurrencyTotal {
  currency: string;
  accounts: number;
  total_wallet: number;
  our_revenue: number;
  sales_goal: number;
  gap_to_goal: number;
}

/** Sums of the rows' amounts, one line per currency (amounts in different currencies never add up). */
export function totalsByCurrency(rows: readonly PortfolioRow[]): CurrencyTotal[] {
  const map = new Map<string, CurrencyTotal>();
  for (const r of rows) {
    let t = map.get(r.currency);
    if (!t) {
      t = { currency: r.currency, accounts: 0, total_wallet: 0, our_revenue: 0, sales_goal: 0, gap_to_goal: 0 };
      map.set(r.currency, t);
    }
    t.accounts += 1;
    t.total_wallet += r.total_wallet;
    t.our_revenue += r.our_revenue;
    t.sales_goal += r.sales_goal;
    t.gap_to_goal += r.gap_to_goal;
  }
  return [...map.values()].sort((a, b) => b.accounts - a.accounts || a.currency.localeCompare(b.currency));
}
