// The campaign editor: one form for what the campaign is, what it aims at in this account,
// what it achieved here, and which other accounts it is also aimed at. Typed text stays in the
// draft (so a refused save keeps it); errors show at the field the core names.
import type { Campaign } from '../../ipc/bindings/Campaign';
import type { CampaignKind } from '../../ipc/bindings/CampaignKind';
import type { CampaignStatus } from '../../ipc/bindings/CampaignStatus';
import type { CampaignTarget } from '../../ipc/bindings/CampaignTarget';
import type { PlanView } from '../../ipc/bindings/PlanView';
import { toAppError } from '../../ipc/index';
import { h, replaceChildren } from '../../shared/dom';
import { setFieldError, uid } from '../../shared/forms';
import { options } from '../../shared/labels';
import { formatMoneyForDisplay } from '../../shared/money-input';
import { chipSelect, type ChipOption } from './chips';
import {
  CAMPAIGN_KINDS,
  CAMPAIGN_STATUSES,
  attachAccount,
  buildCampaign,
  detachAccount,
  influencedPipeline,
  targetOf,
  type CampaignDraft,
  type FieldErrors,
} from './model';

export interface AccountChoice {
  id: string;
  name: string;
}

export interface EditorOptions {
  view: PlanView;
  draft: CampaignDraft;
  isNew: boolean;
  /** Other accounts, once the portfolio is loaded (null while loading). */
  accounts: () => readonly AccountChoice[] | null;
  /** Saves; rejects with an AppError whose `field` says where the problem is. */
  save: (campaign: Campaign) => Promise<void>;
  cancel: () => void;
}

export interface Editor {
  el: HTMLFormElement;
  /** Call when the portfolio has loaded: fills the account picker and names. */
  accountsChanged(): void;
  focusFirst(): void;
}

/** Fields the core may name in an error, mapped to where the message shows. */
const FIELD_ALIASES: Record<string, string> = {
  kind: 'kind',
  name: 'name',
  status: 'status',
  currency: 'currency',
  starts_on: 'starts_on',
  ends_on: 'ends_on',
  budget: 'budget',
  objective_id: 'objective_id',
  buying_center_ids: 'buying_center_ids',
  contact_ids: 'contact_ids',
  engaged_contact_ids: 'engaged_contact_ids',
  meetings: 'meetings',
  opportunity_ids: 'opportunity_ids',
  targets: 'targets',
};

export function campaignEditor(opts: EditorOptions): Editor {
  const { view, draft } = opts;
  const accountId = draft.accountId;
  const currencyPlan = view.plan.currency;
  const fields = new Map<string, HTMLElement>();
  const formError = h('div', { class: 'cmp-form-error', role: 'alert' });

  const target = (): CampaignTarget => targetOf(draft.campaign, accountId) ?? {
    account_id: accountId,
    objective_id: null,
    buying_center_ids: [],
    contact_ids: [],
    engaged_contact_ids: [],
    meetings: 0,
    opportunity_ids: [],
  };
  const setCampaign = (change: Partial<Campaign>) => {
    draft.campaign = { ...draft.campaign, ...change };
  };
  const setTarget = (change: Partial<CampaignTarget>) => {
    draft.campaign = {
      ...draft.campaign,
      targets: draft.campaign.targets.map((t) => (t.account_id === accountId ? { ...t, ...change } : t)),
    };
  };

  /** A labelled field with an error slot (same structure as shared/forms `field`). */
  function row(key: string, label: string, control: HTMLElement, body: HTMLElement = control, hint?: string): HTMLElement {
    if (!control.id) control.id = uid('cmp');
    const errorId = `${control.id}-error`;
    const hintId = hint ? `${control.id}-hint` : null;
    control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
    const el = h(
      'div',
      { class: ['field', `cmp-field-${key}`], dataset: { field: key } },
      h('label', { for: control.id }, label),
      body,
      hint ? h('div', { class: 'hint', id: hintId! }, hint) : null,
      h('div', { class: 'field-error', id: errorId, 'aria-live': 'polite' }),
    );
    fields.set(key, el);
    return el;
  }

  // ---- the campaign ----
  const name = h('input', {
    type: 'text',
    maxlength: 200,
    autocomplete: 'off',
    value: draft.campaign.name,
    placeholder: 'e.g. CFO round table on CSRD',
    oninput: () => setCampaign({ name: name.value }),
  });
  const kind = h(
    'select',
    { onchange: () => setCampaign({ kind: kind.value as CampaignKind }) },
    options(CAMPAIGN_KINDS).map(([v, l]) => h('option', { value: v }, l)),
  );
  kind.value = draft.campaign.kind;
  const status = h(
    'select',
    { onchange: () => setCampaign({ status: status.value as CampaignStatus }) },
    options(CAMPAIGN_STATUSES).map(([v, l]) => h('option', { value: v }, l)),
  );
  status.value = draft.campaign.status;
  const startsOn = h('input', { type: 'date', value: draft.campaign.starts_on, onchange: () => setCampaign({ starts_on: startsOn.value }) });
  const endsOn = h('input', { type: 'date', value: draft.campaign.ends_on, onchange: () => setCampaign({ ends_on: endsOn.value }) });
  // Date inputs also report typing through `input`.
  startsOn.addEventListener('input', () => setCampaign({ starts_on: startsOn.value }));
  endsOn.addEventListener('input', () => setCampaign({ ends_on: endsOn.value }));
  const budgetSuffix = h('span', null, draft.campaign.currency);
  const budget = h('input', {
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    value: draft.budgetText,
    placeholder: '0',
    class: 'num',
    oninput: () => {
      draft.budgetText = budget.value;
    },
  });
  const currency = h('input', {
    type: 'text',
    maxlength: 3,
    autocomplete: 'off',
    value: draft.campaign.currency,
    class: 'cmp-currency',
    oninput: () => {
      const code = currency.value.trim().toUpperCase();
      setCampaign({ currency: code });
      replaceChildren(budgetSuffix, code);
    },
  });

  // ---- aimed at, in this account ----
  const marketing = view.objectives.filter((o) => o.kind === 'marketing' || o.id === target().objective_id);
  const objective = h(
    'select',
    { onchange: () => setTarget({ objective_id: objective.value || null }) },
    h('option', { value: '' }, marketing.length ? 'None chosen' : 'No marketing objectives in this plan'),
    marketing.map((o) => h('option', { value: o.id }, o.kind === 'marketing' ? o.title : `${o.title} (not a marketing objective)`)),
  );
  objective.value = target().objective_id ?? '';
  const bcName = new Map(view.buying_centers.map((b) => [b.id, b.name]));
  const contactOptions: ChipOption[] = view.contacts.map((c) => ({
    value: c.id,
    label: c.title ? `${c.name}, ${c.title}` : c.name,
    group: bcName.get(c.buying_center_id) ?? 'Other',
  }));
  const bcs = chipSelect({
    id: uid('cmp-bcs'),
    options: view.buying_centers.map((b) => ({ value: b.id, label: b.name })),
    selected: target().buying_center_ids,
    onChange: (v) => setTarget({ buying_center_ids: v }),
    addText: 'Add a buying center\u2026',
    emptyText: 'No buying center targeted',
    noOptionsText: 'No buying centers in this plan',
  });
  const contacts = chipSelect({
    id: uid('cmp-contacts'),
    options: contactOptions,
    selected: target().contact_ids,
    onChange: (v) => setTarget({ contact_ids: v }),
    addText: 'Add a contact\u2026',
    emptyText: 'No contact targeted',
    noOptionsText: 'No contacts in this plan',
  });

  // ---- outcomes, in this account ----
  const engaged = chipSelect({
    id: uid('cmp-engaged'),
    options: contactOptions,
    selected: target().engaged_contact_ids,
    onChange: (v) => setTarget({ engaged_contact_ids: v }),
    addText: 'Add an engaged contact\u2026',
    emptyText: 'Nobody engaged yet',
    noOptionsText: 'No contacts in this plan',
  });
  const meetings = h('input', {
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    value: draft.meetingsText,
    class: 'num cmp-meetings',
    oninput: () => {
      draft.meetingsText = meetings.value;
    },
  });
  const pipelineText = h('span', { class: 'cmp-influenced-amount' });
  const drawPipeline = () =>
    replaceChildren(pipelineText, formatMoneyForDisplay(influencedPipeline(target().opportunity_ids, view.opportunities), currencyPlan));
  const oppStatus: Record<string, string> = { open: 'open', won: 'won', lost: 'lost, not counted' };
  const opps = chipSelect({
    id: uid('cmp-opps'),
    options: view.opportunities.map((o) => ({
      value: o.id,
      label: `${o.name} (${formatMoneyForDisplay(o.amount, currencyPlan)}, ${oppStatus[o.status] ?? o.status})`,
      group: bcName.get(o.buying_center_id) ?? 'Other',
    })),
    selected: target().opportunity_ids,
    onChange: (v) => {
      setTarget({ opportunity_ids: v });
      drawPipeline();
    },
    addText: 'Link an opportunity\u2026',
    emptyText: 'No opportunity linked',
    noOptionsText: 'No opportunities in this plan',
  });
  drawPipeline();

  // ---- other accounts ----
  const others = h('ul', { class: 'cmp-chips cmp-other-accounts', 'aria-label': 'Other accounts' });
  const picker = h('select', { class: 'cmp-account-picker' });
  const addAccount = h('button', { type: 'button', class: 'small', onclick: () => attach() }, 'Add');
  picker.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      attach();
    }
  });

  function nameOf(id: string): string {
    return opts.accounts()?.find((a) => a.id === id)?.name ?? 'Loading\u2026';
  }

  function drawOthers(): void {
    const other = draft.campaign.targets.filter((t) => t.account_id !== accountId);
    replaceChildren(
      others,
      other.length === 0
        ? h('li', { class: 'cmp-chips-empty muted' }, 'Only this account')
        : other.map((t) =>
            h(
              'li',
              { class: 'cmp-chip', dataset: { accountId: t.account_id } },
              h('span', { class: 'cmp-chip-label' }, nameOf(t.account_id)),
              h(
                'button',
                {
                  type: 'button',
                  class: 'cmp-chip-remove',
                  'aria-label': `Stop aiming at ${nameOf(t.account_id)}`,
                  title: `Stop aiming at ${nameOf(t.account_id)} (its targets and outcomes there go too)`,
                  onclick: () => {
                    draft.campaign = detachAccount(draft.campaign, t.account_id);
                    drawOthers();
                    picker.focus();
                  },
                },
                '\u00d7',
              ),
            ),
          ),
    );
    const accounts = opts.accounts();
    const free = (accounts ?? []).filter((a) => !draft.campaign.targets.some((t) => t.account_id === a.id));
    replaceChildren(
      picker,
      h('option', { value: '' }, accounts === null ? 'Loading accounts\u2026' : free.length ? 'Choose an account\u2026' : 'No other accounts'),
      free.map((a) => h('option', { value: a.id }, a.name)),
    );
    picker.disabled = free.length === 0;
    addAccount.disabled = free.length === 0;
  }

  function attach(): void {
    const id = picker.value;
    if (!id) {
      showErrors({ targets: 'Choose an account to aim the campaign at' });
      picker.focus();
      return;
    }
    draft.campaign = attachAccount(draft.campaign, id);
    clearError('targets');
    drawOthers();
    picker.focus();
  }
  drawOthers();

  // ---- errors ----
  function clearError(key: string): void {
    const f = fields.get(key);
    if (f) setFieldError(f, null);
  }

  function clearErrors(): void {
    for (const f of fields.values()) setFieldError(f, null);
    replaceChildren(formError);
  }

  function showErrors(errors: FieldErrors): void {
    let first: HTMLElement | null = null;
    for (const [key, message] of Object.entries(errors)) {
      if (!message) continue;
      const f = fields.get(FIELD_ALIASES[key] ?? '');
      if (f) {
        setFieldError(f, message);
        first ??= f;
      } else {
        replaceChildren(formError, h('div', { class: 'banner error' }, message));
      }
    }
    const control = first?.querySelector<HTMLElement>('input, select, textarea');
    control?.focus();
  }

  // ---- the form ----
  const saveButton = h('button', { type: 'submit', class: 'primary' }, opts.isNew ? 'Create campaign' : 'Save campaign');
  const heading = uid('cmp-editor-title');
  const form = h(
    'form',
    {
      class: 'card cmp-editor',
      'aria-labelledby': heading,
      novalidate: true,
      onsubmit: async (e: Event) => {
        e.preventDefault();
        clearErrors();
        const built = buildCampaign(draft);
        if (!built.ok) {
          showErrors(built.errors);
          return;
        }
        saveButton.disabled = true;
        try {
          await opts.save(built.campaign);
        } catch (err) {
          const appErr = toAppError(err);
          showErrors({ [appErr.field && FIELD_ALIASES[appErr.field] ? appErr.field : '_form']: appErr.message });
        } finally {
          saveButton.disabled = false;
        }
      },
      onkeydown: (e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          opts.cancel();
        }
      },
    },
    h('h3', { id: heading }, opts.isNew ? 'New campaign' : `Edit campaign`),
    h(
      'fieldset',
      { class: 'cmp-fieldset' },
      h('legend', null, 'Campaign'),
      h(
        'div',
        { class: 'cmp-grid' },
        row('name', 'Name', name),
        row('kind', 'Type', kind),
        row('starts_on', 'Starts on', startsOn),
        row('ends_on', 'Ends on', endsOn),
        row('budget', 'Budget', budget, h('div', { class: 'with-suffix' }, budget, h('span', { class: 'suffix' }, budgetSuffix))),
        row('currency', 'Currency', currency, currency, `The plan's currency is ${currencyPlan}`),
        row('status', 'Status', status),
      ),
    ),
    h(
      'fieldset',
      { class: 'cmp-fieldset' },
      h('legend', null, `Aimed at ${view.account.name}`),
      row(
        'objective_id',
        'Marketing objective it serves',
        objective,
        objective,
        marketing.length ? undefined : 'Add a marketing objective in OSAs to link the campaign to it.',
      ),
      h('div', { class: 'cmp-grid' }, row('buying_center_ids', 'Target buying centers', bcs.control, bcs.el), row('contact_ids', 'Target contacts', contacts.control, contacts.el)),
    ),
    h(
      'fieldset',
      { class: 'cmp-fieldset' },
      h('legend', null, `Outcomes at ${view.account.name}`),
      h(
        'div',
        { class: 'cmp-grid' },
        row('engaged_contact_ids', 'Engaged contacts', engaged.control, engaged.el),
        row('meetings', 'Meetings', meetings),
      ),
      row(
        'opportunity_ids',
        'Influenced opportunities',
        opps.control,
        h('div', null, opps.el, h('p', { class: 'cmp-influenced' }, h('span', { class: 'cmp-influenced-label' }, 'Influenced pipeline: '), pipelineText)),
        'Open and won opportunities count; lost ones do not.',
      ),
    ),
    h(
      'fieldset',
      { class: 'cmp-fieldset' },
      h('legend', null, 'Other accounts'),
      row(
        'targets',
        'Also aim at\u2026',
        picker,
        h('div', null, others, h('div', { class: 'cmp-picker-row' }, picker, addAccount)),
        'One campaign, several accounts: targets and outcomes there are kept in each account\u2019s plan.',
      ),
    ),
    formError,
    h('div', { class: 'form-actions' }, saveButton, h('button', { type: 'button', onclick: () => opts.cancel() }, 'Cancel')),
  );

  return {
    el: form,
    accountsChanged: drawOthers,
    focusFirst: () => name.focus(),
  };
}
