import { afterEach, describe, expect, it, vi } from 'vitest';
import { EVIL, sampleView } from './fixtures';
import { renderList } from './list';
import { EMPTY_FILTERS, NO_OWNER, filterContacts, gridRows, type ListFilters } from './model';

const ids = (list: { id: string }[]) => list.map((c) => c.id);

describe('filterContacts', () => {
  const view = sampleView();
  const f = (over: Partial<ListFilters>) => ids(filterContacts(view, { ...EMPTY_FILTERS, ...over }));

  it('lists everyone by name without filters', () => {
    expect(f({})).toEqual(['eve', 'ann', 'ben', 'cleo', 'dan']);
  });

  it('filters by buying center, role, attitude and owner', () => {
    expect(f({ bc: 'ops' })).toEqual(['eve', 'dan']);
    expect(f({ role: 'decision_maker' })).toEqual(['ben']);
    expect(f({ attitude: 'opponent' })).toEqual(['dan']);
    expect(f({ owner: 'm1' })).toEqual(['ann', 'dan']);
    expect(f({ owner: NO_OWNER })).toEqual(['eve', 'ben', 'cleo']);
    expect(f({ owner: 'm2' })).toEqual([]);
    expect(f({ bc: 'it', owner: NO_OWNER })).toEqual(['ben', 'cleo']);
  });

  it('filters to stale people and to people with gaps, from the core gaps', () => {
    expect(f({ staleOnly: true })).toEqual(['cleo']);
    expect(f({ gapsOnly: true })).toEqual(['ben', 'cleo']);
  });

  it('searches name, title, email and notes, ignoring case and accents', () => {
    expect(f({ query: 'cleo' })).toEqual(['cleo']);
    expect(f({ query: 'KUBERNETES' })).toEqual(['cleo']);
    expect(f({ query: 'ann@example' })).toEqual(['ann']);
    expect(f({ query: 'head infra' })).toEqual(['ben']);
    expect(f({ query: 'nobody-like-this' })).toEqual([]);
  });
});

describe('gridRows', () => {
  it('puts decision makers, economic buyers and high-influence people first', () => {
    const view = sampleView();
    expect(ids(gridRows(view, { keyOnly: false, bc: '' }))).toEqual(['ann', 'ben', 'dan', 'eve', 'cleo']);
    expect(ids(gridRows(view, { keyOnly: true, bc: '' }))).toEqual(['ann', 'ben', 'dan']);
    expect(ids(gridRows(view, { keyOnly: true, bc: 'ops' }))).toEqual(['dan']);
  });
});

describe('renderList', () => {
  afterEach(() => document.body.replaceChildren());

  function mount(filters = EMPTY_FILTERS) {
    const onFilters = vi.fn();
    const onSelect = vi.fn();
    const el = renderList({ view: sampleView(), filters, selectedId: 'ann', onFilters, onSelect });
    document.body.appendChild(el);
    const rows = () => Array.from(el.querySelectorAll<HTMLTableRowElement>('tbody tr[data-contact-id]')).map((r) => r.dataset.contactId);
    return { el, rows, onFilters, onSelect };
  }

  it('renders a row per person with role, attitude, owner and gap count', () => {
    const { el, rows } = mount();
    expect(rows()).toHaveLength(5);
    const ben = el.querySelector('tr[data-contact-id="ben"]')!;
    expect(ben.textContent).toContain('Decision maker');
    expect(ben.textContent).toContain('Skeptic');
    expect(ben.textContent).toContain('No owner');
    expect(ben.querySelector('.rm-gap-count')?.textContent).toBe('⚠ 3');
    expect(el.querySelector('tr[data-contact-id="ann"]')?.classList.contains('selected')).toBe(true);
    expect(el.querySelector('tr[data-contact-id="cleo"] .rm-stale')).not.toBeNull();
  });

  it('filters as the user types and picks, keeping the search box', () => {
    const { el, rows, onFilters } = mount();
    const search = el.querySelector<HTMLInputElement>('.rm-search')!;
    search.value = 'baker';
    search.dispatchEvent(new Event('input'));
    expect(rows()).toEqual(['ben']);
    expect(el.querySelector('.rm-search')).toBe(search);
    expect(onFilters).toHaveBeenLastCalledWith(expect.objectContaining({ query: 'baker' }));
    search.value = '';
    search.dispatchEvent(new Event('input'));
    const gaps = el.querySelector<HTMLInputElement>('.rm-filter-gaps')!;
    gaps.checked = true;
    gaps.dispatchEvent(new Event('change'));
    expect(rows()).toEqual(['ben', 'cleo']);
    const owner = el.querySelector<HTMLSelectElement>('.rm-filter-owner')!;
    owner.value = NO_OWNER;
    owner.dispatchEvent(new Event('change'));
    expect(rows()).toEqual(['ben', 'cleo']);
    (el.querySelector('.rm-filter-clear') as HTMLButtonElement).click();
    expect(rows()).toHaveLength(5);
    expect(el.querySelector('.rm-count')?.textContent).toBe('5 of 5 people');
  });

  it('starts from the kept filters and says when nobody matches', () => {
    const { el, rows } = mount({ ...EMPTY_FILTERS, attitude: 'champion', bc: 'ops' });
    expect(rows()).toEqual([]);
    expect(el.querySelector('td.empty')?.textContent).toContain('Nobody matches');
    expect(el.querySelector<HTMLSelectElement>('.rm-filter-attitude')?.value).toBe('champion');
  });

  it('opens a person from the name button', () => {
    const { el, onSelect } = mount();
    el.querySelector<HTMLButtonElement>('tr[data-contact-id="dan"] .rm-open')!.click();
    expect(onSelect).toHaveBeenCalledWith('dan');
  });

  it('renders markup in names as text', () => {
    const { el } = mount();
    expect(el.querySelector('img, script, tbody b')).toBeNull();
    expect(el.querySelector('tr[data-contact-id="eve"] .rm-open')?.textContent).toBe(EVIL);
  });
});
