import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const deleteBuyingCenter = vi.fn();
vi.mock('../../ipc/api', () => ({
  api: { deleteBuyingCenter: (...args: unknown[]) => deleteBuyingCenter(...args) },
}));

import { AppError } from '../../ipc/index';
import type { BuyingCenter } from '../../ipc/bindings/BuyingCenter';
import type { PlanItem } from '../../ipc/bindings/PlanItem';
import type { PlanView } from '../../ipc/bindings/PlanView';
import { formatPercent } from '../../shared/format';
import { amountExample, formatMoneyForDisplay } from '../../shared/money-input';
import { REFUSED_AMOUNTS, TYPED_AMOUNTS, useNavigatorLanguage } from '../../shared/test-locales';
import { IDS, fakeContext, planView, type FakeContext } from './test-fixture';
import { buyingCentersView } from './view';

const eur = (minor: number) => formatMoneyForDisplay(minor, 'EUR');

let root: HTMLElement;
let cleanup: void | (() => void);

function mount(ctx: FakeContext): void {
  if (typeof cleanup === 'function') cleanup();
  cleanup = buyingCentersView(root, ctx);
}

/** The rows of one buying center (a <tbody>). */
function row(id: string): HTMLElement {
  const tr = root.querySelector<HTMLElement>(`tbody[data-id="${id}"]`);
  if (!tr) throw new Error(`row ${id} not found`);
  return tr;
}

function input(label: string): HTMLInputElement {
  const el = Array.from(root.querySelectorAll<HTMLInputElement>('[aria-label]')).find((e) => e.getAttribute('aria-label') === label);
  if (!el) throw new Error(`no control labelled ${label}`);
  return el;
}

function key(el: HTMLElement, k: string): void {
  el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
}

function type(el: HTMLInputElement, text: string): void {
  el.focus();
  el.value = text;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function savedBuyingCenter(ctx: FakeContext, call = 0): BuyingCenter {
  const upserts = ctx.save.mock.calls[call][0] as PlanItem[];
  expect(upserts).toHaveLength(1);
  expect(upserts[0].kind).toBe('buying_center');
  return upserts[0].item as BuyingCenter;
}

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  deleteBuyingCenter.mockReset();
});

afterEach(() => {
  if (typeof cleanup === 'function') cleanup();
  cleanup = undefined;
  root.remove();
});

describe('buying centers table', () => {
  it('shows the figures of the view, not figures of its own', () => {
    mount(fakeContext(planView()));
    const finance = row(IDS.finance);
    const cell = (col: string) => finance.querySelector(`td[data-col="${col}"]`)?.textContent ?? '';
    // 100,000 / 400,000 would be 25%; the view says 42.4%.
    expect(cell('wallet_share')).toBe(formatPercent(0.424));
    expect(cell('headroom')).toBe(eur(777_777_00));
    // The forecast is the core's total (61,000 + 7,000 + 5,000), not revenue + pipeline.
    expect(cell('forecast')).toBe(eur(73_000_00));
    expect(cell('gap_to_goal')).toBe(eur(123_456_00));
    const parts = finance.parentElement!.querySelector('[data-figure="forecast-parts"]')!.textContent!;
    expect(parts).toBe(`Base ${eur(61_000_00)} + won ${eur(7_000_00)} + weighted ${eur(5_000_00)}`);
    expect(finance.parentElement!.querySelector('[data-figure="not-allocated"]')!.textContent).toBe(
      `Not allocated to an offering: ${eur(44_444_00)}`,
    );

    const foot = root.querySelector('tfoot tr')!.textContent!;
    expect(foot).toContain(eur(600_000_00));
    expect(foot).toContain(formatPercent(0.5151));
    expect(foot).toContain(eur(999_999_00));
    expect(foot).toContain(eur(88_888_00));
    expect(foot).toContain(eur(223_000_00));
  });

  it('explains the account forecast with the core labels, parts shown apart marked as not counted', () => {
    mount(fakeContext(planView()));
    const panel = root.querySelector('.bc-forecast-panel')!;
    const rows = Array.from(panel.querySelectorAll('tr')).map((tr) => [tr.getAttribute('data-part'), tr.className, tr.textContent]);
    expect(rows.map((r) => r[0])).toEqual([
      'recurring_base',
      'won_in_period',
      'weighted_in_period',
      'next_period_weighted',
      'total',
      'gap',
      'not_allocated',
    ]);
    expect(rows[3][1]).toBe('apart');
    expect(rows[3][2]).toContain("Next period's pipeline (weighted, not counted)");
    expect(rows[4][2]).toContain(eur(223_000_00));
    expect(rows[5][2]).toContain(eur(88_888_00));
    expect(rows[6][2]).toContain(eur(55_555_00));
  });

  it('shows money formatted when not focused and plainly while editing', () => {
    mount(fakeContext(planView()));
    const wallet = input('Total wallet of Finance');
    expect(wallet.value).toBe(eur(400_000_00));
    wallet.focus();
    expect(wallet.value).toBe(new Intl.NumberFormat().format(400000));
    wallet.blur();
    expect(wallet.value).toBe(eur(400_000_00));
  });

  it('shows warnings as an amber note beside their field, without blocking', () => {
    mount(fakeContext(planView()));
    const revenueCell = input('Our revenue of Finance').closest('td')!;
    const note = revenueCell.querySelector('.field-warning')!;
    expect(note.textContent).toContain('Our revenue is above the estimated total wallet');
    expect(note.querySelector('.warn-icon')?.textContent).toBe('\u26a0');
    const goalCell = input('Sales goal of Operations').closest('td')!;
    expect(goalCell.querySelector('.field-warning')?.textContent).toContain('below current revenue');
    expect(input('Sales goal of Operations').disabled).toBe(false);
  });

  it('saves one field on Enter, the rest of the record unchanged', async () => {
    const ctx = fakeContext(planView());
    mount(ctx);
    const wallet = input('Total wallet of Finance');
    type(wallet, '1,250,000.50');
    key(wallet, 'Enter');
    await flush();
    expect(ctx.save).toHaveBeenCalledTimes(1);
    const item = savedBuyingCenter(ctx);
    expect(item).toEqual({
      id: IDS.finance,
      name: 'Finance',
      description: '',
      total_wallet: 125_000_050,
      our_revenue: 100_000_00,
      sales_goal: 250_000_00,
      target_share_pct: 40,
      relationship_status: 'preferred_supplier',
      initiative_ids: [IDS.cloud],
      competitors: [
        { competitor_id: IDS.acme, share_pct: 30 },
        { competitor_id: IDS.globex, share_pct: 10 },
      ],
      position: 0,
    });
  });

  it('saves when Tab leaves a changed cell, and not when nothing changed', async () => {
    const ctx = fakeContext(planView());
    mount(ctx);
    const goal = input('Sales goal of Finance');
    goal.focus();
    goal.blur();
    await flush();
    expect(ctx.save).not.toHaveBeenCalled();
    type(goal, '300000');
    goal.blur();
    await flush();
    expect(savedBuyingCenter(ctx).sales_goal).toBe(300_000_00);
  });

  it('refuses letters before calling the back end', async () => {
    const ctx = fakeContext(planView());
    mount(ctx);
    const revenue = input('Our revenue of Finance');
    type(revenue, '12abc');
    key(revenue, 'Enter');
    await flush();
    expect(ctx.save).not.toHaveBeenCalled();
    const cell = revenue.closest('td')!;
    expect(cell.querySelector('.field-error')?.textContent).toBe(`Enter an amount like ${amountExample()}`);
    expect(revenue.getAttribute('aria-invalid')).toBe('true');
    expect(revenue.value).toBe('12abc');
  });

  it('shows a refusal of the back end at its cell and keeps the typed value, also after a re-render', async () => {
    const ctx = fakeContext(planView());
    ctx.save.mockRejectedValueOnce(new AppError('negative', 'Total wallet cannot be negative', 'total_wallet'));
    mount(ctx);
    const wallet = input('Total wallet of Finance');
    type(wallet, '-5');
    key(wallet, 'Enter');
    await flush();
    await flush();
    expect(savedBuyingCenter(ctx).total_wallet).toBe(-500);
    const message = () => input('Total wallet of Finance').closest('td')!.querySelector<HTMLElement>('.field-error')!;
    expect(message().textContent).toBe('Total wallet cannot be negative');
    expect(message().hidden).toBe(false);
    expect(wallet.value).toBe('-5');

    // The shell re-renders (another save elsewhere): the refused value and message stay.
    wallet.blur();
    mount(fakeContext(planView()));
    expect(input('Total wallet of Finance').value).toBe('-5');
    expect(message().textContent).toBe('Total wallet cannot be negative');

    // Escape puts the saved value back and clears the message.
    const again = input('Total wallet of Finance');
    again.focus();
    key(again, 'Escape');
    expect(again.value).toBe(new Intl.NumberFormat().format(400000));
    expect(message().hidden).toBe(true);
  });

  it('shows a duplicate-name refusal at the name', async () => {
    const ctx = fakeContext(planView());
    ctx.save.mockRejectedValueOnce(new AppError('conflict', 'There is already a buying center named "Finance"', 'name'));
    mount(ctx);
    const name = input('Name of buying center Operations');
    type(name, 'finance');
    key(name, 'Enter');
    await flush();
    await flush();
    expect(name.closest('th')!.querySelector('.field-error')?.textContent).toBe('There is already a buying center named "Finance"');
    expect(name.value).toBe('finance');
  });

  it('builds each save on the view the previous save returned', async () => {
    const first = planView();
    const afterFirst = planView();
    afterFirst.buying_centers[0].total_wallet = 500_000_00;
    const ctx = fakeContext(first);
    ctx.save.mockResolvedValueOnce(afterFirst).mockResolvedValueOnce(afterFirst);
    mount(ctx);
    const wallet = input('Total wallet of Finance');
    type(wallet, '500000');
    wallet.blur(); // Tab away: saves the wallet...
    const revenue = input('Our revenue of Finance');
    type(revenue, '120000');
    key(revenue, 'Enter'); // ...and the revenue, before the shell re-rendered
    await flush();
    await flush();
    expect(ctx.save).toHaveBeenCalledTimes(2);
    const second = savedBuyingCenter(ctx, 1);
    expect(second.total_wallet).toBe(500_000_00);
    expect(second.our_revenue).toBe(120_000_00);
  });

  it('keeps the focus and the text being typed when the view re-renders', async () => {
    const ctx = fakeContext(planView());
    mount(ctx);
    const wallet = input('Total wallet of Finance');
    type(wallet, '500000');
    wallet.blur(); // Tab: the wallet saves...
    const revenue = input('Our revenue of Finance');
    type(revenue, '123'); // ...while the user already types in the next cell
    await flush();
    mount(fakeContext(planView())); // the shell re-renders after the save
    const again = input('Our revenue of Finance');
    expect(again).not.toBe(revenue);
    expect(document.activeElement).toBe(again);
    expect(again.value).toBe('123');
    key(again, 'Enter');
    await flush();
    expect(ctx.save).toHaveBeenCalledTimes(1); // the first context saved the wallet
  });

  it('edits relationship, initiatives and competitor shares', async () => {
    const ctx = fakeContext(planView());
    mount(ctx);
    const rel = root.querySelector<HTMLSelectElement>('[aria-label="Relationship status of Finance"]')!;
    expect(Array.from(rel.options).map((o) => o.textContent)).toEqual([
      'None',
      'Transactional',
      'Preferred supplier',
      'Strategic partner',
      'Trusted advisor',
    ]);
    rel.value = 'trusted_advisor';
    rel.dispatchEvent(new Event('change'));
    await flush();
    expect(savedBuyingCenter(ctx, 0).relationship_status).toBe('trusted_advisor');

    const chips = Array.from(row(IDS.finance).querySelectorAll<HTMLButtonElement>('button.chip'));
    expect(chips.map((c) => [c.textContent?.trim(), c.getAttribute('aria-pressed')])).toEqual([
      ['\u2713 Move to cloud', 'true'],
      ['+ Cut cost', 'false'],
    ]);
    chips[1].click();
    await flush();
    expect(savedBuyingCenter(ctx, 1).initiative_ids).toEqual([IDS.cloud, IDS.cost]);

    const share = input("Acme's estimated share of Finance's wallet, percent");
    expect(share.value).toBe('30%');
    type(share, '35');
    key(share, 'Enter');
    await flush();
    expect(savedBuyingCenter(ctx, 2).competitors).toEqual([
      { competitor_id: IDS.acme, share_pct: 35 },
      { competitor_id: IDS.globex, share_pct: 10 },
    ]);

    row(IDS.finance).querySelector<HTMLButtonElement>('[aria-label="Remove Globex from Finance"]')!.click();
    await flush();
    expect(savedBuyingCenter(ctx, 3).competitors).toEqual([{ competitor_id: IDS.acme, share_pct: 30 }]);
  });

  it('adds a competitor to a buying center with a share of zero', async () => {
    const ctx = fakeContext(planView());
    mount(ctx);
    const pick = root.querySelector<HTMLSelectElement>('[aria-label="Competitor to add to Operations"]')!;
    pick.value = IDS.globex;
    key(pick, 'Enter');
    await flush();
    expect(savedBuyingCenter(ctx).competitors).toEqual([{ competitor_id: IDS.globex, share_pct: 0 }]);
  });

  it('adds a buying center with zeros after the last position', async () => {
    const ctx = fakeContext(planView());
    mount(ctx);
    const name = input('Name of a new buying center (Enter adds it)');
    type(name, '  Logistics ');
    key(name, 'Enter');
    expect(name.value).toBe('');
    await flush();
    const item = savedBuyingCenter(ctx);
    expect(item).toMatchObject({
      name: 'Logistics',
      total_wallet: 0,
      our_revenue: 0,
      sales_goal: 0,
      target_share_pct: null,
      relationship_status: 'none',
      initiative_ids: [],
      competitors: [],
      position: 4,
    });
    expect(item.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('renders markup in names as text', () => {
    const view = planView();
    const evil = '<img src=x onerror="window.__pwned=1">';
    view.buying_centers[0].name = evil;
    view.account.competitors[0].name = '<b>Acme</b>';
    mount(fakeContext(view));
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(input(`Name of buying center ${evil}`).value).toBe(evil);
    expect(root.textContent).toContain('<b>Acme</b>');
  });

  it('shows a snapshot without edit controls', () => {
    mount(fakeContext(planView(), { readonly: true }));
    expect(root.querySelectorAll('input, select, button')).toHaveLength(0);
    expect(row(IDS.finance).textContent).toContain('Finance');
    expect(row(IDS.finance).textContent).toContain(eur(400_000_00));
    expect(row(IDS.finance).querySelector('.field-warning')).not.toBeNull();
  });
});

describe('deleting a buying center', () => {
  it('asks where its contacts, opportunities and cells go, then moves them', async () => {
    const view = planView();
    const after = { ...planView(), buying_centers: [planView().buying_centers[1]] } as PlanView;
    deleteBuyingCenter.mockResolvedValueOnce(after);
    const ctx = fakeContext(view);
    mount(ctx);
    row(IDS.finance).querySelector<HTMLButtonElement>('[aria-label="Delete buying center Finance"]')!.click();
    const dialog = root.querySelector('.bc-delete-row')!;
    expect(dialog.textContent).toContain('Move its 2 contacts, 1 opportunity and 1 white-space cell to');
    expect(dialog.textContent).toContain('Delete them with it');
    const target = dialog.querySelector<HTMLSelectElement>('select')!;
    expect(Array.from(target.options).map((o) => o.textContent)).toEqual(['Operations']);
    Array.from(dialog.querySelectorAll('button')).find((b) => b.textContent === 'Delete buying center')!.click();
    await flush();
    expect(deleteBuyingCenter).toHaveBeenCalledWith(IDS.plan, IDS.finance, IDS.ops);
    expect(ctx.replaceView).toHaveBeenCalledWith(after);
  });

  it('deletes the dependents with it when asked to', async () => {
    deleteBuyingCenter.mockResolvedValueOnce(planView());
    const ctx = fakeContext(planView());
    mount(ctx);
    row(IDS.finance).querySelector<HTMLButtonElement>('[aria-label="Delete buying center Finance"]')!.click();
    const dialog = root.querySelector('.bc-delete-row')!;
    const radio = dialog.querySelector<HTMLInputElement>('input[value="delete"]')!;
    radio.checked = true;
    radio.dispatchEvent(new Event('change'));
    Array.from(dialog.querySelectorAll('button')).find((b) => b.textContent === 'Delete buying center')!.click();
    await flush();
    expect(deleteBuyingCenter).toHaveBeenCalledWith(IDS.plan, IDS.finance, null);
  });

  it('asks a plain question when nothing depends on it, and Cancel keeps it', async () => {
    const ctx = fakeContext(planView());
    mount(ctx);
    row(IDS.ops).querySelector<HTMLButtonElement>('[aria-label="Delete buying center Operations"]')!.click();
    const dialog = root.querySelector('.bc-delete-row')!;
    expect(dialog.textContent).toContain('Delete \u201cOperations\u201d? It has no contacts, opportunities or white-space cells.');
    expect(dialog.querySelector('select')).toBeNull();
    Array.from(dialog.querySelectorAll('button')).find((b) => b.textContent === 'Cancel')!.click();
    expect(root.querySelector('.bc-delete-row')).toBeNull();
    expect(deleteBuyingCenter).not.toHaveBeenCalled();
  });

  it('shows a refusal in the question', async () => {
    deleteBuyingCenter.mockRejectedValueOnce(new AppError('not_found', 'The buying center to move them to not found', 'move_to'));
    mount(fakeContext(planView()));
    row(IDS.ops).querySelector<HTMLButtonElement>('[aria-label="Delete buying center Operations"]')!.click();
    Array.from(root.querySelectorAll('.bc-delete-row button')).find((b) => b.textContent === 'Delete buying center')!.dispatchEvent(new MouseEvent('click'));
    await flush();
    await flush();
    expect(root.querySelector('.bc-delete-row .error-text')?.textContent).toContain('not found');
  });
});

describe('money cells in every locale', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());
  const cells = [
    ['total_wallet', 'Total wallet'],
    ['our_revenue', 'Our revenue'],
    ['sales_goal', 'Sales goal'],
  ] as const;
  // A plan of its own per case: the edit session forgets drafts and focus when the plan changes.
  let plans = 0;
  const viewIn = (currency: string): PlanView => {
    const view = planView();
    view.plan = { ...view.plan, id: `locale-plan-${++plans}`, currency };
    return view;
  };

  for (const [field, what] of cells) {
    it(`${what}: reads amounts as people type them in each locale`, async () => {
      for (const c of TYPED_AMOUNTS) {
        restore = useNavigatorLanguage(c.locale);
        const ctx = fakeContext(viewIn(c.currency));
        mount(ctx);
        const cell = input(`${what} of Finance`);
        type(cell, c.typed);
        key(cell, 'Enter');
        await flush();
        expect(savedBuyingCenter(ctx)[field], `${c.locale} ${c.typed}`).toBe(c.minor);
        cell.blur();
        restore();
      }
    });

    it(`${what}: refuses what is not an amount at the cell and keeps the text`, async () => {
      for (const c of REFUSED_AMOUNTS) {
        restore = useNavigatorLanguage(c.locale);
        const ctx = fakeContext(viewIn(c.currency));
        mount(ctx);
        const cell = input(`${what} of Finance`);
        type(cell, c.typed);
        key(cell, 'Enter');
        await flush();
        expect(ctx.save, `${c.locale} ${c.typed}`).not.toHaveBeenCalled();
        expect(cell.closest('td')!.querySelector('.field-error')?.textContent).toBe(c.message);
        expect(cell.value).toBe(c.typed);
        cell.blur();
        restore();
      }
    });
  }

  it('shows the saved amounts in the webview\u2019s locale', () => {
    restore = useNavigatorLanguage('de-DE');
    mount(fakeContext(viewIn('EUR')));
    const wallet = input('Total wallet of Finance');
    expect(wallet.value.replace(/\s/g, ' ')).toBe('400.000 €');
    wallet.focus();
    expect(wallet.value).toBe('400.000');
  });
});
