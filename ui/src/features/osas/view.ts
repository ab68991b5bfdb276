// OSAs: objectives, strategies and actions as an outline edited from the keyboard.
//
// Rendering is a pure function of the plan view (everything derived comes from the core) and
// the per-plan UI state in ./state (focus, typed text, drafts, filters...), so the shell can
// re-render after every save without losing the user's place. Every change goes through
// ONE ctx.save; saves are queued and each is built from the latest view.
import './osas.css';
import type { FeatureView } from '../../app/context';
import type { ActionStatus } from '../../ipc/bindings/ActionStatus';
import type { ObjectiveKind } from '../../ipc/bindings/ObjectiveKind';
import type { PlanView } from '../../ipc/bindings/PlanView';
import type { TeamMember } from '../../ipc/bindings/TeamMember';
import { h, replaceChildren } from '../../shared/dom';
import { formatDate } from '../../shared/format';
import { hideToast, showToast } from '../../shared/toast';
import * as M from './model';
import type { Row } from './model';
import { stateFor, type FieldError, type OsaState, type Undo } from './state';

export const osasView: FeatureView = (root, ctx) => {
  const st = stateFor(ctx.view.plan.id);
  const mount = {};
  st.ctx = ctx;
  st.view = ctx.view;
  st.root = root;
  st.mount = mount;
  const untrack = trackFocus(st, root);
  render(st);
  return () => {
    untrack();
    if (st.mount === mount) {
      st.mount = null;
      st.root = null;
    }
  };
};

/** Remembers what has focus inside the view, so a re-render can put it back. */
function trackFocus(st: OsaState, root: HTMLElement): () => void {
  const onIn = (e: FocusEvent) => {
    if (st.rendering || st.root !== root) return;
    const t = e.target as HTMLElement;
    const fid = t.dataset?.fid;
    if (fid) st.fid = fid;
    // Roving tab stop: Tab into the outline comes back to the row last focused.
    const item = t.closest?.('.osa-item');
    if (item) {
      for (const other of Array.from(root.querySelectorAll('.osa-item[tabindex="0"]'))) other.setAttribute('tabindex', '-1');
      item.setAttribute('tabindex', '0');
    }
  };
  const onOut = (e: FocusEvent) => {
    if (st.rendering || st.root !== root) return;
    const to = e.relatedTarget as Node | null;
    if (to && !root.contains(to)) st.fid = null; // the user went elsewhere in the app
  };
  root.addEventListener('focusin', onIn);
  root.addEventListener('focusout', onOut);
  return () => {
    root.removeEventListener('focusin', onIn);
    root.removeEventListener('focusout', onOut);
  };
}

const KIND_NOUN: Record<M.OsaKind, string> = { objective: 'Objective', strategy: 'Strategy', action: 'Action' };
const PLACEHOLDER: Record<M.OsaKind, string> = {
  objective: 'New objective: what do we want to achieve?',
  strategy: 'New strategy: how will we get there?',
  action: 'New action: who does what by when?',
};
/** Fields the core may name in an error, by where they are shown. */
const TITLE_FIELDS = new Set(['title', 'what']);
const DETAIL_FIELDS: Record<M.OsaKind, string[]> = {
  objective: ['kind', 'target', 'unit', 'starts_on', 'due_on', 'buying_center_id', 'initiative_id', 'owner_id'],
  strategy: [],
  action: ['owner_id', 'due_on', 'status'],
};

function readOnly(st: OsaState): boolean {
  return Boolean(st.ctx?.readonly) || st.view?.plan.status === 'closed';
}

// ---------- rendering ----------

function rerender(st: OsaState): void {
  if (st.root && st.mount) render(st);
}

function render(st: OsaState): void {
  const { root, view } = st;
  if (!root || !view) return;
  const ro = readOnly(st);
  const tree = M.sortedTree(view);
  st.drafts = st.drafts.filter((d) => !M.find(tree, d.kind, d.id));
  const out = M.outline(view, st.drafts, st.filters, st.keep);
  const team = new Map(view.account.team.map((m) => [m.id, m] as const));
  const focusKey = st.fid ? st.fid.split('|')[1] : null;
  const tabRow = out.rows.some((r) => r.key === focusKey) ? focusKey : out.rows[0]?.key;

  const rows = out.rows.map((row) => renderRow(st, view, row, out.rows, team, ro, row.key === tabRow));
  const hasAny = view.objectives.length > 0 || st.drafts.length > 0;

  const section = h(
    'section',
    { class: 'osas', 'aria-labelledby': 'osas-title' },
    h(
      'div',
      { class: 'page-header osa-header' },
      h('h2', { id: 'osas-title' }, 'Objectives, strategies and actions'),
      h(
        'div',
        { class: 'toolbar' },
        ro
          ? h('span', { class: 'badge' }, view.plan.status === 'closed' ? 'Closed plan: read only' : 'Snapshot: read only')
          : h('button', { type: 'button', class: 'primary', dataset: { fid: 'add-objective' }, onclick: () => addObjective(st) }, 'Add objective'),
      ),
    ),
    h(
      'p',
      { class: 'muted osa-intro' },
      'Objectives say what we want to achieve at this account (measurable, with a due date), strategies say how, actions say who does what by when.',
    ),
    renderFilters(st, view, out),
    ro ? null : renderHints(),
    hasAny
      ? h(
          'div',
          {
            class: ['osa-outline', ro && 'readonly'],
            role: 'tree',
            'aria-label': 'Objectives, strategies and actions',
            'aria-describedby': ro ? null : 'osa-hints',
          },
          rows,
          rows.length === 0
            ? h(
                'div',
                { class: 'empty-state' },
                h('p', null, 'Nothing matches the filters.'),
                h('button', { type: 'button', onclick: () => setFilters(st, M.NO_FILTERS) }, 'Clear filters'),
              )
            : null,
        )
      : renderEmpty(st, ro),
  );

  st.rendering = true;
  try {
    replaceChildren(root, section);
  } finally {
    st.rendering = false;
  }
  restoreFocus(st);
  if (st.scrollToError) {
    const item = byFid(root, `row|${st.scrollToError}`);
    const msg = item?.querySelector('.field-error');
    if (msg && typeof msg.scrollIntoView === 'function') msg.scrollIntoView({ block: 'nearest' });
    st.scrollToError = null;
  }
}

function renderEmpty(st: OsaState, ro: boolean): HTMLElement {
  return h(
    'div',
    { class: 'card empty-state' },
    h('p', null, 'No objectives yet.'),
    ro
      ? null
      : h(
          'p',
          { class: 'small' },
          'Start with what you want to achieve at this account: revenue in a buying center, a relationship to build, a position to win or a marketing goal. ',
          h('button', { type: 'button', class: 'link', onclick: () => addObjective(st) }, 'Add the first objective'),
        ),
  );
}

function renderHints(): HTMLElement {
  const k = (...keys: string[]) =>
    keys.flatMap((key, i) => [i ? ' / ' : null, h('kbd', null, key)]).filter((x) => x !== null);
  const item = (keys: HTMLElement[] | (HTMLElement | string)[], what: string) => h('span', { class: 'osa-hint' }, keys, ' ', what);
  return h(
    'p',
    { class: 'osa-hints small', id: 'osa-hints' },
    item(k('Enter'), 'new below'),
    item(k('Tab'), 'indent'),
    item(k('Shift+Tab'), 'outdent'),
    item(k('Alt+\u2191', 'Alt+\u2193'), 'move'),
    item(k('Ctrl+Enter', 'Space'), 'done'),
    item(k('Delete'), 'delete'),
    item(k('F2'), 'details'),
    item(k('Esc'), 'stop editing'),
    item(k('Ctrl+Z'), 'undo delete'),
    item(k('\u2191', '\u2193'), 'go to row'),
    h('span', { class: 'osa-hint' }, 'drag ', h('span', { class: 'osa-grip-sample', 'aria-hidden': 'true' }, '\u2807'), ' to reorder'),
  );
}

function renderFilters(st: OsaState, view: PlanView, out: M.Outline): HTMLElement {
  const f = st.filters;
  const select = (
    name: keyof M.Filters,
    label: string,
    options: Array<[string, string]>,
  ): HTMLElement => {
    const id = `osa-filter-${name}`;
    return h(
      'label',
      { class: 'osa-filter', for: id },
      h('span', null, label),
      h(
        'select',
        {
          id,
          dataset: { fid: `filter|${name}` },
          onchange: (e: Event) => setFilters(st, { ...st.filters, [name]: (e.target as HTMLSelectElement).value }),
        },
        options.map(([value, text]) => h('option', { value, selected: f[name] === value }, text)),
      ),
    );
  };
  const owners: Array<[string, string]> = [
    ['', 'Everyone'],
    [M.UNASSIGNED, 'No owner'],
    ...view.account.team.map((m): [string, string] => [m.id, m.name]),
  ];
  const active = M.filtersActive(f);
  return h(
    'div',
    { class: 'osa-filters', role: 'group', 'aria-label': 'Filters' },
    select('owner', 'Owner', owners),
    select('status', 'Status', [['', 'Any status'], ...M.ACTION_STATUSES.map((s): [string, string] => [s, M.STATUS_LABEL[s]])]),
    select('kind', 'Kind', [['', 'All kinds'], ...M.OBJECTIVE_KINDS.map((k): [string, string] => [k, M.KIND_LABEL[k]])]),
    active
      ? h(
          'span',
          { class: 'osa-filter-count small' },
          out.hidden ? `${out.hidden} of ${out.total} items hidden by filters` : 'Everything matches',
          ' ',
          h('button', { type: 'button', class: 'link', dataset: { fid: 'filter|clear' }, onclick: () => setFilters(st, M.NO_FILTERS) }, 'Clear filters'),
        )
      : null,
  );
}

function ownerName(team: Map<string, TeamMember>, id: string | null): string {
  if (!id) return 'No owner';
  return team.get(id)?.name ?? 'Unknown owner';
}

function renderRow(
  st: OsaState,
  view: PlanView,
  row: Row,
  rows: Row[],
  team: Map<string, TeamMember>,
  ro: boolean,
  tabStop: boolean,
): HTMLElement {
  const err = st.errors.get(row.key);
  const titleErr = err && (TITLE_FIELDS.has(err.field) || (!DETAIL_FIELDS[row.kind].includes(err.field))) ? err : undefined;
  const errId = `osa-err-${row.key.replace(':', '-')}`;
  const typed = st.typed.get(row.key);
  const text = typed ?? row.title;
  const a = row.action;
  const done = a?.status === 'done';

  const title = ro
    ? h('span', { class: 'osa-title-text' }, row.title)
    : h('input', {
        type: 'text',
        class: 'osa-title',
        value: text,
        placeholder: PLACEHOLDER[row.kind],
        // Sized to the text, so a long title takes the room and the figures wrap below it.
        size: String(Math.min(90, Math.max(row.kind === 'objective' ? 30 : 36, text.length + 2))),
        'aria-label': `${KIND_NOUN[row.kind]} title`,
        'aria-invalid': titleErr ? 'true' : null,
        'aria-describedby': titleErr ? errId : null,
        tabindex: -1,
        spellcheck: 'true',
        dataset: { fid: `title|${row.key}` },
        oninput: (e: Event) => {
          const v = (e.target as HTMLInputElement).value;
          if (row.draft) row.draft.text = v;
          else st.typed.set(row.key, v);
          rememberCaret(st, e.target as HTMLInputElement);
        },
        onkeyup: (e: Event) => rememberCaret(st, e.target as HTMLInputElement),
        onmouseup: (e: Event) => rememberCaret(st, e.target as HTMLInputElement),
        onblur: (e: Event) => onTitleBlur(st, row, e.target as HTMLInputElement),
      });

  const line = h(
    'div',
    { class: 'osa-line' },
    ro
      ? null
      : h(
          'span',
          {
            class: 'osa-grip',
            draggable: row.draft ? null : 'true',
            title: 'Drag to reorder',
            'aria-hidden': 'true',
            ondragstart: (e: Event) => onDragStart(st, row, e as DragEvent),
            ondragend: () => onDragEnd(st),
          },
          '\u2807',
        ),
    row.kind === 'action'
      ? h('input', {
          type: 'checkbox',
          class: 'osa-done',
          checked: done,
          disabled: ro || Boolean(row.draft),
          tabindex: -1,
          'aria-label': 'Done',
          onchange: () => doToggle(st, row),
        })
      : null,
    row.kind === 'objective'
      ? h('span', { class: ['badge', 'osa-kind', `osa-kind-${row.objective?.kind ?? row.draft?.objectiveKind}`] }, M.KIND_LABEL[(row.objective?.kind ?? row.draft?.objectiveKind) as ObjectiveKind])
      : null,
    title,
    row.kind === 'action' && a ? renderActionMeta(team, a) : null,
    row.kind === 'objective' && row.objective ? renderProgress(row.objective.progress) : null,
    row.draft ? h('span', { class: 'osa-draft-note small muted' }, row.draft.saving ? 'saving\u2026' : 'new: Enter saves') : null,
    ro || row.draft
      ? null
      : h(
          'span',
          { class: 'osa-row-buttons' },
          row.kind === 'objective'
            ? h('button', { type: 'button', class: 'small', tabindex: -1, title: 'Add a strategy to this objective', onclick: () => addChild(st, row) }, '+ Strategy')
            : null,
          row.kind === 'strategy'
            ? h('button', { type: 'button', class: 'small', tabindex: -1, title: 'Add an action to this strategy', onclick: () => addChild(st, row) }, '+ Action')
            : null,
          row.kind !== 'strategy'
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'small osa-details-toggle',
                  tabindex: -1,
                  'aria-expanded': st.details.has(row.key) ? 'true' : 'false',
                  onclick: () => toggleDetails(st, row),
                },
                st.details.has(row.key) ? 'Hide details' : 'Details',
              )
            : null,
        ),
  );

  const meta = row.kind === 'objective' && row.objective ? renderObjectiveMeta(view, team, row.objective) : null;

  const item = h(
    'div',
    {
      class: [
        'osa-item',
        `osa-${row.kind}`,
        `osa-level-${row.level}`,
        row.draft && 'osa-draft',
        a && `osa-status-${a.status}`,
        a?.overdue && 'osa-is-overdue',
      ],
      role: 'treeitem',
      'aria-level': String(row.level + 1),
      'aria-label': `${KIND_NOUN[row.kind]}: ${text || '(untitled)'}${a ? `, ${M.STATUS_LABEL[a.status]}${a.overdue ? ', overdue' : ''}` : ''}`,
      tabindex: tabStop ? 0 : -1,
      dataset: { key: row.key, fid: `row|${row.key}` },
      onkeydown: (e: Event) => onKey(st, row, rows, e as KeyboardEvent),
      ondragover: (e: Event) => onDragOver(st, row, rows, e as DragEvent),
      ondragleave: (e: Event) => (e.currentTarget as HTMLElement).classList.remove('drop-before', 'drop-after'),
      ondrop: (e: Event) => onDrop(st, row, e as DragEvent),
    },
    line,
    meta,
    titleErr ? h('div', { class: 'field-error osa-row-error', id: errId, role: 'alert' }, titleErr.message) : null,
    st.confirm?.key === row.key ? renderConfirm(st, row) : null,
    !ro && !row.draft && st.details.has(row.key) ? renderDetails(st, view, row, err) : null,
  );
  return item;
}

function renderProgress(p: { actions: number; done: number; progress: number | null; overdue: number }): HTMLElement {
  const label = p.actions === 0 ? 'No actions yet' : `${p.done} of ${p.actions} actions done`;
  const fill = h('span', { class: 'osa-bar-fill' });
  fill.style.width = `${Math.round((p.progress ?? 0) * 100)}%`;
  return h(
    'span',
    { class: 'osa-progress' },
    h(
      'span',
      {
        class: 'osa-bar',
        role: 'progressbar',
        'aria-label': 'Actions done',
        'aria-valuemin': '0',
        'aria-valuemax': String(p.actions),
        'aria-valuenow': String(p.done),
        'aria-valuetext': label,
      },
      fill,
    ),
    h('span', { class: 'osa-progress-text' }, label),
    p.overdue > 0 ? h('span', { class: 'badge red osa-overdue' }, warningIcon(), `${p.overdue} overdue`) : null,
  );
}

function renderObjectiveMeta(
  view: PlanView,
  team: Map<string, TeamMember>,
  o: NonNullable<Row['objective']>,
): HTMLElement {
  const parts: Array<HTMLElement> = [];
  const chip = (label: string, value: string, cls?: string) =>
    h('span', { class: ['osa-chip', cls] }, h('span', { class: 'osa-chip-label' }, label), ' ', value);
  const target = [o.target.trim(), o.unit.trim()].filter(Boolean).join(' ');
  parts.push(target ? chip('Target', target) : chip('Target', 'not set', 'osa-missing'));
  if (o.starts_on) parts.push(chip('From', formatDate(o.starts_on)));
  parts.push(o.due_on ? chip('Due', formatDate(o.due_on)) : chip('Due', 'not set', 'osa-missing'));
  parts.push(chip('Owner', ownerName(team, o.owner_id), o.owner_id ? undefined : 'osa-missing'));
  if (o.buying_center_id) {
    const bc = view.buying_centers.find((b) => b.id === o.buying_center_id);
    parts.push(chip('Buying center', bc?.name ?? 'unknown'));
  }
  if (o.initiative_id) {
    const ini = view.account.initiatives.find((i) => i.id === o.initiative_id);
    parts.push(chip('Initiative', ini?.name ?? 'unknown'));
  }
  if (!o.buying_center_id && !o.initiative_id) parts.push(chip('Tied to', 'no buying center or initiative', 'osa-missing'));
  const campaigns = M.campaignsServing(view, o.id);
  if (campaigns.length) parts.push(chip('Campaigns', campaigns.join(', ')));
  return h('div', { class: 'osa-meta' }, parts);
}

function renderActionMeta(team: Map<string, TeamMember>, a: NonNullable<Row['action']>): HTMLElement {
  return h(
    'span',
    { class: 'osa-action-meta' },
    h('span', { class: ['osa-owner', !a.owner_id && 'osa-missing'] }, ownerName(team, a.owner_id)),
    h('span', { class: 'osa-due' }, a.due_on ? `due ${formatDate(a.due_on)}` : 'no due date'),
    a.status !== 'open' ? h('span', { class: ['badge', STATUS_BADGE[a.status]] }, M.STATUS_LABEL[a.status]) : null,
    a.overdue ? h('span', { class: 'badge red osa-overdue' }, warningIcon(), 'Overdue') : null,
  );
}

const STATUS_BADGE: Record<ActionStatus, string> = { open: '', done: 'green', blocked: 'amber', dropped: '' };

/** A small warning triangle (SVG built node by node; no markup strings). */
function warningIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '12');
  svg.setAttribute('height', '12');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'osa-icon');
  const tri = document.createElementNS(ns, 'path');
  tri.setAttribute('d', 'M8 1.5 15 14.5H1z');
  tri.setAttribute('fill', 'currentColor');
  const bang = document.createElementNS(ns, 'path');
  bang.setAttribute('d', 'M7.25 6h1.5v4.5h-1.5zM7.25 11.5h1.5V13h-1.5z');
  bang.setAttribute('fill', '#fff');
  svg.append(tri, bang);
  return svg;
}

function renderConfirm(st: OsaState, row: Row): HTMLElement {
  const msgId = `osa-confirm-${row.id}`;
  return h(
    'div',
    { class: 'osa-confirm', role: 'alertdialog', 'aria-label': 'Confirm delete', 'aria-describedby': msgId },
    h('span', { id: msgId }, st.confirm?.message ?? ''),
    h('button', { type: 'button', class: 'danger small', dataset: { fid: `confirm-yes|${row.key}` }, onclick: () => executeDelete(st, row) }, 'Delete'),
    h('button', { type: 'button', class: 'small', dataset: { fid: `confirm-no|${row.key}` }, onclick: () => cancelConfirm(st, row) }, 'Cancel'),
  );
}

function renderDetails(st: OsaState, view: PlanView, row: Row, err: FieldError | undefined): HTMLElement {
  const pending = st.pending.get(row.key) ?? {};
  const value = (field: string, saved: string | null) => (field in pending ? pending[field] : saved ?? '');
  const field = (name: string, label: string, control: HTMLElement) => {
    const bad = err?.field === name;
    const id = `osa-f-${row.id}-${name}`;
    control.id = id;
    control.dataset.fid = `field|${row.key}|${name}`;
    if (bad) {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', `${id}-err`);
    }
    return h(
      'div',
      { class: ['field', 'osa-field', `osa-field-${name}`, bad && 'has-error'] },
      h('label', { for: id }, label),
      control,
      bad ? h('div', { class: 'field-error', id: `${id}-err`, role: 'alert' }, err?.message ?? '') : null,
    );
  };
  const onChange = (name: string) => (e: Event) => saveField(st, row, name, (e.target as HTMLInputElement).value);
  const text = (name: string, saved: string, placeholder: string) =>
    h('input', { type: 'text', value: value(name, saved), placeholder, onchange: onChange(name) });
  const date = (name: string, saved: string | null) => h('input', { type: 'date', value: value(name, saved), onchange: onChange(name) });
  const select = (name: string, saved: string | null, options: Array<[string, string]>) => {
    const v = value(name, saved);
    const opts = options.some(([o]) => o === v) ? options : [...options, [v, 'Unknown'] as [string, string]];
    return h('select', { onchange: onChange(name) }, opts.map(([o, t]) => h('option', { value: o, selected: o === v }, t)));
  };
  const owners: Array<[string, string]> = [['', 'No owner'], ...view.account.team.map((m): [string, string] => [m.id, `${m.name}`])];

  let fields: HTMLElement[];
  if (row.kind === 'objective' && row.objective) {
    const o = row.objective;
    fields = [
      field('kind', 'Kind', select('kind', o.kind, M.OBJECTIVE_KINDS.map((k): [string, string] => [k, M.KIND_LABEL[k]]))),
      field('target', 'Target', text('target', o.target, 'e.g. 1.8')),
      field('unit', 'Unit', text('unit', o.unit, 'e.g. M EUR')),
      field('starts_on', 'Start', date('starts_on', o.starts_on)),
      field('due_on', 'Due', date('due_on', o.due_on)),
      field(
        'buying_center_id',
        'Buying center',
        select('buying_center_id', o.buying_center_id, [['', 'None'], ...view.buying_centers.map((b): [string, string] => [b.id, b.name])]),
      ),
      field(
        'initiative_id',
        'Customer initiative',
        select('initiative_id', o.initiative_id, [['', 'None'], ...view.account.initiatives.map((i): [string, string] => [i.id, i.name])]),
      ),
      field('owner_id', 'Owner', select('owner_id', o.owner_id, owners)),
    ];
  } else if (row.kind === 'action' && row.action) {
    const a = row.action;
    fields = [
      field('owner_id', 'Owner', select('owner_id', a.owner_id, owners)),
      field('due_on', 'Due', date('due_on', a.due_on)),
      field('status', 'Status', select('status', a.status, M.ACTION_STATUSES.map((s): [string, string] => [s, M.STATUS_LABEL[s]]))),
    ];
  } else {
    fields = [];
  }
  return h(
    'div',
    { class: ['osa-detail', `osa-detail-${row.kind}`], role: 'group', 'aria-label': `Details of ${row.title}` },
    fields,
    h('p', { class: 'small muted osa-detail-hint' }, 'Changes save as you make them. ', h('kbd', null, 'Esc'), ' or ', h('kbd', null, 'F2'), ' closes.'),
  );
}

// ---------- focus ----------

function rememberCaret(st: OsaState, input: HTMLInputElement): void {
  st.caret = [input.selectionStart ?? input.value.length, input.selectionEnd ?? input.value.length];
}

function byFid(root: ParentNode, fid: string): HTMLElement | null {
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-fid]'))) {
    if (el.dataset.fid === fid) return el;
  }
  return null;
}

/** Puts focus back where it was before the render, unless the user is elsewhere in the app. */
function restoreFocus(st: OsaState): void {
  const root = st.root;
  if (!root || !st.fid) return;
  const active = document.activeElement;
  if (active && active !== document.body && !root.contains(active)) return;
  const el = byFid(root, st.fid);
  if (!el) return;
  if (document.activeElement !== el) el.focus();
  if (el instanceof HTMLInputElement && el.type === 'text' && st.fid.startsWith('title|')) {
    const n = el.value.length;
    const [a, b] = st.caret ?? [n, n];
    el.setSelectionRange(Math.min(a, n), Math.min(b, n));
  }
}

function focusFid(st: OsaState, fid: string, caretEnd = true): void {
  st.fid = fid;
  st.caret = null;
  const el = st.root ? byFid(st.root, fid) : null;
  if (!el) return;
  el.focus();
  if (caretEnd && el instanceof HTMLInputElement && el.type === 'text') {
    const n = el.value.length;
    el.setSelectionRange(n, n);
    st.caret = [n, n];
  }
}

// ---------- saving ----------

interface After {
  ok?: (view: PlanView) => void;
  fail?: (err: FieldError | null) => void;
  /** This save is the undo itself: keep nothing to undo afterwards. */
  undo?: boolean;
}

function toFieldError(err: unknown): FieldError {
  const e = err as { field?: unknown; message?: unknown } | null;
  const field = typeof e?.field === 'string' ? e.field : '';
  const message = typeof e?.message === 'string' ? e.message : String(err);
  return { field, message };
}

/**
 * Queues one edit. `build` runs when its turn comes, against the latest view, so quick key
 * presses never compute positions from a stale plan. Errors land on `key`'s row.
 */
function enqueue(st: OsaState, key: string, build: (view: PlanView) => M.OpResult | null, after: After = {}): Promise<void> {
  const run = async () => {
    const view = st.view;
    const ctx = st.ctx;
    let result: M.OpResult | null = null;
    try {
      if (!view || !ctx) return;
      result = build(view);
      if (!result) return;
      if (!result.ok) {
        if (result.reason) say(st, result.reason);
        after.fail?.(null);
        return;
      }
      const next = await ctx.save(result.edit.upserts, result.edit.deletes);
      st.view = next;
      st.errors.delete(key);
      if (result.focus) st.keep.add(M.parseKey(result.focus).id);
      offerUndo(st, result.lossy && !after.undo ? { message: result.lossy, edit: M.inverse(view, result.edit), focus: key } : null);
      after.ok?.(next);
    } catch (err) {
      const fe = toFieldError(err);
      st.errors.set(key, fe);
      st.scrollToError = key;
      if (DETAIL_FIELDS[M.parseKey(key).kind]?.includes(fe.field)) st.details.add(key);
      after.fail?.(fe);
    } finally {
      rerender(st);
    }
  };
  const p = st.queue.then(run, run);
  st.queue = p;
  return p;
}

/** Title typed on a saved row and not saved yet (undefined when unchanged). */
function typedTitle(st: OsaState, row: Row): string | undefined {
  const t = st.typed.get(row.key);
  return t !== undefined && t !== row.title ? t : undefined;
}

function commitTitle(st: OsaState, row: Row): Promise<void> | null {
  if (row.draft) return commitDraft(st, row.draft);
  const text = typedTitle(st, row);
  if (text === undefined) return null;
  return enqueue(st, row.key, (view) => M.retitle(view, row.kind, row.id, text), {
    ok: () => {
      if (st.typed.get(row.key) === text) st.typed.delete(row.key);
    },
  });
}

function commitDraft(st: OsaState, draft: M.Draft, fail?: () => void): Promise<void> | null {
  if (draft.saving) return null;
  draft.saving = true;
  const key = M.rowKey(draft.kind, draft.id);
  return enqueue(st, key, (view) => M.insertDraft(view, draft), {
    ok: () => {
      st.keep.add(draft.id);
    },
    fail: () => {
      draft.saving = false;
      fail?.();
    },
  });
}

function onTitleBlur(st: OsaState, row: Row, input: HTMLInputElement): void {
  if (st.rendering) return;
  // Decide once focus has landed: on another row, a detail field, outside the view...
  setTimeout(() => {
    if (document.activeElement === input) return;
    if (st.fid === `title|${row.key}`) {
      // Focus did not go anywhere we track. The input was removed by a re-render: the new one
      // has (or gets) focus, keep editing. Still in the page: a click on the background.
      if (!input.isConnected) return;
      st.fid = null;
    }
    if (row.draft) {
      const d = row.draft;
      if (!st.drafts.includes(d) || d.saving) return;
      if (d.text.trim() === '') {
        st.drafts = st.drafts.filter((x) => x !== d && !(x.parentId === d.id && x.text === ''));
        st.errors.delete(row.key);
        rerender(st);
      } else {
        void commitDraft(st, d);
      }
      return;
    }
    void commitTitle(st, row);
  }, 0);
}

// ---------- operations ----------

function rowsNow(st: OsaState): Row[] {
  return st.view ? M.outline(st.view, st.drafts, st.filters, st.keep).rows : [];
}

/** A short message at the bottom of the window (why a key did nothing, "Restored"). */
function say(st: OsaState, notice: string): void {
  st.toast = showToast(notice, { timeoutMs: 6000 });
}

/** Offers to undo the last edit (a delete, a change of level that dropped fields). */
function offerUndo(st: OsaState, undo: Undo | null): void {
  const shown = st.undo && st.toast?.isConnected;
  st.undo = undo;
  if (undo) {
    st.toast = showToast(undo.message, { actionLabel: 'Undo', onAction: () => doUndo(st), timeoutMs: 20000 });
  } else if (shown) {
    hideToast();
    st.toast = null;
  }
}

function setFilters(st: OsaState, f: M.Filters): void {
  st.filters = { ...f };
  st.keep.clear();
  rerender(st);
}

function newDraft(st: OsaState, d: Omit<M.Draft, 'id' | 'text' | 'saving'>): M.Draft {
  const draft: M.Draft = { ...d, id: M.newId(), text: '', saving: false };
  // One empty draft at a time.
  st.drafts = st.drafts.filter((x) => x.saving || x.text.trim() !== '');
  st.drafts.push(draft);
  st.fid = `title|${M.rowKey(draft.kind, draft.id)}`;
  st.caret = [0, 0];
  return draft;
}

function addObjective(st: OsaState): void {
  if (!st.view || readOnly(st)) return;
  const tree = M.sortedTree(st.view);
  const last = tree[tree.length - 1];
  const lastDraft = [...st.drafts].reverse().find((d) => d.kind === 'objective');
  newDraft(st, {
    kind: 'objective',
    parentId: null,
    afterId: lastDraft?.saving ? lastDraft.id : last?.id ?? null,
    objectiveKind: st.filters.kind || last?.kind || 'revenue',
  });
  rerender(st);
}

function addChild(st: OsaState, row: Row): void {
  const child = row.kind === 'objective' ? 'strategy' : 'action';
  const kids = rowsNow(st).filter((r) => r.kind === child && r.parentId === row.id);
  newDraft(st, {
    kind: child,
    parentId: row.id,
    afterId: kids[kids.length - 1]?.id ?? null,
    objectiveKind: row.objective?.kind ?? 'revenue',
  });
  rerender(st);
}

function addSibling(st: OsaState, row: Row): void {
  const kind = row.kind;
  const objectiveKind = row.objective?.kind ?? row.draft?.objectiveKind ?? 'revenue';
  if (row.draft) {
    const d = row.draft;
    if (d.saving) return;
    if (d.text.trim() === '') {
      void commitDraft(st, d); // the core says why not, at the title
      return;
    }
    let created: M.Draft | null = null;
    void commitDraft(st, d, () => {
      // The row did not save (its error shows there): go back to it.
      st.drafts = st.drafts.filter((x) => x !== created || x.text !== '');
      st.fid = `title|${row.key}`;
    });
    created = newDraft(st, { kind, parentId: row.parentId, afterId: d.id, objectiveKind });
    rerender(st);
    return;
  }
  const created = newDraft(st, { kind, parentId: row.parentId, afterId: row.id, objectiveKind });
  rerender(st);
  const p = commitTitle(st, row);
  if (p) {
    void p.then(() => {
      if (st.errors.has(row.key) && st.drafts.includes(created) && created.text === '') {
        st.drafts = st.drafts.filter((x) => x !== created);
        st.fid = `title|${row.key}`;
        rerender(st);
      }
    });
  }
}

function previousSibling(rows: Row[], row: Row): Row | undefined {
  const sibs = rows.filter((r) => r.kind === row.kind && r.parentId === row.parentId);
  return sibs[sibs.findIndex((r) => r.key === row.key) - 1];
}

function doIndent(st: OsaState, row: Row, rows: Row[]): void {
  if (row.kind === 'action') return say(st, 'Actions are the deepest level: an action cannot hold actions.');
  const prev = previousSibling(rows, row);
  if (!prev) return say(st, `No ${row.kind} above to indent under: Tab makes an item a child of the one above it.`);
  const child: M.OsaKind = row.kind === 'objective' ? 'strategy' : 'action';
  if (row.draft) {
    const d = row.draft;
    if (d.saving) return;
    if (st.drafts.some((x) => x.parentId === d.id)) return say(st, 'Save the rows under this one first.');
    const kids = rows.filter((r) => r.kind === child && r.parentId === prev.id);
    d.kind = child;
    d.parentId = prev.id;
    d.afterId = kids[kids.length - 1]?.id ?? null;
    st.fid = `title|${M.rowKey(d.kind, d.id)}`;
    return rerender(st);
  }
  if (prev.draft) return say(st, 'Save the row above first (type its title and press Enter).');
  const text = typedTitle(st, row);
  void enqueue(st, row.key, (view) => M.indent(view, row.kind, row.id, text, prev.id), {
    ok: () => moveRowState(st, row.key, M.rowKey(child, row.id)),
  });
}

function doOutdent(st: OsaState, row: Row, rows: Row[]): void {
  if (row.kind === 'objective') return say(st, 'Objectives are the top level.');
  const parentKind: M.OsaKind = row.kind === 'action' ? 'strategy' : 'objective';
  const parent = rows.find((r) => r.kind === parentKind && r.id === row.parentId);
  if (row.draft) {
    const d = row.draft;
    if (d.saving || !parent) return;
    d.kind = parentKind;
    d.parentId = parent.parentId;
    d.afterId = parent.id;
    st.fid = `title|${M.rowKey(d.kind, d.id)}`;
    return rerender(st);
  }
  const text = typedTitle(st, row);
  void enqueue(st, row.key, (view) => M.outdent(view, row.kind, row.id, text), {
    ok: () => moveRowState(st, row.key, M.rowKey(parentKind, row.id)),
  });
}

/** A row changed kind (indent/outdent): its UI state follows it. */
function moveRowState(st: OsaState, from: string, to: string): void {
  st.typed.delete(from);
  st.pending.delete(from);
  if (st.details.delete(from)) st.details.add(to);
  if (st.fid) {
    const [part, key, rest] = st.fid.split('|');
    if (key === from) st.fid = rest === undefined ? `${part}|${to}` : `row|${to}`;
  }
}

function doMove(st: OsaState, row: Row, dir: -1 | 1): void {
  if (row.draft) return say(st, 'Type a title and press Enter first: new rows move once saved.');
  const text = typedTitle(st, row);
  void enqueue(
    st,
    row.key,
    (view) => {
      const rows = M.outline(view, st.drafts, st.filters, st.keep).rows;
      const me = rows.find((r) => r.key === row.key);
      return M.moveStep(view, row.kind, row.id, dir, me ? M.visibleSiblings(rows, me) : undefined, text);
    },
    {
      ok: () => {
        if (text !== undefined && st.typed.get(row.key) === text) st.typed.delete(row.key);
      },
    },
  );
}

function doToggle(st: OsaState, row: Row): void {
  if (row.kind !== 'action') return say(st, 'Only actions are marked done: Ctrl+Enter or Space on an action.');
  if (row.draft) return say(st, 'Type the action and press Enter first.');
  const text = typedTitle(st, row);
  st.keep.add(row.id);
  void enqueue(st, row.key, (view) => M.toggleDone(view, row.id, text), {
    ok: () => {
      if (text !== undefined && st.typed.get(row.key) === text) st.typed.delete(row.key);
    },
  });
}

function toggleDetails(st: OsaState, row: Row): void {
  if (row.kind === 'strategy') return say(st, 'A strategy has only its title: type to change it.');
  if (row.draft) return say(st, 'Type the title and press Enter first, then add details.');
  if (st.details.has(row.key)) {
    st.details.delete(row.key);
    st.pending.delete(row.key);
    if (st.errors.get(row.key) && !TITLE_FIELDS.has(st.errors.get(row.key)?.field ?? '')) st.errors.delete(row.key);
    st.fid = `row|${row.key}`;
  } else {
    st.details.add(row.key);
    st.fid = `field|${row.key}|${DETAIL_FIELDS[row.kind][0]}`;
  }
  rerender(st);
}

function saveField(st: OsaState, row: Row, field: string, value: string): void {
  const pending = { ...(st.pending.get(row.key) ?? {}), [field]: value };
  st.pending.set(row.key, pending);
  void enqueue(
    st,
    row.key,
    (view) => {
      const f = M.find(M.sortedTree(view), row.kind, row.id);
      if (!f) return { ok: false, reason: 'That item is gone (deleted elsewhere?)' };
      const orNull = (v: string) => (v === '' ? null : v);
      if (row.kind === 'objective') {
        const o = M.toObjective(f.objective);
        for (const [k, v] of Object.entries(pending)) {
          if (k === 'kind') o.kind = v as ObjectiveKind;
          else if (k === 'target') o.target = v;
          else if (k === 'unit') o.unit = v;
          else if (k === 'starts_on') o.starts_on = orNull(v);
          else if (k === 'due_on') o.due_on = orNull(v);
          else if (k === 'buying_center_id') o.buying_center_id = orNull(v);
          else if (k === 'initiative_id') o.initiative_id = orNull(v);
          else if (k === 'owner_id') o.owner_id = orNull(v);
        }
        return { ok: true, edit: { upserts: [{ kind: 'objective', item: o }], deletes: [] } };
      }
      if (!f.action) return null;
      const a = M.toAction(f.action);
      for (const [k, v] of Object.entries(pending)) {
        if (k === 'owner_id') a.owner_id = orNull(v);
        else if (k === 'due_on') a.due_on = orNull(v);
        else if (k === 'status') a.status = v as ActionStatus;
      }
      return { ok: true, edit: { upserts: [{ kind: 'action', item: a }], deletes: [] } };
    },
    {
      ok: () => {
        if (st.pending.get(row.key) === pending) st.pending.delete(row.key);
        if (row.kind === 'action') st.keep.add(row.id);
      },
    },
  );
}

function doDelete(st: OsaState, row: Row, rows: Row[], mode: 'row' | 'title'): void {
  const i = rows.findIndex((r) => r.key === row.key);
  const prev = rows[i - 1] ?? rows[i + 1];
  if (row.draft) {
    const d = row.draft;
    if (d.saving) return;
    st.drafts = st.drafts.filter((x) => x !== d && x.parentId !== d.id);
    st.errors.delete(row.key);
    st.fid = prev ? `${mode}|${prev.key}` : 'add-objective';
    st.caret = null;
    return rerender(st);
  }
  if (!st.view) return;
  const plan = M.planDelete(st.view, row.kind, row.id);
  if (!plan) return;
  if (plan.confirm) {
    st.confirm = { key: row.key, message: plan.confirm };
    st.fid = `confirm-yes|${row.key}`;
    return rerender(st);
  }
  executeDelete(st, row);
}

function cancelConfirm(st: OsaState, row: Row): void {
  st.confirm = null;
  st.fid = `row|${row.key}`;
  rerender(st);
}

function executeDelete(st: OsaState, row: Row): void {
  st.confirm = null;
  const rows = rowsNow(st);
  const i = rows.findIndex((r) => r.key === row.key);
  // Focus moves to the row above (or the next one left), outside the deleted subtree.
  let j = i - 1;
  let next: Row | undefined = rows[j];
  if (!next) {
    j = i + 1;
    while (rows[j] && rows[j].level > row.level) j++;
    next = rows[j];
  }
  st.fid = next ? `row|${next.key}` : 'add-objective';
  let restore: M.Edit | null = null;
  let what = '';
  void enqueue(
    st,
    row.key,
    (view) => {
      const plan = M.planDelete(view, row.kind, row.id);
      if (!plan) return { ok: false, reason: 'That item is already gone.' };
      restore = plan.restore;
      const counts = [plan.strategies && M.plural(plan.strategies, 'strategy'), plan.actions && M.plural(plan.actions, 'action')]
        .filter(Boolean)
        .join(' and ');
      what = `${row.kind} \u201c${plan.title}\u201d${counts ? ` with ${counts}` : ''}`;
      return { ok: true, edit: plan.edit };
    },
    {
      ok: () => {
        for (const k of [row.key]) {
          st.typed.delete(k);
          st.pending.delete(k);
          st.details.delete(k);
        }
        if (restore) offerUndo(st, { message: `Deleted ${what}.`, edit: restore, focus: row.key });
      },
      fail: () => {
        st.fid = `row|${row.key}`;
      },
    },
  );
}

function doUndo(st: OsaState): void {
  const undo = st.undo;
  if (!undo) return;
  const key = undo.focus ?? 'undo';
  void enqueue(st, key, () => ({ ok: true, edit: undo.edit, focus: undo.focus }), {
    undo: true,
    ok: () => {
      offerUndo(st, null);
      say(st, 'Restored.');
      if (undo.focus) st.fid = `row|${undo.focus}`;
    },
  });
}

function moveFocus(st: OsaState, to: Row | undefined, mode: 'row' | 'title'): void {
  if (to) focusFid(st, `${mode}|${to.key}`);
}

function startEditing(st: OsaState, row: Row, char: string): void {
  const el = st.root ? byFid(st.root, `title|${row.key}`) : null;
  if (!(el instanceof HTMLInputElement)) return;
  el.focus();
  el.value += char;
  if (row.draft) row.draft.text = el.value;
  else st.typed.set(row.key, el.value);
  const n = el.value.length;
  el.setSelectionRange(n, n);
  st.caret = [n, n];
}

// ---------- keys ----------

function onKey(st: OsaState, row: Row, rows: Row[], e: KeyboardEvent): void {
  const t = e.target as HTMLElement;
  const ctrl = e.ctrlKey || e.metaKey;
  const key = e.key;
  if (t.closest('.osa-confirm')) {
    if (key === 'Escape') {
      e.preventDefault();
      cancelConfirm(st, row);
    }
    return;
  }
  if (t.closest('.osa-detail')) {
    if (key === 'Escape' || key === 'F2') {
      e.preventDefault();
      toggleDetails(st, row);
    } else if (key === 'Enter' && t instanceof HTMLInputElement && t.type !== 'checkbox') {
      e.preventDefault();
      t.dispatchEvent(new Event('change', { bubbles: true }));
    }
    return;
  }
  const mode: 'row' | 'title' = t.classList.contains('osa-title') ? 'title' : 'row';
  const ro = readOnly(st);
  const i = rows.findIndex((r) => r.key === row.key);
  const plain = !ctrl && !e.altKey;

  if (plain && !e.shiftKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
    e.preventDefault();
    moveFocus(st, rows[i + (key === 'ArrowUp' ? -1 : 1)], ro ? 'row' : mode);
    return;
  }
  if (mode === 'row' && plain) {
    if (key === 'Home' || key === 'End') {
      e.preventDefault();
      moveFocus(st, key === 'Home' ? rows[0] : rows[rows.length - 1], 'row');
      return;
    }
    if (key === 'ArrowLeft') {
      e.preventDefault();
      moveFocus(st, rows.find((r) => r.id === row.parentId && r.level === row.level - 1), 'row');
      return;
    }
    if (key === 'ArrowRight') {
      e.preventDefault();
      const next = rows[i + 1];
      moveFocus(st, next && next.level === row.level + 1 ? next : undefined, 'row');
      return;
    }
  }
  if (key === 'Escape') {
    e.preventDefault();
    if (mode === 'title') {
      if (row.draft && row.draft.text.trim() === '') return doDelete(st, row, rows, 'row');
      st.typed.delete(row.key);
      if (st.errors.get(row.key) && TITLE_FIELDS.has(st.errors.get(row.key)?.field ?? '')) st.errors.delete(row.key);
      st.fid = `row|${row.key}`;
      rerender(st);
    } else {
      // Second Esc leaves the outline (Tab is taken by indent here).
      focusFid(st, 'filter|owner');
    }
    return;
  }
  if (ro) return;
  if (key === 'Tab' && plain) {
    e.preventDefault();
    if (e.shiftKey) doOutdent(st, row, rows);
    else doIndent(st, row, rows);
    return;
  }
  if (e.altKey && !ctrl && (key === 'ArrowUp' || key === 'ArrowDown')) {
    e.preventDefault();
    doMove(st, row, key === 'ArrowUp' ? -1 : 1);
    return;
  }
  if (key === 'Enter' && ctrl) {
    e.preventDefault();
    doToggle(st, row);
    return;
  }
  if (key === 'Enter' && plain && !e.shiftKey) {
    e.preventDefault();
    addSibling(st, row);
    return;
  }
  if (key === 'F2') {
    e.preventDefault();
    toggleDetails(st, row);
    return;
  }
  if (mode === 'row') {
    if (key === ' ' && plain) {
      e.preventDefault();
      if (row.kind === 'action') doToggle(st, row);
      return;
    }
    if (key === 'Delete' && plain) {
      e.preventDefault();
      doDelete(st, row, rows, 'row');
      return;
    }
    if (ctrl && !e.altKey && key.toLowerCase() === 'z' && st.undo) {
      e.preventDefault();
      doUndo(st);
      return;
    }
    if (plain && key.length === 1 && key !== ' ') {
      e.preventDefault();
      startEditing(st, row, key);
    }
    return;
  }
  if (key === 'Backspace' && plain && (t as HTMLInputElement).value === '') {
    e.preventDefault();
    doDelete(st, row, rows, 'title');
  }
}

// ---------- drag and drop (same parent only) ----------

function onDragStart(st: OsaState, row: Row, e: DragEvent): void {
  st.drag = row.key;
  const item = (e.target as HTMLElement).closest('.osa-item') as HTMLElement | null;
  item?.classList.add('dragging');
  if (e.dataTransfer) {
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', row.title);
    if (item && typeof e.dataTransfer.setDragImage === 'function') e.dataTransfer.setDragImage(item, 12, 12);
  }
}

function onDragEnd(st: OsaState): void {
  st.drag = null;
  st.root?.querySelectorAll('.dragging, .drop-before, .drop-after').forEach((el) => el.classList.remove('dragging', 'drop-before', 'drop-after'));
}

function dropAfter(e: DragEvent, el: HTMLElement): boolean {
  const r = el.getBoundingClientRect();
  return e.clientY > r.top + r.height / 2;
}

function onDragOver(st: OsaState, row: Row, rows: Row[], e: DragEvent): void {
  if (!st.drag || st.drag === row.key || row.draft) return;
  const dragged = rows.find((r) => r.key === st.drag);
  if (!dragged || dragged.kind !== row.kind || dragged.parentId !== row.parentId) return;
  e.preventDefault();
  if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
  const el = e.currentTarget as HTMLElement;
  const after = dropAfter(e, el);
  el.classList.toggle('drop-after', after);
  el.classList.toggle('drop-before', !after);
}

function onDrop(st: OsaState, row: Row, e: DragEvent): void {
  const drag = st.drag;
  if (!drag || drag === row.key) return;
  const { kind, id } = M.parseKey(drag);
  if (kind !== row.kind) return;
  e.preventDefault();
  const after = dropAfter(e, e.currentTarget as HTMLElement);
  onDragEnd(st);
  st.fid = `row|${drag}`;
  void enqueue(st, drag, (view) => M.moveTo(view, kind, id, row.id, after));
}
