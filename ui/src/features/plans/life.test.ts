import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Plan } from '../../ipc/bindings/Plan';

const api = vi.hoisted(() => ({ setPlanStatus: vi.fn() }));
vi.mock('../../ipc/api', () => ({ api }));

import { carriedSummary, closedBanner, statusField } from './life';

const plan = (status: Plan['status']): Plan => ({
  id: 'p1',
  account_id: 'a1',
  period: 'FY2026',
  starts_on: '2026-01-01',
  ends_on: '2026-12-31',
  status,
  currency: 'EUR',
  rolled_from: null,
} as Plan);

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('plan life', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    root.remove();
    vi.clearAllMocks();
  });

  it('says what a roll forward carried, in words', () => {
    expect(
      carriedSummary([
        { kind: 'buying_center', label: 'buying centers', count: 3 },
        { kind: 'strategy', label: 'strategies', count: 1 },
        { kind: 'opportunity', label: 'open opportunities', count: 2 },
      ]),
    ).toBe('Carried over 3 buying centers, 1 strategy and 2 open opportunities.');
    expect(carriedSummary([{ kind: 'contact', label: 'contacts', count: 1 }])).toBe('Carried over 1 contact.');
    expect(carriedSummary([])).toBe('Nothing to carry over: the new plan starts empty.');
  });

  it('saves the chosen status and shows a refusal under the field', async () => {
    const changed = vi.fn();
    api.setPlanStatus.mockResolvedValueOnce(plan('closed'));
    const el = statusField(plan('active'), changed);
    root.append(el);
    const select = el.querySelector('select')!;
    expect(select.value).toBe('active');
    select.value = 'closed';
    select.dispatchEvent(new Event('change'));
    await settle();
    expect(api.setPlanStatus).toHaveBeenCalledWith('p1', 'closed');
    expect(changed).toHaveBeenCalledWith(expect.objectContaining({ status: 'closed' }));

    api.setPlanStatus.mockRejectedValueOnce({
      code: 'conflict',
      message: 'FY2027 is already the active plan for this period: close it or mark it draft first',
      field: 'status',
    });
    const draft = statusField(plan('draft'), changed);
    root.append(draft);
    const other = draft.querySelector('select')!;
    other.value = 'active';
    other.dispatchEvent(new Event('change'));
    await settle();
    expect(other.value).toBe('draft');
    expect(draft.querySelector('.field-error')?.textContent).toContain('already the active plan');
  });

  it('reopens a closed plan as active, or as a draft when another plan is active', async () => {
    const reopened = vi.fn();
    api.setPlanStatus.mockResolvedValueOnce(plan('active'));
    const banner = closedBanner(plan('closed'), reopened);
    root.append(banner);
    expect(banner.textContent).toContain('FY2026 is closed');
    banner.querySelector('button')!.click();
    await settle();
    expect(api.setPlanStatus).toHaveBeenCalledWith('p1', 'active');
    expect(reopened).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'active' }));

    api.setPlanStatus
      .mockRejectedValueOnce({ code: 'conflict', message: 'FY2026 bis is already the active plan', field: 'status' })
      .mockResolvedValueOnce(plan('draft'));
    const second = closedBanner(plan('closed'), reopened);
    root.append(second);
    second.querySelector('button')!.click();
    await settle();
    expect(api.setPlanStatus).toHaveBeenLastCalledWith('p1', 'draft');
    expect(reopened).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'draft' }));
  });
});
