import { describe, expect, it } from 'vitest';
import type { MyAction } from '../../ipc/bindings/MyAction';
import { BUCKETS, MEMBER_KEY, accountsOf, groupByBucket, memberIdIn, rememberMember, rememberedMember } from './model';

function myAction(id: string, bucket: MyAction['bucket'], extra: Partial<MyAction> = {}, due: string | null = '2026-06-20'): MyAction {
  return {
    account_id: 'acc-1',
    account: 'Nordwind',
    plan_id: 'plan-1',
    objective: 'Engage IT',
    bucket,
    action: { id, strategy_id: 's1', what: `Action ${id}`, owner_id: 'tm-1', due_on: due, status: 'open', position: 0 },
    ...extra,
  };
}

describe('my actions model', () => {
  it('groups in the fixed order Overdue, This week, Next 14 days, Later, No date', () => {
    const groups = groupByBucket([
      myAction('a', 'no_date', {}, null),
      myAction('b', 'later'),
      myAction('c', 'overdue'),
      myAction('d', 'next14_days'),
      myAction('e', 'this_week'),
      myAction('f', 'overdue'),
    ]);
    expect(groups.map((g) => g.label)).toEqual(['Overdue', 'This week', 'Next 14 days', 'Later', 'No date']);
    expect(groups.map((g) => g.bucket)).toEqual(BUCKETS.map(([b]) => b));
    expect(groups.map((g) => g.actions.map((a) => a.action.id))).toEqual([['c', 'f'], ['e'], ['d'], ['b'], ['a']]);
    expect(groupByBucket([]).every((g) => g.actions.length === 0)).toBe(true);
  });

  it('lists the accounts of the actions once each, by name', () => {
    const groups = accountsOf([
      myAction('a', 'overdue', { account_id: 'z', account: 'Zeta', plan_id: 'pz' }),
      myAction('b', 'later', { account_id: 'a', account: 'Alpha', plan_id: 'pa' }),
      myAction('c', 'later', { account_id: 'z', account: 'Zeta', plan_id: 'pz' }),
    ]);
    expect(groups).toEqual([
      { accountId: 'a', account: 'Alpha', planId: 'pa', count: 1 },
      { accountId: 'z', account: 'Zeta', planId: 'pz', count: 2 },
    ]);
  });

  it('finds the member in a team by name like the back end (trimmed, any case)', () => {
    const team = [
      { id: 't1', name: 'Jonas Weber' },
      { id: 't2', name: ' Maria Keller ' },
    ];
    expect(memberIdIn(team, 'maria keller')).toBe('t2');
    expect(memberIdIn(team, 'Sven')).toBeNull();
  });

  it('remembers the chosen member', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
    rememberMember('Maria Keller', storage);
    expect(store.get(MEMBER_KEY)).toBe('Maria Keller');
    expect(rememberedMember(storage)).toBe('Maria Keller');
    rememberMember('', storage);
    expect(rememberedMember(storage)).toBe('');
    const broken = { getItem: () => { throw new Error('denied'); } };
    expect(rememberedMember(broken)).toBe('');
  });
});
