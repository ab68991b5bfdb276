// Campaigns: labels, the pure rules of the editor (a form's text to a Campaign) and the
// figures the list shows. No DOM here.
import type { Campaign } from '../../ipc/bindings/Campaign';
import type { CampaignKind } from '../../ipc/bindings/CampaignKind';
import type { CampaignStatus } from '../../ipc/bindings/CampaignStatus';
import type { CampaignTarget } from '../../ipc/bindings/CampaignTarget';
import type { Opportunity } from '../../ipc/bindings/Opportunity';
import { parseMoney, parseWholeNumber } from '../../shared/money-input';

export const CAMPAIGN_KINDS: Record<CampaignKind, string> = {
  executive_briefing: 'Executive briefing',
  event: 'Event',
  webinar: 'Webinar',
  content: 'Content/case study',
  direct_mail: 'Direct mail',
  digital_ads: 'Digital ads',
  email: 'Email',
  executive_sponsorship: 'Executive sponsorship',
};

export const CAMPAIGN_STATUSES: Record<CampaignStatus, string> = {
  planned: 'Planned',
  active: 'Active',
  done: 'Done',
};

/** What a campaign aimed at one more account starts with there. */
export function emptyTarget(accountId: string): CampaignTarget {
  return {
    account_id: accountId,
    objective_id: null,
    buying_center_ids: [],
    contact_ids: [],
    engaged_contact_ids: [],
    meetings: 0,
    opportunity_ids: [],
  };
}

/** Aims the campaign at one more account (no change when it already is). Returns a new object. */
export function attachAccount(campaign: Campaign, accountId: string): Campaign {
  if (campaign.targets.some((t) => t.account_id === accountId)) return campaign;
  return { ...campaign, targets: [...campaign.targets, emptyTarget(accountId)] };
}

/** Stops aiming the campaign at an account. Returns a new object. */
export function detachAccount(campaign: Campaign, accountId: string): Campaign {
  return { ...campaign, targets: campaign.targets.filter((t) => t.account_id !== accountId) };
}

/** The campaign's target for one account. */
export function targetOf(campaign: Campaign, accountId: string): CampaignTarget | undefined {
  return campaign.targets.find((t) => t.account_id === accountId);
}

/** "2026-03-05" plus n days, as an ISO date. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1) + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** A new campaign of this account: planned, four weeks from today, in the plan's currency. */
export function newCampaign(opts: {
  id: string;
  accountId: string;
  currency: string;
  today: string;
  objectiveId?: string | null;
}): Campaign {
  return {
    id: opts.id,
    name: '',
    kind: 'event',
    starts_on: opts.today,
    ends_on: addDays(opts.today, 27),
    budget: 0,
    currency: opts.currency,
    status: 'planned',
    targets: [{ ...emptyTarget(opts.accountId), objective_id: opts.objectiveId ?? null }],
  };
}

/**
 * The editor's state: the campaign as last saved (or new) with the edits that are exact
 * already applied (selects, chips), and the typed text that still has to be parsed.
 */
export interface CampaignDraft {
  campaign: Campaign;
  /** The account whose plan is open: its target holds the objective, targets and outcomes. */
  accountId: string;
  budgetText: string;
  meetingsText: string;
}

export type FieldErrors = Partial<Record<string, string>>;

export type BuildResult = { ok: true; campaign: Campaign } | { ok: false; errors: FieldErrors };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The Campaign to send: typed text parsed (budget in major units of the campaign's currency to
 * minor units, meetings as a count). Only what cannot even be sent is refused here; the core
 * judges the rest (a campaign ending before it starts, a negative budget) and says so per field.
 */
export function buildCampaign(draft: CampaignDraft): BuildResult {
  const errors: FieldErrors = {};
  const c = draft.campaign;
  const currency = c.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = 'Enter a three-letter currency code like EUR';
  const budget = parseMoney(draft.budgetText, currency || 'EUR');
  if (!budget.ok) errors.budget = budget.message;
  const meetings = parseWholeNumber(draft.meetingsText, { min: 0, max: 100_000, empty: 0, example: '3' });
  if (!meetings.ok) errors.meetings = meetings.message;
  if (!ISO_DATE.test(c.starts_on)) errors.starts_on = 'Enter the start date';
  if (!ISO_DATE.test(c.ends_on)) errors.ends_on = 'Enter the end date';
  if (!c.targets.some((t) => t.account_id === draft.accountId)) errors.targets = 'The campaign is no longer aimed at this account';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    campaign: {
      ...c,
      name: c.name.trim(),
      currency,
      budget: budget.ok ? budget.value : 0,
      targets: c.targets.map((t) =>
        t.account_id === draft.accountId ? { ...t, meetings: meetings.ok ? (meetings.value ?? 0) : 0 } : t,
      ),
    },
  };
}

/** Influenced pipeline of one target: the amounts of its linked opportunities that are open or won. */
export function influencedPipeline(opportunityIds: readonly string[], opportunities: readonly Opportunity[]): number {
  return opportunities
    .filter((o) => opportunityIds.includes(o.id) && o.status !== 'lost')
    .reduce((sum, o) => sum + o.amount, 0);
}

export interface BudgetTotal {
  currency: string;
  total: number;
  count: number;
}

/** Budget totals per currency, in order of first appearance (campaigns may use different currencies). */
export function budgetTotals(campaigns: ReadonlyArray<Pick<Campaign, 'budget' | 'currency'>>): BudgetTotal[] {
  const totals: BudgetTotal[] = [];
  for (const c of campaigns) {
    const currency = c.currency.toUpperCase();
    const t = totals.find((x) => x.currency === currency);
    if (t) {
      t.total += c.budget;
      t.count += 1;
    } else totals.push({ currency, total: c.budget, count: 1 });
  }
  return totals;
}

/** Campaigns in the order people read them: by start date, then name. */
export function byStart<T extends Pick<Campaign, 'starts_on' | 'name'>>(campaigns: readonly T[]): T[] {
  return [...campaigns].sort((a, b) => a.starts_on.localeCompare(b.starts_on) || a.name.localeCompare(b.name));
}
