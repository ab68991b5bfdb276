import { describe, expect, it } from 'vitest';
import type { CellView } from '../../ipc/bindings/CellView';
import { whiteSpaceView } from './view';
import { cell, fakeCtx, offering, sampleView } from './test-fixtures';

describe('a 30 x 60 matrix', () => {
  it('renders as one table and moves focus without rebuilding it', () => {
    const view = sampleView();
    const rows = Array.from({ length: 30 }, (_, r) => `bc-${r}`);
    const cols = Array.from({ length: 60 }, (_, c) => offering(`off-${c}`, `Offering ${c}`, `Family ${Math.floor(c / 7)}`));
    const cells: CellView[] = [];
    rows.forEach((bc, r) =>
      cols.forEach((o, c) => {
        if ((r + c) % 5 === 0) return; // some unassessed
        const us = (r % 5) + 1;
        const them = (c % 5) + 1;
        cells.push({
          cell: cell(`${bc}-${o.id}`, bc, o.id, 'open', us, them, 1000 * (r + c)),
          status: 'open',
          mutual_value_score: us * them,
          quadrant: null,
          opportunity_ids: [],
          open_opportunity_amount: 0,
          warnings: [],
        });
      }),
    );
    (view as { buying_centers: unknown }).buying_centers = rows.map((id) => ({ id, name: `Center ${id}` }));
    view.white_space = { rows, columns: cols, cells };
    view.plays = [];
    const root = document.createElement('div');
    document.body.appendChild(root);
    const t0 = performance.now();
    whiteSpaceView(root, fakeCtx(view));
    const renderMs = performance.now() - t0;
    expect(root.querySelectorAll('table.ws-matrix')).toHaveLength(1);
    expect(root.querySelectorAll('td.ws-cell')).toHaveLength(1800);
    const table = root.querySelector('table.ws-matrix');
    const first = root.querySelector<HTMLElement>('td.ws-cell')!;
    first.focus();
    const t1 = performance.now();
    let el = first;
    for (let i = 0; i < 59; i++) {
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      el = document.activeElement as HTMLElement;
    }
    const moveMs = performance.now() - t1;
    expect(el.dataset.c).toBe('59');
    expect(root.querySelector('table.ws-matrix')).toBe(table);
    // Generous bounds (jsdom is far slower than the webview); they catch re-render storms.
    expect(renderMs).toBeLessThan(3000);
    expect(moveMs / 59).toBeLessThan(50);
    root.remove();
  });
});
