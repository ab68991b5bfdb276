// The contact panel: add or edit one person, their relationships with our team and their
// lines of influence and conflict. The back end validates; its errors show at the field and
// the user's input stays as typed.
import type { PlanAreaKey } from '../../app/context';
import type { Attitude } from '../../ipc/bindings/Attitude';
import type { BuyingRole } from '../../ipc/bindings/BuyingRole';
import type { Contact } from '../../ipc/bindings/Contact';
import type { Influence } from '../../ipc/bindings/Influence';
import type { InfluenceLine } from '../../ipc/bindings/InfluenceLine';
import type { PlanView } from '../../ipc/bindings/PlanView';
import type { Relationship } from '../../ipc/bindings/Relationship';
import type { RelationshipLevel } from '../../ipc/bindings/RelationshipLevel';
import { AppError, toAppError } from '../../ipc/index';
import { h, replaceChildren } from '../../shared/dom';
import { ATTITUDES, GAP_KINDS, INFLUENCES, LEVELS, ROLES, TEAM_ROLES } from './labels';
import { buyingCenterName, contactById, newId } from './model';
import { clearErrors, field, formBanner, selectEl, showError, uid, type OptGroup, type Option } from './ui';

export interface PanelOptions {
  view: PlanView;
  readonly: boolean;
  contact: Contact;
  isNew: boolean;
  /** Saves the contact; rejects with an AppError (the panel shows it at its field). */
  saveContact(c: Contact): Promise<unknown>;
  saveLine(line: InfluenceLine): Promise<unknown>;
  deleteLine(id: string): Promise<unknown>;
  requestDelete(c: Contact): void;
  close(): void;
  /** Go to another area of the plan (e.g. 'overview' to add the account team). */
  goTo(area: PlanAreaKey): void;
}

/** Everyone but `exceptId`, grouped by buying center, for person pickers. */
export function peopleOptions(view: PlanView, exceptIds: string[] = []): OptGroup[] {
  const skip = new Set(exceptIds);
  const groups: OptGroup[] = [];
  const bcs = [...view.buying_centers].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  for (const bc of bcs) {
    const options: Option[] = view.contacts
      .filter((c) => c.buying_center_id === bc.id && !skip.has(c.id))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) => [c.id, c.title ? `${c.name} — ${c.title}` : c.name]);
    if (options.length) groups.push({ label: bc.name, options });
  }
  return groups;
}

export function renderContactPanel(o: PanelOptions): HTMLElement {
  const { view } = o;
  const c = o.contact;
  const ro = o.readonly;
  const people = contactById(view);
  const dis = ro ? { disabled: true } : {};

  const name = h('input', { type: 'text', value: c.name, required: true, autocomplete: 'off', maxlength: '200', ...dis });
  const title = h('input', { type: 'text', value: c.title, autocomplete: 'off', ...dis });
  const bcs = [...view.buying_centers].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const bc = selectEl(
    bcs.map((b) => [b.id, b.name] as Option),
    c.buying_center_id,
    dis,
  );
  const reportsTo = selectEl([['', 'No manager'], ...peopleOptions(view, [c.id])], c.reports_to ?? '', {
    class: 'rm-reports-to',
    ...dis,
  });
  const role = selectEl(ROLES.map(([v, l]) => [v, l] as Option), c.role, dis);
  const influence = selectEl(INFLUENCES.map(([v, l]) => [v, l] as Option), c.influence, dis);
  const attitude = selectEl(ATTITUDES.map(([v, l]) => [v, l] as Option), c.attitude, { class: 'rm-attitude-select', ...dis });
  const lastContact = h('input', { type: 'date', value: c.last_contact_on ?? '', ...dis });
  const verified = h('input', { type: 'date', value: c.verified_on ?? '', class: 'rm-verified', ...dis });
  const verifiedToday = h(
    'button',
    {
      type: 'button',
      class: 'small rm-verified-today',
      ...dis,
      onclick: () => {
        verified.value = view.today;
        verified.dispatchEvent(new Event('input', { bubbles: true }));
      },
    },
    'Verified today',
  );
  const email = h('input', { type: 'email', value: c.email, autocomplete: 'off', ...dis });
  const phone = h('input', { type: 'tel', value: c.phone, autocomplete: 'off', ...dis });
  const notes = h('textarea', { rows: '3', ...dis });
  notes.value = c.notes;

  // ---- dotted-line managers: chips + an "add" picker ----
  const dotted = [...c.dotted_line_to];
  const dottedList = h('div', { class: 'rm-chips' });
  const dottedAdd = h('select', { class: 'rm-dotted-add', 'aria-label': 'Add a dotted-line manager', ...dis });
  const renderDotted = () => {
    replaceChildren(
      dottedList,
      dotted.length === 0 ? h('span', { class: 'muted small' }, 'None') : null,
      dotted.map((id) =>
        h(
          'span',
          { class: 'rm-chip', dataset: { id } },
          people.get(id)?.name ?? 'Unknown person',
          ro
            ? null
            : h(
                'button',
                {
                  type: 'button',
                  class: 'link rm-chip-remove',
                  'aria-label': `Remove dotted line to ${people.get(id)?.name ?? 'this person'}`,
                  onclick: () => {
                    dotted.splice(dotted.indexOf(id), 1);
                    renderDotted();
                  },
                },
                '✕',
              ),
        ),
      ),
    );
    const opts = peopleOptions(view, [c.id, ...dotted]);
    replaceChildren(
      dottedAdd,
      h('option', { value: '' }, 'Add a dotted-line manager…'),
      opts.map((g) => h('optgroup', { label: g.label }, g.options.map(([v, l]) => h('option', { value: v }, l)))),
    );
    dottedAdd.value = '';
  };
  dottedAdd.addEventListener('change', () => {
    if (dottedAdd.value && !dotted.includes(dottedAdd.value)) dotted.push(dottedAdd.value);
    renderDotted();
  });
  renderDotted();

  // ---- relationships with our team ----
  const team = view.account.team;
  const rels: Relationship[] = c.relationships.map((r) => ({ ...r }));
  const relBody = h('div', { class: 'rm-rels' });
  const ownerGroup = uid('rm-owner');
  const addRel = h('button', { type: 'button', class: 'small rm-add-rel', ...dis }, 'Add someone from our team');
  const renderRels = () => {
    const rows = rels.map((r, i) => {
      const member = selectEl(
        team
          .filter((m) => m.id === r.team_member_id || !rels.some((x) => x.team_member_id === m.id))
          .map((m) => [m.id, `${m.name} (${TEAM_ROLES[m.role]})`] as Option),
        r.team_member_id,
        { class: 'rm-rel-member', 'aria-label': 'Team member', ...dis },
      );
      member.addEventListener('change', () => {
        r.team_member_id = member.value;
        renderRels();
      });
      const level = selectEl(LEVELS.map(([v, l]) => [v, l] as Option), r.level, {
        class: 'rm-rel-level',
        'aria-label': 'Relationship level',
        ...dis,
      });
      level.addEventListener('change', () => (r.level = level.value as RelationshipLevel));
      const owner = h('input', { type: 'radio', name: ownerGroup, checked: r.owner, class: 'rm-rel-owner', ...dis });
      owner.addEventListener('change', () => {
        for (const x of rels) x.owner = x === r;
      });
      return h(
        'div',
        { class: 'rm-rel-row', dataset: { member: r.team_member_id, index: String(i) } },
        member,
        level,
        h('label', { class: 'rm-owner-label' }, owner, 'Owner'),
        ro
          ? null
          : h(
              'button',
              {
                type: 'button',
                class: 'link danger rm-rel-remove',
                'aria-label': 'Remove this relationship',
                onclick: () => {
                  rels.splice(rels.indexOf(r), 1);
                  renderRels();
                },
              },
              '✕',
            ),
      );
    });
    const noOwner = h('input', {
      type: 'radio',
      name: ownerGroup,
      checked: !rels.some((r) => r.owner),
      class: 'rm-rel-no-owner',
      ...dis,
    });
    noOwner.addEventListener('change', () => {
      for (const x of rels) x.owner = false;
    });
    replaceChildren(
      relBody,
      team.length === 0
        ? h(
            'p',
            { class: 'muted small' },
            'No account team yet. ',
            h('button', { type: 'button', class: 'link', onclick: () => o.goTo('overview') }, 'Add your team on the Overview'),
            ' to record who knows this person.',
          )
        : rels.length === 0
          ? h('p', { class: 'muted small' }, 'Nobody on our team knows them yet.')
          : null,
      rows,
      rels.length ? h('label', { class: 'rm-owner-label rm-no-owner-row' }, noOwner, 'No owner yet') : null,
    );
    addRel.disabled = ro || rels.length >= team.length;
  };
  addRel.addEventListener('click', () => {
    const free = team.find((m) => !rels.some((r) => r.team_member_id === m.id));
    if (!free) return;
    rels.push({ team_member_id: free.id, level: 'credible_source', owner: rels.length === 0 });
    renderRels();
  });
  renderRels();

  const collect = (): Contact => ({
    ...c,
    name: name.value.trim(),
    title: title.value.trim(),
    buying_center_id: bc.value,
    reports_to: reportsTo.value || null,
    dotted_line_to: [...dotted],
    role: role.value as BuyingRole,
    influence: influence.value as Influence,
    attitude: attitude.value as Attitude,
    relationships: rels.map((r) => ({ ...r })),
    last_contact_on: lastContact.value || null,
    verified_on: verified.value || null,
    email: email.value.trim(),
    phone: phone.value.trim(),
    notes: notes.value,
  });

  const saveBtn = h('button', { type: 'submit', class: 'primary rm-save' }, o.isNew ? 'Add contact' : 'Save');
  const banner = formBanner();
  const form = h(
    'form',
    { class: 'rm-contact-form', novalidate: true, 'aria-label': o.isNew ? 'New contact' : `Edit ${c.name}` },
    banner,
    field('Name', name, 'name'),
    field('Title', title, 'title'),
    field('Buying center', bc, 'buying_center_id'),
    field('Reports to', reportsTo, 'reports_to'),
    field(
      'Dotted-line managers',
      dottedAdd,
      'dotted_line_to',
      h('div', { class: 'hint' }, 'Matrix organisations: people they also answer to.'),
    ),
    h('div', { class: 'rm-dotted-chips' }, dottedList),
    field('Buying role', role, 'role'),
    h(
      'div',
      { class: 'rm-form-row' },
      field('Influence', influence, 'influence'),
      field('Attitude toward us', attitude, 'attitude'),
    ),
    h(
      'fieldset',
      { class: 'rm-fieldset' },
      h('legend', null, 'Our relationships with them'),
      h('div', { class: 'field', dataset: { field: 'relationships' } }, relBody, ro ? null : h('div', null, addRel), h('div', { class: 'field-error', id: uid('rm-rel-err'), role: 'alert', hidden: true })),
    ),
    h(
      'div',
      { class: 'rm-form-row' },
      field('Last contact', lastContact, 'last_contact_on'),
      field('Last verified', verified, 'verified_on', ro ? null : verifiedToday),
    ),
    field('Email', email, 'email'),
    field('Phone', phone, 'phone'),
    field('Notes', notes, 'notes'),
    ro
      ? null
      : h(
          'div',
          { class: 'form-actions' },
          saveBtn,
          h('button', { type: 'button', class: 'rm-cancel', onclick: () => o.close() }, 'Cancel'),
          h('span', { class: 'rm-spacer' }),
          o.isNew
            ? null
            : h('button', { type: 'button', class: 'danger rm-delete', onclick: () => o.requestDelete(c) }, 'Delete…'),
        ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (ro) return;
    clearErrors(form);
    saveBtn.disabled = true;
    o.saveContact(collect()).then(
      () => {
        saveBtn.disabled = false;
      },
      (err: unknown) => {
        saveBtn.disabled = false;
        showError(form, err);
      },
    );
  });

  const myGaps = view.coverage_gaps.filter((g) => g.contact_id === c.id);
  return h(
    'section',
    { class: 'rm-panel card', 'aria-label': 'Contact', dataset: { contactId: c.id } },
    h(
      'div',
      { class: 'rm-panel-head' },
      h('h2', null, o.isNew ? 'New contact' : c.name),
      h('button', { type: 'button', class: 'small rm-close', 'aria-label': 'Close', title: 'Close', onclick: () => o.close() }, '✕'),
    ),
    o.isNew ? null : h('p', { class: 'muted small' }, buyingCenterName(view, c.buying_center_id)),
    myGaps.length
      ? h(
          'div',
          { class: 'banner warning rm-contact-gaps' },
          h('strong', null, `⚠ ${myGaps.length} coverage gap${myGaps.length === 1 ? '' : 's'}`),
          h('ul', null, myGaps.map((g) => h('li', { dataset: { kind: g.kind } }, `${GAP_KINDS[g.kind]}: ${g.reason}`))),
        )
      : null,
    form,
    o.isNew ? h('p', { class: 'muted small' }, 'Save the contact first, then add lines of influence or conflict.') : linesSection(o),
  );
}

type Direction = 'influences' | 'influenced_by' | 'conflict';

/** Lines of influence and conflict of one person: list, delete, add. */
function linesSection(o: PanelOptions): HTMLElement {
  const { view, contact: c } = o;
  const people = contactById(view);
  const nameOf = (id: string) => people.get(id)?.name ?? 'Unknown person';
  const mine = view.lines.filter((l) => l.from_contact_id === c.id || l.to_contact_id === c.id);
  const describe = (l: InfluenceLine): string => {
    if (l.kind === 'conflict') {
      return `⚡ In conflict with ${nameOf(l.from_contact_id === c.id ? l.to_contact_id : l.from_contact_id)}`;
    }
    return l.from_contact_id === c.id ? `→ Influences ${nameOf(l.to_contact_id)}` : `← Influenced by ${nameOf(l.from_contact_id)}`;
  };
  const listError = formBanner();
  const list = h(
    'ul',
    { class: 'rm-lines' },
    mine.length === 0 ? h('li', { class: 'muted small' }, 'No lines yet.') : null,
    mine.map((l) =>
      h(
        'li',
        { class: `rm-line rm-line-${l.kind}`, dataset: { lineId: l.id } },
        h('span', null, describe(l)),
        o.readonly
          ? null
          : h(
              'button',
              {
                type: 'button',
                class: 'small danger rm-line-delete',
                'aria-label': `Delete line: ${describe(l)}`,
                onclick: (e: Event) => {
                  const btn = e.currentTarget as HTMLButtonElement;
                  btn.disabled = true;
                  clearErrors(section);
                  o.deleteLine(l.id).catch((err: unknown) => {
                    btn.disabled = false;
                    showError(section, err);
                  });
                },
              },
              'Delete',
            ),
      ),
    ),
  );
  const direction = selectEl(
    [
      ['influences', `${c.name || 'They'} influences…`],
      ['influenced_by', `${c.name || 'They'} is influenced by…`],
      ['conflict', `${c.name || 'They'} is in conflict with…`],
    ],
    'influences',
    { class: 'rm-line-kind', 'aria-label': 'Kind of line' },
  );
  const other = selectEl([['', 'Choose a person…'], ...peopleOptions(view, [c.id])], '', {
    class: 'rm-line-person',
    'aria-label': 'Other person',
  });
  const add = h('button', { type: 'submit', class: 'small rm-line-add' }, 'Add line');
  const addForm = h(
    'form',
    { class: 'rm-line-form', novalidate: true },
    h('div', { class: 'rm-form-row' }, field('Line', direction, 'line_kind'), field('Person', other, 'line_person')),
    add,
  );
  addForm.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors(section);
    const d = direction.value as Direction;
    const line: InfluenceLine = {
      id: newId(),
      from_contact_id: d === 'influenced_by' ? other.value : c.id,
      to_contact_id: d === 'influenced_by' ? c.id : other.value,
      kind: d === 'conflict' ? 'conflict' : 'influence',
    };
    add.disabled = true;
    o.saveLine(line).then(
      () => {
        add.disabled = false;
      },
      (err: unknown) => {
        add.disabled = false;
        const ae = toAppError(err);
        // The person picker is "from" or "to" depending on the direction: show either there.
        const onPicker = ae.field === 'from_contact_id' || ae.field === 'to_contact_id';
        showError(section, onPicker ? new AppError(ae.code, ae.message, 'line_person') : ae);
      },
    );
  });
  const section: HTMLElement = h(
    'section',
    { class: 'rm-lines-section' },
    h('h3', null, 'Lines of influence and conflict'),
    listError,
    list,
    o.readonly ? null : addForm,
  );
  return section;
}
