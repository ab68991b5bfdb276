// Plan completeness: the three tiers of the ABM research framework with their scores, and the
// checklist of what is done and what is missing, each linked to where it is filled in.
import type { CompletenessItem } from '../../ipc/bindings/CompletenessItem';
import type { CompletenessTier } from '../../ipc/bindings/CompletenessTier';
import type { PlanArea } from '../../ipc/bindings/PlanArea';
import type { FeatureView, PlanAreaKey } from '../../app/context';
import { append, h } from '../../shared/dom';
import { formatPercent } from '../../shared/format';
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
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'cmp-score' },
      h('h2', { id: 'cmp-score' }, `Overall ${formatPercent(completeness.score, undefined, 0)} complete`),
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
