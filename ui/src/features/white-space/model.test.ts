import { describe, expect, it } from 'vitest';
import {
  FORCE_FIT_WARNING,
  STATUS_LETTER,
  heatLevel,
  nextStatus,
  opportunityForPlay,
  scoreEdit,
  statusEdit,
} from './model';
import { BC_OPS, OFF_FLEET, OFF_SPEND, cell, play, sampleView } from './test-fixtures';

describe('white-space model', () => {
  it('has a letter per status that reads without colour', () => {
    expect(STATUS_LETTER).toEqual({
      installed: 'I',
      in_pipeline: 'P',
      open: 'O',
      competitor: 'C',
      blocked: 'B',
      not_applicable: '\u2013',
    });
  });

  it('cycles the status the user sets, skipping In pipeline (opportunities decide it)', () => {
    expect(nextStatus('open')).toBe('installed');
    expect(nextStatus('installed')).toBe('competitor');
    expect(nextStatus('competitor')).toBe('blocked');
    expect(nextStatus('blocked')).toBe('not_applicable');
    expect(nextStatus('not_applicable')).toBe('open');
    expect(nextStatus('in_pipeline')).toBe('open');
  });

  it('makes an unassessed cell Open on the first status key, then steps it', () => {
    const view = sampleView();
    const created = statusEdit(view, BC_OPS, OFF_SPEND);
    expect(created.kind).toBe('cell');
    expect(created.item).toMatchObject({ buying_center_id: BC_OPS, offering_id: OFF_SPEND, status: 'open', value_to_us: null });
    expect(statusEdit(view, BC_OPS, OFF_FLEET).item).toMatchObject({ id: 'c1', status: 'competitor' });
  });

  it('sets one score and keeps the rest of the cell', () => {
    const c = cell('x', 'b', 'o', 'open', 2, 3, 700);
    expect(scoreEdit(c, 'us', 5)).toEqual({ kind: 'cell', item: { ...c, value_to_us: 5 } });
    expect(scoreEdit(c, 'customer', 1)).toEqual({ kind: 'cell', item: { ...c, value_to_customer: 1 } });
  });

  it('builds the opportunity a play creates', () => {
    const p = play(cell('c9', 'bc-9', 'off-9', 'open', 4, 5, 123456), 'Logistics <EU>', 'Fleet Telematics');
    expect(opportunityForPlay(p, 'opp-1')).toEqual({
      kind: 'opportunity',
      item: {
        id: 'opp-1',
        name: 'Fleet Telematics for Logistics <EU>',
        buying_center_id: 'bc-9',
        offering_id: 'off-9',
        amount: 123456,
        stage: 'qualify',
        probability_pct: 10,
        close_on: null,
        status: 'open',
      },
    });
    expect(opportunityForPlay(p).item.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('buckets the core score for the heat map only', () => {
    expect([null, 1, 4, 5, 9, 10, 12, 15, 16, 20, 25].map(heatLevel)).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(FORCE_FIT_WARNING).toBe('High value to us only: explain the value or look for another way');
  });
});
