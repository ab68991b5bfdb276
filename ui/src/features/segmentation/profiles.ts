// Named weight profiles, one per lifecycle stage of our product ("Growth offerings: need x2"):
// a few built in, the user's own kept in the store. Applying one saves its
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

/**
 * The list with a profile saved (or replaced, by name, ignoring case), sorted by name; null when
 * the name is empty or taken by a built-in profile. The back end keeps the list
 * (api.saveWeightProfiles), so profiles travel with exports and backups.
 */
export function withProfile(list: readonly WeightProfile[], name: string, weights: Weights): WeightProfile[] | null {
  const clean = name.trim();
  if (!clean) return null;
  const key = clean.toLowerCase();
  if (BUILT_IN_PROFILES.some((p) => p.name.toLowerCase() === key)) return null;
  const out = list.filter((p) => p.name.toLowerCase() !== key);
  out.push({ name: clean, weights: { need: [...weights.need], value: [...weights.value], behavior: [...weights.behavior] } });
  out.sort((a, b) => a.name.localeCompare(b.name));
  return out;
}

/** The list without the named profile. */
export function withoutProfile(list: readonly WeightProfile[], name: string): WeightProfile[] {
  return list.filter((p) => p.name !== name);
}

/** What the back end stores of a profile (name and weights). */
export function stored(list: readonly WeightProfile[]): { name: string; weights: Weights }[] {
  return list.map((p) => ({ name: p.name, weights: p.weights }));
}

/** "need 2·2·2 · value 1·1·1 · behavior 1·1·1" */
export function describeWeights(w: Weights): string {
  const fmt = (list: number[]) => list.map((x) => String(Number(x.toFixed(2)))).join('\u00b7');
  return `need ${fmt(w.need)} \u00b7 value ${fmt(w.value)} \u00b7 behavior ${fmt(w.behavior)}`;
}
