// Hash routes: the URL says where the user is, so a reload or a restart lands in the same place.
//
//   #/                              portfolio
//   #/my-actions                    one team member's actions across accounts
//   #/insights                      portfolio insights: segmentation, tiers, renewals, triggers
//   #/plan/<planId>/<area>          one area of a plan
//   #/snapshot/<snapshotId>/<area>  the same area of a frozen snapshot (read-only)
import { PLAN_AREAS, planHash, snapshotHash, type PlanAreaKey } from './context';

export { planHash, snapshotHash };

export type Route =
  | { name: 'portfolio' }
  | { name: 'my-actions' }
  | { name: 'insights' }
  | { name: 'plan'; planId: string; area: PlanAreaKey }
  | { name: 'snapshot'; snapshotId: string; area: PlanAreaKey }
  | { name: 'not-found'; hash: string };

const AREA_KEYS = new Set<string>(PLAN_AREAS.map((a) => a.key));

export function isAreaKey(value: string): value is PlanAreaKey {
  return AREA_KEYS.has(value);
}

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** Parses `location.hash` (with or without the leading `#`). A missing area means the overview. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const path = raw.split('?')[0] ?? '';
  const parts = path.split('/').filter((p) => p.length > 0);
  if (parts.length === 0) return { name: 'portfolio' };
  const [head, id, area, ...rest] = parts;
  if ((head === 'plan' || head === 'snapshot') && id && rest.length === 0) {
    const decodedId = decode(id);
    const areaKey = area === undefined ? 'overview' : decode(area);
    if (decodedId && areaKey !== null && isAreaKey(areaKey)) {
      return head === 'plan'
        ? { name: 'plan', planId: decodedId, area: areaKey }
        : { name: 'snapshot', snapshotId: decodedId, area: areaKey };
    }
  }
  if (head === 'portfolio' && parts.length === 1) return { name: 'portfolio' };
  if (head === 'my-actions' && parts.length === 1) return { name: 'my-actions' };
  if (head === 'insights' && parts.length === 1) return { name: 'insights' };
  return { name: 'not-found', hash: '#' + raw };
}

/** The hash for a route; `parseHash(routeHash(r))` gives `r` back. */
export function routeHash(route: Route): string {
  switch (route.name) {
    case 'portfolio':
      return '#/';
    case 'my-actions':
      return '#/my-actions';
    case 'insights':
      return '#/insights';
    case 'plan':
      return planHash(route.planId, route.area);
    case 'snapshot':
      return snapshotHash(route.snapshotId, route.area);
    case 'not-found':
      return route.hash;
  }
}

/** Calls `onRoute` now and on every hash change; returns the unsubscribe function. */
export function startRouter(onRoute: (route: Route) => void, win: Window = window): () => void {
  const handler = () => onRoute(parseHash(win.location.hash));
  win.addEventListener('hashchange', handler);
  handler();
  return () => win.removeEventListener('hashchange', handler);
}

/** Navigates to `hash`; when it is the current hash, routes again (so a re-click refreshes). */
export function navigate(hash: string, win: Window = window): void {
  if (win.location.hash === hash) {
    win.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    win.location.hash = hash;
  }
}
