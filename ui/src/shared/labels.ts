// Display names of the domain's enumerations, in one place.
import type { CompletenessTier } from '../ipc/bindings/CompletenessTier';
import type { GrowthTrend } from '../ipc/bindings/GrowthTrend';
import type { InteractionKind } from '../ipc/bindings/InteractionKind';
import type { LifeStage } from '../ipc/bindings/LifeStage';
import type { PlanStatus } from '../ipc/bindings/PlanStatus';
import type { TeamRole } from '../ipc/bindings/TeamRole';
import type { Tier } from '../ipc/bindings/Tier';
import type { TriggerKind } from '../ipc/bindings/TriggerKind';

export const LIFE_STAGES: Record<LifeStage, string> = {
  prospect: 'Prospect',
  customer: 'Customer',
  loyal_customer: 'Loyal customer',
  former_customer: 'Former customer',
};

export const TIERS: Record<Tier, string> = {
  tier1a: 'Tier 1a',
  tier1b: 'Tier 1b',
  tier2: 'Tier 2',
  tier3: 'Tier 3',
  unscored: 'Unscored',
};

export const GROWTH_TRENDS: Record<GrowthTrend, string> = {
  unknown: 'Unknown',
  declining: 'Declining',
  flat: 'Flat',
  growing: 'Growing',
  fast_growing: 'Fast growing',
};

export const TEAM_ROLES: Record<TeamRole, string> = {
  account_manager: 'Account manager',
  solution_engineer: 'Solution engineer',
  executive_sponsor: 'Executive sponsor',
  marketing: 'Marketing',
  customer_success: 'Customer success',
  services: 'Services',
  other: 'Other',
};

export const INTERACTION_KINDS: Record<InteractionKind, string> = {
  meeting: 'Meeting',
  call: 'Call',
  email: 'Email',
  event: 'Event',
  qbr: 'QBR',
  other: 'Other',
};

export const TRIGGER_KINDS: Record<TriggerKind, string> = {
  funding_round: 'Funding round',
  new_executive: 'New executive',
  merger: 'Merger or acquisition',
  regulation: 'Regulation',
  contract_renewal: 'Contract renewal',
  expansion: 'Expansion',
  other: 'Other',
};

export const PLAN_STATUSES: Record<PlanStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  closed: 'Closed',
};

export const COMPLETENESS_TIERS: Record<CompletenessTier, string> = {
  required: 'Required',
  recommended: 'Recommended',
  best_practice: 'Best practice',
};

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** [value, label] pairs for a `<select>`, in declaration order. */
export function options<K extends string>(labels: Record<K, string>): Array<[K, string]> {
  return Object.entries(labels) as Array<[K, string]>;
}
