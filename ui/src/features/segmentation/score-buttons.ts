// A criterion's 1-5 score as a row of five toggle buttons (an ARIA radio group with a roving
// tab stop). Keyboard: arrows move the score, Home/End jump to 1/5, digits 1-5 set it, 0 or
// Delete clears it. Nothing outside 1-5 can be produced.
import { h } from '../../shared/dom';
import { SCORE_MAX, SCORE_MIN, SCORES } from './model';

export interface ScoreButtonsOptions {
  /** Accessible name of the group, e.g. "Margin mix score". */
  label: string;
  value: number | null;
  disabled?: boolean;
  /** Called with the new score (null = cleared) when the user changes it. */
  onChange(score: number | null): void;
}

export interface ScoreButtons {
  el: HTMLElement;
  /** Shows a score without calling onChange (e.g. after accepting a suggestion). */
  set(score: number | null): void;
  readonly value: number | null;
}

const MEANING: Record<number, string> = { 1: 'very low', 2: 'low', 3: 'medium', 4: 'high', 5: 'very high' };

export function scoreButtons(opts: ScoreButtonsOptions): ScoreButtons {
  let value = opts.value;
  const disabled = !!opts.disabled;

  const buttons = SCORES.map((n) =>
    h(
      'button',
      {
        type: 'button',
        class: 'score-btn',
        role: 'radio',
        dataset: { score: String(n) },
        title: `${n}: ${MEANING[n]}`,
        disabled,
        onclick: () => choose(n, false),
      },
      String(n),
    ),
  );
  const clear = h(
    'button',
    { type: 'button', class: 'link score-clear', disabled, onclick: () => choose(null, false) },
    'Clear',
  );
  clear.setAttribute('aria-label', `Clear ${opts.label}`);
  const group = h(
    'div',
    { class: 'score-buttons', role: 'radiogroup', 'aria-label': opts.label, onkeydown: onKey },
    buttons,
  );
  const el = h('div', { class: 'score-row' }, group, clear);

  function paint(): void {
    const focusIdx = value === null ? 0 : value - SCORE_MIN;
    buttons.forEach((b, i) => {
      const on = value === i + SCORE_MIN;
      b.setAttribute('aria-checked', on ? 'true' : 'false');
      b.classList.toggle('on', on);
      b.tabIndex = i === focusIdx ? 0 : -1;
    });
    clear.hidden = value === null || disabled;
  }

  function choose(next: number | null, focus: boolean): void {
    if (disabled) return;
    if (next !== null) next = Math.min(SCORE_MAX, Math.max(SCORE_MIN, Math.round(next)));
    if (focus) buttons[(next ?? SCORE_MIN) - SCORE_MIN]?.focus();
    if (next === value) return;
    value = next;
    paint();
    if (focus) buttons[(next ?? SCORE_MIN) - SCORE_MIN]?.focus();
    opts.onChange(value);
  }

  function onKey(e: Event): void {
    const k = (e as KeyboardEvent).key;
    let next: number | null | undefined;
    if (k === 'ArrowRight' || k === 'ArrowUp') next = value === null ? SCORE_MIN : value + 1;
    else if (k === 'ArrowLeft' || k === 'ArrowDown') next = value === null ? SCORE_MIN : value - 1;
    else if (k === 'Home') next = SCORE_MIN;
    else if (k === 'End') next = SCORE_MAX;
    else if (/^[1-5]$/.test(k)) next = Number(k);
    else if (k === '0' || k === 'Delete' || k === 'Backspace') next = null;
    if (next === undefined) return;
    e.preventDefault();
    choose(next, true);
  }

  paint();
  return {
    el,
    set(score: number | null) {
      value = score;
      paint();
    },
    get value() {
      return value;
    },
  };
}
