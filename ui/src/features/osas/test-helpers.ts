// Test fixtures for the OSA outline: a small plan view, a stand-in for the core's save
// (applies an edit and derives progress/overdue the way the core does), and a fake shell
// that re-renders the feature after each save like ui/src/app does.
import type { PlanContext } from '../../app/context';
import type { Action } from '../../ipc/bindings/Action';
import type { ItemRef } from '../../ipc/bindings/ItemRef';
import type { Objective } from '../../ipc/bindings/Objective';
import type { PlanItem } from '../../ipc/bindings/PlanItem';
import type { PlanView } from '../../ipc/bindings/PlanView';
import type { Strategy } from '../../ipc/bindings/Strategy';
import { osasView } from './view';

export const TODAY = '2026-03-10';
export const PLAN_ID = 'plan-1';
export const ANNA = 'team-anna';
export const BEN = 'team-ben';

export interface Flat {
  objectives: Objective[];
  strategies: Strategy[];
  actions: Action[];
}

export function objective(id: string, title: string, position: number, extra: Partial<Objective> = {}): Objective {
  return {
    id,
    kind: 'revenue',
    title,
    target: '',
    unit: '',
    starts_on: null,
    due_on: null,
    buying_center_id: null,
    initiative_id: null,
    owner_id: null,
    position,
    ...extra,
  };
}
export function strategy(id: string, objectiveId: string, title: string, position: number): Strategy {
  return { id, objective_id: objectiveId, title, position };
}
export function action(id: string, strategyId: string, what: string, position: number, extra: Partial<Action> = {}): Action {
  return { id, strategy_id: strategyId, what, owner_id: null, due_on: null, status: 'open', position, ...extra };
}

/** The sample used by most tests: two objectives, three strategies, four actions. */
export function sampleFlat(): Flat {
  return {
    objectives: [
      objective('o1', 'Grow logistics revenue', 0, {
        target: '1.8',
        unit: 'M EUR',
        starts_on: '2026-01-01',
        due_on: '2026-12-31',
        owner_id: ANNA,
        buying_center_id: 'bc1',
      }),
      objective('o2', 'Become trusted advisor to the CFO', 1, { kind: 'relationship', owner_id: BEN }),
    ],
    strategies: [
      strategy('s1', 'o1', 'Win the Leipzig pilot', 0),
      strategy('s2', 'o1', 'Neutralise the opposition', 1),
      strategy('s3', 'o2', 'Executive sponsor programme', 0),
    ],
    actions: [
      action('a1', 's1', 'Run the pilot workshop', 0, { owner_id: ANNA, due_on: '2026-02-01', status: 'done' }),
      action('a2', 's1', 'Send the pilot proposal', 1, { owner_id: BEN, due_on: '2026-03-01' }),
      action('a3', 's2', 'Meet the warehouse heads', 0, { owner_id: ANNA, due_on: '2026-06-01' }),
      action('a4', 's3', 'Book the CFO dinner', 0, { owner_id: BEN, status: 'blocked' }),
    ],
  };
}

const byPos = <T extends { position: number }>(l: T[]) => [...l].sort((a, b) => a.position - b.position);

/** Builds the view the way the core does (progress excludes dropped; overdue = open/blocked past due). */
export function viewOf(flat: Flat, extra: Partial<PlanView> = {}): PlanView {
  const objectives = byPos(flat.objectives).map((o) => {
    const strategies = byPos(flat.strategies.filter((s) => s.objective_id === o.id)).map((s) => ({
      ...s,
      actions: byPos(flat.actions.filter((a) => a.strategy_id === s.id)).map((a) => ({
        ...a,
        overdue: (a.status === 'open' || a.status === 'blocked') && a.due_on !== null && a.due_on < TODAY,
      })),
    }));
    const counted = strategies.flatMap((s) => s.actions).filter((a) => a.status !== 'dropped');
    const done = counted.filter((a) => a.status === 'done').length;
    return {
      ...o,
      strategies,
      progress: {
        objective_id: o.id,
        actions: counted.length,
        done,
        progress: counted.length ? done / counted.length : null,
        overdue: counted.filter((a) => a.overdue).length,
      },
    };
  });
  const view = {
    account: {
      id: 'acc-1',
      name: 'Nordlicht Logistics',
      team: [
        { id: ANNA, name: 'Anna Berg', role: 'account_manager' },
        { id: BEN, name: 'Ben Ortiz', role: 'executive_sponsor' },
      ],
      initiatives: [{ id: 'ini1', name: 'Hub automation', description: '', success_factors: [] }],
    },
    plan: { id: PLAN_ID, account_id: 'acc-1', period: 'FY2026', starts_on: '2026-01-01', ends_on: '2026-12-31', status: 'active' },
    today: TODAY,
    buying_centers: [{ id: 'bc1', name: 'Logistics' }],
    objectives,
    campaigns: [],
    ...extra,
  };
  return view as unknown as PlanView;
}

export function flatOf(view: PlanView): Flat {
  const strip = <T extends object>(x: T, keys: string[]) =>
    Object.fromEntries(Object.entries(x).filter(([k]) => !keys.includes(k))) as never;
  const objectives: Objective[] = view.objectives.map((o) => strip(o, ['strategies', 'progress']));
  const strategies: Strategy[] = view.objectives.flatMap((o) => o.strategies.map((s) => strip(s, ['actions'])));
  const actions: Action[] = view.objectives.flatMap((o) => o.strategies.flatMap((s) => s.actions.map((a) => strip(a, ['overdue']))));
  return { objectives, strategies, actions };
}

/** Applies one edit like the core (deletes, then upserts) and checks nothing dangles. */
export function applyEdit(view: PlanView, upserts: PlanItem[], deletes: ItemRef[] = []): PlanView {
  const f = flatOf(view);
  for (const d of deletes) {
    if (d.kind === 'objective') f.objectives = f.objectives.filter((x) => x.id !== d.id);
    if (d.kind === 'strategy') f.strategies = f.strategies.filter((x) => x.id !== d.id);
    if (d.kind === 'action') f.actions = f.actions.filter((x) => x.id !== d.id);
  }
  const put = <T extends { id: string }>(list: T[], item: T) => {
    const i = list.findIndex((x) => x.id === item.id);
    if (i >= 0) list[i] = item;
    else list.push(item);
  };
  for (const u of upserts) {
    if (u.kind === 'objective') put(f.objectives, u.item);
    else if (u.kind === 'strategy') put(f.strategies, u.item);
    else if (u.kind === 'action') put(f.actions, u.item);
  }
  for (const u of upserts) {
    const title = u.kind === 'action' ? u.item.what : (u.item as { title?: string }).title;
    if (title !== undefined && title.trim() === '') {
      throw { code: 'empty', message: `${u.kind === 'action' ? 'Action' : u.kind === 'strategy' ? 'Strategy' : 'Objective'} cannot be empty`, field: u.kind === 'action' ? 'what' : 'title' };
    }
  }
  if (f.strategies.some((s) => !f.objectives.some((o) => o.id === s.objective_id))) {
    throw { code: 'conflict', message: 'Deleting this would leave a strategy pointing at nothing', field: 'delete' };
  }
  if (f.actions.some((a) => !f.strategies.some((s) => s.id === a.strategy_id))) {
    throw { code: 'conflict', message: 'Deleting this would leave an action pointing at nothing', field: 'delete' };
  }
  return viewOf(f, { account: view.account, campaigns: view.campaigns } as Partial<PlanView>);
}

export interface Mounted {
  root: HTMLElement;
  calls: Array<{ upserts: PlanItem[]; deletes: ItemRef[] }>;
  view(): PlanView;
  /** Make the next save reject with this error (once). */
  failNext(err: { code: string; message: string; field?: string | null }): void;
  renders(): number;
  unmount(): void;
}

/** Mounts the feature like the shell: re-renders with a new ctx after every successful save. */
export function mountOsas(initial: PlanView, opts: { readonly?: boolean } = {}): Mounted {
  const root = document.createElement('main');
  document.body.appendChild(root);
  let current = initial;
  let cleanup: void | (() => void);
  let renders = 0;
  let fail: { code: string; message: string; field?: string | null } | null = null;
  const calls: Mounted['calls'] = [];
  const mount = () => {
    if (typeof cleanup === 'function') cleanup();
    renders++;
    const ctx: PlanContext = {
      view: current,
      readonly: Boolean(opts.readonly),
      save: async (upserts, deletes = []) => {
        calls.push({ upserts: structuredClone(upserts), deletes: structuredClone(deletes) });
        if (fail) {
          const e = fail;
          fail = null;
          throw e;
        }
        current = applyEdit(current, upserts, deletes);
        mount();
        return current;
      },
      saveAccount: async () => undefined,
      replaceView: (v) => {
        current = v;
        mount();
      },
      navigate: () => undefined,
      href: (area) => `#/plan/${PLAN_ID}/${area}`,
    };
    cleanup = osasView(root, ctx);
  };
  mount();
  return {
    root,
    calls,
    view: () => current,
    failNext: (err) => {
      fail = err;
    },
    renders: () => renders,
    unmount: () => {
      if (typeof cleanup === 'function') cleanup();
      root.remove();
    },
  };
}

/** Lets queued saves, their re-renders and deferred blur handling run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 6; i++) await new Promise((r) => setTimeout(r, 0));
}

export function key(el: Element, k: string, mods: { ctrl?: boolean; alt?: boolean; shift?: boolean } = {}): KeyboardEvent {
  const e = new KeyboardEvent('keydown', {
    key: k,
    bubbles: true,
    cancelable: true,
    ctrlKey: Boolean(mods.ctrl),
    altKey: Boolean(mods.alt),
    shiftKey: Boolean(mods.shift),
  });
  el.dispatchEvent(e);
  return e;
}

export function type(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

export function row(root: ParentNode, k: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(`.osa-item[data-key="${k}"]`);
  if (!el) throw new Error(`row ${k} not rendered`);
  return el;
}

export function title(root: ParentNode, k: string): HTMLInputElement {
  const el = row(root, k).querySelector<HTMLInputElement>('input.osa-title');
  if (!el) throw new Error(`title of ${k} not rendered`);
  return el;
}

export function focused(): HTMLElement {
  return document.activeElement as HTMLElement;
}
