//! The plain data the store's API takes and returns (besides planner-core's own types).

use chrono::{DateTime, NaiveDate, Utc};
use planner_core::segmentation::{Thresholds, Weights};
use planner_core::view::AccountSummary;
use planner_core::*;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Portfolio-wide settings: how accounts are segmented.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Settings {
    pub weights: Weights,
    pub thresholds: Thresholds,
    /// Named weight profiles; absent in stores written before they existed.
    #[serde(default)]
    pub profiles: Vec<planner_core::segmentation::WeightProfile>,
}

/// One user edit of a plan: everything it changes, written in one transaction.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Edit {
    pub plan_id: Id,
    pub upserts: Vec<PlanItem>,
    pub deletes: Vec<(ItemKind, Id)>,
    /// The account summary refreshed for the edited plan (if it is the current plan).
    pub summary: Option<AccountSummary>,
}

/// A snapshot without its frozen copy, for listing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct SnapshotInfo {
    pub id: Id,
    pub plan_id: Id,
    pub taken_on: NaiveDate,
    pub label: String,
}

impl From<&Snapshot> for SnapshotInfo {
    fn from(s: &Snapshot) -> Self {
        SnapshotInfo {
            id: s.id,
            plan_id: s.plan_id,
            taken_on: s.taken_on,
            label: s.label.clone(),
        }
    }
}

/// Everything `delete_account` removed, so that `restore_account` can put it back (undo).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeletedAccount {
    pub account: Account,
    pub summary: Option<AccountSummary>,
    pub plans: Vec<PlanExport>,
    /// Campaign targets on this account, removed from their campaigns: (campaign id, target).
    pub campaign_targets: Vec<(Id, CampaignTarget)>,
}

/// The value of `ExportFile::format`.
pub const EXPORT_FORMAT: &str = "account-planner";

/// The whole store as one JSON document: backups, export/import and restore all use it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportFile {
    /// Always `"account-planner"`.
    pub format: String,
    /// The schema version of the records inside (= `SCHEMA_VERSION` when we write it).
    pub version: u32,
    pub exported_at: DateTime<Utc>,
    pub accounts: Vec<AccountExport>,
    pub offerings: Vec<Offering>,
    pub campaigns: Vec<Campaign>,
    pub settings: Settings,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountExport {
    pub account: Account,
    /// Ordered by `starts_on`.
    pub plans: Vec<PlanExport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanExport {
    pub plan: Plan,
    pub content: PlanContent,
    /// Newest first.
    pub snapshots: Vec<Snapshot>,
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ImportReport {
    pub accounts_added: usize,
    /// Accounts already in the store (same id), replaced with the file's version and plans.
    pub accounts_replaced: usize,
    pub plans: usize,
    pub items: usize,
    pub snapshots: usize,
    pub offerings: usize,
    pub campaigns: usize,
    /// Settings are taken from the file only when the store had none of its own.
    pub settings_imported: bool,
    /// The backup written before the import.
    pub backup: Option<PathBuf>,
}

/// One backup file in `<dir>/backups/`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupInfo {
    pub path: PathBuf,
    pub created_at: DateTime<Utc>,
    /// "daily", "before-import", "before-migration-v1-to-v2", or what `backup` was given.
    pub reason: String,
    pub bytes: u64,
}
