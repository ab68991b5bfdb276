// The org chart: an SVG drawn from the positions the core computed (view.org_chart or one of
// view.buying_center_charts). Nothing is laid out here: cards sit at the core's (x, y), and
// only the connectors' routing between those boxes is drawn. The SVG is built once per render;
// zoom and pan only change the transform of one <g>.
import type { Contact } from '../../ipc/bindings/Contact';
import type { CoverageGap } from '../../ipc/bindings/CoverageGap';
import type { Edge } from '../../ipc/bindings/Edge';
import type { EdgeKind } from '../../ipc/bindings/EdgeKind';
import type { OrgLayout } from '../../ipc/bindings/OrgLayout';
import type { PlanView } from '../../ipc/bindings/PlanView';
import { h } from '../../shared/dom';
import {
  ATTITUDE_COLOR,
  ATTITUDE_TINT,
  ATTITUDES,
  EDGE_KINDS,
  ROLE_SHORT,
  attitudeIcon,
  attitudeLabel,
  attitudeShape,
  influenceLabel,
  levelLabel,
  roleLabel,
} from './labels';
import { contactById, fitText, gapsByContact, ownerOf, shortName, teamMemberName } from './model';
import { r, svg as s } from '../../shared/svg';

export interface Transform {
  k: number;
  tx: number;
  ty: number;
}

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 3;
/** Below this zoom, cards show only the name, large, so a 150-person chart stays readable. */
export const FAR_ZOOM = 0.55;
/** Below this, even a large name is a smudge: cards show their attitude shape only. */
export const TINY_ZOOM = 0.3;
const FIT_PADDING = 24;
/** A first view fits the whole chart only when cards stay readable at that zoom. */
const READABLE_ZOOM = 0.6;
/** Otherwise the first view shows the top of the org at this zoom. */
const INITIAL_ZOOM = 0.8;
/** Fit never enlarges a small chart beyond this. */
const FIT_MAX = 1.25;
const DRAG_THRESHOLD = 5;

/** Stroke styles per line kind: the chart, its legend and the tests read them from here. */
export const EDGE_STYLE: Readonly<
  Record<EdgeKind, { stroke: string; width: number; dash?: string; markerEnd?: string; markerMid?: string }>
> = {
  reports_to: { stroke: '#5b6675', width: 1.5 },
  dotted_line: { stroke: '#5b6675', width: 1.6, dash: '1.5 4' },
  influence: { stroke: '#3a57b8', width: 2, markerEnd: 'rm-arrow' },
  conflict: { stroke: '#c62828', width: 2, dash: '7 4', markerMid: 'rm-conflict' },
};

const LIGHTNING = '1.2,-6 -3.6,0.8 -0.3,0.8 -1.2,6 3.6,-0.8 0.3,-0.8';

function markers(): SVGDefsElement {
  return s(
    'defs',
    null,
    s(
      'marker',
      {
        id: 'rm-arrow',
        viewBox: '0 0 10 10',
        refX: 9,
        refY: 5,
        markerWidth: 11,
        markerHeight: 11,
        markerUnits: 'userSpaceOnUse',
        orient: 'auto',
      },
      s('path', { d: 'M0,0.5 L10,5 L0,9.5 Z', fill: EDGE_STYLE.influence.stroke }),
    ),
    s(
      'marker',
      {
        id: 'rm-conflict',
        viewBox: '-9 -9 18 18',
        refX: 0,
        refY: 0,
        markerWidth: 18,
        markerHeight: 18,
        markerUnits: 'userSpaceOnUse',
        orient: '0',
      },
      s('circle', { r: 8, fill: '#ffffff', stroke: EDGE_STYLE.conflict.stroke, 'stroke-width': 1.5 }),
      s('polygon', { points: LIGHTNING, fill: EDGE_STYLE.conflict.stroke }),
    ),
  );
}

interface Box {
  x: number;
  y: number;
}

/** Elbow connectors for reporting lines; a manager's stacked column of reports gets a spine. */
function reportingPaths(layout: OrgLayout, pos: Map<string, Box>): SVGPathElement[] {
  const cw = layout.card_width;
  const ch = layout.card_height;
  const byManager = new Map<string, Edge[]>();
  for (const e of layout.edges) {
    if (e.kind !== 'reports_to') continue;
    const list = byManager.get(e.from);
    if (list) list.push(e);
    else byManager.set(e.from, [e]);
  }
  const out: SVGPathElement[] = [];
  for (const [managerId, edges] of byManager) {
    const m = pos.get(managerId);
    if (!m) continue;
    const kids = edges.map((e) => ({ e, p: pos.get(e.to) })).filter((k): k is { e: Edge; p: Box } => !!k.p);
    // The core stacks the reports of a manager whose team is all leaves in one column, offset
    // to the right of the manager's left edge: siblings sharing one x are such a column.
    const first = kids[0]?.p;
    const stacked =
      kids.length > 1 && first !== undefined && kids.every((k) => k.p.x === first.x) && first.x > m.x;
    for (const { e, p } of kids) {
      let d: string;
      if (stacked) {
        const spine = m.x + (p.x - m.x) / 2;
        d = `M${r(spine)},${r(m.y + ch)}V${r(p.y + ch / 2)}H${r(p.x)}`;
      } else if (p.y > m.y + ch) {
        const mid = m.y + ch + (p.y - m.y - ch) / 2;
        d = `M${r(m.x + cw / 2)},${r(m.y + ch)}V${r(mid)}H${r(p.x + cw / 2)}V${r(p.y)}`;
      } else {
        d = `M${r(m.x + cw / 2)},${r(m.y + ch)}L${r(p.x + cw / 2)},${r(p.y)}`;
      }
      out.push(edgePath(e, d));
    }
  }
  return out;
}

/** Dotted-line reporting: an elbow too, offset so it never hides the solid line. */
function dottedPath(e: Edge, layout: OrgLayout, m: Box, p: Box): SVGPathElement {
  const cw = layout.card_width;
  const ch = layout.card_height;
  const off = 18;
  const mx = m.x + cw / 2 + off;
  const px = p.x + cw / 2 + off;
  let d: string;
  if (p.y >= m.y + ch) {
    const mid = m.y + ch + (p.y - m.y - ch) / 3;
    d = `M${r(mx)},${r(m.y + ch)}V${r(mid)}H${r(px)}V${r(p.y)}`;
  } else if (p.y + ch <= m.y) {
    const mid = p.y + ch + ((m.y - p.y - ch) * 2) / 3;
    d = `M${r(mx)},${r(m.y)}V${r(mid)}H${r(px)}V${r(p.y + ch)}`;
  } else {
    const below = Math.max(m.y, p.y) + ch + 14;
    d = `M${r(mx)},${r(m.y + ch)}V${r(below)}H${r(px)}V${r(p.y + ch)}`;
  }
  return edgePath(e, d);
}

/** Where the segment from the centre of box `a` towards `to` leaves the box (plus a gap). */
function exitPoint(a: Box, to: { x: number; y: number }, cw: number, ch: number, gap: number) {
  const cx = a.x + cw / 2;
  const cy = a.y + ch / 2;
  const dx = to.x - cx;
  const dy = to.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const t = Math.min(dx !== 0 ? cw / 2 / Math.abs(dx) : Infinity, dy !== 0 ? ch / 2 / Math.abs(dy) : Infinity);
  const len = Math.hypot(dx, dy);
  const tg = t + gap / len;
  return { x: cx + dx * tg, y: cy + dy * tg };
}

/** Influence (arrow from A to the person A sways) and conflict (red dashed, lightning in the middle). */
function linePath(e: Edge, layout: OrgLayout, a: Box, b: Box): SVGPathElement {
  const cw = layout.card_width;
  const ch = layout.card_height;
  const ca = { x: a.x + cw / 2, y: a.y + ch / 2 };
  const cb = { x: b.x + cw / 2, y: b.y + ch / 2 };
  const p1 = exitPoint(a, cb, cw, ch, 2);
  const p2 = exitPoint(b, ca, cw, ch, e.kind === 'influence' ? 3 : 2);
  const end = e.kind === 'influence' ? 3 : 2;
  // Neighbours (a stacked column, or side by side) leave too short a segment for an arrow or a
  // symbol: bow the line out beside them instead. The middle is a vertex either way, so that
  // marker-mid draws the conflict symbol there.
  if (Math.hypot(p2.x - p1.x, p2.y - p1.y) < 48) {
    if (Math.abs(ca.x - cb.x) < cw) {
      const bx = Math.max(a.x, b.x) + cw + 36;
      const s0 = { x: a.x + cw + 2, y: ca.y };
      const s1 = { x: b.x + cw + end, y: cb.y };
      const my = (s0.y + s1.y) / 2;
      return edgePath(e, `M${r(s0.x)},${r(s0.y)}Q${r(bx)},${r(s0.y)} ${r(bx)},${r(my)}Q${r(bx)},${r(s1.y)} ${r(s1.x)},${r(s1.y)}`);
    }
    const by = Math.min(a.y, b.y) - 36;
    const s0 = { x: ca.x, y: a.y - 2 };
    const s1 = { x: cb.x, y: b.y - end };
    const mx = (s0.x + s1.x) / 2;
    return edgePath(e, `M${r(s0.x)},${r(s0.y)}Q${r(s0.x)},${r(by)} ${r(mx)},${r(by)}Q${r(s1.x)},${r(by)} ${r(s1.x)},${r(s1.y)}`);
  }
  const mid = { x: (p1.x + p2.x) / 2, y: (p1.y + p2.y) / 2 };
  const d = `M${r(p1.x)},${r(p1.y)}L${r(mid.x)},${r(mid.y)}L${r(p2.x)},${r(p2.y)}`;
  return edgePath(e, d);
}

function edgePath(e: Edge, d: string): SVGPathElement {
  const st = EDGE_STYLE[e.kind];
  return s('path', {
    class: `rm-edge rm-edge-${e.kind}`,
    'data-kind': e.kind,
    'data-from': e.from,
    'data-to': e.to,
    d,
    fill: 'none',
    stroke: st.stroke,
    'stroke-width': st.width,
    'stroke-dasharray': st.dash,
    'stroke-linecap': e.kind === 'dotted_line' ? 'round' : undefined,
    'marker-end': st.markerEnd ? `url(#${st.markerEnd})` : undefined,
    'marker-mid': st.markerMid ? `url(#${st.markerMid})` : undefined,
  });
}

/** The hover text of a card: everything on it in full, plus its coverage gaps' reasons. */
export function cardTitle(view: PlanView, c: Contact, gaps: CoverageGap[]): string {
  const owner = ownerOf(c);
  const lines = [
    c.title ? `${c.name} — ${c.title}` : c.name,
    `${roleLabel(c.role)} · ${influenceLabel(c.influence)} influence · ${attitudeLabel(c.attitude)}`,
    owner
      ? `Owner: ${teamMemberName(view, owner.team_member_id)} (${levelLabel(owner.level)})`
      : 'No owner on our team',
  ];
  if (gaps.length) {
    lines.push(`⚠ ${gaps.length} coverage gap${gaps.length === 1 ? '' : 's'}:`);
    for (const g of gaps) lines.push(`• ${g.reason}`);
  }
  return lines.join('\n');
}

const INFLUENCE_SHORT = { high: 'High infl.', medium: 'Med. infl.', low: 'Low infl.' } as const;

/**
 * A one-line text cut to `maxPx` by an estimate of glyph widths; `refineTexts` corrects the cut
 * with real measurements once the chart is on screen (the full text stays in `data-full`).
 */
function fitted(
  cls: string,
  x: number,
  y: number,
  text: string,
  maxPx: number,
  fontPx: number,
  bold = false,
  anchor?: 'end',
  /** A shorter form to try before cutting (e.g. "H. Vogel" for "Henrik Vogel"). */
  alt?: string,
): SVGTextElement {
  const est = fitText(text, maxPx, fontPx, bold);
  const shown = est !== text && alt && fitText(alt, maxPx, fontPx, bold) === alt ? alt : est;
  return s(
    'text',
    { class: `${cls} rm-fit`, x, y, 'text-anchor': anchor, 'data-full': text, 'data-alt': alt, 'data-max': maxPx },
    shown,
  );
}

/** "Henrik Vogel" -> "H. Vogel"; "Dr. Lena Brandt" -> "L. Brandt". */
export function compactName(name: string): string {
  const parts = name.trim().split(/\s+/).filter((p) => !/^(dr|prof|mr|mrs|ms)\.?$/i.test(p));
  if (parts.length < 2) return name.trim();
  return `${Array.from(parts[0] ?? '')[0] ?? ''}. ${parts[parts.length - 1]}`;
}

/**
 * Sets `el` to its full text if that measures at most `max` px, else its shorter form if that
 * fits, else the longest prefix of the full text that fits, with an ellipsis.
 */
function cutToWidth(el: SVGTextElement, max: number): void {
  const full = el.getAttribute('data-full') ?? '';
  const alt = el.getAttribute('data-alt');
  const chars = Array.from(full);
  el.textContent = full;
  if (el.getComputedTextLength() <= max) return;
  if (alt) {
    el.textContent = alt;
    if (el.getComputedTextLength() <= max) return;
  }
  let lo = 1;
  let hi = chars.length - 1;
  let best = 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    el.textContent = chars.slice(0, mid).join('').trimEnd() + '…';
    if (el.getComputedTextLength() <= max) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  el.textContent = chars.slice(0, best).join('').trimEnd() + '…';
}

/**
 * Re-cuts the cards' texts with the browser's own measurements (the estimate in `fitted` can
 * be off for wide glyphs or bold text). Role and owner share their line with the influence
 * and the attitude, so their budget is what those leave. No-op where SVG text cannot be
 * measured (tests).
 */
export function refineTexts(svg: SVGSVGElement, cardWidth: number): void {
  const probe = svg.querySelector<SVGTextElement>('.rm-near text');
  if (!probe || typeof probe.getComputedTextLength !== 'function') return;
  const far = svg.classList.contains('rm-zoom-far');
  const tiny = svg.classList.contains('rm-zoom-tiny');
  svg.classList.remove('rm-zoom-far', 'rm-zoom-tiny');
  svg.classList.add('rm-measure'); // shows the zoomed-out names too, so they can be measured
  try {
    if (probe.getComputedTextLength() === 0) return; // not laid out (hidden)
    for (const card of Array.from(svg.querySelectorAll('.rm-nodes > .rm-card'))) {
      const role = card.querySelector<SVGTextElement>('.rm-role');
      const infl = card.querySelector<SVGTextElement>('.rm-influence');
      // 12 px between role and influence: glyphs can render a little wider than measured.
      if (role && infl) role.setAttribute('data-max', String(cardWidth - 8 - infl.getComputedTextLength() - 12 - 16));
      const att = card.querySelector<SVGTextElement>('.rm-att-label');
      const owner = card.querySelector<SVGTextElement>('.rm-owner');
      if (att && owner) owner.setAttribute('data-max', String(cardWidth - 8 - (29 + att.getComputedTextLength()) - 10));
      for (const el of Array.from(card.querySelectorAll<SVGTextElement>('text.rm-fit'))) {
        const max = Number(el.getAttribute('data-max'));
        const full = el.getAttribute('data-full') ?? '';
        if (el.textContent === full && el.getComputedTextLength() <= max) continue;
        cutToWidth(el, max);
      }
    }
  } finally {
    svg.classList.remove('rm-measure');
    if (far) svg.classList.add('rm-zoom-far');
    if (tiny) svg.classList.add('rm-zoom-tiny');
  }
}

function card(view: PlanView, c: Contact, x: number, y: number, layout: OrgLayout, gaps: CoverageGap[], selected: boolean) {
  const cw = layout.card_width;
  const ch = layout.card_height;
  const pad = 16;
  const owner = ownerOf(c);
  const ownerText = owner ? `⚑ ${shortName(teamMemberName(view, owner.team_member_id))}` : '⚑ no owner';
  const attText = attitudeLabel(c.attitude);
  const attWidth = 14 + attText.length * 6.1;
  const g = s(
    'g',
    {
      class: ['rm-card', `rm-att-${c.attitude}`, selected ? 'rm-selected' : '', gaps.length ? 'rm-has-gaps' : '']
        .filter(Boolean)
        .join(' '),
      transform: `translate(${r(x)} ${r(y)})`,
      'data-contact-id': c.id,
      tabindex: 0,
      role: 'button',
      'aria-label': `${c.name}, ${c.title || 'no title'}, ${attitudeLabel(c.attitude)}${
        gaps.length ? `, ${gaps.length} coverage gaps` : ''
      }. Open to edit.`,
    },
    s('title', null, cardTitle(view, c, gaps)),
    s('rect', {
      class: 'rm-card-bg',
      width: cw,
      height: ch,
      rx: 6,
      fill: ATTITUDE_TINT[c.attitude],
      stroke: ATTITUDE_COLOR[c.attitude],
      'stroke-width': 1.5,
    }),
    s('path', {
      class: 'rm-card-stripe',
      d: `M0,6A6,6 0 0 1 6,0H8V${ch}H6A6,6 0 0 1 0,${ch - 6}Z`,
      fill: ATTITUDE_COLOR[c.attitude],
    }),
    s(
      'g',
      { class: 'rm-near' },
      fitted('rm-name', pad, 17, c.name, cw - pad - (gaps.length ? 40 : 8), 13, true),
      fitted('rm-title', pad, 31, c.title || '—', cw - pad - 8, 11),
      fitted('rm-role', pad, 45, ROLE_SHORT[c.role], cw - pad - 70, 11, true),
      s(
        'text',
        { class: `rm-influence rm-infl-${c.influence}`, x: cw - 8, y: 45, 'text-anchor': 'end' },
        INFLUENCE_SHORT[c.influence],
      ),
      s('g', { class: 'rm-attitude', transform: `translate(${pad + 5} 55.5)` }, attitudeShape(c.attitude, 10)),
      s('text', { class: `rm-att-label rm-att-text-${c.attitude}`, x: pad + 13, y: 59 }, attText),
      fitted(owner ? 'rm-owner' : 'rm-owner rm-no-owner', cw - 8, 59, ownerText, cw - pad - attWidth - 14, 11, false, 'end'),
    ),
    s(
      'g',
      { class: 'rm-far' },
      s('g', { transform: `translate(17 ${ch / 2})` }, attitudeShape(c.attitude, 16)),
      fitted('rm-far-name', 29, ch / 2 + 8, c.name, cw - 29 - 6, 22, true, undefined, compactName(c.name)),
    ),
    // Zoomed out so far that no name could be read: the attitude's shape, large.
    s('g', { class: 'rm-tiny', transform: `translate(${cw / 2 + 4} ${ch / 2})` }, attitudeShape(c.attitude, 40)),
    gaps.length
      ? // Anchored at its top-right corner, so the larger badge of a zoomed-out chart grows
        // inwards (CSS scales the inner group; the outer one keeps the position).
        s(
          'g',
          { class: 'rm-gap-badge', transform: `translate(${cw + 6} -9)` },
          s(
            'g',
            { class: 'rm-gap-badge-in' },
            s('rect', { x: -50, width: 50, height: 20, rx: 10, fill: '#fff3cd', stroke: '#c77700', 'stroke-width': 1.2 }),
            s('text', { x: -25, y: 14.5, 'text-anchor': 'middle' }, `⚠ ${gaps.length}`),
          ),
        )
      : null,
  );
  return g;
}

export interface ChartSvg {
  svg: SVGSVGElement;
  viewport: SVGGElement;
  overlay: SVGGElement;
  /** Card groups by contact id. */
  cards: Map<string, SVGGElement>;
}

/** Builds the chart's SVG for one layout. Pure DOM construction: no events, no sizes. */
export function buildChartSvg(view: PlanView, layout: OrgLayout, selectedId: string | null): ChartSvg {
  const people = contactById(view);
  const gaps = gapsByContact(view);
  const pos = new Map<string, Box>(layout.nodes.map((n) => [n.contact_id, { x: n.x, y: n.y }]));
  const reporting = s('g', { class: 'rm-edges rm-edges-reporting' }, reportingPaths(layout, pos));
  const dotted: SVGPathElement[] = [];
  const informal: SVGPathElement[] = [];
  for (const e of layout.edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) continue;
    if (e.kind === 'dotted_line') dotted.push(dottedPath(e, layout, a, b));
    else if (e.kind === 'influence' || e.kind === 'conflict') informal.push(linePath(e, layout, a, b));
  }
  const cards = new Map<string, SVGGElement>();
  const nodes = s('g', { class: 'rm-nodes' });
  for (const n of layout.nodes) {
    const c = people.get(n.contact_id);
    if (!c) continue;
    const g = card(view, c, n.x, n.y, layout, gaps.get(c.id) ?? [], c.id === selectedId);
    cards.set(c.id, g);
    nodes.appendChild(g);
  }
  const overlay = s('g', { class: 'rm-overlay' });
  const viewport = s(
    'g',
    { class: 'rm-viewport', transform: 'translate(0 0) scale(1)' },
    reporting,
    s('g', { class: 'rm-edges rm-edges-dotted' }, dotted),
    nodes,
    s('g', { class: 'rm-edges rm-edges-informal' }, informal),
    overlay,
  );
  const svg = s(
    'svg',
    {
      class: 'rm-svg',
      width: '100%',
      height: '100%',
      role: 'group',
      'aria-label': `Org chart, ${layout.nodes.length} people`,
      'data-width': layout.width,
      'data-height': layout.height,
    },
    markers(),
    s('rect', { class: 'rm-bg', x: 0, y: 0, width: '100%', height: '100%', fill: 'transparent' }),
    viewport,
  );
  return { svg, viewport, overlay, cards };
}

/** The legend: attitudes (colour, shape and word), line kinds, and the card's marks. */
export function legend(): HTMLElement {
  const sample = (kind: EdgeKind) => {
    const st = EDGE_STYLE[kind];
    const d = kind === 'reports_to' ? 'M4,3V9H36V15' : kind === 'dotted_line' ? 'M4,3V9H36V15' : 'M3,9L20,9L37,9';
    return s(
      'svg',
      { class: 'rm-legend-line', width: 42, height: 18, viewBox: '0 0 42 18', 'aria-hidden': 'true' },
      s('path', {
        d,
        fill: 'none',
        stroke: st.stroke,
        'stroke-width': st.width,
        'stroke-dasharray': st.dash,
        'stroke-linecap': kind === 'dotted_line' ? 'round' : undefined,
        'marker-end': st.markerEnd ? `url(#${st.markerEnd})` : undefined,
        'marker-mid': st.markerMid ? `url(#${st.markerMid})` : undefined,
      }),
    );
  };
  return h(
    'div',
    { class: 'rm-legend', 'aria-label': 'Legend' },
    h(
      'div',
      { class: 'rm-legend-group' },
      h('span', { class: 'rm-legend-title' }, 'Attitude toward us'),
      ATTITUDES.map(([a, label]) =>
        h('span', { class: `rm-legend-item rm-legend-att-${a}`, dataset: { attitude: a } }, attitudeIcon(a, 12), label),
      ),
    ),
    h(
      'div',
      { class: 'rm-legend-group' },
      h('span', { class: 'rm-legend-title' }, 'Lines'),
      EDGE_KINDS.map(([k, label, help]) =>
        h('span', { class: 'rm-legend-item', title: help, dataset: { kind: k } }, sample(k), label),
      ),
    ),
    h(
      'div',
      { class: 'rm-legend-group' },
      h('span', { class: 'rm-legend-item' }, h('span', { class: 'rm-legend-badge' }, '⚠ 2'), 'coverage gaps (hover a card for why)'),
      h('span', { class: 'rm-legend-item' }, '⚑ owner on our team'),
    ),
  );
}

export interface ChartOptions {
  view: PlanView;
  layout: OrgLayout;
  selectedId: string | null;
  readonly: boolean;
  /** Saved zoom/pan of this chart; null fits the chart to the window once it has a size. */
  transform: Transform | null;
  onTransform(t: Transform): void;
  onSelect(contactId: string): void;
  /** A card dropped on another card: `contactId` should now report to `managerId`. */
  onReassign(contactId: string, managerId: string): void;
  /** Controls placed at the start of the chart toolbar (the buying-center filter). */
  toolbarStart?: HTMLElement[];
}

export interface ChartHandle {
  element: HTMLElement;
  fit(): void;
  zoomBy(factor: number): void;
  /** Brings a card into view (keeps the zoom unless it is too small to read). */
  reveal(contactId: string): void;
  transform(): Transform;
  destroy(): void;
}

/** The chart with its toolbar (zoom, fit) and legend, zoom/pan and drag-to-reassign wired. */
export function renderChart(o: ChartOptions): ChartHandle {
  const { svg, viewport, overlay, cards } = buildChartSvg(o.view, o.layout, o.selectedId);
  const pos = new Map(o.layout.nodes.map((n) => [n.contact_id, n]));
  const cw = o.layout.card_width;
  const ch = o.layout.card_height;
  let t: Transform = o.transform ? { ...o.transform } : { k: 1, tx: FIT_PADDING, ty: FIT_PADDING };
  const zoomLabel = h('button', {
    type: 'button',
    class: 'small rm-zoom-level',
    title: 'Actual size (100%)',
    'aria-label': 'Zoom to 100%',
  });
  const stage = h('div', {
    class: ['rm-stage', o.readonly ? 'rm-readonly' : ''],
    tabindex: '0',
    'aria-label': 'Org chart. Ctrl or Cmd + wheel zooms, drag the background or scroll to pan, + and - keys zoom, 0 fits.',
  });
  stage.appendChild(svg);
  if (o.layout.nodes.length === 0) {
    stage.appendChild(h('div', { class: 'empty-state rm-chart-empty' }, 'No people in this chart yet.'));
  }

  const size = () => {
    const rect = stage.getBoundingClientRect();
    return { w: rect.width, h: rect.height, left: rect.left, top: rect.top };
  };

  const apply = () => {
    viewport.setAttribute('transform', `translate(${r(t.tx)} ${r(t.ty)}) scale(${Math.round(t.k * 1000) / 1000})`);
    svg.classList.toggle('rm-zoom-far', t.k < FAR_ZOOM && t.k >= TINY_ZOOM);
    svg.classList.toggle('rm-zoom-tiny', t.k < TINY_ZOOM);
    zoomLabel.textContent = `${Math.round(t.k * 100)}%`;
    o.onTransform({ ...t });
  };

  const zoomAt = (factor: number, px: number, py: number) => {
    const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, t.k * factor));
    t = { k, tx: px - ((px - t.tx) * k) / t.k, ty: py - ((py - t.ty) * k) / t.k };
    apply();
  };

  const zoomBy = (factor: number) => {
    const { w, h: hh } = size();
    zoomAt(factor, w / 2, hh / 2);
  };

  const fit = () => {
    const { w, h: hh } = size();
    if (w <= 0 || hh <= 0) return false;
    const lw = Math.max(o.layout.width, cw);
    const lh = Math.max(o.layout.height, ch);
    const k = Math.min(FIT_MAX, Math.max(MIN_ZOOM, Math.min((w - 2 * FIT_PADDING) / lw, (hh - 2 * FIT_PADDING) / lh)));
    t = { k, tx: (w - lw * k) / 2, ty: Math.max(FIT_PADDING, (hh - lh * k) / 2) };
    apply();
    return true;
  };

  const reveal = (id: string) => {
    const n = pos.get(id);
    if (!n) return;
    const { w, h: hh } = size();
    if (w <= 0 || hh <= 0) return;
    const k = Math.max(t.k, 0.7);
    const x0 = n.x * k + t.tx;
    const y0 = n.y * k + t.ty;
    if (k === t.k && x0 >= 0 && y0 >= 0 && x0 + cw * k <= w && y0 + ch * k <= hh) return;
    t = { k, tx: w / 2 - (n.x + cw / 2) * k, ty: hh / 2 - (n.y + ch / 2) * k };
    apply();
  };

  /**
   * The first look at a chart: all of it when that is readable, otherwise a readable zoom on
   * the top of the org (its head centred), with "Fit to window" one click away.
   */
  const initialView = () => {
    const { w, h: hh } = size();
    if (w <= 0 || hh <= 0) return false;
    const lw = Math.max(o.layout.width, cw);
    const lh = Math.max(o.layout.height, ch);
    const fitK = Math.min((w - 2 * FIT_PADDING) / lw, (hh - 2 * FIT_PADDING) / lh);
    const top = [...o.layout.nodes].sort(
      (a, b) => a.y - b.y || Math.abs(a.x + cw / 2 - lw / 2) - Math.abs(b.x + cw / 2 - lw / 2),
    )[0];
    if (fitK >= READABLE_ZOOM || !top) return fit();
    const k = INITIAL_ZOOM;
    t = { k, tx: w / 2 - (top.x + cw / 2) * k, ty: FIT_PADDING + 10 };
    apply();
    return true;
  };

  apply();
  // Once the stage is attached and laid out: the first view (unless one was kept), and texts
  // cut with real measurements.
  let raf = 0;
  let tries = 0;
  const settle = () => {
    raf = 0;
    if (!stage.isConnected || size().w <= 0) {
      if (++tries < 10 && typeof requestAnimationFrame === 'function') raf = requestAnimationFrame(settle);
      return;
    }
    if (!o.transform) initialView();
    refineTexts(svg, cw);
  };
  if (typeof requestAnimationFrame === 'function') raf = requestAnimationFrame(settle);

  // ---- wheel: ctrl/cmd + wheel zooms at the pointer; plain wheel scrolls (pans) ----
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    const { left, top } = size();
    if (e.ctrlKey || e.metaKey) {
      zoomAt(Math.exp(-e.deltaY * unit * 0.0025), e.clientX - left, e.clientY - top);
    } else {
      const dx = e.shiftKey && !e.deltaX ? e.deltaY : e.deltaX;
      const dy = e.shiftKey && !e.deltaX ? 0 : e.deltaY;
      t = { ...t, tx: t.tx - dx * unit, ty: t.ty - dy * unit };
      apply();
    }
  };
  stage.addEventListener('wheel', onWheel, { passive: false });

  // ---- pointer: drag background pans; drag a card onto another sets reports-to; click opens ----
  type Gesture =
    | { kind: 'pan'; x: number; y: number; t0: Transform }
    | { kind: 'card'; id: string; x: number; y: number; moved: boolean; ghost: SVGGElement | null; target: string | null };
  let gesture: Gesture | null = null;

  const chartPoint = (clientX: number, clientY: number) => {
    const { left, top } = size();
    return { x: (clientX - left - t.tx) / t.k, y: (clientY - top - t.ty) / t.k };
  };
  const cardAt = (clientX: number, clientY: number): string | null => {
    const p = chartPoint(clientX, clientY);
    for (const n of o.layout.nodes) {
      if (p.x >= n.x && p.x <= n.x + cw && p.y >= n.y && p.y <= n.y + ch) return n.contact_id;
    }
    return null;
  };
  const setTarget = (g: Extract<Gesture, { kind: 'card' }>, id: string | null) => {
    if (g.target === id) return;
    if (g.target) cards.get(g.target)?.classList.remove('rm-drop-target');
    g.target = id;
    if (id) cards.get(id)?.classList.add('rm-drop-target');
  };

  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== undefined && e.button !== 0) return;
    const cardEl = (e.target as Element | null)?.closest?.('.rm-card');
    const id = cardEl?.getAttribute('data-contact-id');
    if (id) {
      gesture = { kind: 'card', id, x: e.clientX, y: e.clientY, moved: false, ghost: null, target: null };
    } else {
      gesture = { kind: 'pan', x: e.clientX, y: e.clientY, t0: { ...t } };
      stage.classList.add('rm-panning');
    }
    try {
      if (e.pointerId !== undefined) svg.setPointerCapture(e.pointerId);
    } catch {
      // not supported (tests) or pointer already gone
    }
  };

  const onPointerMove = (e: PointerEvent) => {
    const g = gesture;
    if (!g) return;
    const dx = e.clientX - g.x;
    const dy = e.clientY - g.y;
    if (g.kind === 'pan') {
      t = { ...g.t0, tx: g.t0.tx + dx, ty: g.t0.ty + dy };
      apply();
      return;
    }
    if (o.readonly) return;
    if (!g.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    const n = pos.get(g.id);
    const src = cards.get(g.id);
    if (!n || !src) return;
    if (!g.moved) {
      g.moved = true;
      g.ghost = src.cloneNode(true) as SVGGElement;
      g.ghost.setAttribute('class', `${src.getAttribute('class') ?? ''} rm-ghost`);
      g.ghost.removeAttribute('tabindex');
      g.ghost.removeAttribute('data-contact-id');
      overlay.appendChild(g.ghost);
      src.classList.add('rm-dragging');
      stage.classList.add('rm-drag-active');
    }
    g.ghost?.setAttribute('transform', `translate(${r(n.x + dx / t.k)} ${r(n.y + dy / t.k)})`);
    const over = cardAt(e.clientX, e.clientY);
    setTarget(g, over && over !== g.id ? over : null);
  };

  const endGesture = (e: PointerEvent | null, cancelled: boolean) => {
    const g = gesture;
    gesture = null;
    stage.classList.remove('rm-panning', 'rm-drag-active');
    if (!g || g.kind === 'pan') return;
    g.ghost?.remove();
    cards.get(g.id)?.classList.remove('rm-dragging');
    // Where the pointer is released decides, whatever the last move event said.
    const target = e && g.moved ? cardAt(e.clientX, e.clientY) : null;
    setTarget(g, null);
    if (cancelled || !e) return;
    if (!g.moved) {
      o.onSelect(g.id);
    } else if (target && target !== g.id) {
      o.onReassign(g.id, target);
    }
  };

  svg.addEventListener('pointerdown', onPointerDown);
  svg.addEventListener('pointermove', onPointerMove);
  svg.addEventListener('pointerup', (e) => endGesture(e, false));
  svg.addEventListener('pointercancel', () => endGesture(null, true));

  // ---- keyboard: Enter/Space on a card opens it; +/-/0 zoom; arrows pan ----
  stage.addEventListener('keydown', (e) => {
    const target = e.target as Element;
    const id = target.closest?.('.rm-card')?.getAttribute('data-contact-id');
    if (id && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      o.onSelect(id);
      return;
    }
    if (e.key === 'Escape' && gesture) {
      endGesture(null, true);
      return;
    }
    const step = 60;
    const pans: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    if (e.key === '+' || e.key === '=') zoomBy(1.25);
    else if (e.key === '-' || e.key === '_') zoomBy(1 / 1.25);
    else if (e.key === '0') fit();
    else if (pans[e.key] && !id) {
      const [dx, dy] = pans[e.key] as [number, number];
      t = { ...t, tx: t.tx + dx, ty: t.ty + dy };
      apply();
    } else return;
    e.preventDefault();
  });

  zoomLabel.addEventListener('click', () => {
    const { w, h: hh } = size();
    zoomAt(1 / t.k, w / 2, hh / 2);
  });

  const toolbar = h(
    'div',
    { class: 'rm-chart-toolbar toolbar' },
    o.toolbarStart ?? [],
    h('span', { class: 'rm-spacer' }),
    h(
      'div',
      { class: 'rm-zoom', role: 'group', 'aria-label': 'Zoom' },
      h('button', { type: 'button', class: 'small rm-zoom-out', title: 'Zoom out (-)', 'aria-label': 'Zoom out', onclick: () => zoomBy(1 / 1.25) }, '−'),
      zoomLabel,
      h('button', { type: 'button', class: 'small rm-zoom-in', title: 'Zoom in (+)', 'aria-label': 'Zoom in', onclick: () => zoomBy(1.25) }, '+'),
      h('button', { type: 'button', class: 'small rm-fit', title: 'Fit to window (0)', onclick: () => fit() }, 'Fit to window'),
    ),
  );
  const element = h(
    'div',
    { class: 'rm-chart' },
    toolbar,
    stage,
    legend(),
    o.readonly ? null : h('p', { class: 'muted small rm-chart-hint' }, 'Click a card to edit it. Drag a card onto another card to change who they report to.'),
  );
  return {
    element,
    fit: () => void fit(),
    zoomBy,
    reveal,
    transform: () => ({ ...t }),
    destroy: () => {
      if (raf && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(raf);
      gesture = null;
    },
  };
}
