// The relationship map of a plan: the org chart (drawn from the core's layout), the contact
// list, who-knows-whom, the coverage gaps, and the contact panel. The shell re-renders this
// view with a new context after every save; what the user was looking at (tab, filters,
// zoom, the open person) is kept per plan in `states` so a save does not lose their place.
import type { PlanContext, FeatureView } from '../../app/context';
import type { Contact } from '../../ipc/bindings/Contact';
import type { InfluenceLine } from '../../ipc/bindings/InfluenceLine';
import type { PlanView } from '../../ipc/bindings/PlanView';
import { api } from '../../ipc/api';
import { toAppError } from '../../ipc/index';
import { h, replaceChildren } from '../../shared/dom';
import { renderChart, type ChartHandle, type Transform } from './chart';
import { openDeleteDialog } from './delete';
import { renderContactPanel } from './form';
import { renderGaps } from './gaps';
import { renderGrid, type GridFilters } from './grid';
import { renderList } from './list';
import { EMPTY_FILTERS, blankContact, chartFor, contactById, type ListFilters } from './model';
import { selectEl, type Option } from './ui';
import './relationship-map.css';

export type Tab = 'chart' | 'list' | 'grid';

interface Flash {
  kind: 'info' | 'error';
  text: string;
}

export interface MapState {
  tab: Tab;
  /** Buying center shown in the chart; '' = whole account. */
  chartBc: string;
  /** Zoom and pan per chart ('' = whole account). */
  transforms: Record<string, Transform>;
  list: ListFilters;
  grid: GridFilters;
  /** The person open in the side panel. */
  selected: string | null;
  /** A new person being added (not saved yet). */
  draft: Contact | null;
  /** Shown once, on the next render (e.g. after a save). */
  flash: Flash | null;
}

const states = new Map<string, MapState>();

export function stateFor(planId: string): MapState {
  let st = states.get(planId);
  if (!st) {
    st = {
      tab: 'chart',
      chartBc: '',
      transforms: {},
      list: { ...EMPTY_FILTERS },
      grid: { keyOnly: true, bc: '' },
      selected: null,
      draft: null,
      flash: null,
    };
    states.set(planId, st);
  }
  return st;
}

/** Forget the kept UI state (tests). */
export function resetMapState(): void {
  states.clear();
}

const TABS: ReadonlyArray<[Tab, string]> = [
  ['chart', 'Org chart'],
  ['list', 'Contacts'],
  ['grid', 'Who knows whom'],
];

export const relationshipMapView: FeatureView = (root: HTMLElement, ctx: PlanContext) => {
  const view: PlanView = ctx.view;
  const planId = view.plan.id;
  const st = stateFor(planId);
  const people = contactById(view);
  // A person deleted elsewhere (or a stale id) closes the panel; a buying center gone resets filters.
  if (st.selected && !people.has(st.selected)) st.selected = null;
  const bcIds = new Set(view.buying_centers.map((b) => b.id));
  if (st.chartBc && !bcIds.has(st.chartBc)) st.chartBc = '';
  if (st.list.bc && !bcIds.has(st.list.bc)) st.list = { ...st.list, bc: '' };
  if (st.grid.bc && !bcIds.has(st.grid.bc)) st.grid = { ...st.grid, bc: '' };

  const flash = st.flash;
  st.flash = null;
  let chart: ChartHandle | null = null;

  // Sits in the header row, beside the summary, so a message hardly moves the chart.
  const banner = h('div', { class: 'rm-banner', 'aria-live': 'polite' });
  let bannerTimer: ReturnType<typeof setTimeout> | undefined;
  const showBanner = (f: Flash | null) => {
    clearTimeout(bannerTimer);
    // Confirmations fade after a while; errors stay until dismissed or the next action.
    if (f?.kind === 'info') bannerTimer = setTimeout(() => showBanner(null), 8000);
    replaceChildren(
      banner,
      f
        ? h(
            'div',
            { class: `banner ${f.kind === 'error' ? 'error' : 'info'} rm-flash`, role: f.kind === 'error' ? 'alert' : 'status' },
            h('span', null, f.text),
            h('button', { type: 'button', class: 'link rm-flash-close', 'aria-label': 'Dismiss', onclick: () => showBanner(null) }, '✕'),
          )
        : null,
    );
  };
  showBanner(flash);

  /**
   * One edit through the shell. The state the next render should show is set before saving
   * (the shell re-renders as the save resolves) and put back if the save is refused.
   */
  const saveWith = async (
    upserts: Parameters<PlanContext['save']>[0],
    deletes: Parameters<PlanContext['save']>[1],
    next: Partial<MapState>,
  ) => {
    const before = { selected: st.selected, draft: st.draft, flash: st.flash, chartBc: st.chartBc, tab: st.tab };
    Object.assign(st, next);
    try {
      await ctx.save(upserts, deletes);
    } catch (err) {
      Object.assign(st, before);
      throw toAppError(err);
    }
  };

  const main = h('div', { class: 'rm-main' });
  const side = h('aside', { class: 'rm-side', 'aria-label': 'Details' });

  const select = (id: string | null) => {
    st.selected = id;
    st.draft = null;
    showBanner(null);
    renderSide();
    // Mark the selection without rebuilding the chart or the tables.
    for (const el of Array.from(main.querySelectorAll('.rm-card.rm-selected, tr.selected'))) {
      el.classList.remove('rm-selected', 'selected');
    }
    if (id) {
      for (const el of Array.from(main.querySelectorAll(`[data-contact-id="${id}"]`))) {
        el.classList.add(el.tagName.toLowerCase() === 'tr' ? 'selected' : 'rm-selected');
      }
    }
  };

  const showBuyingCenter = (bcId: string) => {
    st.chartBc = bcId;
    st.list = { ...st.list, bc: bcId };
    st.grid = { ...st.grid, bc: bcId };
    renderMain();
  };

  const openContact = (id: string) => {
    const c = people.get(id);
    if (!c) return;
    if (st.tab === 'chart' && st.chartBc && c.buying_center_id !== st.chartBc) {
      st.chartBc = '';
      renderMain();
    }
    select(id);
    if (st.tab === 'chart') chart?.reveal(id);
    else main.querySelector(`tr[data-contact-id="${id}"]`)?.scrollIntoView?.({ block: 'nearest' });
  };

  const addContact = () => {
    const first = [...view.buying_centers].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))[0];
    const bc = (st.tab === 'chart' ? st.chartBc : st.tab === 'list' ? st.list.bc : st.grid.bc) || first?.id;
    if (!bc) return;
    st.selected = null;
    st.draft = blankContact(bc);
    showBanner(null);
    renderSide();
    side.querySelector<HTMLInputElement>('input')?.focus();
  };

  const reassign = (contactId: string, managerId: string) => {
    const c = people.get(contactId);
    const m = people.get(managerId);
    if (!c || !m || c.reports_to === managerId) return;
    const wasDotted = c.dotted_line_to.includes(managerId);
    const item: Contact = {
      ...c,
      reports_to: managerId,
      // Dragging onto a dotted-line manager makes them the solid-line manager.
      dotted_line_to: c.dotted_line_to.filter((d) => d !== managerId),
    };
    showBanner(null);
    saveWith([{ kind: 'contact', item }], [], {
      flash: { kind: 'info', text: `${c.name} now reports to ${m.name}${wasDotted ? ' (instead of a dotted line)' : ''}.` },
    }).catch((err: unknown) => {
      // The chart stays as it was: nothing was re-rendered.
      showBanner({ kind: 'error', text: toAppError(err).message });
    });
  };

  const renderMain = () => {
    chart?.destroy();
    chart = null;
    let body: HTMLElement;
    if (st.tab === 'chart') {
      const layout = chartFor(view, st.chartBc);
      const bcs = [...view.buying_centers].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
      const filter = selectEl([['', 'Whole account'], ...bcs.map((b) => [b.id, b.name] as Option)], st.chartBc, {
        class: 'rm-chart-filter',
        'aria-label': 'Show',
      });
      filter.addEventListener('change', () => {
        st.chartBc = filter.value;
        renderMain();
      });
      if (!layout) {
        body = h('div', { class: 'empty-state' }, 'No chart for this buying center.');
      } else {
        const key = st.chartBc;
        chart = renderChart({
          view,
          layout,
          selectedId: st.selected,
          readonly: ctx.readonly,
          transform: st.transforms[key] ?? null,
          onTransform: (t) => {
            st.transforms[key] = t;
          },
          onSelect: (id) => select(id),
          onReassign: reassign,
          toolbarStart: [h('label', { class: 'rm-inline-label' }, 'Show ', filter)],
        });
        body = chart.element;
      }
    } else if (st.tab === 'list') {
      body = renderList({
        view,
        filters: st.list,
        selectedId: st.selected,
        onFilters: (f) => {
          st.list = f;
        },
        onSelect: (id) => select(id),
      });
    } else {
      body = renderGrid({
        view,
        filters: st.grid,
        selectedId: st.selected,
        onFilters: (f) => {
          st.grid = f;
          renderMain();
        },
        onSelect: (id) => select(id),
      });
    }
    replaceChildren(
      main,
      h(
        'div',
        { class: 'rm-tabs', role: 'tablist', 'aria-label': 'Relationship map views' },
        TABS.map(([key, label]) =>
          h(
            'button',
            {
              type: 'button',
              role: 'tab',
              class: ['rm-tab', key === st.tab ? 'active' : ''],
              'aria-selected': String(key === st.tab),
              dataset: { tab: key },
              onclick: () => {
                st.tab = key;
                renderMain();
              },
            },
            key === 'list' ? `${label} (${view.contacts.length})` : label,
          ),
        ),
      ),
      h('div', { class: 'rm-tabpanel', role: 'tabpanel' }, body),
    );
  };

  const renderSide = () => {
    const contact = st.draft ?? (st.selected ? people.get(st.selected) : undefined);
    if (!contact) {
      replaceChildren(
        side,
        renderGaps({
          view,
          onOpenContact: openContact,
          onShowBuyingCenter: showBuyingCenter,
        }),
      );
      return;
    }
    const isNew = st.draft !== null;
    replaceChildren(
      side,
      renderContactPanel({
        view,
        readonly: ctx.readonly,
        contact,
        isNew,
        saveContact: (c) =>
          saveWith([{ kind: 'contact', item: c }], [], {
            selected: c.id,
            draft: null,
            flash: { kind: 'info', text: `${isNew ? 'Added' : 'Saved'} ${c.name}.` },
          }),
        saveLine: (line: InfluenceLine) => saveWith([{ kind: 'line', item: line }], [], {}),
        deleteLine: (id: string) => saveWith([], [{ kind: 'line', id }], {}),
        requestDelete: (c) =>
          openDeleteDialog({
            view,
            contact: c,
            confirm: async (reportsToInstead) => {
              const next = await api.deleteContact(planId, c.id, reportsToInstead);
              st.selected = null;
              st.draft = null;
              st.flash = { kind: 'info', text: `Deleted ${c.name}.` };
              ctx.replaceView(next);
            },
          }),
        close: () => select(null),
        goTo: (area) => ctx.navigate(ctx.href(area)),
      }),
    );
  };

  const gapCount = view.coverage_gaps.length;
  const noBcs = view.buying_centers.length === 0;
  replaceChildren(
    root,
    h(
      'div',
      { class: 'rm-page' },
      // The shell's page header already holds the area's title.
      h(
        'div',
        { class: 'rm-header' },
        h(
          'p',
          { class: 'muted rm-summary' },
          `${view.contacts.length} ${view.contacts.length === 1 ? 'person' : 'people'} · ${gapCount} coverage gap${gapCount === 1 ? '' : 's'}`,
        ),
        banner,
        ctx.readonly
          ? null
          : h(
              'div',
              { class: 'toolbar' },
              h('button', { type: 'button', class: 'primary rm-add', disabled: noBcs, onclick: addContact }, 'Add contact'),
            ),
      ),
      noBcs
        ? h(
            'div',
            { class: 'banner info' },
            'People belong to a buying center. ',
            h(
              'button',
              { type: 'button', class: 'link', onclick: () => ctx.navigate(ctx.href('buying-centers')) },
              'Add a buying center first',
            ),
            '.',
          )
        : null,
      h('div', { class: 'rm-body' }, main, side),
    ),
  );
  renderMain();
  renderSide();

  return () => {
    clearTimeout(bannerTimer);
    chart?.destroy();
    chart = null;
  };
};
