import { describe, expect, it, vi } from 'vitest';
import type { CoverageGap } from '../../ipc/bindings/CoverageGap';
import { sampleView } from './fixtures';
import { renderGaps } from './gaps';

describe('renderGaps', () => {
  it("lists the core's gaps by buying center, with links to the person or the buying center", () => {
    const onOpenContact = vi.fn();
    const onShowBuyingCenter = vi.fn();
    const el = renderGaps({ view: sampleView(), onOpenContact, onShowBuyingCenter });
    expect(el.querySelector('h2 .badge')?.textContent).toBe('5');
    expect(Array.from(el.querySelectorAll<HTMLElement>('.rm-gap-group')).map((g) => g.dataset.bcId)).toEqual(['it', 'ops']);
    const reasons = Array.from(el.querySelectorAll('.rm-gap-link')).map((b) => b.textContent);
    expect(reasons).toEqual(sampleView().coverage_gaps.map((g) => g.reason));
    el.querySelector<HTMLButtonElement>('.rm-gap[data-kind="stale"] .rm-gap-link')!.click();
    expect(onOpenContact).toHaveBeenCalledWith('cleo');
    el.querySelector<HTMLButtonElement>('.rm-gap[data-kind="no_champion"] .rm-gap-link')!.click();
    expect(onShowBuyingCenter).toHaveBeenCalledWith('ops');
    el.querySelector<HTMLButtonElement>('.rm-gap-bc')!.click();
    expect(onShowBuyingCenter).toHaveBeenLastCalledWith('it');
  });

  it('shows the first few of a long list and the rest on request', () => {
    const view = sampleView();
    view.coverage_gaps = Array.from({ length: 9 }, (_, i): CoverageGap => ({
      kind: 'stale',
      reason: `Person ${i}: assessment never verified`,
      buying_center_id: 'it',
      contact_id: 'ann',
    }));
    const el = renderGaps({ view, onOpenContact: vi.fn(), onShowBuyingCenter: vi.fn() });
    expect(el.querySelectorAll('.rm-gap:not(.hidden)')).toHaveLength(6);
    const more = el.querySelector<HTMLButtonElement>('.rm-gap-show-all')!;
    expect(more.textContent).toBe('Show all 9');
    more.click();
    expect(el.querySelectorAll('.rm-gap:not(.hidden)')).toHaveLength(9);
    expect(el.querySelector('.rm-gap-show-all')).toBeNull();
  });

  it('says so when there is nothing to close', () => {
    const view = sampleView();
    view.coverage_gaps = [];
    const el = renderGaps({ view, onOpenContact: vi.fn(), onShowBuyingCenter: vi.fn() });
    expect(el.textContent).toContain('No coverage gaps');
  });
});
