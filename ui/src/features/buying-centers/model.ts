// What the buying-center views need from the plan view, and nothing computed: figures come
// from the core. Only the stored record is picked out (to send back on save) and dependents
// are counted (for the delete question).
import type { BuyingCenter } from '../../ipc/bindings/BuyingCenter';
import type { BuyingCenterView } from '../../ipc/bindings/BuyingCenterView';
import type { PlanView } from '../../ipc/bindings/PlanView';
import type { RelationshipStatus } from '../../ipc/bindings/RelationshipStatus';

export const RELATIONSHIP_STATUSES: Record<RelationshipStatus, string> = {
  none: 'None',
  transactional: 'Transactional',
  preferred_supplier: 'Preferred supplier',
  strategic_partner: 'Strategic partner',
  trusted_advisor: 'Trusted advisor',
};

/** The stored record inside a buying center's view (the view also carries its figures). */
export function recordOf(v: BuyingCenterView): BuyingCenter {
  return {
    id: v.id,
    name: v.name,
    description: v.description,
    total_wallet: v.total_wallet,
    our_revenue: v.our_revenue,
    sales_goal: v.sales_goal,
    target_share_pct: v.target_share_pct,
    relationship_status: v.relationship_status,
    initiative_ids: [...v.initiative_ids],
    competitors: v.competitors.map((c) => ({ ...c })),
    position: v.position,
  };
}

export interface Dependents {
  contacts: number;
  opportunities: number;
  cells: number;
}

/** What deleting a buying center would take with it (or move elsewhere). */
export function dependentsOf(view: PlanView, id: string): Dependents {
  const bc = view.buying_centers.find((b) => b.id === id);
  return {
    contacts: bc?.contact_count ?? 0,
    opportunities: view.opportunities.filter((o) => o.buying_center_id === id).length,
    cells: view.white_space.cells.filter((c) => c.cell.buying_center_id === id).length,
  };
}

export function hasDependents(d: Dependents): boolean {
  return d.contacts + d.opportunities + d.cells > 0;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "3 contacts, 2 opportunities and 1 white-space cell" (kinds with none are left out). */
export function describeDependents(d: Dependents): string {
  const parts: string[] = [];
  if (d.contacts) parts.push(count(d.contacts, 'contact', 'contacts'));
  if (d.opportunities) parts.push(count(d.opportunities, 'opportunity', 'opportunities'));
  if (d.cells) parts.push(count(d.cells, 'white-space cell', 'white-space cells'));
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Next display position: after every existing buying center. */
export function nextPosition(view: PlanView): number {
  if (view.buying_centers.length === 0) return 0;
  return Math.max(...view.buying_centers.map((b) => b.position)) + 1;
}
