import { describe, expect, it } from 'vitest';
import * as M from './model';
import { ANNA, BEN, action, applyEdit, objective, sampleFlat, strategy, viewOf } from './test-helpers';

const view = () => viewOf(sampleFlat());
const keys = (rows: M.Row[]) => rows.map((r) => `${r.level}:${r.id}`);

describe('outline', () => {
  it('lists objectives, strategies and actions in position order with their level', () => {
    const flat = sampleFlat();
    // Positions, not storage order, decide.
    flat.strategies.reverse();
    flat.actions.reverse();
    const out = M.outline(viewOf(flat), [], M.NO_FILTERS);
    expect(keys(out.rows)).toEqual(['0:o1', '1:s1', '2:a1', '2:a2', '1:s2', '2:a3', '0:o2', '1:s3', '2:a4']);
    expect(out.total).toBe(9);
    expect(out.hidden).toBe(0);
  });

  it('places a draft right after its anchor, and first when it has none', () => {
    const d: M.Draft = { id: 'n1', kind: 'action', parentId: 's1', afterId: 'a1', text: '', saving: false, objectiveKind: 'revenue' };
    const first: M.Draft = { ...d, id: 'n0', afterId: null };
    const out = M.outline(view(), [d, first], M.NO_FILTERS);
    expect(keys(out.rows).slice(0, 6)).toEqual(['0:o1', '1:s1', '2:n0', '2:a1', '2:n1', '2:a2']);
  });

  it('filters by owner: only their actions, with strategy and objective; objectives they own show too', () => {
    const out = M.outline(view(), [], { ...M.NO_FILTERS, owner: BEN });
    expect(keys(out.rows)).toEqual(['0:o1', '1:s1', '2:a2', '0:o2', '1:s3', '2:a4']);
    expect(out.hidden).toBe(3);
  });

  it('filters by status and by kind', () => {
    expect(keys(M.outline(view(), [], { ...M.NO_FILTERS, status: 'blocked' }).rows)).toEqual(['0:o2', '1:s3', '2:a4']);
    expect(keys(M.outline(view(), [], { ...M.NO_FILTERS, kind: 'relationship' }).rows)).toEqual(['0:o2', '1:s3', '2:a4']);
    expect(keys(M.outline(view(), [], { ...M.NO_FILTERS, owner: M.UNASSIGNED }).rows)).toEqual([]);
  });

  it('keeps a just-changed item visible whatever the filters', () => {
    const out = M.outline(view(), [], { ...M.NO_FILTERS, status: 'open' }, new Set(['a1']));
    expect(keys(out.rows)).toContain('2:a1');
  });
});

describe('positions', () => {
  it('an insert takes the slot after its predecessor and bumps only what it must', () => {
    const cur = new Map([
      ['a', 0],
      ['b', 1],
      ['c', 5],
    ]);
    expect([...M.insertPositions(['a', 'n', 'b', 'c'], cur)]).toEqual([
      ['n', 1],
      ['b', 2],
    ]);
  });

  it('a reorder hands out the same positions in the new order', () => {
    const cur = new Map([
      ['a', 10],
      ['b', 20],
      ['c', 30],
    ]);
    expect([...M.reorderPositions(['b', 'a', 'c'], cur)]).toEqual([
      ['b', 10],
      ['a', 20],
    ]);
    // Duplicate positions: renumbered.
    const dup = new Map([
      ['a', 0],
      ['b', 0],
    ]);
    expect([...M.reorderPositions(['b', 'a'], dup)]).toEqual([['a', 1]]);
  });
});

describe('operations', () => {
  it('a draft saved after a sibling gets the next position and later siblings move', () => {
    const d: M.Draft = { id: 'n1', kind: 'action', parentId: 's1', afterId: 'a1', text: 'Call the COO', saving: false, objectiveKind: 'revenue' };
    const r = M.insertDraft(view(), d);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.edit.upserts).toEqual([
      { kind: 'action', item: { id: 'n1', strategy_id: 's1', what: 'Call the COO', owner_id: null, due_on: null, status: 'open', position: 1 } },
      { kind: 'action', item: expect.objectContaining({ id: 'a2', position: 2 }) },
    ]);
    expect(r.edit.deletes).toEqual([]);
  });

  it('indent makes an objective a strategy of the objective above; its strategies follow', () => {
    const r = M.indent(view(), 'objective', 'o2');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.edit.deletes).toEqual([{ kind: 'objective', id: 'o2' }]);
    expect(r.edit.upserts).toEqual([
      { kind: 'strategy', item: { id: 'o2', objective_id: 'o1', title: 'Become trusted advisor to the CFO', position: 2 } },
      { kind: 'strategy', item: { id: 's3', objective_id: 'o1', title: 'Executive sponsor programme', position: 3 } },
    ]);
    expect(r.focus).toBe('strategy:o2');
    expect(r.lossy).toMatch(/owner were dropped/);
    // And the result is a valid plan (nothing dangles).
    const after = applyEdit(view(), r.edit.upserts, r.edit.deletes);
    expect(keys(M.outline(after, [], M.NO_FILTERS).rows)).toEqual(['0:o1', '1:s1', '2:a1', '2:a2', '1:s2', '2:a3', '1:o2', '1:s3', '2:a4']);
  });

  it('indent of a strategy makes it an action of the strategy above; its actions follow', () => {
    const r = M.indent(view(), 'strategy', 's2', 'Typed title');
    expect(r.ok && r.edit).toEqual({
      upserts: [
        { kind: 'action', item: { id: 's2', strategy_id: 's1', what: 'Typed title', owner_id: null, due_on: null, status: 'open', position: 2 } },
        { kind: 'action', item: expect.objectContaining({ id: 'a3', strategy_id: 's1', position: 3 }) },
      ],
      deletes: [{ kind: 'strategy', id: 's2' }],
    });
  });

  it('refuses to indent the first item or an action, and an objective a campaign serves', () => {
    expect(M.indent(view(), 'objective', 'o1')).toMatchObject({ ok: false });
    expect(M.indent(view(), 'action', 'a2')).toMatchObject({ ok: false, reason: expect.stringMatching(/deepest/) });
    const v = view();
    v.campaigns = [{ id: 'c1', name: 'CFO roundtable', targets: [{ account_id: 'acc-1', objective_id: 'o2' }] } as never];
    expect(M.indent(v, 'objective', 'o2')).toMatchObject({ ok: false, reason: expect.stringMatching(/CFO roundtable/) });
  });

  it('outdent makes an action a strategy right after its strategy', () => {
    const r = M.outdent(view(), 'action', 'a2');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.edit.deletes).toEqual([{ kind: 'action', id: 'a2' }]);
    expect(r.edit.upserts).toEqual([
      { kind: 'strategy', item: { id: 'a2', objective_id: 'o1', title: 'Send the pilot proposal', position: 1 } },
      { kind: 'strategy', item: expect.objectContaining({ id: 's2', position: 2 }) },
    ]);
    expect(r.lossy).toBeTruthy();
  });

  it('outdent refuses a strategy that still has actions, and an objective', () => {
    expect(M.outdent(view(), 'strategy', 's1')).toMatchObject({ ok: false, reason: expect.stringMatching(/2 actions/) });
    expect(M.outdent(view(), 'objective', 'o1')).toMatchObject({ ok: false });
    const flat = sampleFlat();
    flat.strategies.push(strategy('s9', 'o1', 'Lonely', 7));
    const r = M.outdent(viewOf(flat), 'strategy', 's9');
    expect(r.ok && r.edit.upserts[0]).toEqual({
      kind: 'objective',
      item: objective('s9', 'Lonely', 1, { kind: 'revenue' }),
    });
  });

  it('Alt+Down swaps the positions of two siblings in one edit', () => {
    const r = M.moveStep(view(), 'action', 'a1', 1);
    expect(r.ok && r.edit).toEqual({
      upserts: [
        { kind: 'action', item: expect.objectContaining({ id: 'a1', position: 1 }) },
        { kind: 'action', item: expect.objectContaining({ id: 'a2', position: 0 }) },
      ],
      deletes: [],
    });
    expect(M.moveStep(view(), 'action', 'a2', 1)).toMatchObject({ ok: false });
  });

  it('toggle done flips done and open', () => {
    const done = M.toggleDone(view(), 'a2');
    expect(done.ok && done.edit.upserts).toEqual([{ kind: 'action', item: expect.objectContaining({ id: 'a2', status: 'done' }) }]);
    const open = M.toggleDone(view(), 'a1');
    expect(open.ok && open.edit.upserts[0].item).toMatchObject({ status: 'open' });
  });

  it('deleting an objective takes its strategies and actions and asks first; restore re-saves them', () => {
    const plan = M.planDelete(view(), 'objective', 'o1');
    expect(plan?.confirm).toBe('Delete objective \u201cGrow logistics revenue\u201d with 2 strategies and 3 actions?');
    expect(plan?.edit.deletes.map((d) => d.id).sort()).toEqual(['a1', 'a2', 'a3', 'o1', 's1', 's2']);
    expect(plan?.restore.upserts.map((u) => u.item.id)).toEqual(['o1', 's1', 'a1', 'a2', 's2', 'a3']);
    const gone = applyEdit(view(), [], plan?.edit.deletes);
    const back = applyEdit(gone, plan?.restore.upserts ?? []);
    expect(back).toEqual(view());
    // A lone action does not ask.
    expect(M.planDelete(view(), 'action', 'a1')?.confirm).toBeUndefined();
    expect(M.planDelete(view(), 'strategy', 's1')?.confirm).toBe('Delete strategy \u201cWin the Leipzig pilot\u201d with 2 actions?');
  });

  it('inverse undoes a change of kind', () => {
    const v = view();
    const r = M.indent(v, 'objective', 'o2');
    if (!r.ok) throw new Error('indent refused');
    const after = applyEdit(v, r.edit.upserts, r.edit.deletes);
    const inv = M.inverse(v, r.edit);
    expect(applyEdit(after, inv.upserts, inv.deletes)).toEqual(v);
  });

  it('new ids are UUIDs', () => {
    expect(M.newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('owners: filter helper counts unassigned actions', () => {
    const flat = sampleFlat();
    flat.actions.push(action('a5', 's3', 'Nobody owns this', 1));
    const out = M.outline(viewOf(flat), [], { ...M.NO_FILTERS, owner: M.UNASSIGNED });
    expect(keys(out.rows)).toEqual(['0:o2', '1:s3', '2:a5']);
    expect(ANNA).toBeTruthy();
  });
});
