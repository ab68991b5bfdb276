// The white-space area: the matrix (fast keyboard entry), the mutual value chart, the ranked
// plays, and the offerings catalog in its own tab. Every figure comes from ctx.view (the core);
// this module only decides what to save and keeps the user's place across the re-render that
// follows each save (focused cell, open panel, scroll positions).
import type { FeatureView, PlanContext } from '../../app/context';
import type { PlanItem } from '../../ipc/bindings/PlanItem';
import type { PlanView } from '../../ipc/bindings/PlanView';
import type { Play } from '../../ipc/bindings/Play';
import type { WhiteSpaceCell } from '../../ipc/bindings/WhiteSpaceCell';
import { h, replaceChildren } from '../../shared/dom';
import { formatMoney } from '../../shared/format';
import { offeringsPanel } from '../offerings';
import { QUADRANT_ADVICE, renderChart } from './chart';
import { renderDetail } from './detail';
import { renderMatrix, type CellPos, type Matrix } from './matrix';
import {
  HEAT_LEGEND,
  QUADRANT_LABEL,
  STATUSES,
  STATUS_LABEL,
  STATUS_LETTER,
  baseCell,
  buyingCenterNames,
  findCell,
  opportunityForPlay,
  scoreEdit,
  statusEdit,
  type ScoreSide,
} from './model';
import { renderPlays } from './plays';
import { exportButtons } from './export-buttons';
import './white-space.css';

type Tab = 'matrix' | 'catalog';

interface Notice {
  /** The card where the action happened (so the message shows where the user looks). */
  at: 'matrix' | 'plays';
  kind: 'info' | 'error' | 'success';
  text: string;
}

interface ScrollPos {
  el: Element;
  top: number;
  left: number;
}

/** What survives the re-render after a save, per plan. */
interface AreaState {
  tab: Tab;
  focus: CellPos | null;
  side: ScoreSide;
  detail: CellPos | null;
  /** Consumed by the next render. */
  restore: 'cell' | 'detail-save' | null;
  savedNote: string | null;
  pageScroll: ScrollPos[] | null;
  notice: Notice | null;
  highlight: string | null;
  matrixScroll: { left: number; top: number };
  allPlays: boolean;
}

/** Plays listed before "Show all": a QBR reads the top of the ranking. */
const PLAYS_SHOWN = 50;

const states = new Map<string, AreaState>();

function stateFor(ctx: PlanContext): AreaState {
  const key = `${ctx.readonly ? 'ro' : 'rw'}:${ctx.view.plan.id}`;
  let st = states.get(key);
  if (!st) {
    st = {
      tab: 'matrix',
      focus: null,
      side: 'us',
      detail: null,
      restore: null,
      savedNote: null,
      pageScroll: null,
      notice: null,
      highlight: null,
      matrixScroll: { left: 0, top: 0 },
      allPlays: false,
    };
    states.set(key, st);
  }
  return st;
}

/** The newest rendered instance: saves always build on the freshest view and ctx. */
interface Live {
  ctx: PlanContext;
  view: PlanView;
  root: HTMLElement;
  showNotice(): void;
}
let live: Live | null = null;

/** Saves run one after the other, so quick keystrokes never race (e.g. two new cells). */
let queue: Promise<unknown> = Promise.resolve();

function enqueueSave(st: AreaState, build: (view: PlanView) => PlanItem[]): Promise<PlanView> {
  const run = queue.then(async () => {
    const l = live;
    if (!l) throw new Error('The white-space view is closed');
    st.pageScroll = captureScroll(l.root);
    const next = await l.ctx.save(build(l.view));
    if (live) live.view = next;
    return next;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Scroll positions of the elements around `root` (the shell's scrolling content). */
function captureScroll(root: HTMLElement): ScrollPos[] {
  const out: ScrollPos[] = [];
  for (let el: Element | null = root; el; el = el.parentElement) {
    if (el.scrollTop || el.scrollLeft) out.push({ el, top: el.scrollTop, left: el.scrollLeft });
  }
  const doc = document.scrollingElement;
  if (doc && (doc.scrollTop || doc.scrollLeft)) out.push({ el: doc, top: doc.scrollTop, left: doc.scrollLeft });
  return out;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : typeof err === 'object' && err && 'message' in err ? String((err as { message: unknown }).message) : String(err);
}

export const whiteSpaceView: FeatureView = (root, ctx) => {
  const st = stateFor(ctx);
  const view = ctx.view;
  let disposeCatalog: (() => void) | null = null;
  let matrix: Matrix | null = null;
  const noticeHosts = {
    matrix: h('div', { class: 'ws-notice', role: 'status', 'aria-live': 'polite' }),
    plays: h('div', { class: 'ws-notice', role: 'status', 'aria-live': 'polite' }),
  };
  const sideLabel = h('span', { class: 'ws-side' });
  const detailHost = h('div', { class: 'ws-detail-host' });

  const self: Live = { ctx, view, root, showNotice };
  live = self;

  function showNotice(): void {
    const n = st.notice;
    for (const [at, host] of Object.entries(noticeHosts)) {
      const mine = n && n.at === at ? n : null;
      host.className = 'ws-notice' + (mine ? ` banner ${mine.kind === 'error' ? 'error' : mine.kind === 'success' ? 'success' : 'info'}` : '');
      replaceChildren(host, mine ? mine.text : '');
    }
  }

  function setNotice(n: Notice | null): void {
    st.notice = n;
    // Whichever instance is on screen now shows it (a re-render may have happened meanwhile).
    live?.showNotice();
  }

  function showSide(): void {
    replaceChildren(sideLabel, st.side === 'us' ? 'value to us' : 'value to the customer');
  }

  const where = (v: PlanView, pos: CellPos) =>
    `${buyingCenterNames(v).get(pos.bc) ?? '?'} \u00d7 ${v.white_space.columns.find((o) => o.id === pos.off)?.name ?? '?'}`;

  // ---- Edits ----------------------------------------------------------------------------

  function score(pos: CellPos, side: ScoreSide, value: number): void {
    st.focus = pos;
    st.restore = 'cell';
    enqueueSave(st, (v) => [scoreEdit(baseCell(v, pos.bc, pos.off), side, value)]).then(
      (v) => setNotice({ at: 'matrix', kind: 'info', text: `${where(v, pos)}: value to ${side === 'us' ? 'us' : 'the customer'} ${value}.` }),
      (err) => {
        st.restore = null;
        setNotice({ at: 'matrix', kind: 'error', text: `${where(live?.view ?? view, pos)}: ${errorText(err)}` });
      },
    );
  }

  function cycleStatus(pos: CellPos): void {
    st.focus = pos;
    st.restore = 'cell';
    enqueueSave(st, (v) => [statusEdit(v, pos.bc, pos.off)]).then(
      (v) => {
        const cv = findCell(v, pos.bc, pos.off);
        if (!cv) return;
        const text =
          cv.status === cv.cell.status
            ? `${where(v, pos)}: ${STATUS_LABEL[cv.status]}.`
            : `${where(v, pos)}: set to ${STATUS_LABEL[cv.cell.status]}, shown as ${STATUS_LABEL[cv.status]} while a linked opportunity decides it.`;
        setNotice({ at: 'matrix', kind: 'info', text });
      },
      (err) => {
        st.restore = null;
        setNotice({ at: 'matrix', kind: 'error', text: `${where(live?.view ?? view, pos)}: ${errorText(err)}` });
      },
    );
  }

  function saveDetail(cell: WhiteSpaceCell): Promise<void> {
    st.restore = 'detail-save';
    st.savedNote = 'Saved';
    return enqueueSave(st, () => [{ kind: 'cell', item: cell }]).then(
      () => undefined,
      (err) => {
        st.restore = null;
        st.savedNote = null;
        throw err;
      },
    );
  }

  function createOpportunity(play: Play): Promise<void> {
    st.highlight = play.cell_id;
    const item = opportunityForPlay(play);
    return enqueueSave(st, () => [item]).then((v) => {
      const cv = findCell(v, play.buying_center_id, play.offering_id);
      const status = cv ? STATUS_LABEL[cv.status] : 'updated';
      setNotice({
        at: 'plays',
        kind: 'success',
        text: `Created the opportunity \u201c${item.item.name}\u201d (Qualify, 10%). ${play.buying_center} \u00d7 ${play.offering} is now ${status}.`,
      });
    });
  }

  /** The play's estimate takes the amount of its open opportunities, as the user asked. */
  function followOpportunity(play: Play): Promise<void> {
    st.highlight = play.cell_id;
    return enqueueSave(st, (v) => {
      const cv = findCell(v, play.buying_center_id, play.offering_id);
      if (!cv) throw new Error('That cell is no longer in the plan');
      return [{ kind: 'cell', item: { ...cv.cell, estimated_revenue: cv.open_opportunity_amount } }];
    }).then(() => {
      setNotice({
        at: 'plays',
        kind: 'success',
        text: `${play.buying_center} \u00d7 ${play.offering}: the estimate now follows the open opportunity (${formatMoney(play.open_opportunity_amount, view.plan.currency)}).`,
      });
    });
  }

  // ---- Detail panel ---------------------------------------------------------------------

  function openDetail(pos: CellPos, focus: 'first' | 'save' | null = 'first'): void {
    st.detail = pos;
    if (focus) st.focus = pos;
    const note = st.savedNote;
    st.savedNote = null;
    const detail = renderDetail({
      view,
      readonly: ctx.readonly,
      pos,
      savedNote: note,
      onSave: saveDetail,
      onClose: closeDetail,
    });
    replaceChildren(detailHost, detail.element);
    if (focus) detail.focus(focus);
  }

  function closeDetail(): void {
    const pos = st.detail;
    st.detail = null;
    replaceChildren(detailHost);
    if (pos) matrix?.focusCell(pos);
  }

  // ---- Render ---------------------------------------------------------------------------

  function tabs(): HTMLElement {
    const tab = (key: Tab, label: string) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          class: ['ws-tab', st.tab === key ? 'active' : null],
          'aria-selected': st.tab === key ? 'true' : 'false',
          dataset: { tab: key },
          onclick: () => {
            if (st.tab === key) return;
            st.tab = key;
            render();
          },
        },
        label,
      );
    return h(
      'div',
      { class: 'ws-tabs-row' },
      h('div', { class: 'ws-tabs', role: 'tablist', 'aria-label': 'White space' }, tab('matrix', 'Matrix & plays'), tab('catalog', 'Catalog')),
      exportButtons(ctx.view.plan.id),
    );
  }

  function legend(): HTMLElement {
    return h(
      'div',
      { class: 'ws-legend', 'aria-label': 'Legend' },
      h(
        'span',
        { class: 'ws-legend-group' },
        STATUSES.map((s) => h('span', { class: 'ws-legend-item' }, h('b', { class: 'ws-letter' }, STATUS_LETTER[s]), ' ', STATUS_LABEL[s])),
        h('span', { class: 'ws-legend-item' }, h('b', { class: 'ws-letter' }, '\u00b7'), ' not assessed'),
      ),
      h(
        'span',
        { class: 'ws-legend-group' },
        h('span', { class: 'ws-legend-title' }, 'Mutual value (us \u00d7 customer):'),
        HEAT_LEGEND.map((l) => h('span', { class: `ws-swatch heat-${l.level}` }, l.label)),
        h('span', { class: 'ws-legend-item' }, h('span', { class: 'ws-swatch-warn' }), ' warning'),
      ),
    );
  }

  function hint(): HTMLElement {
    if (ctx.readonly) {
      return h('p', { class: 'ws-hint' }, 'Read-only snapshot. ', h('kbd', null, '\u2190\u2191\u2192\u2193'), ' move, ', h('kbd', null, 'Enter'), ' shows a cell.');
    }
    showSide();
    return h(
      'p',
      { class: 'ws-hint' },
      h('kbd', null, '\u2190\u2191\u2192\u2193'),
      ' move \u00b7 ',
      h('kbd', null, '1'),
      '\u2013',
      h('kbd', null, '5'),
      ' set ',
      h('strong', null, sideLabel),
      ' \u00b7 ',
      h('kbd', null, 'Shift'),
      '+',
      h('kbd', null, '1'),
      '\u2013',
      h('kbd', null, '5'),
      ' set the other value \u00b7 ',
      h('kbd', null, 'M'),
      ' swaps them \u00b7 ',
      h('kbd', null, 'S'),
      ' cycles status (O \u2192 I \u2192 C \u2192 B \u2192 \u2013) \u00b7 ',
      h('kbd', null, 'Enter'),
      ' opens the details',
    );
  }

  function matrixTab(): HTMLElement[] {
    const ws = view.white_space;
    if (ws.rows.length === 0) {
      return [
        h(
          'div',
          { class: 'empty-state' },
          h('p', null, 'The matrix crosses buying centers with offerings. Add the account\u2019s buying centers first.'),
          h('button', { type: 'button', onclick: () => ctx.navigate(ctx.href('buying-centers')) }, 'Go to buying centers'),
        ),
      ];
    }
    if (ws.columns.length === 0) {
      return [
        h(
          'div',
          { class: 'empty-state' },
          h('p', null, 'The catalog has no offerings yet.'),
          h('button', { type: 'button', onclick: () => { st.tab = 'catalog'; render(); } }, 'Open the catalog'),
        ),
      ];
    }
    matrix = renderMatrix({
      view,
      readonly: ctx.readonly,
      focus: st.focus,
      digitSide: () => st.side,
      onFocus: (pos) => {
        st.focus = pos;
      },
      onScore: score,
      onCycleStatus: cycleStatus,
      onOpen: (pos) => openDetail(pos),
      onToggleSide: () => {
        st.side = st.side === 'us' ? 'customer' : 'us';
        showSide();
      },
    });
    const scroller = matrix.scroller;
    scroller.addEventListener(
      'scroll',
      () => {
        st.matrixScroll = { left: scroller.scrollLeft, top: scroller.scrollTop };
      },
      { passive: true },
    );

    const openPlay = (p: Play) => {
      const pos = { bc: p.buying_center_id, off: p.offering_id };
      matrix?.focusCell(pos, { preventScroll: true });
      openDetail(pos);
    };

    return [
      h('section', { class: 'card ws-matrix-card' }, h('h2', null, 'Matrix'), hint(), legend(), noticeHosts.matrix, matrix.element),
      h(
        'div',
        { class: 'ws-lower' },
        h(
          'section',
          { class: 'card ws-chart-card' },
          h('h2', null, 'Mutual value'),
          h(
            'div',
            { class: 'ws-chart-body' },
            renderChart(view, { onOpen: openPlay }),
            h(
              'div',
              { class: 'ws-chart-notes' },
              h(
                'dl',
                { class: 'ws-quadrant-list' },
                QUADRANT_ADVICE.map((q) => {
                  const n = view.plays.filter((p) => p.quadrant === q.quadrant).length;
                  return [
                    h('dt', null, h('span', { class: `ws-quadrant-badge q-${q.quadrant}` }, QUADRANT_LABEL[q.quadrant]), ' ', h('span', { class: 'muted small' }, `${q.rule} \u00b7 ${n === 1 ? '1 play' : `${n} plays`}`)),
                    h('dd', null, q.advice),
                  ];
                }),
              ),
              h(
                'p',
                { class: 'muted small' },
                'One bubble per ranked play: its area is the estimated revenue, its number the rank in the table below. ' +
                  'Plays with the same scores are spread slightly. Click a bubble to open the cell.',
              ),
            ),
          ),
        ),
        h(
          'section',
          { class: 'card ws-plays-card' },
          h('h2', null, 'Ranked plays'),
          h('p', { class: 'muted small' }, 'Open, Competitor and In pipeline cells with both values scored, by mutual value then estimated revenue.'),
          noticeHosts.plays,
          renderPlays(view, {
            readonly: ctx.readonly,
            highlight: st.highlight,
            onOpen: openPlay,
            onCreate: createOpportunity,
            onFollow: followOpportunity,
            limit: st.allPlays ? null : PLAYS_SHOWN,
            onShowAll: () => {
              st.allPlays = true;
              st.pageScroll = captureScroll(root);
              render();
            },
          }),
        ),
      ),
      detailHost,
    ];
  }

  function render(): void {
    disposeCatalog?.();
    disposeCatalog = null;
    matrix = null;
    replaceChildren(detailHost);
    const content = h('div', { class: 'ws-tab-panel', role: 'tabpanel' });
    replaceChildren(
      root,
      h('div', { class: 'ws-area' }, tabs(), content),
    );
    if (st.tab === 'catalog') {
      disposeCatalog = offeringsPanel(content, ctx);
      return;
    }
    replaceChildren(content, matrixTab());
    showNotice();

    // Put the user back where they were before the save.
    const m = matrix as Matrix | null; // set by matrixTab()
    // (Only when there is something to restore: setting scroll forces a layout.)
    if (m && (st.matrixScroll.left || st.matrixScroll.top)) {
      m.scroller.scrollLeft = st.matrixScroll.left;
      m.scroller.scrollTop = st.matrixScroll.top;
    }
    for (const p of st.pageScroll ?? []) {
      p.el.scrollTop = p.top;
      p.el.scrollLeft = p.left;
    }
    st.pageScroll = null;
    const restore = st.restore;
    st.restore = null;
    if (restore === 'cell' && st.focus) m?.focusCell(st.focus, { preventScroll: true });
    if (st.detail && m) openDetail(st.detail, restore === 'detail-save' ? 'save' : null);
  }

  render();

  return () => {
    disposeCatalog?.();
    disposeCatalog = null;
  };
};
