import { describe, expect, it, vi } from 'vitest';
import type { Thresholds } from '../../ipc/bindings/Thresholds';
import {
  BEHAVIOR_COLORS,
  DOMAIN_MAX,
  DOMAIN_MIN,
  behaviorColor,
  belowTier2Polygon,
  layoutDots,
  radius,
  renderHotspot,
  xOf,
  yOf,
} from './hotspot';
import { EVIL, row } from './test-fixtures';

const DEFAULTS: Thresholds = { high_value: 3.5, high_need: 3.5, high_behavior: 3.5, tier2: 2.5 };

function num(el: Element | null, attr: string): number {
  return Number(el?.getAttribute(attr));
}

describe('hot-spot chart', () => {
  it('places each scored account by need (x) and value (y), and skips unscored ones', () => {
    const rows = [
      row({ name: 'A', need: 4.5, value: 2, behavior: 3, tier: 'tier2', total_wallet: 100 }),
      row({ name: 'B', need: 1.5, value: 4.75, behavior: null, tier: 'tier2', total_wallet: 400 }),
      row({ name: 'C', need: null, value: 5, tier: 'unscored' }),
      row({ name: 'D', need: 3, value: null, tier: 'unscored' }),
    ];
    const { el, dots } = renderHotspot(rows, DEFAULTS, { onOpen: vi.fn() });
    expect(dots).toHaveLength(2);
    const a = el.querySelector('circle[data-account-id="A"]');
    const b = el.querySelector('circle[data-account-id="B"]');
    expect(num(a, 'cx')).toBeCloseTo(xOf(4.5), 0);
    expect(num(a, 'cy')).toBeCloseTo(yOf(2), 0);
    expect(num(b, 'cx')).toBeCloseTo(xOf(1.5), 0);
    expect(num(b, 'cy')).toBeCloseTo(yOf(4.75), 0);
    // higher value is higher up, more need further right
    expect(num(b, 'cy')).toBeLessThan(num(a, 'cy'));
    expect(num(a, 'cx')).toBeGreaterThan(num(b, 'cx'));
    expect(el.querySelector('circle[data-account-id="C"]')).toBeNull();
    // sized by wallet (sqrt scale): four times the wallet is the biggest dot
    expect(num(b, 'r')).toBeGreaterThan(num(a, 'r'));
  });

  it('draws the tier regions at the thresholds', () => {
    const t: Thresholds = { high_value: 4, high_need: 3, high_behavior: 3.5, tier2: 2 };
    const { el } = renderHotspot([], t, { onOpen: vi.fn() });
    const tier1 = el.querySelector('[data-region="tier1"]')!;
    expect(num(tier1, 'x')).toBeCloseTo(xOf(3));
    expect(num(tier1, 'x') + num(tier1, 'width')).toBeCloseTo(xOf(DOMAIN_MAX));
    expect(num(tier1, 'y')).toBeCloseTo(yOf(DOMAIN_MAX));
    expect(num(tier1, 'y') + num(tier1, 'height')).toBeCloseTo(yOf(4));
    // Tier 3 lies below the line need + value = 2 * tier2
    const points = el
      .querySelector('[data-region="tier3"]')!
      .getAttribute('points')!
      .split(' ')
      .map((p) => p.split(',').map(Number));
    expect(points).toContainEqual([expect.closeTo(xOf(DOMAIN_MIN), 1), expect.closeTo(yOf(DOMAIN_MIN), 1)]);
    expect(points).toContainEqual([expect.closeTo(xOf(4 - DOMAIN_MIN), 1), expect.closeTo(yOf(DOMAIN_MIN), 1)]);
    expect(points).toContainEqual([expect.closeTo(xOf(DOMAIN_MIN), 1), expect.closeTo(yOf(4 - DOMAIN_MIN), 1)]);
    const line = el.querySelector('.tier2-line')!;
    const ends = [
      [num(line, 'x1'), num(line, 'y1')],
      [num(line, 'x2'), num(line, 'y2')],
    ];
    for (const [x, y] of ends) {
      // back to scores: on need + value = 4
      const need = DOMAIN_MIN + ((x! - xOf(DOMAIN_MIN)) / (xOf(DOMAIN_MAX) - xOf(DOMAIN_MIN))) * (DOMAIN_MAX - DOMAIN_MIN);
      const value = DOMAIN_MAX - ((y! - yOf(DOMAIN_MAX)) / (yOf(DOMAIN_MIN) - yOf(DOMAIN_MAX))) * (DOMAIN_MAX - DOMAIN_MIN);
      expect(need + value).toBeCloseTo(4, 5);
    }
    const labels = Array.from(el.querySelectorAll('.hs-region-label')).map((l) => l.textContent);
    expect(labels).toEqual(expect.arrayContaining(['Tier 1', 'Tier 2', 'Tier 3']));
    expect(el.textContent).toContain('1a: behavior \u2265 3.5');
    expect(el.textContent).toContain('1b: behavior below');
  });

  it('moves the regions when the thresholds move', () => {
    const a = renderHotspot([], DEFAULTS, { onOpen: vi.fn() }).el.querySelector('[data-region="tier1"]');
    const b = renderHotspot([], { ...DEFAULTS, high_need: 4.5 }, { onOpen: vi.fn() }).el.querySelector('[data-region="tier1"]');
    expect(num(b, 'x')).toBeGreaterThan(num(a, 'x'));
    expect(num(b, 'x')).toBeCloseTo(xOf(4.5));
  });

  it('clips the Tier 3 region to the plot', () => {
    expect(belowTier2Polygon(1)).toHaveLength(3);
    expect(belowTier2Polygon(5)).toHaveLength(5);
    for (const [x, y] of belowTier2Polygon(3)) {
      expect(x).toBeGreaterThanOrEqual(DOMAIN_MIN - 1e-9);
      expect(y).toBeLessThanOrEqual(DOMAIN_MAX + 1e-9);
    }
  });

  it('colours by behavior on a sequential scale and names account and scores in the title', () => {
    expect(behaviorColor(1)).toBe(BEHAVIOR_COLORS[0]);
    expect(behaviorColor(5)).toBe(BEHAVIOR_COLORS[4]);
    expect(behaviorColor(3)).toBe(BEHAVIOR_COLORS[2]);
    expect(behaviorColor(9)).toBe(BEHAVIOR_COLORS[4]);
    const { el } = renderHotspot(
      [row({ name: EVIL, id: 'x', need: 4, value: 4, behavior: 2, tier: 'tier1b', total_wallet: 123_400 })],
      DEFAULTS,
      { onOpen: vi.fn() },
    );
    const dot = el.querySelector('circle')!;
    expect(dot.getAttribute('fill')).toBe(behaviorColor(2));
    const title = dot.querySelector('title')!.textContent!;
    expect(title.startsWith(EVIL)).toBe(true);
    expect(title).toContain('Tier 1b: need 4.0, value 4.0, behavior 2.0');
    expect(el.querySelector('img, b')).toBeNull();
  });

  it('opens the account clicked (or entered) and ignores one without a plan', () => {
    const onOpen = vi.fn();
    const rows = [row({ name: 'A', need: 4, value: 4 }), row({ name: 'B', need: 2, value: 2, current_plan_id: null })];
    const { el } = renderHotspot(rows, DEFAULTS, { onOpen });
    el.querySelector('circle[data-account-id="A"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onOpen).toHaveBeenCalledWith(rows[0]);
    el.querySelector('circle[data-account-id="A"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onOpen).toHaveBeenCalledTimes(2);
    el.querySelector('circle[data-account-id="B"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onOpen).toHaveBeenCalledTimes(2);
    expect(el.querySelector('circle[data-account-id="A"]')!.getAttribute('tabindex')).toBe('0');
    expect(el.querySelector('circle[data-account-id="B"]')!.getAttribute('tabindex')).toBeNull();
  });

  it('spreads a few accounts on the same scores so each can be reached', () => {
    const rows = ['A', 'B', 'C'].map((name) => row({ name, need: 3, value: 3 }));
    const dots = layoutDots(rows);
    const spots = new Set(dots.map((d) => `${d.cx.toFixed(1)},${d.cy.toFixed(1)}`));
    expect(spots.size).toBe(3);
    for (const d of dots) expect(Math.hypot(d.cx - xOf(3), d.cy - yOf(3))).toBeLessThan(30);
    // a crowd spreads on a spiral that stays near its point (under half a 1/3-score step)
    const crowd = layoutDots(Array.from({ length: 40 }, (_, i) => row({ name: `c${i}`, need: 2, value: 4 })));
    expect(new Set(crowd.map((d) => `${d.cx.toFixed(1)},${d.cy.toFixed(1)}`)).size).toBe(40);
    const step = xOf(2 + 1 / 3) - xOf(2);
    for (const d of crowd) expect(Math.hypot(d.cx - xOf(2), d.cy - yOf(4))).toBeLessThan(step / 2);
    expect(crowd.every((d) => d.need === 2 && d.value === 4)).toBe(true);
  });

  it('sizes by the square root of the wallet', () => {
    expect(radius(0, 100, [2, 10])).toBe(2);
    expect(radius(100, 100, [2, 10])).toBe(10);
    expect(radius(25, 100, [2, 10])).toBe(6);
  });

  it('draws 10,000 accounts in one SVG', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      row({
        name: `Account ${i}`,
        need: 1 + ((i * 7) % 41) / 10,
        value: 1 + ((i * 13) % 41) / 10,
        behavior: i % 5 === 0 ? null : 1 + (i % 4),
        tier: 'tier2',
        total_wallet: (i % 100) * 1000,
      }),
    );
    rows.push(row({ name: 'unscored', need: null, value: null }));
    const started = performance.now();
    const { el } = renderHotspot(rows, DEFAULTS, { onOpen: vi.fn() });
    const ms = performance.now() - started;
    expect(el.querySelectorAll('circle.hs-dot')).toHaveLength(10_000);
    // no tab stop per dot when there are thousands
    expect(el.querySelector('circle[tabindex]')).toBeNull();
    expect(ms).toBeLessThan(8000);
  });
});
