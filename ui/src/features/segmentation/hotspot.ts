// The hot-spot chart: value (y) against need (x), one dot per scored account, coloured by
// behavior and sized by total wallet, over the tier regions drawn at the current thresholds.
// Positions and tiers are the back end's; only the region outlines are drawn from thresholds.
// One SVG with a circle per account: fine for 10,000 accounts (built in a fragment, one
// delegated click handler, no per-dot listeners).
import type { PortfolioRow } from '../../ipc/bindings/PortfolioRow';
import type { Thresholds } from '../../ipc/bindings/Thresholds';
import { TIERS } from '../../shared/labels';
import { formatMoneyForDisplay } from '../../shared/money-input';
import { svg, svgTitle } from '../../shared/svg';
import { formatScore } from './model';

export const CHART = { width: 640, height: 540, left: 58, right: 22, top: 22, bottom: 56 } as const;
const PW = CHART.width - CHART.left - CHART.right;
const PH = CHART.height - CHART.top - CHART.bottom;
/** Axis domain: scores run 1-5, with a margin so dots at the edge stay whole. */
export const DOMAIN_MIN = 0.75;
export const DOMAIN_MAX = 5.25;
const SPAN = DOMAIN_MAX - DOMAIN_MIN;

/** Chart x of a need score. */
export function xOf(need: number): number {
  return CHART.left + ((need - DOMAIN_MIN) / SPAN) * PW;
}
/** Chart y of a value score (higher is up). */
export function yOf(value: number): number {
  return CHART.top + ((DOMAIN_MAX - value) / SPAN) * PH;
}

/**
 * Sequential colours for behavior 1 (low) .. 5 (high), light to dark (the darker part of
 * YlGnBu, so even behavior 1 stands out from the pale region fills).
 */
export const BEHAVIOR_COLORS = ['#a1dab4', '#41b6c4', '#2c7fb8', '#225ea8', '#0c2c84'] as const;
export const UNSCORED_BEHAVIOR = '#ffffff';

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The colour of a behavior score (interpolated between the five stops); white when unscored. */
export function behaviorColor(behavior: number | null): string {
  if (behavior === null || Number.isNaN(behavior)) return UNSCORED_BEHAVIOR;
  const t = Math.min(4, Math.max(0, behavior - 1));
  const i = Math.min(3, Math.floor(t));
  const f = t - i;
  const a = hexToRgb(BEHAVIOR_COLORS[i]!);
  const b = hexToRgb(BEHAVIOR_COLORS[i + 1]!);
  const mix = a.map((c, k) => Math.round(c + (b[k]! - c) * f));
  return '#' + mix.map((c) => c.toString(16).padStart(2, '0')).join('');
}

/** Dot radii by how many dots share the chart: fewer dots may be bigger. */
export function radiusRange(count: number): [number, number] {
  if (count <= 60) return [5, 16];
  if (count <= 1000) return [3, 12];
  return [1.5, 7];
}

/** Dot radius: area proportional to total wallet (square-root scale). */
export function radius(wallet: number, maxWallet: number, range: [number, number]): number {
  const [lo, hi] = range;
  if (maxWallet <= 0 || wallet <= 0) return lo;
  return lo + (hi - lo) * Math.sqrt(Math.min(1, wallet / maxWallet));
}

export interface Dot {
  row: PortfolioRow;
  need: number;
  value: number;
  cx: number;
  cy: number;
  r: number;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** How far (chart units) a crowd sharing one score pair may spread: under half the 1/3 step. */
const MAX_SPREAD = 18;

/**
 * Scored accounts (need and value both known) as dots. Dimension scores are means of whole
 * numbers, so many accounts share a score pair: up to six sit on a small ring around it, more
 * on a sunflower spiral, so each stays visible and clickable. The true scores are in the
 * dot's data attributes and title.
 */
export function layoutDots(rows: readonly PortfolioRow[]): Dot[] {
  const scored = rows.filter(
    (r): r is PortfolioRow & { need: number; value: number } => typeof r.need === 'number' && typeof r.value === 'number',
  );
  const range = radiusRange(scored.length);
  const maxWallet = scored.reduce((m, r) => Math.max(m, r.total_wallet), 0);
  const dots: Dot[] = scored.map((row) => ({
    row,
    need: row.need,
    value: row.value,
    cx: xOf(row.need),
    cy: yOf(row.value),
    r: radius(row.total_wallet, maxWallet, range),
  }));
  const groups = new Map<string, Dot[]>();
  for (const d of dots) {
    const key = `${d.need.toFixed(3)},${d.value.toFixed(3)}`;
    const g = groups.get(key);
    if (g) g.push(d);
    else groups.set(key, [d]);
  }
  for (const g of groups.values()) {
    const n = g.length;
    if (n < 2) continue;
    const maxR = g.reduce((m, d) => Math.max(m, d.r), 0);
    if (n <= 6) {
      const dist = Math.min(MAX_SPREAD, 2 + maxR * (n <= 3 ? 0.75 : 1.1));
      g.forEach((d, k) => {
        const a = (k * 2 * Math.PI) / n - Math.PI / 2;
        d.cx += dist * Math.cos(a);
        d.cy += dist * Math.sin(a);
      });
    } else {
      const step = Math.min(maxR * 0.8 + 1, MAX_SPREAD / Math.sqrt(n));
      g.forEach((d, k) => {
        const dist = step * Math.sqrt(k + 0.5);
        const a = k * GOLDEN_ANGLE;
        d.cx += dist * Math.cos(a);
        d.cy += dist * Math.sin(a);
      });
    }
  }
  // Keep every centre inside the plot, so a crowded edge never leaves the chart.
  for (const d of dots) {
    d.cx = Math.min(Math.max(d.cx, CHART.left + 2), CHART.left + PW - 2);
    d.cy = Math.min(Math.max(d.cy, CHART.top + 2), CHART.top + PH - 2);
  }
  return dots;
}

type Pt = [number, number];

/** The part of the plot where the mean of need and value is below `tier2` (Tier 3 or lower). */
export function belowTier2Polygon(tier2: number): Pt[] {
  const box: Pt[] = [
    [DOMAIN_MIN, DOMAIN_MIN],
    [DOMAIN_MAX, DOMAIN_MIN],
    [DOMAIN_MAX, DOMAIN_MAX],
    [DOMAIN_MIN, DOMAIN_MAX],
  ];
  const limit = 2 * tier2;
  const inside = (p: Pt) => p[0] + p[1] <= limit;
  const out: Pt[] = [];
  for (let i = 0; i < box.length; i++) {
    const a = box[i]!;
    const b = box[(i + 1) % box.length]!;
    if (inside(a)) out.push(a);
    if (inside(a) !== inside(b)) {
      // Where the edge a-b crosses x + y = limit.
      const t = (limit - a[0] - a[1]) / (b[0] - a[0] + b[1] - a[1]);
      out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}

function clampDomain(v: number): number {
  return Math.min(DOMAIN_MAX, Math.max(DOMAIN_MIN, v));
}

export interface HotspotOptions {
  /** Opens an account's plan (called with the row clicked). */
  onOpen(row: PortfolioRow): void;
}

export interface Hotspot {
  el: SVGSVGElement;
  dots: Dot[];
}

const FOCUSABLE_DOTS = 300;

function dotTitle(row: PortfolioRow): string {
  const tier = TIERS[row.tier] ?? row.tier;
  const wallet = formatMoneyForDisplay(row.total_wallet, row.currency);
  const open = row.current_plan_id ? '' : ' (no plan to open)';
  return `${row.name} \u2014 ${tier}: need ${formatScore(row.need)}, value ${formatScore(row.value)}, behavior ${formatScore(row.behavior)}; total wallet ${wallet}${open}`;
}

export function renderHotspot(rows: readonly PortfolioRow[], t: Thresholds, opts: HotspotOptions): Hotspot {
  const root = svg('svg', {
    class: 'hotspot-chart',
    viewBox: `0 0 ${CHART.width} ${CHART.height}`,
    role: 'group',
    'aria-label': 'Hot spots: value against need, one dot per scored account, coloured by behavior, sized by total wallet',
  });

  // Regions: Tier 2 fills the plot, Tier 3 below the line where the mean of value and need
  // reaches the Tier 2 threshold, Tier 1 where both value and need are high.
  const regions = svg('g', { class: 'hotspot-regions' });
  regions.append(
    svg('rect', {
      class: 'region region-tier2',
      'data-region': 'tier2',
      x: xOf(DOMAIN_MIN),
      y: yOf(DOMAIN_MAX),
      width: PW,
      height: PH,
      fill: '#eef4fb',
    }),
  );
  const below = belowTier2Polygon(t.tier2);
  if (below.length >= 3) {
    regions.append(
      svg('polygon', {
        class: 'region region-tier3',
        'data-region': 'tier3',
        points: below.map(([x, y]) => `${xOf(x).toFixed(2)},${yOf(y).toFixed(2)}`).join(' '),
        fill: '#f6f7f9',
      }),
    );
    // The Tier 2 / Tier 3 boundary: the polygon's edge on the line x + y = 2 * tier2.
    const onLine = below.filter(([x, y]) => Math.abs(x + y - 2 * t.tier2) < 1e-9);
    if (onLine.length === 2) {
      const [a, b] = onLine as [Pt, Pt];
      regions.append(
        svg('line', {
          class: 'tier2-line',
          x1: xOf(a[0]),
          y1: yOf(a[1]),
          x2: xOf(b[0]),
          y2: yOf(b[1]),
          stroke: '#7b8794',
          'stroke-dasharray': '5 4',
        }),
      );
    }
  }
  const n1 = clampDomain(t.high_need);
  const v1 = clampDomain(t.high_value);
  regions.append(
    svg('rect', {
      class: 'region region-tier1',
      'data-region': 'tier1',
      x: xOf(n1),
      y: yOf(DOMAIN_MAX),
      width: xOf(DOMAIN_MAX) - xOf(n1),
      height: yOf(v1) - yOf(DOMAIN_MAX),
      fill: '#fff1cc',
      stroke: '#c98a00',
      'stroke-width': 1.5,
    }),
  );
  root.append(regions);

  // Grid and axes.
  const grid = svg('g', { class: 'hotspot-grid', 'aria-hidden': 'true' });
  for (let v = 1; v <= 5; v++) {
    grid.append(
      svg('line', { x1: xOf(v), x2: xOf(v), y1: yOf(DOMAIN_MIN), y2: yOf(DOMAIN_MAX), stroke: '#c9ced6', 'stroke-dasharray': '2 4' }),
      svg('line', { x1: xOf(DOMAIN_MIN), x2: xOf(DOMAIN_MAX), y1: yOf(v), y2: yOf(v), stroke: '#c9ced6', 'stroke-dasharray': '2 4' }),
      svg('text', { x: xOf(v), y: yOf(DOMAIN_MIN) + 18, 'text-anchor': 'middle', class: 'hs-tick' }, String(v)),
      svg('text', { x: xOf(DOMAIN_MIN) - 10, y: yOf(v) + 4, 'text-anchor': 'end', class: 'hs-tick' }, String(v)),
    );
  }
  grid.append(
    svg('rect', { x: xOf(DOMAIN_MIN), y: yOf(DOMAIN_MAX), width: PW, height: PH, fill: 'none', stroke: '#b9c0ca' }),
    svg('text', { x: CHART.left + PW / 2, y: CHART.height - 12, 'text-anchor': 'middle', class: 'hs-axis-title' }, 'Need \u2192'),
    svg(
      'text',
      {
        x: 18,
        y: CHART.top + PH / 2,
        'text-anchor': 'middle',
        transform: `rotate(-90 18 ${CHART.top + PH / 2})`,
        class: 'hs-axis-title',
      },
      'Value \u2192',
    ),
  );
  root.append(grid);

  // Region labels.
  // Drawn over the dots (with a halo, see the CSS) so crowded corners keep them readable.
  const labels = svg('g', { class: 'hotspot-labels', 'aria-hidden': 'true', 'pointer-events': 'none' });
  const fmt = (n: number) => String(Number(n.toFixed(2)));
  labels.append(
    svg(
      'text',
      { class: 'hs-region-label tier1-label', x: xOf(DOMAIN_MAX) - 8, y: yOf(DOMAIN_MAX) + 18, 'text-anchor': 'end' },
      'Tier 1',
    ),
    svg(
      'text',
      { class: 'hs-region-sub', x: xOf(DOMAIN_MAX) - 8, y: yOf(DOMAIN_MAX) + 33, 'text-anchor': 'end' },
      `1a: behavior \u2265 ${fmt(t.high_behavior)}`,
    ),
    svg(
      'text',
      { class: 'hs-region-sub', x: xOf(DOMAIN_MAX) - 8, y: yOf(DOMAIN_MAX) + 47, 'text-anchor': 'end' },
      `1b: behavior below`,
    ),
  );
  const inTier1 = (n: number, v: number) => n >= t.high_need && v >= t.high_value;
  const tier2At = (n: number, v: number) => !inTier1(n, v) && (n + v) / 2 >= t.tier2;
  const tier3At = (n: number, v: number) => !inTier1(n, v) && (n + v) / 2 < t.tier2;
  const corner = (n: number, v: number, anchor: 'start' | 'end', top: boolean) => ({
    x: xOf(n) + (anchor === 'start' ? 8 : -8),
    y: yOf(v) + (top ? 18 : -10),
    anchor,
  });
  const place = (
    label: string,
    cls: string,
    test: (n: number, v: number) => boolean,
    candidates: Array<[number, number, 'start' | 'end', boolean]>,
  ) => {
    const c = candidates.find(([n, v]) => test(n, v));
    if (!c) return;
    const p = corner(c[0], c[1], c[2], c[3]);
    labels.append(svg('text', { class: `hs-region-label ${cls}`, x: p.x, y: p.y, 'text-anchor': p.anchor }, label));
  };
  const lo = DOMAIN_MIN + 0.05;
  const hi = DOMAIN_MAX - 0.05;
  place('Tier 2', 'tier2-label', tier2At, [
    [lo, hi, 'start', true],
    [hi, lo, 'end', false],
    [n1 - 0.05, hi, 'end', true],
  ]);
  place('Tier 3', 'tier3-label', tier3At, [
    [lo, lo, 'start', false],
    [lo, hi, 'start', true],
  ]);

  // Dots: biggest first so small ones stay on top and reachable.
  const dots = layoutDots(rows);
  if (dots.length > 300) root.classList.add('dense');
  const ordered = [...dots].sort((a, b) => b.r - a.r);
  const focusable = ordered.length <= FOCUSABLE_DOTS;
  const layer = svg('g', { class: 'hotspot-dots' });
  const frag = document.createDocumentFragment();
  for (const d of ordered) {
    const title = dotTitle(d.row);
    const circle = svg(
      'circle',
      {
        class: ['hs-dot', `tier-${d.row.tier}`, d.row.current_plan_id ? 'can-open' : null, d.row.behavior === null ? 'no-behavior' : null]
          .filter(Boolean)
          .join(' '),
        cx: d.cx.toFixed(1),
        cy: d.cy.toFixed(1),
        r: d.r.toFixed(1),
        fill: behaviorColor(d.row.behavior),
        'data-account-id': d.row.id,
        'data-need': d.need,
        'data-value': d.value,
        tabindex: focusable && d.row.current_plan_id ? 0 : null,
        role: focusable && d.row.current_plan_id ? 'link' : null,
        'aria-label': focusable ? title : null,
      },
      svgTitle(title),
    );
    frag.appendChild(circle);
  }
  layer.appendChild(frag);
  root.append(layer, labels);

  const byId = new Map(dots.map((d) => [d.row.id, d.row]));
  const open = (target: EventTarget | null) => {
    const el = target instanceof Element ? target.closest('[data-account-id]') : null;
    const row = el ? byId.get(el.getAttribute('data-account-id') ?? '') : undefined;
    if (row && row.current_plan_id) opts.onOpen(row);
  };
  layer.addEventListener('click', (e) => open(e.target));
  layer.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(e.target);
    }
  });

  return { el: root, dots };
}
