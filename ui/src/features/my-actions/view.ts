// My actions: one team member's open actions across every account, by when they fall due,
// each linking to its plan's OSAs; their calendar per account; and every campaign on one
// cross-account timeline with budget totals.
import './my-actions.css';
import { planHash } from '../../app/context';
import { api } from '../../ipc/api';
import type { Campaign } from '../../ipc/bindings/Campaign';
import type { MyAction } from '../../ipc/bindings/MyAction';
import { toAppError } from '../../ipc/index';
import { h, replaceChildren } from '../../shared/dom';
import { formatDate } from '../../shared/format';
import { uid } from '../../shared/forms';
import { barsOf, campaignTimeline } from '../campaigns';
import { accountsOf, groupByBucket, memberIdIn, rememberMember, rememberedMember, type AccountGroup } from './model';

export function myActionsPage(root: HTMLElement): () => void {
  let alive = true;
  let member = rememberedMember();
  let loadToken = 0;

  const selectId = uid('ma-member');
  const memberSelect = h('select', { id: selectId, class: 'ma-member', disabled: true }, h('option', { value: '' }, 'Loading\u2026'));
  const body = h('div', { class: 'ma-body', 'aria-live': 'polite' });
  const exportSlot = h('div', { class: 'ma-export-slot' });
  const timelineSlot = h('div', { class: 'ma-timeline-slot' }, h('p', { class: 'muted', role: 'status' }, 'Loading campaigns\u2026'));

  replaceChildren(
    root,
    h(
      'section',
      { class: 'my-actions', 'aria-labelledby': 'ma-title' },
      h(
        'div',
        { class: 'page-header' },
        h('h1', { id: 'ma-title' }, 'My actions'),
        h('div', { class: 'toolbar ma-picker' }, h('label', { for: selectId }, 'Team member'), memberSelect),
      ),
      body,
      exportSlot,
      timelineSlot,
    ),
  );

  memberSelect.addEventListener('change', () => {
    member = memberSelect.value;
    rememberMember(member);
    void loadActions();
  });

  async function loadMembers(): Promise<void> {
    try {
      const names = await api.teamMembers();
      if (!alive) return;
      if (names.length === 0) {
        replaceChildren(memberSelect, h('option', { value: '' }, 'No team members yet'));
        replaceChildren(
          body,
          h(
            'div',
            { class: 'card empty-state' },
            h('p', null, 'No account has a team yet.'),
            h('p', null, 'Add our people to an account\u2019s team in its overview; their actions then show up here. ', h('a', { href: '#/' }, 'Open the portfolio')),
          ),
        );
        return;
      }
      const known = names.find((n) => n.trim().toLowerCase() === member.trim().toLowerCase());
      member = known ?? '';
      replaceChildren(
        memberSelect,
        h('option', { value: '' }, 'Choose a team member\u2026'),
        names.map((n) => h('option', { value: n }, n)),
      );
      memberSelect.value = member;
      memberSelect.disabled = false;
      await loadActions();
    } catch (err) {
      if (!alive) return;
      replaceChildren(memberSelect, h('option', { value: '' }, 'Unavailable'));
      replaceChildren(body, h('div', { class: 'banner error', role: 'alert' }, `Could not load the account teams: ${toAppError(err).message}`));
    }
  }

  async function loadActions(): Promise<void> {
    const my = ++loadToken;
    replaceChildren(exportSlot);
    if (!member) {
      replaceChildren(body, h('p', { class: 'card muted ma-choose' }, 'Choose a team member to see their open actions across all accounts.'));
      return;
    }
    replaceChildren(body, h('p', { class: 'muted', role: 'status' }, `Loading ${member}\u2019s actions\u2026`));
    try {
      const actions = await api.myActions(member);
      if (!alive || my !== loadToken) return;
      renderActions(member, actions);
    } catch (err) {
      if (!alive || my !== loadToken) return;
      replaceChildren(body, h('div', { class: 'banner error', role: 'alert' }, `Could not load the actions: ${toAppError(err).message}`));
    }
  }

  function renderActions(name: string, actions: MyAction[]): void {
    const accounts = accountsOf(actions);
    const groups = groupByBucket(actions);
    replaceChildren(
      body,
      h(
        'p',
        { class: 'ma-summary' },
        actions.length === 0
          ? `${name} has no open actions.`
          : `${name} has ${actions.length} open action${actions.length === 1 ? '' : 's'} in ${accounts.length} account${accounts.length === 1 ? '' : 's'}.`,
      ),
      groups.map((g) => {
        const headingId = uid('ma-group');
        return h(
          'section',
          { class: ['card', 'ma-group', `bucket-${g.bucket}`], dataset: { bucket: g.bucket }, 'aria-labelledby': headingId },
          h('h2', { id: headingId }, h('span', { class: 'ma-group-label' }, g.label), ' ', h('span', { class: 'ma-count badge' }, String(g.actions.length))),
          g.actions.length === 0
            ? h('p', { class: 'muted ma-none' }, 'Nothing here.')
            : h(
                'div',
                { class: 'table-wrap' },
                h(
                  'table',
                  { class: 'ma-table' },
                  h(
                    'thead',
                    null,
                    h(
                      'tr',
                      null,
                      h('th', { class: 'ma-col-account' }, 'Account'),
                      h('th', { class: 'ma-col-objective' }, 'Objective'),
                      h('th', null, 'Action'),
                      h('th', { class: 'ma-col-due' }, 'Due'),
                      h('th', { class: 'ma-col-link' }, h('span', { class: 'visually-hidden' }, 'Link')),
                    ),
                  ),
                  h('tbody', null, g.actions.map((a) => actionRow(a))),
                ),
              ),
        );
      }),
    );
    renderExport(name, accounts);
  }

  function actionRow(a: MyAction): HTMLElement {
    return h(
      'tr',
      { dataset: { actionId: a.action.id } },
      h('td', { class: 'ma-account' }, a.account),
      h('td', { class: 'ma-objective' }, a.objective || h('span', { class: 'muted' }, 'No objective')),
      h(
        'td',
        { class: 'ma-what' },
        a.action.what,
        a.action.status === 'blocked' ? [' ', h('span', { class: 'badge amber' }, 'Blocked')] : null,
      ),
      h('td', { class: ['ma-due', a.bucket === 'overdue' && 'overdue'] }, a.action.due_on ? formatDate(a.action.due_on) : 'No date'),
      h(
        'td',
        { class: 'ma-link' },
        h('a', { href: planHash(a.plan_id, 'osas'), 'aria-label': `Open ${a.account}'s OSAs for \u201c${a.action.what}\u201d` }, 'Open OSAs'),
      ),
    );
  }

  function renderExport(name: string, accounts: AccountGroup[]): void {
    if (accounts.length === 0) {
      replaceChildren(exportSlot);
      return;
    }
    replaceChildren(
      exportSlot,
      h(
        'section',
        { class: 'card ma-export', 'aria-labelledby': 'ma-export-title' },
        h('h2', { id: 'ma-export-title' }, 'Export my calendar'),
        h(
          'p',
          { class: 'muted small' },
          `One .ics file per account: ${name}\u2019s actions with due dates there, and the account\u2019s campaigns.`,
        ),
        h(
          'ul',
          { class: 'ma-export-list' },
          accounts.map((g) => {
            const status = h('span', { class: 'ma-export-status', role: 'status', 'aria-live': 'polite' });
            const button = h(
              'button',
              {
                type: 'button',
                class: 'ma-export-button',
                'aria-label': `Export my calendar for ${g.account}`,
                onclick: () => void exportFor(name, g, status, button),
              },
              'Export my calendar',
            );
            return h(
              'li',
              { dataset: { accountId: g.accountId } },
              h('span', { class: 'ma-export-account' }, g.account),
              h('span', { class: 'muted small' }, `${g.count} open action${g.count === 1 ? '' : 's'}`),
              button,
              status,
            );
          }),
        ),
      ),
    );
  }

  async function exportFor(name: string, g: AccountGroup, status: HTMLElement, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    replaceChildren(status, 'Choose where to save\u2026');
    try {
      const view = await api.planView(g.planId);
      const ownerId = memberIdIn(view.account.team, name);
      if (!ownerId) {
        if (alive) replaceChildren(status, h('span', { class: 'error-text' }, `${name} is no longer on ${g.account}\u2019s team.`));
        return;
      }
      const r = await api.exportCalendar({ plan_id: g.planId, owner_id: ownerId });
      if (!alive) return;
      replaceChildren(status, r.path ? h('span', null, 'Saved to ', h('span', { class: 'mono' }, r.path)) : 'Cancelled');
    } catch (err) {
      if (alive) replaceChildren(status, h('span', { class: 'error-text' }, `Not exported: ${toAppError(err).message}`));
    } finally {
      button.disabled = false;
    }
  }

  async function loadTimeline(): Promise<void> {
    try {
      const [campaigns, portfolio, status] = await Promise.all([api.listCampaigns(), api.listPortfolio(), api.appStatus().catch(() => null)]);
      if (!alive) return;
      const names = new Map(portfolio.map((r) => [r.id, r.name]));
      const today = status?.today ?? localToday();
      const detail = (c: Campaign) => c.targets.map((t) => names.get(t.account_id) ?? 'an account no longer in the portfolio').join(', ');
      replaceChildren(timelineSlot, campaignTimeline({ bars: barsOf(campaigns, detail), cover: [today], today }, 'All campaigns across accounts'));
    } catch (err) {
      if (alive) replaceChildren(timelineSlot, h('div', { class: 'banner error', role: 'alert' }, `Could not load the campaigns: ${toAppError(err).message}`));
    }
  }

  void loadMembers();
  void loadTimeline();

  return () => {
    alive = false;
  };
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
