import { describe, expect, it, vi } from 'vitest';
import type { PlanContext } from '../../app/context';
import type { Renewal } from '../../ipc/bindings/Renewal';
import { renewalsPanel, withRenewal } from './panel';

const fleet: Renewal = {
  id: 'r1',
  offering_id: null,
  buying_center_id: null,
  description: 'Fleet Telematics subscription',
  annual_value: 110_000_000,
  renewal_on: '2027-01-15',
  churned_on: null,
};

function context(renewals: Renewal[], readonly = false) {
  const view = {
    account: { id: 'a1', renewals },
    plan: { currency: 'EUR' },
    today: '2026-12-05',
    buying_centers: [{ id: 'bc1', name: 'Fleet & Transport' }],
  };
  const ctx = {
    view,
    readonly,
    saveAccount: vi.fn(async (account: { renewals: Renewal[] }) => {
      view.account = { ...view.account, renewals: account.renewals };
    }),
  };
  return ctx as unknown as PlanContext & { saveAccount: ReturnType<typeof vi.fn> };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('renewals panel', () => {
  it('replaces a renewal by id or adds a new one', () => {
    expect(withRenewal([fleet], { ...fleet, description: 'X' })).toEqual([{ ...fleet, description: 'X' }]);
    expect(withRenewal([fleet], { ...fleet, id: 'r2' })).toHaveLength(2);
  });

  it('marks a renewal churned today and ties it to a buying center', async () => {
    const ctx = context([fleet]);
    const root = document.createElement('div');
    root.append(renewalsPanel(ctx));
    document.body.replaceChildren(root);
    Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'Mark churned')!.click();
    await settle();
    expect(ctx.saveAccount).toHaveBeenLastCalledWith(expect.objectContaining({ renewals: [{ ...fleet, churned_on: '2026-12-05' }] }));
    // Redrawn from the saved account: now it says churned and offers the undo.
    expect(root.querySelector('tr.renewal')?.textContent).toContain('Churned');
    const center = root.querySelector<HTMLSelectElement>('select[name=renewal-buying-center]')!;
    center.value = 'bc1';
    center.dispatchEvent(new Event('change'));
    await settle();
    expect(ctx.saveAccount.mock.lastCall![0].renewals[0].buying_center_id).toBe('bc1');
  });

  it('adds a renewal and refuses an amount it cannot read', async () => {
    const ctx = context([]);
    const root = document.createElement('div');
    root.append(renewalsPanel(ctx));
    document.body.replaceChildren(root);
    expect(root.textContent).toContain('No renewals yet.');
    Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'Add renewal')!.click();
    await settle();
    expect(ctx.saveAccount.mock.lastCall![0].renewals).toHaveLength(1);
    const value = root.querySelector<HTMLInputElement>('input[name=renewal-value]')!;
    value.value = 'lots';
    value.dispatchEvent(new Event('change'));
    await settle();
    expect(ctx.saveAccount).toHaveBeenCalledTimes(1);
    expect(root.querySelector('.renewals-message')?.textContent).toMatch(/Enter an amount/);
  });

  it('is read-only on a closed plan', () => {
    const root = renewalsPanel(context([fleet], true));
    expect(root.querySelector('fieldset')?.disabled).toBe(true);
    expect(Array.from(root.querySelectorAll('button')).some((b) => b.textContent === 'Add renewal')).toBe(false);
  });
});
