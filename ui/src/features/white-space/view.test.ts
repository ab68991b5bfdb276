import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlanItem } from '../../ipc/bindings/PlanItem';
import type { PlanView } from '../../ipc/bindings/PlanView';
import { REFUSED_AMOUNTS, TYPED_AMOUNTS, useNavigatorLanguage } from '../../shared/test-locales';
import { CHART, xOf, yOf } from './chart';
import { whiteSpaceView } from './view';
import {
  BC_EVIL,
  BC_OPS,
  EVIL_NAME,
  OFF_FLEET,
  OFF_SPEND,
  cell,
  fakeCtx,
  sampleView,
  type FakeCtx,
} from './test-fixtures';

let root: HTMLElement;
let cleanup: void | (() => void);

beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  if (typeof cleanup === 'function') cleanup();
  root.remove();
});

function mount(view: PlanView = sampleView(), opts: Parameters<typeof fakeCtx>[1] = {}): FakeCtx {
  const ctx = fakeCtx(view, opts);
  cleanup = whiteSpaceView(root, ctx);
  return ctx;
}

const cellEl = (r: number, c: number) => root.querySelector<HTMLTableCellElement>(`td.ws-cell[data-r="${r}"][data-c="${c}"]`)!;
const text = (el: Element | null) => (el?.textContent ?? '').trim();

function key(target: Element, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const ev = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(ev);
  return ev;
}

function savedItems(ctx: FakeCtx, i: number): PlanItem[] {
  return ctx.saves[i]![0];
}

describe('white-space matrix', () => {
  it('shows each cell as a status letter with the core score, coloured by score', () => {
    mount();
    expect(text(cellEl(0, 0).querySelector('.ws-letter'))).toBe('\u00b7'); // not assessed
    expect(text(cellEl(0, 0).querySelector('.ws-score'))).toBe('');
    expect(text(cellEl(0, 1).querySelector('.ws-letter'))).toBe('I');
    expect(text(cellEl(0, 1).querySelector('.ws-score'))).toBe('20');
    expect(cellEl(0, 1).classList.contains('heat-5')).toBe(true);
    expect(text(cellEl(0, 2).querySelector('.ws-letter'))).toBe('O');
    expect(text(cellEl(0, 2).querySelector('.ws-score'))).toBe('10');
    expect(text(cellEl(1, 1).querySelector('.ws-letter'))).toBe('C');
    expect(text(cellEl(1, 1).querySelector('.ws-score'))).toBe('16');
    expect(cellEl(1, 1).classList.contains('heat-4')).toBe(true);
    // The core's warning marks the cell (amber corner) and is spoken.
    expect(cellEl(1, 1).classList.contains('has-warning')).toBe(true);
    expect(cellEl(1, 1).getAttribute('aria-label')).toContain('no competitor is named');
    // Retired offering: greyed column.
    expect(cellEl(0, 2).classList.contains('retired')).toBe(true);
  });

  it('groups offering columns under family headers and sums revenue per row and column', () => {
    mount();
    const families = Array.from(root.querySelectorAll('.ws-families th.ws-family')).map((th) => [
      text(th),
      th.getAttribute('colspan'),
    ]);
    expect(families).toEqual([
      ['Analytics', '1'],
      ['Platform', '2'],
    ]);
    const offHeads = Array.from(root.querySelectorAll('.ws-offerings th.ws-off:not(.ws-total-col)'));
    expect(offHeads.map(text)).toEqual(['Spend Analytics', 'Fleet Telematics', 'Route Optimizer (retired)']);
    // Operations: open = Route 200,000; installed = Fleet 500,000 (EUR, minor units in the view).
    const opsTotals = Array.from(cellEl(0, 0).parentElement!.querySelectorAll('td.ws-total')).map((td) => td.getAttribute('title'));
    expect(opsTotals[0]).toMatch(/200,000\.00/);
    expect(opsTotals[1]).toMatch(/500,000\.00/);
    // Fleet column: open = competitor 300,000; installed = 500,000.
    const footRows = root.querySelectorAll('tfoot tr');
    expect(footRows[0]!.querySelectorAll('td')[1]!.getAttribute('title')).toMatch(/300,000\.00/);
    expect(footRows[1]!.querySelectorAll('td')[1]!.getAttribute('title')).toMatch(/500,000\.00/);
  });

  it('moves focus with the arrow keys (roving tabindex) without re-rendering', () => {
    mount();
    const first = cellEl(0, 0);
    expect(first.tabIndex).toBe(0);
    first.focus();
    const table = root.querySelector('table.ws-matrix');
    key(first, 'ArrowRight');
    expect(document.activeElement).toBe(cellEl(0, 1));
    key(cellEl(0, 1), 'ArrowDown');
    expect(document.activeElement).toBe(cellEl(1, 1));
    key(cellEl(1, 1), 'ArrowDown'); // clamps at the last row
    expect(document.activeElement).toBe(cellEl(1, 1));
    key(cellEl(1, 1), 'End');
    expect(document.activeElement).toBe(cellEl(1, 2));
    expect(cellEl(1, 2).tabIndex).toBe(0);
    expect(cellEl(0, 0).tabIndex).toBe(-1);
    expect(root.querySelectorAll('td.ws-cell[tabindex="0"]')).toHaveLength(1);
    expect(root.querySelector('table.ws-matrix')).toBe(table); // same table: nothing re-rendered
    expect(text(root.querySelector('tbody th.ws-current'))).toBe(EVIL_NAME);
  });

  it('digit keys save the value to us; Shift+digit the value to the customer', async () => {
    const ctx = mount();
    const target = cellEl(1, 1); // competitor cell c3 (4 x 4)
    target.focus();
    key(target, '3', { code: 'Digit3' });
    await vi.waitFor(() => expect(ctx.saves).toHaveLength(1));
    expect(savedItems(ctx, 0)).toEqual([
      { kind: 'cell', item: { ...cell('c3', BC_EVIL, OFF_FLEET, 'competitor', 3, 4, 30000000) } },
    ]);
    key(target, '$', { code: 'Digit4', shiftKey: true });
    await vi.waitFor(() => expect(ctx.saves).toHaveLength(2));
    expect(savedItems(ctx, 1)[0]).toMatchObject({ kind: 'cell', item: { id: 'c3', value_to_us: 4, value_to_customer: 4 } });
    // M swaps: plain digits now set the customer's value.
    key(target, 'm');
    expect(text(root.querySelector('.ws-side'))).toBe('value to the customer');
    key(target, '1', { code: 'Digit1' });
    await vi.waitFor(() => expect(ctx.saves).toHaveLength(3));
    expect(savedItems(ctx, 2)[0]).toMatchObject({ item: { id: 'c3', value_to_us: 4, value_to_customer: 1 } });
    // Keys outside 1-5 do nothing.
    key(target, '7', { code: 'Digit7' });
    key(target, '0', { code: 'Digit0' });
    await Promise.resolve();
    expect(ctx.saves).toHaveLength(3);
  });

  it('a digit on an unassessed cell creates it (new id, status Open)', async () => {
    const ctx = mount();
    cellEl(0, 0).focus();
    key(cellEl(0, 0), '5', { code: 'Digit5' });
    await vi.waitFor(() => expect(ctx.saves).toHaveLength(1));
    const item = savedItems(ctx, 0)[0]!;
    expect(item.kind).toBe('cell');
    expect(item.item).toMatchObject({
      buying_center_id: BC_OPS,
      offering_id: OFF_SPEND,
      status: 'open',
      value_to_us: 5,
      value_to_customer: null,
      estimated_revenue: 0,
    });
    expect((item.item as { id: string }).id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('quick keys on a new cell are saved one after the other on the freshest view (no duplicate cell)', async () => {
    const base = sampleView();
    let release!: () => void;
    const created = cell('new-1', BC_OPS, OFF_SPEND, 'open', 2, null);
    const after = structuredClone(base);
    after.white_space.cells.push({ cell: created, status: 'open', mutual_value_score: null, quadrant: null, opportunity_ids: [], open_opportunity_amount: 0, warnings: [] });
    const ctx = mount(base, {
      save: () => new Promise<PlanView>((resolve) => (release = () => resolve(after))),
    });
    cellEl(0, 0).focus();
    key(cellEl(0, 0), '2', { code: 'Digit2' });
    key(cellEl(0, 0), '@', { code: 'Digit2', shiftKey: true });
    await vi.waitFor(() => expect(ctx.saves).toHaveLength(1));
    release();
    await vi.waitFor(() => expect(ctx.saves).toHaveLength(2));
    expect(savedItems(ctx, 1)[0]).toMatchObject({ item: { id: 'new-1', value_to_us: 2, value_to_customer: 2 } });
    release();
  });

  it("'s' cycles the status the user set", async () => {
    const ctx = mount();
    cellEl(1, 1).focus();
    key(cellEl(1, 1), 's');
    await vi.waitFor(() => expect(ctx.saves).toHaveLength(1));
    expect(savedItems(ctx, 0)[0]).toMatchObject({ kind: 'cell', item: { id: 'c3', status: 'blocked' } });
  });

  it('a snapshot (read-only) moves but never saves', async () => {
    const ctx = mount(sampleView(), { readonly: true });
    cellEl(0, 1).focus();
    key(cellEl(0, 1), '4', { code: 'Digit4' });
    key(cellEl(0, 1), 's');
    key(cellEl(0, 1), 'ArrowLeft');
    expect(document.activeElement).toBe(cellEl(0, 0));
    await Promise.resolve();
    expect(ctx.saves).toHaveLength(0);
  });

  it('Enter opens the detail panel: amber warnings at their field, the back end message at the field it names', async () => {
    const ctx = mount(sampleView(), {
      save: () => Promise.reject(Object.assign(new Error('Value to us must be between 1 and 5 (got 7)'), { code: 'out_of_range', field: 'value_to_us' })),
    });
    cellEl(1, 1).focus();
    key(cellEl(1, 1), 'Enter');
    const panel = root.querySelector('.ws-detail')!;
    expect(panel).not.toBeNull();
    expect(text(panel.querySelector('h2'))).toContain(EVIL_NAME);
    expect(panel.querySelector('img')).toBeNull();
    // Competitor status: the competitor field shows, blocked reason does not.
    const competitorField = panel.querySelector('[data-field="competitor"]')!;
    expect(competitorField.classList.contains('hidden')).toBe(false);
    expect(panel.querySelector('[data-field="blocked_reason"]')!.classList.contains('hidden')).toBe(true);
    expect(competitorField.classList.contains('has-warning')).toBe(true);
    expect(text(competitorField.querySelector('.field-warning'))).toContain('no competitor is named');

    const toUs = panel.querySelector<HTMLInputElement>('[name="value_to_us"]')!;
    expect(toUs.value).toBe('4');
    toUs.value = '7';
    panel.querySelector<HTMLInputElement>('[name="estimated_revenue"]')!.value = '12,500.5';
    panel.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await vi.waitFor(() => expect(ctx.saves).toHaveLength(1));
    expect(savedItems(ctx, 0)[0]).toMatchObject({ item: { id: 'c3', value_to_us: 7, estimated_revenue: 1250050 } });
    await vi.waitFor(() =>
      expect(text(panel.querySelector('[data-field="value_to_us"] .field-error'))).toBe('Value to us must be between 1 and 5 (got 7)'),
    );
    expect(toUs.getAttribute('aria-invalid')).toBe('true');

    key(panel.querySelector('[name="status"]')!, 'Escape');
    expect(root.querySelector('.ws-detail')).toBeNull();
    expect(document.activeElement).toBe(cellEl(1, 1));
  });

  it('the panel lists the linked opportunities the core reports', () => {
    const view = sampleView();
    view.opportunities.push({
      id: 'o1',
      name: 'Route <pilot>',
      buying_center_id: BC_OPS,
      offering_id: 'off-route',
      amount: 500000,
      stage: 'develop',
      probability_pct: 40,
      close_on: null,
      status: 'open',
    });
    const c2 = view.white_space.cells.find((c) => c.cell.id === 'c2')!;
    c2.opportunity_ids = ['o1'];
    c2.status = 'in_pipeline';
    mount(view);
    cellEl(0, 2).focus();
    key(cellEl(0, 2), 'Enter');
    const panel = root.querySelector('.ws-detail')!;
    expect(text(panel.querySelector('.ws-linked-list'))).toContain('Route <pilot>');
    expect(text(panel.querySelector('.ws-effective'))).toContain('Shown as In pipeline');
    expect(text(cellEl(0, 2).querySelector('.ws-letter'))).toBe('P');
  });
});

describe('ranked plays', () => {
  it('lists view.plays in the core order with every column', () => {
    const view = sampleView();
    mount(view);
    const rows = Array.from(root.querySelectorAll<HTMLTableRowElement>('table.ws-plays tbody tr.ws-play'));
    expect(rows.map((r) => r.dataset.cellId)).toEqual(view.plays.map((p) => p.cell_id));
    const first = Array.from(rows[0]!.cells).map(text);
    expect(first.slice(0, 10)).toEqual([
      '1',
      EVIL_NAME,
      'Fleet Telematics',
      'Competitor',
      '4',
      '4',
      '16',
      'Pursue',
      'Cross-sell',
      '€300,000.00',
    ]);
  });

  it("warns under a Don't force-fit play", () => {
    mount();
    const rows = Array.from(root.querySelectorAll('table.ws-plays tbody tr'));
    const idx = rows.findIndex((r) => (r as HTMLElement).dataset.cellId === 'c2');
    expect(text(rows[idx]!.querySelector('.ws-quadrant-badge'))).toBe("Don't force-fit");
    expect(text(rows[idx + 1]!)).toContain('High value to us only: explain the value or look for another way');
    expect(root.querySelectorAll('tr.ws-play-warning')).toHaveLength(1);
  });

  it('shows an open opportunity\'s amount beside the estimate and lets the estimate follow it', async () => {
    const view = sampleView();
    const play = view.plays.find((p) => p.cell_id === 'c3')!;
    play.open_opportunity_amount = 650_000_00;
    view.white_space.cells.find((c) => c.cell.id === 'c3')!.open_opportunity_amount = 650_000_00;
    const ctx = mount(view);
    const row = root.querySelector<HTMLTableRowElement>('tr.ws-play[data-cell-id="c3"]')!;
    const quoted = row.querySelector('[data-figure="open-opportunity"]')!;
    expect(text(quoted)).toBe('opportunity €650,000.00');
    // Plays without a differing opportunity show the estimate alone.
    const others = root.querySelectorAll('tr.ws-play:not([data-cell-id="c3"]) [data-figure="open-opportunity"]');
    expect(others).toHaveLength(0);
    row.querySelector<HTMLButtonElement>('.ws-play-revenue button')!.click();
    await vi.waitFor(() => expect(ctx.saves).toHaveLength(1));
    const items = savedItems(ctx, 0);
    expect(items).toHaveLength(1);
    expect(items[0]!.kind).toBe('cell');
    const cell = items[0]!.item as { id: string; estimated_revenue: number };
    expect(cell.id).toBe('c3');
    expect(cell.estimated_revenue).toBe(650_000_00);
  });

  it('"Create opportunity" saves the opportunity for the play and reports the new status', async () => {
    const view = sampleView();
    const after = structuredClone(view);
    const c3 = after.white_space.cells.find((c) => c.cell.id === 'c3')!;
    c3.status = 'in_pipeline';
    const ctx = mount(view, { save: () => Promise.resolve(after) });
    const row = root.querySelector<HTMLTableRowElement>('tr.ws-play[data-cell-id="c3"]')!;
    row.querySelector<HTMLButtonElement>('.ws-play-action button')!.click();
    await vi.waitFor(() => expect(ctx.saves).toHaveLength(1));
    const [items, deletes] = ctx.saves[0]!;
    expect(deletes).toBeUndefined();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'opportunity',
      item: {
        name: `Fleet Telematics for ${EVIL_NAME}`,
        buying_center_id: BC_EVIL,
        offering_id: OFF_FLEET,
        amount: 30000000,
        stage: 'qualify',
        probability_pct: 10,
        close_on: null,
        status: 'open',
      },
    });
    await vi.waitFor(() => expect(text(root.querySelector('.ws-plays-card .ws-notice'))).toContain('is now In pipeline'));
  });

  it('lists the top 50 plays, then all of them on request', () => {
    const view = sampleView();
    const base = view.plays[1]!;
    view.plays = Array.from({ length: 60 }, (_, i) => ({ ...base, cell_id: `p${i}` }));
    mount(view);
    expect(root.querySelectorAll('tr.ws-play')).toHaveLength(50);
    expect(text(root.querySelector('.ws-plays-more'))).toContain('The top 50 of 60 plays');
    root.querySelector<HTMLButtonElement>('.ws-plays-more button')!.click();
    const rows = Array.from(root.querySelectorAll<HTMLTableRowElement>('tr.ws-play'));
    expect(rows.map((r) => r.dataset.cellId)).toEqual(view.plays.map((p) => p.cell_id));
  });

  it('an In pipeline play offers no second opportunity', () => {
    const view = sampleView();
    view.plays[0]!.status = 'in_pipeline';
    mount(view);
    const row = root.querySelector('tr.ws-play[data-cell-id="c3"]')!;
    expect(row.querySelector('button.small')).toBeNull();
    expect(text(row)).toContain('In pipeline');
  });
});

describe('mutual value chart', () => {
  it('draws the four quadrants named as in DOMAIN.md, in their corners', () => {
    mount();
    const labels = Array.from(root.querySelectorAll('svg.ws-chart text.ws-quadrant-label'));
    const byQ = Object.fromEntries(
      labels.map((l) => [l.getAttribute('data-quadrant'), { text: text(l), x: Number(l.getAttribute('x')), y: Number(l.getAttribute('y')) }]),
    );
    expect(byQ.pursue!.text).toBe('Pursue');
    expect(byQ.dont_force_fit!.text).toBe("Don't force-fit");
    expect(byQ.nurture!.text).toBe('Nurture');
    expect(byQ.deprioritize!.text).toBe('Deprioritize');
    const midX = xOf(3.5);
    const midY = yOf(3.5);
    expect(byQ.pursue!.x > midX && byQ.pursue!.y < midY).toBe(true); // high customer, high us
    expect(byQ.dont_force_fit!.x < midX && byQ.dont_force_fit!.y < midY).toBe(true); // high us only
    expect(byQ.nurture!.x > midX && byQ.nurture!.y > midY).toBe(true); // high customer only
    expect(byQ.deprioritize!.x < midX && byQ.deprioritize!.y > midY).toBe(true);
    expect(byQ.pursue!.x).toBeLessThanOrEqual(CHART.width);
  });

  it('puts one bubble per play at (value to customer, value to us), sized by revenue, titled', () => {
    mount();
    const bubbles = Array.from(root.querySelectorAll<SVGGElement>('svg.ws-chart g.ws-bubble'));
    expect(bubbles).toHaveLength(3);
    const at = (id: string) => {
      const g = bubbles.find((b) => b.getAttribute('data-cell-id') === id)!;
      const c = g.querySelector('circle')!;
      return { g, x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')), r: Number(c.getAttribute('r')) };
    };
    const c3 = at('c3'); // us 4, customer 4
    expect(c3.x).toBeCloseTo(xOf(4), 0);
    expect(c3.y).toBeCloseTo(yOf(4), 0);
    const c2 = at('c2'); // us 5, customer 2: top left (Don't force-fit)
    expect(c2.x).toBeLessThan(xOf(3.5));
    expect(c2.y).toBeLessThan(yOf(3.5));
    expect(c3.r).toBeGreaterThan(at('c4').r); // 300k vs 10k
    expect(text(c3.g.querySelector('title'))).toContain(`${EVIL_NAME} \u00d7 Fleet Telematics`);
    expect(c3.g.getAttribute('data-rank')).toBe('1');
  });

  it('spreads bubbles that share the same scores', () => {
    const view = sampleView();
    view.plays.push({ ...view.plays[0]!, cell_id: 'twin' });
    mount(view);
    const circles = ['c3', 'twin'].map((id) => root.querySelector(`g.ws-bubble[data-cell-id="${id}"] circle`)!);
    const [a, b] = circles.map((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]);
    expect(Math.hypot(a![0]! - b![0]!, a![1]! - b![1]!)).toBeGreaterThan(8);
    expect(Math.hypot(a![0]! - xOf(4), a![1]! - yOf(4))).toBeLessThan(25);
  });

  it('clicking a bubble opens its cell', () => {
    mount();
    root.querySelector<SVGGElement>('g.ws-bubble[data-cell-id="c2"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    const panel = root.querySelector('.ws-detail')!;
    expect(text(panel.querySelector('h2'))).toContain('Operations');
    expect(text(panel.querySelector('h2'))).toContain('Route Optimizer');
  });
});

describe('untrusted text', () => {
  it('renders markup in names as text everywhere', () => {
    mount();
    expect(root.querySelector('img, [onerror]')).toBeNull();
    expect(Array.from(root.querySelectorAll('b')).every((b) => b.classList.contains('ws-letter'))).toBe(true);
    expect(text(root.querySelector('tr.ws-play[data-cell-id="c3"] button.link'))).toBe(EVIL_NAME);
    expect(text(root.querySelector('g.ws-bubble[data-cell-id="c3"] title'))).toContain(EVIL_NAME);
    expect(text(root.querySelector('tbody tr:nth-child(2) th.ws-bc'))).toBe(EVIL_NAME);
    expect(root.textContent).toContain(EVIL_NAME);
  });
});

describe('tabs', () => {
  it('switches to the catalog and keeps the tab across a re-render', () => {
    const view = sampleView();
    mount(view);
    root.querySelector<HTMLButtonElement>('.ws-tab[data-tab="catalog"]')!.click();
    expect(root.querySelector('.off-panel')).not.toBeNull();
    if (typeof cleanup === 'function') cleanup();
    cleanup = whiteSpaceView(root, fakeCtx(view));
    expect(root.querySelector('.off-panel')).not.toBeNull();
    expect(root.querySelector('.ws-tab.active')?.textContent).toBe('Catalog');
  });
});

describe('the estimated revenue in every locale', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  /** Opens the detail of the competitor cell in a plan in `currency`, with `typed` as revenue. */
  function submitRevenue(currency: string, typed: string): { ctx: FakeCtx; panel: Element } {
    if (typeof cleanup === 'function') cleanup();
    root.replaceChildren();
    const view = sampleView();
    view.plan = { ...view.plan, currency };
    const ctx = mount(view);
    cellEl(1, 1).focus();
    key(cellEl(1, 1), 'Enter');
    const panel = root.querySelector('.ws-detail')!;
    panel.querySelector<HTMLInputElement>('[name="estimated_revenue"]')!.value = typed;
    panel.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    return { ctx, panel };
  }

  it('reads amounts as people type them in each locale', async () => {
    for (const c of TYPED_AMOUNTS) {
      restore = useNavigatorLanguage(c.locale);
      const { ctx } = submitRevenue(c.currency, c.typed);
      await vi.waitFor(() => expect(ctx.saves).toHaveLength(1));
      expect(savedItems(ctx, 0)[0], `${c.locale} ${c.typed}`).toMatchObject({ item: { id: 'c3', estimated_revenue: c.minor } });
      restore();
    }
  });

  it('refuses what is not an amount at the field and keeps the text', () => {
    for (const c of REFUSED_AMOUNTS) {
      restore = useNavigatorLanguage(c.locale);
      const { ctx, panel } = submitRevenue(c.currency, c.typed);
      expect(text(panel.querySelector('[data-field="estimated_revenue"] .field-error')), `${c.locale} ${c.typed}`).toBe(c.message);
      expect(panel.querySelector<HTMLInputElement>('[name="estimated_revenue"]')!.value).toBe(c.typed);
      expect(ctx.saves).toHaveLength(0);
      restore();
    }
  });

  it('starts with the saved amount in the webview\u2019s locale', () => {
    restore = useNavigatorLanguage('de-CH');
    mount();
    cellEl(1, 1).focus();
    key(cellEl(1, 1), 'Enter');
    const revenue = root.querySelector<HTMLInputElement>('.ws-detail [name="estimated_revenue"]')!;
    expect(revenue.value).toBe(new Intl.NumberFormat('de-CH').format(300_000));
  });
});
