// "Since last QBR": what changed between two points of the plan (a snapshot and now, or two
// snapshots). Every move comes from the core's comparison; this view only lays it out, each with
// an arrow and words so colour is never the only signal.
import { api } from '../../ipc/api';
import type { Arrow } from '../../ipc/bindings/Arrow';
import type { Change } from '../../ipc/bindings/Change';
import type { MoneyMove } from '../../ipc/bindings/MoneyMove';
import type { PlanComparison } from '../../ipc/bindings/PlanComparison';
import type { ShareMove } from '../../ipc/bindings/ShareMove';
import type { SnapshotInfo } from '../../ipc/bindings/SnapshotInfo';
import { toAppError } from '../../ipc/index';
import type { FeatureView } from '../../app/context';
import { h, replaceChildren } from '../../shared/dom';
import { formatDate, formatMoneyCompact, formatPercent } from '../../shared/format';
import { field } from '../../shared/forms';
import { sortSnapshots } from '../plans/view';
import './compare.css';

/** The value of the "to" picker that means the plan as it is now. */
export const NOW = 'now';

const FROM_KEY = (planId: string) => `compare-from:${planId}`;

/** Remember which snapshot to compare from when the screen opens next (the snapshot list's link). */
export function chooseCompareFrom(planId: string, snapshotId: string): void {
  sessionStorage.setItem(FROM_KEY(planId), snapshotId);
}

export const ARROW_TEXT: Record<Arrow, string> = {
  up: '\u25b2',
  down: '\u25bc',
  same: '\u2022',
  new: '+',
  gone: '\u2212',
};

export const SECTIONS: ReadonlyArray<readonly [keyof PlanComparison, string]> = [
  ['people', 'People'],
  ['coverage_gaps', 'Coverage gaps'],
  ['white_space', 'White space'],
  ['opportunities', 'Opportunities'],
  ['actions', 'Actions'],
  ['campaigns', 'Campaigns'],
];

function arrow(a: Arrow): HTMLElement {
  return h('span', { class: 'arrow', 'aria-hidden': 'true' }, ARROW_TEXT[a]);
}

function move(m: ShareMove | MoneyMove, fromTo: string): HTMLElement {
  return h(
    'span',
    { class: ['move', `tone-${m.tone}`] },
    h('span', { class: 'from-to' }, fromTo),
    ' ',
    arrow(m.arrow),
    ' ',
    h('span', { class: 'words' }, m.words),
  );
}

function shareCell(m: ShareMove): HTMLElement {
  return move(m, `${formatPercent(m.before)} \u2192 ${formatPercent(m.after)}`);
}

function moneyCell(m: MoneyMove, currency: string): HTMLElement {
  return move(m, `${formatMoneyCompact(m.before, currency)} \u2192 ${formatMoneyCompact(m.after, currency)}`);
}

function changeItem(c: Change): HTMLElement {
  return h(
    'li',
    { class: ['change', `tone-${c.tone}`], 'data-kind': c.change.kind },
    arrow(c.arrow),
    ' ',
    h('span', { class: 'subject' }, c.subject),
    ': ',
    h('span', { class: 'words' }, c.words),
  );
}

/** The comparison laid out: figures by buying center, then one section per kind of change. */
export function renderComparison(c: PlanComparison): HTMLElement {
  const currency = c.currency;
  const rows = c.buying_centers.map((b) =>
    h(
      'tr',
      { 'data-id': b.buying_center_id },
      h('th', { scope: 'row' }, b.name, b.presence === 'new' ? ' (added)' : b.presence === 'gone' ? ' (removed)' : ''),
      h('td', null, shareCell(b.figures.wallet_share)),
      h('td', null, moneyCell(b.figures.forecast, currency)),
      h('td', null, moneyCell(b.figures.gap_to_goal, currency)),
    ),
  );
  const total = h(
    'tr',
    { class: 'total' },
    h('th', { scope: 'row' }, 'Account'),
    h('td', null, shareCell(c.account.wallet_share)),
    h('td', null, moneyCell(c.account.forecast, currency)),
    h('td', null, moneyCell(c.account.gap_to_goal, currency)),
  );
  const sections = SECTIONS.map(([key, title]) => {
    const list = c[key] as Change[];
    return h(
      'section',
      { class: 'compare-section', 'data-section': key },
      h('h2', null, title, ' ', h('span', { class: 'count' }, `(${list.length})`)),
      list.length === 0 ? h('p', { class: 'no-change' }, 'No change') : h('ul', { class: 'changes' }, ...list.map(changeItem)),
    );
  });
  const to = c.to.snapshot_id === null ? 'now' : `\u201c${c.to.label}\u201d (${formatDate(c.to.on)})`;
  return h(
    'div',
    { class: 'comparison' },
    h(
      'p',
      { class: 'compare-intro' },
      `From \u201c${c.from.label}\u201d (${formatDate(c.from.on)}) to ${to}: `,
      h('strong', null, c.change_count === 1 ? '1 change' : `${c.change_count} changes`),
      '.',
    ),
    h('h2', null, 'Wallet share, forecast and gap by buying center'),
    h(
      'table',
      { class: 'data-table compare-figures' },
      h('thead', null, h('tr', null, ...['Buying center', 'Wallet share', 'Forecast', 'Gap to goal'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, ...rows, total),
    ),
    ...sections,
  );
}

export const compareView: FeatureView = (root, ctx) => {
  const planId = ctx.view.plan.id;
  const fromSelect = h('select', { class: 'compare-from' });
  const toSelect = h('select', { class: 'compare-to' });
  const result = h('div', { class: 'compare-result', 'aria-live': 'polite' });
  let alive = true;

  async function load(): Promise<void> {
    if (!fromSelect.value) return;
    replaceChildren(result, h('p', { class: 'muted' }, 'Comparing\u2026'));
    try {
      const to = toSelect.value === NOW ? null : toSelect.value;
      const c = await api.comparePlan(planId, fromSelect.value, to);
      if (alive) replaceChildren(result, renderComparison(c));
    } catch (err) {
      if (alive) replaceChildren(result, h('div', { class: 'banner error', role: 'alert' }, toAppError(err).message));
    }
  }
  fromSelect.addEventListener('change', () => {
    sessionStorage.setItem(FROM_KEY(planId), fromSelect.value);
    void load();
  });
  toSelect.addEventListener('change', () => void load());

  const option = (s: SnapshotInfo) => h('option', { value: s.id }, `${s.label} \u00b7 ${formatDate(s.taken_on)}`);

  replaceChildren(root, h('p', { class: 'muted' }, 'Loading snapshots\u2026'));
  void (async () => {
    let list: SnapshotInfo[];
    try {
      list = sortSnapshots(await api.listSnapshots(planId));
    } catch (err) {
      replaceChildren(root, h('div', { class: 'banner error', role: 'alert' }, toAppError(err).message));
      return;
    }
    if (!alive) return;
    if (list.length === 0) {
      replaceChildren(
        root,
        h(
          'p',
          { class: 'empty-state' },
          'No snapshot of this plan yet. Take one at the QBR (Take snapshot, in the sidebar); this page then shows what changed since.',
        ),
      );
      return;
    }
    replaceChildren(fromSelect, ...list.map(option));
    replaceChildren(toSelect, h('option', { value: NOW }, 'Now'), ...list.map(option));
    const remembered = sessionStorage.getItem(FROM_KEY(planId));
    // Default: the latest snapshot against now.
    fromSelect.value = list.some((s) => s.id === remembered) ? (remembered as string) : list[0].id;
    toSelect.value = NOW;
    replaceChildren(
      root,
      h(
        'div',
        { class: 'compare-pickers' },
        field({ label: 'From', control: fromSelect }),
        field({ label: 'To', control: toSelect }),
      ),
      result,
    );
    await load();
  })();
  return () => {
    alive = false;
  };
};
