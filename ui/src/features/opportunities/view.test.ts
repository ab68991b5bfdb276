import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlanContext } from '../../app/context';
import { AppError } from '../../ipc/index';
import type { Opportunity } from '../../ipc/bindings/Opportunity';
import type { PlanItem } from '../../ipc/bindings/PlanItem';
import type { PlanView } from '../../ipc/bindings/PlanView';
import { formatMoneyForDisplay as formatMoney } from '../../shared/money-input';
import { REFUSED_AMOUNTS, TYPED_AMOUNTS, useNavigatorLanguage } from '../../shared/test-locales';
import { opportunitiesView, parseDate, parseProbability } from './view';

const PLAN = '00000000-0000-4000-8000-000000000001';
const FIN = '00000000-0000-4000-8000-0000000000f1';
const OPS = '00000000-0000-4000-8000-0000000000f2';
const OPP = '00000000-0000-4000-8000-0000000000e1';
const OFF = '00000000-0000-4000-8000-0000000000d1';
const OLD = '00000000-0000-4000-8000-0000000000d2';

const eur = (m: number) => formatMoney(m, 'EUR');

/** Figures here do not follow from the records: the UI must show them, not compute them. */
function planView(): PlanView {
  return {
    plan: { id: PLAN, period: 'FY2027', currency: 'EUR' },
    account: { competitors: [], initiatives: [] },
    buying_centers: [
      { id: FIN, name: 'Finance', weighted_pipeline: 31_415_00, position: 0 },
      { id: OPS, name: 'Operations', weighted_pipeline: 0, position: 1 },
    ],
    totals: { open_pipeline: 111_111_00, weighted_pipeline: 31_415_00, won: 22_222_00, lost: 11_111_00 },
    opportunities: [
      {
        id: OPP,
        name: 'Ledger migration',
        buying_center_id: FIN,
        offering_id: null,
        amount: 100_000_00,
        stage: 'develop',
        probability_pct: 30,
        close_on: '2027-03-31',
        status: 'open',
      },
    ],
    white_space: {
      rows: [FIN, OPS],
      columns: [
        { id: OFF, name: 'Cloud ERP', family: 'ERP', retired: false },
        { id: OLD, name: 'On-prem ERP', family: 'ERP', retired: true },
      ],
      cells: [],
    },
  } as unknown as PlanView;
}

type Ctx = PlanContext & { save: ReturnType<typeof vi.fn>; navigate: ReturnType<typeof vi.fn> };

function fakeContext(view: PlanView, readonly = false): Ctx {
  return {
    view,
    readonly,
    save: vi.fn(async () => view),
    saveAccount: vi.fn(),
    replaceView: vi.fn(),
    navigate: vi.fn(),
  } as unknown as Ctx;
}

let root: HTMLElement;
let cleanup: void | (() => void);

function mount(ctx: Ctx): void {
  if (typeof cleanup === 'function') cleanup();
  cleanup = opportunitiesView(root, ctx);
}

function control<E extends HTMLElement = HTMLInputElement>(label: string): E {
  const el = Array.from(root.querySelectorAll<E>('[aria-label]')).find((e) => e.getAttribute('aria-label') === label);
  if (!el) throw new Error(`no control labelled ${label}`);
  return el;
}

function key(el: HTMLElement, k: string): void {
  el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
}

function type(el: HTMLInputElement, text: string): void {
  el.focus();
  el.value = text;
}

function choose(sel: HTMLSelectElement, value: string): void {
  sel.value = value;
  sel.dispatchEvent(new Event('change'));
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function saved(ctx: Ctx, call = 0): Opportunity {
  const upserts = ctx.save.mock.calls[call][0] as PlanItem[];
  expect(upserts).toHaveLength(1);
  expect(upserts[0].kind).toBe('opportunity');
  return upserts[0].item as Opportunity;
}

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  if (typeof cleanup === 'function') cleanup();
  cleanup = undefined;
  root.remove();
});

describe('opportunities', () => {
  it('summarises the pipeline with the view\u2019s figures', () => {
    mount(fakeContext(planView()));
    const fig = (name: string) => root.querySelector(`[data-figure="${name}"] strong`)?.textContent;
    expect(fig('open_pipeline')).toBe(eur(111_111_00));
    expect(fig('weighted_pipeline')).toBe(eur(31_415_00));
    expect(fig('won')).toBe(eur(22_222_00));
    expect(fig('lost')).toBe(eur(11_111_00));
    expect(root.querySelector(`[data-buying-center="${FIN}"]`)?.textContent).toBe(`Finance ${eur(31_415_00)}`);
    expect(root.querySelector(`[data-buying-center="${OPS}"]`)?.textContent).toBe(`Operations ${eur(0)}`);
  });

  it('lists the opportunity with editable fields', () => {
    mount(fakeContext(planView()));
    expect(control('Name of opportunity Ledger migration').value).toBe('Ledger migration');
    expect(control<HTMLSelectElement>('Buying center of Ledger migration').value).toBe(FIN);
    const offering = control<HTMLSelectElement>('Offering of Ledger migration');
    expect(Array.from(offering.options).map((o) => [o.textContent, o.disabled])).toEqual([
      ['No offering', false],
      ['Cloud ERP \u00b7 ERP', false],
      ['On-prem ERP (retired)', true],
    ]);
    expect(control('Amount of Ledger migration').value).toBe(eur(100_000_00));
    expect(control<HTMLSelectElement>('Stage of Ledger migration').value).toBe('develop');
    expect(control('Probability of Ledger migration, percent').value).toBe('30%');
    expect(control('Close date of Ledger migration').value).toBe('2027-03-31');
    expect(control<HTMLSelectElement>('Status of Ledger migration').value).toBe('open');
  });

  it('saves each field as one edit of the whole record', async () => {
    const ctx = fakeContext(planView());
    mount(ctx);
    choose(control<HTMLSelectElement>('Offering of Ledger migration'), OFF);
    await flush();
    expect(saved(ctx, 0)).toEqual({ ...planView().opportunities[0], offering_id: OFF });

    const amount = control('Amount of Ledger migration');
    type(amount, '250,000');
    key(amount, 'Enter');
    await flush();
    expect(saved(ctx, 1).amount).toBe(250_000_00);

    choose(control<HTMLSelectElement>('Stage of Ledger migration'), 'negotiate');
    await flush();
    expect(saved(ctx, 2).stage).toBe('negotiate');

    const close = control('Close date of Ledger migration');
    type(close, '2027-06-30');
    key(close, 'Enter');
    await flush();
    expect(saved(ctx, 3).close_on).toBe('2027-06-30');

    choose(control<HTMLSelectElement>('Status of Ledger migration'), 'won');
    await flush();
    expect(saved(ctx, 4).status).toBe('won');

    // After the shell re-rendered with the offering set, "No offering" clears it.
    const withOffering = planView();
    withOffering.opportunities[0].offering_id = OFF;
    const ctx2 = fakeContext(withOffering);
    mount(ctx2);
    choose(control<HTMLSelectElement>('Offering of Ledger migration'), '');
    await flush();
    expect(saved(ctx2).offering_id).toBeNull();
  });

  it('shows the back end\u2019s range message at the probability', async () => {
    const ctx = fakeContext(planView());
    ctx.save.mockRejectedValueOnce(new AppError('out_of_range', 'Probability must be between 0 and 100 (got 150)', 'probability_pct'));
    mount(ctx);
    const prob = control('Probability of Ledger migration, percent');
    type(prob, '150');
    key(prob, 'Enter');
    await flush();
    await flush();
    expect(saved(ctx).probability_pct).toBe(150);
    expect(prob.closest('td')?.querySelector('.field-error')?.textContent).toBe('Probability must be between 0 and 100 (got 150)');
    expect(prob.value).toBe('150');
  });

  it('adds an opportunity with the defaults', async () => {
    const ctx = fakeContext(planView());
    mount(ctx);
    choose(root.querySelector<HTMLSelectElement>('#opp-new-bc')!, OPS);
    const name = root.querySelector<HTMLInputElement>('#opp-new-name')!;
    type(name, 'Data platform');
    key(name, 'Enter');
    await flush();
    const item = saved(ctx);
    expect(item).toMatchObject({
      name: 'Data platform',
      buying_center_id: OPS,
      offering_id: null,
      amount: 0,
      stage: 'qualify',
      probability_pct: 10,
      close_on: null,
      status: 'open',
    });
    expect(item.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('asks for the buying center before adding', async () => {
    const ctx = fakeContext(planView());
    mount(ctx);
    choose(root.querySelector<HTMLSelectElement>('#opp-new-bc')!, '');
    const name = root.querySelector<HTMLInputElement>('#opp-new-name')!;
    type(name, 'Data platform');
    key(name, 'Enter');
    await flush();
    expect(ctx.save).not.toHaveBeenCalled();
    const bc = root.querySelector<HTMLSelectElement>('#opp-new-bc')!;
    expect(bc.closest('.field')?.querySelector('.field-error')?.textContent).toBe('Choose the buying center it belongs to');
    expect(name.value).toBe('Data platform');
  });

  it('deletes after a confirmation', async () => {
    const ctx = fakeContext(planView());
    mount(ctx);
    control<HTMLButtonElement>('Delete opportunity Ledger migration').click();
    const dialog = root.querySelector('.opp-delete-row')!;
    expect(dialog.textContent).toContain('Delete the opportunity \u201cLedger migration\u201d?');
    Array.from(dialog.querySelectorAll('button')).find((b) => b.textContent === 'Delete opportunity')!.click();
    await flush();
    expect(ctx.save).toHaveBeenCalledWith([], [{ kind: 'opportunity', id: OPP }]);
  });

  it('sends to the buying centers when there are none', () => {
    const view = planView();
    view.buying_centers = [];
    const ctx = fakeContext(view);
    mount(ctx);
    Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'Go to buying centers')!.click();
    expect(ctx.navigate).toHaveBeenCalledWith(`#/plan/${PLAN}/buying-centers`);
  });

  it('renders markup in names as text', () => {
    const view = planView();
    view.opportunities[0].name = '<img src=x onerror=alert(1)>';
    view.buying_centers[0].name = '<i>Finance</i>';
    mount(fakeContext(view));
    expect(root.querySelector('img, i')).toBeNull();
    expect(root.textContent).toContain('<i>Finance</i>');
  });

  it('shows a snapshot without edit controls', () => {
    mount(fakeContext(planView(), true));
    expect(root.querySelectorAll('input, select, button')).toHaveLength(0);
    expect(root.querySelector(`tr[data-id="${OPP}"]`)?.textContent).toContain('Ledger migration');
  });
});

describe('parsing', () => {
  it('reads probabilities, leaving the 0-100 rule to the back end', () => {
    expect(parseProbability('40')).toEqual({ ok: true, value: 40 });
    expect(parseProbability('150')).toEqual({ ok: true, value: 150 });
    expect(parseProbability('-1')).toEqual({ ok: false, message: 'Probability must be between 0 and 100' });
    expect(parseProbability('forty')).toEqual({ ok: false, message: 'Enter a whole percent like 40' });
  });

  it('reads dates', () => {
    expect(parseDate('')).toEqual({ ok: true, value: null });
    expect(parseDate('2027-02-28')).toEqual({ ok: true, value: '2027-02-28' });
    expect(parseDate('2027-02-30')).toMatchObject({ ok: false });
    expect(parseDate('31/03/2027')).toMatchObject({ ok: false });
  });
});

describe('the amount in every locale', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());
  // A plan of its own per case: the edit session forgets drafts and focus when the plan changes.
  let plans = 0;
  const viewIn = (currency: string): PlanView => {
    const view = planView();
    view.plan = { ...view.plan, id: `locale-plan-${++plans}`, currency };
    return view;
  };

  it('reads amounts as people type them in each locale', async () => {
    for (const c of TYPED_AMOUNTS) {
      restore = useNavigatorLanguage(c.locale);
      const ctx = fakeContext(viewIn(c.currency));
      mount(ctx);
      const amount = control('Amount of Ledger migration');
      type(amount, c.typed);
      key(amount, 'Enter');
      await flush();
      expect(saved(ctx).amount, `${c.locale} ${c.typed}`).toBe(c.minor);
      amount.blur();
      restore();
    }
  });

  it('refuses what is not an amount at the cell and keeps the text', async () => {
    for (const c of REFUSED_AMOUNTS) {
      restore = useNavigatorLanguage(c.locale);
      const ctx = fakeContext(viewIn(c.currency));
      mount(ctx);
      const amount = control('Amount of Ledger migration');
      type(amount, c.typed);
      key(amount, 'Enter');
      await flush();
      expect(ctx.save, `${c.locale} ${c.typed}`).not.toHaveBeenCalled();
      expect(amount.closest('td')?.querySelector('.field-error')?.textContent).toBe(c.message);
      expect(amount.value).toBe(c.typed);
      amount.blur();
      restore();
    }
  });

  it('shows the amount in the webview\u2019s locale', () => {
    restore = useNavigatorLanguage('fr-FR');
    mount(fakeContext(viewIn('EUR')));
    const amount = control('Amount of Ledger migration');
    expect(amount.value.replace(/\s/g, ' ')).toBe('100 000 €');
  });
});
