import { afterEach, describe, expect, it, vi } from 'vitest';
import { EVIL, sampleView } from './fixtures';
import { renderGrid } from './grid';

describe('renderGrid (who knows whom)', () => {
  afterEach(() => document.body.replaceChildren());

  function mount(keyOnly = true) {
    const onFilters = vi.fn();
    const onSelect = vi.fn();
    const el = renderGrid({ view: sampleView(), filters: { keyOnly, bc: '' }, selectedId: null, onFilters, onSelect });
    document.body.appendChild(el);
    const cell = (contact: string, member: string) =>
      el.querySelector<HTMLTableCellElement>(`tr[data-contact-id="${contact}"] td[data-member="${member}"]`)!;
    return { el, cell, onFilters, onSelect };
  }

  it('has the account team as columns and key people as rows by default', () => {
    const { el } = mount();
    const heads = Array.from(el.querySelectorAll('th.rm-grid-member')).map((t) => t.firstChild?.textContent);
    expect(heads).toEqual(['Maria Keller', 'Jonas Weber']);
    const rows = Array.from(el.querySelectorAll<HTMLElement>('tbody tr')).map((r) => r.dataset.contactId);
    expect(rows).toEqual(['ann', 'ben', 'dan']);
    expect(el.querySelector<HTMLInputElement>('.rm-grid-key')?.checked).toBe(true);
  });

  it('shows each relationship level as text and shade, and marks the owner', () => {
    const { cell } = mount();
    const annMaria = cell('ann', 'm1');
    expect(annMaria.querySelector('.rm-level-text')?.textContent).toBe('Trusted advisor');
    expect(annMaria.classList.contains('rm-level-trusted_advisor')).toBe(true);
    expect(annMaria.querySelector('.rm-owner-mark')?.textContent).toContain('Owner');
    expect(cell('ann', 'm2').dataset.level).toBe('');
    expect(cell('ann', 'm2').textContent).toBe('—');
    const benJonas = cell('ben', 'm2');
    expect(benJonas.textContent).toBe('Vendor');
    expect(benJonas.classList.contains('rm-level-vendor')).toBe(true);
    expect(benJonas.querySelector('.rm-owner-mark')).toBeNull();
    expect(cell('dan', 'm2').textContent).toBe('Problem solver');
    expect(cell('dan', 'm1').textContent).toBe('Credible source⚑ Owner');
  });

  it('shows everyone when "key people only" is unticked', () => {
    const { el, onFilters } = mount();
    const box = el.querySelector<HTMLInputElement>('.rm-grid-key')!;
    box.checked = false;
    box.dispatchEvent(new Event('change'));
    expect(onFilters).toHaveBeenCalledWith({ keyOnly: false, bc: '' });
    const all = mount(false);
    expect(all.el.querySelectorAll('tbody tr')).toHaveLength(5);
    expect(all.el.querySelector('tr[data-contact-id="cleo"] .rm-nobody')?.textContent).toContain('Nobody');
    expect(all.el.querySelector('tr[data-contact-id="eve"] .rm-open')?.textContent).toBe(EVIL);
    expect(all.el.querySelector('tbody img, tbody script')).toBeNull();
  });
});
