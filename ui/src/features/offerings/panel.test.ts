import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Offering } from '../../ipc/bindings/Offering';
import type { PlanView } from '../../ipc/bindings/PlanView';
import type { PlanContext } from '../../app/context';

const api = vi.hoisted(() => ({
  listOfferings: vi.fn(),
  saveOffering: vi.fn(),
  planView: vi.fn(),
}));
vi.mock('../../ipc/api', () => ({ api }));

import { REFUSED_AMOUNTS, TYPED_AMOUNTS, useNavigatorLanguage } from '../../shared/test-locales';
import { offeringsPanel } from './panel';

const off = (id: string, name: string, family: string, retired = false): Offering => ({
  id,
  name,
  family,
  description: `${name} description`,
  typical_deal_size: 25000000,
  currency: 'EUR',
  retired,
});

const catalog = [off('o2', 'Route Optimizer', 'Platform'), off('o1', '<i>Spend</i> Analytics', 'Analytics'), off('o3', 'Old Box', 'Platform', true)];
const view = { plan: { id: 'plan-7', currency: 'EUR' } } as unknown as PlanView;
const newView = { plan: { id: 'plan-7', currency: 'EUR' }, marker: 'fresh' } as unknown as PlanView;

let root: HTMLElement;
let dispose: () => void;
let ctx: PlanContext & { replaceView: ReturnType<typeof vi.fn> };

function makeCtx(readonly = false) {
  return {
    view,
    readonly,
    save: vi.fn(),
    saveAccount: vi.fn(),
    replaceView: vi.fn(),
    navigate: vi.fn(),
    href: vi.fn(),
  } as unknown as PlanContext & { replaceView: ReturnType<typeof vi.fn> };
}

const text = (el: Element | null) => (el?.textContent ?? '').trim();
const rows = () => Array.from(root.querySelectorAll<HTMLTableRowElement>('table.off-table tbody tr'));

beforeEach(() => {
  api.listOfferings.mockReset().mockResolvedValue(catalog);
  api.saveOffering.mockReset();
  api.planView.mockReset().mockResolvedValue(newView);
  root = document.createElement('div');
  document.body.appendChild(root);
  ctx = makeCtx();
});
afterEach(() => {
  dispose?.();
  root.remove();
});

async function mounted(c = ctx) {
  dispose = offeringsPanel(root, c);
  await vi.waitFor(() => expect(rows().length).toBeGreaterThan(0));
}

describe('offerings catalog', () => {
  it('lists offerings by family then name, retired ones marked, names as text', async () => {
    await mounted();
    expect(rows().map((r) => text(r.cells[0]!))).toEqual(['<i>Spend</i> Analytics', 'Old Box', 'Route Optimizer']);
    expect(root.querySelector('i')).toBeNull();
    const retired = rows()[1]!;
    expect(retired.classList.contains('retired')).toBe(true);
    expect(text(retired)).toContain('Retired');
    expect(text(retired)).toContain('Reinstate');
    expect(text(rows()[0]!.cells[3]!)).toBe('€250,000.00');
  });

  it('adds an offering, then refreshes the plan so the matrix gets the column', async () => {
    await mounted();
    const saved = [...catalog, off('o9', 'Yard OS', 'Platform')];
    api.saveOffering.mockResolvedValue(saved);
    root.querySelector<HTMLButtonElement>('.page-header button.primary')!.click();
    const form = root.querySelector<HTMLFormElement>('form.off-form')!;
    form.querySelector<HTMLInputElement>('[name="name"]')!.value = 'Yard OS';
    form.querySelector<HTMLInputElement>('[name="family"]')!.value = ' Platform ';
    form.querySelector<HTMLTextAreaElement>('[name="description"]')!.value = 'Yard management';
    form.querySelector<HTMLInputElement>('[name="typical_deal_size"]')!.value = '150,000';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await vi.waitFor(() => expect(ctx.replaceView).toHaveBeenCalledWith(newView));
    const sent = api.saveOffering.mock.calls[0]![0] as Offering;
    expect(sent).toMatchObject({
      name: 'Yard OS',
      family: 'Platform',
      description: 'Yard management',
      typical_deal_size: 15000000,
      currency: 'EUR',
      retired: false,
    });
    expect(sent.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(api.planView).toHaveBeenCalledWith('plan-7');
  });

  it('retires an offering (it stays, greyed out)', async () => {
    await mounted();
    api.saveOffering.mockResolvedValue(catalog);
    const route = rows().find((r) => r.dataset.id === 'o2')!;
    Array.from(route.querySelectorAll('button')).find((b) => text(b) === 'Retire')!.click();
    await vi.waitFor(() => expect(api.saveOffering).toHaveBeenCalled());
    expect(api.saveOffering.mock.calls[0]![0]).toEqual({ ...catalog[0], retired: true });
    await vi.waitFor(() => expect(ctx.replaceView).toHaveBeenCalled());
  });

  it("shows the back end's message at the field it names", async () => {
    await mounted();
    api.saveOffering.mockRejectedValue(Object.assign(new Error('Offering name is required'), { code: 'empty', field: 'name' }));
    const edit = Array.from(rows()[0]!.querySelectorAll('button')).find((b) => text(b) === 'Edit')!;
    edit.click();
    const form = root.querySelector<HTMLFormElement>('form.off-form')!;
    form.querySelector<HTMLInputElement>('[name="name"]')!.value = '  ';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await vi.waitFor(() => expect(text(form.querySelector('[data-field="name"] .field-error'))).toBe('Offering name is required'));
    expect(ctx.replaceView).not.toHaveBeenCalled();
  });

  it('is read-only in a snapshot', async () => {
    await mounted(makeCtx(true));
    expect(root.querySelector('button')).toBeNull();
  });
});

describe('the typical deal size in every locale', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  /** Opens a new offering's form and submits it with the deal size typed in `currency`. */
  async function submitNew(currency: string, typed: string): Promise<HTMLFormElement> {
    dispose?.();
    root.replaceChildren();
    await mounted();
    root.querySelector<HTMLButtonElement>('.page-header button.primary')!.click();
    const form = root.querySelector<HTMLFormElement>('form.off-form')!;
    form.querySelector<HTMLInputElement>('[name="name"]')!.value = 'Yard OS';
    form.querySelector<HTMLInputElement>('[name="currency"]')!.value = currency;
    form.querySelector<HTMLInputElement>('[name="typical_deal_size"]')!.value = typed;
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    return form;
  }

  it('reads amounts as people type them in each locale', async () => {
    api.saveOffering.mockResolvedValue(catalog);
    for (const c of TYPED_AMOUNTS) {
      restore = useNavigatorLanguage(c.locale);
      api.saveOffering.mockClear();
      await submitNew(c.currency, c.typed);
      await vi.waitFor(() => expect(api.saveOffering).toHaveBeenCalledTimes(1));
      expect(api.saveOffering.mock.calls[0]![0], `${c.locale} ${c.typed}`).toMatchObject({ currency: c.currency, typical_deal_size: c.minor });
      restore();
    }
  });

  it('refuses what is not an amount at the field and keeps the text', async () => {
    for (const c of REFUSED_AMOUNTS) {
      restore = useNavigatorLanguage(c.locale);
      const form = await submitNew(c.currency, c.typed);
      expect(text(form.querySelector('[data-field="typical_deal_size"] .field-error')), `${c.locale} ${c.typed}`).toBe(c.message);
      expect(form.querySelector<HTMLInputElement>('[name="typical_deal_size"]')!.value).toBe(c.typed);
      expect(api.saveOffering).not.toHaveBeenCalled();
      restore();
    }
  });

  it('starts editing with the amount in the webview\u2019s locale', async () => {
    restore = useNavigatorLanguage('de-DE');
    await mounted();
    const edit = Array.from(rows()[0]!.querySelectorAll('button')).find((b) => text(b) === 'Edit')!;
    edit.click();
    expect(root.querySelector<HTMLInputElement>('form.off-form [name="typical_deal_size"]')!.value).toBe('250.000');
  });
});
