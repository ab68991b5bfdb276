// Charts of the buying centers, drawn as SVG from the figures the core computed (nothing here
// computes a figure: amounts only become lengths). Colour-blind-safe colours (Okabe-Ito) and a
// distinct fill pattern per series, every amount also written out, every segment with a
// <title> for hover and screen readers.
import type { BuyingCenterView } from '../../ipc/bindings/BuyingCenterView';
import type { PlanView } from '../../ipc/bindings/PlanView';
import { h } from '../../shared/dom';
import { currencyMinorDigits, formatPercent } from '../../shared/format';
import { displayLocale, formatMoneyForDisplay } from '../../shared/money-input';
import { svg, svgTitle } from '../../shared/svg';

/** Geometry shared by both charts (SVG user units; the SVG scales to its container). */
const W = 760;
const LABEL_W = 170;
const BAR_X = LABEL_W + 10;
const RIGHT_W = 150;
const BAR_W = W - BAR_X - RIGHT_W;
const BAR_H = 20;
const LINE_H = 15;
const ROW_GAP = 14;
const CHAR_W = 6.1; // average advance of an 11px system-ui character, for wrapping

type PatternKind = 'solid' | 'diagonal' | 'dots' | 'horizontal' | 'cross' | 'vertical' | 'back-diagonal' | 'hatch';

export interface SeriesStyle {
  color: string;
  /** Colour of the pattern's marks. */
  ink: string;
  pattern: PatternKind;
}

/** Our revenue: the strongest colour, solid. */
export const OURS: SeriesStyle = { color: '#0072B2', ink: '#0072B2', pattern: 'solid' };
/** Nobody is known to hold it: pale, hatched, outlined. */
export const OPEN: SeriesStyle = { color: '#f2f2f2', ink: '#8a8a8a', pattern: 'hatch' };
/** Weighted pipeline closing in the period, in the goal chart. */
export const PIPELINE: SeriesStyle = { color: '#56B4E9', ink: '#ffffff', pattern: 'diagonal' };
/** Won deals closing in the period, in the goal chart. */
export const WON: SeriesStyle = { color: '#009E73', ink: '#ffffff', pattern: 'dots' };

const COMPETITOR_STYLES: SeriesStyle[] = [
  { color: '#D55E00', ink: '#ffffff', pattern: 'diagonal' },
  { color: '#E69F00', ink: '#5a3b00', pattern: 'dots' },
  { color: '#CC79A7', ink: '#ffffff', pattern: 'horizontal' },
  { color: '#009E73', ink: '#ffffff', pattern: 'cross' },
  { color: '#F0E442', ink: '#6b6300', pattern: 'vertical' },
  { color: '#999999', ink: '#ffffff', pattern: 'back-diagonal' },
];

/** A competitor keeps its style in every bar: it follows the account's list of competitors. */
export function competitorStyle(view: PlanView, competitorId: string): SeriesStyle {
  const i = view.account.competitors.findIndex((c) => c.id === competitorId);
  return COMPETITOR_STYLES[(i < 0 ? view.account.competitors.length : i) % COMPETITOR_STYLES.length];
}

let chartIds = 0;

function patternDef(id: string, s: SeriesStyle): SVGElement {
  const marks: SVGElement[] = [];
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    svg('line', { x1, y1, x2, y2, stroke: s.ink, 'stroke-width': 1.6 });
  switch (s.pattern) {
    case 'solid':
      break;
    case 'diagonal':
    case 'hatch':
      marks.push(line(0, 8, 8, 0), line(-2, 2, 2, -2), line(6, 10, 10, 6));
      break;
    case 'back-diagonal':
      marks.push(line(0, 0, 8, 8), line(-2, 6, 2, 10), line(6, -2, 10, 2));
      break;
    case 'dots':
      marks.push(svg('circle', { cx: 2, cy: 2, r: 1.4, fill: s.ink }), svg('circle', { cx: 6, cy: 6, r: 1.4, fill: s.ink }));
      break;
    case 'horizontal':
      marks.push(line(0, 4, 8, 4));
      break;
    case 'vertical':
      marks.push(line(4, 0, 4, 8));
      break;
    case 'cross':
      marks.push(line(0, 4, 8, 4), line(4, 0, 4, 8));
      break;
  }
  return svg(
    'pattern',
    { id, width: 8, height: 8, patternUnits: 'userSpaceOnUse' },
    svg('rect', { width: 8, height: 8, fill: s.color }),
    marks,
  );
}

/** Registers a style's pattern in `defs` once and returns the fill to use. */
function filler(defs: SVGDefsElement, prefix: string): (s: SeriesStyle) => string {
  const ids = new Map<SeriesStyle, string>();
  return (s) => {
    if (s.pattern === 'solid') return s.color;
    let id = ids.get(s);
    if (!id) {
      id = `${prefix}-p${ids.size}`;
      ids.set(s, id);
      defs.append(patternDef(id, s));
    }
    return `url(#${id})`;
  };
}

/** "1.2M EUR": short amounts for charts, rounded as the PDF's (one decimal with K/M/B, none without). */
export function formatMoneyShort(minor: number, currency: string, locale: string | undefined = displayLocale()): string {
  const code = currency.trim().toUpperCase();
  const major = minor / 10 ** currencyMinorDigits(code);
  let text: string;
  try {
    text = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: Math.abs(major) >= 1000 ? 1 : 0 }).format(major);
  } catch {
    text = String(Math.round(major));
  }
  return `${text} ${code}`;
}

function truncate(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1)}\u2026`;
}

/** A legend entry: a swatch drawn with the same fill as the bars, and its name. */
function legendItem(label: string, s: SeriesStyle, marker?: 'line'): HTMLElement {
  chartIds += 1;
  const id = `chart-swatch-${chartIds}`;
  const swatch =
    marker === 'line'
      ? svg(
          'svg',
          { width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': 'true', class: 'chart-swatch' },
          svg('line', { x1: 7, y1: 0, x2: 7, y2: 14, stroke: '#1f2933', 'stroke-width': 2.5 }),
        )
      : svg(
          'svg',
          { width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': 'true', class: 'chart-swatch' },
          svg('defs', null, s.pattern === 'solid' ? null : patternDef(id, s)),
          svg('rect', {
            x: 0.5,
            y: 0.5,
            width: 13,
            height: 13,
            fill: s.pattern === 'solid' ? s.color : `url(#${id})`,
            stroke: s === OPEN ? '#8a8a8a' : s.color,
          }),
        );
  return h('li', null, swatch, label);
}

interface Segment {
  label: string;
  amount: number;
  style: SeriesStyle;
  title: string;
  kind: string;
}

interface Piece {
  text: string;
  style?: SeriesStyle;
}

/** Lays pieces of text out in lines no wider than `width`; returns one array per line. */
function wrap(pieces: Piece[], width: number): Piece[][] {
  const lines: Piece[][] = [[]];
  let used = 0;
  for (const p of pieces) {
    const w = (p.text.length + 3) * CHAR_W + (p.style ? 12 : 0);
    if (used > 0 && used + w > width) {
      lines.push([]);
      used = 0;
    }
    lines[lines.length - 1].push(p);
    used += w;
  }
  return lines;
}

/** Draws a line of labelled amounts (each after a small swatch of its series). */
function pieceLine(pieces: Piece[], x: number, y: number, fill: (s: SeriesStyle) => string): SVGElement {
  const g = svg('g', { class: 'chart-amounts' });
  let cx = x;
  for (const p of pieces) {
    if (p.style) {
      g.append(
        svg('rect', {
          x: cx,
          y: y - 9,
          width: 9,
          height: 9,
          fill: fill(p.style),
          stroke: p.style === OPEN ? '#8a8a8a' : p.style.color,
          'aria-hidden': 'true',
        }),
      );
      cx += 12;
    }
    g.append(svg('text', { x: cx, y, class: 'chart-small' }, p.text));
    cx += (p.text.length + 3) * CHAR_W;
  }
  return g;
}

interface ChartFrame {
  figure: HTMLElement;
  svgEl: SVGSVGElement;
  defs: SVGDefsElement;
  fill: (s: SeriesStyle) => string;
}

function frame(cls: string, caption: string, description: string, legend: HTMLElement[]): ChartFrame {
  chartIds += 1;
  const prefix = `chart-${chartIds}`;
  const defs = svg('defs');
  const svgEl = svg(
    'svg',
    {
      class: 'chart-svg',
      viewBox: `0 0 ${W} 10`,
      width: '100%',
      role: 'img',
      'aria-labelledby': `${prefix}-title ${prefix}-desc`,
      preserveAspectRatio: 'xMinYMin meet',
    },
    svg('title', { id: `${prefix}-title` }, caption),
    svg('desc', { id: `${prefix}-desc` }, description),
    defs,
  );
  const figure = h(
    'figure',
    { class: ['chart', cls] },
    h('figcaption', null, h('h3', null, caption), h('ul', { class: 'chart-legend', 'aria-label': 'Legend' }, legend)),
    svgEl,
  );
  return { figure, svgEl, defs, fill: filler(defs, prefix) };
}

function finishHeight(svgEl: SVGSVGElement, height: number): void {
  svgEl.setAttribute('viewBox', `0 0 ${W} ${Math.max(height, 20)}`);
}

/** Name (and a second, muted line) to the left of a bar; the full name in a <title>. */
function rowLabel(name: string, sub: string, y: number): SVGElement {
  return svg(
    'g',
    { class: 'chart-row-label' },
    svgTitle(name),
    svg('text', { x: 0, y: y + 14, class: 'chart-name' }, truncate(name, 21)),
    sub ? svg('text', { x: 0, y: y + 14 + LINE_H, class: 'chart-small chart-muted' }, sub) : null,
  );
}

function barSegments(segments: Segment[], y: number, scale: number, fill: (s: SeriesStyle) => string): SVGElement {
  const g = svg('g', { class: 'chart-bar' });
  let x = BAR_X;
  for (const seg of segments) {
    const w = seg.amount * scale;
    g.append(
      svg(
        'rect',
        {
          class: `chart-seg chart-seg-${seg.kind}`,
          x: x.toFixed(2),
          y,
          width: Math.max(w, 0.75).toFixed(2),
          height: BAR_H,
          fill: fill(seg.style),
          stroke: seg.style === OPEN ? '#8a8a8a' : '#ffffff',
          'stroke-width': seg.style === OPEN ? 1 : 0.75,
          'data-amount': seg.amount,
        },
        svgTitle(seg.title),
      ),
    );
    x += w;
  }
  return g;
}

/**
 * The wallet of each buying center as one horizontal bar: our revenue, each competitor's
 * estimated slice, and the open wallet, scaled to the largest wallet.
 */
export function walletChart(view: PlanView, locale: string | undefined = displayLocale()): HTMLElement {
  const currency = view.plan.currency;
  const money = (m: number) => formatMoneyForDisplay(m, currency, locale);
  const short = (m: number) => formatMoneyShort(m, currency, locale);
  const competitorIds = new Set<string>();
  for (const bc of view.buying_centers) for (const c of bc.competitor_wallet) competitorIds.add(c.competitor_id);
  const legend = [legendItem('Our revenue', OURS)];
  const names = new Map<string, string>();
  for (const bc of view.buying_centers) for (const c of bc.competitor_wallet) names.set(c.competitor_id, c.name);
  for (const id of competitorIds) legend.push(legendItem(names.get(id) ?? 'Competitor', competitorStyle(view, id)));
  legend.push(legendItem('Open (nobody known)', OPEN));

  const f = frame(
    'wallet-chart',
    'Wallet by buying center',
    'For each buying center, its estimated total wallet split into our revenue, each competitor\u2019s estimated share and the open wallet nobody is known to hold.',
    legend,
  );

  const rows = view.buying_centers.map((bc) => ({ bc, segments: walletSegments(view, bc, money, locale) }));
  const largest = Math.max(0, ...rows.map((r) => Math.max(r.bc.total_wallet, sum(r.segments))));
  if (rows.length === 0 || largest <= 0) {
    f.figure.append(h('p', { class: 'muted chart-empty' }, rows.length === 0 ? 'No buying centers yet.' : 'No wallet estimates yet: enter each buying center\u2019s total wallet above.'));
    f.svgEl.remove();
    return f.figure;
  }
  const scale = BAR_W / largest;
  let y = 4;
  for (const { bc, segments } of rows) {
    const share = bc.wallet_share === null ? 'Share \u2014' : `Share ${formatPercent(bc.wallet_share, locale)}`;
    const row = svg('g', { class: 'chart-row', 'data-buying-center': bc.id });
    row.append(rowLabel(bc.name, share, y));
    if (segments.length) row.append(barSegments(segments, y, scale, f.fill));
    else row.append(svg('text', { x: BAR_X, y: y + 14, class: 'chart-small chart-muted' }, 'No wallet estimate'));
    row.append(
      svg('text', { x: W - RIGHT_W + 8, y: y + 14, class: 'chart-total' }, svgTitle(`Total wallet ${money(bc.total_wallet)}`), `Wallet ${short(bc.total_wallet)}`),
    );
    const pieces: Piece[] = segments.map((s) => ({ text: `${s.label} ${short(s.amount)}`, style: s.style }));
    const lines = wrap(pieces, BAR_W + RIGHT_W - 10);
    let ly = y + BAR_H + 13;
    for (const line of lines) {
      if (!line.length) continue;
      row.append(pieceLine(line, BAR_X, ly, f.fill));
      ly += LINE_H;
    }
    f.svgEl.append(row);
    y = Math.max(ly, y + BAR_H + 2 * LINE_H) + ROW_GAP - LINE_H + 4;
  }
  finishHeight(f.svgEl, y);
  return f.figure;
}

function sum(segments: Segment[]): number {
  return segments.reduce((a, s) => a + s.amount, 0);
}

function walletSegments(view: PlanView, bc: BuyingCenterView, money: (m: number) => string, locale: string | undefined): Segment[] {
  const segs: Segment[] = [];
  const share = bc.wallet_share === null ? '' : ` (wallet share ${formatPercent(bc.wallet_share, locale)})`;
  if (bc.our_revenue > 0) {
    segs.push({ kind: 'ours', label: 'Ours', amount: bc.our_revenue, style: OURS, title: `${bc.name} \u2013 our revenue: ${money(bc.our_revenue)}${share}` });
  }
  for (const c of bc.competitor_wallet) {
    if (c.amount <= 0) continue;
    const pct = bc.competitors.find((x) => x.competitor_id === c.competitor_id)?.share_pct;
    segs.push({
      kind: 'competitor',
      label: c.name,
      amount: c.amount,
      style: competitorStyle(view, c.competitor_id),
      title: `${bc.name} \u2013 ${c.name}: ${money(c.amount)}${pct === undefined ? '' : ` (estimated ${pct}% share)`}`,
    });
  }
  if (bc.open_wallet > 0) {
    segs.push({ kind: 'open', label: 'Open', amount: bc.open_wallet, style: OPEN, title: `${bc.name} \u2013 open wallet nobody is known to hold: ${money(bc.open_wallet)}` });
  }
  return segs;
}

/**
 * Each buying center's forecast for the plan period, stacked by its parts (recurring base, won
 * in the period, weighted pipeline closing in the period), against its sales goal (a marker
 * line), with the gap to goal written beside it. All figures are the core's.
 */
export function goalChart(view: PlanView, locale: string | undefined = displayLocale()): HTMLElement {
  const currency = view.plan.currency;
  const money = (m: number) => formatMoneyForDisplay(m, currency, locale);
  const short = (m: number) => formatMoneyShort(m, currency, locale);
  const f = frame(
    'goal-chart',
    'Forecast against the sales goal',
    'For each buying center, the forecast for the plan period (recurring base, won in the period and weighted pipeline closing in the period), against a marker at the sales goal, with the gap to goal written beside it.',
    [
      legendItem('Recurring base', OURS),
      legendItem('Won in period', WON),
      legendItem('Weighted pipeline in period', PIPELINE),
      legendItem('Sales goal', OURS, 'line'),
    ],
  );
  const bcs = view.buying_centers;
  const largest = Math.max(0, ...bcs.map((b) => Math.max(b.sales_goal, b.forecast.total)));
  if (bcs.length === 0 || largest <= 0) {
    f.figure.append(h('p', { class: 'muted chart-empty' }, bcs.length === 0 ? 'No buying centers yet.' : 'No sales goals, revenue or pipeline yet.'));
    f.svgEl.remove();
    return f.figure;
  }
  const scale = BAR_W / largest;
  let y = 4;
  for (const bc of bcs) {
    const row = svg('g', { class: 'chart-row', 'data-buying-center': bc.id });
    row.append(rowLabel(bc.name, `Goal ${short(bc.sales_goal)}`, y));
    const fc = bc.forecast;
    const segments: Segment[] = [];
    if (fc.recurring_base > 0) {
      segments.push({ kind: 'ours', label: 'Base', amount: fc.recurring_base, style: OURS, title: `${bc.name} \u2013 recurring revenue base: ${money(fc.recurring_base)}` });
    }
    if (fc.won_in_period > 0) {
      segments.push({ kind: 'won', label: 'Won', amount: fc.won_in_period, style: WON, title: `${bc.name} \u2013 won in the period: ${money(fc.won_in_period)}` });
    }
    if (fc.weighted_in_period > 0) {
      segments.push({
        kind: 'pipeline',
        label: 'Pipeline',
        amount: fc.weighted_in_period,
        style: PIPELINE,
        title: `${bc.name} \u2013 weighted pipeline closing in the period: ${money(fc.weighted_in_period)}`,
      });
    }
    // The track shows the whole scale, so an empty bar still reads as a bar.
    row.append(svg('rect', { x: BAR_X, y, width: BAR_W, height: BAR_H, class: 'chart-track', fill: '#f6f7f9', stroke: '#d9dde3' }));
    if (segments.length) row.append(barSegments(segments, y, scale, f.fill));
    if (bc.sales_goal > 0) {
      const gx = BAR_X + bc.sales_goal * scale;
      row.append(
        svg(
          'g',
          { class: 'chart-goal' },
          svgTitle(`${bc.name} \u2013 sales goal: ${money(bc.sales_goal)}`),
          svg('line', { x1: gx.toFixed(2), x2: gx.toFixed(2), y1: y - 4, y2: y + BAR_H + 4, stroke: '#1f2933', 'stroke-width': 2.5 }),
        ),
      );
    }
    const gapText = bc.sales_goal <= 0 ? 'No goal set' : bc.gap_to_goal > 0 ? `Gap ${short(bc.gap_to_goal)}` : 'Goal covered';
    const gapTitle =
      bc.sales_goal <= 0
        ? 'No sales goal set'
        : bc.gap_to_goal > 0
          ? `Gap to goal ${money(bc.gap_to_goal)}: goal minus forecast ${money(fc.total)}`
          : `Goal covered by the forecast ${money(fc.total)} (gap ${money(bc.gap_to_goal)})`;
    row.append(
      svg(
        'text',
        { x: W - RIGHT_W + 8, y: y + 14, class: ['chart-gap', bc.sales_goal > 0 && bc.gap_to_goal <= 0 ? 'covered' : ''].join(' ').trim() },
        svgTitle(gapTitle),
        gapText,
      ),
    );
    const pieces: Piece[] = segments.map((s) => ({ text: `${s.label} ${short(s.amount)}`, style: s.style }));
    if (!segments.length) pieces.push({ text: 'No revenue or pipeline in the period yet' });
    if (fc.next_period_weighted > 0) pieces.push({ text: `next period ${short(fc.next_period_weighted)} not counted` });
    row.append(pieceLine(pieces, BAR_X, y + BAR_H + 13, f.fill));
    f.svgEl.append(row);
    y += BAR_H + LINE_H + ROW_GAP + 6;
  }
  finishHeight(f.svgEl, y);
  return f.figure;
}
