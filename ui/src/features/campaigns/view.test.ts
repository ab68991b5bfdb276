import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlanContext } from '../../app/context';
import type { Campaign } from '../../ipc/bindings/Campaign';
import type { PlanView } from '../../ipc/bindings/PlanView';
import { AppError } from '../../ipc/index';
import { REFUSED_AMOUNTS, TYPED_AMOUNTS, useNavigatorLanguage } from '../../shared/test-locales';
import { ACC, EVIL, OTHER, PLAN, THIRD, campaign, fakeContext, planView } from './test-fixture';

const api = vi.hoisted(() => ({
  listPortfolio: vi.fn(),
  saveCampaign: vi.fn(),
  deleteCampaign: vi.fn(),
  planView: vi.fn(),
  exportCalendar: vi.fn(),
}));
vi.mock('../../ipc/api', () => ({ api }));

import { campaignsView } from './view';

async function settle(): Promise<void> {
  for (let i = 0; i < 6; i++) await new Promise((r) => setTimeout(r, 0));
}

function button(root: Element, text: string): HTMLButtonElement {
  const b = [...root.querySelectorAll('button')].find((x) => x.textContent?.trim() === text);
  if (!b) throw new Error(`no button "${text}"`);
  return b;
}

function control<T extends HTMLElement = HTMLInputElement>(root: HTMLElement, label: string): T {
  const l = [...root.querySelectorAll('label')].find((x) => x.textContent?.trim() === label);
  if (!l) throw new Error(`no label "${label}"`);
  return document.getElementById(l.htmlFor) as T;
}

function type(el: HTMLInputElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

function choose(el: HTMLSelectElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

function fieldError(root: HTMLElement, key: string): string {
  return root.querySelector(`.cmp-field-${key} .field-error`)?.textContent ?? '';
}

describe('campaigns view', () => {
  let root: HTMLElement;
  let ctx: PlanContext & { views: PlanView[] };
  let cleanup: void | (() => void);

  function mount(view: PlanView = planView(), readonly = false): void {
    ctx = fakeContext(
      view,
      (c) => {
        if (typeof cleanup === 'function') cleanup();
        cleanup = campaignsView(root, c);
      },
      readonly,
    );
    cleanup = campaignsView(root, ctx);
  }

  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
    api.listPortfolio.mockResolvedValue([
      { id: ACC, name: 'Nordwind Logistics' },
      { id: OTHER, name: 'Borealis Energy' },
      { id: THIRD, name: EVIL },
    ]);
    api.saveCampaign.mockResolvedValue([]);
    api.planView.mockImplementation(async () => planView());
  });
  afterEach(() => {
    // The editor survives re-renders (module state): close it so tests stay independent.
    const open = root.querySelector('form.cmp-editor');
    if (open) button(open as HTMLElement, 'Cancel').click();
    if (typeof cleanup === 'function') cleanup();
    cleanup = undefined;
    root.remove();
    document.querySelector('.toast-region')?.remove();
    vi.clearAllMocks();
  });

  it('lists the campaigns with outcomes here and the other accounts they are aimed at', async () => {
    mount(planView({ campaigns: [campaign({ targets: [...campaign().targets, { ...campaign().targets[0]!, account_id: OTHER, opportunity_ids: [] }] })] }));
    const row = root.querySelector('tr.cmp-row')!;
    expect(row.querySelector('.cmp-name')!.textContent).toBe('Round table');
    expect(row.textContent).toContain('Serves: Engage IT');
    expect(row.textContent).toContain('1 engaged contact \u00b7 3 meetings');
    // The open opportunity counts (650,000), the lost one does not.
    expect(row.querySelector('.cmp-outcomes strong')!.textContent).toMatch(/650,000/);
    expect(row.querySelector('.cmp-also')!.textContent).toBe('Loading\u2026');
    await settle();
    expect(row.querySelector('.cmp-also')!.textContent).toBe('Borealis Energy');
    expect(root.querySelector('.cmp-tl-label')!.textContent).toBe('Round table \u2014 also Borealis Energy (Active)');
    expect(root.querySelector('.cmp-budget-list')!.textContent).toMatch(/45,000/);
  });

  it('builds the right Campaign from the form: budget in minor units, this account as the target', async () => {
    mount(planView({ campaigns: [] }));
    await settle();
    button(root, 'New campaign').click();
    const form = root.querySelector('form.cmp-editor') as HTMLFormElement;
    expect(form).not.toBeNull();
    expect(document.activeElement).toBe(control(form, 'Name'));
    type(control(form, 'Name'), '  CFO breakfast  ');
    choose(control<HTMLSelectElement>(form, 'Type'), 'executive_briefing');
    choose(control<HTMLSelectElement>(form, 'Status'), 'active');
    type(control(form, 'Starts on'), '2026-09-01');
    type(control(form, 'Ends on'), '2026-09-30');
    type(control(form, 'Budget'), '12,500.50');
    // The only marketing objective is chosen already.
    expect(control<HTMLSelectElement>(form, 'Marketing objective it serves').value).toBe('obj-mkt');
    const objectiveOptions = [...control<HTMLSelectElement>(form, 'Marketing objective it serves').options].map((o) => o.value);
    expect(objectiveOptions).toEqual(['', 'obj-mkt']);
    choose(control<HTMLSelectElement>(form, 'Target buying centers'), 'bc-fin');
    choose(control<HTMLSelectElement>(form, 'Target contacts'), 'ct-3');
    choose(control<HTMLSelectElement>(form, 'Target contacts'), 'ct-1');
    choose(control<HTMLSelectElement>(form, 'Engaged contacts'), 'ct-3');
    type(control(form, 'Meetings'), '2');
    choose(control<HTMLSelectElement>(form, 'Influenced opportunities'), 'opp-won');
    choose(control<HTMLSelectElement>(form, 'Influenced opportunities'), 'opp-lost');
    expect(form.querySelector('.cmp-influenced')!.textContent).toMatch(/^Influenced pipeline: €240,000$/);
    // Removing a chip takes it out again.
    (form.querySelector('.cmp-field-contact_ids [data-value="ct-1"] .cmp-chip-remove') as HTMLButtonElement).click();

    form.requestSubmit();
    await settle();
    expect(api.saveCampaign).toHaveBeenCalledTimes(1);
    const sent = api.saveCampaign.mock.calls[0]![0] as Campaign;
    expect(sent).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'CFO breakfast',
      kind: 'executive_briefing',
      starts_on: '2026-09-01',
      ends_on: '2026-09-30',
      budget: 1_250_050,
      currency: 'EUR',
      status: 'active',
      targets: [
        {
          account_id: ACC,
          objective_id: 'obj-mkt',
          buying_center_ids: ['bc-fin'],
          contact_ids: ['ct-3'],
          engaged_contact_ids: ['ct-3'],
          meetings: 2,
          opportunity_ids: ['opp-won', 'opp-lost'],
        },
      ],
    });
    // Then the plan is reloaded and handed to the shell; the editor is closed.
    expect(api.planView).toHaveBeenCalledWith(PLAN);
    expect(ctx.views).toHaveLength(1);
    expect(root.querySelector('form.cmp-editor')).toBeNull();
  });

  it('attaching a second account adds an empty target and keeps this account\u2019s', async () => {
    mount();
    await settle();
    button(root, 'Edit').click();
    const form = root.querySelector('form.cmp-editor') as HTMLFormElement;
    const picker = control<HTMLSelectElement>(form, 'Also aim at\u2026');
    expect([...picker.options].map((o) => o.textContent)).toEqual(['Choose an account\u2026', 'Borealis Energy', EVIL]);
    choose(picker, OTHER);
    button(form, 'Add').click();
    expect(form.querySelector('.cmp-other-accounts')!.textContent).toContain('Borealis Energy');
    expect([...picker.options].map((o) => o.value)).toEqual(['', THIRD]);
    expect((control(form, 'Budget') as HTMLInputElement).value).toBe('45,000');
    form.requestSubmit();
    await settle();
    const sent = api.saveCampaign.mock.calls[0]![0] as Campaign;
    expect(sent.budget).toBe(4_500_000);
    expect(sent.targets).toEqual([
      campaign().targets[0],
      {
        account_id: OTHER,
        objective_id: null,
        buying_center_ids: [],
        contact_ids: [],
        engaged_contact_ids: [],
        meetings: 0,
        opportunity_ids: [],
      },
    ]);
  });

  it('shows the core\u2019s errors at the field and keeps what was typed', async () => {
    mount();
    await settle();
    button(root, 'Edit').click();
    let form = root.querySelector('form.cmp-editor') as HTMLFormElement;
    type(control(form, 'Name'), 'Renamed');
    type(control(form, 'Ends on'), '2026-02-01');
    api.saveCampaign.mockRejectedValueOnce(new AppError('conflict', 'The campaign ends before it starts', 'ends_on'));
    form.requestSubmit();
    await settle();
    expect(fieldError(form, 'ends_on')).toBe('The campaign ends before it starts');
    expect(control(form, 'Ends on').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(control(form, 'Ends on'));
    expect(control(form, 'Name').value).toBe('Renamed');
    expect(control(form, 'Ends on').value).toBe('2026-02-01');
    expect(ctx.views).toHaveLength(0);

    type(control(form, 'Budget'), '-10');
    api.saveCampaign.mockRejectedValueOnce(new AppError('invalid', 'Budget cannot be negative', 'budget'));
    form.requestSubmit();
    await settle();
    expect(fieldError(form, 'ends_on')).toBe('');
    expect(fieldError(form, 'budget')).toBe('Budget cannot be negative');
    expect(control(form, 'Budget').value).toBe('-10');

    api.saveCampaign.mockRejectedValueOnce(new AppError('conflict', 'An influenced opportunity is not one of Borealis\u2019s', 'opportunity_ids'));
    form.requestSubmit();
    await settle();
    expect(fieldError(form, 'opportunity_ids')).toContain('not one of Borealis');

    // Text that cannot be sent is caught before the back end.
    type(control(form, 'Budget'), 'a lot');
    form.requestSubmit();
    await settle();
    expect(api.saveCampaign).toHaveBeenCalledTimes(3);
    expect(fieldError(form, 'budget')).toMatch(/^Enter an amount like/);

    // A message for no field shows above the buttons.
    type(control(form, 'Budget'), '1');
    api.saveCampaign.mockRejectedValueOnce(new AppError('locked', 'The store is locked'));
    form.requestSubmit();
    await settle();
    form = root.querySelector('form.cmp-editor') as HTMLFormElement;
    expect(form.querySelector('.cmp-form-error')!.textContent).toBe('The store is locked');
  });

  it('deletes only after confirming; a campaign aimed at several accounts can leave this one only', async () => {
    const shared = campaign({ targets: [campaign().targets[0]!, { ...campaign().targets[0]!, account_id: OTHER, objective_id: null, opportunity_ids: [] }] });
    mount(planView({ campaigns: [shared] }));
    api.planView.mockImplementation(async () => planView({ campaigns: [shared] }));
    await settle();
    button(root, 'Delete').click();
    expect(root.querySelector('.cmp-confirm')!.textContent).toContain('also aimed at 1 other account');
    button(root.querySelector('.cmp-confirm')!, 'Cancel').click();
    expect(root.querySelector('.cmp-confirm')).toBeNull();
    expect(api.deleteCampaign).not.toHaveBeenCalled();

    button(root, 'Delete').click();
    button(root, 'Remove from Nordwind Logistics only').click();
    await settle();
    expect(api.deleteCampaign).not.toHaveBeenCalled();
    expect((api.saveCampaign.mock.calls[0]![0] as Campaign).targets.map((t) => t.account_id)).toEqual([OTHER]);

    button(root, 'Delete').click();
    button(root, 'Delete everywhere').click();
    await settle();
    expect(api.deleteCampaign).toHaveBeenCalledWith('cmp-1');
    expect(ctx.views).toHaveLength(2);
  });

  it('exports this plan\u2019s calendar and says where it went, or that it was cancelled', async () => {
    mount();
    api.exportCalendar.mockResolvedValueOnce({ path: '/home/me/<b>plan</b>.ics', bytes: 900 });
    button(root, 'Export calendar (.ics)').click();
    await settle();
    expect(api.exportCalendar).toHaveBeenCalledWith({ plan_id: PLAN, owner_id: null });
    expect(root.querySelector('.cmp-export-status')!.textContent).toBe('Saved to /home/me/<b>plan</b>.ics');
    expect(root.querySelector('.cmp-export-status b')).toBeNull();
    api.exportCalendar.mockResolvedValueOnce({ path: null, bytes: 0 });
    button(root, 'Export calendar (.ics)').click();
    await settle();
    expect(root.querySelector('.cmp-export-status')!.textContent).toBe('Cancelled');
  });

  it('renders markup in names as text', async () => {
    mount(
      planView({
        campaigns: [campaign({ name: EVIL, targets: [campaign().targets[0]!, { ...campaign().targets[0]!, account_id: THIRD, opportunity_ids: [] }] })],
        account: { id: ACC, name: '<b>Nord</b>', team: [] } as unknown as PlanView['account'],
      }),
    );
    await settle();
    button(root, 'Edit').click();
    expect(root.querySelector('img, b, script')).toBeNull();
    expect(root.querySelector('.cmp-name')!.textContent).toBe(EVIL);
    expect(root.querySelector('.cmp-also')!.textContent).toBe(EVIL);
    expect(root.querySelector('.cmp-other-accounts')!.textContent).toContain(EVIL);
    expect(root.textContent).toContain('Aimed at <b>Nord</b>');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('shows a snapshot without edit controls', async () => {
    mount(planView(), true);
    await settle();
    expect(root.querySelector('.cmp-new')).toBeNull();
    expect(root.querySelector('.cmp-export')).toBeNull();
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toEqual([]);
    expect(root.querySelector('.cmp-row')).not.toBeNull();
  });

  describe('the budget in every locale', () => {
    let restore: (() => void) | undefined;
    afterEach(() => restore?.());

    /** Opens a new campaign and submits it with the budget typed in `currency`. */
    async function submitNew(currency: string, typed: string): Promise<HTMLFormElement> {
      const open = root.querySelector('form.cmp-editor');
      if (open) button(open as HTMLElement, 'Cancel').click();
      mount(planView({ campaigns: [] }));
      await settle();
      button(root, 'New campaign').click();
      const form = root.querySelector('form.cmp-editor') as HTMLFormElement;
      type(control(form, 'Name'), 'Budget test');
      type(control(form, 'Starts on'), '2026-09-01');
      type(control(form, 'Ends on'), '2026-09-30');
      type(control(form, 'Currency'), currency);
      type(control(form, 'Budget'), typed);
      form.requestSubmit();
      await settle();
      return form;
    }

    it('reads amounts as people type them in each locale', async () => {
      for (const c of TYPED_AMOUNTS) {
        restore = useNavigatorLanguage(c.locale);
        api.saveCampaign.mockClear();
        await submitNew(c.currency, c.typed);
        expect(api.saveCampaign).toHaveBeenCalledTimes(1);
        expect(api.saveCampaign.mock.calls[0]![0], `${c.locale} ${c.typed}`).toMatchObject({ currency: c.currency, budget: c.minor });
        restore();
      }
    });

    it('refuses what is not an amount at the field and keeps the text', async () => {
      for (const c of REFUSED_AMOUNTS) {
        restore = useNavigatorLanguage(c.locale);
        const form = await submitNew(c.currency, c.typed);
        expect(fieldError(form, 'budget'), `${c.locale} ${c.typed}`).toBe(c.message);
        expect(control(form, 'Budget').value).toBe(c.typed);
        expect(api.saveCampaign).not.toHaveBeenCalled();
        restore();
      }
    });

    it('shows the budget for editing in the webview\u2019s locale', async () => {
      restore = useNavigatorLanguage('de-DE');
      mount(planView({ campaigns: [campaign({ budget: 1_250_050 })] }));
      await settle();
      button(root, 'Edit').click();
      const form = root.querySelector('form.cmp-editor') as HTMLFormElement;
      expect(control(form, 'Budget').value).toBe('12.500,50');
    });
  });
});
