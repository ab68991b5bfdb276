// The coverage gaps panel: the core's view.coverage_gaps (never recomputed here), grouped by
// buying center, each a link to the person or to the buying center's chart.
import type { CoverageGap } from '../../ipc/bindings/CoverageGap';
import type { PlanView } from '../../ipc/bindings/PlanView';
import { h } from '../../shared/dom';
import { GAP_KINDS } from './labels';

export interface GapsOptions {
  view: PlanView;
  onOpenContact(contactId: string): void;
  onShowBuyingCenter(buyingCenterId: string): void;
}

/** Long lists (a big, fresh map) show their first few gaps and a button for the rest. */
const SHOW_FIRST = 6;

export function renderGaps(o: GapsOptions): HTMLElement {
  const { view } = o;
  const gaps = view.coverage_gaps;
  const bcs = [...view.buying_centers].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const groups = bcs
    .map((bc) => ({ bc, gaps: gaps.filter((g) => g.buying_center_id === bc.id) }))
    .filter((g) => g.gaps.length > 0);
  return h(
    'section',
    { class: 'rm-gaps card', 'aria-label': 'Coverage gaps' },
    h('h2', null, 'Coverage gaps ', h('span', { class: gaps.length ? 'badge amber' : 'badge green' }, String(gaps.length))),
    gaps.length === 0
      ? h(
          'p',
          { class: 'muted' },
          view.contacts.length
            ? 'No coverage gaps: every key person is owned, warm and verified.'
            : 'Add people to see where the map is thin.',
        )
      : h(
          'p',
          { class: 'muted small' },
          'Key people without an owner, weak or negative relationships, single-threaded buying centers, missing roles and stale assessments.',
        ),
    groups.map(({ bc, gaps: list }) =>
      h(
        'div',
        { class: 'rm-gap-group', dataset: { bcId: bc.id } },
        h(
          'h3',
          null,
          h(
            'button',
            { type: 'button', class: 'link rm-gap-bc', title: `Show ${bc.name} only`, onclick: () => o.onShowBuyingCenter(bc.id) },
            bc.name,
          ),
          ' ',
          h('span', { class: 'muted small' }, `(${list.length})`),
        ),
        gapList(list, o),
      ),
    ),
  );
}

function gapItem(g: CoverageGap, hidden: boolean, o: GapsOptions): HTMLElement {
  const contactId = g.contact_id;
  const link = contactId
    ? h('button', { type: 'button', class: 'link rm-gap-link', title: 'Open this person', onclick: () => o.onOpenContact(contactId) }, g.reason)
    : h(
        'button',
        { type: 'button', class: 'link rm-gap-link', title: 'Show this buying center', onclick: () => o.onShowBuyingCenter(g.buying_center_id) },
        g.reason,
      );
  return h(
    'li',
    {
      class: ['rm-gap', `rm-gap-${g.kind}`, hidden ? 'hidden rm-gap-more' : ''],
      dataset: { kind: g.kind, contactId: contactId ?? '', bcId: g.buying_center_id },
    },
    h('span', { class: 'rm-gap-kind' }, GAP_KINDS[g.kind]),
    link,
  );
}

function gapList(list: CoverageGap[], o: GapsOptions): HTMLElement {
  const ul = h('ul', { class: 'rm-gap-list' }, list.map((g, i) => gapItem(g, i >= SHOW_FIRST, o)));
  if (list.length <= SHOW_FIRST) return ul;
  const more = h('button', { type: 'button', class: 'link small rm-gap-show-all' }, `Show all ${list.length}`);
  more.addEventListener('click', () => {
    for (const li of Array.from(ul.querySelectorAll('.rm-gap-more'))) li.classList.remove('hidden');
    more.remove();
  });
  return h('div', null, ul, more);
}
