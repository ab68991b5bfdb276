// Renewals edited in the plan: the account's recurring contracts with their buying center,
// annual value and renewal date; one the customer did not renew is marked churned (with the
// date), which takes it out of the forecast (the core decides how). Saved through the account.
import type { Renewal } from '../../ipc/bindings/Renewal';
import { toAppError } from '../../ipc/index';
import type { PlanContext } from '../../app/context';
import { h, replaceChildren } from '../../shared/dom';
import { formatDate } from '../../shared/format';
import { formatMoneyForEdit, parseMoney } from '../../shared/money-input';
import './renewals.css';

/** The same list with one renewal replaced (or added when its id is new). */
export function withRenewal(list: readonly Renewal[], next: Renewal): Renewal[] {
  return list.some((r) => r.id === next.id) ? list.map((r) => (r.id === next.id ? next : r)) : [...list, next];
}

export function renewalsPanel(ctx: PlanContext): HTMLElement {
  const { account, buying_centers: centers, today } = ctx.view;
  const currency = ctx.view.plan.currency;
  const message = h('div', { class: 'renewals-message', role: 'status', 'aria-live': 'polite' });

  async function save(next: Renewal): Promise<void> {
    replaceChildren(message);
    try {
      await ctx.saveAccount({ ...ctx.view.account, renewals: withRenewal(ctx.view.account.renewals, next) });
      // Saving the account does not re-render the area: redraw the list from the saved account.
      section.replaceWith(renewalsPanel(ctx));
    } catch (err) {
      message.className = 'renewals-message error';
      replaceChildren(message, toAppError(err).message);
    }
  }

  const row = (r: Renewal) => {
    const description = h('input', { type: 'text', name: 'renewal-description', value: r.description, 'aria-label': 'Renewal', maxlength: '200' });
    description.addEventListener('change', () => void save({ ...r, description: description.value }));
    const value = h('input', { type: 'text', name: 'renewal-value', value: formatMoneyForEdit(r.annual_value, currency), 'aria-label': `Annual value (${currency})` });
    value.addEventListener('change', () => {
      const parsed = parseMoney(value.value, currency);
      if (parsed.ok) void save({ ...r, annual_value: parsed.value });
      else replaceChildren(message, parsed.message);
    });
    const due = h('input', { type: 'date', name: 'renewal-on', value: r.renewal_on, 'aria-label': 'Renews on' });
    due.addEventListener('change', () => due.value && void save({ ...r, renewal_on: due.value }));
    const center = h(
      'select',
      { name: 'renewal-buying-center', 'aria-label': 'Buying center' },
      h('option', { value: '' }, 'No buying center'),
      ...centers.map((b) => h('option', { value: b.id }, b.name)),
    );
    center.value = r.buying_center_id ?? '';
    center.addEventListener('change', () => void save({ ...r, buying_center_id: center.value || null }));
    const churn = r.churned_on
      ? h('button', { type: 'button', class: 'small', onclick: () => void save({ ...r, churned_on: null }) }, 'Undo churn')
      : h('button', { type: 'button', class: 'small danger', onclick: () => void save({ ...r, churned_on: today }) }, 'Mark churned');
    return h(
      'tr',
      { class: r.churned_on ? 'renewal churned' : 'renewal', 'data-id': r.id },
      h('td', null, description),
      h('td', null, center),
      h('td', { class: 'num' }, value),
      h('td', null, due),
      h('td', null, r.churned_on ? `Churned ${formatDate(r.churned_on)}` : 'Live'),
      h('td', null, churn),
    );
  };

  const add = h(
    'button',
    {
      type: 'button',
      onclick: () =>
        void save({
          id: crypto.randomUUID(),
          offering_id: null,
          buying_center_id: null,
          description: 'New renewal',
          annual_value: 0,
          renewal_on: today,
          churned_on: null,
        }),
    },
    'Add renewal',
  );

  const body = h(
    'div',
    null,
    account.renewals.length === 0
      ? h('p', { class: 'muted' }, 'No renewals yet.')
      : h(
          'table',
          { class: 'table renewals-table' },
          h('thead', null, h('tr', null, ...['Contract', 'Buying center', 'Annual value', 'Renews on', 'Status', ''].map((t) => h('th', null, t)))),
          h('tbody', null, ...account.renewals.map(row)),
        ),
    ctx.readonly ? null : h('div', { class: 'form-actions' }, add, message),
  );
  const section = h(
    'section',
    { class: 'card renewals', 'aria-label': 'Renewals' },
    h('h2', null, 'Renewals'),
    ctx.readonly ? h('fieldset', { class: 'readonly-fieldset', disabled: true }, h('legend', { class: 'visually-hidden' }, 'Renewals (read-only)'), body) : body,
  );
  return section;
}
