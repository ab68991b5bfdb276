// Renders only the rows in view of a long list (fixed row height, spacer elements above and
// below), so a 10,000-row table costs the same as a 40-row one. Rows still in the window are
// kept as they are when the window moves, so focus inside a row survives scrolling.

export interface WindowRange {
  /** First rendered index (inclusive). */
  start: number;
  /** Last rendered index (exclusive). */
  end: number;
  /** Height of the spacer above the first rendered row, px. */
  padTop: number;
  /** Height of the spacer below the last rendered row, px. */
  padBottom: number;
}

/**
 * The rows to render for a scroll position: those visible plus `overscan` on each side.
 * `scrollTop` is measured from the first row (subtract any header above the rows first).
 */
export function computeWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 6,
): WindowRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  const top = Math.max(0, scrollTop);
  const visible = Math.max(1, Math.ceil(Math.max(0, viewportHeight) / rowHeight));
  let start = Math.floor(top / rowHeight) - overscan;
  start = Math.min(Math.max(0, start), Math.max(0, count - 1));
  const end = Math.min(count, Math.floor(top / rowHeight) + visible + overscan + 1);
  return {
    start,
    end: Math.max(start, end),
    padTop: start * rowHeight,
    padBottom: Math.max(0, (count - Math.max(start, end)) * rowHeight),
  };
}

export interface VirtualListOptions<T> {
  /** The element that scrolls (overflow: auto, with a bounded height). */
  scroller: HTMLElement;
  /** The element the rows go into (a tbody, or a div). */
  body: HTMLElement;
  /** Every row's height in px; the row CSS must match it. */
  rowHeight: number;
  /** Rows rendered beyond each edge of the viewport. */
  overscan?: number;
  /** Height of whatever sits above `body` inside `scroller` (e.g. a table header), px. */
  headerHeight?: () => number;
  /** Builds one row. Called again only when the row scrolls back into view or on refresh(). */
  renderRow: (item: T, index: number) => HTMLElement;
  /** Builds a spacer of the given height; a table body needs a `<tr>` here. */
  spacer?: (height: number) => HTMLElement;
  /** Viewport height to assume when the scroller has no layout yet (jsdom, hidden). */
  fallbackViewport?: number;
}

function defaultSpacer(height: number): HTMLElement {
  const el = document.createElement('div');
  el.style.height = `${height}px`;
  return el;
}

export class VirtualList<T> {
  private items: readonly T[] = [];
  private rows = new Map<number, HTMLElement>();
  private range: WindowRange = { start: 0, end: 0, padTop: 0, padBottom: 0 };
  private readonly top: HTMLElement;
  private readonly bottom: HTMLElement;
  private frame = 0;
  private readonly onScroll = () => this.schedule();
  private readonly opts: Required<Omit<VirtualListOptions<T>, 'headerHeight'>> &
    Pick<VirtualListOptions<T>, 'headerHeight'>;

  constructor(options: VirtualListOptions<T>) {
    this.opts = {
      overscan: 6,
      spacer: defaultSpacer,
      fallbackViewport: 600,
      ...options,
    };
    this.top = this.opts.spacer(0);
    this.bottom = this.opts.spacer(0);
    this.top.setAttribute('aria-hidden', 'true');
    this.bottom.setAttribute('aria-hidden', 'true');
    this.top.dataset.spacer = 'top';
    this.bottom.dataset.spacer = 'bottom';
    this.opts.scroller.addEventListener('scroll', this.onScroll, { passive: true });
    window.addEventListener('resize', this.onScroll);
  }

  /** Replaces the items (after a search or a sort) and renders the window anew. */
  setItems(items: readonly T[]): void {
    this.items = items;
    this.refresh();
  }

  get length(): number {
    return this.items.length;
  }

  /** The window currently rendered. */
  get window(): WindowRange {
    return this.range;
  }

  /** Renders every visible row again (e.g. after one row's state changed). */
  refresh(): void {
    for (const row of this.rows.values()) row.remove();
    this.rows.clear();
    this.update(true);
  }

  /** Renders the row at `index` again, if it is in the window. */
  refreshRow(index: number): void {
    const old = this.rows.get(index);
    if (!old) return;
    const item = this.items[index];
    if (item === undefined) return;
    const row = this.opts.renderRow(item, index);
    old.replaceWith(row);
    this.rows.set(index, row);
  }

  /** Scrolls so the row at `index` is in view. */
  scrollToIndex(index: number): void {
    const { scroller, rowHeight } = this.opts;
    const header = this.opts.headerHeight?.() ?? 0;
    const y = header + index * rowHeight;
    const viewport = scroller.clientHeight || this.opts.fallbackViewport;
    if (y < scroller.scrollTop + header) scroller.scrollTop = y - header;
    else if (y + rowHeight > scroller.scrollTop + viewport) scroller.scrollTop = y + rowHeight - viewport;
    this.update(false);
  }

  destroy(): void {
    this.opts.scroller.removeEventListener('scroll', this.onScroll);
    window.removeEventListener('resize', this.onScroll);
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.update(false);
    });
  }

  private update(force: boolean): void {
    const { scroller, rowHeight, overscan, body } = this.opts;
    const header = this.opts.headerHeight?.() ?? 0;
    const viewport = scroller.clientHeight || this.opts.fallbackViewport;
    const next = computeWindow(scroller.scrollTop - header, viewport, rowHeight, this.items.length, overscan);
    const prev = this.range;
    if (!force && next.start === prev.start && next.end === prev.end) return;
    this.range = next;

    for (const [index, row] of this.rows) {
      if (index < next.start || index >= next.end) {
        row.remove();
        this.rows.delete(index);
      }
    }
    if (this.top.parentNode !== body) body.prepend(this.top);
    if (this.bottom.parentNode !== body) body.append(this.bottom);
    setSpacerHeight(this.top, next.padTop);
    setSpacerHeight(this.bottom, next.padBottom);

    // Insert missing rows in order, before the next existing row (or the bottom spacer).
    let anchor: HTMLElement = this.bottom;
    for (let i = next.end - 1; i >= next.start; i--) {
      const existing = this.rows.get(i);
      if (existing) {
        anchor = existing;
        continue;
      }
      const item = this.items[i] as T;
      const row = this.opts.renderRow(item, i);
      body.insertBefore(row, anchor);
      this.rows.set(i, row);
      anchor = row;
    }
  }
}

function setSpacerHeight(spacer: HTMLElement, height: number): void {
  spacer.style.height = `${height}px`;
  spacer.style.display = height > 0 ? '' : 'none';
  // A table spacer's cell carries the height too (a <tr> alone may collapse).
  const cell = spacer.firstElementChild as HTMLElement | null;
  if (cell) {
    cell.style.height = `${height}px`;
    cell.style.padding = '0';
    cell.style.border = '0';
  }
}
