//! Backup files in `<dir>/backups/`: names, listing and rotation.
//!
//! A backup is an export file written atomically. Its name carries the time and the reason:
//! `backup-20261126T144512.123456Z-daily.json`. Two rotations: `daily` backups (one a day, on
//! open) keep the newest `KEEP_DAILY`; every other reason (before a migration, before an import,
//! a manual one) keeps the newest `KEEP_OTHER`, so a burst of imports can never push out the
//! daily history and vice versa.

use crate::error::{IoContext, Result};
use crate::fsio::{file_timestamp, is_temp_name};
use crate::types::BackupInfo;
use chrono::{DateTime, NaiveDateTime, Utc};
use std::fs;
use std::path::{Path, PathBuf};

pub(crate) const BACKUP_DIR: &str = "backups";
pub(crate) const DAILY: &str = "daily";
pub const KEEP_DAILY: usize = 7;
pub const KEEP_OTHER: usize = 20;

const PREFIX: &str = "backup-";
const SUFFIX: &str = ".json";
const STAMP_LEN: usize = "20261126T144512.123456Z".len();

pub(crate) fn backup_dir(dir: &Path) -> PathBuf {
    dir.join(BACKUP_DIR)
}

/// Lowercase ASCII letters, digits and dashes: safe in a file name on every system.
pub(crate) fn clean_reason(reason: &str) -> String {
    let mut out = String::new();
    for ch in reason.trim().chars() {
        let c = ch.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "manual".into()
    } else {
        out
    }
}

/// A new, unused path for a backup taken now.
pub(crate) fn new_path(dir: &Path, reason: &str) -> PathBuf {
    let reason = clean_reason(reason);
    let stamp = file_timestamp(Utc::now());
    crate::fsio::unique_path(&backup_dir(dir), |n| {
        if n == 0 {
            format!("{PREFIX}{stamp}-{reason}{SUFFIX}")
        } else {
            format!("{PREFIX}{stamp}-{reason}-{n}{SUFFIX}")
        }
    })
}

fn parse_name(name: &str) -> Option<(DateTime<Utc>, String)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let stamp = rest.get(..STAMP_LEN)?;
    let reason = rest.get(STAMP_LEN..)?.strip_prefix('-')?;
    let at = NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%S%.6fZ").ok()?;
    Some((at.and_utc(), reason.to_string()))
}

/// The backups in `<dir>/backups/`, newest first. Temp files of an interrupted write are not
/// backups and are not listed.
pub(crate) fn list(dir: &Path) -> Result<Vec<BackupInfo>> {
    let bdir = backup_dir(dir);
    let entries = match fs::read_dir(&bdir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(vec![]),
        Err(e) => return Err(e).ctx(|| format!("list {}", bdir.display())),
    };
    let mut out = Vec::new();
    for e in entries {
        let e = e.ctx(|| format!("list {}", bdir.display()))?;
        let name = e.file_name().to_string_lossy().into_owned();
        if is_temp_name(&name) {
            continue;
        }
        if let Some((created_at, reason)) = parse_name(&name) {
            let bytes = e.metadata().map(|m| m.len()).unwrap_or(0);
            out.push(BackupInfo {
                path: e.path(),
                created_at,
                reason,
                bytes,
            });
        }
    }
    out.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.path.cmp(&a.path)));
    Ok(out)
}

/// Is `reason` in the daily rotation?
fn is_daily(reason: &str) -> bool {
    reason == DAILY || reason.starts_with("daily-")
}

/// Delete the oldest backups beyond each rotation's limit.
pub(crate) fn rotate(dir: &Path) -> Result<()> {
    let all = list(dir)?;
    let (daily, other): (Vec<_>, Vec<_>) = all.into_iter().partition(|b| is_daily(&b.reason));
    for old in daily
        .iter()
        .skip(KEEP_DAILY)
        .chain(other.iter().skip(KEEP_OTHER))
    {
        fs::remove_file(&old.path).ctx(|| format!("remove old backup {}", old.path.display()))?;
    }
    Ok(())
}

/// Is there a daily backup taken today (local time: the user's day)?
pub(crate) fn has_daily_today(dir: &Path) -> Result<bool> {
    let today = chrono::Local::now().date_naive();
    Ok(list(dir)?.iter().any(|b| {
        is_daily(&b.reason) && b.created_at.with_timezone(&chrono::Local).date_naive() == today
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        let dir = Path::new("/x");
        let p = new_path(dir, "Before import: Q3!");
        let name = p.file_name().unwrap().to_str().unwrap();
        let (at, reason) = parse_name(name).unwrap();
        assert_eq!(reason, "before-import-q3");
        assert!((Utc::now() - at).num_seconds().abs() < 5);
        assert_eq!(clean_reason("  "), "manual");
        assert!(parse_name("backup-garbage.json").is_none());
        assert!(parse_name(".backup-20261126T144512.123456Z-daily.json.tmp-12").is_none());
    }
}
