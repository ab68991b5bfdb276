import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROFILES, PROFILES_KEY, deleteProfile, describeWeights, loadProfiles, saveProfile } from './profiles';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k: string) => data.get(k) ?? null,
    key: (i: number) => Array.from(data.keys())[i] ?? null,
    removeItem: (k: string) => void data.delete(k),
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

const W = { need: [2, 2, 2], value: [1, 1, 1], behavior: [1, 1, 1] };

describe('weight profiles', () => {
  it('saves, replaces by name, sorts and deletes', () => {
    const s = memoryStorage();
    expect(saveProfile('  Zeta  ', W, s)?.map((p) => p.name)).toEqual(['Zeta']);
    saveProfile('Alpha', W, s);
    saveProfile('zeta', { ...W, need: [3, 3, 3] }, s);
    const list = loadProfiles(s);
    expect(list.map((p) => p.name)).toEqual(['Alpha', 'zeta']);
    expect(list[1]?.weights.need).toEqual([3, 3, 3]);
    expect(deleteProfile('Alpha', s).map((p) => p.name)).toEqual(['zeta']);
  });

  it('refuses an empty name or a built-in one', () => {
    const s = memoryStorage();
    expect(saveProfile('  ', W, s)).toBeNull();
    expect(saveProfile(BUILT_IN_PROFILES[1]!.name.toUpperCase(), W, s)).toBeNull();
    expect(loadProfiles(s)).toEqual([]);
  });

  it('skips what it cannot read', () => {
    const s = memoryStorage();
    s.setItem(PROFILES_KEY, 'not json');
    expect(loadProfiles(s)).toEqual([]);
    s.setItem(PROFILES_KEY, JSON.stringify([{ name: 'ok', weights: W }, { name: 'bad', weights: { need: ['x'] } }, null, { weights: W }]));
    expect(loadProfiles(s).map((p) => p.name)).toEqual(['ok']);
    expect(loadProfiles(null)).toEqual([]);
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
