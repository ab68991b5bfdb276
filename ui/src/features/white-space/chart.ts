// The mutual value chart: value to the customer (x) against value to us (y), one bubble per
// ranked play, sized by estimated revenue, the four quadrants of DOMAIN.md drawn and named.
// Positions come straight from the scores the core gave; nothing is re-scored here.
import type { PlanView } from '../../ipc/bindings/PlanView';
import type { Play } from '../../ipc/bindings/Play';
import type { Quadrant } from '../../ipc/bindings/Quadrant';
import { formatMoney } from '../../shared/format';
import { HEAT_LEGEND, QUADRANT_LABEL, STATUS_LABEL, heatLevel } from './model';

const SVG_NS = 'http://www.w3.org/2000/svg';

type SvgChild = SVGElement | string | null | undefined | false;

/** SVG element builder; strings become text nodes (never markup). */
function s(tag: string, attrs: Record<string, string | number> = {}, ...children: SvgChild[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

export const CHART = { width: 560, height: 450, left: 58, right: 18, top: 30, bottom: 58 } as const;
const PW = CHART.width - CHART.left - CHART.right;
const PH = CHART.height - CHART.top - CHART.bottom;
/** Scores 4 and 5 count as high (core: whitespace::HIGH), so the split sits at 3.5. */
const SPLIT = 3.5;

/** Chart x for a value-to-the-customer score (axis 0.5 .. 5.5). */
export function xOf(v: number): number {
  return CHART.left + ((v - 0.5) / 5) * PW;
}
/** Chart y for a value-to-us score (higher is up). */
export function yOf(v: number): number {
  return CHART.top + ((5.5 - v) / 5) * PH;
}

const R_MIN = 7;
const R_MAX = 24;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Bubble radius: area proportional to estimated revenue. */
export function radius(revenue: number, maxRevenue: number): number {
  if (maxRevenue <= 0 || revenue <= 0) return R_MIN;
  return R_MIN + (R_MAX - R_MIN) * Math.sqrt(revenue / maxRevenue);
}

export interface Bubble {
  play: Play;
  rank: number;
  cx: number;
  cy: number;
  r: number;
}

/** Places every play; plays sharing a score pair are spread on a small ring around it. */
export function layoutBubbles(plays: Play[]): Bubble[] {
  const maxRevenue = plays.reduce((m, p) => Math.max(m, p.estimated_revenue), 0);
  const groups = new Map<string, number[]>();
  plays.forEach((p, i) => {
    const key = `${p.value_to_us},${p.value_to_customer}`;
    const list = groups.get(key) ?? [];
    list.push(i);
    groups.set(key, list);
  });
  const out: Bubble[] = plays.map((play, i) => ({
    play,
    rank: i + 1,
    cx: xOf(play.value_to_customer),
    cy: yOf(play.value_to_us),
    r: radius(play.estimated_revenue, maxRevenue),
  }));
  for (const members of groups.values()) {
    const n = members.length;
    if (n < 2) continue;
    members.forEach((idx, k) => {
      // A small ring for a few; a sunflower spiral (golden angle) when many share the point.
      const step = n <= 6 ? (2 * Math.PI) / n : GOLDEN_ANGLE;
      const dist = n <= 6 ? Math.min(18, 6 + 2.5 * n) : 7 * Math.sqrt(k + 0.5);
      const a = k * step - Math.PI / 2;
      const b = out[idx]!;
      b.cx += dist * Math.cos(a);
      b.cy += dist * Math.sin(a);
    });
  }
  // Keep every centre inside the plot, so a crowded corner never leaves the chart.
  for (const b of out) {
    b.cx = Math.min(Math.max(b.cx, CHART.left + 4), CHART.left + PW - 4);
    b.cy = Math.min(Math.max(b.cy, CHART.top + 4), CHART.top + PH - 4);
  }
  return out;
}

interface QuadrantBox {
  quadrant: Quadrant;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  fill: string;
  anchor: 'start' | 'end';
  labelX: number;
  labelY: number;
}

/** Quadrant names sit just outside the plot, at their quadrant's outer corner: no bubble hides them. */
function quadrants(): QuadrantBox[] {
  const [lo, mid, hi] = [0.5, SPLIT, 5.5];
  const above = yOf(hi) - 9;
  const below = CHART.height - 12;
  return [
    { quadrant: 'pursue', x0: mid, x1: hi, y0: mid, y1: hi, fill: '#e6f2ea', anchor: 'end', labelX: xOf(hi), labelY: above },
    { quadrant: 'dont_force_fit', x0: lo, x1: mid, y0: mid, y1: hi, fill: '#fbf0dc', anchor: 'start', labelX: xOf(lo), labelY: above },
    { quadrant: 'nurture', x0: mid, x1: hi, y0: lo, y1: mid, fill: '#e8eef8', anchor: 'end', labelX: xOf(hi), labelY: below },
    { quadrant: 'deprioritize', x0: lo, x1: mid, y0: lo, y1: mid, fill: '#f1f2f4', anchor: 'start', labelX: xOf(lo), labelY: below },
  ];
}

/** What each quadrant asks of the account team (DOMAIN.md, "Mutual value"). */
export const QUADRANT_ADVICE: Array<{ quadrant: Quadrant; rule: string; advice: string }> = [
  { quadrant: 'pursue', rule: 'both values 4 or 5', advice: 'Both sides gain: pursue it.' },
  { quadrant: 'dont_force_fit', rule: 'only value to us 4 or 5', advice: 'Explain the value, or look for another way.' },
  { quadrant: 'nurture', rule: 'only value to the customer 4 or 5', advice: 'Serve, partner, or build the case.' },
  { quadrant: 'deprioritize', rule: 'neither', advice: 'Not now.' },
];

export interface ChartOptions {
  onOpen(play: Play): void;
}

export function renderChart(view: PlanView, opts: ChartOptions): SVGSVGElement {
  const currency = view.plan.currency;
  const svg = s('svg', {
    class: 'ws-chart',
    viewBox: `0 0 ${CHART.width} ${CHART.height}`,
    role: 'img',
    'aria-label': 'Mutual value: value to us against value to the customer, one bubble per ranked play',
  }) as SVGSVGElement;

  const boxes = quadrants();
  for (const q of boxes) {
    svg.appendChild(
      s('rect', {
        class: `ws-quadrant q-${q.quadrant}`,
        'data-quadrant': q.quadrant,
        x: xOf(q.x0),
        y: yOf(q.y1),
        width: xOf(q.x1) - xOf(q.x0),
        height: yOf(q.y0) - yOf(q.y1),
        fill: q.fill,
      }),
    );
  }

  // Grid, ticks and the split lines.
  const grid = s('g', { class: 'ws-grid' });
  for (let v = 1; v <= 5; v++) {
    grid.appendChild(s('line', { x1: xOf(v), x2: xOf(v), y1: yOf(0.5), y2: yOf(5.5), stroke: '#d9dde3', 'stroke-dasharray': '2 4' }));
    grid.appendChild(s('line', { x1: xOf(0.5), x2: xOf(5.5), y1: yOf(v), y2: yOf(v), stroke: '#d9dde3', 'stroke-dasharray': '2 4' }));
    grid.appendChild(s('text', { x: xOf(v), y: yOf(0.5) + 18, 'text-anchor': 'middle', class: 'ws-tick' }, String(v)));
    grid.appendChild(s('text', { x: xOf(0.5) - 10, y: yOf(v) + 4, 'text-anchor': 'end', class: 'ws-tick' }, String(v)));
  }
  grid.appendChild(s('line', { x1: xOf(SPLIT), x2: xOf(SPLIT), y1: yOf(0.5), y2: yOf(5.5), stroke: '#7b8794', 'stroke-width': 1.5 }));
  grid.appendChild(s('line', { x1: xOf(0.5), x2: xOf(5.5), y1: yOf(SPLIT), y2: yOf(SPLIT), stroke: '#7b8794', 'stroke-width': 1.5 }));
  grid.appendChild(s('rect', { x: xOf(0.5), y: yOf(5.5), width: PW, height: PH, fill: 'none', stroke: '#b9c0ca' }));
  grid.appendChild(
    s('text', { x: CHART.left + PW / 2, y: CHART.height - 12, 'text-anchor': 'middle', class: 'ws-axis-title' }, 'Value to the customer \u2192'),
  );
  grid.appendChild(
    s(
      'text',
      {
        x: 16,
        y: CHART.top + PH / 2,
        'text-anchor': 'middle',
        transform: `rotate(-90 16 ${CHART.top + PH / 2})`,
        class: 'ws-axis-title',
      },
      'Value to us \u2192',
    ),
  );
  svg.appendChild(grid);

  // Bubbles: biggest first so small ones stay on top and clickable.
  const bubbles = layoutBubbles(view.plays).sort((a, b) => b.r - a.r);
  const layer = s('g', { class: 'ws-bubbles' });
  for (const b of bubbles) {
    const p = b.play;
    const heat = HEAT_LEGEND[heatLevel(p.mutual_value_score) - 1] ?? HEAT_LEGEND[0]!;
    const title =
      `#${b.rank} ${p.buying_center} \u00d7 ${p.offering}: ${STATUS_LABEL[p.status]}, ` +
      `value to us ${p.value_to_us}, to the customer ${p.value_to_customer}, ` +
      `score ${p.mutual_value_score} (${QUADRANT_LABEL[p.quadrant]}), ${formatMoney(p.estimated_revenue, currency)}`;
    const g = s(
      'g',
      {
        class: `ws-bubble q-${p.quadrant}`,
        tabindex: 0,
        role: 'button',
        'aria-label': title,
        'data-cell-id': p.cell_id,
        'data-rank': b.rank,
      },
      s('title', {}, title),
      s('circle', {
        cx: b.cx.toFixed(1),
        cy: b.cy.toFixed(1),
        r: b.r.toFixed(1),
        fill: heat.fill,
        'fill-opacity': 0.85,
        stroke: '#1f2933',
        'stroke-width': 1.2,
      }),
      s(
        'text',
        { x: b.cx.toFixed(1), y: (b.cy + 4).toFixed(1), 'text-anchor': 'middle', class: 'ws-rank', fill: heat.ink },
        String(b.rank),
      ),
    );
    g.addEventListener('click', () => opts.onOpen(p));
    g.addEventListener('keydown', (e) => {
      const ev = e as KeyboardEvent;
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        opts.onOpen(p);
      }
    });
    layer.appendChild(g);
  }
  svg.appendChild(layer);

  // Quadrant names last, never catching the pointer.
  const labels = s('g', { class: 'ws-quadrant-labels', 'pointer-events': 'none' });
  for (const q of boxes) {
    labels.appendChild(
      s(
        'text',
        { x: q.labelX, y: q.labelY, 'text-anchor': q.anchor, class: 'ws-quadrant-label', 'data-quadrant': q.quadrant },
        QUADRANT_LABEL[q.quadrant],
      ),
    );
  }
  svg.appendChild(labels);
  return svg;
}
