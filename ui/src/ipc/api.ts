// Typed wrappers for every backend command. Types come from the Rust side (ts-rs, in
// ./bindings); nothing here is hand-copied. Tauri maps camelCase argument names to the
// commands' snake_case parameters.
import { call } from './index';
import type { Account } from './bindings/Account';
import type { AccountSummary } from './bindings/AccountSummary';
import type { AppStatus } from './bindings/AppStatus';
import type { Commentary } from './bindings/Commentary';
import type { ExportRequest } from './bindings/ExportRequest';
import type { ExportResult } from './bindings/ExportResult';
import type { CalendarExportRequest } from './bindings/CalendarExportRequest';
import type { Campaign } from './bindings/Campaign';
import type { FileExportResult } from './bindings/FileExportResult';
import type { MyAction } from './bindings/MyAction';
import type { PortfolioInsights } from './bindings/PortfolioInsights';
import type { Settings } from './bindings/Settings';
import type { SettingsSaved } from './bindings/SettingsSaved';
import type { SuggestedScore } from './bindings/SuggestedScore';
import type { Thresholds } from './bindings/Thresholds';
import type { WeightProfile } from './bindings/WeightProfile';
import type { Weights } from './bindings/Weights';
import type { WhiteSpaceExportRequest } from './bindings/WhiteSpaceExportRequest';
import type { ItemRef } from './bindings/ItemRef';
import type { Offering } from './bindings/Offering';
import type { PeriodChoice } from './bindings/PeriodChoice';
import type { PeriodOption } from './bindings/PeriodOption';
import type { Plan } from './bindings/Plan';
import type { PlanStatus } from './bindings/PlanStatus';
import type { RolledForward } from './bindings/RolledForward';
import type { PlanItem } from './bindings/PlanItem';
import type { PlanView } from './bindings/PlanView';
import type { PortfolioRow } from './bindings/PortfolioRow';
import type { Snapshot } from './bindings/Snapshot';
import type { PlanComparison } from './bindings/PlanComparison';
import type { SnapshotInfo } from './bindings/SnapshotInfo';

export const api = {
  appStatus: () => call<AppStatus>('app_status'),
  /** `fileName`: a backup's file name in the data folder's `backups/` (never a path). */
  restoreBackup: (fileName: string) => call<AppStatus>('restore_backup', { fileName }),
  keepWhatTheStoreHas: () => call<AppStatus>('keep_what_the_store_has'),

  listPortfolio: () => call<PortfolioRow[]>('list_portfolio'),
  /** `period`: this fiscal year (default) or the next one, as `newAccountPeriods` offers. */
  createAccount: (name: string, period: PeriodChoice = 'current') =>
    call<AccountSummary>('create_account', { name, period }),
  newAccountPeriods: () => call<PeriodOption[]>('new_account_periods'),
  updateAccount: (account: Account) => call<Account>('update_account', { account }),
  deleteAccount: (id: string) => call<void>('delete_account', { id }),
  undoDeleteAccount: () => call<void>('undo_delete_account'),
  loadSample: () => call<AccountSummary>('load_sample'),

  listPlans: (accountId: string) => call<Plan[]>('list_plans', { accountId }),
  planView: (planId: string) => call<PlanView>('get_plan_view', { planId }),
  /** One user edit: saved and flushed together, returns the recomputed plan. */
  saveItems: (planId: string, upserts: PlanItem[], deletes: ItemRef[] = []) =>
    call<PlanView>('save_items', { planId, upserts, deletes }),
  deleteBuyingCenter: (planId: string, id: string, moveTo: string | null) =>
    call<PlanView>('delete_buying_center', { planId, id, moveTo }),
  deleteContact: (planId: string, id: string, reportsToInstead: string | null) =>
    call<PlanView>('delete_contact', { planId, id, reportsToInstead }),
  rollForward: (planId: string) => call<RolledForward>('roll_forward', { planId }),
  /** The plan's executive summary, asks and wins; returns the recomputed plan. */
  savePlanCommentary: (planId: string, commentary: Commentary) =>
    call<PlanView>('save_plan_commentary', { planId, commentary }),
  /** Draft, active or closed (closed is read-only until reopened); returns the plan. */
  setPlanStatus: (planId: string, status: PlanStatus) => call<Plan>('set_plan_status', { planId, status }),
  takeSnapshot: (planId: string, label: string) => call<Snapshot>('take_snapshot', { planId, label }),
  listSnapshots: (planId: string) => call<SnapshotInfo[]>('list_snapshots', { planId }),
  snapshotView: (snapshotId: string) => call<PlanView>('get_snapshot_view', { snapshotId }),
  /** "QBR Q4 2026": the fiscal quarter today falls in, offered as a new snapshot's label. */
  suggestSnapshotLabel: (planId: string) => call<string>('suggest_snapshot_label', { planId }),
  /** What changed from a snapshot to another one, or to the plan now (`toSnapshotId` null). */
  comparePlan: (planId: string, fromSnapshotId: string, toSnapshotId: string | null) =>
    call<PlanComparison>('compare_plan', { planId, fromSnapshotId, toSnapshotId }),

  listOfferings: () => call<Offering[]>('list_offerings'),
  saveOffering: (offering: Offering) => call<Offering[]>('save_offering', { offering }),

  // Exports: the back end asks where to save with the native dialog (the page never names a
  // path); `path` in the result is null when the user cancelled.
  exportPdf: (request: ExportRequest) => call<ExportResult>('export_pdf', { request }),
  /** White-space matrix as CSV or an Excel workbook. */
  exportWhiteSpace: (request: WhiteSpaceExportRequest) => call<FileExportResult>('export_white_space', { request }),
  /** Actions (one owner's when `owner_id` is set, else all with the campaigns) as an .ics calendar. */
  exportCalendar: (request: CalendarExportRequest) => call<FileExportResult>('export_calendar', { request }),

  listCampaigns: () => call<Campaign[]>('list_campaigns'),
  /** Validated against every targeted account's current plan; returns all campaigns. */
  saveCampaign: (campaign: Campaign) => call<Campaign[]>('save_campaign', { campaign }),
  deleteCampaign: (id: string) => call<Campaign[]>('delete_campaign', { id }),
  /** Open actions of one team member (by name) across all accounts, bucketed by due date. */
  myActions: (member: string) => call<MyAction[]>('my_actions', { member }),
  teamMembers: () => call<string[]>('team_members'),

  getSettings: () => call<Settings>('get_settings'),
  /** Re-tiers the portfolio at once; `moved` says how many accounts changed tier. */
  saveSegmentation: (weights: Weights, thresholds: Thresholds) =>
    call<SettingsSaved>('save_segmentation', { weights, thresholds }),
  /** Replaces the saved weight profiles (kept in the store); returns the settings. */
  saveWeightProfiles: (profiles: WeightProfile[]) => call<Settings>('save_weight_profiles', { profiles }),
  portfolioInsights: () => call<PortfolioInsights>('portfolio_insights'),
  suggestedScores: (planId: string) => call<SuggestedScore[]>('suggested_scores', { planId }),
};
