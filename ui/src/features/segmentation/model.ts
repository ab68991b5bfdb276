// Pure helpers of the segmentation feature: editing an account's criterion scores, matching the
// back end's suggestions to criteria, and the one sum DOMAIN.md asks the UI to show. Scores,
// tiers, churn and renewals are never computed here: they come from the back end.
import type { Account } from '../../ipc/bindings/Account';
import type { CriterionScore } from '../../ipc/bindings/CriterionScore';
import type { Segmentation } from '../../ipc/bindings/Segmentation';
import type { SuggestedScore } from '../../ipc/bindings/SuggestedScore';
import type { Tier } from '../../ipc/bindings/Tier';

export type Dimension = keyof Segmentation;

/** The dimensions in the order DOMAIN.md names them. */
export const DIMENSIONS: readonly Dimension[] = ['need', 'value', 'behavior'];

export const DIMENSION_LABELS: Record<Dimension, string> = {
  need: 'Need',
  value: 'Value',
  behavior: 'Behavior',
};

export const DIMENSION_HINTS: Record<Dimension, string> = {
  need: 'How much the account needs what we offer.',
  value: 'What the account is worth to us.',
  behavior: 'How easy the account is to work with: high is aligned, low needs consultative selling first.',
};

/** The tiers in display order. */
export const TIER_ORDER: readonly Tier[] = ['tier1a', 'tier1b', 'tier2', 'tier3', 'unscored'];

/** The score range of a criterion (DOMAIN.md: each scored 1-5). */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
export const SCORES: readonly number[] = [1, 2, 3, 4, 5];

/** A whole number from 1 to 5. */
export function isScore(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= SCORE_MIN && n <= SCORE_MAX;
}

/** A deep copy, so local edits never touch the view the shell holds. */
export function cloneSegmentation(s: Segmentation): Segmentation {
  const copy = (list: CriterionScore[]) => list.map((c) => ({ ...c }));
  return { need: copy(s.need), value: copy(s.value), behavior: copy(s.behavior) };
}

/**
 * The segmentation with one criterion's score replaced. A score outside 1-5 (or not a whole
 * number) is refused with an Error: the buttons cannot produce one.
 */
export function withScore(s: Segmentation, dim: Dimension, index: number, score: number | null): Segmentation {
  if (score !== null && !isScore(score)) {
    throw new Error(`a criterion score is a whole number from ${SCORE_MIN} to ${SCORE_MAX}`);
  }
  const next = cloneSegmentation(s);
  const c = next[dim][index];
  if (!c) throw new Error(`no ${dim} criterion at ${index}`);
  c.score = score;
  return next;
}

/** The segmentation with one criterion's note replaced. */
export function withNote(s: Segmentation, dim: Dimension, index: number, note: string): Segmentation {
  const next = cloneSegmentation(s);
  const c = next[dim][index];
  if (!c) throw new Error(`no ${dim} criterion at ${index}`);
  c.note = note;
  return next;
}

/** The account to save: everything as it is, with the edited segmentation. */
export function accountWithSegmentation(account: Account, segmentation: Segmentation): Account {
  return { ...account, segmentation: cloneSegmentation(segmentation) };
}

/** The back end's suggestion for one criterion, if it made one. */
export function suggestionFor(
  suggestions: readonly SuggestedScore[],
  dim: Dimension,
  criterion: string,
): SuggestedScore | undefined {
  return suggestions.find((s) => s.dimension === dim && s.criterion === criterion);
}

/** A dimension score from the back end for display: one decimal, or "Not scored". */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || Number.isNaN(score)) return 'Not scored';
  return score.toFixed(1);
}

/**
 * DOMAIN.md, "Recurring revenue": with growth target g and churn c (both in percent), new
 * business must reach g + c (50% growth with 20% churn needs 70%). The churn itself comes from
 * the back end; this is only the display of the formula.
 */
export function requiredNewBusinessPct(growthPct: number, churnPct: number): number {
  return growthPct + churnPct;
}

/** "3 accounts changed tier", "1 account changed tier", "No account changed tier". */
export function movedMessage(moved: number): string {
  if (moved === 0) return 'No account changed tier';
  return `${moved} ${moved === 1 ? 'account' : 'accounts'} changed tier`;
}
