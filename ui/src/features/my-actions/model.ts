// My actions: the buckets in the order people work through them, and the grouping by account
// the calendar export needs (a member's id differs per account).
import type { DueBucket } from '../../ipc/bindings/DueBucket';
import type { MyAction } from '../../ipc/bindings/MyAction';

export const BUCKETS: ReadonlyArray<readonly [DueBucket, string]> = [
  ['overdue', 'Overdue'],
  ['this_week', 'This week'],
  ['next14_days', 'Next 14 days'],
  ['later', 'Later'],
  ['no_date', 'No date'],
];

export interface ActionGroup {
  bucket: DueBucket;
  label: string;
  actions: MyAction[];
}

/** Every bucket, in order, with its actions (kept in the order the back end sorted them). */
export function groupByBucket(actions: readonly MyAction[]): ActionGroup[] {
  return BUCKETS.map(([bucket, label]) => ({ bucket, label, actions: actions.filter((a) => a.bucket === bucket) }));
}

export interface AccountGroup {
  accountId: string;
  account: string;
  planId: string;
  count: number;
}

/** The accounts the actions live in, by name. */
export function accountsOf(actions: readonly MyAction[]): AccountGroup[] {
  const out: AccountGroup[] = [];
  for (const a of actions) {
    const g = out.find((x) => x.accountId === a.account_id);
    if (g) g.count += 1;
    else out.push({ accountId: a.account_id, account: a.account, planId: a.plan_id, count: 1 });
  }
  return out.sort((a, b) => a.account.localeCompare(b.account));
}

/** The team member's id in one account's team: names match trimmed and case-insensitively, like the back end. */
export function memberIdIn(team: ReadonlyArray<{ id: string; name: string }>, name: string): string | null {
  const wanted = name.trim().toLowerCase();
  return team.find((m) => m.name.trim().toLowerCase() === wanted)?.id ?? null;
}

export const MEMBER_KEY = 'account-planner.my-actions.member';

/** The remembered team member ('' when none or storage is unavailable). */
export function rememberedMember(storage: Pick<Storage, 'getItem'> | null = safeStorage()): string {
  try {
    return storage?.getItem(MEMBER_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberMember(name: string, storage: Pick<Storage, 'setItem' | 'removeItem'> | null = safeStorage()): void {
  try {
    if (name) storage?.setItem(MEMBER_KEY, name);
    else storage?.removeItem(MEMBER_KEY);
  } catch {
    // private mode or storage full: the choice just is not remembered
  }
}

function safeStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
