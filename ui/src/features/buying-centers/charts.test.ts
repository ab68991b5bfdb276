import { describe, expect, it } from 'vitest';
import { formatMoneyForDisplay as formatMoney } from '../../shared/money-input';
import { formatMoneyShort, goalChart, walletChart } from './charts';
import { IDS, planView } from './test-fixture';

describe('wallet chart', () => {
  it('draws ours, each competitor and the open wallet as segments, each with a title', () => {
    const figure = walletChart(planView(), 'en-US');
    const rows = figure.querySelectorAll('g.chart-row');
    expect(rows).toHaveLength(2);

    const finance = figure.querySelector(`g.chart-row[data-buying-center="${IDS.finance}"]`)!;
    const segs = Array.from(finance.querySelectorAll('rect.chart-seg'));
    // ours + Acme + Globex + open
    expect(segs.map((s) => s.getAttribute('class'))).toEqual([
      'chart-seg chart-seg-ours',
      'chart-seg chart-seg-competitor',
      'chart-seg chart-seg-competitor',
      'chart-seg chart-seg-open',
    ]);
    const titles = segs.map((s) => s.querySelector('title')?.textContent ?? '');
    expect(titles[0]).toContain(`our revenue: ${formatMoney(100_000_00, 'EUR', 'en-US')}`);
    expect(titles[1]).toContain(`Acme: ${formatMoney(120_000_00, 'EUR', 'en-US')}`);
    expect(titles[1]).toContain('30% share');
    expect(titles[2]).toContain('Globex');
    expect(titles[3]).toContain(`open wallet nobody is known to hold: ${formatMoney(140_000_00, 'EUR', 'en-US')}`);
    // Amounts are written out beside the bar, not only in colour.
    expect(finance.textContent).toContain('Ours 100K EUR');
    expect(finance.textContent).toContain('Acme 120K EUR');
    expect(finance.textContent).toContain('Open 140K EUR');
    expect(finance.textContent).toContain('Share 42.4%');

    // Operations: ours + open (no competitors).
    const ops = figure.querySelector(`g.chart-row[data-buying-center="${IDS.ops}"]`)!;
    expect(ops.querySelectorAll('rect.chart-seg')).toHaveLength(2);
  });

  it('scales every bar to the largest wallet', () => {
    const figure = walletChart(planView(), 'en-US');
    const width = (id: string) =>
      Array.from(figure.querySelectorAll(`g.chart-row[data-buying-center="${id}"] rect.chart-seg`)).reduce(
        (sum, r) => sum + Number(r.getAttribute('width')),
        0,
      );
    // Finance (400K) is the largest; Operations' segments add up to 200K: half as long.
    expect(width(IDS.ops) / width(IDS.finance)).toBeCloseTo(0.5, 2);
  });

  it('has a legend with a pattern as well as a colour for each series', () => {
    const figure = walletChart(planView(), 'en-US');
    const items = Array.from(figure.querySelectorAll('.chart-legend li')).map((li) => li.textContent);
    expect(items).toEqual(['Our revenue', 'Acme', 'Globex', 'Open (nobody known)']);
    const patterns = figure.querySelectorAll('svg.chart-svg pattern');
    expect(patterns.length).toBeGreaterThanOrEqual(3); // Acme, Globex, open
  });

  it('says so when there is no wallet to draw', () => {
    const view = planView();
    for (const bc of view.buying_centers) {
      Object.assign(bc, { total_wallet: 0, our_revenue: 0, open_wallet: 0, competitor_wallet: [] });
    }
    const figure = walletChart(view, 'en-US');
    expect(figure.querySelector('svg.chart-svg')).toBeNull();
    expect(figure.textContent).toContain('No wallet estimates yet');
  });

  it('renders markup in names as text', () => {
    const view = planView();
    view.buying_centers[0].name = '<script>alert(1)</script>';
    view.buying_centers[0].competitor_wallet[0].name = '<b>Acme</b>';
    const figure = walletChart(view, 'en-US');
    expect(figure.querySelector('script, b')).toBeNull();
    expect(figure.textContent).toContain('<script>alert(1)</script>');
    expect(figure.textContent).toContain('<b>Acme</b>');
  });
});

/** Text of an SVG element without its <title>. */
const ownText = (el: Element | null) =>
  Array.from(el?.childNodes ?? [])
    .filter((n) => n.nodeType === Node.TEXT_NODE)
    .map((n) => n.textContent)
    .join('');

describe('goal chart', () => {
  it('stacks the forecast parts against a goal marker, with the gap written beside', () => {
    const figure = goalChart(planView(), 'en-US');
    const finance = figure.querySelector(`g.chart-row[data-buying-center="${IDS.finance}"]`)!;
    const segs = Array.from(finance.querySelectorAll('rect.chart-seg'));
    expect(segs.map((s) => s.getAttribute('class'))).toEqual(['chart-seg chart-seg-ours', 'chart-seg chart-seg-won', 'chart-seg chart-seg-pipeline']);
    expect(segs.map((s) => s.querySelector('title')?.textContent)).toEqual([
      `Finance \u2013 recurring revenue base: ${formatMoney(61_000_00, 'EUR', 'en-US')}`,
      `Finance \u2013 won in the period: ${formatMoney(7_000_00, 'EUR', 'en-US')}`,
      `Finance \u2013 weighted pipeline closing in the period: ${formatMoney(5_000_00, 'EUR', 'en-US')}`,
    ]);
    // Next period's pipeline is written beside, never stacked into the bar.
    expect(finance.textContent).toContain('next period 21K EUR not counted');
    expect(segs.every((s) => s.querySelector('title'))).toBe(true);
    expect(finance.querySelector('.chart-goal line')).not.toBeNull();
    expect(finance.querySelector('.chart-goal title')?.textContent).toContain(formatMoney(250_000_00, 'EUR', 'en-US'));
    // The view's gap (123,456), not goal - forecast computed here.
    expect(ownText(finance.querySelector('.chart-gap'))).toBe('Gap 123.5K EUR');
    expect(finance.querySelector('.chart-gap title')?.textContent).toContain(formatMoney(123_456_00, 'EUR', 'en-US'));

    const ops = figure.querySelector(`g.chart-row[data-buying-center="${IDS.ops}"]`)!;
    expect(ops.querySelectorAll('rect.chart-seg')).toHaveLength(1);
    expect(ownText(ops.querySelector('.chart-gap'))).toBe('Goal covered');
  });
});

describe('formatMoneyShort', () => {
  it('writes short amounts with the currency code', () => {
    expect(formatMoneyShort(1_200_000_00, 'EUR', 'en-US')).toBe('1.2M EUR');
    expect(formatMoneyShort(950_00, 'USD', 'en-US')).toBe('950 USD');
    expect(formatMoneyShort(1_500_000, 'JPY', 'en-US')).toBe('1.5M JPY');
    expect(formatMoneyShort(1234, 'USD', 'en-US')).toBe('12 USD');
    // Scaled by the core's 3 digits for the Iraqi dinar, where Intl has 0.
    expect(formatMoneyShort(1_234_567, 'IQD', 'en-US')).toBe('1.2K IQD');
  });
});
