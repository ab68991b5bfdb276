// The plan's story for the QBR: an executive summary, the asks (help needed) and the wins since
// the last QBR. Written where the account manager prepares the printed plan (the Export
// screen); the core checks the lengths and refuses a closed plan.
import { api } from '../../ipc/api';
import type { Commentary } from '../../ipc/bindings/Commentary';
import { toAppError } from '../../ipc/index';
import type { PlanContext } from '../../app/context';
import { h, replaceChildren } from '../../shared/dom';
import { field, setFieldError } from '../../shared/forms';
import './plans.css';

/** The fields, with the core's limits (shown as hints; the core enforces them). */
export const COMMENTARY_FIELDS = [
  { key: 'executive_summary', label: 'Executive summary', max: 1500, rows: 5, hint: 'Printed in full on the executive summary page; its first two lines on the one-page summary.' },
  { key: 'wins', label: 'Wins since last QBR', max: 800, rows: 2, hint: 'One line on the one-page summary.' },
  { key: 'asks', label: 'Asks / help needed', max: 800, rows: 2, hint: 'One line on the one-page summary.' },
] as const satisfies ReadonlyArray<{ key: keyof Commentary; label: string; max: number; rows: number; hint: string }>;

export function commentaryPanel(ctx: PlanContext): HTMLElement {
  const plan = ctx.view.plan;
  const status = h('span', { class: 'commentary-status muted small', role: 'status', 'aria-live': 'polite' });
  const inputs = COMMENTARY_FIELDS.map((f) => {
    const area = h('textarea', { name: f.key, rows: String(f.rows), maxlength: String(f.max) });
    area.value = plan[f.key];
    return { ...f, area, el: field({ label: f.label, control: area, hint: f.hint, class: 'commentary-field' }) };
  });
  const save = h('button', { type: 'submit', class: 'primary' }, 'Save the story');
  const body = h(
    'div',
    null,
    ...inputs.map((i) => i.el),
    ctx.readonly ? null : h('div', { class: 'form-actions' }, save, status),
  );
  const form = h(
    'form',
    {
      class: 'card commentary',
      'aria-label': 'The story for the QBR',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        if (ctx.readonly) return;
        for (const i of inputs) setFieldError(i.el, null);
        save.disabled = true;
        replaceChildren(status, 'Saving\u2026');
        const commentary: Commentary = { executive_summary: '', asks: '', wins: '' };
        for (const i of inputs) commentary[i.key] = i.area.value;
        try {
          const view = await api.savePlanCommentary(plan.id, commentary);
          replaceChildren(status, 'Saved.');
          ctx.replaceView(view);
        } catch (err) {
          const e2 = toAppError(err);
          const target = inputs.find((i) => i.key === e2.field);
          if (target) {
            setFieldError(target.el, e2.message);
            target.area.focus();
          }
          replaceChildren(status, target ? '' : e2.message);
        } finally {
          save.disabled = false;
        }
      },
    },
    h('h2', null, 'The story for the QBR'),
    // A closed plan or a snapshot shows the story without letting it change.
    ctx.readonly ? h('fieldset', { class: 'readonly-fieldset', disabled: true }, h('legend', { class: 'visually-hidden' }, 'Story (read-only)'), body) : body,
  );
  return form;
}
