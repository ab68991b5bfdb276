// The app shell: sidebar, header with the save state, and the current page. It loads the open
// plan (or snapshot), hands features a PlanContext and re-renders them after each save.
import { api } from '../ipc/api';
import type { Account } from '../ipc/bindings/Account';
import type { AppStatus } from '../ipc/bindings/AppStatus';
import type { ItemRef } from '../ipc/bindings/ItemRef';
import type { Plan } from '../ipc/bindings/Plan';
import type { PlanItem } from '../ipc/bindings/PlanItem';
import type { PlanView } from '../ipc/bindings/PlanView';
import { AppError, toAppError } from '../ipc/index';
import { h, replaceChildren, type Child } from '../shared/dom';
import { formatDate } from '../shared/format';
import { accountView } from '../features/account/view';
import { buyingCentersView } from '../features/buying-centers/view';
import { campaignsView } from '../features/campaigns/view';
import { compareView } from '../features/compare/view';
import { completenessView } from '../features/completeness/view';
import { exportView } from '../features/export/view';
import { myActionsPage } from '../features/my-actions/view';
import { opportunitiesView } from '../features/opportunities/view';
import { osasView } from '../features/osas/view';
import { commentaryPanel } from '../features/plans/commentary';
import { closedBanner, isClosed } from '../features/plans/life';
import { renderPlanTools } from '../features/plans/view';
import { renderPortfolio } from '../features/portfolio/view';
import { renewalsPanel } from '../features/renewals/panel';
import { relationshipMapView } from '../features/relationship-map/view';
import { portfolioInsightsPage } from '../features/segmentation/insights';
import { segmentationView } from '../features/segmentation/view';
import { whiteSpaceView } from '../features/white-space/view';
import { PLAN_AREAS, type FeatureView, type PlanAreaKey, type PlanContext } from './context';
import { navigate, planHash, snapshotHash, startRouter, type Route } from './router';
import { saves, type OpenPlan, type SaveState } from './state';
import './app.css';

const AREA_VIEWS: Record<PlanAreaKey, FeatureView> = {
  // Renewals are the account's contracts, edited beside its profile.
  overview: (root, ctx) => {
    const cleanup = accountView(root, ctx);
    root.append(renewalsPanel(ctx));
    return cleanup;
  },
  'buying-centers': buyingCentersView,
  opportunities: opportunitiesView,
  'relationship-map': relationshipMapView,
  osas: osasView,
  'white-space': whiteSpaceView,
  campaigns: campaignsView,
  segmentation: segmentationView,
  completeness: completenessView,
  'since-last-qbr': compareView,
  // The QBR story is written where the plan is printed: above the export form.
  export: (root, ctx) => {
    root.append(commentaryPanel(ctx));
    return exportView(root, ctx);
  },
};

export function areaLabel(area: PlanAreaKey): string {
  return PLAN_AREAS.find((a) => a.key === area)?.label ?? area;
}

function saveStateText(state: SaveState): string {
  switch (state.kind) {
    case 'idle':
      return '';
    case 'saving':
      return 'Saving\u2026';
    case 'saved':
      return `Saved ${state.at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`;
    case 'error':
      return `Not saved: ${state.message}`;
  }
}

/** `banner`: shown above the header until it removes itself (the store's open notice). */
export function startShell(root: HTMLElement, status: AppStatus, banner?: HTMLElement): () => void {
  const saveStatus = h('span', { class: 'save-status', role: 'status', 'aria-live': 'polite' });
  const title = h('div', { class: 'header-title' });
  const planSection = h('div', { class: 'plan-section' });
  const portfolioLink = h('a', { href: '#/', class: 'nav-portfolio' }, 'Portfolio');
  const myActionsLink = h('a', { href: '#/my-actions', class: 'nav-my-actions' }, 'My actions');
  const insightsLink = h('a', { href: '#/insights', class: 'nav-insights' }, 'Insights');
  const content = h('main', { class: 'content', id: 'content', tabindex: '-1' });
  const sidebar = h(
    'nav',
    { class: 'sidebar', 'aria-label': 'Main' },
    h('div', { class: 'brand' }, 'Account Planner'),
    portfolioLink,
    myActionsLink,
    insightsLink,
    planSection,
    h('div', { class: 'spacer' }),
    h('div', { class: 'footer', title: status.data_dir }, `Today ${formatDate(status.today)}`),
  );
  replaceChildren(
    root,
    h(
      'div',
      { class: 'layout' },
      h('a', { href: '#content', class: 'skip-link', onclick: skipToContent }, 'Skip to content'),
      sidebar,
      h('div', { class: 'main-col' }, banner ?? null, h('header', { class: 'app-header' }, title, saveStatus), content),
    ),
  );

  function skipToContent(e: Event): void {
    e.preventDefault();
    content.focus();
  }

  const unsubscribeSaves = saves.subscribe((state) => {
    saveStatus.className = `save-status ${state.kind}`;
    replaceChildren(saveStatus, saveStateText(state));
  });

  let open: OpenPlan | null = null;
  let route: Route = { name: 'portfolio' };
  let token = 0;
  let cleanup: void | (() => void);
  let areaRoot: HTMLElement | null = null;

  function runCleanup(): void {
    const fn = cleanup;
    cleanup = undefined;
    if (typeof fn === 'function') {
      try {
        fn();
      } catch (err) {
        console.error(err);
      }
    }
  }

  function setTitle(...parts: Child[]): void {
    replaceChildren(title, ...parts);
  }

  async function onRoute(next: Route): Promise<void> {
    const my = ++token;
    route = next;
    runCleanup();
    content.classList.remove('fill');

    if (next.name === 'portfolio') {
      open = null;
      renderSidebar();
      setTitle(h('span', { class: 'crumb' }, 'Portfolio'));
      content.classList.add('fill');
      replaceChildren(content);
      cleanup = renderPortfolio(content, { navigate, today: status.today });
      return;
    }
    if (next.name === 'my-actions') {
      open = null;
      renderSidebar();
      setTitle(h('span', { class: 'crumb' }, 'My actions'));
      replaceChildren(content);
      content.scrollTop = 0;
      cleanup = myActionsPage(content);
      return;
    }
    if (next.name === 'insights') {
      open = null;
      renderSidebar();
      setTitle(h('span', { class: 'crumb' }, 'Insights'));
      replaceChildren(content);
      content.scrollTop = 0;
      cleanup = portfolioInsightsPage(content, { navigate });
      return;
    }
    if (next.name === 'not-found') {
      open = null;
      renderSidebar();
      setTitle('Not found');
      replaceChildren(
        content,
        h('h1', null, 'Nothing here'),
        h('p', null, 'This address does not lead to a page of the app. ', h('a', { href: '#/' }, 'Back to the portfolio')),
      );
      return;
    }

    const wanted =
      next.name === 'plan'
        ? open && !open.snapshot && open.view.plan.id === next.planId
        : open && open.snapshot?.id === next.snapshotId;
    if (!wanted) {
      replaceChildren(content, h('p', { class: 'muted loading', role: 'status' }, 'Loading the plan\u2026'));
      try {
        if (next.name === 'plan') {
          const view = await api.planView(next.planId);
          if (my !== token) return;
          open = { view, snapshot: null };
        } else {
          const view = await api.snapshotView(next.snapshotId);
          const list = await api.listSnapshots(view.plan.id);
          if (my !== token) return;
          const info = list.find((s) => s.id === next.snapshotId) ?? {
            id: next.snapshotId,
            plan_id: view.plan.id,
            taken_on: view.today,
            label: '',
          };
          open = { view, snapshot: info };
        }
        saves.reset();
      } catch (err) {
        if (my !== token) return;
        open = null;
        renderSidebar();
        setTitle('Plan not found');
        replaceChildren(
          content,
          h('div', { class: 'banner error', role: 'alert' }, `Could not open this plan: ${toAppError(err).message}`),
          h('p', null, h('a', { href: '#/' }, 'Back to the portfolio')),
        );
        return;
      }
    }
    renderSidebar();
    renderArea(true);
  }

  function currentArea(): PlanAreaKey {
    return route.name === 'plan' || route.name === 'snapshot' ? route.area : 'overview';
  }

  function areaHref(area: PlanAreaKey): string {
    if (route.name === 'snapshot') return snapshotHash(route.snapshotId, area);
    return planHash(open?.view.plan.id ?? '', area);
  }

  function renderSidebar(): void {
    if (route.name === 'portfolio') portfolioLink.setAttribute('aria-current', 'page');
    else portfolioLink.removeAttribute('aria-current');
    if (route.name === 'my-actions') myActionsLink.setAttribute('aria-current', 'page');
    else myActionsLink.removeAttribute('aria-current');
    if (route.name === 'insights') insightsLink.setAttribute('aria-current', 'page');
    else insightsLink.removeAttribute('aria-current');
    if (!open) {
      replaceChildren(planSection);
      return;
    }
    const { view, snapshot } = open;
    const area = currentArea();
    const tools = h('div');
    renderPlanTools(tools, { view, snapshotId: snapshot?.id ?? null, area, navigate, onPlanChanged: planChanged });
    replaceChildren(
      planSection,
      h('div', { class: 'nav-section' }, 'Account'),
      h('div', { class: 'sidebar-account', title: view.account.name }, view.account.name),
      tools,
      h('div', { class: 'nav-section', id: 'plan-areas-heading' }, snapshot ? 'Snapshot' : 'Plan'),
      h(
        'ul',
        { class: 'area-nav', 'aria-labelledby': 'plan-areas-heading' },
        ...PLAN_AREAS.map((a) =>
          h('li', null, h('a', { href: areaHref(a.key), 'aria-current': a.key === area ? 'page' : null }, a.label)),
        ),
      ),
    );
  }

  /** The open plan's own fields changed (its status): closed plans render read-only. */
  function planChanged(plan: Plan): void {
    if (!open || open.snapshot || open.view.plan.id !== plan.id) return;
    open.view = { ...open.view, plan };
    renderSidebar();
    renderArea(false);
  }

  function renderHeader(): void {
    if (!open) return;
    const { view, snapshot } = open;
    setTitle(
      h('span', { class: 'crumb' }, view.account.name),
      h('span', { class: 'crumb-sep', 'aria-hidden': 'true' }, '/'),
      h('span', { class: 'crumb' }, view.plan.period),
      snapshot ? h('span', { class: 'badge amber' }, 'Snapshot') : null,
      !snapshot && isClosed(view.plan) ? h('span', { class: 'badge' }, 'Closed') : null,
    );
  }

  function makeContext(): PlanContext {
    const state = open as OpenPlan;
    const planId = state.view.plan.id;
    // A snapshot is frozen for good; a closed plan until someone reopens it.
    const closed = state.snapshot === null && isClosed(state.view.plan);
    const readonly = state.snapshot !== null || closed;
    const refuse = () =>
      Promise.reject(
        closed
          ? new AppError('plan_closed', 'This plan is closed: reopen it to edit')
          : new AppError('read_only', 'This snapshot is frozen: open the live plan to edit it.'),
      );
    const stillOpen = () => open === state;
    return {
      get view() {
        return state.view;
      },
      readonly,
      readonlyReason: closed ? 'closed' : state.snapshot ? 'snapshot' : undefined,
      save(upserts: PlanItem[], deletes: ItemRef[] = []) {
        if (readonly) return refuse();
        return saves.run(async () => {
          const view = await api.saveItems(planId, upserts, deletes);
          state.view = view;
          if (stillOpen()) {
            renderHeader();
            renderArea(false);
          }
          return view;
        });
      },
      saveAccount(account: Account) {
        if (readonly) return refuse();
        return saves.run(async () => {
          const saved = await api.updateAccount(account);
          state.view = { ...state.view, account: saved };
          try {
            // Completeness and other figures depend on the account: take the recomputed view.
            state.view = await api.planView(planId);
          } catch {
            // The account is saved; the figures refresh on the next load.
          }
          if (stillOpen()) {
            renderHeader();
            const name = planSection.querySelector('.sidebar-account');
            if (name) replaceChildren(name, state.view.account.name);
          }
        });
      },
      replaceView(view: PlanView) {
        state.view = view;
        if (stillOpen()) {
          renderHeader();
          renderArea(false);
        }
      },
      navigate,
      href: (area: PlanAreaKey) =>
        state.snapshot ? snapshotHash(state.snapshot.id, area) : planHash(planId, area),
    };
  }

  /** Renders the current area; `fresh` after navigation, otherwise keeps focus and scroll. */
  function renderArea(fresh: boolean): void {
    if (!open) return;
    const area = currentArea();
    const active = document.activeElement as HTMLElement | null;
    const keepFocus = !fresh && active && content.contains(active) && active.id ? active.id : null;
    const selection =
      keepFocus && (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement)
        ? safeSelection(active)
        : null;
    const scroll = content.scrollTop;

    runCleanup();
    renderHeader();
    areaRoot = h('div', { class: `area area-${area}` });
    const banner = open.snapshot
      ? h(
          'div',
          { class: 'banner warning snapshot-banner', role: 'note' },
          h('strong', null, `Snapshot of ${formatDate(open.snapshot.taken_on)} \u2014 frozen, read-only`),
          open.snapshot.label ? h('span', null, ` \u00b7 ${open.snapshot.label}`) : null,
          ' ',
          h('a', { href: planHash(open.view.plan.id, area) }, 'Open the live plan'),
        )
      : isClosed(open.view.plan)
        ? closedBanner(open.view.plan, planChanged)
        : null;
    replaceChildren(
      content,
      banner,
      h('div', { class: 'page-header' }, h('h1', null, areaLabel(area))),
      areaRoot,
    );
    try {
      cleanup = AREA_VIEWS[area](areaRoot, makeContext());
    } catch (err) {
      console.error(err);
      areaRoot.append(h('div', { class: 'banner error', role: 'alert' }, `This area failed to render: ${toAppError(err).message}`));
    }
    if (fresh) {
      content.scrollTop = 0;
      return;
    }
    content.scrollTop = scroll;
    if (keepFocus) {
      const el = document.getElementById(keepFocus);
      if (el) {
        el.focus();
        if (selection && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) {
          try {
            el.setSelectionRange(selection[0], selection[1]);
          } catch {
            // not a text control
          }
        }
      }
    }
  }

  const stopRouter = startRouter((r) => void onRoute(r));
  return () => {
    stopRouter();
    runCleanup();
    unsubscribeSaves();
  };
}

function safeSelection(el: HTMLInputElement | HTMLTextAreaElement): [number, number] | null {
  try {
    if (el.selectionStart === null || el.selectionEnd === null) return null;
    return [el.selectionStart, el.selectionEnd];
  } catch {
    return null;
  }
}
