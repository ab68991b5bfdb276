import { describe, expect, it } from 'vitest';
import { attachAccount, budgetTotals, buildCampaign, detachAccount, emptyTarget, influencedPipeline, newCampaign, addDays } from './model';
import { ACC, OTHER, campaign, planView } from './test-fixture';

describe('campaign model', () => {
  it('starts a new campaign aimed at this account only, in the plan currency', () => {
    const c = newCampaign({ id: 'n1', accountId: ACC, currency: 'EUR', today: '2026-06-16', objectiveId: 'obj-mkt' });
    expect(c.targets).toEqual([{ ...emptyTarget(ACC), objective_id: 'obj-mkt' }]);
    expect(c).toMatchObject({ status: 'planned', budget: 0, currency: 'EUR', starts_on: '2026-06-16', ends_on: '2026-07-13' });
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('converts the budget from major to minor units of the campaign currency', () => {
    const base = { campaign: campaign(), accountId: ACC, meetingsText: '4' };
    const eur = buildCampaign({ ...base, budgetText: '12,500.50' });
    expect(eur.ok && eur.campaign.budget).toBe(1_250_050);
    const jpy = buildCampaign({ ...base, campaign: campaign({ currency: 'jpy' }), budgetText: '1,000' });
    expect(jpy.ok && jpy.campaign).toMatchObject({ budget: 1000, currency: 'JPY' });
    const empty = buildCampaign({ ...base, budgetText: '' });
    expect(empty.ok && empty.campaign.budget).toBe(0);
    // Negative budgets go to the core, which refuses them at the 'budget' field.
    const negative = buildCampaign({ ...base, budgetText: '-5' });
    expect(negative.ok && negative.campaign.budget).toBe(-500);
  });

  it('sets meetings on this account\u2019s target only and refuses text it cannot send', () => {
    const c = attachAccount(campaign(), OTHER);
    const built = buildCampaign({ campaign: c, accountId: ACC, budgetText: '45,000', meetingsText: '7' });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.campaign.targets.map((t) => [t.account_id, t.meetings])).toEqual([
      [ACC, 7],
      [OTHER, 0],
    ]);
    const bad = buildCampaign({ campaign: campaign({ starts_on: '' }), accountId: ACC, budgetText: 'lots', meetingsText: 'two' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.errors).sort()).toEqual(['budget', 'meetings', 'starts_on']);
  });

  it('attaching another account adds an empty target once; detaching removes it', () => {
    const c = attachAccount(attachAccount(campaign(), OTHER), OTHER);
    expect(c.targets).toHaveLength(2);
    expect(c.targets[1]).toEqual({
      account_id: OTHER,
      objective_id: null,
      buying_center_ids: [],
      contact_ids: [],
      engaged_contact_ids: [],
      meetings: 0,
      opportunity_ids: [],
    });
    expect(detachAccount(c, OTHER).targets.map((t) => t.account_id)).toEqual([ACC]);
  });

  it('counts open and won opportunities as influenced pipeline, not lost ones', () => {
    const opps = planView().opportunities;
    expect(influencedPipeline(['opp-open', 'opp-won', 'opp-lost'], opps)).toBe(65_000_000 + 24_000_000);
    expect(influencedPipeline([], opps)).toBe(0);
  });

  it('sums budgets per currency', () => {
    expect(
      budgetTotals([
        { budget: 100, currency: 'EUR' },
        { budget: 50, currency: 'USD' },
        { budget: 25, currency: 'eur' },
      ]),
    ).toEqual([
      { currency: 'EUR', total: 125, count: 2 },
      { currency: 'USD', total: 50, count: 1 },
    ]);
  });
});
