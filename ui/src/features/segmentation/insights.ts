// Portfolio insights (#/insights): the weights and thresholds that tier the portfolio, the
// hot-spot chart, the tiers, life stages and stage moves, buying triggers around today, and
// renewals with churn and the new business a growth target needs. Every figure comes from the
// back end; the page only arranges it (and adds growth + churn, DOMAIN.md's formula).
import { planHash } from '../../app/context';
import { api } from '../../ipc/api';
import type { PortfolioInsights } from '../../ipc/bindings/PortfolioInsights';
import type { PortfolioRow } from '../../ipc/bindings/PortfolioRow';
import type { Tier } from '../../ipc/bindings/Tier';
import type { TriggerEvent } from '../../ipc/bindings/TriggerEvent';
import { toAppError } from '../../ipc/index';
import { h, replaceChildren, type Child } from '../../shared/dom';
import { formatDate, formatPercent } from '../../shared/format';
import { field, uid } from '../../shared/forms';
import { LIFE_STAGES, TIERS, TRIGGER_KINDS } from '../../shared/labels';
import { formatMoneyForDisplay } from '../../shared/money-input';
import { BEHAVIOR_COLORS, UNSCORED_BEHAVIOR, renderHotspot } from './hotspot';
import { DIMENSIONS, TIER_ORDER, formatScore, requiredNewBusinessPct } from './model';
import { weightsEditor, type CriteriaNames, type SegmentationSettings } from './weights';
import './segmentation.css';

export interface InsightsOptions {
  /** Goes to another place in the app; defaults to setting `location.hash`. */
  navigate?(hash: string): void;
}

/** The criteria of the core's default segmentation, used when no account carries names yet. */
const FALLBACK_CRITERIA: CriteriaNames = {
  need: ['Share of its portfolio our offerings cover', 'Alignment with our growth areas', 'Service intensity'],
  value: ['Current revenue', 'Total opportunity', 'Margin mix'],
  behavior: ['Buyer empowerment', 'Progressiveness', 'Process maturity'],
};

/** How many Tier 1 accounts the table lists before it says "and N more". */
export const TIER1_LIMIT = 200;

const EM_DASH = '\u2014';

/** Criterion names as the accounts carry them (the first account with all three lists). */
export function criteriaNames(rows: readonly PortfolioRow[]): CriteriaNames {
  const names = { ...FALLBACK_CRITERIA };
  for (const dim of DIMENSIONS) {
    const withNames = rows.find((r) => r.segmentation[dim].length > 0);
    if (withNames) names[dim] = withNames.segmentation[dim].map((c) => c.criterion);
  }
  return names;
}

function planLink(row: PortfolioRow | undefined, text: string, area: 'segmentation' | 'overview' = 'segmentation'): Child {
  if (!row?.current_plan_id) return text;
  return h('a', { href: planHash(row.current_plan_id, area) }, text);
}

export function portfolioInsightsPage(root: HTMLElement, opts: InsightsOptions = {}): () => void {
  let alive = true;
  const navigate = opts.navigate ?? ((hash: string) => (window.location.hash = hash));

  const body = h('div', { class: 'insights-body' }, h('p', { class: 'muted loading', role: 'status' }, 'Loading the portfolio\u2026'));
  replaceChildren(
    root,
    h(
      'section',
      { class: 'insights', 'aria-labelledby': 'insights-title' },
      h('div', { class: 'page-header' }, h('h1', { id: 'insights-title' }, 'Portfolio insights')),
      body,
    ),
  );

  void load();

  async function load(): Promise<void> {
    let settings: SegmentationSettings;
    let rows: PortfolioRow[];
    let insights: PortfolioInsights;
    try {
      const [s, r, i] = await Promise.all([api.getSettings(), api.listPortfolio(), api.portfolioInsights()]);
      settings = s;
      rows = r;
      insights = i;
    } catch (err) {
      if (!alive) return;
      replaceChildren(body, h('div', { class: 'banner error', role: 'alert' }, `Could not load the portfolio: ${toAppError(err).message}`));
      return;
    }
    if (!alive) return;
    render(settings, rows, insights);
  }

  function render(initial: SegmentationSettings, initialRows: PortfolioRow[], insights: PortfolioInsights): void {
    let settings = initial;
    let rows = initialRows;
    const byId = new Map(rows.map((r) => [r.id, r]));

    const chartCard = h('section', { class: 'card hotspot-card', 'aria-labelledby': 'hotspot-title' });
    const tierCard = h('section', { class: 'card tiers-card', 'aria-labelledby': 'tiers-title' });
    const editor = weightsEditor({
      settings,
      criteria: criteriaNames(rows),
      onSaved(next, saved) {
        if (!alive) return;
        settings = next;
        rows = saved.rows;
        renderChart();
        renderTiers();
      },
    });

    function renderChart(): void {
      const chart = renderHotspot(rows, settings.thresholds, {
        onOpen: (row) => {
          if (row.current_plan_id) navigate(planHash(row.current_plan_id, 'segmentation'));
        },
      });
      const unscored = rows.length - chart.dots.length;
      replaceChildren(
        chartCard,
        h('h2', { id: 'hotspot-title' }, 'Hot spots'),
        h(
          'p',
          { class: 'muted small hotspot-count' },
          rows.length === 0
            ? 'No accounts yet.'
            : `${chart.dots.length} scored ${chart.dots.length === 1 ? 'account' : 'accounts'} shown` +
                (unscored > 0 ? `; ${unscored} without need and value scores not shown.` : '.') +
                ' Hover a dot for its scores; click it to open its segmentation.',
        ),
        h('div', { class: 'hotspot-wrap' }, chart.el),
        legend(),
      );
    }

    function legend(): HTMLElement {
      const b = settings.thresholds.high_behavior;
      return h(
        'div',
        { class: 'hotspot-legend' },
        h(
          'div',
          { class: 'legend-group' },
          h('span', { class: 'legend-title' }, 'Behavior'),
          BEHAVIOR_COLORS.map((color, i) =>
            h(
              'span',
              { class: 'legend-item' },
              h('span', { class: 'legend-swatch', style: { background: color } }),
              String(i + 1),
            ),
          ),
          h(
            'span',
            { class: 'legend-item' },
            h('span', { class: 'legend-swatch', style: { background: UNSCORED_BEHAVIOR } }),
            'not scored',
          ),
          h('span', { class: 'muted small' }, `(Tier 1a from ${Number(b.toFixed(2))})`),
        ),
        h('div', { class: 'legend-group muted small' }, 'Dot area: total wallet. Shaded: Tier 1 (value and need high); dashed line: Tier 2 / Tier 3.'),
      );
    }

    function renderTiers(): void {
      const counts = new Map<Tier, number>();
      for (const r of rows) counts.set(r.tier, (counts.get(r.tier) ?? 0) + 1);
      const total = rows.length;
      const tier1 = rows
        .filter((r) => r.tier === 'tier1a' || r.tier === 'tier1b')
        .sort((a, b) => a.tier.localeCompare(b.tier) || (b.value ?? 0) - (a.value ?? 0) || a.name.localeCompare(b.name));
      const shown = tier1.slice(0, TIER1_LIMIT);
      const col = (text: string, num = false) => h('th', { scope: 'col', class: num ? 'num' : undefined }, text);
      const countsTable = h(
        'div',
        { class: 'table-wrap tier-counts-wrap' },
        h(
          'table',
          { class: 'tier-counts' },
          h('thead', null, h('tr', null, col('Tier'), col('Accounts', true), col('Share', true))),
          h(
            'tbody',
            null,
            TIER_ORDER.map((t) =>
              h(
                'tr',
                { dataset: { tier: t } },
                h('th', { scope: 'row' }, TIERS[t]),
                h('td', { class: 'num tier-count' }, String(counts.get(t) ?? 0)),
                h('td', { class: 'num' }, total ? formatPercent((counts.get(t) ?? 0) / total) : EM_DASH),
              ),
            ),
          ),
        ),
      );
      const tier1Table =
        tier1.length === 0
          ? h('p', { class: 'muted tier1-empty' }, 'No account is in Tier 1 yet: none is high on both value and need.')
          : h(
              'div',
              { class: 'table-wrap' },
              h(
                'table',
                { class: 'tier1-table' },
                h(
                  'thead',
                  null,
                  h('tr', null, col('Account'), col('Tier'), col('Need', true), col('Value', true), col('Behavior', true), col('Why')),
                ),
                h(
                  'tbody',
                  null,
                  shown.map((r) =>
                    h(
                      'tr',
                      { dataset: { accountId: r.id } },
                      h('th', { scope: 'row', class: 'tier1-name' }, planLink(r, r.name)),
                      h('td', null, h('span', { class: ['badge', r.tier === 'tier1a' ? 'blue' : 'amber'] }, TIERS[r.tier])),
                      h('td', { class: 'num' }, formatScore(r.need)),
                      h('td', { class: 'num' }, formatScore(r.value)),
                      h('td', { class: 'num' }, formatScore(r.behavior)),
                      h('td', { class: 'tier-reason' }, r.tier_reason),
                    ),
                  ),
                ),
              ),
            );
      replaceChildren(
        tierCard,
        h('h2', { id: 'tiers-title' }, 'Tiers'),
        h(
          'div',
          { class: 'tiers-body' },
          countsTable,
          h(
            'div',
            { class: 'tier1-list' },
            h('h3', null, 'Tier 1 accounts: the growth hot spots'),
            tier1Table,
            tier1.length > shown.length
              ? h('p', { class: 'muted small' }, `And ${tier1.length - shown.length} more Tier 1 accounts (sort the portfolio by tier to see them all).`)
              : null,
          ),
        ),
      );
    }

    renderChart();
    renderTiers();
    replaceChildren(
      body,
      h('div', { class: 'insights-top' }, h('div', { class: 'insights-col' }, chartCard, stagesCard(insights)), editor.el),
      tierCard,
      h('div', { class: 'insights-pair' }, renewalsCard(insights, byId), triggersCard(insights.triggers, byId)),
    );
  }

  return () => {
    alive = false;
  };
}

function stagesCard(insights: PortfolioInsights): HTMLElement {
  const total = insights.stage_counts.reduce((s, [, n]) => s + n, 0);
  return h(
    'section',
    { class: 'card stages-card', 'aria-labelledby': 'stages-title' },
    h('h2', { id: 'stages-title' }, 'Life stages'),
    h(
      'ul',
      { class: 'stage-counts' },
      insights.stage_counts.map(([stage, n]) => {
        const pct = total ? Math.round((n / total) * 100) : 0;
        return h(
          'li',
          { class: 'stage-count', dataset: { stage } },
          h('span', { class: 'stage-name' }, LIFE_STAGES[stage] ?? stage),
          h('span', { class: 'stage-bar', 'aria-hidden': 'true' }, h('span', { class: 'stage-bar-fill', style: { width: `${pct}%` } })),
          h('span', { class: 'num stage-n' }, String(n)),
        );
      }),
    ),
    h('h3', null, 'Stage moves in the last 12 months'),
    insights.stage_moves.length === 0
      ? h('p', { class: 'muted stage-moves-empty' }, 'No account changed life stage in the last 12 months.')
      : h(
          'ul',
          { class: 'stage-moves' },
          insights.stage_moves.map((m) =>
            h(
              'li',
              { class: ['stage-move', m.change.to === 'former_customer' ? 'lost' : null] },
              h('time', { datetime: m.change.date }, formatDate(m.change.date)),
              h('span', { class: 'stage-move-account' }, m.account),
              h(
                'span',
                { class: 'stage-move-change' },
                `${LIFE_STAGES[m.change.from] ?? m.change.from} \u2192 ${LIFE_STAGES[m.change.to] ?? m.change.to}`,
              ),
            ),
          ),
        ),
  );
}

function renewalsCard(insights: PortfolioInsights, byId: Map<string, PortfolioRow>): HTMLElement {
  const churnPct = insights.churn_rate === null ? null : insights.churn_rate * 100;
  const growthInput = h('input', { type: 'number', class: 'calc-growth', step: '1', inputmode: 'decimal', value: '50' });
  const churnInput = h('input', {
    type: 'number',
    class: 'calc-churn',
    step: '0.1',
    min: '0',
    inputmode: 'decimal',
    value: String(churnPct === null ? 0 : Number(churnPct.toFixed(1))),
  });
  const result = h('output', { class: 'calc-result', 'aria-live': 'polite' });
  const update = () => {
    const g = Number(growthInput.value.replace(',', '.'));
    const c = Number(churnInput.value.replace(',', '.'));
    if (growthInput.value.trim() === '' || churnInput.value.trim() === '' || !Number.isFinite(g) || !Number.isFinite(c)) {
      replaceChildren(result, 'Enter a growth target and a churn rate in percent.');
      return;
    }
    const need = requiredNewBusinessPct(g, c);
    const fmt = (n: number) => `${Number(n.toFixed(1))}%`;
    replaceChildren(result, h('strong', null, `New business needed: ${fmt(need)}`), ` (growth ${fmt(g)} + churn ${fmt(c)})`);
  };
  growthInput.addEventListener('input', update);
  churnInput.addEventListener('input', update);
  update();
  const calcId = uid('calc');

  const renewals = insights.upcoming_renewals;
  return h(
    'section',
    { class: 'card renewals-card', 'aria-labelledby': 'renewals-title' },
    h('h2', { id: 'renewals-title' }, 'Renewals'),
    h('h3', null, 'Coming up in the next 180 days'),
    renewals.length === 0
      ? h('p', { class: 'muted renewals-empty' }, 'No renewal is due in the next 180 days.')
      : h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'renewals-table' },
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', { scope: 'col' }, 'Account'),
                h('th', { scope: 'col' }, 'Renewal'),
                h('th', { scope: 'col', class: 'num' }, 'Annual value'),
                h('th', { scope: 'col', class: 'num' }, 'Renews on'),
              ),
            ),
            h(
              'tbody',
              null,
              renewals.map((r) => {
                const row = byId.get(r.account_id);
                return h(
                  'tr',
                  null,
                  h('th', { scope: 'row' }, planLink(row, r.account, 'overview')),
                  h('td', null, r.description),
                  h('td', { class: 'num' }, formatMoneyForDisplay(r.annual_value, row?.currency ?? '')),
                  h('td', { class: 'num' }, h('time', { datetime: r.renewal_on }, formatDate(r.renewal_on))),
                );
              }),
            ),
          ),
        ),
    h(
      'p',
      { class: 'churn' },
      churnPct === null
        ? h('span', { class: 'churn-none' }, 'Churn over the last 12 months: no renewals came up, so there is no churn rate yet.')
        : [h('span', null, 'Churn over the last 12 months: '), h('strong', { class: 'churn-rate' }, formatPercent(insights.churn_rate)), h('span', { class: 'muted small' }, ' of the annual value that came up for renewal was lost.')],
    ),
    h(
      'div',
      { class: 'calc', role: 'group', 'aria-labelledby': calcId },
      h('h3', { id: calcId }, 'New business a growth target needs'),
      h('p', { class: 'muted small' }, 'Renewals lost must be won back before any growth counts: new business = growth target + churn (50% growth with 20% churn needs 70%).'),
      h(
        'div',
        { class: 'calc-fields' },
        field({ label: 'Growth target', control: growthInput, suffix: '%' }),
        field({ label: 'Churn', control: churnInput, suffix: '%', hint: churnPct === null ? 'No churn measured yet' : 'Last 12 months, from renewals' }),
      ),
      result,
    ),
  );
}

function triggersCard(triggers: TriggerEvent[], byId: Map<string, PortfolioRow>): HTMLElement {
  const recent = triggers.filter((t) => t.recent);
  const upcoming = triggers.filter((t) => !t.recent);
  const item = (t: TriggerEvent) =>
    h(
      'li',
      { class: ['trigger', t.recent ? 'recent' : 'upcoming'] },
      h('time', { class: 'trigger-date', datetime: t.trigger.date }, formatDate(t.trigger.date)),
      h(
        'div',
        { class: 'trigger-body' },
        h(
          'div',
          { class: 'trigger-head' },
          h('span', { class: 'trigger-account' }, planLink(byId.get(t.account_id), t.account, 'overview')),
          h('span', { class: 'trigger-kind' }, TRIGGER_KINDS[t.trigger.kind] ?? t.trigger.kind),
          t.recent ? h('span', { class: 'badge green' }, 'buying window open') : h('span', { class: 'badge' }, 'upcoming'),
        ),
        t.trigger.description ? h('div', { class: 'trigger-desc' }, t.trigger.description) : null,
      ),
    );
  return h(
    'section',
    { class: 'card triggers-card', 'aria-labelledby': 'triggers-title' },
    h('h2', { id: 'triggers-title' }, 'Buying triggers'),
    h('p', { class: 'muted small' }, 'Dated events that open a buying window, from 90 days ago to 90 days ahead.'),
    triggers.length === 0
      ? h('p', { class: 'muted triggers-empty' }, 'No buying trigger in the last 90 days or the next 90.')
      : h(
          'ol',
          { class: 'trigger-list' },
          recent.length === 0 ? h('li', { class: 'trigger-none muted' }, 'None in the last 90 days.') : recent.map(item),
          h('li', { class: 'today-line', role: 'separator', 'aria-label': 'Today' }, h('span', null, 'Today')),
          upcoming.length === 0 ? h('li', { class: 'trigger-none muted' }, 'None in the next 90 days.') : upcoming.map(item),
        ),
  );
}
