import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Campaign } from '../../ipc/bindings/Campaign';
import type { MyAction } from '../../ipc/bindings/MyAction';
import { MEMBER_KEY } from './model';

const api = vi.hoisted(() => ({
  teamMembers: vi.fn(),
  myActions: vi.fn(),
  planView: vi.fn(),
  exportCalendar: vi.fn(),
  listCampaigns: vi.fn(),
  listPortfolio: vi.fn(),
  appStatus: vi.fn(),
}));
vi.mock('../../ipc/api', () => ({ api }));

import { myActionsPage } from './view';

const EVIL = '<img src=x onerror="window.__pwned=1">';

function act(id: string, bucket: MyAction['bucket'], account: [string, string, string], due: string | null, extra: Partial<MyAction['action']> = {}): MyAction {
  return {
    account_id: account[0],
    account: account[1],
    plan_id: account[2],
    objective: `Objective of ${id}`,
    bucket,
    action: { id, strategy_id: 's', what: `Do ${id}`, owner_id: 'x', due_on: due, status: 'open', position: 0, ...extra },
  };
}

const NORD: [string, string, string] = ['acc-n', 'Nordwind', 'plan-n'];
const BORE: [string, string, string] = ['acc-b', EVIL, 'plan-b'];

function cmp(id: string, name: string, accounts: string[], budget: number, currency = 'EUR'): Campaign {
  return {
    id,
    name,
    kind: 'webinar',
    starts_on: '2026-05-01',
    ends_on: '2026-07-31',
    budget,
    currency,
    status: 'active',
    targets: accounts.map((a) => ({
      account_id: a,
      objective_id: null,
      buying_center_ids: [],
      contact_ids: [],
      engaged_contact_ids: [],
      meetings: 0,
      opportunity_ids: [],
    })),
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 8; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('my actions page', () => {
  let root: HTMLElement;
  let cleanup: () => void;

  beforeEach(() => {
    localStorage.clear();
    root = document.createElement('div');
    document.body.append(root);
    api.teamMembers.mockResolvedValue(['Jonas Weber', 'Maria Keller']);
    api.myActions.mockResolvedValue([
      act('late', 'overdue', NORD, '2026-06-01', { status: 'blocked' }),
      act('soon', 'this_week', BORE, '2026-06-18'),
      act('free', 'no_date', NORD, null),
      act('far', 'later', NORD, '2026-09-01'),
    ]);
    api.listCampaigns.mockResolvedValue([cmp('c1', 'ABM wave', ['acc-n', 'acc-b'], 10_000_00), cmp('c2', 'US ads', ['acc-b'], 5_000_00, 'USD')]);
    api.listPortfolio.mockResolvedValue([
      { id: 'acc-n', name: 'Nordwind' },
      { id: 'acc-b', name: EVIL },
    ]);
    api.appStatus.mockResolvedValue({ today: '2026-06-16' });
  });
  afterEach(() => {
    cleanup?.();
    root.remove();
    vi.clearAllMocks();
  });

  it('asks for a team member first and remembers the choice', async () => {
    cleanup = myActionsPage(root);
    await settle();
    const select = root.querySelector('select.ma-member') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Choose a team member\u2026', 'Jonas Weber', 'Maria Keller']);
    expect(root.querySelector('.ma-choose')).not.toBeNull();
    expect(api.myActions).not.toHaveBeenCalled();
    select.value = 'Maria Keller';
    select.dispatchEvent(new Event('change'));
    await settle();
    expect(api.myActions).toHaveBeenCalledWith('Maria Keller');
    expect(localStorage.getItem(MEMBER_KEY)).toBe('Maria Keller');

    cleanup();
    root.textContent = '';
    cleanup = myActionsPage(root);
    await settle();
    expect((root.querySelector('select.ma-member') as HTMLSelectElement).value).toBe('Maria Keller');
    expect(root.querySelectorAll('.ma-group')).toHaveLength(5);
  });

  it('groups the open actions by due date, in order, with account, objective, action, due and a link to the OSAs', async () => {
    localStorage.setItem(MEMBER_KEY, 'Maria Keller');
    cleanup = myActionsPage(root);
    await settle();
    expect(root.querySelector('.ma-summary')!.textContent).toBe('Maria Keller has 4 open actions in 2 accounts.');
    const groups = [...root.querySelectorAll('.ma-group')];
    expect(groups.map((g) => g.querySelector('h2')!.textContent)).toEqual(['Overdue 1', 'This week 1', 'Next 14 days 0', 'Later 1', 'No date 1']);
    expect(groups[2]!.textContent).toContain('Nothing here.');
    const late = groups[0]!.querySelector('tbody tr')!;
    expect([...late.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      'Nordwind',
      'Objective of late',
      'Do late Blocked',
      'Jun 1, 2026',
      'Open OSAs',
    ]);
    expect(late.querySelector('a')!.getAttribute('href')).toBe('#/plan/plan-n/osas');
    expect(groups[4]!.querySelector('.ma-due')!.textContent).toBe('No date');
    expect(groups[1]!.querySelector('a')!.getAttribute('href')).toBe('#/plan/plan-b/osas');
  });

  it('exports the calendar per account with the member\u2019s id in that account\u2019s team', async () => {
    localStorage.setItem(MEMBER_KEY, 'Maria Keller');
    api.planView.mockImplementation(async (planId: string) => ({
      account: { team: [{ id: planId === 'plan-n' ? 'tm-n-maria' : 'tm-b-maria', name: 'maria keller ' }] },
    }));
    cleanup = myActionsPage(root);
    await settle();
    const rows = [...root.querySelectorAll('.ma-export-list li')];
    expect(rows.map((r) => r.querySelector('.ma-export-account')!.textContent)).toEqual([EVIL, 'Nordwind']);
    api.exportCalendar.mockResolvedValueOnce({ path: '/tmp/nordwind.ics', bytes: 10 });
    (rows[1]!.querySelector('button') as HTMLButtonElement).click();
    await settle();
    expect(api.planView).toHaveBeenCalledWith('plan-n');
    expect(api.exportCalendar).toHaveBeenCalledWith({ plan_id: 'plan-n', owner_id: 'tm-n-maria' });
    expect(rows[1]!.querySelector('.ma-export-status')!.textContent).toBe('Saved to /tmp/nordwind.ics');
    api.exportCalendar.mockResolvedValueOnce({ path: null, bytes: 0 });
    (rows[0]!.querySelector('button') as HTMLButtonElement).click();
    await settle();
    expect(api.exportCalendar).toHaveBeenLastCalledWith({ plan_id: 'plan-b', owner_id: 'tm-b-maria' });
    expect(rows[0]!.querySelector('.ma-export-status')!.textContent).toBe('Cancelled');
  });

  it('shows every campaign on one timeline with account names and budget totals per currency', async () => {
    cleanup = myActionsPage(root);
    await settle();
    const labels = [...root.querySelectorAll('.cmp-tl-label')].map((t) => t.textContent);
    expect(labels).toEqual([`ABM wave \u2014 Nordwind, ${EVIL} (Active)`, `US ads \u2014 ${EVIL} (Active)`]);
    expect(root.querySelector('.cmp-tl-today-label')!.textContent).toBe('Today, Jun 16');
    const totals = [...root.querySelectorAll('.cmp-budget-list li')].map((li) => li.getAttribute('data-currency'));
    expect(totals).toEqual(['EUR', 'USD']);
  });

  it('renders markup in names as text', async () => {
    localStorage.setItem(MEMBER_KEY, 'Maria Keller');
    api.teamMembers.mockResolvedValue([EVIL, 'Maria Keller']);
    cleanup = myActionsPage(root);
    await settle();
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain(EVIL);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('says so when nobody is on any account team', async () => {
    api.teamMembers.mockResolvedValue([]);
    cleanup = myActionsPage(root);
    await settle();
    expect(root.textContent).toContain('No account has a team yet.');
  });
});
