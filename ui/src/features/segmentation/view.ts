// Segmentation of one account (plan area): need, value and behavior, each with its named
// criteria scored 1-5 and a note; the dimension scores, tier and why, as the back end computed
// them; and the back end's suggested scores beside their criteria, to accept or override.
import type { FeatureView } from '../../app/context';
import { api } from '../../ipc/api';
import type { CriterionScore } from '../../ipc/bindings/CriterionScore';
import type { Segmentation } from '../../ipc/bindings/Segmentation';
import type { SuggestedScore } from '../../ipc/bindings/SuggestedScore';
import { toAppError, type AppError } from '../../ipc/index';
import { h, replaceChildren } from '../../shared/dom';
import { field, setFieldError } from '../../shared/forms';
import { TIERS } from '../../shared/labels';
import {
  DIMENSIONS,
  DIMENSION_HINTS,
  DIMENSION_LABELS,
  accountWithSegmentation,
  isScore,
  cloneSegmentation,
  formatScore,
  suggestionFor,
  withNote,
  withScore,
  type Dimension,
} from './model';
import { scoreButtons, type ScoreButtons } from './score-buttons';
import './segmentation.css';

interface CriterionRow {
  dim: Dimension;
  index: number;
  criterion: CriterionScore;
  buttons: ScoreButtons;
  noteInput: HTMLInputElement;
  noteField: HTMLElement;
  scoreError: HTMLElement;
  suggestion: HTMLElement;
}

export const segmentationView: FeatureView = (root, ctx) => {
  let alive = true;
  let seg: Segmentation = cloneSegmentation(ctx.view.account.segmentation);
  let suggestions: SuggestedScore[] = [];
  const rows: CriterionRow[] = [];

  const summary = h('section', { class: 'card seg-summary', 'aria-labelledby': 'seg-summary-title' });
  const dimScores = new Map<Dimension, HTMLElement>();
  const banner = h('div', { class: 'seg-banner', 'aria-live': 'polite' });

  renderSummary();

  const cards = DIMENSIONS.map((dim) => {
    const titleId = `seg-dim-${dim}`;
    const score = h('span', { class: 'seg-dim-score' });
    dimScores.set(dim, score);
    const criteria = seg[dim];
    return h(
      'section',
      { class: ['card', 'seg-dimension', `seg-${dim}`], 'aria-labelledby': titleId },
      h('div', { class: 'seg-dim-head' }, h('h2', { id: titleId }, DIMENSION_LABELS[dim]), score),
      h('p', { class: 'muted small seg-dim-hint' }, DIMENSION_HINTS[dim]),
      criteria.length === 0
        ? h('p', { class: 'muted' }, `This account has no ${DIMENSION_LABELS[dim].toLowerCase()} criteria.`)
        : h('ul', { class: 'seg-criteria' }, criteria.map((c, i) => criterionRow(dim, i, c))),
    );
  });
  paintDimensionScores();

  replaceChildren(root, banner, summary, h('div', { class: 'seg-dimensions' }, cards));

  if (!ctx.readonly) void loadSuggestions();

  function criterionRow(dim: Dimension, index: number, c: CriterionScore): HTMLElement {
    const scoreError = h('div', { class: 'field-error seg-score-error', 'aria-live': 'polite' });
    const buttons = scoreButtons({
      label: `${c.criterion} score`,
      value: c.score,
      disabled: ctx.readonly,
      onChange: (score) => setScore(row, score),
    });
    const noteInput = h('input', {
      type: 'text',
      class: 'seg-note',
      value: c.note,
      placeholder: 'Why this score?',
      disabled: ctx.readonly,
      maxlength: 2000,
    });
    noteInput.addEventListener('change', () => setNote(row, noteInput.value));
    const noteField = field({ label: `Note on ${c.criterion}`, control: noteInput, hiddenLabel: true, class: 'seg-note-field' });
    const suggestion = h('div', { class: 'seg-suggestion', 'aria-live': 'polite' });
    const row: CriterionRow = { dim, index, criterion: c, buttons, noteInput, noteField, scoreError, suggestion };
    rows.push(row);
    return h(
      'li',
      { class: 'seg-criterion', dataset: { dimension: dim, index: String(index) } },
      h('div', { class: 'seg-criterion-name' }, c.criterion),
      h('div', { class: 'seg-criterion-controls' }, buttons.el, scoreError),
      suggestion,
      noteField,
    );
  }

  function setScore(row: CriterionRow, score: number | null): void {
    seg = withScore(seg, row.dim, row.index, score);
    row.buttons.set(score);
    paintSuggestion(row);
    void commit(row, 'score');
  }

  function setNote(row: CriterionRow, note: string): void {
    seg = withNote(seg, row.dim, row.index, note);
    void commit(row, 'note');
  }

  async function commit(row: CriterionRow, what: 'score' | 'note'): Promise<void> {
    clearErrors(row);
    try {
      await ctx.saveAccount(accountWithSegmentation(ctx.view.account, seg));
      if (!alive) return;
      renderSummary();
      paintDimensionScores();
    } catch (err) {
      if (!alive) return;
      showError(row, what, toAppError(err));
    }
  }

  function clearErrors(row: CriterionRow): void {
    replaceChildren(row.scoreError);
    setFieldError(row.noteField, null);
    replaceChildren(banner);
  }

  /** The back end names the field (segmentation.score / .note / .criterion): show it there. */
  function showError(row: CriterionRow, what: 'score' | 'note', e: AppError): void {
    const f = e.field ?? '';
    if (f === 'segmentation.note' || (f === '' && what === 'note')) {
      setFieldError(row.noteField, e.message);
    } else if (f === 'segmentation.score' || (f === '' && what === 'score')) {
      replaceChildren(row.scoreError, e.message);
    } else {
      replaceChildren(banner, h('div', { class: 'banner error', role: 'alert' }, `Not saved: ${e.message}`));
    }
  }

  function renderSummary(): void {
    const s = ctx.view.segmentation;
    const tier1 = s.tier === 'tier1a' || s.tier === 'tier1b';
    replaceChildren(
      summary,
      h('h2', { id: 'seg-summary-title' }, 'Tier and scores'),
      h(
        'div',
        { class: 'seg-summary-body' },
        h(
          'div',
          { class: 'seg-tier' },
          h('span', { class: ['badge', 'seg-tier-badge', `tier-${s.tier}`, tier1 ? 'blue' : null] }, TIERS[s.tier] ?? s.tier),
          h('span', { class: 'seg-tier-reason' }, s.tier_reason),
        ),
        h(
          'dl',
          { class: 'seg-scores' },
          DIMENSIONS.map((d) => [
            h('dt', null, DIMENSION_LABELS[d]),
            h('dd', { class: ['seg-score', `seg-score-${d}`] }, formatScore(s[d])),
          ]),
        ),
      ),
      h(
        'p',
        { class: 'muted small' },
        'Each dimension is the weighted mean of its scored criteria. Weights and the thresholds that decide the tiers are set for the whole portfolio on the ',
        h('a', { href: '#/insights' }, 'Insights page'),
        '.',
      ),
    );
  }

  function paintDimensionScores(): void {
    for (const d of DIMENSIONS) {
      const el = dimScores.get(d);
      if (el) replaceChildren(el, formatScore(ctx.view.segmentation[d]));
    }
  }

  async function loadSuggestions(): Promise<void> {
    try {
      const list = await api.suggestedScores(ctx.view.plan.id);
      if (!alive) return;
      suggestions = list;
      for (const row of rows) paintSuggestion(row);
    } catch (err) {
      if (!alive) return;
      replaceChildren(banner, h('p', { class: 'muted small' }, `No suggested scores: ${toAppError(err).message}`));
    }
  }

  function paintSuggestion(row: CriterionRow): void {
    const s = suggestionFor(suggestions, row.dim, row.criterion.criterion);
    if (!s || !isScore(s.score)) {
      replaceChildren(row.suggestion);
      return;
    }
    const current = seg[row.dim][row.index]?.score ?? null;
    const accepted = current === s.score;
    replaceChildren(
      row.suggestion,
      h('span', { class: 'seg-suggestion-text' }, `Suggested: ${s.score} \u2014 ${s.basis}`),
      accepted
        ? h('span', { class: 'badge green' }, 'Matches your score')
        : h(
            'button',
            {
              type: 'button',
              class: 'small seg-accept',
              'aria-label': `Accept ${s.score} for ${row.criterion.criterion}`,
              onclick: () => setScore(row, s.score),
            },
            'Accept',
          ),
    );
  }

  return () => {
    alive = false;
  };
};
