// The contract between the app shell and each plan feature. A feature renders into `root`
// from `ctx.view` (every figure already computed by the core) and saves through `ctx`; the
// shell re-renders the feature with the new view after each save.
import type { Account } from '../ipc/bindings/Account';
import type { ItemRef } from '../ipc/bindings/ItemRef';
import type { PlanItem } from '../ipc/bindings/PlanItem';
import type { PlanView } from '../ipc/bindings/PlanView';

export interface PlanContext {
  /** The plan as the core computed it. */
  readonly view: PlanView;
  /** Snapshots and closed plans are frozen: features show them without edit controls. */
  readonly readonly: boolean;
  /** Why the plan is read-only: a closed plan can still be printed, a snapshot cannot. */
  readonly readonlyReason?: 'snapshot' | 'closed';
  /** One user edit; resolves with the recomputed plan, rejects with an AppError (use its `field`). */
  save(upserts: PlanItem[], deletes?: ItemRef[]): Promise<PlanView>;
  /**
   * Save the account's own fields (overview). Resolves once saved, with `view` updated; unlike
   * `save` it does not re-render the area, so a form being typed into keeps its focus and text.
   * Rejects with an AppError (use its `field`).
   */
  saveAccount(account: Account): Promise<void>;
  /** Replace the view after a command that returns one (e.g. deleting a buying center). */
  replaceView(view: PlanView): void;
  /** Go to another place in the app, e.g. `#/plan/<planId>/buying-centers`. */
  navigate(hash: string): void;
  /** The hash of another area of the same plan (or, in a snapshot, of the same snapshot). */
  href(area: PlanAreaKey): string;
}

/** A feature view: renders into root; may return a cleanup function. */
export type FeatureView = (root: HTMLElement, ctx: PlanContext) => void | (() => void);

/** The plan areas, in navigation order. `ready: false` areas say plainly they are not built yet. */
export const PLAN_AREAS = [
  { key: 'overview', label: 'Overview' },
  { key: 'buying-centers', label: 'Buying centers' },
  { key: 'opportunities', label: 'Opportunities' },
  { key: 'relationship-map', label: 'Relationship map' },
  { key: 'osas', label: 'OSAs' },
  { key: 'white-space', label: 'White space' },
  { key: 'campaigns', label: 'Campaigns' },
  { key: 'segmentation', label: 'Segmentation' },
  { key: 'completeness', label: 'Completeness and health' },
  { key: 'since-last-qbr', label: 'Since last QBR' },
  { key: 'export', label: 'Export' },
] as const;

export type PlanAreaKey = (typeof PLAN_AREAS)[number]['key'];

/** The hash of a plan area (features link to areas with it). */
export function planHash(planId: string, area: PlanAreaKey = 'overview'): string {
  return `#/plan/${encodeURIComponent(planId)}/${area}`;
}

/** The hash of a snapshot's area (read-only). */
export function snapshotHash(snapshotId: string, area: PlanAreaKey = 'overview'): string {
  return `#/snapshot/${encodeURIComponent(snapshotId)}/${area}`;
}
