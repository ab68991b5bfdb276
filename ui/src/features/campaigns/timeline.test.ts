import { describe, expect, it } from 'vitest';
import { HEADER_HEIGHT, LABEL_LINE, MONTH_WIDTH, PAD, ROW_HEIGHT, campaignTimeline, layoutTimeline, timelineSvg, type TimelineBar } from './timeline';
import { EVIL } from './test-fixture';

function bar(extra: Partial<TimelineBar>): TimelineBar {
  return {
    id: 'b',
    name: 'Bar',
    kind: 'Event',
    status: 'active',
    starts_on: '2026-03-01',
    ends_on: '2026-03-31',
    budget: 1000,
    currency: 'EUR',
    ...extra,
  };
}

describe('campaign timeline', () => {
  it('lays months across the plan period and places bars by month', () => {
    const layout = layoutTimeline({
      bars: [
        bar({ id: 'march', starts_on: '2026-03-01', ends_on: '2026-03-31' }),
        bar({ id: 'q3', starts_on: '2026-07-01', ends_on: '2026-09-30', status: 'planned' }),
        bar({ id: 'mid', starts_on: '2026-04-16', ends_on: '2026-04-30', status: 'done' }),
      ],
      cover: ['2026-01-01', '2026-12-31'],
      today: '2026-06-16',
    });
    expect(layout.start).toBe('2026-01-01');
    expect(layout.months.map((m) => m.label)).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
    expect(layout.months[0]!.year).toBe('2026');
    expect(layout.width).toBe(2 * PAD + 12 * MONTH_WIDTH);
    const [march, q3, mid] = layout.bars;
    expect(march!.x).toBe(PAD + 2 * MONTH_WIDTH);
    expect(march!.width).toBe(MONTH_WIDTH);
    expect(q3!.x).toBe(PAD + 6 * MONTH_WIDTH);
    expect(q3!.width).toBe(3 * MONTH_WIDTH);
    expect(mid!.x).toBe(PAD + 3 * MONTH_WIDTH + MONTH_WIDTH / 2); // the 16th of a 30-day month
    expect(layout.bars.map((b) => b.y)).toEqual([0, 1, 2].map((i) => HEADER_HEIGHT + i * ROW_HEIGHT + 5));
  });

  it('extends the months to cover a campaign outside the plan period', () => {
    const layout = layoutTimeline({
      bars: [bar({ starts_on: '2025-11-10', ends_on: '2026-02-10' })],
      cover: ['2026-01-01', '2026-12-31'],
      today: '2026-06-16',
    });
    expect(layout.start).toBe('2025-11-01');
    expect(layout.months).toHaveLength(14);
    expect(layout.months.filter((m) => m.year).map((m) => `${m.label} ${m.year}`)).toEqual(['Nov 2025', 'Jan 2026']);
    expect(layout.bars[0]!.x).toBeCloseTo(PAD + (9 / 30) * MONTH_WIDTH);
  });

  it('marks today with a labelled line in the middle of its day', () => {
    const input = { bars: [bar({})], cover: ['2026-01-01', '2026-12-31'], today: '2026-06-16' };
    const layout = layoutTimeline(input);
    expect(layout.today!.x).toBeCloseTo(PAD + 5 * MONTH_WIDTH + (15.5 / 30) * MONTH_WIDTH);
    expect(layout.today!.label).toMatch(/^Today, /);
    const el = timelineSvg(input, 'Timeline');
    const line = el.querySelector('.cmp-tl-today-line')!;
    expect(Number(line.getAttribute('x1'))).toBeCloseTo(layout.today!.x);
    expect(el.querySelector('.cmp-tl-today-label')!.textContent).toMatch(/^Today, Jun 16$/);
    // Today outside the months shown: no line.
    expect(layoutTimeline({ ...input, cover: [], today: '2030-01-01' }).today).toBeNull();
  });

  it('says the status in the label and draws planned bars hatched, not by colour alone', () => {
    const el = timelineSvg(
      {
        bars: [
          bar({ id: 'p', name: 'Plan', status: 'planned', starts_on: '2026-01-01', ends_on: '2026-06-30' }),
          bar({ id: 'd', name: 'Done', status: 'done', starts_on: '2026-01-01', ends_on: '2026-06-30' }),
        ],
        cover: [],
        today: '2026-06-16',
      },
      'T',
    );
    const labels = [...el.querySelectorAll('.cmp-tl-label')].map((t) => t.textContent);
    expect(labels).toEqual(['Plan (Planned)', '\u2713 Done (Done)']);
    const planned = el.querySelector('[data-id="p"] rect')!;
    expect(planned.getAttribute('fill')).toMatch(/^url\(#cmp-hatch-\d+\)$/);
    expect(el.querySelector(planned.getAttribute('fill')!.slice(4, -1))!.tagName).toBe('pattern');
  });

  it('puts a long label beside a short bar', () => {
    const layout = layoutTimeline({
      bars: [bar({ name: 'A very long campaign name that cannot fit', starts_on: '2026-02-01', ends_on: '2026-02-05' })],
      cover: ['2026-01-01', '2026-12-31'],
      today: '2026-06-16',
    });
    expect(layout.bars[0]!.labelPlace).toBe('right');
    expect(layout.bars[0]!.labelX).toBeGreaterThan(layout.bars[0]!.x + layout.bars[0]!.width);
  });

  it('renders markup in names as text, and budget totals per currency beside', () => {
    const card = campaignTimeline(
      {
        bars: [bar({ name: EVIL, budget: 100_00 }), bar({ id: 'u', budget: 250_00, currency: 'USD' }), bar({ id: 'e2', budget: 50_00 })],
        cover: [],
        today: '2026-06-16',
      },
      'Timeline',
    );
    expect(card.querySelector('img')).toBeNull();
    expect(card.querySelector('.cmp-tl-label')!.textContent).toContain(EVIL);
    const totals = [...card.querySelectorAll('.cmp-budget-list li')].map((li) => [li.getAttribute('data-currency'), li.querySelector('strong')!.textContent]);
    expect(totals.map((t) => t[0])).toEqual(['EUR', 'USD']);
    expect(totals[0]![1]).toMatch(/150/);
    expect(totals[1]![1]).toMatch(/250/);
  });
});

describe('campaign timeline, long labels', () => {
  it('shows at least six months', () => {
    const layout = layoutTimeline({ bars: [bar({})], cover: [], today: '2026-06-16' });
    expect(layout.months).toHaveLength(6);
    expect(layout.width).toBe(2 * PAD + 6 * MONTH_WIDTH);
  });

  it('puts a label that fits on neither side on its own line above the bar, within the chart', () => {
    const long = 'y'.repeat(92);
    const layout = layoutTimeline({
      bars: [bar({ id: 'a', starts_on: '2026-04-01', ends_on: '2026-09-30', name: long }), bar({ id: 'b', name: 'Short' })],
      cover: ['2026-01-01', '2026-12-31'],
      today: '2026-06-16',
    });
    const [a, b] = layout.bars;
    expect(a!.labelPlace).toBe('above');
    expect(a!.labelX).toBe(a!.x);
    expect(a!.labelY).toBeLessThan(a!.y);
    // The row grew by the label line; the next row starts below it.
    expect(b!.y).toBe(HEADER_HEIGHT + ROW_HEIGHT + LABEL_LINE + (ROW_HEIGHT - 20) / 2);
    expect(layout.width).toBe(2 * PAD + 12 * MONTH_WIDTH);
    // Wider than the whole chart: cut, with the full text in the tooltip.
    const el = timelineSvg({ bars: [bar({ name: 'z'.repeat(300) })], cover: [], today: '2026-06-16' }, 'T');
    expect(el.querySelector('.cmp-tl-label')!.textContent!.endsWith('\u2026')).toBe(true);
    expect(el.querySelector('.cmp-tl-bar title')!.textContent).toContain('z'.repeat(300));
  });
});

describe('campaign timeline, width', () => {
  it('shares the available width between the months, within limits', () => {
    const input = { bars: [bar({ starts_on: '2026-01-01', ends_on: '2027-03-31' })], cover: [], today: '2026-06-16' };
    expect(layoutTimeline(input, 2 * PAD + 15 * 60).months[0]!.width).toBe(60);
    expect(layoutTimeline(input, 300).months[0]!.width).toBe(44); // too narrow: scrolls instead
    expect(layoutTimeline(input, 10_000).months[0]!.width).toBe(180);
  });
});

describe('campaign timeline, plan period', () => {
  it('shades the months outside the plan period', () => {
    const layout = layoutTimeline({
      bars: [bar({ starts_on: '2025-11-01', ends_on: '2027-01-31' })],
      cover: [],
      today: '2026-06-16',
      period: { from: '2026-01-01', to: '2026-12-31' },
    });
    expect(layout.outside).toEqual([
      [PAD, 2 * MONTH_WIDTH],
      [PAD + 14 * MONTH_WIDTH, MONTH_WIDTH],
    ]);
    expect(layoutTimeline({ bars: [bar({})], cover: [], today: '2026-06-16', period: { from: '2026-03-01', to: '2026-08-31' } }).outside).toEqual([]);
  });
});
