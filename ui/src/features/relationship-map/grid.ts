// Who knows whom: the account team (columns) against the account's people (rows), each cell
// the relationship level as a word and a shade, the owner marked.
import type { PlanView } from '../../ipc/bindings/PlanView';
import { h } from '../../shared/dom';
import { TEAM_ROLES, attitudeIcon, attitudeLabel, influenceLabel, levelLabel, roleLabel } from './labels';
import { buyingCenterName, gridRows, isKeyPerson } from './model';
import { selectEl, type Option } from './ui';

export interface GridFilters {
  keyOnly: boolean;
  bc: string;
}

export interface GridOptions {
  view: PlanView;
  filters: GridFilters;
  selectedId: string | null;
  onFilters(f: GridFilters): void;
  onSelect(contactId: string): void;
}

export function renderGrid(o: GridOptions): HTMLElement {
  const { view, filters } = o;
  const team = view.account.team;
  const bcs = [...view.buying_centers].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const bc = selectEl([['', 'All buying centers'], ...bcs.map((b) => [b.id, b.name] as Option)], filters.bc, {
    class: 'rm-grid-bc',
    'aria-label': 'Buying center',
    onchange: () => o.onFilters({ ...filters, bc: bc.value }),
  });
  const keyOnly = h('input', {
    type: 'checkbox',
    class: 'rm-grid-key',
    checked: filters.keyOnly,
    onchange: () => o.onFilters({ ...filters, keyOnly: keyOnly.checked }),
  });
  const rows = gridRows(view, filters);
  const toolbar = h(
    'div',
    { class: 'toolbar rm-grid-toolbar' },
    bc,
    h('label', { class: 'rm-check' }, keyOnly, 'Key people only (decision makers, economic buyers, high influence)'),
    h('span', { class: 'muted small' }, `${rows.length} ${rows.length === 1 ? 'person' : 'people'}`),
  );
  if (team.length === 0) {
    return h(
      'div',
      { class: 'rm-grid' },
      toolbar,
      h('div', { class: 'empty-state' }, 'No account team yet: add our people to the account on the Overview, then record who knows whom.'),
    );
  }
  const table = h(
    'table',
    { class: 'rm-grid-table' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, 'Person'),
        team.map((m) =>
          h(
            'th',
            { scope: 'col', class: 'rm-grid-member', dataset: { member: m.id } },
            m.name,
            h('div', { class: 'rm-grid-member-role' }, TEAM_ROLES[m.role]),
          ),
        ),
      ),
    ),
    h(
      'tbody',
      null,
      rows.length === 0
        ? h('tr', null, h('td', { class: 'empty', colspan: String(team.length + 1) }, 'Nobody matches.'))
        : rows.map((c) => {
            const known = c.relationships.length > 0;
            return h(
              'tr',
              {
                class: [c.id === o.selectedId ? 'selected' : '', known ? '' : 'rm-unknown', isKeyPerson(c) ? 'rm-key' : ''],
                dataset: { contactId: c.id },
              },
              h(
                'th',
                { scope: 'row', class: 'rm-grid-person' },
                h('button', { type: 'button', class: 'link rm-open', onclick: () => o.onSelect(c.id) }, c.name),
                h(
                  'div',
                  { class: 'muted small' },
                  [c.title, buyingCenterName(view, c.buying_center_id)].filter(Boolean).join(' · '),
                ),
                h(
                  'div',
                  { class: 'small' },
                  `${roleLabel(c.role)} · ${influenceLabel(c.influence)} infl. · `,
                  h('span', { class: `rm-att-text-${c.attitude} nowrap` }, attitudeIcon(c.attitude, 10), ' ', attitudeLabel(c.attitude)),
                ),
                known ? null : h('div', { class: 'rm-nobody small' }, 'Nobody on our team knows them'),
              ),
              team.map((m) => {
                const rel = c.relationships.find((r) => r.team_member_id === m.id);
                if (!rel) {
                  return h('td', { class: 'rm-cell rm-cell-empty', dataset: { member: m.id, level: '' } }, h('span', { class: 'muted' }, '—'));
                }
                return h(
                  'td',
                  {
                    class: ['rm-cell', `rm-level-${rel.level}`, rel.owner ? 'rm-cell-owner' : ''],
                    dataset: { member: m.id, level: rel.level, owner: String(rel.owner) },
                  },
                  h('span', { class: 'rm-level-text' }, levelLabel(rel.level)),
                  rel.owner ? h('span', { class: 'rm-owner-mark', title: 'Owns this relationship' }, '⚑ Owner') : null,
                );
              }),
            );
          }),
    ),
  );
  return h(
    'div',
    { class: 'rm-grid' },
    toolbar,
    h('div', { class: 'table-wrap' }, table),
    h(
      'div',
      { class: 'rm-level-legend small' },
      h('span', { class: 'muted' }, 'Levels, weakest to strongest: '),
      (['none', 'vendor', 'credible_source', 'problem_solver', 'trusted_advisor'] as const).map((l) =>
        h('span', { class: `rm-level-chip rm-level-${l}` }, levelLabel(l)),
      ),
    ),
  );
}
