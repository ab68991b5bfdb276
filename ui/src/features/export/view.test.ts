import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlanContext } from '../../app/context';

const exportPdf = vi.fn();
vi.mock('../../ipc/api', () => ({ api: { exportPdf: (r: unknown) => exportPdf(r) } }));

import { exportView } from './view';

async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) await new Promise((r) => setTimeout(r, 0));
}

function mount(frozen: Partial<PlanContext> = { readonly: false }): HTMLElement {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  // The export panel reads only the plan id and whether the plan is a snapshot.
  const ctx = { view: { plan: { id: 'plan-1' } }, ...frozen } as unknown as PlanContext;
  exportView(root, ctx);
  return root;
}

function submit(root: HTMLElement): void {
  root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
}

describe('export panel', () => {
  beforeEach(() => exportPdf.mockReset());

  it('sends the chosen options and never a path', async () => {
    const root = mount();
    root.querySelector<HTMLInputElement>('input[value=summary]')!.click();
    root.querySelector<HTMLInputElement>('input[value=letter]')!.click();
    exportPdf.mockResolvedValueOnce({ path: '/home/me/Acme_FY2027.pdf', pages: 1, bytes: 40960, warnings: [] });
    submit(root);
    await settle();
    expect(exportPdf).toHaveBeenCalledWith({ plan_id: 'plan-1', document: 'summary', paper: 'letter', sections: [], open_after: true });
    expect(root.querySelector('.result-box')?.textContent).toContain('/home/me/Acme_FY2027.pdf');
    expect(root.querySelector('.result-box')?.textContent).toContain('40 KB');
  });

  it('sends the ticked sections of the full plan', async () => {
    const root = mount();
    for (const box of root.querySelectorAll<HTMLInputElement>('.sections input[type=checkbox]')) {
      if (box.value !== 'overview' && box.value !== 'campaigns') box.click();
    }
    exportPdf.mockResolvedValueOnce({ path: null, pages: 0, bytes: 0, warnings: [] });
    submit(root);
    await settle();
    expect(exportPdf).toHaveBeenCalledWith({ plan_id: 'plan-1', document: 'full', paper: 'a4', sections: ['overview', 'campaigns'], open_after: true });
    expect(root.textContent).toContain('Export cancelled: nothing was saved.');
  });

  it('shows a refused option as the back end words it', async () => {
    const root = mount();
    exportPdf.mockRejectedValueOnce({ code: 'unknown_option', message: '"b5" is not a valid paper (expected a4 or letter)', field: 'paper' });
    submit(root);
    await settle();
    expect(root.querySelector('.banner.error')?.textContent).toBe('Not exported: "b5" is not a valid paper (expected a4 or letter)');
  });

  it('prints a closed plan but not a snapshot', () => {
    const closed = mount({ readonly: true, readonlyReason: 'closed' });
    expect(closed.querySelector<HTMLButtonElement>('button[type=submit]')!.disabled).toBe(false);
    const snapshot = mount({ readonly: true, readonlyReason: 'snapshot' });
    expect(snapshot.querySelector<HTMLButtonElement>('button[type=submit]')!.disabled).toBe(true);
    expect(snapshot.textContent).toContain('Open the live plan to export it.');
  });
});
