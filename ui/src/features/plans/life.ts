// A plan's life: its status (draft, active, closed), the banner a closed plan shows, reopening
// it, and what a roll forward says it carried over. The rules (one active plan per period, a
// closed plan refuses edits) are the core's; this only shows them and asks for changes.
import { api } from '../../ipc/api';
import type { CarriedCount } from '../../ipc/bindings/CarriedCount';
import type { Plan } from '../../ipc/bindings/Plan';
import type { PlanStatus } from '../../ipc/bindings/PlanStatus';
import { toAppError } from '../../ipc/index';
import { h, replaceChildren } from '../../shared/dom';
import { field, setFieldError } from '../../shared/forms';
import { PLAN_STATUSES } from '../../shared/labels';

/** "Carried over 4 buying centers, 12 contacts and 3 open opportunities." */
export function carriedSummary(carried: readonly CarriedCount[]): string {
  if (carried.length === 0) return 'Nothing to carry over: the new plan starts empty.';
  const parts = carried.map((c) => `${c.count} ${c.count === 1 ? singular(c.label) : c.label}`);
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `Carried over ${list}.`;
}

function singular(label: string): string {
  if (label.endsWith('strategies')) return label.replace(/strategies$/, 'strategy');
  if (label.startsWith('lines of')) return label.replace(/^lines/, 'line');
  return label.replace(/s$/, '');
}

export function isClosed(plan: Plan): boolean {
  return plan.status === 'closed';
}

/** The status field in the sidebar; `onChanged` gets the saved plan, refusals show under it. */
export function statusField(plan: Plan, onChanged: (plan: Plan) => void): HTMLElement {
  const select = h(
    'select',
    {
      class: 'plan-status-select',
      name: 'plan-status',
      onchange: async () => {
        const wanted = select.value as PlanStatus;
        select.disabled = true;
        setFieldError(fieldEl, null);
        try {
          onChanged(await api.setPlanStatus(plan.id, wanted));
        } catch (err) {
          select.value = plan.status;
          setFieldError(fieldEl, toAppError(err).message);
        } finally {
          select.disabled = false;
        }
      },
    },
    ...(Object.keys(PLAN_STATUSES) as PlanStatus[]).map((s) => h('option', { value: s }, PLAN_STATUSES[s])),
  );
  select.value = plan.status;
  const fieldEl = field({ label: 'Plan status', control: select, class: 'sidebar-field' });
  return fieldEl;
}

/**
 * Reopen a closed plan: active again when no other plan is active for its period, otherwise
 * a draft (the core refuses a second active plan; a draft is always allowed).
 */
export async function reopen(plan: Plan): Promise<Plan> {
  try {
    return await api.setPlanStatus(plan.id, 'active');
  } catch (err) {
    if (toAppError(err).code !== 'conflict') throw err;
    return api.setPlanStatus(plan.id, 'draft');
  }
}

/** The banner above every area of a closed plan, with the way back to editing. */
export function closedBanner(plan: Plan, onReopened: (plan: Plan) => void): HTMLElement {
  const problem = h('span', { class: 'closed-banner-error', role: 'alert' });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'small',
      onclick: async () => {
        button.disabled = true;
        try {
          onReopened(await reopen(plan));
        } catch (err) {
          replaceChildren(problem, ` ${toAppError(err).message}`);
          button.disabled = false;
        }
      },
    },
    'Reopen plan',
  );
  return h(
    'div',
    { class: 'banner warning closed-banner', role: 'note' },
    h('strong', null, `${plan.period} is closed \u2014 read-only.`),
    ' Reopen it to edit. ',
    button,
    problem,
  );
}
