import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PortfolioRow } from '../../ipc/bindings/PortfolioRow';
import { row } from './test-rows';

const EVIL = '<img src=x onerror=alert(1)>';
const rows: PortfolioRow[] = [
  row({ name: EVIL, industry: '<script>alert(2)</script>', owner: 'Eve', total_wallet: 10_000 }),
  row({ name: 'Acme', industry: 'Manufacturing', owner: 'Dana', total_wallet: 50_000, our_revenue: 20_000, wallet_share: 0.4, health_status: 'critical', risk_count: 4, health_as_of: '2026-11-01' }),
  row({ name: 'Borealis', industry: 'Energy', owner: 'Dana', total_wallet: 30_000, health_status: 'healthy', risk_count: 0, health_as_of: '2026-11-01' }),
];

const api = vi.hoisted(() => ({
  listPortfolio: vi.fn(),
  createAccount: vi.fn(),
  newAccountPeriods: vi.fn(),
  deleteAccount: vi.fn(),
  undoDeleteAccount: vi.fn(),
  loadSample: vi.fn(),
}));
vi.mock('../../ipc/api', () => ({ api }));

import { renderPortfolio } from './view';

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('portfolio view', () => {
  let root: HTMLElement;
  const navigate = vi.fn();

  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
    api.listPortfolio.mockResolvedValue(rows);
    api.newAccountPeriods.mockResolvedValue([
      { choice: 'current', period: { label: 'FY2026', starts_on: '2026-01-01', ends_on: '2026-12-31' } },
    ]);
  });
  afterEach(() => {
    root.remove();
    vi.clearAllMocks();
  });

  it('shows names with markup as plain text', async () => {
    renderPortfolio(root, { navigate });
    await settle();
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('tbody script')).toBeNull();
    const names = Array.from(root.querySelectorAll('tbody th.name')).map((th) => th.textContent);
    expect(names).toContain(EVIL);
    expect(root.textContent).toContain('<script>alert(2)</script>');
  });

  it('filters as you type and sorts on a header click', async () => {
    renderPortfolio(root, { navigate });
    await settle();
    const search = root.querySelector<HTMLInputElement>('input[type=search]')!;
    search.value = 'dana';
    search.dispatchEvent(new Event('input'));
    let names = Array.from(root.querySelectorAll('tbody th.name')).map((th) => th.textContent);
    expect(names).toEqual(['Acme', 'Borealis']);
    expect(root.querySelector('.count-line')?.textContent).toBe('2 of 3 accounts');

    const walletHeader = Array.from(root.querySelectorAll('thead th')).find((th) => th.textContent?.startsWith('Total wallet'))!;
    walletHeader.querySelector('button')!.click();
    expect(walletHeader.getAttribute('aria-sort')).toBe('ascending');
    walletHeader.querySelector('button')!.click();
    expect(walletHeader.getAttribute('aria-sort')).toBe('descending');
    names = Array.from(root.querySelectorAll('tbody th.name')).map((th) => th.textContent);
    expect(names).toEqual(['Acme', 'Borealis']);
    expect(root.querySelector('tfoot')?.textContent).toContain('Total (2 accounts)');
  });

  it('shows health in words and an icon, sorts by it and filters on it', async () => {
    renderPortfolio(root, { navigate });
    await settle();
    const cellOf = (name: string) =>
      Array.from(root.querySelectorAll('tbody tr')).find((tr) => tr.querySelector('th.name')?.textContent === name)!.querySelector('[data-health]')!;
    expect(cellOf('Acme').textContent).toBe('\u2716Critical4');
    expect(cellOf('Acme').querySelector('.health-word')?.textContent).toBe('Critical');
    expect(cellOf('Acme').querySelector('.health-icon')?.getAttribute('aria-hidden')).toBe('true');
    expect(cellOf('Borealis').querySelector('.health-word')?.textContent).toBe('Healthy');
    const notAssessed = Array.from(root.querySelectorAll('tbody tr')).find((tr) => tr.querySelector('th.name')?.textContent === EVIL)!;
    expect(notAssessed.textContent).toContain('Not assessed');

    const healthHeader = Array.from(root.querySelectorAll('thead th')).find((th) => th.textContent?.startsWith('Health'))!;
    healthHeader.querySelector('button')!.click();
    expect(healthHeader.getAttribute('aria-sort')).toBe('ascending');
    let names = Array.from(root.querySelectorAll('tbody th.name')).map((th) => th.textContent);
    expect(names).toEqual(['Acme', 'Borealis', EVIL]);

    const select = root.querySelector<HTMLSelectElement>('select[name=health-filter]')!;
    expect(select.closest('.field')?.querySelector('label')?.textContent).toBe('Health');
    select.value = 'attention';
    select.dispatchEvent(new Event('change'));
    names = Array.from(root.querySelectorAll('tbody th.name')).map((th) => th.textContent);
    expect(names).toEqual(['Acme']);
    expect(root.querySelector('.count-line')?.textContent).toBe('1 of 3 accounts');
    select.value = 'at_risk';
    select.dispatchEvent(new Event('change'));
    expect(root.querySelectorAll('tbody th.name')).toHaveLength(0);
    expect(root.textContent).toContain('No account with health \u201cAt risk\u201d.');
  });

  it('shows the first-start panel for an empty store', async () => {
    api.listPortfolio.mockResolvedValue([]);
    renderPortfolio(root, { navigate });
    await settle();
    expect(root.querySelector('table')).toBeNull();
    const buttons = Array.from(root.querySelectorAll('button')).map((b) => b.textContent);
    expect(buttons).toContain('Create an account');
    expect(buttons).toContain('Load the sample plan');
  });

  it('shows the back end’s message under the name field and keeps the text', async () => {
    api.createAccount.mockRejectedValue({ code: 'empty', message: 'Account name is empty', field: 'name' });
    renderPortfolio(root, { navigate });
    await settle();
    Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'New account')!.click();
    const input = root.querySelector<HTMLInputElement>('input[name=account-name]')!;
    input.value = '   ';
    input.form!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(input.closest('.field')?.querySelector('.field-error')?.textContent).toBe('Account name is empty');
    expect(input.value).toBe('   ');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('starts the first plan in the period the user picks', async () => {
    api.newAccountPeriods.mockResolvedValue([
      { choice: 'current', period: { label: 'FY2026', starts_on: '2026-01-01', ends_on: '2026-12-31' } },
      { choice: 'next', period: { label: 'FY2027', starts_on: '2027-01-01', ends_on: '2027-12-31' } },
    ]);
    api.createAccount.mockResolvedValue({ current_plan_id: 'p9' });
    renderPortfolio(root, { navigate });
    await settle();
    Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'New account')!.click();
    await settle();
    const period = root.querySelector<HTMLSelectElement>('select[name=account-period]')!;
    expect(Array.from(period.options).map((o) => o.textContent)).toEqual(['FY2026 (this year)', 'FY2027 (next year)']);
    period.value = 'next';
    const input = root.querySelector<HTMLInputElement>('input[name=account-name]')!;
    input.value = 'Acme';
    input.form!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(api.createAccount).toHaveBeenCalledWith('Acme', 'next');
    expect(navigate).toHaveBeenCalledWith('#/plan/p9/overview');
  });

  it('asks before deleting and offers undo', async () => {
    api.deleteAccount.mockResolvedValue(undefined);
    renderPortfolio(root, { navigate });
    await settle();
    root.querySelector<HTMLButtonElement>('button[aria-label="Delete Acme"]')!.click();
    expect(root.querySelector('.confirm-text')?.textContent).toBe('Delete Acme and all its plans?');
    api.listPortfolio.mockResolvedValue(rows.filter((r) => r.name !== 'Acme'));
    root.querySelector<HTMLButtonElement>('.confirm button.danger')!.click();
    await settle();
    expect(api.deleteAccount).toHaveBeenCalledWith('Acme');
    const toast = document.querySelector('.toast');
    expect(toast?.textContent).toContain('Deleted Acme.');
    api.undoDeleteAccount.mockResolvedValue(undefined);
    Array.from(toast!.querySelectorAll('button')).find((b) => b.textContent === 'Undo')!.click();
    await settle();
    expect(api.undoDeleteAccount).toHaveBeenCalled();
  });
});
