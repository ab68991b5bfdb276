// The account's lists: team, initiatives, competitors, engagement history, buying triggers.
// Existing rows edit in place; new rows come from a small add form and appear once saved.
import type { Account } from '../../ipc/bindings/Account';
import type { InteractionKind } from '../../ipc/bindings/InteractionKind';
import type { TeamRole } from '../../ipc/bindings/TeamRole';
import type { TriggerKind } from '../../ipc/bindings/TriggerKind';
import { h, replaceChildren, type Child } from '../../shared/dom';
import { formatDate } from '../../shared/format';
import { field, select, setFieldError } from '../../shared/forms';
import { newId } from '../../shared/ids';
import { INTERACTION_KINDS, options, TEAM_ROLES, TRIGGER_KINDS } from '../../shared/labels';
import { LocalError, type AccountEditor } from './editor';

export interface Section {
  name: string;
  el: HTMLElement;
  render(): void;
}

type ListKey = 'team' | 'initiatives' | 'competitors' | 'interactions' | 'buying_triggers';
type Item<K extends ListKey> = Account[K][number];

/** Finds the list item with `id` in the account copy being saved (it may have gone meanwhile). */
function itemIn<K extends ListKey>(account: Account, key: K, id: string): Item<K> {
  const list = account[key] as Array<Item<K>>;
  const item = list.find((x) => x.id === id);
  if (!item) throw new LocalError('This item was removed meanwhile.');
  return item;
}

function removeFrom(account: Account, key: ListKey, id: string): void {
  const list = account[key] as Array<{ id: string }>;
  (account as unknown as Record<string, unknown>)[key] = list.filter((x) => x.id !== id);
}

function errorSlot(): HTMLElement {
  return h('div', { class: 'item-error' }, h('div', { class: 'field-error', role: 'alert' }));
}

function requireDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new LocalError('Enter a date');
  return value;
}

interface SectionSpec {
  name: string;
  title: string;
  intro?: string;
  /** Builds the rows from the last saved account. */
  rows(ed: AccountEditor, rerender: () => void): HTMLElement[];
  empty: string;
  addForm(ed: AccountEditor, added: () => void): HTMLElement | null;
}

function section(ed: AccountEditor, spec: SectionSpec): Section {
  const id = `ov-${spec.name}`;
  const list = h('div', { class: 'item-list' });
  const el = h(
    'section',
    { class: ['card', `ov-${spec.name}`], 'aria-labelledby': id },
    h('h2', { id }, spec.title),
    spec.intro ? h('p', { class: 'muted small' }, spec.intro) : null,
    list,
  );
  const render = () => {
    const rows = spec.rows(ed, render);
    replaceChildren(list, rows.length ? rows : h('p', { class: 'muted empty-list' }, spec.empty));
  };
  render();
  if (!ed.readonly) {
    const form = spec.addForm(ed, render);
    if (form) el.append(form);
  }
  return { name: spec.name, el, render };
}

/** A row: its fields, a Remove button, and a slot for messages about the row as a whole. */
function itemRow(ed: AccountEditor, key: ListKey, id: string, label: string, fields: Child[], removed: () => void): HTMLElement {
  const slot = errorSlot();
  const remove = ed.readonly
    ? null
    : h(
        'button',
        {
          type: 'button',
          class: 'small danger remove',
          'aria-label': `Remove ${label}`,
          onclick: async () => {
            remove!.disabled = true;
            const ok = await ed.commit(slot, (a) => removeFrom(a, key, id));
            if (ok) removed();
            else remove!.disabled = false;
          },
        },
        'Remove',
      );
  return h('div', { class: ['item-row', `item-${key}`], dataset: { id } }, h('div', { class: 'item-fields' }, fields), remove ? h('div', { class: 'item-actions' }, remove) : null, slot);
}

/**
 * An add form: its fields (made with `field()`), a submit button, and `build` producing the
 * change. Back-end messages land under the field they name (`team.name` -> the field registered
 * as `name`), others under the form.
 */
function addForm(
  ed: AccountEditor,
  opts: {
    label: string;
    submit: string;
    fields: Record<string, HTMLElement>;
    build: (account: Account) => void;
    added: () => void;
    focus: HTMLElement;
    reset: () => void;
  },
): HTMLFormElement {
  const formSlot = errorSlot();
  const button = h('button', { type: 'submit', class: 'primary' }, opts.submit);
  const form = h(
    'form',
    {
      class: 'add-form',
      'aria-label': opts.label,
      onsubmit: async (e: Event) => {
        e.preventDefault();
        button.disabled = true;
        for (const f of Object.values(opts.fields)) setFieldError(f, null);
        setFieldError(formSlot, null);
        const ok = await ed.commit(
          (errField) => {
            const last = errField?.split('.').pop();
            return (last && opts.fields[last]) || formSlot;
          },
          opts.build,
        );
        button.disabled = false;
        if (ok) {
          opts.reset();
          opts.added();
          opts.focus.focus();
        }
      },
    },
    h('div', { class: 'add-fields' }, Object.values(opts.fields), h('div', { class: 'add-actions' }, button)),
    formSlot,
  );
  return form;
}

// ---------------------------------------------------------------- team

export function renderTeam(ed: AccountEditor, teamChanged: () => void): Section {
  return section(ed, {
    name: 'team',
    title: 'Account team',
    intro: 'Our people on this account.',
    empty: 'No one on the team yet.',
    rows: (e, rerender) =>
      e.account.team.map((m) => {
        const name = h('input', { type: 'text', value: m.name, autocomplete: 'off' });
        const nameField = field({ label: 'Name', control: name });
        e.bindText(name, () => nameField, (a, v) => {
          itemIn(a, 'team', m.id).name = v;
        }, teamChanged);
        const role = select(options(TEAM_ROLES), m.role);
        const roleField = field({ label: 'Role', control: role });
        e.bindChoice(role, () => roleField, (a, v) => {
          itemIn(a, 'team', m.id).role = v as TeamRole;
        });
        return itemRow(e, 'team', m.id, m.name || 'team member', [nameField, roleField], () => {
          rerender();
          teamChanged();
        });
      }),
    addForm: (e, added) => {
      const name = h('input', { type: 'text', autocomplete: 'off' });
      const role = select(options(TEAM_ROLES), 'account_manager');
      const fields = { name: field({ label: 'New member’s name', control: name }), role: field({ label: 'Role', control: role }) };
      return addForm(e, {
        label: 'Add a team member',
        submit: 'Add member',
        fields,
        focus: name,
        build: (a) => {
          a.team.push({ id: newId(), name: name.value, role: role.value as TeamRole });
        },
        reset: () => {
          name.value = '';
        },
        added: () => {
          added();
          teamChanged();
        },
      });
    },
  });
}

// ---------------------------------------------------------------- initiatives

export function renderInitiatives(ed: AccountEditor): Section {
  return section(ed, {
    name: 'initiatives',
    title: 'Key initiatives',
    intro: 'The customer’s initiatives, each with the critical success factors that decide it.',
    empty: 'No initiative recorded yet.',
    rows: (e, rerender) =>
      e.account.initiatives.map((i) => {
        const name = h('input', { type: 'text', value: i.name, autocomplete: 'off' });
        const nameField = field({ label: 'Initiative', control: name });
        e.bindText(name, () => nameField, (a, v) => {
          itemIn(a, 'initiatives', i.id).name = v;
        });
        const desc = h('textarea', { rows: '2' });
        desc.value = i.description;
        const descField = field({ label: 'Description', control: desc });
        e.bindText(desc, () => descField, (a, v) => {
          itemIn(a, 'initiatives', i.id).description = v;
        });
        const factors = h('textarea', { rows: '3' });
        factors.value = i.success_factors.join('\n');
        const factorsField = field({ label: 'Critical success factors', control: factors, hint: 'One per line.' });
        e.bindText(factors, () => factorsField, (a, v) => {
          itemIn(a, 'initiatives', i.id).success_factors = v
            .split('\n')
            .map((f) => f.trim())
            .filter((f) => f.length > 0);
        });
        return itemRow(e, 'initiatives', i.id, i.name || 'initiative', [nameField, descField, factorsField], rerender);
      }),
    addForm: (e, added) => {
      const name = h('input', { type: 'text', autocomplete: 'off' });
      return addForm(e, {
        label: 'Add an initiative',
        submit: 'Add initiative',
        fields: { name: field({ label: 'New initiative', control: name }) },
        focus: name,
        build: (a) => {
          a.initiatives.push({ id: newId(), name: name.value, description: '', success_factors: [] });
        },
        reset: () => {
          name.value = '';
        },
        added,
      });
    },
  });
}

// ---------------------------------------------------------------- competitors

export function renderCompetitors(ed: AccountEditor): Section {
  type Key = 'name' | 'strengths' | 'weaknesses' | 'counter_strategy';
  return section(ed, {
    name: 'competitors',
    title: 'Competitive environment',
    empty: 'No competitor recorded yet.',
    rows: (e, rerender) =>
      e.account.competitors.map((c) => {
        const make = (key: Key, label: string, multiline: boolean) => {
          const control = multiline ? h('textarea', { rows: '2' }) : h('input', { type: 'text', autocomplete: 'off' });
          control.value = c[key];
          const f = field({ label, control });
          e.bindText(control, () => f, (a, v) => {
            itemIn(a, 'competitors', c.id)[key] = v;
          });
          return f;
        };
        return itemRow(
          e,
          'competitors',
          c.id,
          c.name || 'competitor',
          [make('name', 'Competitor', false), make('strengths', 'Strengths', true), make('weaknesses', 'Weaknesses', true), make('counter_strategy', 'Our counter-strategy', true)],
          rerender,
        );
      }),
    addForm: (e, added) => {
      const name = h('input', { type: 'text', autocomplete: 'off' });
      return addForm(e, {
        label: 'Add a competitor',
        submit: 'Add competitor',
        fields: { name: field({ label: 'New competitor', control: name }) },
        focus: name,
        build: (a) => {
          a.competitors.push({ id: newId(), name: name.value, strengths: '', weaknesses: '', counter_strategy: '' });
        },
        reset: () => {
          name.value = '';
        },
        added,
      });
    },
  });
}

// ---------------------------------------------------------------- engagement history

function teamOptions(account: Account): Array<readonly [string, string]> {
  return [['', 'Nobody recorded'] as const, ...account.team.map((m) => [m.id, m.name] as const)];
}

/** Newest first; the same day keeps the stored order. */
export function newestFirst<T extends { date: string }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => (a.item.date === b.item.date ? a.i - b.i : a.item.date < b.item.date ? 1 : -1))
    .map((x) => x.item);
}

export function renderInteractions(ed: AccountEditor): Section {
  return section(ed, {
    name: 'interactions',
    title: 'Engagement history',
    intro: 'Dated interactions, newest first.',
    empty: 'No interaction recorded yet.',
    rows: (e, rerender) =>
      newestFirst(e.account.interactions).map((it) => {
        const date = h('input', { type: 'date', value: it.date });
        const dateField = field({ label: 'Date', control: date });
        e.bindChoice(date, () => dateField, (a, v) => {
          itemIn(a, 'interactions', it.id).date = requireDate(v);
        });
        const kind = select(options(INTERACTION_KINDS), it.kind);
        const kindField = field({ label: 'Kind', control: kind });
        e.bindChoice(kind, () => kindField, (a, v) => {
          itemIn(a, 'interactions', it.id).kind = v as InteractionKind;
        });
        const summary = h('input', { type: 'text', value: it.summary, autocomplete: 'off' });
        const summaryField = field({ label: 'Summary', control: summary, class: 'grow' });
        e.bindText(summary, () => summaryField, (a, v) => {
          itemIn(a, 'interactions', it.id).summary = v;
        });
        const who = select(teamOptions(e.account), it.team_member_id ?? '');
        const whoField = field({ label: 'Team member', control: who });
        e.bindChoice(who, () => whoField, (a, v) => {
          itemIn(a, 'interactions', it.id).team_member_id = v || null;
        });
        return itemRow(e, 'interactions', it.id, `interaction of ${formatDate(it.date)}`, [dateField, kindField, summaryField, whoField], rerender);
      }),
    addForm: (e, added) => {
      const today = e.today;
      const date = h('input', { type: 'date', value: today });
      const kind = select(options(INTERACTION_KINDS), 'meeting');
      const summary = h('input', { type: 'text', autocomplete: 'off' });
      const who = select(teamOptions(e.account), '');
      const form = addForm(e, {
        label: 'Add an interaction',
        submit: 'Add interaction',
        fields: {
          date: field({ label: 'Date', control: date }),
          kind: field({ label: 'Kind', control: kind }),
          summary: field({ label: 'Summary', control: summary, class: 'grow' }),
          team_member_id: field({ label: 'Team member', control: who }),
        },
        focus: summary,
        build: (a) => {
          a.interactions.push({ id: newId(), date: requireDate(date.value), kind: kind.value as InteractionKind, summary: summary.value, team_member_id: who.value || null });
        },
        reset: () => {
          summary.value = '';
          date.value = today;
        },
        added,
      });
      // The team may change while the form is open: refresh its choices when it gets focus.
      who.addEventListener('focus', () => {
        const keep = who.value;
        replaceChildren(who, ...teamOptions(e.account).map(([v, l]) => h('option', { value: v }, l)));
        who.value = keep;
      });
      return form;
    },
  });
}

// ---------------------------------------------------------------- buying triggers

export function renderTriggers(ed: AccountEditor): Section {
  return section(ed, {
    name: 'buying_triggers',
    title: 'Buying triggers',
    intro: 'Dated events that open a buying window: funding, a new executive, a merger, regulation, a contract renewal.',
    empty: 'No buying trigger recorded yet.',
    rows: (e, rerender) =>
      newestFirst(e.account.buying_triggers).map((t) => {
        const date = h('input', { type: 'date', value: t.date });
        const dateField = field({ label: 'Date', control: date });
        e.bindChoice(date, () => dateField, (a, v) => {
          itemIn(a, 'buying_triggers', t.id).date = requireDate(v);
        });
        const kind = select(options(TRIGGER_KINDS), t.kind);
        const kindField = field({ label: 'Kind', control: kind });
        e.bindChoice(kind, () => kindField, (a, v) => {
          itemIn(a, 'buying_triggers', t.id).kind = v as TriggerKind;
        });
        const desc = h('input', { type: 'text', value: t.description, autocomplete: 'off' });
        const descField = field({ label: 'Description', control: desc, class: 'grow' });
        e.bindText(desc, () => descField, (a, v) => {
          itemIn(a, 'buying_triggers', t.id).description = v;
        });
        return itemRow(e, 'buying_triggers', t.id, `trigger of ${formatDate(t.date)}`, [dateField, kindField, descField], rerender);
      }),
    addForm: (e, added) => {
      const today = e.today;
      const date = h('input', { type: 'date', value: today });
      const kind = select(options(TRIGGER_KINDS), 'new_executive');
      const desc = h('input', { type: 'text', autocomplete: 'off' });
      return addForm(e, {
        label: 'Add a buying trigger',
        submit: 'Add trigger',
        fields: {
          date: field({ label: 'Date', control: date }),
          kind: field({ label: 'Kind', control: kind }),
          description: field({ label: 'Description', control: desc, class: 'grow' }),
        },
        focus: desc,
        build: (a) => {
          a.buying_triggers.push({ id: newId(), date: requireDate(date.value), kind: kind.value as TriggerKind, description: desc.value });
        },
        reset: () => {
          desc.value = '';
          date.value = today;
        },
        added,
      });
    },
  });
}
