import { describe, expect, it } from 'vitest';
import { computeWindow, VirtualList } from './virtual-list';

describe('computeWindow', () => {
  it('renders nothing for an empty list', () => {
    expect(computeWindow(0, 500, 30, 0)).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });

  it('covers the viewport plus overscan at the top', () => {
    const w = computeWindow(0, 300, 30, 10_000, 5);
    expect(w.start).toBe(0);
    expect(w.end).toBe(16); // 10 visible + 5 overscan + 1 partial
    expect(w.padTop).toBe(0);
    expect(w.padBottom).toBe((10_000 - 16) * 30);
  });

  it('moves with the scroll position and keeps the total height', () => {
    const w = computeWindow(30 * 5000 + 10, 300, 30, 10_000, 5);
    expect(w.start).toBe(4995);
    expect(w.end).toBe(5016);
    expect(w.padTop + (w.end - w.start) * 30 + w.padBottom).toBe(10_000 * 30);
  });

  it('clamps at the end and for a negative scroll', () => {
    const end = computeWindow(30 * 20_000, 300, 30, 100, 5);
    expect(end.end).toBe(100);
    expect(end.start).toBeLessThan(100);
    expect(end.padBottom).toBe(0);
    const neg = computeWindow(-50, 300, 30, 100, 5);
    expect(neg.start).toBe(0);
  });

  it('renders everything when the list is shorter than the viewport', () => {
    const w = computeWindow(0, 1000, 30, 7, 5);
    expect(w).toEqual({ start: 0, end: 7, padTop: 0, padBottom: 0 });
  });
});

describe('VirtualList', () => {
  function setup(count: number) {
    const scroller = document.createElement('div');
    Object.defineProperty(scroller, 'clientHeight', { value: 200, configurable: true });
    const body = document.createElement('div');
    scroller.append(body);
    document.body.append(scroller);
    const items = Array.from({ length: count }, (_, i) => `row ${i}`);
    let renders = 0;
    const list = new VirtualList<string>({
      scroller,
      body,
      rowHeight: 20,
      overscan: 2,
      renderRow: (item) => {
        renders++;
        const el = document.createElement('div');
        el.className = 'row';
        el.textContent = item;
        return el;
      },
    });
    list.setItems(items);
    return { scroller, body, list, renders: () => renders };
  }

  it('renders only the visible window of 10,000 rows', () => {
    const { body } = setup(10_000);
    const rows = body.querySelectorAll('.row');
    expect(rows.length).toBe(13); // 10 visible + 2 overscan + 1
    expect(rows[0]?.textContent).toBe('row 0');
    const bottom = body.lastElementChild as HTMLElement;
    expect(bottom.dataset.spacer).toBe('bottom');
    expect(bottom.style.height).toBe(`${(10_000 - 13) * 20}px`);
  });

  it('keeps rows that stay in view when scrolling', () => {
    const { scroller, body, list, renders } = setup(1000);
    const before = renders();
    const row5 = Array.from(body.querySelectorAll('.row')).find((r) => r.textContent === 'row 5');
    scroller.scrollTop = 100; // 5 rows down
    list.scrollToIndex(5);
    const rows = Array.from(body.querySelectorAll('.row'));
    expect(rows[0]?.textContent).toBe('row 3');
    expect(rows.includes(row5 as Element)).toBe(true);
    expect(renders() - before).toBe(5); // only the newly visible rows were built
    const texts = rows.map((r) => r.textContent);
    expect(texts).toEqual([...texts].sort((a, b) => Number(a?.slice(4)) - Number(b?.slice(4))));
  });
});
