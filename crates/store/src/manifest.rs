//! `manifest.json` beside the sled folder: what the store looked like the last time we knew it
//! was durable. sled cannot tell "empty because new" from "empty because damaged" (a garbage
//! file opens as an empty database); the manifest can.

use crate::error::{Result, StoreError};
use crate::fsio::{atomic_write, FileStamp};
use crate::keys::Meta;
use crate::types::OpenNotice;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::Path;

pub(crate) const MANIFEST_FILE: &str = "manifest.json";
const MANIFEST_FORMAT: &str = "account-planner-store";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Manifest {
    pub format: String,
    pub schema_version: u32,
    /// The store's generation when this was written. Written only after `Db::flush`, so the
    /// store can be ahead of it (edits since) but never legitimately behind it.
    pub generation: u64,
    pub record_count: u64,
    /// See `keys::record_hash` for what this sums and why.
    pub checksum: u64,
    pub written_at: DateTime<Utc>,
    /// Set only by a clean close, after sled has closed its files: the sled folder's files as
    /// they were then. See `fsio::fingerprint`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clean_close: Option<Vec<FileStamp>>,
    /// The store's last edit (its meta record's time), readable without opening the store:
    /// the recovery screen compares backups with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_edit_at: Option<DateTime<Utc>>,
    /// A store found behind its manifest was opened anyway; the user has not chosen yet
    /// between the backup and what the store has. Carried by every manifest written until then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_notice: Option<OpenNotice>,
}

impl Manifest {
    pub fn new(meta: &Meta, clean_close: Option<Vec<FileStamp>>) -> Manifest {
        Manifest {
            format: MANIFEST_FORMAT.into(),
            schema_version: meta.schema_version,
            generation: meta.generation,
            record_count: meta.record_count,
            checksum: meta.checksum,
            written_at: Utc::now(),
            clean_close,
            last_edit_at: meta.last_edit_at,
            pending_notice: None,
        }
    }

    pub fn with_notice(mut self, notice: Option<OpenNotice>) -> Manifest {
        self.pending_notice = notice;
        self
    }
}

/// `Ok(None)` when there is no manifest; a manifest that cannot be parsed is damage, not absence.
pub(crate) fn read(dir: &Path) -> Result<Option<Manifest>> {
    let path = dir.join(MANIFEST_FILE);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::io(format!("read {}", path.display()), e)),
    };
    match serde_json::from_slice::<Manifest>(&bytes) {
        Ok(m) if m.format == MANIFEST_FORMAT => Ok(Some(m)),
        Ok(_) => Err(corrupt("the manifest is not an Account Planner manifest")),
        Err(e) => Err(corrupt(&format!("the manifest cannot be read: {e}"))),
    }
}

pub(crate) fn write(dir: &Path, manifest: &Manifest) -> Result<()> {
    let bytes =
        serde_json::to_vec_pretty(manifest).map_err(|e| StoreError::serde("the manifest", e))?;
    atomic_write(&dir.join(MANIFEST_FILE), &bytes)
}

fn corrupt(detail: &str) -> StoreError {
    StoreError::Corrupt {
        detail: detail.into(),
        latest_backup: None,
    }
}
