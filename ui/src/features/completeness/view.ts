// Completeness and health. Health first: its status (words, colour and icon), completeness said
// together with the risks, freshness, and the few things to fix first, each linked to the screen
// where it is fixed. Then completeness: the three tiers of the ABM research framework with their
// scores, and the checklist of what is done and what is missing, linked to where it is filled in.
import type { FixArea } from '../../ipc/bindings/FixArea';
import type { HealthRisk } from '../../ipc/bindings/HealthRisk';
import type { PlanHealth } from '../../ipc/bindings/PlanHealth';
import type { CompletenessItem } from '../../ipc/bindings/CompletenessItem';
import type { CompletenessTier } from '../../ipc/bindings/CompletenessTier';
import type { PlanArea } from '../../ipc/bindings/PlanArea';
import type { FeatureView, PlanAreaKey } from '../../app/context';
import { append, h } from '../../shared/dom';
import { formatDate, formatPercent } from '../../shared/format';
import { healthBadge, SEVERITIES } from '../../shared/health';
import { COMPLETENESS_TIERS } from '../../shared/labels';
import './completeness.css';

/** Where each item is filled in: the back end's area names -> our routes. */
export const AREA_ROUTES: Record<PlanArea, PlanAreaKey> = {
  overview: 'overview',
  buying_centers: 'buying-centers',
  opportunities: 'opportunities',
  relationship_map: 'relationship-map',
};

const AREA_NAMES: Record<PlanArea, string> = {
  overview: 'Overview',
  buying_centers: 'Buying centers',
  opportunities: 'Opportunities',
  relationship_map: 'Relationship map',
};

/** Where each risk is fixed: the back end's fix areas -> our routes and their names. */
export const FIX_ROUTES: Record<FixArea, PlanAreaKey> = {
  overview: 'overview',
  relationship_map: 'relationship-map',
  osas: 'osas',
  opportunities: 'opportunities',
};

const FIX_AREA_NAMES: Record<FixArea, string> = {
  overview: 'Overview',
  relationship_map: 'Relationship map',
  osas: 'OSAs',
  opportunities: 'Opportunities',
};

const TIER_ORDER: CompletenessTier[] = ['required', 'recommended', 'best_practice'];

export const completenessView: FeatureView = (root, ctx) => {
  const { completeness } = ctx.view;
  // In a snapshot the links stay inside the snapshot.
  const hrefFor = (area: PlanArea) => ctx.href(AREA_ROUTES[area]);

  const tierCards = TIER_ORDER.map((tier) => {
    const score = completeness.tiers.find((t) => t.tier === tier);
    const done = score?.done ?? 0;
    const total = score?.total ?? 0;
    const pct = Math.round((score?.score ?? 0) * 100);
    return h(
      'div',
      { class: ['tier-card', `tier-${tier}`] },
      h('div', { class: 'tier-name' }, COMPLETENESS_TIERS[tier]),
      h('div', { class: 'tier-score' }, `${done} of ${total}`),
      h(
        'div',
        {
          class: 'bar',
          role: 'progressbar',
          'aria-label': `${COMPLETENESS_TIERS[tier]}: ${done} of ${total} done`,
          'aria-valuemin': '0',
          'aria-valuemax': String(total),
          'aria-valuenow': String(done),
        },
        h('span', { class: 'bar-fill', style: { width: `${pct}%` } }),
      ),
    );
  });

  const itemRow = (item: CompletenessItem) =>
    h(
      'li',
      { class: ['check-item', item.done ? 'done' : 'missing'] },
      h('span', { class: 'mark', 'aria-hidden': 'true' }, item.done ? '\u2713' : '!'),
      h(
        'div',
        { class: 'check-body' },
        h('div', { class: 'check-label' }, h('span', { class: 'state' }, item.done ? 'Done' : 'Missing'), h('span', null, item.label)),
        !item.done && item.missing ? h('div', { class: 'check-missing' }, item.missing) : null,
      ),
      h('a', { class: 'check-link', href: hrefFor(item.area) }, item.done ? `Open ${AREA_NAMES[item.area]}` : `Fill in: ${AREA_NAMES[item.area]}`),
    );

  append(
    root,
    healthSection(ctx.view.health, (area) => ctx.href(FIX_ROUTES[area])),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'cmp-score' },
      // The core's headline: "100% complete" never stands alone beside risks.
      h('h2', { id: 'cmp-score' }, `Completeness: ${ctx.view.health.headline}`),
      h('div', { class: 'tier-cards' }, tierCards),
    ),
    ...TIER_ORDER.map((tier) => {
      const items = completeness.items.filter((i) => i.tier === tier);
      if (items.length === 0) return null;
      const id = `cmp-${tier}`;
      return h(
        'section',
        { class: 'card', 'aria-labelledby': id },
        h('h2', { id }, COMPLETENESS_TIERS[tier]),
        h('ul', { class: 'checklist' }, items.map(itemRow)),
      );
    }),
  );
};

function riskRow(risk: HealthRisk, hrefFor: (area: FixArea) => string): HTMLElement {
  return h(
    'li',
    { class: ['risk-item', `severity-${risk.severity}`], dataset: { kind: risk.kind } },
    h('span', { class: 'severity' }, SEVERITIES[risk.severity]),
    h('span', { class: 'risk-message' }, risk.message),
    h('a', { class: 'risk-link', href: hrefFor(risk.area) }, `Fix in ${FIX_AREA_NAMES[risk.area]}`),
  );
}

function freshnessLine(health: PlanHealth): string {
  const f = health.freshness;
  const verified =
    f.verified_share === null
      ? 'No contacts mapped yet.'
      : `${formatPercent(f.verified_share, undefined, 0)} of ${f.contacts} contacts verified in the last 90 days (${f.stale_contacts} stale).`;
  const talked =
    f.last_interaction === null || f.days_since_last_interaction === null
      ? 'No interaction logged yet.'
      : `Last interaction ${formatDate(f.last_interaction)}, ${f.days_since_last_interaction} days ago.`;
  return `${verified} ${talked}`;
}

function healthSection(health: PlanHealth, hrefFor: (area: FixArea) => string): HTMLElement {
  const rest = health.risks.slice(health.fix_first.length);
  return h(
    'section',
    { class: ['card', 'health-card', `health-${health.status}`], 'aria-labelledby': 'health-title' },
    h('h2', { id: 'health-title' }, 'Plan health ', healthBadge(health.status)),
    h('p', { class: 'health-headline' }, health.headline),
    h('p', { class: 'muted health-freshness' }, freshnessLine(health)),
    health.fix_first.length > 0
      ? [
          h('h3', { id: 'fix-first-title' }, 'Fix first'),
          h('ol', { class: 'risk-list fix-first', 'aria-labelledby': 'fix-first-title' }, health.fix_first.map((r) => riskRow(r, hrefFor))),
        ]
      : h('p', { class: 'health-clear' }, 'Nothing to fix: no risks found.'),
    rest.length > 0
      ? h(
          'details',
          { class: 'more-risks' },
          h('summary', null, `${rest.length} more ${rest.length === 1 ? 'risk' : 'risks'}`),
          h('ul', { class: 'risk-list' }, rest.map((r) => riskRow(r, hrefFor))),
        )
      : null,
  );
}
