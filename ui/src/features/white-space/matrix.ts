// The white-space matrix: one <table>, buying centers as rows, offerings as columns grouped by
// family. Built once per render (i.e. once per save); moving around only changes the roving
// tabindex and two header highlights, so a 30 x 60 matrix stays smooth.
import type { CellStatus } from '../../ipc/bindings/CellStatus';
import type { CellView } from '../../ipc/bindings/CellView';
import type { Offering } from '../../ipc/bindings/Offering';
import type { PlanView } from '../../ipc/bindings/PlanView';
import { h } from '../../shared/dom';
import { formatMoney, formatNumberCompact } from '../../shared/format';
import {
  QUADRANT_LABEL,
  STATUS_LABEL,
  STATUS_LETTER,
  buyingCenterNames,
  cellKey,
  heatLevel,
  indexCells,
  isActionable,
  type ScoreSide,
} from './model';

export interface CellPos {
  bc: string;
  off: string;
}

export interface MatrixOptions {
  view: PlanView;
  readonly: boolean;
  /** The cell that holds the roving tabindex (first cell when null or gone). */
  focus: CellPos | null;
  /** Which score plain digits set; Shift+digit sets the other one. */
  digitSide(): ScoreSide;
  onFocus(pos: CellPos): void;
  onScore(pos: CellPos, side: ScoreSide, score: number): void;
  onCycleStatus(pos: CellPos): void;
  onOpen(pos: CellPos): void;
  onToggleSide(): void;
}

export interface Matrix {
  element: HTMLElement;
  /** The scrolling wrapper (its scroll position survives re-renders). */
  scroller: HTMLElement;
  /** Moves the roving tabindex to a cell and focuses it. */
  focusCell(pos: CellPos, options?: FocusOptions): boolean;
}

/** Column widths in px (header column, one offering, one total). */
const COL = { head: 200, cell: 48, total: 66 } as const;

interface FamilyGroup {
  family: string;
  count: number;
}

function familyGroups(columns: Offering[]): FamilyGroup[] {
  const groups: FamilyGroup[] = [];
  for (const o of columns) {
    const family = o.family.trim() || 'Other';
    const last = groups[groups.length - 1];
    if (last && last.family === family) last.count += 1;
    else groups.push({ family, count: 1 });
  }
  return groups;
}

/** Sums of values the core gave per cell: display only. */
interface Totals {
  open: number;
  installed: number;
}

function add(t: Totals, cv: CellView): void {
  if (isActionable(cv.status)) t.open += cv.cell.estimated_revenue;
  if (cv.status === 'installed') t.installed += cv.cell.estimated_revenue;
}

/** Spoken/hover description of one cell. */
export function describeCell(bcName: string, offering: Offering, cv: CellView | undefined, currency: string): string {
  const where = `${bcName} \u00d7 ${offering.name}${offering.retired ? ' (retired)' : ''}`;
  if (!cv) return `${where}: not assessed yet`;
  const parts = [STATUS_LABEL[cv.status]];
  if (cv.status !== cv.cell.status) parts.push(`set as ${STATUS_LABEL[cv.cell.status]}`);
  parts.push(`value to us ${cv.cell.value_to_us ?? 'not scored'}`);
  parts.push(`value to the customer ${cv.cell.value_to_customer ?? 'not scored'}`);
  if (cv.mutual_value_score !== null) {
    parts.push(
      `mutual value ${cv.mutual_value_score}` + (cv.quadrant ? ` (${QUADRANT_LABEL[cv.quadrant]})` : ''),
    );
  }
  if (cv.cell.estimated_revenue) parts.push(`estimated revenue ${formatMoney(cv.cell.estimated_revenue, currency)}`);
  for (const w of cv.warnings) parts.push(`warning: ${w.message}`);
  return `${where}: ${parts.join(', ')}`;
}

function statusClass(status: CellStatus): string {
  return `st-${status.replace(/_/g, '-')}`;
}

/** Digit 1-5 from a key event (by physical key, so Shift+1 still reads as 1). */
export function digitOf(e: KeyboardEvent): number | null {
  const byCode = /^(?:Digit|Numpad)([1-5])$/.exec(e.code ?? '');
  if (byCode) return Number(byCode[1]);
  if (/^[1-5]$/.test(e.key)) return Number(e.key);
  // No physical code (some drivers): Shift+1..5 on a US layout.
  const shifted = '!@#$%'.indexOf(e.key);
  return e.shiftKey && shifted >= 0 ? shifted + 1 : null;
}

export function renderMatrix(opts: MatrixOptions): Matrix {
  const { view } = opts;
  const currency = view.plan.currency;
  const rows = view.white_space.rows;
  const columns = view.white_space.columns;
  const names = buyingCenterNames(view);
  const byKey = indexCells(view);

  const rowTotals: Totals[] = rows.map(() => ({ open: 0, installed: 0 }));
  const colTotals: Totals[] = columns.map(() => ({ open: 0, installed: 0 }));
  const grand: Totals = { open: 0, installed: 0 };

  const cells: HTMLTableCellElement[][] = [];
  const rowHeads: HTMLElement[] = [];
  const colHeads: HTMLElement[] = [];

  const bodyRows = rows.map((bcId, r) => {
    const bcName = names.get(bcId) ?? 'Unknown buying center';
    const rowCells: HTMLTableCellElement[] = [];
    const tds = columns.map((off, c) => {
      const cv = byKey.get(cellKey(bcId, off.id));
      if (cv) {
        add(rowTotals[r]!, cv);
        add(colTotals[c]!, cv);
        add(grand, cv);
      }
      const label = describeCell(bcName, off, cv, currency);
      const level = cv ? heatLevel(cv.mutual_value_score) : 0;
      const td = h(
        'td',
        {
          class: [
            'ws-cell',
            cv ? statusClass(cv.status) : 'st-none',
            level ? `heat-${level}` : null,
            cv && cv.warnings.length ? 'has-warning' : null,
            off.retired ? 'retired' : null,
          ],
          role: 'gridcell',
          tabindex: '-1',
          title: label,
          'aria-label': label,
          dataset: { r: String(r), c: String(c) },
        },
        h('span', { class: 'ws-letter', 'aria-hidden': 'true' }, cv ? STATUS_LETTER[cv.status] : '\u00b7'),
        h(
          'span',
          { class: 'ws-score', 'aria-hidden': 'true' },
          cv && cv.mutual_value_score !== null ? String(cv.mutual_value_score) : '',
        ),
      );
      rowCells.push(td);
      return td;
    });
    cells.push(rowCells);
    const th = h('th', { scope: 'row', class: 'ws-bc', title: bcName }, bcName);
    rowHeads.push(th);
    const t = rowTotals[r]!;
    return h(
      'tr',
      null,
      th,
      tds,
      h('td', { class: 'num ws-total', title: formatMoney(t.open, currency) }, formatNumberCompact(t.open, currency)),
      h(
        'td',
        { class: 'num ws-total', title: formatMoney(t.installed, currency) },
        formatNumberCompact(t.installed, currency),
      ),
    );
  });

  const familyRow = h(
    'tr',
    { class: 'ws-families' },
    h('th', { class: 'ws-corner', rowspan: '2', scope: 'col' }, 'Buying center'),
    familyGroups(columns).map((g) =>
      h(
        'th',
        { class: 'ws-family', colspan: String(g.count), scope: 'colgroup', title: g.family },
        h('span', { class: 'ws-family-name' }, g.family),
      ),
    ),
    h('th', { class: 'ws-total-head', colspan: '2', scope: 'colgroup' }, `Revenue, ${currency}`),
  );
  const offeringRow = h(
    'tr',
    { class: 'ws-offerings' },
    columns.map((o) => {
      const th = h(
        'th',
        {
          scope: 'col',
          class: ['ws-off', o.retired ? 'retired' : null],
          title: o.retired ? `${o.name} (retired)` : o.name,
        },
        h('span', { class: 'ws-off-name' }, o.name, o.retired ? h('span', { class: 'ws-retired-tag' }, ' (retired)') : null),
      );
      colHeads.push(th);
      return th;
    }),
    h('th', { scope: 'col', class: 'ws-off ws-total-col', title: 'Estimated revenue of Open, Competitor and In pipeline cells' }, h('span', { class: 'ws-off-name' }, 'Open')),
    h('th', { scope: 'col', class: 'ws-off ws-total-col', title: 'Estimated revenue of Installed cells' }, h('span', { class: 'ws-off-name' }, 'Installed')),
  );

  const footRow = (label: string, pick: (t: Totals) => number) =>
    h(
      'tr',
      { class: 'ws-foot' },
      h('th', { scope: 'row', class: 'ws-bc' }, label),
      colTotals.map((t) =>
        h('td', { class: 'num ws-total', title: formatMoney(pick(t), currency) }, pick(t) ? formatNumberCompact(pick(t), currency, undefined, 2) : ''),
      ),
      h('td', { class: 'num ws-total ws-grand', title: formatMoney(pick(grand), currency) }, formatNumberCompact(pick(grand), currency)),
      h('td', { class: 'ws-total' }),
    );

  // Fixed column widths: the browser lays out a 30 x 60 table without measuring every cell.
  const colgroup = h(
    'colgroup',
    null,
    h('col', { style: { width: `${COL.head}px` } }),
    columns.map(() => h('col', { style: { width: `${COL.cell}px` } })),
    h('col', { style: { width: `${COL.total}px` } }),
    h('col', { style: { width: `${COL.total}px` } }),
  );
  const table = h(
    'table',
    {
      class: 'ws-matrix',
      role: 'grid',
      'aria-label': 'White-space matrix: buying centers by offerings',
      'aria-readonly': opts.readonly ? 'true' : 'false',
      style: { width: `${COL.head + COL.cell * columns.length + 2 * COL.total}px` },
    },
    colgroup,
    h('thead', null, familyRow, offeringRow),
    h('tbody', null, bodyRows),
    h('tfoot', null, footRow(`Open revenue, ${currency}`, (t) => t.open), footRow(`Installed revenue, ${currency}`, (t) => t.installed)),
  );
  const scroller = h('div', { class: 'ws-matrix-wrap' }, table);

  // Roving tabindex.
  let cur: { r: number; c: number } = { r: 0, c: 0 };
  if (opts.focus) {
    const r = rows.indexOf(opts.focus.bc);
    const c = columns.findIndex((o) => o.id === opts.focus?.off);
    if (r >= 0 && c >= 0) cur = { r, c };
  }
  const cellAt = (r: number, c: number) => cells[r]?.[c];
  const posOf = (r: number, c: number): CellPos => ({ bc: rows[r]!, off: columns[c]!.id });

  function mark(r: number, c: number): void {
    const prev = cellAt(cur.r, cur.c);
    if (prev) prev.tabIndex = -1;
    rowHeads[cur.r]?.classList.remove('ws-current');
    colHeads[cur.c]?.classList.remove('ws-current');
    cur = { r, c };
    const next = cellAt(r, c);
    if (next) next.tabIndex = 0;
    rowHeads[r]?.classList.add('ws-current');
    colHeads[c]?.classList.add('ws-current');
  }
  if (cellAt(cur.r, cur.c)) mark(cur.r, cur.c);

  function moveTo(r: number, c: number): void {
    const rr = Math.max(0, Math.min(rows.length - 1, r));
    const cc = Math.max(0, Math.min(columns.length - 1, c));
    cellAt(rr, cc)?.focus();
  }

  table.addEventListener('focusin', (e) => {
    const td = (e.target as Element).closest?.('td.ws-cell') as HTMLTableCellElement | null;
    if (!td) return;
    const r = Number(td.dataset.r);
    const c = Number(td.dataset.c);
    if (r !== cur.r || c !== cur.c || td.tabIndex !== 0) mark(r, c);
    opts.onFocus(posOf(r, c));
  });

  table.addEventListener('dblclick', (e) => {
    const td = (e.target as Element).closest?.('td.ws-cell') as HTMLTableCellElement | null;
    if (td) opts.onOpen(posOf(Number(td.dataset.r), Number(td.dataset.c)));
  });

  table.addEventListener('keydown', (e) => {
    const td = (e.target as Element).closest?.('td.ws-cell') as HTMLTableCellElement | null;
    if (!td || e.ctrlKey || e.metaKey || e.altKey) return;
    const r = Number(td.dataset.r);
    const c = Number(td.dataset.c);
    let handled = true;
    switch (e.key) {
      case 'ArrowUp':
        moveTo(r - 1, c);
        break;
      case 'ArrowDown':
        moveTo(r + 1, c);
        break;
      case 'ArrowLeft':
        moveTo(r, c - 1);
        break;
      case 'ArrowRight':
        moveTo(r, c + 1);
        break;
      case 'Home':
        moveTo(r, 0);
        break;
      case 'End':
        moveTo(r, columns.length - 1);
        break;
      case 'Enter':
      case 'F2':
        opts.onOpen(posOf(r, c));
        break;
      default: {
        const digit = digitOf(e);
        if (digit !== null) {
          if (opts.readonly) break;
          const plain = opts.digitSide();
          const side: ScoreSide = e.shiftKey ? (plain === 'us' ? 'customer' : 'us') : plain;
          opts.onScore(posOf(r, c), side, digit);
        } else if (e.key === 's' || e.key === 'S') {
          if (!opts.readonly) opts.onCycleStatus(posOf(r, c));
        } else if (e.key === 'm' || e.key === 'M') {
          opts.onToggleSide();
        } else {
          handled = false;
        }
      }
    }
    if (handled) e.preventDefault();
  });

  return {
    element: scroller,
    scroller,
    focusCell(pos, options) {
      const r = rows.indexOf(pos.bc);
      const c = columns.findIndex((o) => o.id === pos.off);
      const td = cellAt(r, c);
      if (!td) return false;
      mark(r, c);
      td.focus(options);
      return true;
    },
  };
}
