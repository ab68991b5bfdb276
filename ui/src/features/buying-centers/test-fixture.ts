// A plan view for the tests of this feature. Its derived figures deliberately do NOT follow from
// its records (e.g. wallet share 42.4% where revenue / wallet would be 25%): a test that finds
// them on screen proves the UI shows the core's figures instead of computing its own.
import { vi } from 'vitest';
import type { PlanContext } from '../../app/context';
import type { BuyingCenterView } from '../../ipc/bindings/BuyingCenterView';
import type { Forecast } from '../../ipc/bindings/Forecast';
import type { PlanView } from '../../ipc/bindings/PlanView';

export const IDS = {
  plan: '00000000-0000-4000-8000-000000000001',
  finance: '00000000-0000-4000-8000-0000000000f1',
  ops: '00000000-0000-4000-8000-0000000000f2',
  acme: '00000000-0000-4000-8000-0000000000c1',
  globex: '00000000-0000-4000-8000-0000000000c2',
  cloud: '00000000-0000-4000-8000-0000000000a1',
  cost: '00000000-0000-4000-8000-0000000000a2',
  opp: '00000000-0000-4000-8000-0000000000e1',
};

/** A forecast whose total is the sum of its counted parts. */
export function forecast(base: number, won: number, weighted: number, next: number): Forecast {
  return {
    recurring_base: base,
    churned_renewals: 0,
    won_in_period: won,
    weighted_in_period: weighted,
    total: base + won + weighted,
    next_period_weighted: next,
    unscheduled_weighted: 0,
    unscheduled_count: 0,
  };
}

export function bcView(over: Partial<BuyingCenterView> & { id: string; name: string }): BuyingCenterView {
  return {
    contact_count: 0,
    description: '',
    total_wallet: 0,
    our_revenue: 0,
    sales_goal: 0,
    target_share_pct: null,
    relationship_status: 'none',
    initiative_ids: [],
    competitors: [],
    position: 0,
    buying_center_id: over.id,
    wallet_share: null,
    headroom: 0,
    weighted_pipeline: 0,
    forecast: forecast(0, 0, 0, 0),
    gap_to_goal: 0,
    installed_revenue: 0,
    not_allocated: 0,
    competitor_wallet: [],
    open_wallet: 0,
    warnings: [],
    ...over,
  } as BuyingCenterView;
}

export function planView(): PlanView {
  const finance = bcView({
    id: IDS.finance,
    name: 'Finance',
    contact_count: 2,
    total_wallet: 400_000_00,
    our_revenue: 100_000_00,
    sales_goal: 250_000_00,
    target_share_pct: 40,
    relationship_status: 'preferred_supplier',
    initiative_ids: [IDS.cloud],
    competitors: [
      { competitor_id: IDS.acme, share_pct: 30 },
      { competitor_id: IDS.globex, share_pct: 10 },
    ],
    position: 0,
    // Derived (deliberately not what the records would give):
    wallet_share: 0.424,
    headroom: 777_777_00,
    weighted_pipeline: 33_333_00,
    forecast: forecast(61_000_00, 7_000_00, 5_000_00, 21_000_00),
    gap_to_goal: 123_456_00,
    installed_revenue: 60_000_00,
    not_allocated: 44_444_00,
    competitor_wallet: [
      { competitor_id: IDS.acme, name: 'Acme', amount: 120_000_00 },
      { competitor_id: IDS.globex, name: 'Globex', amount: 40_000_00 },
    ],
    open_wallet: 140_000_00,
    warnings: [{ field: 'our_revenue', message: 'Our revenue is above the estimated total wallet: is the wallet estimate too low?' }],
  });
  const ops = bcView({
    id: IDS.ops,
    name: 'Operations',
    total_wallet: 200_000_00,
    our_revenue: 150_000_00,
    sales_goal: 100_000_00,
    position: 3,
    wallet_share: 0.75,
    headroom: 50_000_00,
    weighted_pipeline: 0,
    forecast: forecast(150_000_00, 0, 0, 0),
    gap_to_goal: -50_000_00,
    open_wallet: 50_000_00,
    warnings: [{ field: 'sales_goal', message: 'The sales goal is below current revenue: a planned decline?' }],
  });
  return {
    account: {
      id: 'acc',
      name: 'Initech',
      currency: 'EUR',
      initiatives: [
        { id: IDS.cloud, name: 'Move to cloud', description: '', success_factors: [] },
        { id: IDS.cost, name: 'Cut cost', description: '', success_factors: [] },
      ],
      competitors: [
        { id: IDS.acme, name: 'Acme', strengths: '', weaknesses: '', counter_strategy: '' },
        { id: IDS.globex, name: 'Globex', strengths: '', weaknesses: '', counter_strategy: '' },
      ],
    },
    plan: {
      id: IDS.plan,
      account_id: 'acc',
      period: 'FY2027',
      starts_on: '2026-07-01',
      ends_on: '2027-06-30',
      status: 'active',
      currency: 'EUR',
      rolled_from: null,
    },
    today: '2026-11-26',
    buying_centers: [finance, ops],
    totals: {
      total_wallet: 600_000_00,
      our_revenue: 250_000_00,
      sales_goal: 350_000_00,
      wallet_share: 0.5151,
      headroom: 999_999_00,
      weighted_pipeline: 33_333_00,
      forecast: forecast(211_000_00, 7_000_00, 5_000_00, 21_000_00),
      gap_to_goal: 88_888_00,
      installed_revenue: 60_000_00,
      not_allocated: 55_555_00,
      open_pipeline: 111_111_00,
      won: 22_222_00,
      lost: 11_111_00,
    },
    contacts: [],
    opportunities: [
      {
        id: IDS.opp,
        name: 'Ledger migration',
        buying_center_id: IDS.finance,
        offering_id: null,
        amount: 100_000_00,
        stage: 'develop',
        probability_pct: 30,
        close_on: '2027-03-31',
        status: 'open',
      },
    ],
    white_space: {
      rows: [IDS.finance, IDS.ops],
      columns: [],
      cells: [
        {
          cell: { id: 'cell1', buying_center_id: IDS.finance, offering_id: 'off1' },
          status: 'open',
          mutual_value_score: null,
          quadrant: null,
          opportunity_ids: [],
          warnings: [],
        },
      ],
    },
    gap_to_goal: 88_888_00,
    forecast_parts: [
      { key: 'recurring_base', label: 'Recurring revenue base', amount: 211_000_00, counted: true },
      { key: 'won_in_period', label: 'Won in the period', amount: 7_000_00, counted: true },
      { key: 'weighted_in_period', label: 'Weighted pipeline closing in the period', amount: 5_000_00, counted: true },
      { key: 'next_period_weighted', label: "Next period's pipeline (weighted, not counted)", amount: 21_000_00, counted: false },
    ],
  } as unknown as PlanView;
}

export interface FakeContext extends PlanContext {
  save: ReturnType<typeof vi.fn> & PlanContext['save'];
  replaceView: ReturnType<typeof vi.fn> & PlanContext['replaceView'];
}

/** A context whose save resolves with `next(upserts)` (default: the same view). */
export function fakeContext(view: PlanView, opts: { readonly?: boolean } = {}): FakeContext {
  return {
    view,
    readonly: opts.readonly ?? false,
    save: vi.fn(async () => view),
    saveAccount: vi.fn(async () => undefined),
    replaceView: vi.fn(),
    navigate: vi.fn(),
  } as unknown as FakeContext;
}
