import { describe, expect, it } from 'vitest';
import {
  accountWithSegmentation,
  formatScore,
  isScore,
  movedMessage,
  requiredNewBusinessPct,
  suggestionFor,
  withNote,
  withScore,
} from './model';
import { account, segmentation } from './test-fixtures';

describe('segmentation model', () => {
  it('replaces one criterion score without touching the original', () => {
    const before = segmentation();
    const after = withScore(before, 'value', 2, 4);
    expect(after.value[2]?.score).toBe(4);
    expect(before.value[2]?.score).toBeNull();
    expect(after.need).toEqual(before.need);
    expect(withScore(after, 'value', 2, null).value[2]?.score).toBeNull();
  });

  it('refuses a score outside 1-5', () => {
    expect(() => withScore(segmentation(), 'need', 0, 0)).toThrow();
    expect(() => withScore(segmentation(), 'need', 0, 6)).toThrow();
    expect(() => withScore(segmentation(), 'need', 0, 2.5)).toThrow();
    expect(isScore(3)).toBe(true);
    expect(isScore(7)).toBe(false);
  });

  it('builds the account to save with everything else unchanged', () => {
    const a = account({ name: 'Globex', industry: 'Energy' });
    const seg = withNote(withScore(a.segmentation, 'behavior', 1, 2), 'behavior', 1, 'Slow to decide');
    const saved = accountWithSegmentation(a, seg);
    expect(saved).toEqual({ ...a, segmentation: seg });
    expect(saved.segmentation).not.toBe(seg);
    expect(saved.segmentation.behavior[1]).toEqual({ criterion: 'Progressiveness', score: 2, note: 'Slow to decide' });
  });

  it('matches suggestions by dimension and criterion', () => {
    const list = [
      { dimension: 'value', criterion: 'Current revenue', score: 4, basis: 'b' },
      { dimension: 'need', criterion: 'Current revenue', score: 2, basis: 'other' },
    ];
    expect(suggestionFor(list, 'value', 'Current revenue')?.score).toBe(4);
    expect(suggestionFor(list, 'behavior', 'Current revenue')).toBeUndefined();
  });

  it('required new business is growth plus churn (DOMAIN.md: 50 + 20 = 70)', () => {
    expect(requiredNewBusinessPct(50, 20)).toBe(70);
    expect(requiredNewBusinessPct(10, 0)).toBe(10);
  });

  it('formats scores and tier moves for people', () => {
    expect(formatScore(3.666)).toBe('3.7');
    expect(formatScore(null)).toBe('Not scored');
    expect(movedMessage(0)).toBe('No account changed tier');
    expect(movedMessage(1)).toBe('1 account changed tier');
    expect(movedMessage(12)).toBe('12 accounts changed tier');
  });
});
