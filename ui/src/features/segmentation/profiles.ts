// Named weight profiles, one per lifecycle stage of our product ("Growth offerings: need x2"):
// a few built in, the user's own kept in localStorage on this machine. Applying one saves its
// weights through the back end like the form does; a profile never changes the thresholds.
import type { Weights } from '../../ipc/bindings/Weights';

export interface WeightProfile {
  name: string;
  /** Why this weighting, shown beside the name. */
  note?: string;
  weights: Weights;
  /** Built-in profiles cannot be deleted. */
  builtIn?: boolean;
}

export const PROFILES_KEY = 'account-planner.segmentation.profiles';

const ones = (): number[] => [1, 1, 1];

/**
 * Examples of weightings by the lifecycle stage of the offering being sold. Weights are relative
 * within a dimension (doubling all three need weights changes nothing), so each profile doubles
 * the criteria that matter most at that stage. Criteria order: need = share of portfolio,
 * growth-area alignment, service intensity; value = current revenue, total opportunity, margin
 * mix; behavior = buyer empowerment, progressiveness, process maturity.
 */
export const BUILT_IN_PROFILES: readonly WeightProfile[] = [
  {
    name: 'Equal weights (default)',
    note: 'Every criterion counts the same.',
    weights: { need: ones(), value: ones(), behavior: ones() },
    builtIn: true,
  },
  {
    name: 'New offerings: progressiveness \u00d72',
    note: 'Progressive buyers adopt first.',
    weights: { need: ones(), value: ones(), behavior: [1, 2, 1] },
    builtIn: true,
  },
  {
    name: 'Growth offerings: need for our growth areas \u00d72',
    note: 'Find the accounts that need what we now sell, and the biggest opportunity.',
    weights: { need: [1, 2, 1], value: [1, 2, 1], behavior: ones() },
    builtIn: true,
  },
  {
    name: 'Mature offerings: revenue and margin \u00d72',
    note: 'Protect and grow the profitable revenue we have.',
    weights: { need: ones(), value: [2, 1, 2], behavior: ones() },
    builtIn: true,
  },
];

function isWeightList(v: unknown): v is number[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
}

function isWeights(v: unknown): v is Weights {
  if (typeof v !== 'object' || v === null) return false;
  const w = v as Record<string, unknown>;
  return isWeightList(w.need) && isWeightList(w.value) && isWeightList(w.behavior);
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled
  }
}

/** The user's saved profiles; anything unreadable is skipped. */
export function loadProfiles(store: Storage | null = storage()): WeightProfile[] {
  if (!store) return [];
  let raw: string | null;
  try {
    raw = store.getItem(PROFILES_KEY);
  } catch {
    return [];
  }
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const out: WeightProfile[] = [];
  for (const p of parsed) {
    if (typeof p !== 'object' || p === null) continue;
    const { name, weights } = p as Record<string, unknown>;
    if (typeof name !== 'string' || !name.trim() || !isWeights(weights)) continue;
    out.push({ name, weights: { need: [...weights.need], value: [...weights.value], behavior: [...weights.behavior] } });
  }
  return out;
}

function write(list: WeightProfile[], store: Storage | null): boolean {
  if (!store) return false;
  try {
    store.setItem(PROFILES_KEY, JSON.stringify(list.map((p) => ({ name: p.name, weights: p.weights }))));
    return true;
  } catch {
    return false; // quota or storage disabled
  }
}

/**
 * Saves (or replaces, by name, ignoring case) a profile. Returns the new list, or null when
 * the name is empty or taken by a built-in profile, or the storage refused the write.
 */
export function saveProfile(name: string, weights: Weights, store: Storage | null = storage()): WeightProfile[] | null {
  const clean = name.trim();
  if (!clean) return null;
  const key = clean.toLowerCase();
  if (BUILT_IN_PROFILES.some((p) => p.name.toLowerCase() === key)) return null;
  const list = loadProfiles(store).filter((p) => p.name.toLowerCase() !== key);
  list.push({ name: clean, weights: { need: [...weights.need], value: [...weights.value], behavior: [...weights.behavior] } });
  list.sort((a, b) => a.name.localeCompare(b.name));
  return write(list, store) ? list : null;
}

/** Deletes a saved profile by name; returns the remaining list. */
export function deleteProfile(name: string, store: Storage | null = storage()): WeightProfile[] {
  const list = loadProfiles(store).filter((p) => p.name !== name);
  write(list, store);
  return list;
}

/** "need 2·2·2 · value 1·1·1 · behavior 1·1·1" */
export function describeWeights(w: Weights): string {
  const fmt = (list: number[]) => list.map((x) => String(Number(x.toFixed(2)))).join('\u00b7');
  return `need ${fmt(w.need)} \u00b7 value ${fmt(w.value)} \u00b7 behavior ${fmt(w.behavior)}`;
}
