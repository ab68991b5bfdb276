import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROFILES, describeWeights, stored, withProfile, withoutProfile } from './profiles';

const W = { need: [2, 2, 2], value: [1, 1, 1], behavior: [1, 1, 1] };

describe('weight profiles', () => {
  it('saves, replaces by name, sorts and deletes', () => {
    let list = withProfile([], '  Zeta  ', W)!;
    expect(list.map((p) => p.name)).toEqual(['Zeta']);
    list = withProfile(list, 'Alpha', W)!;
    list = withProfile(list, 'zeta', { ...W, need: [3, 3, 3] })!;
    expect(list.map((p) => p.name)).toEqual(['Alpha', 'zeta']);
    expect(list[1]?.weights.need).toEqual([3, 3, 3]);
    expect(withoutProfile(list, 'Alpha').map((p) => p.name)).toEqual(['zeta']);
    expect(stored(list)[0]).toEqual({ name: 'Alpha', weights: W });
  });

  it('refuses an empty name or a built-in one', () => {
    expect(withProfile([], '  ', W)).toBeNull();
    expect(withProfile([], BUILT_IN_PROFILES[1]!.name.toUpperCase(), W)).toBeNull();
  });

  it('describes weights briefly', () => {
    expect(describeWeights(W)).toBe('need 2\u00b72\u00b72 \u00b7 value 1\u00b71\u00b71 \u00b7 behavior 1\u00b71\u00b71');
  });

  it('built-in profiles change the balance within a dimension (scaling all three would do nothing)', () => {
    const growth = BUILT_IN_PROFILES.find((p) => p.name.startsWith('Growth'))!;
    expect(growth.weights.need).toEqual([1, 2, 1]);
    for (const p of BUILT_IN_PROFILES.slice(1)) {
      const lists = [p.weights.need, p.weights.value, p.weights.behavior];
      expect(lists.some((l) => new Set(l).size > 1)).toBe(true);
    }
  });
});
