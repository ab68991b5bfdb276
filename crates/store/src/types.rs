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
    /// "daily", "auto", "on-close", "before-import", "before-migration-v1-to-v2", or what
    /// `backup` was given.
    pub reason: String,
    pub bytes: u64,
    /// What the backup holds, read from its first line; `None` for backups written before
    /// this was recorded.
    pub stamp: Option<BackupStamp>,
}

impl BackupInfo {
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// What a user must know before choosing this backup: that it is empty, or that it is
    /// older than the last edit the store recorded (`Store::last_edit`). `None`: nothing to say.
    pub fn caveat(&self, last_edit_at: Option<DateTime<Utc>>) -> Option<String> {
        let stamp = self.stamp.as_ref();
        if stamp.is_some_and(|s| s.accounts == 0) {
            return Some("empty: 0 accounts".into());
        }
        let last = last_edit_at?;
        let holds_last_edit = stamp.is_some_and(|s| s.last_edit_at >= Some(last));
        (self.created_at < last && !holds_last_edit).then(|| {
            format!(
                "older than your last edit at {}",
                last.format("%Y-%m-%d %H:%M UTC")
            )
        })
    }

    /// Is there anything in it? Backups of unknown contents (older versions) count as
    /// non-empty: they are not known to be empty.
    pub fn has_accounts(&self) -> bool {
        self.stamp.as_ref().is_none_or(|s| s.accounts > 0)
    }
}

/// What a backup holds, written as the first field of the backup file itself (so it is part of
/// the same atomic write, and listing the backups reads a few hundred bytes of each file, not
/// the whole file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupStamp {
    pub accounts: u64,
    pub plans: u64,
    /// The store's generation, record count and checksum when the backup was taken: two
    /// backups with the same schema version, count and checksum hold the same records.
    pub generation: u64,
    pub schema_version: u32,
    pub record_count: u64,
    pub checksum: u64,
    /// The store's last edit included in the backup.
    #[serde(default)]
    pub last_edit_at: Option<DateTime<Utc>>,
}

impl BackupStamp {
    /// Same value: same records.
    pub(crate) fn content_key(&self) -> crate::store::ContentKey {
        (self.schema_version, self.record_count, self.checksum)
    }
}

/// Why the store was opened with less than it should have. Kept in the manifest until the user
/// chooses (restore a backup, or keep what the store has: `Store::keep_what_the_store_has`),
/// so closing the app before choosing does not lose it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct OpenNotice {
    /// Edits that were acknowledged as saved and are not in the store (lost, for example, in
    /// a power cut before the disk wrote them).
    #[ts(type = "number")]
    pub missing_edits: u64,
    /// When the last edit the store still has was made (`None`: a store written before this
    /// was recorded). The missing edits were made after it.
    pub kept_until: Option<DateTime<Utc>>,
    /// When the newest missing edit had been recorded by.
    pub missing_until: DateTime<Utc>,
    /// The newest backup when the loss was found: the alternative to keeping the store.
    pub newest_backup: Option<NoticeBackup>,
}

/// The backup an `OpenNotice` offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct NoticeBackup {
    pub file_name: String,
    pub created_at: DateTime<Utc>,
    pub accounts: Option<u32>,
    pub plans: Option<u32>,
    /// It holds edits the store does not have (its generation is higher).
    pub has_missing_edits: bool,
}

/// How often the store backs itself up while it is open (see `Store::open_with`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupSchedule {
    /// At most one backup per this interval while edits go on (and only if something changed).
    pub every: std::time::Duration,
    /// Wait until no edit has been made for this long, so a backup never competes with typing.
    pub after_idle: std::time::Duration,
}

impl Default for BackupSchedule {
    fn default() -> Self {
        BackupSchedule {
            every: std::time::Duration::from_secs(10 * 60),
            after_idle: std::time::Duration::from_secs(3),
        }
    }
}

/// How many times the store forced its files to stable storage (fdatasync/fsync) since it was
/// opened: what the durability tests observe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SyncCounts {
    /// fdatasync of sled's data file (`db/db`) after a commit.
    pub data_file: u64,
    /// fsync of sled's large-value files (`db/blobs/*`), which sled itself never syncs.
    pub blob_files: u64,
}
