// Account overview: the customer company, its team, initiatives, competitors, engagement
// history and buying triggers, all edited in place (see editor.ts for how saves work).
import type { GrowthTrend } from '../../ipc/bindings/GrowthTrend';
import type { LifeStage } from '../../ipc/bindings/LifeStage';
import type { FeatureView, PlanContext } from '../../app/context';
import { h, replaceChildren } from '../../shared/dom';
import { field, select } from '../../shared/forms';
import { GROWTH_TRENDS, LIFE_STAGES, MONTHS, options } from '../../shared/labels';
import { AccountEditor, LocalError } from './editor';
import { renderCompetitors, renderInitiatives, renderInteractions, renderTeam, renderTriggers, type Section } from './lists';
import { amountExample, formatMoneyForEdit, parseMoney, parseWholeNumber } from '../../shared/money-input';
import './account.css';

type TextKey = 'name' | 'industry' | 'region' | 'website' | 'owner' | 'strategy' | 'success_metric';

function companySection(ed: AccountEditor): HTMLElement {
  const a = ed.account;
  const fields: HTMLElement[] = [];

  const text = (key: TextKey, label: string, attrs: Record<string, unknown> = {}, hint?: string) => {
    const input = h('input', { type: 'text', value: a[key], autocomplete: 'off', dataset: { field: key }, ...attrs });
    const f = field({ label, control: input, hint });
    ed.bindText(input, () => f, (acc, v) => {
      acc[key] = v;
    });
    return f;
  };

  // Annual revenue: typed in major units of the account currency, saved as minor units;
  // empty means not known.
  const revenueText = (minor: number | null, currency: string) => (minor === null ? '' : formatMoneyForEdit(minor, currency));
  const revenueSuffix = h('span', null, a.currency);
  const revenue = h('input', {
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    value: revenueText(a.annual_revenue, a.currency),
    dataset: { field: 'annual_revenue' },
  });
  const revenueField = field({ label: 'Annual revenue', control: revenue, suffix: revenueSuffix, hint: `In major units, e.g. ${amountExample()}` });
  ed.bindText(revenue, () => revenueField, (acc, v) => {
    if (v.trim() === '') {
      acc.annual_revenue = null;
      return;
    }
    const r = parseMoney(v, acc.currency);
    if (!r.ok) throw new LocalError(r.message);
    acc.annual_revenue = r.value;
  });

  const employees = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', value: a.employees === null ? '' : String(a.employees), dataset: { field: 'employees' } });
  const employeesField = field({ label: 'Employees', control: employees });
  ed.bindText(employees, () => employeesField, (acc, v) => {
    const r = parseWholeNumber(v, { min: 0, max: 4_294_967_295, empty: null, grouped: true, example: '12000' });
    if (!r.ok) throw new LocalError(r.message);
    acc.employees = r.value;
  });

  const month = select(
    MONTHS.map((m, i) => [String(i + 1), m] as const),
    String(a.fiscal_year_end_month),
    { dataset: { field: 'fiscal_year_end_month' } },
  );
  const monthField = field({ label: 'Fiscal year ends in', control: month });
  ed.bindChoice(month, () => monthField, (acc, v) => {
    acc.fiscal_year_end_month = Number(v);
  });

  const stage = select(options(LIFE_STAGES), a.life_stage, { dataset: { field: 'life_stage' } });
  const stageField = field({ label: 'Life stage', control: stage });
  ed.bindChoice(stage, () => stageField, (acc, v) => {
    acc.life_stage = v as LifeStage;
  });

  const currency = h('input', { type: 'text', value: a.currency, maxlength: '3', autocomplete: 'off', class: 'upper', dataset: { field: 'currency' } });
  const currencyField = field({ label: 'Currency', control: currency, hint: 'ISO code, e.g. EUR, USD, JPY' });
  ed.bindText(
    currency,
    () => currencyField,
    (acc, v) => {
      const code = v.trim().toUpperCase();
      // Only the form is checked here; whether the code exists is the back end's call.
      if (!/^[A-Z]{3}$/.test(code)) throw new LocalError('A currency code has three letters, like EUR');
      acc.currency = code;
    },
    () => {
      // The revenue field now reads in the new currency.
      replaceChildren(revenueSuffix, ed.account.currency);
      if (document.activeElement !== revenue) revenue.value = revenueText(ed.account.annual_revenue, ed.account.currency);
    },
  );

  const trend = select(options(GROWTH_TRENDS), a.growth_trend, { dataset: { field: 'growth_trend' } });
  const trendField = field({ label: 'Growth trend', control: trend });
  ed.bindChoice(trend, () => trendField, (acc, v) => {
    acc.growth_trend = v as GrowthTrend;
  });

  const strategy = h('textarea', { rows: '4', dataset: { field: 'strategy' } });
  strategy.value = a.strategy;
  const strategyField = field({ label: 'Business strategy', control: strategy, hint: 'Where the customer is heading, in their words.' });
  ed.bindText(strategy, () => strategyField, (acc, v) => {
    acc.strategy = v;
  });

  fields.push(
    text('name', 'Account name', { required: true }),
    text('industry', 'Industry'),
    text('region', 'Region'),
    text('website', 'Website', { inputmode: 'url' }),
    revenueField,
    employeesField,
    monthField,
    text('owner', 'Owner'),
    stageField,
    currencyField,
    trendField,
  );

  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'ov-company' },
    h('h2', { id: 'ov-company' }, 'Company'),
    h('div', { class: 'grid-3' }, ...fields),
    strategyField,
    text(
      'success_metric',
      'Success metric',
      {},
      'One countable business outcome the customer itself cares about, e.g. “days to close the books” (not “more revenue”, not a product output).',
    ),
  );
}

export const accountView: FeatureView = (root: HTMLElement, ctx: PlanContext) => {
  const ed = new AccountEditor(ctx);
  const sections: Section[] = [];
  const rerender = (name: string) => {
    for (const s of sections) if (s.name === name) s.render();
  };
  const team = renderTeam(ed, () => rerender('interactions'));
  const initiatives = renderInitiatives(ed);
  const competitors = renderCompetitors(ed);
  const interactions = renderInteractions(ed);
  const triggers = renderTriggers(ed);
  sections.push(team, initiatives, competitors, interactions, triggers);

  const body = h(
    'div',
    { class: 'overview' },
    ctx.readonly ? null : h('p', { class: 'muted small autosave-note' }, 'Changes save as you type. Required: account name.'),
    companySection(ed),
    team.el,
    initiatives.el,
    competitors.el,
    interactions.el,
    triggers.el,
  );
  // A snapshot is frozen: every control is disabled at once by the fieldset.
  root.append(ctx.readonly ? h('fieldset', { class: 'readonly-fieldset', disabled: true }, h('legend', { class: 'visually-hidden' }, 'Account (read-only)'), body) : body);
  return () => ed.flush();
};
