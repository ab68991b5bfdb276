// Campaigns of this account: the timeline with budget totals, the list, and the editor.
// One campaign may be aimed at several accounts: this plan edits its own target (objective,
// buying centers, contacts, outcomes) and can aim the campaign at more accounts.
import './campaigns.css';
import type { FeatureView } from '../../app/context';
import { api } from '../../ipc/api';
import type { Campaign } from '../../ipc/bindings/Campaign';
import type { PlanView } from '../../ipc/bindings/PlanView';
import { toAppError } from '../../ipc/index';
import { h, replaceChildren } from '../../shared/dom';
import { formatDate } from '../../shared/format';
import { newId } from '../../shared/ids';
import { formatMoneyForDisplay, formatMoneyForEdit } from '../../shared/money-input';
import { showToast } from '../../shared/toast';
import { campaignEditor, type AccountChoice, type Editor } from './editor';
import {
  CAMPAIGN_KINDS,
  CAMPAIGN_STATUSES,
  byStart,
  detachAccount,
  influencedPipeline,
  newCampaign,
  targetOf,
  type CampaignDraft,
} from './model';
import { campaignTimeline, type TimelineBar } from './timeline';

interface EditorState {
  planId: string;
  draft: CampaignDraft;
  isNew: boolean;
}

/** Survives re-renders of the area (the shell re-renders after each save). */
const state: {
  editor: EditorState | null;
  /** Campaign whose delete question is open. */
  deleting: string | null;
  /** Other accounts by id, from the portfolio (names for "also aimed at"). */
  accounts: AccountChoice[] | null;
} = { editor: null, deleting: null, accounts: null };

/** The draft of an existing campaign, with its budget and meetings as the user edits them. */
export function draftOf(campaign: Campaign, accountId: string, isNew = false): CampaignDraft {
  return {
    campaign: structuredClone(campaign),
    accountId,
    budgetText: isNew && campaign.budget === 0 ? '' : formatMoneyForEdit(campaign.budget, campaign.currency),
    meetingsText: String(targetOf(campaign, accountId)?.meetings ?? 0),
  };
}

/** Timeline bars of this plan's campaigns. */
export function barsOf(campaigns: readonly Campaign[], detail?: (c: Campaign) => string | undefined): TimelineBar[] {
  return byStart(campaigns).map((c) => ({
    id: c.id,
    name: c.name,
    detail: detail?.(c),
    kind: CAMPAIGN_KINDS[c.kind] ?? c.kind,
    status: c.status,
    starts_on: c.starts_on,
    ends_on: c.ends_on,
    budget: c.budget,
    currency: c.currency,
  }));
}

export const campaignsView: FeatureView = (root, ctx) => {
  const view = ctx.view;
  const accountId = view.account.id;
  let alive = true;
  if (state.editor && state.editor.planId !== view.plan.id) state.editor = null;
  if (state.editor && !state.editor.isNew && !view.campaigns.some((c) => c.id === state.editor!.draft.campaign.id)) state.editor = null;
  if (state.deleting && !view.campaigns.some((c) => c.id === state.deleting)) state.deleting = null;
  if (ctx.readonly) state.editor = null;

  let editor: Editor | null = null;
  const exportStatus = h('span', { class: 'cmp-export-status', role: 'status', 'aria-live': 'polite' });

  const nameOf = (id: string) => state.accounts?.find((a) => a.id === id)?.name ?? null;

  /** Spans naming other accounts; filled in when the portfolio arrives. */
  function accountName(id: string): HTMLElement {
    return h('span', { class: 'cmp-account-name', dataset: { accountId: id } }, nameOf(id) ?? 'Loading\u2026');
  }

  const timelineSlot = h('div', { class: 'cmp-timeline-slot' });

  /** The timeline; other accounts are named once the portfolio has loaded. */
  function drawTimeline(): void {
    replaceChildren(
      timelineSlot,
      campaignTimeline(
        {
          bars: barsOf(view.campaigns, (c) => {
            const others = c.targets.filter((t) => t.account_id !== accountId);
            if (!others.length) return undefined;
            const names = others.map((t) => nameOf(t.account_id));
            return names.every((n) => n !== null)
              ? `also ${names.join(', ')}`
              : `also ${others.length} other account${others.length === 1 ? '' : 's'}`;
          }),
          cover: [view.plan.starts_on, view.plan.ends_on],
          today: view.today,
          period: { from: view.plan.starts_on, to: view.plan.ends_on },
        },
        `Timeline, ${view.plan.period}`,
      ),
    );
  }

  function render(): void {
    if (!alive) return;
    editor = null;
    drawTimeline();
    const ed = state.editor;
    if (ed) {
      editor = campaignEditor({
        view,
        draft: ed.draft,
        isNew: ed.isNew,
        accounts: () => state.accounts?.filter((a) => a.id !== accountId) ?? null,
        save: (c) => save(c),
        cancel: () => {
          state.editor = null;
          render();
          root.querySelector<HTMLElement>('.cmp-new')?.focus();
        },
      });
    }
    replaceChildren(
      root,
      h(
        'section',
        { class: 'campaigns', 'aria-label': 'Campaigns' },
        h(
          'p',
          { class: 'muted small area-meta' },
          `ABM campaigns aimed at ${view.account.name} \u00b7 ${view.plan.period} (${formatDate(view.plan.starts_on)} \u2013 ${formatDate(view.plan.ends_on)})`,
        ),
        ctx.readonly ? null : toolbar(),
        editor ? editor.el : null,
        timelineSlot,
        list(),
      ),
    );
  }

  function toolbar(): HTMLElement {
    return h(
      'div',
      { class: 'toolbar cmp-toolbar' },
      h(
        'button',
        {
          type: 'button',
          class: 'primary cmp-new',
          disabled: state.editor?.isNew ?? false,
          onclick: () => openEditor(null),
        },
        'New campaign',
      ),
      h(
        'button',
        { type: 'button', class: 'cmp-export', onclick: () => void exportCalendar(), title: 'Actions with due dates and campaign date ranges of this plan' },
        'Export calendar (.ics)',
      ),
      exportStatus,
    );
  }

  async function exportCalendar(): Promise<void> {
    replaceChildren(exportStatus, 'Choose where to save the calendar\u2026');
    try {
      const r = await api.exportCalendar({ plan_id: view.plan.id, owner_id: null });
      if (!alive) return;
      replaceChildren(exportStatus, r.path ? h('span', null, 'Saved to ', h('span', { class: 'mono' }, r.path)) : 'Cancelled');
    } catch (err) {
      if (!alive) return;
      replaceChildren(exportStatus, h('span', { class: 'error-text' }, `Not exported: ${toAppError(err).message}`));
    }
  }

  function openEditor(campaign: Campaign | null): void {
    const marketing = view.objectives.filter((o) => o.kind === 'marketing');
    const c =
      campaign ??
      newCampaign({
        id: newId(),
        accountId,
        currency: view.plan.currency,
        today: view.today,
        objectiveId: marketing.length === 1 ? marketing[0]!.id : null,
      });
    state.editor = { planId: view.plan.id, draft: draftOf(c, accountId, campaign === null), isNew: campaign === null };
    state.deleting = null;
    render();
    editor?.el.scrollIntoView?.({ block: 'nearest' });
    editor?.focusFirst();
  }

  async function refresh(): Promise<void> {
    try {
      const fresh: PlanView = await api.planView(view.plan.id);
      if (alive) ctx.replaceView(fresh);
    } catch (err) {
      showToast(`Saved, but the plan could not be reloaded: ${toAppError(err).message}`, { kind: 'error' });
    }
  }

  async function save(campaign: Campaign): Promise<void> {
    await api.saveCampaign(campaign);
    const created = state.editor?.isNew;
    state.editor = null;
    showToast(created ? `Campaign \u201c${campaign.name}\u201d created` : `Campaign \u201c${campaign.name}\u201d saved`, { kind: 'success', timeoutMs: 4000 });
    await refresh();
  }

  async function remove(campaign: Campaign, onlyHere: boolean, errorSlot: HTMLElement): Promise<void> {
    try {
      if (onlyHere) await api.saveCampaign(detachAccount(campaign, accountId));
      else await api.deleteCampaign(campaign.id);
      state.deleting = null;
      showToast(onlyHere ? `\u201c${campaign.name}\u201d is no longer aimed at ${view.account.name}` : `Campaign \u201c${campaign.name}\u201d deleted`, {
        timeoutMs: 4000,
      });
      await refresh();
    } catch (err) {
      if (alive) replaceChildren(errorSlot, h('div', { class: 'banner error', role: 'alert' }, toAppError(err).message));
    }
  }

  function list(): HTMLElement {
    const campaigns = byStart(view.campaigns);
    const money = (m: number, cur: string) => formatMoneyForDisplay(m, cur);
    const objectives = new Map(view.objectives.map((o) => [o.id, o.title]));
    const cols = ctx.readonly ? 6 : 7;
    const rows = campaigns.flatMap((c) => {
      const t = targetOf(c, accountId);
      const others = c.targets.filter((x) => x.account_id !== accountId);
      const pipeline = t ? influencedPipeline(t.opportunity_ids, view.opportunities) : 0;
      const row = h(
        'tr',
        { dataset: { id: c.id }, class: ['cmp-row', state.editor?.draft.campaign.id === c.id && 'selected'] },
        h(
          'td',
          null,
          h('div', { class: 'cmp-name' }, c.name),
          h('div', { class: 'muted small' }, CAMPAIGN_KINDS[c.kind] ?? c.kind),
          t?.objective_id ? h('div', { class: 'small cmp-objective' }, 'Serves: ', objectives.get(t.objective_id) ?? 'an objective no longer in the plan') : null,
        ),
        h('td', { class: 'cmp-dates' }, `${formatDate(c.starts_on)} \u2013 ${formatDate(c.ends_on)}`),
        h('td', null, h('span', { class: ['badge', 'cmp-status', `status-${c.status}`] }, CAMPAIGN_STATUSES[c.status] ?? c.status)),
        h('td', { class: 'num' }, money(c.budget, c.currency)),
        h(
          'td',
          { class: 'small cmp-outcomes' },
          t
            ? [
                h('div', null, `${t.engaged_contact_ids.length} engaged contact${t.engaged_contact_ids.length === 1 ? '' : 's'} \u00b7 ${t.meetings} meeting${t.meetings === 1 ? '' : 's'}`),
                h('div', null, 'Influenced pipeline: ', h('strong', null, money(pipeline, view.plan.currency))),
              ]
            : null,
        ),
        h(
          'td',
          { class: 'small cmp-also' },
          others.length === 0
            ? h('span', { class: 'muted' }, 'Only this account')
            : h('ul', { class: 'cmp-also-list' }, others.map((o) => h('li', null, accountName(o.account_id)))),
        ),
        ctx.readonly
          ? null
          : h(
              'td',
              { class: 'cmp-row-actions' },
              h('button', { type: 'button', class: 'small', 'aria-label': `Edit ${c.name}`, onclick: () => openEditor(c) }, 'Edit'),
              h(
                'button',
                {
                  type: 'button',
                  class: 'small danger',
                  'aria-label': `Delete ${c.name}`,
                  onclick: () => {
                    state.deleting = c.id;
                    render();
                    root.querySelector<HTMLElement>('.cmp-confirm button')?.focus();
                  },
                },
                'Delete',
              ),
            ),
      );
      if (state.deleting !== c.id || ctx.readonly) return [row];
      const errorSlot = h('div');
      const confirm = h(
        'tr',
        { class: 'cmp-confirm-row' },
        h(
          'td',
          { colspan: cols },
          h(
            'div',
            { class: 'cmp-confirm', role: 'alertdialog', 'aria-label': `Delete ${c.name}?` },
            h(
              'p',
              null,
              h('strong', null, `Delete \u201c${c.name}\u201d?`),
              ' ',
              others.length
                ? `It is also aimed at ${others.length} other account${others.length === 1 ? '' : 's'}: deleting removes it there too.`
                : 'Its targets and outcomes go with it.',
            ),
            h(
              'div',
              { class: 'form-actions' },
              h('button', { type: 'button', class: 'danger', onclick: () => void remove(c, false, errorSlot) }, others.length ? 'Delete everywhere' : 'Delete'),
              others.length
                ? h('button', { type: 'button', onclick: () => void remove(c, true, errorSlot) }, `Remove from ${view.account.name} only`)
                : null,
              h(
                'button',
                {
                  type: 'button',
                  onclick: () => {
                    state.deleting = null;
                    render();
                  },
                },
                'Cancel',
              ),
            ),
            errorSlot,
          ),
        ),
      );
      return [row, confirm];
    });
    return h(
      'section',
      { class: 'cmp-list', 'aria-label': 'Campaign list' },
      h('h3', null, `Campaigns (${campaigns.length})`),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'cmp-table' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', null, 'Campaign'),
              h('th', null, 'Dates'),
              h('th', null, 'Status'),
              h('th', { class: 'num' }, 'Budget'),
              h('th', null, 'Outcomes here'),
              h('th', null, 'Also aimed at'),
              ctx.readonly ? null : h('th', null, h('span', { class: 'visually-hidden' }, 'Actions')),
            ),
          ),
          h(
            'tbody',
            null,
            rows.length
              ? rows
              : h(
                  'tr',
                  null,
                  h(
                    'td',
                    { colspan: cols, class: 'empty' },
                    ctx.readonly ? 'No campaigns were aimed at this account.' : 'No campaigns aimed at this account yet. Start one with \u201cNew campaign\u201d.',
                  ),
                ),
          ),
        ),
      ),
    );
  }

  render();

  // Names of the other accounts (for "also aimed at" and the account picker).
  void api
    .listPortfolio()
    .then((rows) => {
      state.accounts = rows.map((r) => ({ id: r.id, name: r.name }));
      if (!alive) return;
      for (const span of root.querySelectorAll<HTMLElement>('.cmp-account-name')) {
        replaceChildren(span, nameOf(span.dataset.accountId ?? '') ?? 'An account no longer in the portfolio');
      }
      editor?.accountsChanged();
      drawTimeline();
    })
    .catch((err) => {
      if (!alive) return;
      for (const span of root.querySelectorAll<HTMLElement>('.cmp-account-name')) replaceChildren(span, 'Unknown account');
      showToast(`Could not load the account names: ${toAppError(err).message}`, { kind: 'error' });
    });

  return () => {
    alive = false;
  };
};
