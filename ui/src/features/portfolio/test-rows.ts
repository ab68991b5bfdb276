// A portfolio row for tests, with every field at a neutral default.
import type { PortfolioRow } from '../../ipc/bindings/PortfolioRow';

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
    segmentation: { need: [], value: [], behavior: [] },
    ...over,
  };
}
