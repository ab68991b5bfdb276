// Campaign timeline: months across, one bar per campaign, today as a labelled line, budget
// totals beside. Status is a fill pattern *and* a word in the label (never colour alone).
// Layout is a pure function (tested); rendering only draws what it computed.
import type { CampaignStatus } from '../../ipc/bindings/CampaignStatus';
import { h, replaceChildren } from '../../shared/dom';
import { formatDate } from '../../shared/format';
import { formatMoneyForDisplay } from '../../shared/money-input';
import { svg, svgTitle } from '../../shared/svg';
import { CAMPAIGN_STATUSES, budgetTotals } from './model';

export interface TimelineBar {
  id: string;
  name: string;
  /** Shown after the name, e.g. the accounts a campaign is aimed at. */
  detail?: string;
  /** Kind label, for the tooltip. */
  kind: string;
  status: CampaignStatus;
  starts_on: string;
  ends_on: string;
  budget: number;
  currency: string;
}

export interface TimelineInput {
  bars: readonly TimelineBar[];
  /** Dates the months must cover besides the bars (the plan period, today). */
  cover: ReadonlyArray<string | null | undefined>;
  today: string;
  /** The plan period: the months outside it are shaded. */
  period?: { from: string; to: string };
}

/** Month width when the space is unknown (tests, first paint). */
export const MONTH_WIDTH = 76;
/** Narrower months than this scroll sideways instead (the month names must stay legible). */
export const MIN_MONTH_WIDTH = 44;
export const MAX_MONTH_WIDTH = 180;
export const ROW_HEIGHT = 30;
export const BAR_HEIGHT = 20;
export const HEADER_HEIGHT = 38;
export const FOOTER_HEIGHT = 26;
/** Extra height of a row whose label sits above its bar. */
export const LABEL_LINE = 16;
export const PAD = 8;
/** A short range still shows half a year, so bars and labels have room. */
export const MIN_MONTHS = 6;
/** Rough width of one character of the 12px label font (layout only, never exact). */
const CHAR_WIDTH = 6.6;

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Ymd {
  y: number;
  m: number; // 0-11
  d: number; // 1-31
}

function parseIso(iso: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return { y: Number(m[1]), m: Number(m[2]) - 1, d: Number(m[3]) };
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
}

/** Month index counted from year 0, so months compare and subtract. */
const monthNumber = (p: Ymd) => p.y * 12 + p.m;

export interface MonthColumn {
  x: number;
  width: number;
  label: string;
  /** The year, on the first column and on each January. */
  year: string | null;
}

export interface BarLayout {
  bar: TimelineBar;
  x: number;
  width: number;
  y: number;
  label: string;
  /** Where the label sits: inside the bar, beside it (right, else left), else on its own line above. */
  labelPlace: 'inside' | 'right' | 'left' | 'above';
  labelX: number;
  /** Baseline of the label. */
  labelY: number;
}

export interface TimelineLayout {
  width: number;
  height: number;
  /** First month shown (its first day, ISO). */
  start: string;
  months: MonthColumn[];
  bars: BarLayout[];
  /** The today line, when today falls within the months shown. */
  today: { x: number; label: string } | null;
  /** Stretches outside the plan period (shaded), as [x, width]. */
  outside: Array<[number, number]>;
}

/** The label of a bar: its name, what it is aimed at, and its status in words. */
export function barLabel(bar: TimelineBar): string {
  const status = CAMPAIGN_STATUSES[bar.status] ?? bar.status;
  return `${bar.status === 'done' ? '\u2713 ' : ''}${bar.name}${bar.detail ? ` \u2014 ${bar.detail}` : ''} (${status})`;
}

/**
 * Lays the timeline out. Months have equal widths; a day sits at its fraction of its month.
 * Given the `available` width, months share it (within MIN/MAX_MONTH_WIDTH); otherwise each is
 * MONTH_WIDTH wide.
 */
export function layoutTimeline(input: TimelineInput, available?: number): TimelineLayout {
  const dates: Ymd[] = [];
  for (const b of input.bars) {
    const s = parseIso(b.starts_on);
    const e = parseIso(b.ends_on);
    if (s) dates.push(s);
    if (e) dates.push(e);
  }
  for (const c of input.cover) {
    const p = c ? parseIso(c) : null;
    if (p) dates.push(p);
  }
  const todayYmd = parseIso(input.today);
  if (dates.length === 0 && todayYmd) dates.push(todayYmd);
  if (dates.length === 0) dates.push({ y: 2000, m: 0, d: 1 });
  const first = Math.min(...dates.map(monthNumber));
  const last = Math.max(first + MIN_MONTHS - 1, ...dates.map(monthNumber));
  const count = last - first + 1;
  const mw =
    available && available > 0
      ? Math.max(MIN_MONTH_WIDTH, Math.min(MAX_MONTH_WIDTH, Math.floor((available - 2 * PAD) / count)))
      : MONTH_WIDTH;

  const xOf = (p: Ymd, endOfDay = false): number => {
    const idx = monthNumber(p) - first;
    const dim = daysInMonth(p.y, p.m);
    const frac = (p.d - (endOfDay ? 0 : 1)) / dim;
    return PAD + (idx + Math.min(1, Math.max(0, frac))) * mw;
  };

  const months: MonthColumn[] = [];
  for (let i = 0; i < count; i++) {
    const n = first + i;
    const y = Math.floor(n / 12);
    const m = n % 12;
    months.push({
      x: PAD + i * mw,
      width: mw,
      label: MONTH_ABBR[m]!,
      year: i === 0 || m === 0 ? String(y) : null,
    });
  }
  const width = PAD * 2 + count * mw;
  const right = width - PAD;

  let rowTop = HEADER_HEIGHT;
  const bars: BarLayout[] = input.bars.map((bar) => {
    const s = parseIso(bar.starts_on) ?? parseIso(bar.ends_on) ?? dates[0]!;
    const e = parseIso(bar.ends_on) ?? s;
    const x = xOf(s);
    const w = Math.max(4, xOf(e, true) - x);
    const label = barLabel(bar);
    const textW = label.length * CHAR_WIDTH;
    let labelPlace: BarLayout['labelPlace'];
    let labelX: number;
    if (textW + 12 <= w) {
      labelPlace = 'inside';
      labelX = x + 6;
    } else if (x + w + 6 + textW <= right) {
      labelPlace = 'right';
      labelX = x + w + 6;
    } else if (x - 6 - textW >= PAD) {
      labelPlace = 'left';
      labelX = x - 6;
    } else {
      // No room on either side: on a line of its own above the bar, kept within the chart.
      labelPlace = 'above';
      labelX = Math.max(PAD, Math.min(x, right - textW));
    }
    const top = rowTop;
    const lift = labelPlace === 'above' ? LABEL_LINE : 0;
    rowTop += ROW_HEIGHT + lift;
    const y = top + lift + (ROW_HEIGHT - BAR_HEIGHT) / 2;
    const labelY = labelPlace === 'above' ? top + LABEL_LINE - 2 : y + BAR_HEIGHT / 2 + 4;
    return { bar, x, width: w, y, label, labelPlace, labelX, labelY };
  });

  const height = Math.max(rowTop, HEADER_HEIGHT + ROW_HEIGHT) + FOOTER_HEIGHT;
  let today: TimelineLayout['today'] = null;
  if (todayYmd && monthNumber(todayYmd) >= first && monthNumber(todayYmd) <= last) {
    // The middle of today's column of days.
    const x = (xOf(todayYmd) + xOf(todayYmd, true)) / 2;
    today = { x, label: `Today, ${formatDate(input.today, undefined, { month: 'short', day: 'numeric' })}` };
  }
  const outside: Array<[number, number]> = [];
  const pFrom = input.period ? parseIso(input.period.from) : null;
  const pTo = input.period ? parseIso(input.period.to) : null;
  if (pFrom && pTo) {
    const a = xOf(pFrom);
    const b = xOf(pTo, true);
    if (a > PAD + 0.5) outside.push([PAD, a - PAD]);
    if (b < width - PAD - 0.5) outside.push([b, width - PAD - b]);
  }
  const fy = Math.floor(first / 12);
  const fm = first % 12;
  const start = `${String(fy).padStart(4, '0')}-${String(fm + 1).padStart(2, '0')}-01`;
  return { width, height, start, months, bars, today, outside };
}

let patternSeq = 0;

/** The SVG of the timeline (no interactivity: the list beside it holds the controls). */
export function timelineSvg(input: TimelineInput, title: string, available?: number): SVGSVGElement {
  const layout = layoutTimeline(input, available);
  const hatchId = `cmp-hatch-${++patternSeq}`;
  const titleId = `cmp-timeline-title-${patternSeq}`;
  const bottom = layout.height - FOOTER_HEIGHT;
  const plotRight = layout.width - PAD;

  const grid = layout.months.map((m) =>
    svg(
      'g',
      { class: 'cmp-tl-month' },
      svg('line', { x1: m.x, x2: m.x, y1: HEADER_HEIGHT - 6, y2: bottom, class: m.label === 'Jan' ? 'cmp-tl-grid year' : 'cmp-tl-grid' }),
      svg('text', { x: m.x + m.width / 2, y: 15, 'text-anchor': 'middle', class: 'cmp-tl-month-label' }, m.label),
      m.year ? svg('text', { x: m.x + 4, y: 29, class: 'cmp-tl-year-label' }, m.year) : null,
    ),
  );

  const bars = layout.bars.map((b) => {
    const { bar } = b;
    const onDark = bar.status === 'active' && b.labelPlace === 'inside';
    // Only a label wider than the whole chart is cut (the tooltip has it in full).
    const maxChars = Math.max(3, Math.floor((plotRight - PAD) / CHAR_WIDTH));
    const text = b.label.length > maxChars ? `${b.label.slice(0, Math.max(1, maxChars - 1))}\u2026` : b.label;
    return svg(
      'g',
      { class: `cmp-tl-bar status-${bar.status}`, 'data-id': bar.id, 'data-label-place': b.labelPlace },
      svgTitle(
        `${b.label}\n${bar.kind} \u00b7 ${formatDate(bar.starts_on)} \u2013 ${formatDate(bar.ends_on)}\nBudget ${formatMoneyForDisplay(bar.budget, bar.currency)}`,
      ),
      svg('rect', {
        x: b.x,
        y: b.y,
        width: b.width,
        height: BAR_HEIGHT,
        rx: 3,
        class: 'cmp-tl-rect',
        fill: bar.status === 'planned' ? `url(#${hatchId})` : null,
      }),
      svg(
        'text',
        {
          x: b.labelX,
          y: b.labelY,
          'text-anchor': b.labelPlace === 'left' ? 'end' : 'start',
          class: ['cmp-tl-label', onDark ? 'on-dark' : 'halo'].join(' '),
        },
        text,
      ),
    );
  });

  const today = layout.today
    ? svg(
        'g',
        { class: 'cmp-tl-today' },
        svg('line', { x1: layout.today.x, x2: layout.today.x, y1: HEADER_HEIGHT - 8, y2: bottom + 4, class: 'cmp-tl-today-line' }),
        svg(
          'text',
          {
            x: layout.today.x,
            y: bottom + 18,
            'text-anchor': layout.today.x < 60 ? 'start' : layout.today.x > layout.width - 60 ? 'end' : 'middle',
            class: 'cmp-tl-today-label',
          },
          layout.today.label,
        ),
      )
    : null;

  return svg(
    'svg',
    {
      class: 'cmp-timeline-svg',
      width: layout.width,
      height: layout.height,
      viewBox: `0 0 ${layout.width} ${layout.height}`,
      role: 'img',
      'aria-labelledby': titleId,
    },
    svg('title', { id: titleId }, title),
    svg(
      'defs',
      null,
      svg(
        'pattern',
        { id: hatchId, width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        svg('rect', { width: 8, height: 8, class: 'cmp-tl-hatch-bg' }),
        svg('line', { x1: 0, y1: 0, x2: 0, y2: 8, class: 'cmp-tl-hatch-line' }),
      ),
    ),
    svg('rect', { x: PAD, y: HEADER_HEIGHT - 6, width: plotRight - PAD, height: bottom - HEADER_HEIGHT + 6, class: 'cmp-tl-plot' }),
    layout.outside.map(([x, w]) =>
      svg('rect', { x, y: HEADER_HEIGHT - 6, width: w, height: bottom - HEADER_HEIGHT + 6, class: 'cmp-tl-outside' }, svgTitle('Outside the plan period')),
    ),
    grid,
    svg('line', { x1: plotRight, x2: plotRight, y1: HEADER_HEIGHT - 6, y2: bottom, class: 'cmp-tl-grid' }),
    bars,
    today,
  );
}

/** A small swatch of a status for the legend (same look as the bars). */
function legendSwatch(status: CampaignStatus): SVGSVGElement {
  const id = `cmp-hatch-${++patternSeq}`;
  return svg(
    'svg',
    { width: 26, height: 14, class: `cmp-tl-swatch status-${status}`, 'aria-hidden': 'true' },
    status === 'planned'
      ? svg(
          'defs',
          null,
          svg(
            'pattern',
            { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
            svg('rect', { width: 6, height: 6, class: 'cmp-tl-hatch-bg' }),
            svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'cmp-tl-hatch-line' }),
          ),
        )
      : null,
    svg('rect', { x: 1, y: 1, width: 24, height: 12, rx: 2, class: 'cmp-tl-rect', fill: status === 'planned' ? `url(#${id})` : null }),
  );
}

export function timelineLegend(withPeriod = false): HTMLElement {
  const item = (status: CampaignStatus, text: string) =>
    h('li', null, legendSwatch(status), h('span', null, `${CAMPAIGN_STATUSES[status]}`), h('span', { class: 'muted' }, text));
  return h(
    'ul',
    { class: 'cmp-tl-legend', 'aria-label': 'Legend' },
    item('planned', 'hatched'),
    item('active', 'solid'),
    item('done', 'grey, \u2713'),
    h('li', null, h('span', { class: 'cmp-tl-legend-today', 'aria-hidden': 'true' }), h('span', null, 'Today')),
    withPeriod ? h('li', null, h('span', { class: 'cmp-tl-legend-outside', 'aria-hidden': 'true' }), h('span', null, 'Outside the plan period')) : null,
  );
}

/** Budget totals per currency, as a definition list. */
export function budgetSummary(bars: readonly TimelineBar[]): HTMLElement {
  const totals = budgetTotals(bars);
  return h(
    'aside',
    { class: 'cmp-budget', 'aria-label': 'Budget totals' },
    h('h3', null, 'Budget'),
    totals.length === 0
      ? h('p', { class: 'muted' }, 'No campaigns yet.')
      : h(
          'ul',
          { class: 'cmp-budget-list' },
          totals.map((t) =>
            h(
              'li',
              { dataset: { currency: t.currency } },
              h('strong', { class: 'cmp-budget-amount' }, formatMoneyForDisplay(t.total, t.currency)),
              h('span', { class: 'muted small' }, `${t.currency} \u00b7 ${t.count} campaign${t.count === 1 ? '' : 's'}`),
            ),
          ),
        ),
    totals.length > 1 ? h('p', { class: 'muted small' }, 'Totals per currency: amounts in different currencies are not added up.') : null,
  );
}

/** Timeline card: the chart (scrolls sideways when long), its legend, and the budget totals beside. */
export function campaignTimeline(input: TimelineInput, title: string): HTMLElement {
  let body: HTMLElement;
  if (input.bars.length === 0) {
    body = h('p', { class: 'muted cmp-tl-empty' }, 'No campaigns to show on the timeline yet.');
  } else {
    const scroll = h('div', { class: 'cmp-tl-scroll', tabindex: '0', role: 'group', 'aria-label': title }, timelineSvg(input, title));
    body = scroll;
    // Months share the width there is; redrawn when it changes (window or sidebar resized).
    if (typeof ResizeObserver === 'function') {
      let drawnFor = -1;
      let frame = 0;
      const observer = new ResizeObserver(() => {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => {
          if (!scroll.isConnected) {
            observer.disconnect();
            return;
          }
          const w = Math.floor(scroll.clientWidth);
          if (w <= 0 || w === drawnFor) return;
          drawnFor = w;
          replaceChildren(scroll, timelineSvg(input, title, w));
        });
      });
      observer.observe(scroll);
    }
  }
  return h(
    'section',
    { class: 'card cmp-timeline', 'aria-label': title },
    h('div', { class: 'cmp-tl-main' }, h('h3', null, title), body, input.bars.length ? timelineLegend(layoutTimeline(input).outside.length > 0) : null),
    budgetSummary(input.bars),
  );
}
