import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Account } from '../../ipc/bindings/Account';
import { AppError } from '../../ipc/index';
import { account, context, criteria, EVIL, settle } from './test-fixtures';

const suggestedScores = vi.fn();
vi.mock('../../ipc/api', () => ({ api: { suggestedScores: (id: string) => suggestedScores(id) } }));

const { segmentationView } = await import('./view');

function criterionRow(root: HTMLElement, dim: string, index: number): HTMLElement {
  const el = root.querySelector<HTMLElement>(`.seg-criterion[data-dimension="${dim}"][data-index="${index}"]`);
  if (!el) throw new Error(`no ${dim} criterion ${index}`);
  return el;
}

function button(row: HTMLElement, score: number): HTMLButtonElement {
  return row.querySelector<HTMLButtonElement>(`.score-btn[data-score="${score}"]`)!;
}

function key(el: Element, k: string): void {
  el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
}

describe('segmentation view', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
    suggestedScores.mockReset();
    suggestedScores.mockResolvedValue([]);
  });
  afterEach(() => root.remove());

  it('shows the criteria, the tier and why, and the dimension scores from the back end', async () => {
    const ctx = context(account(), {
      scores: { need: 4, value: 3.6667, behavior: 2, tier: 'tier1b', tier_reason: 'Value 3.7 and need 4.0 high; behavior 2.0 low' },
    });
    segmentationView(root, ctx);
    await settle();
    expect(root.querySelectorAll('.seg-criterion')).toHaveLength(9);
    expect(criterionRow(root, 'value', 2).querySelector('.seg-criterion-name')?.textContent).toBe('Margin mix');
    expect(root.querySelector('.seg-tier-badge')?.textContent).toBe('Tier 1b');
    expect(root.querySelector('.seg-tier-reason')?.textContent).toContain('behavior 2.0 low');
    expect(root.querySelector('.seg-score-value')?.textContent).toBe('3.7');
    expect(root.querySelector('.seg-value .seg-dim-score')?.textContent).toBe('3.7');
    expect(suggestedScores).toHaveBeenCalledWith('p1');
  });

  it('a criterion button sets the score and saves the whole account with it', async () => {
    const acc = account({ name: 'Globex', industry: 'Energy' });
    const ctx = context(acc, {
      next: (a: Account) => ({ need: a.segmentation.need[1]?.score ?? null, value: null, behavior: null, tier: 'unscored', tier_reason: 'Need and value are not both scored' }),
    });
    segmentationView(root, ctx);
    const row = criterionRow(root, 'need', 1);
    button(row, 4).click();
    await settle();
    expect(ctx.saved).toHaveLength(1);
    const saved = ctx.saved[0]!;
    expect(saved.segmentation.need[1]).toEqual({ criterion: 'Alignment with our growth areas', score: 4, note: '' });
    expect(saved.segmentation.need[0]?.score).toBeNull();
    expect({ ...saved, segmentation: acc.segmentation }).toEqual(acc);
    expect(button(row, 4).getAttribute('aria-checked')).toBe('true');
    expect(button(row, 3).getAttribute('aria-checked')).toBe('false');
    // the summary shows what the back end answered
    expect(root.querySelector('.seg-score-need')?.textContent).toBe('4.0');
    expect(root.querySelector('.seg-need .seg-dim-score')?.textContent).toBe('4.0');
  });

  it('arrows and digits change the score, 0 clears it; nothing leaves 1-5', async () => {
    const ctx = context(account());
    segmentationView(root, ctx);
    const row = criterionRow(root, 'behavior', 0);
    const group = row.querySelector('.score-buttons')!;
    key(button(row, 1), '3');
    expect(ctx.saved.at(-1)?.segmentation.behavior[0]?.score).toBe(3);
    key(button(row, 3), 'ArrowRight');
    key(button(row, 4), 'ArrowRight');
    key(button(row, 5), 'ArrowRight');
    expect(ctx.saved.at(-1)?.segmentation.behavior[0]?.score).toBe(5);
    expect(document.activeElement).toBe(button(row, 5));
    key(group, 'Home');
    expect(ctx.saved.at(-1)?.segmentation.behavior[0]?.score).toBe(1);
    key(group, 'ArrowLeft');
    expect(ctx.saved.at(-1)?.segmentation.behavior[0]?.score).toBe(1);
    key(group, '9');
    key(group, '0');
    expect(ctx.saved.at(-1)?.segmentation.behavior[0]?.score).toBeNull();
    for (const a of ctx.saved) {
      for (const c of [...a.segmentation.need, ...a.segmentation.value, ...a.segmentation.behavior]) {
        expect(c.score === null || (c.score >= 1 && c.score <= 5)).toBe(true);
      }
    }
    // one tab stop per group: the checked button, or the first
    expect(Array.from(row.querySelectorAll('.score-btn')).filter((b) => (b as HTMLElement).tabIndex === 0)).toHaveLength(1);
    await settle();
  });

  it('a note saves on change', async () => {
    const ctx = context(account());
    segmentationView(root, ctx);
    const note = criterionRow(root, 'value', 0).querySelector<HTMLInputElement>('input.seg-note')!;
    note.value = 'Largest account in the region';
    note.dispatchEvent(new Event('change'));
    await settle();
    expect(ctx.saved[0]?.segmentation.value[0]?.note).toBe('Largest account in the region');
  });

  it('shows suggestions beside their criterion; Accept sets the score; the user can override', async () => {
    suggestedScores.mockResolvedValue([
      { dimension: 'value', criterion: 'Current revenue', score: 4, basis: 'Our revenue is 80% of the largest account\u2019s' },
      { dimension: 'need', criterion: 'Share of its portfolio our offerings cover', score: 2, basis: EVIL },
    ]);
    const ctx = context(account());
    segmentationView(root, ctx);
    await settle();
    const row = criterionRow(root, 'value', 0);
    expect(row.querySelector('.seg-suggestion-text')?.textContent).toBe('Suggested: 4 \u2014 Our revenue is 80% of the largest account\u2019s');
    expect(criterionRow(root, 'value', 1).querySelector('.seg-suggestion-text')).toBeNull();
    // the basis is text, never markup
    expect(criterionRow(root, 'need', 0).querySelector('.seg-suggestion-text')?.textContent).toBe(`Suggested: 2 \u2014 ${EVIL}`);
    expect(root.querySelector('img, b')).toBeNull();

    row.querySelector<HTMLButtonElement>('.seg-accept')!.click();
    await settle();
    expect(ctx.saved.at(-1)?.segmentation.value[0]?.score).toBe(4);
    expect(button(row, 4).getAttribute('aria-checked')).toBe('true');
    expect(row.querySelector('.seg-accept')).toBeNull();
    expect(row.querySelector('.seg-suggestion .badge')?.textContent).toBe('Matches your score');

    button(row, 2).click();
    await settle();
    expect(ctx.saved.at(-1)?.segmentation.value[0]?.score).toBe(2);
    expect(row.querySelector('.seg-accept')).not.toBeNull();
  });

  it('shows a refused save at the field the back end names', async () => {
    const ctx = context(account(), { fail: new AppError('invalid', 'Note is too long', 'segmentation.note') });
    segmentationView(root, ctx);
    const row = criterionRow(root, 'need', 2);
    const note = row.querySelector<HTMLInputElement>('input.seg-note')!;
    note.value = 'x';
    note.dispatchEvent(new Event('change'));
    await settle();
    expect(row.querySelector('.seg-note-field .field-error')?.textContent).toBe('Note is too long');
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(note.value).toBe('x');

    const ctx2 = context(account(), { fail: new AppError('invalid', 'Score must be 1-5', 'segmentation.score') });
    root.replaceChildren();
    segmentationView(root, ctx2);
    const row2 = criterionRow(root, 'value', 1);
    button(row2, 5).click();
    await settle();
    expect(row2.querySelector('.seg-score-error')?.textContent).toBe('Score must be 1-5');
  });

  it('renders markup in criterion names and notes as text', async () => {
    const acc = account();
    acc.segmentation.need = criteria([EVIL]);
    acc.segmentation.need[0]!.note = EVIL;
    segmentationView(root, context(acc, { scores: { need: null, value: null, behavior: null, tier: 'unscored', tier_reason: EVIL } }));
    await settle();
    expect(criterionRow(root, 'need', 0).querySelector('.seg-criterion-name')?.textContent).toBe(EVIL);
    expect(criterionRow(root, 'need', 0).querySelector<HTMLInputElement>('input.seg-note')?.value).toBe(EVIL);
    expect(root.querySelector('.seg-tier-reason')?.textContent).toBe(EVIL);
    expect(root.querySelector('img, b')).toBeNull();
  });

  it('a snapshot is read-only and asks for no suggestions', async () => {
    const ctx = context(account(), { readonly: true });
    segmentationView(root, ctx);
    await settle();
    const row = criterionRow(root, 'need', 0);
    expect(button(row, 3).disabled).toBe(true);
    button(row, 3).click();
    key(row.querySelector('.score-buttons')!, '4');
    expect(ctx.saved).toHaveLength(0);
    expect(suggestedScores).not.toHaveBeenCalled();
  });
});
