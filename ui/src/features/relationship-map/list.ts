// The contact list: filters (buying center, role, attitude, owner, stale, gaps only), search,
// and a table. Typing in the search box re-renders only the table, so focus stays put.
import type { Contact } from '../../ipc/bindings/Contact';
import type { PlanView } from '../../ipc/bindings/PlanView';
import { h, replaceChildren } from '../../shared/dom';
import { formatDate } from '../../shared/format';
import { ATTITUDES, ROLES, attitudeIcon, attitudeLabel, influenceLabel, levelLabel, roleLabel } from './labels';
import {
  EMPTY_FILTERS,
  NO_OWNER,
  buyingCenterName,
  contactById,
  filterContacts,
  gapsByContact,
  ownerOf,
  teamMemberName,
  type ListFilters,
} from './model';
import { selectEl, type Option } from './ui';

export interface ListOptions {
  view: PlanView;
  filters: ListFilters;
  selectedId: string | null;
  onFilters(f: ListFilters): void;
  onSelect(contactId: string): void;
}

export function renderList(o: ListOptions): HTMLElement {
  const { view } = o;
  let f: ListFilters = { ...o.filters };
  const gaps = gapsByContact(view);
  const people = contactById(view);

  const bcs = [...view.buying_centers].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const search = h('input', {
    type: 'search',
    class: 'rm-search',
    placeholder: 'Search name, title, email, notes…',
    'aria-label': 'Search contacts',
    value: f.query,
  });
  const bc = selectEl([['', 'All buying centers'], ...bcs.map((b) => [b.id, b.name] as Option)], f.bc, {
    class: 'rm-filter-bc',
    'aria-label': 'Buying center',
  });
  const role = selectEl([['', 'Any role'], ...ROLES.map(([v, l]) => [v, l] as Option)], f.role, {
    class: 'rm-filter-role',
    'aria-label': 'Buying role',
  });
  const attitude = selectEl([['', 'Any attitude'], ...ATTITUDES.map(([v, l]) => [v, l] as Option)], f.attitude, {
    class: 'rm-filter-attitude',
    'aria-label': 'Attitude',
  });
  const owner = selectEl(
    [
      ['', 'Any owner'],
      [NO_OWNER, 'No owner'],
      ...view.account.team.map((m) => [m.id, `Owned by ${m.name}`] as Option),
    ],
    f.owner,
    { class: 'rm-filter-owner', 'aria-label': 'Owner' },
  );
  const stale = h('input', { type: 'checkbox', class: 'rm-filter-stale', checked: f.staleOnly });
  const gapsOnly = h('input', { type: 'checkbox', class: 'rm-filter-gaps', checked: f.gapsOnly });
  const clear = h('button', { type: 'button', class: 'small rm-filter-clear' }, 'Clear filters');
  const count = h('span', { class: 'muted small rm-count', 'aria-live': 'polite' });
  const body = h('tbody');

  const row = (c: Contact) => {
    const mine = gaps.get(c.id) ?? [];
    const own = ownerOf(c);
    const manager = c.reports_to ? people.get(c.reports_to) : undefined;
    const isStale = mine.some((g) => g.kind === 'stale');
    return h(
      'tr',
      {
        class: ['clickable', c.id === o.selectedId ? 'selected' : ''],
        dataset: { contactId: c.id },
        onclick: (e: Event) => {
          if ((e.target as Element).closest('button')) return;
          o.onSelect(c.id);
        },
      },
      h(
        'td',
        { class: 'rm-col-name' },
        h('button', { type: 'button', class: 'link rm-open', onclick: () => o.onSelect(c.id) }, c.name),
        mine.length
          ? h(
              'span',
              { class: 'badge amber rm-gap-count', title: mine.map((g) => g.reason).join('\n') },
              `⚠ ${mine.length}`,
            )
          : null,
        c.title ? h('div', { class: 'muted small rm-col-title' }, c.title) : null,
        manager ? h('div', { class: 'muted small rm-col-manager' }, `Reports to ${manager.name}`) : null,
      ),
      h('td', null, buyingCenterName(view, c.buying_center_id)),
      h('td', null, roleLabel(c.role), h('div', { class: 'muted small' }, `${influenceLabel(c.influence)} influence`)),
      h('td', { class: `rm-att-cell rm-att-text-${c.attitude}` }, attitudeIcon(c.attitude, 12), ' ', attitudeLabel(c.attitude)),
      h(
        'td',
        null,
        own
          ? [teamMemberName(view, own.team_member_id), h('div', { class: 'muted small' }, levelLabel(own.level))]
          : h('span', { class: 'rm-no-owner-text' }, 'No owner'),
      ),
      h(
        'td',
        { class: 'nowrap' },
        formatDate(c.verified_on),
        isStale ? [' ', h('span', { class: 'badge amber rm-stale' }, 'stale')] : null,
        h('div', { class: 'muted small' }, `Last contact ${formatDate(c.last_contact_on)}`),
      ),
    );
  };

  const renderBody = () => {
    const rows = filterContacts(view, f);
    replaceChildren(
      body,
      rows.length
        ? rows.map(row)
        : h(
            'tr',
            null,
            h(
              'td',
              { class: 'empty', colspan: '6' },
              view.contacts.length ? 'Nobody matches these filters.' : 'No contacts yet: add the people you know at this account.',
            ),
          ),
    );
    replaceChildren(count, `${rows.length} of ${view.contacts.length} ${view.contacts.length === 1 ? 'person' : 'people'}`);
  };

  const update = (patch: Partial<ListFilters>) => {
    f = { ...f, ...patch };
    o.onFilters(f);
    renderBody();
  };
  search.addEventListener('input', () => update({ query: search.value }));
  bc.addEventListener('change', () => update({ bc: bc.value }));
  role.addEventListener('change', () => update({ role: role.value as ListFilters['role'] }));
  attitude.addEventListener('change', () => update({ attitude: attitude.value as ListFilters['attitude'] }));
  owner.addEventListener('change', () => update({ owner: owner.value }));
  stale.addEventListener('change', () => update({ staleOnly: stale.checked }));
  gapsOnly.addEventListener('change', () => update({ gapsOnly: gapsOnly.checked }));
  clear.addEventListener('click', () => {
    search.value = '';
    bc.value = '';
    role.value = '';
    attitude.value = '';
    owner.value = '';
    stale.checked = false;
    gapsOnly.checked = false;
    update({ ...EMPTY_FILTERS });
  });
  renderBody();

  return h(
    'div',
    { class: 'rm-list' },
    h(
      'div',
      { class: 'rm-filters toolbar', role: 'search' },
      search,
      bc,
      role,
      attitude,
      owner,
      h('label', { class: 'rm-check' }, stale, 'Stale only'),
      h('label', { class: 'rm-check' }, gapsOnly, 'Gaps only'),
      clear,
      count,
    ),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'rm-contacts' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ['Person', 'Buying center', 'Role', 'Attitude', 'Owner', 'Verified'].map(
              (t) => h('th', { scope: 'col' }, t),
            ),
          ),
        ),
        body,
      ),
    ),
  );
}
