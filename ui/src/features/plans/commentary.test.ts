import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlanContext } from '../../app/context';

const api = vi.hoisted(() => ({ savePlanCommentary: vi.fn() }));
vi.mock('../../ipc/api', () => ({ api }));

import { commentaryPanel } from './commentary';

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

function context(readonly = false) {
  const replaceView = vi.fn();
  const plan = { id: 'p1', executive_summary: 'We lead in Finance.', asks: '', wins: 'Renewal signed' };
  const ctx = { view: { plan }, readonly, replaceView } as unknown as PlanContext;
  return { ctx, replaceView };
}

const area = (root: HTMLElement, name: string) => root.querySelector<HTMLTextAreaElement>(`textarea[name=${name}]`)!;

describe('the story for the QBR', () => {
  afterEach(() => vi.clearAllMocks());

  it('shows the saved text and saves all three parts together', async () => {
    const { ctx, replaceView } = context();
    const root = commentaryPanel(ctx);
    document.body.replaceChildren(root);
    expect(area(root, 'executive_summary').value).toBe('We lead in Finance.');
    expect(area(root, 'wins').value).toBe('Renewal signed');
    area(root, 'asks').value = 'A sponsor call with the CDO';
    const saved = { plan: { id: 'p1' } };
    api.savePlanCommentary.mockResolvedValueOnce(saved);
    root.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(api.savePlanCommentary).toHaveBeenCalledWith('p1', {
      executive_summary: 'We lead in Finance.',
      asks: 'A sponsor call with the CDO',
      wins: 'Renewal signed',
    });
    expect(replaceView).toHaveBeenCalledWith(saved);
  });

  it('puts the core’s refusal under the field it names', async () => {
    const { ctx, replaceView } = context();
    const root = commentaryPanel(ctx);
    document.body.replaceChildren(root);
    api.savePlanCommentary.mockRejectedValueOnce({
      code: 'too_long',
      message: 'Wins since last QBR is too long (801 characters; at most 800)',
      field: 'wins',
    });
    root.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    const wins = area(root, 'wins').closest('.field')!;
    expect(wins.querySelector('.field-error')?.textContent).toContain('too long');
    expect(replaceView).not.toHaveBeenCalled();
  });

  it('is read-only on a closed plan', () => {
    const root = commentaryPanel(context(true).ctx);
    expect(root.querySelector('fieldset')?.disabled).toBe(true);
    expect(root.querySelector('button[type=submit]')).toBeNull();
  });
});
