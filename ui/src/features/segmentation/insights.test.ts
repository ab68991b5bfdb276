import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PortfolioInsights } from '../../ipc/bindings/PortfolioInsights';
import type { PortfolioRow } from '../../ipc/bindings/PortfolioRow';
import { AppError } from '../../ipc/index';
import { EVIL, row, settle } from './test-fixtures';

const api = {
  getSettings: vi.fn(),
  listPortfolio: vi.fn(),
  portfolioInsights: vi.fn(),
  saveSegmentation: vi.fn(),
};
vi.mock('../../ipc/api', () => ({ api }));

const { portfolioInsightsPage, criteriaNames } = await import('./insights');

const SETTINGS = {
  weights: { need: [1, 1, 1], value: [1, 1, 1], behavior: [1, 1, 1] },
  thresholds: { high_value: 3.5, high_need: 3.5, high_behavior: 3.5, tier2: 2.5 },
  profiles: [],
};

function rows(): PortfolioRow[] {
  return [
    row({ name: EVIL, id: 'evil', need: 4.5, value: 4, behavior: 2, tier: 'tier1b', tier_reason: `Value 4.0 and need 4.5 high; ${EVIL}`, total_wallet: 5_000_00 }),
    row({ name: 'Aligned', id: 'aligned', need: 4, value: 5, behavior: 4, tier: 'tier1a', tier_reason: 'aligned', total_wallet: 9_000_00 }),
    row({ name: 'Middle', id: 'mid', need: 3, value: 2.5, behavior: 3, tier: 'tier2', tier_reason: 'not both high' }),
    row({ name: 'New', id: 'new', tier: 'unscored', current_plan_id: null }),
  ];
}

function insights(over: Partial<PortfolioInsights> = {}): PortfolioInsights {
  return {
    upcoming_renewals: [
      { account_id: 'evil', account: EVIL, description: `Support ${EVIL}`, annual_value: 120_000_00, renewal_on: '2025-06-30' },
    ],
    churn_rate: 0.2,
    stage_counts: [
      ['prospect', 1],
      ['customer', 2],
      ['loyal_customer', 1],
      ['former_customer', 0],
    ],
    stage_moves: [{ account_id: 'evil', account: EVIL, change: { date: '2025-02-01', from: 'customer', to: 'loyal_customer' } }],
    triggers: [
      { account_id: 'evil', account: EVIL, trigger: { id: 't1', date: '2025-03-01', kind: 'funding_round', description: EVIL }, recent: true },
      { account_id: 'mid', account: 'Middle', trigger: { id: 't2', date: '2025-05-15', kind: 'contract_renewal', description: 'Fleet contract ends' }, recent: false },
    ],
    ...over,
  };
}

describe('portfolio insights page', () => {
  let root: HTMLElement;
  beforeEach(() => {
    localStorage.clear();
    for (const fn of Object.values(api)) fn.mockReset();
    api.getSettings.mockResolvedValue(SETTINGS);
    api.listPortfolio.mockResolvedValue(rows());
    api.portfolioInsights.mockResolvedValue(insights());
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => root.remove());

  it('renders every section with names as text, never markup', async () => {
    portfolioInsightsPage(root, { navigate: vi.fn() });
    await settle();
    expect(root.querySelector('h1')?.textContent).toBe('Portfolio insights');
    for (const sel of ['.hotspot-card', '.seg-weights-card', '.tiers-card', '.stages-card', '.renewals-card', '.triggers-card']) {
      expect(root.querySelector(sel), sel).not.toBeNull();
    }
    expect(root.querySelector('.tier1-table tr[data-account-id="evil"] .tier1-name')?.textContent).toBe(EVIL);
    expect(root.querySelector('.stage-move-account')?.textContent).toBe(EVIL);
    expect(root.querySelector('.renewals-table tbody th')?.textContent).toBe(EVIL);
    expect(root.querySelector('.trigger-desc')?.textContent).toBe(EVIL);
    expect(root.querySelector('circle[data-account-id="evil"] title')?.textContent).toContain(EVIL);
    expect(root.querySelector('img, b')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('counts the tiers and lists the Tier 1 accounts with why', async () => {
    portfolioInsightsPage(root, { navigate: vi.fn() });
    await settle();
    const count = (t: string) => root.querySelector(`.tier-counts tr[data-tier="${t}"] .tier-count`)?.textContent;
    expect([count('tier1a'), count('tier1b'), count('tier2'), count('tier3'), count('unscored')]).toEqual(['1', '1', '1', '0', '1']);
    const t1 = Array.from(root.querySelectorAll('.tier1-table tbody tr'));
    expect(t1.map((r) => r.getAttribute('data-account-id'))).toEqual(['aligned', 'evil']);
    expect(t1[1]?.querySelector('.tier-reason')?.textContent).toBe(`Value 4.0 and need 4.5 high; ${EVIL}`);
    expect(t1[0]?.querySelector('a')?.getAttribute('href')).toBe('#/plan/plan-Aligned/segmentation');
    expect(root.querySelectorAll('.hotspot-chart circle.hs-dot')).toHaveLength(3);
    expect(root.querySelector('.hotspot-count')?.textContent).toContain('1 without need and value scores not shown');
  });

  it('opens a plan from the chart', async () => {
    const navigate = vi.fn();
    portfolioInsightsPage(root, { navigate });
    await settle();
    root.querySelector('circle[data-account-id="aligned"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(navigate).toHaveBeenCalledWith('#/plan/plan-Aligned/segmentation');
  });

  it('applies new weights, says how many moved, and redraws from the rows the back end returned', async () => {
    const moved = rows().map((r) => (r.id === 'mid' ? { ...r, need: 4, value: 4, tier: 'tier1b' as const } : r));
    api.saveSegmentation.mockResolvedValue({ moved: 1, rows: moved });
    portfolioInsightsPage(root, { navigate: vi.fn() });
    await settle();
    const input = root.querySelector<HTMLInputElement>('input[name="threshold-high_value"]')!;
    input.value = '3';
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(api.saveSegmentation.mock.calls[0]![1].high_value).toBe(3);
    expect(root.querySelector('.seg-apply-status')?.textContent).toBe('1 account changed tier');
    expect(root.querySelector('.tier-counts tr[data-tier="tier1b"] .tier-count')?.textContent).toBe('2');
    expect(root.querySelectorAll('.tier1-table tbody tr')).toHaveLength(3);
    // the Tier 1 region now starts at value 3
    const { yOf } = await import('./hotspot');
    const r = root.querySelector('[data-region="tier1"]')!;
    expect(Number(r.getAttribute('y')) + Number(r.getAttribute('height'))).toBeCloseTo(yOf(3));
  });

  it('shows churn and the new business a growth target needs (50 + 20 = 70)', async () => {
    portfolioInsightsPage(root, { navigate: vi.fn() });
    await settle();
    expect(root.querySelector('.churn-rate')?.textContent).toBe('20%');
    const growth = root.querySelector<HTMLInputElement>('input.calc-growth')!;
    const churn = root.querySelector<HTMLInputElement>('input.calc-churn')!;
    expect(churn.value).toBe('20');
    growth.value = '50';
    growth.dispatchEvent(new Event('input'));
    expect(root.querySelector('.calc-result strong')?.textContent).toBe('New business needed: 70%');
    growth.value = '15';
    growth.dispatchEvent(new Event('input'));
    expect(root.querySelector('.calc-result strong')?.textContent).toBe('New business needed: 35%');
  });

  it('says so when no renewals came up, and lists triggers around a today line', async () => {
    api.portfolioInsights.mockResolvedValue(insights({ churn_rate: null, upcoming_renewals: [] }));
    portfolioInsightsPage(root, { navigate: vi.fn() });
    await settle();
    expect(root.querySelector('.churn-none')?.textContent).toContain('no renewals came up');
    expect(root.querySelector('.renewals-empty')).not.toBeNull();
    const items = Array.from(root.querySelectorAll('.trigger-list > li'));
    expect(items.map((li) => li.className)).toEqual(['trigger recent', 'today-line', 'trigger upcoming']);
    expect(items[0]?.textContent).toContain('buying window open');
    expect(items[2]?.textContent).not.toContain('buying window open');
    expect(items[2]?.textContent).toContain('Fleet contract ends');
  });

  it('shows the counts per life stage and the moves', async () => {
    portfolioInsightsPage(root, { navigate: vi.fn() });
    await settle();
    const stages = Array.from(root.querySelectorAll('.stage-count')).map((li) => [
      li.querySelector('.stage-name')?.textContent,
      li.querySelector('.stage-n')?.textContent,
    ]);
    expect(stages).toEqual([
      ['Prospect', '1'],
      ['Customer', '2'],
      ['Loyal customer', '1'],
      ['Former customer', '0'],
    ]);
    expect(root.querySelector('.stage-move-change')?.textContent).toBe('Customer \u2192 Loyal customer');
  });

  it('shows a load failure', async () => {
    api.portfolioInsights.mockRejectedValue(new AppError('no_store', 'The plan store is not open'));
    portfolioInsightsPage(root, { navigate: vi.fn() });
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('The plan store is not open');
  });

  it('labels the weights with the criteria the accounts carry', () => {
    const names = criteriaNames([row({ name: 'x', segmentation: { need: [{ criterion: 'Custom', score: null, note: '' }], value: [], behavior: [] } })]);
    expect(names.need).toEqual(['Custom']);
    expect(names.value).toEqual(['Current revenue', 'Total opportunity', 'Margin mix']);
  });
});
