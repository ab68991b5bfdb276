// Ranked plays: view.plays in the core's order, with "Create opportunity" per play.
import type { PlanView } from '../../ipc/bindings/PlanView';
import type { Play } from '../../ipc/bindings/Play';
import { h } from '../../shared/dom';
import { formatMoney } from '../../shared/format';
import { FORCE_FIT_WARNING, KIND_LABEL, QUADRANT_LABEL, STATUS_LABEL } from './model';

export interface PlaysOptions {
  readonly: boolean;
  /** Cell id of the play to highlight (e.g. the one just turned into an opportunity). */
  highlight: string | null;
  onOpen(play: Play): void;
  /** Saves the opportunity; rejects with the back end's error. */
  onCreate(play: Play): Promise<void>;
  /** Sets the play's estimate to its open opportunities' amount; rejects with the back end's error. */
  onFollow(play: Play): Promise<void>;
  /** Show only the first `limit` plays (null: all), with a button calling `onShowAll`. */
  limit: number | null;
  onShowAll(): void;
}

const HEADERS: Array<[string, boolean]> = [
  ['Rank', true],
  ['Buying center', false],
  ['Offering', false],
  ['Status', false],
  ['Value to us', true],
  ['Value to customer', true],
  ['Mutual value', true],
  ['Quadrant', false],
  ['Kind', false],
  ['Estimated revenue', true],
  ['', false],
];

export function renderPlays(view: PlanView, opts: PlaysOptions): HTMLElement {
  const currency = view.plan.currency;
  if (view.plays.length === 0) {
    return h(
      'p',
      { class: 'empty-state ws-plays-empty' },
      'No plays yet. Score both values of an Open, Competitor or In pipeline cell to rank it here.',
    );
  }
  const body = h('tbody');
  const shown = opts.limit === null ? view.plays : view.plays.slice(0, opts.limit);
  shown.forEach((p, i) => {
    const action = createCell(p, opts);
    const forceFit = p.quadrant === 'dont_force_fit';
    body.appendChild(
      h(
        'tr',
        {
          class: ['ws-play', forceFit ? 'force-fit' : null, opts.highlight === p.cell_id ? 'selected' : null],
          dataset: { cellId: p.cell_id },
        },
        h('td', { class: 'num' }, String(i + 1)),
        h('td', null, h('button', { type: 'button', class: 'link', onclick: () => opts.onOpen(p), title: 'Open the cell' }, p.buying_center)),
        h('td', null, p.offering),
        h('td', null, h('span', { class: `ws-status-badge st-${p.status.replace(/_/g, '-')}` }, STATUS_LABEL[p.status])),
        h('td', { class: 'num' }, String(p.value_to_us)),
        h('td', { class: 'num' }, String(p.value_to_customer)),
        h('td', { class: 'num' }, h('strong', null, String(p.mutual_value_score))),
        h('td', null, h('span', { class: `ws-quadrant-badge q-${p.quadrant}` }, QUADRANT_LABEL[p.quadrant])),
        h('td', null, KIND_LABEL[p.kind]),
        revenueCell(p, currency, opts),
        action,
      ),
    );
    if (forceFit) {
      body.appendChild(
        h(
          'tr',
          { class: 'ws-play-warning' },
          h('td'),
          h('td', { colspan: String(HEADERS.length - 1) }, h('span', { class: 'warning-text' }, '\u26a0 ' + FORCE_FIT_WARNING)),
        ),
      );
    }
  });
  const table = h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'ws-plays', 'aria-label': 'Ranked plays' },
      h('thead', null, h('tr', null, HEADERS.map(([label, num]) => h('th', { class: [num && 'num'], scope: 'col' }, label)))),
      body,
    ),
  );
  if (shown.length === view.plays.length) return table;
  return h(
    'div',
    null,
    table,
    h(
      'p',
      { class: 'ws-plays-more' },
      `The top ${shown.length} of ${view.plays.length} plays. `,
      h('button', { type: 'button', class: 'small', onclick: () => opts.onShowAll() }, `Show all ${view.plays.length}`),
    ),
  );
}

/**
 * The play's estimate (the AM's view of the whole play) and, where an open opportunity quotes
 * something else, that amount beside it with a way to make the estimate follow it.
 */
function revenueCell(p: Play, currency: string, opts: PlaysOptions): HTMLElement {
  const estimate = formatMoney(p.estimated_revenue, currency);
  if (p.open_opportunity_amount <= 0 || p.open_opportunity_amount === p.estimated_revenue) {
    return h('td', { class: 'num' }, estimate);
  }
  const quoted = formatMoney(p.open_opportunity_amount, currency);
  const error = h('div', { class: 'error-text', role: 'alert' });
  const follow = h(
    'button',
    {
      type: 'button',
      class: 'small link',
      disabled: opts.readonly,
      title: `Set the estimate to the open opportunity's ${quoted}`,
      'aria-label': `Use the opportunity amount ${quoted} as the estimate of ${p.buying_center} \u00d7 ${p.offering}`,
    },
    'Use this',
  );
  follow.addEventListener('click', () => {
    follow.disabled = true;
    error.textContent = '';
    opts.onFollow(p).catch((err: unknown) => {
      follow.disabled = false;
      error.textContent = err instanceof Error ? err.message : String(err);
    });
  });
  return h(
    'td',
    { class: 'num ws-play-revenue' },
    h('div', null, estimate),
    h('div', { class: 'muted small', dataset: { figure: 'open-opportunity' }, title: 'What its open opportunities quote now' }, `opportunity ${quoted}`),
    h('div', null, follow),
    error,
  );
}

function createCell(p: Play, opts: PlaysOptions): HTMLElement {
  if (p.status === 'in_pipeline') {
    return h('td', { class: 'ws-play-action' }, h('span', { class: 'muted small' }, 'Opportunity open'));
  }
  const error = h('div', { class: 'error-text', role: 'alert' });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'small',
      disabled: opts.readonly,
      title: opts.readonly ? 'Snapshots are read-only' : 'Create an open opportunity (Qualify, 10%) for this cell',
    },
    'Create opportunity',
  );
  button.addEventListener('click', () => {
    button.disabled = true;
    button.textContent = 'Creating\u2026';
    error.textContent = '';
    opts.onCreate(p).catch((err: unknown) => {
      button.disabled = false;
      button.textContent = 'Create opportunity';
      error.textContent = err instanceof Error ? err.message : String(err);
    });
  });
  return h('td', { class: 'ws-play-action' }, button, error);
}
