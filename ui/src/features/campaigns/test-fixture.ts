// A small plan view for the campaign tests: two buying centers, three contacts, three
// opportunities (open, won, lost), a marketing and a revenue objective, one campaign that is
// also aimed at a second account.
import type { PlanContext } from '../../app/context';
import type { Campaign } from '../../ipc/bindings/Campaign';
import type { PlanView } from '../../ipc/bindings/PlanView';

export const ACC = 'acc-nordwind';
export const OTHER = 'acc-borealis';
export const THIRD = 'acc-cobalt';
export const PLAN = 'plan-1';
export const TODAY = '2026-06-16';
export const EVIL = '<img src=x onerror="window.__pwned=1">Gala';

export function campaign(extra: Partial<Campaign> = {}): Campaign {
  return {
    id: 'cmp-1',
    name: 'Round table',
    kind: 'event',
    starts_on: '2026-03-01',
    ends_on: '2026-03-31',
    budget: 4_500_000,
    currency: 'EUR',
    status: 'active',
    targets: [
      {
        account_id: ACC,
        objective_id: 'obj-mkt',
        buying_center_ids: ['bc-it'],
        contact_ids: ['ct-1'],
        engaged_contact_ids: ['ct-1'],
        meetings: 3,
        opportunity_ids: ['opp-open', 'opp-lost'],
      },
    ],
    ...extra,
  };
}

export function planView(extra: Partial<PlanView> = {}): PlanView {
  const view = {
    account: { id: ACC, name: 'Nordwind Logistics', team: [{ id: 'tm-maria', name: 'Maria Keller', role: 'account_manager' }] },
    plan: { id: PLAN, account_id: ACC, period: 'FY2026', starts_on: '2026-01-01', ends_on: '2026-12-31', status: 'active', currency: 'EUR', rolled_from: null },
    today: TODAY,
    buying_centers: [
      { id: 'bc-it', name: 'IT' },
      { id: 'bc-fin', name: 'Finance' },
    ],
    contacts: [
      { id: 'ct-1', buying_center_id: 'bc-it', name: 'Lena Vogt', title: 'CIO' },
      { id: 'ct-2', buying_center_id: 'bc-it', name: 'Tom Berg', title: '' },
      { id: 'ct-3', buying_center_id: 'bc-fin', name: 'Ada Roth', title: 'CFO' },
    ],
    objectives: [
      { id: 'obj-mkt', kind: 'marketing', title: 'Engage IT', strategies: [] },
      { id: 'obj-rev', kind: 'revenue', title: 'Grow revenue', strategies: [] },
    ],
    opportunities: [
      { id: 'opp-open', name: 'Portal', buying_center_id: 'bc-it', amount: 65_000_000, status: 'open' },
      { id: 'opp-won', name: 'Ledger', buying_center_id: 'bc-fin', amount: 24_000_000, status: 'won' },
      { id: 'opp-lost', name: 'Legacy', buying_center_id: 'bc-fin', amount: 12_000_000, status: 'lost' },
    ],
    campaigns: [campaign()],
    ...extra,
  };
  return view as unknown as PlanView;
}

export function fakeContext(view: PlanView, mount: (ctx: PlanContext) => void, readonly = false): PlanContext & { views: PlanView[] } {
  const views: PlanView[] = [];
  const ctx = {
    view,
    readonly,
    views,
    save: () => Promise.reject(new Error('campaigns save through api.saveCampaign')),
    saveAccount: () => Promise.resolve(),
    replaceView(next: PlanView) {
      views.push(next);
      ctx.view = next;
      mount(ctx);
    },
    navigate: () => undefined,
    href: (area: string) => `#/plan/${PLAN}/${area}`,
  };
  return ctx as unknown as PlanContext & { views: PlanView[] };
}
