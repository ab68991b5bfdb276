// Fixtures for the segmentation tests: an account with the core's default criteria, a plan
// context around it, and portfolio rows.
import { vi } from 'vitest';
import type { PlanContext } from '../../app/context';
import type { Account } from '../../ipc/bindings/Account';
import type { PlanView } from '../../ipc/bindings/PlanView';
import type { PortfolioRow } from '../../ipc/bindings/PortfolioRow';
import type { SegmentScores } from '../../ipc/bindings/SegmentScores';
import type { Segmentation } from '../../ipc/bindings/Segmentation';

export const EVIL = '<img src=x onerror="window.__pwned=1"><b>Bold</b>';

export function criteria(names: string[], scores: Array<number | null> = []) {
  return names.map((criterion, i) => ({ criterion, score: scores[i] ?? null, note: '' }));
}

export function segmentation(): Segmentation {
  return {
    need: criteria(['Share of its portfolio our offerings cover', 'Alignment with our growth areas', 'Service intensity']),
    value: criteria(['Current revenue', 'Total opportunity', 'Margin mix']),
    behavior: criteria(['Buyer empowerment', 'Progressiveness', 'Process maturity']),
  };
}

export function account(over: Partial<Account> = {}): Account {
  return {
    id: 'a1',
    name: 'Acme',
    industry: 'Logistics',
    region: '',
    website: '',
    annual_revenue: null,
    employees: null,
    fiscal_year_end_month: 12,
    owner: 'Dana',
    team: [],
    life_stage: 'customer',
    stage_history: [],
    growth_trend: 'unknown',
    strategy: '',
    initiatives: [],
    success_metric: '',
    competitors: [],
    interactions: [],
    buying_triggers: [],
    segmentation: segmentation(),
    renewals: [],
    currency: 'EUR',
    created_on: '2025-01-01',
    ...over,
  };
}

export const UNSCORED: SegmentScores = { need: null, value: null, behavior: null, tier: 'unscored', tier_reason: 'Need and value are not both scored' };

export interface TestContext extends PlanContext {
  view: PlanView;
  saved: Account[];
}

/**
 * A plan context whose saveAccount records the account and answers with `next(account)` as
 * the recomputed segment scores (standing in for the back end), or rejects with `fail`.
 */
export function context(
  acc: Account,
  opts: { readonly?: boolean; scores?: SegmentScores; next?: (a: Account) => SegmentScores; fail?: unknown } = {},
): TestContext {
  const view = {
    account: acc,
    today: '2025-04-01',
    plan: { id: 'p1', currency: 'EUR' },
    segmentation: opts.scores ?? UNSCORED,
    tier: (opts.scores ?? UNSCORED).tier,
  } as unknown as PlanView;
  const ctx = {
    view,
    saved: [] as Account[],
    readonly: !!opts.readonly,
    save: vi.fn(),
    async saveAccount(a: Account) {
      ctx.saved.push(a);
      if (opts.fail) throw opts.fail;
      const seg = opts.next ? opts.next(a) : ctx.view.segmentation;
      ctx.view = { ...ctx.view, account: a, segmentation: seg, tier: seg.tier };
    },
    replaceView: vi.fn(),
    navigate: vi.fn(),
    href: (area: string) => `#/plan/p1/${area}`,
  };
  return ctx as unknown as TestContext;
}

export function row(over: Partial<PortfolioRow> & { name: string }): PortfolioRow {
  return {
    wallet_share: null,
    need: null,
    value: null,
    behavior: null,
    tier: 'unscored',
    tier_reason: '',
    id: over.name,
    industry: '',
    owner: '',
    life_stage: 'customer',
    currency: 'EUR',
    current_plan_id: `plan-${over.name}`,
    period: 'FY2026',
    total_wallet: 0,
    our_revenue: 0,
    sales_goal: 0,
    gap_to_goal: 0,
    completeness: 0,
    next_action_due: null,
    last_interaction: null,
    health_status: null,
    risk_count: 0,
    health_as_of: null,
    segmentation: segmentation(),
    ...over,
  };
}

/** Lets pending promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
