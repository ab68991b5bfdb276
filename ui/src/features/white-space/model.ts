// Pure helpers for the white-space feature: labels, lookups and the PlanItems an edit saves.
// Nothing here scores, ranks or derives a status: the core did that (crates/core/src/whitespace.rs);
// these functions only read what it gave and build the records the user asked to save.
import type { CellStatus } from '../../ipc/bindings/CellStatus';
import type { CellView } from '../../ipc/bindings/CellView';
import type { Opportunity } from '../../ipc/bindings/Opportunity';
import type { PlanItem } from '../../ipc/bindings/PlanItem';
import type { PlanView } from '../../ipc/bindings/PlanView';
import type { Play } from '../../ipc/bindings/Play';
import type { PlayKind } from '../../ipc/bindings/PlayKind';
import type { Quadrant } from '../../ipc/bindings/Quadrant';
import type { WhiteSpaceCell } from '../../ipc/bindings/WhiteSpaceCell';

/** Letter shown in the matrix, so a status reads in greyscale and on paper. */
export const STATUS_LETTER: Record<CellStatus, string> = {
  installed: 'I',
  in_pipeline: 'P',
  open: 'O',
  competitor: 'C',
  blocked: 'B',
  not_applicable: '\u2013',
};

export const STATUS_LABEL: Record<CellStatus, string> = {
  installed: 'Installed',
  in_pipeline: 'In pipeline',
  open: 'Open',
  competitor: 'Competitor',
  blocked: 'Blocked',
  not_applicable: 'Not applicable',
};

/** Legend and select order. */
export const STATUSES: CellStatus[] = [
  'installed',
  'in_pipeline',
  'open',
  'competitor',
  'blocked',
  'not_applicable',
];

/**
 * What 's' steps through. In pipeline is left out: it follows open opportunities (the core
 * derives it), so it is set by creating an opportunity, not by hand.
 */
export const STATUS_CYCLE: CellStatus[] = ['open', 'installed', 'competitor', 'blocked', 'not_applicable'];

/** Quadrant names exactly as DOMAIN.md ("Mutual value") writes them. */
export const QUADRANT_LABEL: Record<Quadrant, string> = {
  pursue: 'Pursue',
  dont_force_fit: "Don't force-fit",
  nurture: 'Nurture',
  deprioritize: 'Deprioritize',
};

export const KIND_LABEL: Record<PlayKind, string> = {
  cross_sell: 'Cross-sell',
  up_sell: 'Up-sell',
};

export const FORCE_FIT_WARNING = 'High value to us only: explain the value or look for another way';

/**
 * Statuses whose estimated revenue counts as "open" in the totals: the core's
 * `whitespace::is_actionable` (Open, Competitor, In pipeline). Display sums only.
 */
const ACTIONABLE: ReadonlySet<CellStatus> = new Set<CellStatus>(['open', 'competitor', 'in_pipeline']);

export function isActionable(status: CellStatus): boolean {
  return ACTIONABLE.has(status);
}

/** The status after `status` when the user presses 's'. */
export function nextStatus(status: CellStatus): CellStatus {
  const i = STATUS_CYCLE.indexOf(status);
  return STATUS_CYCLE[(i + 1) % STATUS_CYCLE.length] ?? 'open';
}

export function cellKey(buyingCenterId: string, offeringId: string): string {
  return `${buyingCenterId}|${offeringId}`;
}

/** CellView by (buying center, offering); built once per render. */
export function indexCells(view: PlanView): Map<string, CellView> {
  const map = new Map<string, CellView>();
  for (const c of view.white_space.cells) map.set(cellKey(c.cell.buying_center_id, c.cell.offering_id), c);
  return map;
}

export function findCell(view: PlanView, buyingCenterId: string, offeringId: string): CellView | undefined {
  return view.white_space.cells.find(
    (c) => c.cell.buying_center_id === buyingCenterId && c.cell.offering_id === offeringId,
  );
}

export function buyingCenterNames(view: PlanView): Map<string, string> {
  return new Map(view.buying_centers.map((b) => [b.id, b.name]));
}

/** A cell not assessed yet: what editing it creates. */
export function newCell(buyingCenterId: string, offeringId: string, id: string = crypto.randomUUID()): WhiteSpaceCell {
  return {
    id,
    buying_center_id: buyingCenterId,
    offering_id: offeringId,
    status: 'open',
    value_to_us: null,
    value_to_customer: null,
    value_to_us_rationale: '',
    value_to_customer_rationale: '',
    estimated_revenue: 0,
    competitor: '',
    blocked_reason: '',
  };
}

/** The stored cell, or a new one when the cell has not been assessed yet. */
export function baseCell(view: PlanView, buyingCenterId: string, offeringId: string): WhiteSpaceCell {
  return findCell(view, buyingCenterId, offeringId)?.cell ?? newCell(buyingCenterId, offeringId);
}

export type ScoreSide = 'us' | 'customer';

/** The cell with one score set (the keyboard's digits). */
export function scoreEdit(cell: WhiteSpaceCell, side: ScoreSide, score: number): PlanItem {
  const item: WhiteSpaceCell =
    side === 'us' ? { ...cell, value_to_us: score } : { ...cell, value_to_customer: score };
  return { kind: 'cell', item };
}

/** The cell with its status stepped ('s'); an unassessed cell becomes Open first. */
export function statusEdit(view: PlanView, buyingCenterId: string, offeringId: string): PlanItem {
  const existing = findCell(view, buyingCenterId, offeringId);
  if (!existing) return { kind: 'cell', item: newCell(buyingCenterId, offeringId) };
  return { kind: 'cell', item: { ...existing.cell, status: nextStatus(existing.cell.status) } };
}

/** The opportunity "Create opportunity" saves for a play; the core then shows the cell In pipeline. */
export function opportunityForPlay(
  play: Play,
  id: string = crypto.randomUUID(),
): Extract<PlanItem, { kind: 'opportunity' }> {
  const item: Opportunity = {
    id,
    name: `${play.offering} for ${play.buying_center}`,
    buying_center_id: play.buying_center_id,
    offering_id: play.offering_id,
    amount: play.estimated_revenue,
    stage: 'qualify',
    probability_pct: 10,
    close_on: null,
    status: 'open',
  };
  return { kind: 'opportunity', item };
}

/** Heat-map class (1-5) for a mutual value score the core computed (1-25); 0 when unscored. */
export function heatLevel(score: number | null | undefined): number {
  if (score === null || score === undefined) return 0;
  if (score >= 20) return 5;
  if (score >= 15) return 4;
  if (score >= 10) return 3;
  if (score >= 5) return 2;
  return 1;
}

/** Legend of the heat classes: a sequential, colour-blind-safe ramp (ColorBrewer YlGnBu). */
export const HEAT_LEGEND: Array<{ level: number; label: string; fill: string; ink: string }> = [
  { level: 1, label: '1\u20134', fill: '#ffffcc', ink: '#1f2933' },
  { level: 2, label: '5\u20139', fill: '#c7e9b4', ink: '#1f2933' },
  { level: 3, label: '10\u201312', fill: '#7fcdbb', ink: '#1f2933' },
  { level: 4, label: '15\u201316', fill: '#1d91c0', ink: '#ffffff' },
  { level: 5, label: '20\u201325', fill: '#0c2c84', ink: '#ffffff' },
];

export function heatFill(score: number | null | undefined): string {
  return HEAT_LEGEND[heatLevel(score) - 1]?.fill ?? '#ffffff';
}
