//! Backup files in `<dir>/backups/`: names, listing and rotation.
//!
//! A backup is an export file written atomically. Its name carries the time and the reason:
//! `backup-20261126T144512.123456Z-daily.json`; its first field, `"backup"`, says what it holds
//! (`BackupStamp`: accounts, plans, generation, checksum), so listing reads a few hundred bytes
//! per file.
//!
//! When: the open store backs itself up from a thread of its own (`BackupWorker`): the daily
//! backup, then after edits at most once per `BackupSchedule::every` once editing pauses, and
//! at close; and before every migration and import. Only a store that differs from the newest
//! backup is backed up, and the rotation deletes a backup whose content a newer one holds.
//!
//! Three rotations, so one kind can never push out another: `daily` keeps `KEEP_DAILY`; `auto`
//! and `on-close` keep `KEEP_RECENT`; every other reason (before a migration, before an import,
//! a manual one) keeps `KEEP_OTHER`.

use crate::error::{IoContext, Result, StoreError};
use crate::fsio::{file_timestamp, is_temp_name};
use crate::keys::Meta;
use crate::store::{ContentKey, Store};
use crate::types::{BackupInfo, BackupSchedule, BackupStamp, ExportFile};
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;
use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub(crate) const BACKUP_DIR: &str = "backups";
pub(crate) const DAILY: &str = "daily";
/// Taken while editing, by the schedule.
pub(crate) const AUTO: &str = "auto";
pub(crate) const ON_CLOSE: &str = "on-close";
pub const KEEP_DAILY: usize = 7;
pub const KEEP_RECENT: usize = 10;
pub const KEEP_OTHER: usize = 20;
/// How much of a backup file is read to find its stamp.
const STAMP_PREFIX_BYTES: usize = 4096;
const STAMP_KEY: &str = "{\"backup\":";

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

/// Write `value` (an object) with `stamp` as its first field: `{"backup":{...},...}`. Readers
/// of export files ignore the extra field.
pub(crate) fn write_stamped<V: Serialize>(
    w: &mut impl std::io::Write,
    stamp: &BackupStamp,
    value: &V,
) -> Result<()> {
    #[derive(Serialize)]
    struct Stamped<'a, V> {
        backup: &'a BackupStamp,
        #[serde(flatten)]
        file: &'a V,
    }
    serde_json::to_writer(
        w,
        &Stamped {
            backup: stamp,
            file: value,
        },
    )
    .map_err(|e| StoreError::serde("the backup", e))
}

/// The stamp of an export taken under the writer lock (`meta` is the committed meta record).
pub(crate) fn stamp_of(file: &ExportFile, meta: &Meta) -> BackupStamp {
    BackupStamp {
        accounts: file.accounts.len() as u64,
        plans: file.accounts.iter().map(|a| a.plans.len() as u64).sum(),
        generation: meta.generation,
        schema_version: meta.schema_version,
        record_count: meta.record_count,
        checksum: meta.checksum,
        last_edit_at: meta.last_edit_at,
    }
}

/// The stamp at the start of the file, if it has one (older backups do not).
fn read_stamp(path: &Path) -> Option<BackupStamp> {
    let mut head = Vec::with_capacity(STAMP_PREFIX_BYTES);
    fs::File::open(path)
        .ok()?
        .take(STAMP_PREFIX_BYTES as u64)
        .read_to_end(&mut head)
        .ok()?;
    let rest = head.strip_prefix(STAMP_KEY.as_bytes())?;
    serde_json::Deserializer::from_slice(rest)
        .into_iter::<BackupStamp>()
        .next()?
        .ok()
}

/// The content key and time of the newest stamped backup.
pub(crate) fn newest_content(dir: &Path) -> Option<(ContentKey, DateTime<Utc>)> {
    list(dir)
        .ok()?
        .into_iter()
        .find_map(|b| b.stamp.map(|s| (s.content_key(), b.created_at)))
}

/// Which backup of `list` (newest first) to offer first: the newest that is not known to be
/// empty. `None` when every backup is empty (or there is none).
pub fn recommended(list: &[BackupInfo]) -> Option<usize> {
    list.iter().position(BackupInfo::has_accounts)
}

/// The path of the backup `name` in `<dir>/backups/`, refusing anything that is not the plain
/// name of an existing backup file there.
pub(crate) fn resolve(dir: &Path, name: &str) -> Result<PathBuf> {
    let refuse = || StoreError::NotABackup(name.to_string());
    let plain = !name.is_empty()
        && !name.contains(['/', '\\', '\0'])
        && !name.starts_with('.')
        && parse_name(name).is_some();
    if !plain {
        return Err(refuse());
    }
    let path = backup_dir(dir).join(name);
    match fs::symlink_metadata(&path) {
        Ok(m) if m.is_file() => Ok(path),
        _ => Err(refuse()),
    }
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
                stamp: read_stamp(&e.path()),
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

/// Is `reason` in the rotation of backups taken while editing and at close?
fn is_recent(reason: &str) -> bool {
    [AUTO, ON_CLOSE]
        .iter()
        .any(|r| reason == *r || reason.strip_prefix(r).is_some_and(|t| t.starts_with('-')))
}

/// Delete every backup whose content a newer backup holds too, then the oldest backups beyond
/// each rotation's limit. `protect` (a file name) is never deleted: the backup an open notice
/// offers.
pub(crate) fn rotate(dir: &Path, protect: Option<&str>) -> Result<()> {
    let mut seen = HashSet::new();
    let mut doomed = Vec::new();
    let mut kept: [Vec<BackupInfo>; 3] = Default::default();
    for b in list(dir)? {
        if b.stamp.is_some_and(|s| !seen.insert(s.content_key())) {
            doomed.push(b);
            continue;
        }
        let rotation = if is_daily(&b.reason) {
            0
        } else if is_recent(&b.reason) {
            1
        } else {
            2
        };
        kept[rotation].push(b);
    }
    for (list, keep) in kept.iter_mut().zip([KEEP_DAILY, KEEP_RECENT, KEEP_OTHER]) {
        doomed.extend(list.drain(..).skip(keep));
    }
    for old in doomed {
        if protect.is_some_and(|p| old.file_name() == p) {
            continue;
        }
        match fs::remove_file(&old.path) {
            Ok(()) => {}
            // Another rotation (the background backup's) got there first.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(e).ctx(|| format!("remove old backup {}", old.path.display()));
            }
        }
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

/// The background backup thread of an open store. It works on a view of the store (same sled
/// trees, same writer lock) and never holds the writer lock longer than it takes to read the
/// meta record: the export runs without it, and is thrown away (and retried) if an edit
/// committed meanwhile. So an edit never waits for a backup, and opening never does either.
pub(crate) struct BackupWorker {
    stop: Arc<(Mutex<bool>, Condvar)>,
    handle: JoinHandle<()>,
}

impl BackupWorker {
    pub fn start(view: Store, schedule: BackupSchedule) -> Result<BackupWorker> {
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let flag = Arc::clone(&stop);
        let handle = std::thread::Builder::new()
            .name("store-backup".into())
            .spawn(move || run(view, schedule, &flag))
            .map_err(|e| StoreError::io("start the backup thread", e))?;
        Ok(BackupWorker { stop, handle })
    }

    /// Ask the thread to stop and wait for it (a backup being written is finished first).
    pub fn stop(self) {
        let (lock, cv) = &*self.stop;
        *lock.lock().unwrap_or_else(|p| p.into_inner()) = true;
        cv.notify_all();
        let _ = self.handle.join();
    }
}

/// How often the thread looks at the store (reading the meta record under the writer lock
/// for a few microseconds).
const POLL: Duration = Duration::from_millis(500);

fn run(view: Store, schedule: BackupSchedule, stop: &(Mutex<bool>, Condvar)) {
    let poll = POLL
        .min(schedule.every)
        .min(schedule.after_idle.max(Duration::from_millis(10)));
    let mut failures = 0u32;
    let mut daily_done_on = None;
    loop {
        let now = Instant::now();
        match tick(&view, &schedule, &mut daily_done_on) {
            Ok(()) => failures = 0,
            // A disk that is full or gone: try again later, less often, without noise.
            Err(_) => failures = failures.saturating_add(1),
        }
        let wait = poll * (1 + failures.min(20));
        let (lock, cv) = stop;
        let mut stopped = lock.lock().unwrap_or_else(|p| p.into_inner());
        while !*stopped {
            let left = wait.saturating_sub(now.elapsed());
            if left.is_zero() {
                break;
            }
            stopped = cv
                .wait_timeout(stopped, left)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
        if *stopped {
            return;
        }
    }
}

/// One look at the store: back it up if it is due. `daily_done_on`: the day a daily backup is
/// known to exist for, so the folder is listed once a day, not at every look.
fn tick(
    view: &Store,
    schedule: &BackupSchedule,
    daily_done_on: &mut Option<chrono::NaiveDate>,
) -> Result<()> {
    let (meta, idle) = {
        let w = view.writer();
        (
            w.meta,
            w.last_commit
                .is_none_or(|t| t.elapsed() >= schedule.after_idle),
        )
    };
    if !view.changed_since_backup(&meta) || !idle {
        return Ok(());
    }
    let today = chrono::Local::now().date_naive();
    if *daily_done_on != Some(today) && has_daily_today(&view.dir)? {
        *daily_done_on = Some(today);
    }
    let reason = if *daily_done_on == Some(today) {
        let last = view
            .shared
            .last_backup
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .map(|(_, at)| at);
        let due = last.is_none_or(|at| {
            (Utc::now() - at).to_std().unwrap_or(Duration::ZERO) >= schedule.every
        });
        if !due {
            return Ok(());
        }
        AUTO
    } else {
        DAILY
    };
    let file = view.export_locked()?;
    // Consistent only if no edit committed while it was read.
    if view.writer().meta.generation != meta.generation {
        return Ok(());
    }
    view.write_backup_stamped(reason, &file, &stamp_of(&file, &meta))?;
    if reason == DAILY {
        *daily_done_on = Some(today);
    }
    Ok(())
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
