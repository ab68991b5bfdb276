import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Account } from '../../ipc/bindings/Account';
import type { PlanView } from '../../ipc/bindings/PlanView';
import { AppError } from '../../ipc/index';
import type { PlanContext } from '../../app/context';
import { REFUSED_AMOUNTS, TYPED_AMOUNTS, useNavigatorLanguage } from '../../shared/test-locales';
import { accountView } from './view';

const EVIL = '<img src=x onerror=alert(1)>';

function account(over: Partial<Account> = {}): Account {
  return {
    id: 'a1',
    name: 'Acme',
    industry: '',
    region: '',
    website: '',
    annual_revenue: null,
    employees: null,
    fiscal_year_end_month: 12,
    owner: '',
    team: [{ id: 't1', name: 'Dana', role: 'account_manager' }],
    life_stage: 'customer',
    stage_history: [],
    growth_trend: 'unknown',
    strategy: '',
    initiatives: [],
    success_metric: '',
    competitors: [],
    interactions: [
      { id: 'i1', date: '2025-01-10', kind: 'call', summary: 'Older', team_member_id: null },
      { id: 'i2', date: '2025-03-02', kind: 'meeting', summary: EVIL, team_member_id: 't1' },
    ],
    buying_triggers: [],
    segmentation: { need: [], value: [], behavior: [] },
    renewals: [],
    currency: 'EUR',
    created_on: '2025-01-01',
    ...over,
  };
}

function context(acc: Account, saveAccount: (a: Account) => Promise<void>, readonly = false): PlanContext {
  const view = { account: acc, today: '2025-04-01', plan: { id: 'p1', currency: 'EUR' } } as unknown as PlanView;
  const ctx = {
    view,
    readonly,
    save: vi.fn(),
    saveAccount: async (a: Account) => {
      await saveAccount(a);
      ctx.view = { ...ctx.view, account: a };
    },
    replaceView: vi.fn(),
    navigate: vi.fn(),
    href: (area: string) => `#/plan/p1/${area}`,
  };
  return ctx as unknown as PlanContext;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function inputByLabel(root: HTMLElement, label: string): HTMLInputElement {
  const l = Array.from(root.querySelectorAll('label')).find((x) => x.textContent === label);
  if (!l) throw new Error(`no label ${label}`);
  return document.getElementById(l.htmlFor) as HTMLInputElement;
}

describe('account overview', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    root.remove();
  });

  it('shows text with markup as text, never as elements', () => {
    accountView(root, context(account({ name: EVIL, strategy: EVIL }), async () => undefined));
    expect(root.querySelector('img')).toBeNull();
    expect(inputByLabel(root, 'Account name').value).toBe(EVIL);
    const summaries = Array.from(root.querySelectorAll<HTMLInputElement>('.item-interactions input[type=text]')).map((i) => i.value);
    expect(summaries[0]).toBe(EVIL); // newest first
    expect(summaries[1]).toBe('Older');
  });

  it('saves annual revenue typed in major units as minor units, after a pause', async () => {
    const saved: Account[] = [];
    accountView(root, context(account(), async (a) => void saved.push(a)));
    const revenue = inputByLabel(root, 'Annual revenue');
    revenue.value = '1,250,000.50';
    revenue.dispatchEvent(new Event('input'));
    expect(saved).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(500);
    await settle();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.annual_revenue).toBe(125_000_050);
  });

  it('refuses a malformed amount without calling the back end', async () => {
    const save = vi.fn(async () => undefined);
    accountView(root, context(account(), save));
    const revenue = inputByLabel(root, 'Annual revenue');
    revenue.value = '12k';
    revenue.dispatchEvent(new Event('change'));
    await settle();
    expect(save).not.toHaveBeenCalled();
    expect(revenue.closest('.field')?.querySelector('.field-error')?.textContent).toContain('Enter an amount');
    expect(revenue.value).toBe('12k');
  });

  it('shows the back end’s message under the field and keeps what was typed', async () => {
    const save = vi.fn(async (a: Account) => {
      if (a.name.trim() === '') throw new AppError('empty', 'Account name is empty', 'name');
    });
    accountView(root, context(account(), save));
    const name = inputByLabel(root, 'Account name');
    name.value = '';
    name.dispatchEvent(new Event('change'));
    await settle();
    expect(name.closest('.field')?.querySelector('.field-error')?.textContent).toBe('Account name is empty');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    // another field still saves, without the refused name
    const industry = inputByLabel(root, 'Industry');
    industry.value = 'Retail';
    industry.dispatchEvent(new Event('change'));
    await settle();
    expect(save).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'Acme', industry: 'Retail' }));
  });

  it('adds a team member and shows a list error at the field it names', async () => {
    const save = vi.fn(async (a: Account) => {
      if (a.team.some((m) => m.name.trim() === '')) throw new AppError('empty', 'Team member name is empty', 'team.name');
    });
    accountView(root, context(account(), save));
    const form = root.querySelector<HTMLFormElement>('form[aria-label="Add a team member"]')!;
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    const nameInput = inputByLabel(root, 'New member’s name');
    expect(nameInput.closest('.field')?.querySelector('.field-error')?.textContent).toBe('Team member name is empty');
    nameInput.value = 'Sam';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(save).toHaveBeenLastCalledWith(expect.objectContaining({ team: [expect.objectContaining({ name: 'Dana' }), expect.objectContaining({ name: 'Sam', role: 'account_manager' })] }));
    expect(root.querySelectorAll('.item-team').length).toBe(2);
  });

  it('is read-only in a snapshot', () => {
    accountView(root, context(account(), async () => undefined, true));
    expect(root.querySelector('fieldset')?.disabled).toBe(true);
    expect(root.querySelector('form.add-form')).toBeNull();
  });
});

describe('annual revenue in every locale', () => {
  let root: HTMLElement;
  let restore: (() => void) | undefined;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    restore?.();
    root.remove();
  });

  /** Types `text` into a field of a fresh overview of an account in `currency`; what was saved. */
  async function enter(label: string, text: string, currency = 'EUR'): Promise<{ saved: Account[]; input: HTMLInputElement }> {
    root.replaceChildren();
    const saved: Account[] = [];
    accountView(root, context(account({ currency, annual_revenue: 5_000_00 }), async (a) => void saved.push(a)));
    const input = inputByLabel(root, label);
    input.value = text;
    input.dispatchEvent(new Event('change'));
    await settle();
    return { saved, input };
  }

  it('reads amounts as people type them in each locale', async () => {
    for (const c of TYPED_AMOUNTS) {
      restore = useNavigatorLanguage(c.locale);
      const { saved } = await enter('Annual revenue', c.typed, c.currency);
      expect(saved.map((a) => a.annual_revenue), `${c.locale} ${c.typed}`).toEqual([c.minor]);
      restore();
    }
  });

  it('refuses what is not an amount at the field and keeps the text', async () => {
    for (const c of REFUSED_AMOUNTS) {
      restore = useNavigatorLanguage(c.locale);
      const { saved, input } = await enter('Annual revenue', c.typed, c.currency);
      expect(saved, `${c.locale} ${c.typed}`).toHaveLength(0);
      expect(input.closest('.field')?.querySelector('.field-error')?.textContent).toBe(c.message);
      expect(input.value).toBe(c.typed);
      restore();
    }
  });

  it('saves an emptied field as not known', async () => {
    const { saved } = await enter('Annual revenue', '  ');
    expect(saved.map((a) => a.annual_revenue)).toEqual([null]);
  });

  it('shows the saved amount in the webview\u2019s locale and reads employees grouped the same way', async () => {
    restore = useNavigatorLanguage('de-DE');
    const { saved } = await enter('Employees', '12.000');
    expect(inputByLabel(root, 'Annual revenue').value).toBe('5.000');
    expect(saved.map((a) => a.employees)).toEqual([12_000]);
    const refused = await enter('Employees', '12,5');
    expect(refused.saved).toHaveLength(0);
    expect(refused.input.closest('.field')?.querySelector('.field-error')?.textContent).toBe('Enter a whole number like 12000');
  });
});
