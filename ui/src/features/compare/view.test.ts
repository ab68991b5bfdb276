import { describe, expect, it } from 'vitest';
import type { PlanComparison } from '../../ipc/bindings/PlanComparison';
import { renderComparison } from './view';

const same = { arrow: 'same', tone: 'neutral', words: 'no change' } as const;
const comparison: PlanComparison = {
  from: { label: 'QBR Q3 2026', on: '2026-09-01', snapshot_id: 's1' },
  to: { label: 'Now', on: '2026-12-01', snapshot_id: null },
  currency: 'EUR',
  account: {
    wallet_share: { before: 0.1, after: 0.14, points: 4, arrow: 'up', tone: 'good', words: 'up 4 pts' },
    forecast: { before: 100_000_00, after: 112_000_00, delta: 12_000_00, arrow: 'up', tone: 'good', words: 'up 12.0k EUR' },
    gap_to_goal: { before: 50_000_00, after: 38_000_00, delta: -12_000_00, arrow: 'down', tone: 'good', words: 'down 12.0k EUR' },
  },
  buying_centers: [
    {
      buying_center_id: 'b1',
      name: 'Finance',
      presence: 'same',
      figures: {
        wallet_share: { before: 0.2, after: 0.2, points: 0, ...same },
        forecast: { before: 1, after: 1, delta: 0, ...same },
        gap_to_goal: { before: 1, after: 1, delta: 0, ...same },
      },
    },
  ],
  people: [
    {
      id: 'c1',
      subject: 'Dr. Anna Weber (CFO)',
      change: { kind: 'attitude', from: 'skeptic', to: 'supporter' },
      arrow: 'up',
      tone: 'good',
      words: 'attitude Skeptic to Supporter',
    },
  ],
  coverage_gaps: [],
  white_space: [],
  opportunities: [
    { id: 'o1', subject: 'Fleet telematics', change: { kind: 'opportunity_lost' }, arrow: 'down', tone: 'bad', words: 'lost' },
  ],
  actions: [],
  campaigns: [],
  change_count: 2,
};

describe('since last QBR view', () => {
  it('shows each move with an arrow and words, and says No change for empty kinds', () => {
    const root = renderComparison(comparison);
    expect(root.querySelector('.compare-intro')?.textContent).toContain('2 changes');
    const total = root.querySelector('tr.total')!;
    expect(total.textContent).toContain('up 4 pts');
    expect(total.textContent).toContain('\u25b2');
    expect(total.textContent).toContain('down 12.0k EUR');
    const person = root.querySelector('[data-section="people"] .change')!;
    expect(person.textContent).toBe('\u25b2 Dr. Anna Weber (CFO): attitude Skeptic to Supporter');
    expect(person.classList.contains('tone-good')).toBe(true);
    const lost = root.querySelector('[data-section="opportunities"] .change')!;
    expect(lost.textContent).toContain('\u25bc');
    expect(lost.getAttribute('data-kind')).toBe('opportunity_lost');
    expect(root.querySelector('[data-section="actions"] .no-change')?.textContent).toBe('No change');
    expect(root.querySelectorAll('.no-change')).toHaveLength(4);
  });
});
