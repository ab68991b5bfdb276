// The plan tools in the sidebar: the period selector, roll forward, taking a snapshot and the
// list of snapshots (each opens read-only).
import { api } from '../../ipc/api';
import type { Plan } from '../../ipc/bindings/Plan';
import type { PlanView } from '../../ipc/bindings/PlanView';
import type { SnapshotInfo } from '../../ipc/bindings/SnapshotInfo';
import { toAppError } from '../../ipc/index';
import { planHash, snapshotHash, type PlanAreaKey } from '../../app/context';
import { h, replaceChildren } from '../../shared/dom';
import { formatDate } from '../../shared/format';
import { field, setFieldError, uid } from '../../shared/forms';
import { PLAN_STATUSES } from '../../shared/labels';
import { chooseCompareFrom } from '../compare/view';
import { carriedSummary, statusField } from './life';
import './plans.css';

export interface PlanToolsOptions {
  view: PlanView;
  /** The open snapshot, when one is open (then editing tools are hidden). */
  snapshotId: string | null;
  area: PlanAreaKey;
  navigate(hash: string): void;
  /** The plan's status was changed (e.g. closed or reopened): the shell re-renders. */
  onPlanChanged?(plan: Plan): void;
}

/** Newest first; the same day keeps the order the store gave (taken later = listed later). */
export function sortSnapshots(list: readonly SnapshotInfo[]): SnapshotInfo[] {
  return list
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s.taken_on === b.s.taken_on ? b.i - a.i : a.s.taken_on < b.s.taken_on ? 1 : -1))
    .map((x) => x.s);
}

export function planOptionLabel(p: Plan): string {
  return `${p.period} \u00b7 ${PLAN_STATUSES[p.status] ?? p.status}`;
}

/** Renders the tools into `root`; loads the plans and snapshots itself. */
export function renderPlanTools(root: HTMLElement, opts: PlanToolsOptions): void {
  const { view, snapshotId, area, navigate } = opts;
  const planId = view.plan.id;
  const readonly = snapshotId !== null;

  const periodSelect = h(
    'select',
    {
      class: 'period-select',
      onchange: () => {
        if (periodSelect.value && (periodSelect.value !== planId || readonly)) navigate(planHash(periodSelect.value, area));
      },
    },
    h('option', { value: planId }, view.plan.period),
  );
  periodSelect.value = planId;
  const periodField = field({ label: 'Plan period', control: periodSelect, class: 'sidebar-field' });

  const message = h('div', { class: 'plan-tools-message', role: 'status', 'aria-live': 'polite' });
  const say = (text: string, kind: 'error' | 'ok' = 'ok') => {
    message.className = `plan-tools-message ${kind}`;
    replaceChildren(message, text);
  };

  // Rolling forward creates a whole plan: ask first, then say what came along.
  const rollConfirm = h('button', { type: 'button', class: 'primary small' }, 'Roll forward');
  const rollAsk = h(
    'div',
    { class: 'roll-ask hidden', role: 'group', 'aria-label': 'Roll forward' },
    h(
      'p',
      null,
      `Start the next period from ${view.plan.period}? Buying centers, people, the map, white space, objectives with open actions and open opportunities come along; ${view.plan.period} stays as it is.`,
    ),
    h(
      'div',
      { class: 'form-actions' },
      rollConfirm,
      h('button', { type: 'button', class: 'small', onclick: () => askRoll(false) }, 'Cancel'),
    ),
  );
  const rollButton = h(
    'button',
    { type: 'button', class: 'sidebar-button', 'aria-expanded': 'false', onclick: () => askRoll(true) },
    'Roll forward to next period',
  );
  function askRoll(open: boolean): void {
    rollAsk.classList.toggle('hidden', !open);
    rollButton.classList.toggle('hidden', open);
    rollButton.setAttribute('aria-expanded', String(open));
    (open ? rollConfirm : rollButton).focus();
  }
  rollConfirm.addEventListener('click', async () => {
    rollConfirm.disabled = true;
    say('Rolling forward\u2026');
    try {
      const rolled = await api.rollForward(planId);
      askRoll(false);
      navigate(planHash(rolled.plan.id, 'overview'));
      // The sidebar is rebuilt for the new plan: say it there, where the user looks next.
      sayAfterNavigation(`${rolled.plan.period} created from ${view.plan.period}. ${carriedSummary(rolled.carried)}`);
    } catch (err) {
      say(toAppError(err).message, 'error');
    } finally {
      rollConfirm.disabled = false;
    }
  });

  const snapshotList = h('ul', { class: 'snapshot-list', 'aria-label': 'Snapshots' });
  const snapshotForm = buildSnapshotForm();
  const takeButton = h(
    'button',
    {
      type: 'button',
      class: 'sidebar-button',
      'aria-expanded': 'false',
      onclick: () => toggleForm(true),
    },
    'Take snapshot',
  );

  function toggleForm(open: boolean): void {
    snapshotForm.form.classList.toggle('hidden', !open);
    takeButton.classList.toggle('hidden', open);
    takeButton.setAttribute('aria-expanded', String(open));
    if (open) {
      setFieldError(snapshotForm.fieldEl, null);
      snapshotForm.input.value = '';
      snapshotForm.input.focus();
      // The core suggests the fiscal quarter ("QBR Q4 2026"); typing first wins.
      void api
        .suggestSnapshotLabel(planId)
        .then((label) => {
          if (snapshotForm.input.value === '') {
            snapshotForm.input.value = label;
            snapshotForm.input.select();
          }
        })
        .catch(() => undefined);
    } else {
      takeButton.focus();
    }
  }

  function buildSnapshotForm() {
    const input = h('input', { type: 'text', autocomplete: 'off', maxlength: '120' });
    const fieldEl = field({ label: 'Snapshot label', control: input, class: 'sidebar-field' });
    const submit = h('button', { type: 'submit', class: 'primary small' }, 'Save snapshot');
    const form = h(
      'form',
      {
        class: 'snapshot-form hidden',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          submit.disabled = true;
          try {
            const snap = await api.takeSnapshot(planId, input.value);
            say(`Snapshot \u201c${snap.label}\u201d taken.`);
            toggleForm(false);
            await loadSnapshots();
          } catch (err) {
            setFieldError(fieldEl, toAppError(err).message);
          } finally {
            submit.disabled = false;
          }
        },
        onkeydown: (e: KeyboardEvent) => {
          if (e.key === 'Escape') toggleForm(false);
        },
      },
      fieldEl,
      h(
        'div',
        { class: 'form-actions' },
        submit,
        h('button', { type: 'button', class: 'small', onclick: () => toggleForm(false) }, 'Cancel'),
      ),
    );
    return { form, input, fieldEl };
  }

  async function loadPlans(): Promise<void> {
    try {
      const plans = await api.listPlans(view.account.id);
      const sorted = [...plans].sort((a, b) => (a.starts_on < b.starts_on ? 1 : a.starts_on > b.starts_on ? -1 : 0));
      replaceChildren(periodSelect, ...sorted.map((p) => h('option', { value: p.id }, planOptionLabel(p))));
      periodSelect.value = planId;
    } catch (err) {
      say(toAppError(err).message, 'error');
    }
  }

  async function loadSnapshots(): Promise<void> {
    try {
      const list = sortSnapshots(await api.listSnapshots(planId));
      if (list.length === 0) {
        replaceChildren(snapshotList, h('li', { class: 'muted-item' }, 'None yet'));
        return;
      }
      replaceChildren(
        snapshotList,
        ...list.map((s) =>
          h(
            'li',
            { class: 'snapshot-item' },
            h(
              'a',
              {
                href: snapshotHash(s.id, area),
                'aria-current': s.id === snapshotId ? 'page' : null,
                title: `${s.label} (${formatDate(s.taken_on)}), read-only`,
              },
              h('span', { class: 'snap-date' }, formatDate(s.taken_on)),
              h('span', { class: 'snap-label' }, s.label),
            ),
            h(
              'a',
              {
                class: 'snap-compare',
                href: planHash(planId, 'since-last-qbr'),
                title: `What changed since ${s.label}`,
                onclick: () => chooseCompareFrom(planId, s.id),
              },
              'Compare with now',
            ),
          ),
        ),
      );
    } catch (err) {
      say(toAppError(err).message, 'error');
    }
  }

  const snapHeadingId = uid('snapshots');
  snapshotList.removeAttribute('aria-label');
  snapshotList.setAttribute('aria-labelledby', snapHeadingId);

  replaceChildren(
    root,
    h(
      'div',
      { class: 'plan-tools' },
      periodField,
      readonly || !opts.onPlanChanged
        ? null
        : statusField(view.plan, opts.onPlanChanged),
      readonly ? null : h('div', { class: 'plan-tools-actions' }, rollButton, rollAsk, takeButton, snapshotForm.form),
      message,
      h('div', { class: 'nav-section', id: snapHeadingId }, 'Snapshots'),
      snapshotList,
    ),
  );
  const pending = pendingMessage;
  pendingMessage = null;
  if (pending) say(pending);
  void loadPlans();
  void loadSnapshots();
}

/** A message for the plan tools drawn after the next navigation (e.g. what a roll forward did). */
let pendingMessage: string | null = null;
function sayAfterNavigation(text: string): void {
  pendingMessage = text;
}
