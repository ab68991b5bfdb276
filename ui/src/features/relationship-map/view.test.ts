import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const deleteContact = vi.fn();
vi.mock('../../ipc/api', () => ({ api: { deleteContact: (...a: unknown[]) => deleteContact(...a) } }));

import type { PlanContext } from '../../app/context';
import type { PlanItem } from '../../ipc/bindings/PlanItem';
import type { PlanView } from '../../ipc/bindings/PlanView';
import { AppError } from '../../ipc/index';
import { sampleView } from './fixtures';
import { relationshipMapView, resetMapState, stateFor } from './view';

/** A shell stand-in: save() calls `backend`, then re-renders the view with a new context, like the app shell. */
function mountView(view: PlanView, backend: (upserts: PlanItem[], deletes: unknown[]) => PlanView | Promise<PlanView>, readonly = false) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  const saves: Array<{ upserts: PlanItem[]; deletes: unknown[] }> = [];
  const render = (v: PlanView) => {
    const ctx: PlanContext = {
      view: v,
      readonly,
      save: async (upserts, deletes = []) => {
        saves.push({ upserts, deletes });
        const next = await backend(upserts, deletes);
        render(next);
        return next;
      },
      saveAccount: async () => {},
      replaceView: (next) => render(next),
      navigate: vi.fn(),
      href: (area) => `#/plan/${v.plan.id}/${area}`,
    };
    relationshipMapView(root, ctx);
  };
  render(view);
  return { root, saves };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function openFromChart(root: HTMLElement, id: string) {
  const card = root.querySelector(`.rm-card[data-contact-id="${id}"]`)!;
  card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
}

describe('relationshipMapView', () => {
  beforeEach(() => {
    resetMapState();
    deleteContact.mockReset();
  });
  afterEach(() => document.body.replaceChildren());

  it('shows the chart, the summary and the coverage gaps panel', () => {
    const { root } = mountView(sampleView(), () => sampleView());
    expect(root.querySelector('.rm-summary')?.textContent).toContain('5 people · 5 coverage gaps');
    expect(root.querySelectorAll('.rm-card')).toHaveLength(5);
    const gapItems = root.querySelectorAll('.rm-gaps .rm-gap');
    expect(gapItems).toHaveLength(5);
    expect(root.querySelector('.rm-gaps')?.textContent).toContain('Operations has no champion');
  });

  it('filters the chart to a buying center with the core chart of that buying center', () => {
    const { root } = mountView(sampleView(), () => sampleView());
    const sel = root.querySelector<HTMLSelectElement>('.rm-chart-filter')!;
    expect(Array.from(sel.options).map((o) => o.text)).toEqual(['Whole account', 'IT', 'Operations']);
    sel.value = 'ops';
    sel.dispatchEvent(new Event('change'));
    expect(Array.from(root.querySelectorAll<SVGGElement>('.rm-card')).map((c) => c.getAttribute('data-contact-id'))).toEqual(['dan', 'eve']);
    expect(root.querySelector('.rm-card[data-contact-id="eve"]')?.getAttribute('transform')).toBe('translate(0 112)');
  });

  it('opens a person from a gap, and a buying-center gap filters to it', () => {
    const { root } = mountView(sampleView(), () => sampleView());
    const cleoGap = root.querySelector<HTMLButtonElement>('.rm-gap[data-contact-id="cleo"] .rm-gap-link')!;
    cleoGap.click();
    expect(root.querySelector('.rm-panel h2')?.textContent).toBe('Cléo Chen');
    expect(root.querySelector('.rm-card[data-contact-id="cleo"]')?.classList.contains('rm-selected')).toBe(true);
    (root.querySelector('.rm-close') as HTMLButtonElement).click();
    root.querySelector<HTMLButtonElement>('.rm-gap[data-kind="no_champion"] .rm-gap-link')!.click();
    expect(root.querySelector<HTMLSelectElement>('.rm-chart-filter')?.value).toBe('ops');
    expect(root.querySelectorAll('.rm-card')).toHaveLength(2);
  });

  it('edits a person and saves the contact; the panel stays open on the new view', async () => {
    const { root, saves } = mountView(sampleView(), (upserts) => {
      const v = sampleView();
      const item = upserts[0]!.item as PlanView['contacts'][number];
      v.contacts = v.contacts.map((c) => (c.id === item.id ? item : c));
      return v;
    });
    openFromChart(root, 'ben');
    const form = root.querySelector<HTMLFormElement>('.rm-contact-form')!;
    const title = form.querySelectorAll<HTMLInputElement>('input[type="text"]')[1]!;
    title.value = 'VP Infrastructure';
    form.querySelector<HTMLButtonElement>('.rm-verified-today')!.click();
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(saves).toHaveLength(1);
    const saved = saves[0]!.upserts[0]!;
    expect(saved.kind).toBe('contact');
    expect(saved.item).toMatchObject({ id: 'ben', title: 'VP Infrastructure', verified_on: '2026-06-01', reports_to: 'ann' });
    expect(root.querySelector('.rm-panel h2')?.textContent).toBe('Ben Baker');
    expect(root.querySelector('.rm-flash')?.textContent).toContain('Saved Ben Baker');
  });

  it('shows a reports-to cycle at the reports-to field and keeps what the user typed', async () => {
    const msg = 'Ann Archer cannot report to Cléo Chen: that would make a loop (Ann Archer → Cléo Chen → Ben Baker → Ann Archer)';
    const { root } = mountView(sampleView(), () => {
      throw new AppError('reports_to_cycle', msg, 'reports_to');
    });
    openFromChart(root, 'ann');
    const form = root.querySelector<HTMLFormElement>('.rm-contact-form')!;
    const name = form.querySelector<HTMLInputElement>('input[type="text"]')!;
    name.value = 'Ann A. Archer';
    const reports = form.querySelector<HTMLSelectElement>('.rm-reports-to')!;
    reports.value = 'cleo';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    const fieldEl = form.querySelector<HTMLElement>('.field[data-field="reports_to"]')!;
    expect(fieldEl.classList.contains('has-error')).toBe(true);
    expect(fieldEl.querySelector('.field-error')?.textContent).toBe(msg);
    expect(reports.getAttribute('aria-invalid')).toBe('true');
    // Same form, same input.
    expect(root.querySelector('.rm-contact-form')).toBe(form);
    expect(name.value).toBe('Ann A. Archer');
    expect(reports.value).toBe('cleo');
  });

  it('shows a refused dotted-line manager at the dotted-line field', async () => {
    const { root } = mountView(sampleView(), () => {
      throw new AppError('conflict', 'A dotted-line manager cannot also be the solid-line manager', 'dotted_line_to');
    });
    openFromChart(root, 'cleo');
    const form = root.querySelector<HTMLFormElement>('.rm-contact-form')!;
    const add = form.querySelector<HTMLSelectElement>('.rm-dotted-add')!;
    add.value = 'ben';
    add.dispatchEvent(new Event('change'));
    expect(Array.from(form.querySelectorAll('.rm-chip')).map((c) => c.firstChild?.textContent)).toEqual(['Dan Diaz', 'Ben Baker']);
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(form.querySelector('.field[data-field="dotted_line_to"] .field-error')?.textContent).toContain('cannot also be the solid-line manager');
  });

  it('adds a new contact in the buying center being viewed', async () => {
    const { root, saves } = mountView(sampleView(), (upserts) => {
      const v = sampleView();
      v.contacts = [...v.contacts, upserts[0]!.item as PlanView['contacts'][number]];
      return v;
    });
    (root.querySelector('.rm-add') as HTMLButtonElement).click();
    const form = root.querySelector<HTMLFormElement>('.rm-contact-form')!;
    expect(root.querySelector('.rm-panel h2')?.textContent).toBe('New contact');
    form.querySelector<HTMLInputElement>('input[type="text"]')!.value = '  Fay Fox ';
    form.querySelector<HTMLButtonElement>('.rm-add-rel')!.click();
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    const item = saves[0]!.upserts[0]!.item as PlanView['contacts'][number];
    expect(item).toMatchObject({ name: 'Fay Fox', buying_center_id: 'it', reports_to: null });
    expect(item.relationships).toEqual([{ team_member_id: 'm1', level: 'credible_source', owner: true }]);
    expect(item.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(root.querySelector('.rm-panel h2')?.textContent).toBe('Fay Fox');
  });

  it('drags a card onto a new manager and shows a refused move in a banner, chart unchanged', async () => {
    let fail = true;
    const { root, saves } = mountView(sampleView(), (upserts) => {
      if (fail) throw new AppError('reports_to_cycle', 'Ann Archer cannot report to Ben Baker: that would make a loop (Ann Archer → Ben Baker → Ann Archer)', 'reports_to');
      const v = sampleView();
      const item = upserts[0]!.item as PlanView['contacts'][number];
      v.contacts = v.contacts.map((c) => (c.id === item.id ? item : c));
      return v;
    });
    const stage = root.querySelector<HTMLElement>('.rm-stage')!;
    stage.getBoundingClientRect = () => ({ left: 0, top: 0, width: 800, height: 600 }) as DOMRect;
    const st = stateFor('plan-1');
    // Chart coordinates to client coordinates under the current zoom (it may fit itself once laid out).
    const at = (x: number, y: number) => {
      const { k, tx, ty } = st.transforms['']!;
      return { clientX: x * k + tx, clientY: y * k + ty };
    };
    const fire = (el: Element, type: string, p: { clientX: number; clientY: number }) =>
      el.dispatchEvent(new MouseEvent(type, { bubbles: true, button: 0, ...p }));
    const svg = root.querySelector('svg.rm-svg')!;
    const chartBefore = svg;
    // Ann (0,0) onto Ben (0,112): a loop.
    fire(root.querySelector('.rm-card[data-contact-id="ann"] rect')!, 'pointerdown', at(50, 30));
    fire(svg, 'pointermove', at(60, 80));
    fire(svg, 'pointerup', at(50, 140));
    await flush();
    expect(saves[0]!.upserts[0]!.item).toMatchObject({ id: 'ann', reports_to: 'ben' });
    expect(root.querySelector('.rm-flash.error')?.textContent).toContain('that would make a loop');
    expect(root.querySelector('svg.rm-svg')).toBe(chartBefore);
    // Eve (204,112) onto Ann (0,0): saved, and the view re-rendered says so.
    fail = false;
    fire(root.querySelector('.rm-card[data-contact-id="eve"] rect')!, 'pointerdown', at(250, 140));
    fire(svg, 'pointermove', at(200, 90));
    fire(svg, 'pointerup', at(40, 30));
    await flush();
    expect(saves[1]!.upserts[0]!.item).toMatchObject({ id: 'eve', reports_to: 'ann' });
    expect(root.querySelector('.rm-flash')?.textContent).toContain('now reports to Ann Archer');
  });

  it('adds and deletes lines of influence, showing a refused duplicate', async () => {
    let fail = false;
    const { root, saves } = mountView(sampleView(), () => {
      if (fail) throw new AppError('conflict', 'That line is already drawn', 'to_contact_id');
      return sampleView();
    });
    openFromChart(root, 'ann');
    const lines = root.querySelector<HTMLElement>('.rm-lines-section')!;
    expect(lines.textContent).toContain('→ Influences Ben Baker');
    const kind = lines.querySelector<HTMLSelectElement>('.rm-line-kind')!;
    const person = lines.querySelector<HTMLSelectElement>('.rm-line-person')!;
    kind.value = 'influenced_by';
    person.value = 'dan';
    lines.querySelector<HTMLFormElement>('.rm-line-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(saves[0]!.upserts[0]).toMatchObject({ kind: 'line', item: { from_contact_id: 'dan', to_contact_id: 'ann', kind: 'influence' } });
    fail = true;
    const section = root.querySelector<HTMLElement>('.rm-lines-section')!;
    section.querySelector<HTMLSelectElement>('.rm-line-person')!.value = 'ben';
    section.querySelector<HTMLFormElement>('.rm-line-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(section.querySelector('.field[data-field="line_person"] .field-error')?.textContent).toBe('That line is already drawn');
    fail = false;
    section.querySelector<HTMLButtonElement>('.rm-line-delete')!.click();
    await flush();
    expect(saves[2]).toEqual({ upserts: [], deletes: [{ kind: 'line', id: 'l1' }] });
  });

  it('asks where the reports go when deleting a manager, then replaces the view', async () => {
    const after = sampleView();
    after.contacts = after.contacts.filter((c) => c.id !== 'ben');
    deleteContact.mockResolvedValue(after);
    const { root } = mountView(sampleView(), () => sampleView());
    openFromChart(root, 'ben');
    (root.querySelector('.rm-delete') as HTMLButtonElement).click();
    const dialog = document.querySelector<HTMLDialogElement>('.rm-delete-dialog')!;
    expect(dialog.textContent).toContain('1 person reports to Ben Baker');
    expect(dialog.textContent).toContain('Cléo Chen');
    const where = dialog.querySelector<HTMLSelectElement>('.rm-delete-where')!;
    // Defaults to Ben's own manager; Cléo cannot be her own manager.
    expect(where.value).toBe('ann');
    expect(Array.from(where.options).map((o) => o.value)).not.toContain('cleo');
    where.value = '';
    dialog.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(deleteContact).toHaveBeenCalledWith('plan-1', 'ben', null);
    expect(root.querySelectorAll('.rm-card')).toHaveLength(4);
    expect(root.querySelector('.rm-panel')).toBeNull();
    expect(root.querySelector('.rm-flash')?.textContent).toContain('Deleted Ben Baker');
    expect(document.querySelector('.rm-delete-dialog')).toBeNull();
  });

  it('keeps the tab and list filters across the re-render after a save', async () => {
    const { root } = mountView(sampleView(), () => sampleView());
    (root.querySelector('.rm-tab[data-tab="list"]') as HTMLButtonElement).click();
    const role = root.querySelector<HTMLSelectElement>('.rm-filter-role')!;
    role.value = 'decision_maker';
    role.dispatchEvent(new Event('change'));
    root.querySelector<HTMLButtonElement>('tr[data-contact-id="ben"] .rm-open')!.click();
    root.querySelector<HTMLFormElement>('.rm-contact-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(root.querySelector('.rm-tab.active')?.getAttribute('data-tab')).toBe('list');
    expect(root.querySelector<HTMLSelectElement>('.rm-filter-role')?.value).toBe('decision_maker');
    expect(Array.from(root.querySelectorAll<HTMLElement>('tbody tr[data-contact-id]')).map((r) => r.dataset.contactId)).toEqual(['ben']);
  });

  it('shows the who-knows-whom grid', () => {
    const { root } = mountView(sampleView(), () => sampleView());
    (root.querySelector('.rm-tab[data-tab="grid"]') as HTMLButtonElement).click();
    expect(root.querySelectorAll('.rm-grid-table tbody tr')).toHaveLength(3);
  });

  it('has no edit controls in a read-only snapshot', () => {
    const { root } = mountView(sampleView(), () => sampleView(), true);
    expect(root.querySelector('.rm-add')).toBeNull();
    openFromChart(root, 'ann');
    expect(root.querySelector('.rm-save')).toBeNull();
    expect(root.querySelector('.rm-delete')).toBeNull();
    expect(root.querySelector('.rm-line-form')).toBeNull();
    expect(root.querySelector<HTMLInputElement>('.rm-contact-form input')?.disabled).toBe(true);
  });
});
