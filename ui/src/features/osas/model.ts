// The OSA outline as data: rows in display order, filters, and every keyboard/drag operation
// turned into ONE edit (upserts + deletes) for `ctx.save`. Pure functions over the PlanView:
// nothing here touches the DOM, and nothing recomputes what the core derives (progress,
// overdue) — those are read from the view.
import type { Action } from '../../ipc/bindings/Action';
import type { ActionStatus } from '../../ipc/bindings/ActionStatus';
import type { ActionView } from '../../ipc/bindings/ActionView';
import type { ItemRef } from '../../ipc/bindings/ItemRef';
import type { Objective } from '../../ipc/bindings/Objective';
import type { ObjectiveKind } from '../../ipc/bindings/ObjectiveKind';
import type { ObjectiveView } from '../../ipc/bindings/ObjectiveView';
import type { PlanItem } from '../../ipc/bindings/PlanItem';
import type { PlanView } from '../../ipc/bindings/PlanView';
import type { Strategy } from '../../ipc/bindings/Strategy';
import type { StrategyView } from '../../ipc/bindings/StrategyView';

export type OsaKind = 'objective' | 'strategy' | 'action';
export type Level = 0 | 1 | 2;

export const KIND_AT_LEVEL: readonly OsaKind[] = ['objective', 'strategy', 'action'];
export const LEVEL_OF: Record<OsaKind, Level> = { objective: 0, strategy: 1, action: 2 };

export const OBJECTIVE_KINDS: readonly ObjectiveKind[] = ['revenue', 'relationship', 'positioning', 'marketing'];
export const ACTION_STATUSES: readonly ActionStatus[] = ['open', 'done', 'blocked', 'dropped'];

export const KIND_LABEL: Record<ObjectiveKind, string> = {
  revenue: 'Revenue',
  relationship: 'Relationship',
  positioning: 'Positioning',
  marketing: 'Marketing',
};
export const STATUS_LABEL: Record<ActionStatus, string> = {
  open: 'Open',
  done: 'Done',
  blocked: 'Blocked',
  dropped: 'Dropped',
};

/** One user edit, as `ctx.save` takes it. */
export interface Edit {
  upserts: PlanItem[];
  deletes: ItemRef[];
}

/** A row typed but not saved yet (the core refuses empty titles, so new rows wait for text). */
export interface Draft {
  id: string;
  kind: OsaKind;
  /** Objective id (strategy), strategy id (action), null (objective). */
  parentId: string | null;
  /** Sibling it goes after; null = first. */
  afterId: string | null;
  text: string;
  /** Sent to the core, waiting for the answer. */
  saving: boolean;
  /** For a new objective: the kind it starts with. */
  objectiveKind: ObjectiveKind;
}

export interface Row {
  key: string;
  kind: OsaKind;
  id: string;
  level: Level;
  parentId: string | null;
  title: string;
  objective?: ObjectiveView;
  strategy?: StrategyView;
  action?: ActionView;
  draft?: Draft;
}

export const rowKey = (kind: OsaKind, id: string): string => `${kind}:${id}`;

export function parseKey(key: string): { kind: OsaKind; id: string } {
  const i = key.indexOf(':');
  return { kind: key.slice(0, i) as OsaKind, id: key.slice(i + 1) };
}

/** A fresh record id (UUID v4). */
export { newId } from '../../shared/id';

// ---------- the tree in display order ----------

const byPosition = <T extends { position: number }>(list: readonly T[]): T[] =>
  // Array.prototype.sort is stable: equal positions keep the core's order.
  [...list].sort((a, b) => a.position - b.position);

/** Objectives, their strategies and actions, each list ordered by `position`. */
export function sortedTree(view: PlanView): ObjectiveView[] {
  return byPosition(view.objectives).map((o) => ({
    ...o,
    strategies: byPosition(o.strategies).map((s) => ({ ...s, actions: byPosition(s.actions) })),
  }));
}

export interface Found {
  objective: ObjectiveView;
  strategy?: StrategyView;
  action?: ActionView;
}

export function find(tree: ObjectiveView[], kind: OsaKind, id: string): Found | null {
  for (const objective of tree) {
    if (kind === 'objective' && objective.id === id) return { objective };
    for (const strategy of objective.strategies) {
      if (kind === 'strategy' && strategy.id === id) return { objective, strategy };
      for (const action of strategy.actions) {
        if (kind === 'action' && action.id === id) return { objective, strategy, action };
      }
    }
  }
  return null;
}

/** The record as the core stores it (derived fields stripped). */
export function toObjective(o: ObjectiveView | Objective): Objective {
  return {
    id: o.id,
    kind: o.kind,
    title: o.title,
    target: o.target,
    unit: o.unit,
    starts_on: o.starts_on,
    due_on: o.due_on,
    buying_center_id: o.buying_center_id,
    initiative_id: o.initiative_id,
    owner_id: o.owner_id,
    position: o.position,
  };
}
export function toStrategy(s: StrategyView | Strategy): Strategy {
  return { id: s.id, objective_id: s.objective_id, title: s.title, position: s.position };
}
export function toAction(a: ActionView | Action): Action {
  return {
    id: a.id,
    strategy_id: a.strategy_id,
    what: a.what,
    owner_id: a.owner_id,
    due_on: a.due_on,
    status: a.status,
    position: a.position,
  };
}

const objItem = (o: Objective): PlanItem => ({ kind: 'objective', item: toObjective(o) });
const strItem = (s: Strategy): PlanItem => ({ kind: 'strategy', item: toStrategy(s) });
const actItem = (a: Action): PlanItem => ({ kind: 'action', item: toAction(a) });

/** Siblings of an item (same kind, same parent), in order. */
function siblings(tree: ObjectiveView[], kind: OsaKind, parentId: string | null): Array<{ id: string; position: number }> {
  if (kind === 'objective') return tree;
  if (kind === 'strategy') return tree.find((o) => o.id === parentId)?.strategies ?? [];
  for (const o of tree) {
    const s = o.strategies.find((x) => x.id === parentId);
    if (s) return s.actions;
  }
  return [];
}

export function parentOf(found: Found, kind: OsaKind): string | null {
  if (kind === 'objective') return null;
  if (kind === 'strategy') return found.objective.id;
  return found.strategy?.id ?? null;
}

/** The title of the saved item (objectives and strategies: title; actions: what). */
export function titleOf(found: Found, kind: OsaKind): string {
  if (kind === 'action') return found.action?.what ?? '';
  if (kind === 'strategy') return found.strategy?.title ?? '';
  return found.objective.title;
}

// ---------- positions ----------

/**
 * Positions after inserting `newId` into `ordered` (ids in their new order): the new item
 * takes the slot after its predecessor and later siblings move only where they must.
 * Returns id -> position for the items whose position is new or changed.
 */
export function insertPositions(
  ordered: readonly string[],
  current: ReadonlyMap<string, number>,
): Map<string, number> {
  const out = new Map<string, number>();
  let last = -1;
  for (const id of ordered) {
    const had = current.get(id);
    const pos = had !== undefined && had > last ? had : last + 1;
    if (pos !== had) out.set(id, pos);
    last = pos;
  }
  return out;
}

/**
 * Positions after a reorder: the siblings keep the set of positions they had, handed out in
 * the new order (so Alt+Down swaps exactly two positions). When positions were not distinct,
 * they are renumbered 0..n-1. Returns only changed ones.
 */
export function reorderPositions(
  ordered: readonly string[],
  current: ReadonlyMap<string, number>,
): Map<string, number> {
  const pool = ordered.map((id) => current.get(id) ?? 0).sort((a, b) => a - b);
  const distinct = pool.every((p, i) => i === 0 || p > pool[i - 1]);
  const out = new Map<string, number>();
  ordered.forEach((id, i) => {
    const pos = distinct ? pool[i] : i;
    if (current.get(id) !== pos) out.set(id, pos);
  });
  return out;
}

const positionsOf = (list: ReadonlyArray<{ id: string; position: number }>) =>
  new Map(list.map((x) => [x.id, x.position] as const));

/** Upserts for siblings whose position changed (skipping `skip`, handled by the caller). */
function repositioned(
  tree: ObjectiveView[],
  kind: OsaKind,
  changes: Map<string, number>,
  skip: ReadonlySet<string> = new Set(),
): PlanItem[] {
  const items: PlanItem[] = [];
  for (const [id, position] of changes) {
    if (skip.has(id)) continue;
    const f = find(tree, kind, id);
    if (!f) continue;
    if (kind === 'objective') items.push(objItem({ ...toObjective(f.objective), position }));
    else if (kind === 'strategy' && f.strategy) items.push(strItem({ ...f.strategy, position }));
    else if (kind === 'action' && f.action) items.push(actItem({ ...f.action, position }));
  }
  return items;
}

// ---------- operations: each returns one edit, or a reason why not ----------

export type OpResult =
  | {
      ok: true;
      edit: Edit;
      /** Row to focus once saved. */
      focus?: string;
      /** Set when the change drops data: offer to undo it. */
      lossy?: string;
    }
  | { ok: false; reason: string };

const refuse = (reason: string): OpResult => ({ ok: false, reason });

export interface Defaults {
  /** Kind of a new objective. */
  objectiveKind: ObjectiveKind;
}

/** A saved draft: the new record plus the siblings that make room for it. */
export function insertDraft(view: PlanView, draft: Draft): OpResult {
  const tree = sortedTree(view);
  const sibs = siblings(tree, draft.kind, draft.parentId);
  const ids = sibs.map((s) => s.id).filter((id) => id !== draft.id);
  const at = draft.afterId === null ? 0 : ids.indexOf(draft.afterId) + 1 || ids.length;
  ids.splice(at, 0, draft.id);
  const changes = insertPositions(ids, positionsOf(sibs));
  const position = changes.get(draft.id) ?? 0;
  let item: PlanItem;
  if (draft.kind === 'objective') {
    item = {
      kind: 'objective',
      item: {
        id: draft.id,
        kind: draft.objectiveKind,
        title: draft.text,
        target: '',
        unit: '',
        starts_on: null,
        due_on: null,
        buying_center_id: null,
        initiative_id: null,
        owner_id: null,
        position,
      },
    };
  } else if (draft.kind === 'strategy') {
    item = { kind: 'strategy', item: { id: draft.id, objective_id: draft.parentId ?? '', title: draft.text, position } };
  } else {
    item = {
      kind: 'action',
      item: {
        id: draft.id,
        strategy_id: draft.parentId ?? '',
        what: draft.text,
        owner_id: null,
        due_on: null,
        status: 'open',
        position,
      },
    };
  }
  return {
    ok: true,
    edit: { upserts: [item, ...repositioned(tree, draft.kind, changes, new Set([draft.id]))], deletes: [] },
    focus: rowKey(draft.kind, draft.id),
  };
}

/** Saves a changed title (objective/strategy title, action "what"). */
export function retitle(view: PlanView, kind: OsaKind, id: string, text: string): OpResult {
  const f = find(sortedTree(view), kind, id);
  if (!f) return refuse('That item is gone (deleted elsewhere?)');
  return { ok: true, edit: { upserts: [withTitle(f, kind, text)], deletes: [] } };
}

function withTitle(f: Found, kind: OsaKind, text: string | undefined): PlanItem {
  if (kind === 'objective') return objItem({ ...toObjective(f.objective), title: text ?? f.objective.title });
  if (kind === 'strategy' && f.strategy) return strItem({ ...f.strategy, title: text ?? f.strategy.title });
  const a = f.action as ActionView;
  return actItem({ ...a, what: text ?? a.what });
}

function hasObjectiveDetails(o: Objective): boolean {
  return Boolean(
    o.target.trim() ||
      o.unit.trim() ||
      o.starts_on ||
      o.due_on ||
      o.buying_center_id ||
      o.initiative_id ||
      o.owner_id,
  );
}

/** Campaigns (of this account) that serve an objective. */
export function campaignsServing(view: PlanView, objectiveId: string): string[] {
  return view.campaigns
    .filter((c) => c.targets.some((t) => t.account_id === view.account.id && t.objective_id === objectiveId))
    .map((c) => c.name);
}

/**
 * Tab: the item becomes the last child of the sibling above it (objective -> strategy,
 * strategy -> action). Its own children keep their level and move along under the new
 * parent, right after it, so nothing is lost and the outline reads in the same order.
 * `under` names the sibling to go under when the one above is hidden by a filter.
 */
export function indent(view: PlanView, kind: OsaKind, id: string, text?: string, under?: string): OpResult {
  if (kind === 'action') return refuse('Actions are the deepest level: an action cannot hold actions.');
  const tree = sortedTree(view);
  const f = find(tree, kind, id);
  if (!f) return refuse('That item is gone (deleted elsewhere?)');
  if (kind === 'objective') {
    const i = tree.findIndex((o) => o.id === id);
    const prev = under !== undefined ? tree.find((o) => o.id === under && o.id !== id) : tree[i - 1];
    if (!prev) return refuse('No objective above to indent under: Tab makes an item a child of the one above it.');
    const campaigns = campaignsServing(view, id);
    if (campaigns.length) {
      return refuse(`Campaign ${campaigns.map((c) => `"${c}"`).join(', ')} serves this objective: it stays an objective.`);
    }
    const o = f.objective;
    const base = prev.strategies.length ? prev.strategies[prev.strategies.length - 1].position + 1 : 0;
    const upserts: PlanItem[] = [strItem({ id, objective_id: prev.id, title: text ?? o.title, position: base })];
    o.strategies.forEach((s, k) => upserts.push(strItem({ ...s, objective_id: prev.id, position: base + 1 + k })));
    return {
      ok: true,
      edit: { upserts, deletes: [{ kind: 'objective', id }] },
      focus: rowKey('strategy', id),
      lossy: hasObjectiveDetails(o)
        ? `"${text ?? o.title}" is now a strategy of "${prev.title}"; its target, dates, links and owner were dropped.`
        : undefined,
    };
  }
  // strategy -> action of the strategy above
  const s = f.strategy as StrategyView;
  const sibs = f.objective.strategies;
  const prev =
    under !== undefined ? sibs.find((x) => x.id === under && x.id !== id) : sibs[sibs.findIndex((x) => x.id === id) - 1];
  if (!prev) return refuse('No strategy above to indent under: Tab makes an item a child of the one above it.');
  const base = prev.actions.length ? prev.actions[prev.actions.length - 1].position + 1 : 0;
  const upserts: PlanItem[] = [
    actItem({ id, strategy_id: prev.id, what: text ?? s.title, owner_id: null, due_on: null, status: 'open', position: base }),
  ];
  s.actions.forEach((a, k) => upserts.push(actItem({ ...a, strategy_id: prev.id, position: base + 1 + k })));
  return { ok: true, edit: { upserts, deletes: [{ kind: 'strategy', id }] }, focus: rowKey('action', id) };
}

/**
 * Shift+Tab: the item becomes a sibling of its parent, placed right after it
 * (action -> strategy, strategy -> objective).
 */
export function outdent(view: PlanView, kind: OsaKind, id: string, text?: string): OpResult {
  if (kind === 'objective') return refuse('Objectives are the top level.');
  const tree = sortedTree(view);
  const f = find(tree, kind, id);
  if (!f) return refuse('That item is gone (deleted elsewhere?)');
  if (kind === 'strategy') {
    const s = f.strategy as StrategyView;
    if (s.actions.length) {
      const n = s.actions.length;
      return refuse(
        `"${s.title}" has ${plural(n, 'action')}: actions need a strategy above them. Move or delete them first.`,
      );
    }
    const o = f.objective;
    const ids = tree.map((x) => x.id);
    ids.splice(ids.indexOf(o.id) + 1, 0, id);
    const changes = insertPositions(ids, positionsOf(tree));
    const item: Objective = {
      id,
      kind: o.kind,
      title: text ?? s.title,
      target: '',
      unit: '',
      starts_on: null,
      due_on: null,
      buying_center_id: null,
      initiative_id: null,
      owner_id: null,
      position: changes.get(id) ?? 0,
    };
    return {
      ok: true,
      edit: {
        upserts: [objItem(item), ...repositioned(tree, 'objective', changes, new Set([id]))],
        deletes: [{ kind: 'strategy', id }],
      },
      focus: rowKey('objective', id),
    };
  }
  const a = f.action as ActionView;
  const s = f.strategy as StrategyView;
  const sibs = f.objective.strategies;
  const ids = sibs.map((x) => x.id);
  ids.splice(ids.indexOf(s.id) + 1, 0, id);
  const changes = insertPositions(ids, positionsOf(sibs));
  const lost = a.owner_id !== null || a.due_on !== null || a.status !== 'open';
  return {
    ok: true,
    edit: {
      upserts: [
        strItem({ id, objective_id: f.objective.id, title: text ?? a.what, position: changes.get(id) ?? 0 }),
        ...repositioned(tree, 'strategy', changes, new Set([id])),
      ],
      deletes: [{ kind: 'action', id }],
    },
    focus: rowKey('strategy', id),
    lossy: lost ? `"${text ?? a.what}" is now a strategy; its owner, due date and status were dropped.` : undefined,
  };
}

/**
 * Moves an item among its siblings: before or after `targetId` (drag and drop), or one step
 * (Alt+Up/Down) past the next sibling in `visible` order. Positions of the affected siblings
 * change in one edit; `text` (a title typed but not saved) rides along.
 */
export function moveTo(
  view: PlanView,
  kind: OsaKind,
  id: string,
  targetId: string,
  after: boolean,
  text?: string,
): OpResult {
  if (targetId === id) return refuse('');
  const tree = sortedTree(view);
  const f = find(tree, kind, id);
  const t = find(tree, kind, targetId);
  if (!f || !t) return refuse('That item is gone (deleted elsewhere?)');
  const parent = parentOf(f, kind);
  if (parentOf(t, kind) !== parent) return refuse('Items can only be reordered under the same parent.');
  const sibs = siblings(tree, kind, parent);
  const ids = sibs.map((s) => s.id).filter((x) => x !== id);
  ids.splice(ids.indexOf(targetId) + (after ? 1 : 0), 0, id);
  const changes = reorderPositions(ids, positionsOf(sibs));
  const upserts = repositioned(tree, kind, changes, new Set([id]));
  const own = withTitle(f, kind, text);
  const pos = changes.get(id);
  if (pos !== undefined) (own.item as { position: number }).position = pos;
  if (pos !== undefined || (text !== undefined && text !== titleOf(f, kind))) upserts.unshift(own);
  if (!upserts.length) return refuse('');
  return { ok: true, edit: { upserts, deletes: [] }, focus: rowKey(kind, id) };
}

/** Alt+ArrowUp (-1) / Alt+ArrowDown (+1): swap with the neighbouring sibling shown. */
export function moveStep(
  view: PlanView,
  kind: OsaKind,
  id: string,
  dir: -1 | 1,
  visibleSiblings?: readonly string[],
  text?: string,
): OpResult {
  const tree = sortedTree(view);
  const f = find(tree, kind, id);
  if (!f) return refuse('That item is gone (deleted elsewhere?)');
  const order = visibleSiblings ?? siblings(tree, kind, parentOf(f, kind)).map((s) => s.id);
  const i = order.indexOf(id);
  const target = order[i + dir];
  if (i < 0 || target === undefined) {
    return refuse(dir < 0 ? 'Already the first at its level.' : 'Already the last at its level.');
  }
  return moveTo(view, kind, id, target, dir > 0, text);
}

/** Ctrl+Enter / Space on an action: done <-> open (blocked and dropped become done). */
export function toggleDone(view: PlanView, id: string, text?: string): OpResult {
  const f = find(sortedTree(view), 'action', id);
  if (!f?.action) return refuse('That action is gone (deleted elsewhere?)');
  const a = f.action;
  return {
    ok: true,
    edit: { upserts: [actItem({ ...a, what: text ?? a.what, status: a.status === 'done' ? 'open' : 'done' })], deletes: [] },
    focus: rowKey('action', id),
  };
}

export interface DeletePlan {
  edit: Edit;
  /** The edit that puts everything back (re-saves the removed records). */
  restore: Edit;
  /** Question to ask first, when children go too. */
  confirm?: string;
  title: string;
  strategies: number;
  actions: number;
}

export function plural(n: number, word: string): string {
  const p = word === 'strategy' ? 'strategies' : `${word}s`;
  return `${n} ${n === 1 ? word : p}`;
}

/** Delete an item with everything under it (the core never cascades: nothing may dangle). */
export function planDelete(view: PlanView, kind: OsaKind, id: string): DeletePlan | null {
  const f = find(sortedTree(view), kind, id);
  if (!f) return null;
  const deletes: ItemRef[] = [];
  const restore: PlanItem[] = [];
  let strategies = 0;
  let actions = 0;
  const addAction = (a: ActionView) => {
    deletes.push({ kind: 'action', id: a.id });
    restore.push(actItem(a));
    actions++;
  };
  const addStrategy = (s: StrategyView) => {
    deletes.push({ kind: 'strategy', id: s.id });
    restore.push(strItem(s));
    strategies++;
    s.actions.forEach(addAction);
  };
  const title = titleOf(f, kind);
  let confirm: string | undefined;
  if (kind === 'objective') {
    deletes.push({ kind: 'objective', id });
    restore.push(objItem(f.objective));
    f.objective.strategies.forEach(addStrategy);
    if (strategies) {
      confirm = `Delete objective ${quote(title)} with ${plural(strategies, 'strategy')} and ${plural(actions, 'action')}?`;
      const campaigns = campaignsServing(view, id);
      if (campaigns.length) confirm += ` ${plural(campaigns.length, 'campaign')} will no longer serve an objective.`;
    }
  } else if (kind === 'strategy') {
    addStrategy(f.strategy as StrategyView);
    strategies = 0;
    if (actions) confirm = `Delete strategy ${quote(title)} with ${plural(actions, 'action')}?`;
  } else {
    addAction(f.action as ActionView);
    actions = 0;
  }
  // Children go first in `deletes`, parents first when restoring.
  return {
    edit: { upserts: [], deletes: deletes.reverse() },
    restore: { upserts: restore, deletes: [] },
    confirm,
    title,
    strategies,
    actions,
  };
}

const quote = (s: string) => `\u201c${s}\u201d`;

/**
 * The edit that undoes `edit` against the view it was made on: records it created are
 * deleted, records it changed or deleted are saved back as they were.
 */
export function inverse(view: PlanView, edit: Edit): Edit {
  const tree = sortedTree(view);
  const original = (kind: string, id: string): PlanItem | null => {
    if (kind !== 'objective' && kind !== 'strategy' && kind !== 'action') return null;
    const f = find(tree, kind, id);
    if (!f) return null;
    if (kind === 'objective') return objItem(f.objective);
    if (kind === 'strategy') return f.strategy ? strItem(f.strategy) : null;
    return f.action ? actItem(f.action) : null;
  };
  const upserts: PlanItem[] = [];
  const deletes: ItemRef[] = [];
  const seen = new Set<string>();
  const restore = (kind: string, id: string) => {
    const k = `${kind}:${id}`;
    if (seen.has(k)) return;
    seen.add(k);
    const o = original(kind, id);
    if (o) upserts.push(o);
    else deletes.push({ kind: kind as ItemRef['kind'], id });
  };
  edit.deletes.forEach((d) => restore(d.kind, d.id));
  edit.upserts.forEach((u) => restore(u.kind, u.item.id));
  const rank = (p: PlanItem) => (p.kind === 'objective' ? 0 : p.kind === 'strategy' ? 1 : 2);
  upserts.sort((a, b) => rank(a) - rank(b));
  return { upserts, deletes };
}

// ---------- filters and the visible rows ----------

export const UNASSIGNED = '__none__';

export interface Filters {
  /** '' all, UNASSIGNED, or a team member id. */
  owner: string;
  status: '' | ActionStatus;
  kind: '' | ObjectiveKind;
}

export const NO_FILTERS: Filters = { owner: '', status: '', kind: '' };

export const filtersActive = (f: Filters): boolean => Boolean(f.owner || f.status || f.kind);

const ownerMatches = (owner: string | null, filter: string) =>
  filter === '' || (filter === UNASSIGNED ? owner === null : owner === filter);

export interface Outline {
  rows: Row[];
  /** All saved items, shown or not. */
  total: number;
  /** Saved items hidden by the filters. */
  hidden: number;
}

/**
 * Rows in display order. Objectives match the kind filter; with an owner or status filter,
 * only matching actions show, with their strategy and objective (an objective owned by the
 * chosen person shows too). Drafts and the ids in `keep` (just created or moved) always show.
 */
export function outline(
  view: PlanView,
  drafts: readonly Draft[],
  filters: Filters,
  keep: ReadonlySet<string> = new Set(),
): Outline {
  const tree = sortedTree(view);
  const actionFilter = Boolean(filters.owner || filters.status);
  const live = drafts.filter((d) => !find(tree, d.kind, d.id));
  const draftsUnder = (kind: OsaKind, parentId: string | null) =>
    live.filter((d) => d.kind === kind && d.parentId === parentId);
  const rows: Row[] = [];
  let total = 0;
  let shown = 0;

  const pushDraft = (d: Draft) => {
    const level = LEVEL_OF[d.kind];
    rows.push({ key: rowKey(d.kind, d.id), kind: d.kind, id: d.id, level, parentId: d.parentId, title: d.text, draft: d });
    const child = KIND_AT_LEVEL[level + 1];
    if (child) draftsUnder(child, d.id).forEach(pushDraft);
  };

  const actionShown = (a: ActionView) =>
    keep.has(a.id) ||
    !actionFilter ||
    (ownerMatches(a.owner_id, filters.owner) && (filters.status === '' || a.status === filters.status));

  for (const o of tree) {
    total += 1 + o.strategies.length + o.strategies.reduce((n, s) => n + s.actions.length, 0);
  }

  const objectives = tree.filter((o) => {
    // Drafts and kept items (just created or moved) show whatever the filters say.
    const forced =
      keep.has(o.id) ||
      draftsUnder('strategy', o.id).length > 0 ||
      o.strategies.some((s) => keep.has(s.id) || draftsUnder('action', s.id).length > 0 || s.actions.some((a) => keep.has(a.id)));
    if (forced) return true;
    if (filters.kind !== '' && o.kind !== filters.kind) return false;
    if (!actionFilter) return true;
    const ownsIt = filters.owner !== '' && !filters.status && ownerMatches(o.owner_id, filters.owner);
    return ownsIt || o.strategies.some((s) => s.actions.some(actionShown));
  });

  for (const oe of placeDrafts(objectives, tree.map((o) => o.id), draftsUnder('objective', null))) {
    if ('draft' in oe) {
      pushDraft(oe.draft);
      continue;
    }
    const o = oe.item;
    shown++;
    rows.push({ key: rowKey('objective', o.id), kind: 'objective', id: o.id, level: 0, parentId: null, title: o.title, objective: o });
    const strategies = o.strategies.filter(
      (s) => keep.has(s.id) || !actionFilter || s.actions.some(actionShown) || draftsUnder('action', s.id).length > 0,
    );
    for (const se of placeDrafts(strategies, o.strategies.map((s) => s.id), draftsUnder('strategy', o.id))) {
      if ('draft' in se) {
        pushDraft(se.draft);
        continue;
      }
      const s = se.item;
      shown++;
      rows.push({ key: rowKey('strategy', s.id), kind: 'strategy', id: s.id, level: 1, parentId: o.id, title: s.title, objective: o, strategy: s });
      const actions = s.actions.filter(actionShown);
      for (const ae of placeDrafts(actions, s.actions.map((a) => a.id), draftsUnder('action', s.id))) {
        if ('draft' in ae) {
          pushDraft(ae.draft);
          continue;
        }
        const a = ae.item;
        shown++;
        rows.push({ key: rowKey('action', a.id), kind: 'action', id: a.id, level: 2, parentId: s.id, title: a.what, objective: o, strategy: s, action: a });
      }
    }
  }
  return { rows, total, hidden: total - shown };
}

type Placed<T> = { item: T } | { draft: Draft };

/**
 * Shown saved siblings merged with drafts, each draft right after its `afterId` (which may be
 * another draft, or a sibling hidden by a filter: then after the last shown one before it).
 */
function placeDrafts<T extends { id: string }>(shownItems: T[], allIds: string[], drafts: Draft[]): Placed<T>[] {
  const out: Array<Placed<T> & { id: string }> = shownItems.map((item) => ({ item, id: item.id }));
  let rest = [...drafts];
  for (let round = 0; rest.length && round <= drafts.length; round++) {
    const waiting: Draft[] = [];
    for (const d of rest) {
      const entry = { draft: d, id: d.id };
      if (d.afterId === null) {
        out.unshift(entry);
        continue;
      }
      const at = out.findIndex((x) => x.id === d.afterId);
      if (at >= 0) {
        out.splice(at + 1, 0, entry);
        continue;
      }
      const anchor = allIds.indexOf(d.afterId);
      if (anchor >= 0) {
        let insertAt = 0;
        out.forEach((x, k) => {
          const idx = allIds.indexOf(x.id);
          if (idx >= 0 && idx <= anchor) insertAt = k + 1;
        });
        out.splice(insertAt, 0, entry);
        continue;
      }
      if (rest.some((r) => r.id === d.afterId)) waiting.push(d);
      else out.push(entry);
    }
    if (waiting.length === rest.length) {
      waiting.forEach((d) => out.push({ draft: d, id: d.id }));
      break;
    }
    rest = waiting;
  }
  return out;
}

/** Ids of the siblings of `row` as shown, in order (drafts excluded). */
export function visibleSiblings(rows: readonly Row[], row: Row): string[] {
  return rows.filter((r) => r.kind === row.kind && r.parentId === row.parentId && !r.draft).map((r) => r.id);
}
