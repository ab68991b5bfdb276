//! Opening, checking, committing and closing the store. The typed API lives in `api.rs` and
//! `transfer.rs`; this file is the part that keeps the data safe.

use crate::backup::{self, BackupWorker};
use crate::error::{from_sled, IoContext, Result, StoreError};
use crate::fsio::{self, copy_dir, fingerprint, non_empty_dir, remove_temp_files};
use crate::keys::{record_hash, Meta, META_KEY, META_TREE, T};
use crate::manifest::{self, Manifest, MANIFEST_FILE};
use crate::migrate::SCHEMA_VERSION;
use crate::types::{BackupSchedule, BackupStamp, NoticeBackup, OpenNotice, SyncCounts};
use chrono::{DateTime, Utc};
use planner_core::view::AccountSummary;
use serde::Serialize;
use sled::transaction::{TransactionError, Transactional};
use std::collections::{BTreeMap, HashSet};
use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use std::time::{Duration, Instant};

pub(crate) const DB_DIR: &str = "db";
/// sled 0.34's log, inside `db/`: every committed write is appended here.
const DATA_FILE: &str = "db";
/// sled 0.34 writes values too large for its log (over a quarter of a 512 KiB segment) to one
/// file each in here, and never syncs them.
const BLOB_DIR: &str = "blobs";
pub(crate) const LOCK_FILE: &str = "store.lock";
const CHECK_PREFIX: &str = ".check-";
/// The manifest is rewritten during edits at most this often: it costs a temp file, two fsyncs
/// and a rename (~0.4 ms), about three times the edit itself.
const MANIFEST_INTERVAL: Duration = Duration::from_secs(1);
/// sled's page cache. Its default (1 GiB) is meant for servers; a plan store of 10,000
/// accounts is ~50 MB.
const CACHE_BYTES: u64 = 256 * 1024 * 1024;

/// The plan store. One per data folder and process; `Send + Sync`, so the app can share it
/// between command handlers. Reads run concurrently; writes are serialised by an internal mutex
/// (they are milliseconds at most, and the manifest bookkeeping needs one writer).
///
/// Layout: `<dir>/db/` (sled), `<dir>/manifest.json`, `<dir>/store.lock`, `<dir>/backups/`.
pub struct Store {
    pub(crate) dir: PathBuf,
    /// `None` only while closing.
    pub(crate) inner: Option<Inner>,
    /// Shared with the background backup's view of the store (see `backup::BackupWorker`).
    pub(crate) writer: Arc<Mutex<Writer>>,
    pub(crate) shared: Arc<Shared>,
    /// The background backup thread; `None` in the view it uses, and in a store opened only to
    /// be restored into.
    pub(crate) worker: Option<BackupWorker>,
    /// This is the background backup's view: dropping it must not close the store.
    pub(crate) is_view: bool,
    /// Decoded account summaries by key, filled by the first `summaries()` call and kept in
    /// step by `commit` (see `summaries`).
    pub(crate) summary_cache: RwLock<Option<BTreeMap<Vec<u8>, AccountSummary>>>,
    /// Our flock on `store.lock`, held for the store's life (released when the file closes).
    _lock: File,
}

#[derive(Clone)]
pub(crate) struct Inner {
    pub db: sled::Db,
    /// Our own handle on sled's log file, to fdatasync it after sled's flush (see `commit`).
    pub data_file: Arc<File>,
    pub meta_tree: sled::Tree,
    /// Indexed by `T::index()`.
    pub trees: Vec<sled::Tree>,
}

pub(crate) struct Writer {
    /// The meta record as last committed.
    pub meta: Meta,
    pub last_manifest: Option<Instant>,
    pub last_commit: Option<Instant>,
    /// Files in `db/blobs/` already synced.
    pub synced_blobs: HashSet<OsString>,
}

/// Schema version, record count and checksum: equal keys, equal records.
pub(crate) type ContentKey = (u32, u64, u64);

/// State shared by the store and its background backup view.
#[derive(Default)]
pub(crate) struct Shared {
    pub data_file_syncs: AtomicU64,
    pub blob_syncs: AtomicU64,
    /// See `Store::open_notice`.
    pub notice: Mutex<Option<OpenNotice>>,
    /// The content and time of the newest backup, to back up only what changed.
    pub last_backup: Mutex<Option<(ContentKey, DateTime<Utc>)>>,
}

/// One write of a transaction, serialised before the transaction starts (sled may run the
/// transaction closure more than once).
pub(crate) struct Op {
    pub tree: T,
    pub key: Vec<u8>,
    /// `None` removes the key.
    pub value: Option<Vec<u8>>,
}

#[derive(Default)]
pub(crate) struct Ops(pub Vec<Op>);

impl Ops {
    pub fn put<V: Serialize + ?Sized>(&mut self, tree: T, key: Vec<u8>, value: &V) -> Result<()> {
        let bytes = serde_json::to_vec(value)
            .map_err(|e| StoreError::serde(format!("a record for {}", tree.name()), e))?;
        self.0.push(Op {
            tree,
            key,
            value: Some(bytes),
        });
        Ok(())
    }
    pub fn put_raw(&mut self, tree: T, key: Vec<u8>, value: Vec<u8>) {
        self.0.push(Op {
            tree,
            key,
            value: Some(value),
        });
    }
    pub fn del(&mut self, tree: T, key: Vec<u8>) {
        self.0.push(Op {
            tree,
            key,
            value: None,
        });
    }
}

pub(crate) struct OpenOpts {
    /// Run the background backups (daily, after edits, at close). Off for a store opened only
    /// to be restored into.
    pub daily_backup: bool,
}

impl Store {
    /// Open (or create) the store in `dir`. Refuses, without writing anything, a store that is
    /// locked, damaged, behind its manifest or newer than this build; upgrades an older one
    /// after backing it up.
    ///
    /// A store *behind* its manifest (edits acknowledged as saved are not in it, as after a
    /// power cut) is opened with what it has, and `open_notice` says what is missing.
    ///
    /// While it is open, the store backs itself up in a thread of its own (`BackupSchedule`):
    /// the daily backup, then after edits at most every ten minutes, and at `close`.
    pub fn open(dir: &Path) -> Result<Store> {
        Store::open_with(dir, BackupSchedule::default())
    }

    /// `open` with another backup schedule.
    pub fn open_with(dir: &Path, schedule: BackupSchedule) -> Result<Store> {
        fs::create_dir_all(dir).ctx(|| format!("create the data folder {}", dir.display()))?;
        let lock = acquire_lock(dir)?;
        Store::open_scheduled(dir, lock, OpenOpts { daily_backup: true }, schedule)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub(crate) fn open_locked(dir: &Path, lock: File, opts: OpenOpts) -> Result<Store> {
        Store::open_scheduled(dir, lock, opts, BackupSchedule::default())
    }

    fn open_scheduled(
        dir: &Path,
        lock: File,
        opts: OpenOpts,
        schedule: BackupSchedule,
    ) -> Result<Store> {
        let dir = dir.to_path_buf();
        // We hold the lock: anything half-written by a killed process of ours can go.
        remove_leftovers(&dir);
        let corrupt = |detail: String| StoreError::Corrupt {
            detail,
            latest_backup: latest_backup(&dir),
        };
        let manifest = manifest::read(&dir).map_err(|e| match e {
            StoreError::Corrupt { detail, .. } => corrupt(detail),
            other => other,
        })?;
        let db_dir = dir.join(DB_DIR);
        let has_db = non_empty_dir(&db_dir);
        // A manifest of generation 0 is written before sled creates anything, so a process
        // killed during the very first open does not leave a store that refuses to open.
        let fresh_manifest = manifest
            .as_ref()
            .is_some_and(|m| m.generation == 0 && m.record_count == 0);
        match (&manifest, has_db) {
            (None, true) => {
                return Err(corrupt(
                    "the manifest is missing but the database folder is not empty".into(),
                ))
            }
            (Some(_), false) if !fresh_manifest => {
                return Err(corrupt("the database folder is missing or empty".into()))
            }
            _ => {}
        }
        if let Some(m) = &manifest {
            if m.schema_version > SCHEMA_VERSION {
                return Err(StoreError::NewerSchema {
                    found: m.schema_version,
                    supported: SCHEMA_VERSION,
                });
            }
        }
        if manifest.is_none() {
            manifest::write(&dir, &Manifest::new(&Meta::default(), None))?;
        }
        // sled may change a damaged store while opening it (it truncated a garbage file in our
        // tests). Unless the folder is exactly as a clean close left it, check a copy first.
        if let Some(m) = manifest.as_ref().filter(|_| has_db) {
            let untouched = m
                .clean_close
                .as_ref()
                .is_some_and(|stamps| fingerprint(&db_dir).ok().as_ref() == Some(stamps));
            if !untouched {
                check_on_copy(&dir, &db_dir, m).map_err(|e| match e {
                    StoreError::Corrupt { detail, .. } => corrupt(detail),
                    other => other,
                })?;
            }
        }
        let inner = retry_while_locked(|| open_sled(&db_dir)).map_err(|e| match e {
            StoreError::Corrupt { detail, .. } => corrupt(detail),
            other => other,
        })?;
        let meta = verify(&inner, manifest.as_ref()).map_err(corrupt)?;
        if meta.schema_version > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                found: meta.schema_version,
                supported: SCHEMA_VERSION,
            });
        }
        // Read before anything is written, so the notice offers a backup from before the loss.
        let notice = match &manifest {
            Some(m) if m.generation > meta.generation => Some(behind_notice(&dir, m, &meta)),
            Some(m) => m.pending_notice.clone(),
            None => None,
        };
        let shared = Shared {
            notice: Mutex::new(notice),
            last_backup: Mutex::new(backup::newest_content(&dir)),
            ..Shared::default()
        };
        let mut store = Store {
            dir,
            inner: Some(inner),
            writer: Arc::new(Mutex::new(Writer {
                meta,
                last_manifest: None,
                last_commit: None,
                synced_blobs: HashSet::new(),
            })),
            shared: Arc::new(shared),
            worker: None,
            is_view: false,
            summary_cache: RwLock::new(None),
            _lock: lock,
        };
        {
            let mut w = store.writer();
            if meta.generation == 0 {
                // Brand new: the first transaction records the schema version.
                store.commit(&mut w, &Ops::default(), Some(SCHEMA_VERSION))?;
            } else if meta.schema_version < SCHEMA_VERSION {
                store.migrate(&mut w)?;
            }
            store.write_manifest(&mut w)?;
        }
        if opts.daily_backup {
            store.worker = Some(BackupWorker::start(store.view()?, schedule)?);
        }
        Ok(store)
    }

    /// A second handle on the same open store for the background backup: same sled trees,
    /// same writer lock, same lock file (a duplicate descriptor: our flock stays held until
    /// the store itself closes). Dropping it closes nothing.
    fn view(&self) -> Result<Store> {
        Ok(Store {
            dir: self.dir.clone(),
            inner: self.inner.clone(),
            writer: Arc::clone(&self.writer),
            shared: Arc::clone(&self.shared),
            worker: None,
            is_view: true,
            summary_cache: RwLock::new(None),
            _lock: self
                ._lock
                .try_clone()
                .ctx(|| format!("share the lock file in {}", self.dir.display()))?,
        })
    }

    /// Why the store was opened with less than it should have, until the user chooses: see
    /// `OpenNotice`. Restoring a backup (`Store::restore`) or `keep_what_the_store_has` ends it.
    pub fn open_notice(&self) -> Option<OpenNotice> {
        self.shared
            .notice
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// The user keeps the store as it is: forget the notice, for good (the manifest stops
    /// carrying it).
    pub fn keep_what_the_store_has(&self) -> Result<()> {
        let mut w = self.writer();
        *self.shared.notice.lock().unwrap_or_else(|p| p.into_inner()) = None;
        self.write_manifest(&mut w)
    }

    /// How many times this store forced its files to disk since it was opened.
    pub fn sync_counts(&self) -> SyncCounts {
        SyncCounts {
            data_file: self.shared.data_file_syncs.load(Ordering::Relaxed),
            blob_files: self.shared.blob_syncs.load(Ordering::Relaxed),
        }
    }

    /// The time of the last edit of the store in `dir`, from its manifest (works on a store
    /// that does not open). `None` when the manifest is missing, unreadable or older.
    pub fn last_edit(dir: &Path) -> Option<DateTime<Utc>> {
        manifest::read(dir).ok().flatten()?.last_edit_at
    }

    pub(crate) fn inner(&self) -> &Inner {
        self.inner.as_ref().expect("the store is open")
    }

    pub(crate) fn tree(&self, t: T) -> &sled::Tree {
        &self.inner().trees[t.index()]
    }

    pub(crate) fn writer(&self) -> MutexGuard<'_, Writer> {
        // A panic while holding the lock cannot leave `Writer` half-updated in a way that
        // matters: `meta` is replaced in one assignment after a commit.
        self.writer.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Apply `ops` in ONE sled transaction together with the meta record (generation + 1,
    /// record count and checksum updated from the bytes written), then flush and sync before
    /// returning: when this returns Ok, the write survives a killed process and a power cut.
    pub(crate) fn commit(&self, w: &mut Writer, ops: &Ops, schema: Option<u32>) -> Result<Meta> {
        let inner = self.inner();
        let mut used: Vec<T> = ops.0.iter().map(|o| o.tree).collect();
        used.sort();
        used.dedup();
        let mut trees: Vec<&sled::Tree> = vec![&inner.meta_tree];
        trees.extend(used.iter().map(|t| &inner.trees[t.index()]));
        let slot: Vec<usize> = ops
            .0
            .iter()
            .map(|o| 1 + used.binary_search(&o.tree).unwrap_or(0))
            .collect();
        let base = w.meta;
        let now = Utc::now();
        let result = trees.as_slice().transaction(|txs| {
            let mut checksum = base.checksum;
            let mut count = base.record_count as i64;
            for (op, &i) in ops.0.iter().zip(&slot) {
                let old = match &op.value {
                    Some(v) => {
                        let old = txs[i].insert(op.key.as_slice(), v.as_slice())?;
                        checksum = checksum.wrapping_add(record_hash(op.tree, &op.key, v));
                        if old.is_none() {
                            count += 1;
                        }
                        old
                    }
                    None => {
                        let old = txs[i].remove(op.key.as_slice())?;
                        if old.is_some() {
                            count -= 1;
                        }
                        old
                    }
                };
                if let Some(old) = old {
                    checksum = checksum.wrapping_sub(record_hash(op.tree, &op.key, &old));
                }
            }
            let next = Meta {
                schema_version: schema.unwrap_or(base.schema_version),
                generation: base.generation + 1,
                record_count: count.max(0) as u64,
                checksum,
                last_edit_at: Some(now),
            };
            let bytes = serde_json::to_vec(&next).expect("the meta record serialises");
            txs[0].insert(META_KEY, bytes)?;
            Ok(next)
        });
        let next = result.map_err(|e| match e {
            TransactionError::Abort(e) => e,
            TransactionError::Storage(e) => from_sled(e),
        })?;
        w.meta = next;
        self.update_summary_cache(ops);
        inner.db.flush().map_err(from_sled)?;
        self.sync_to_disk(w)?;
        w.last_commit = Some(Instant::now());
        if w.last_manifest
            .is_none_or(|t| t.elapsed() >= MANIFEST_INTERVAL)
        {
            // The edit is durable already; a manifest that cannot be written now is retried on
            // the next edit and at close, rather than reporting a saved edit as failed.
            let _ = self.write_manifest(w);
        }
        Ok(next)
    }

    /// sled's `flush` ends with `sync_file_range`, which writes the pages but neither the
    /// disk's cache nor the file's metadata: an edit reported as saved could still vanish in a
    /// power cut. An fdatasync of its log file (and an fsync of any new large-value file) makes
    /// the commit as durable as SQLite's `synchronous=FULL`. sled has written and waited for
    /// the pages already, so this costs about one disk-cache flush.
    fn sync_to_disk(&self, w: &mut Writer) -> Result<()> {
        let inner = self.inner();
        let db_dir = self.dir.join(DB_DIR);
        inner
            .data_file
            .sync_data()
            .ctx(|| format!("flush {} to disk", db_dir.join(DATA_FILE).display()))?;
        self.shared.data_file_syncs.fetch_add(1, Ordering::Relaxed);
        let blobs = db_dir.join(BLOB_DIR);
        let Ok(entries) = fs::read_dir(&blobs) else {
            return Ok(());
        };
        let mut synced_any = false;
        let mut present = HashSet::new();
        for e in entries.flatten() {
            let name = e.file_name();
            if !w.synced_blobs.contains(&name) {
                File::open(e.path())
                    .and_then(|f| f.sync_all())
                    .ctx(|| format!("flush {} to disk", e.path().display()))?;
                self.shared.blob_syncs.fetch_add(1, Ordering::Relaxed);
                synced_any = true;
            }
            present.insert(name);
        }
        // sled deletes blobs it no longer needs: forget them, so the set stays small.
        w.synced_blobs = present;
        if synced_any {
            fsio::fsync_dir(&blobs)?;
        }
        Ok(())
    }

    /// Bring the in-memory summaries in step with a committed transaction.
    fn update_summary_cache(&self, ops: &Ops) {
        let mut guard = self
            .summary_cache
            .write()
            .unwrap_or_else(|p| p.into_inner());
        let Some(cache) = guard.as_mut() else {
            return;
        };
        for op in ops.0.iter().filter(|o| o.tree == T::Summaries) {
            match &op.value {
                Some(bytes) => match serde_json::from_slice::<AccountSummary>(bytes) {
                    Ok(s) => {
                        cache.insert(op.key.clone(), s);
                    }
                    Err(_) => {
                        // Cannot happen (we serialised it); if it did, re-read next time.
                        *guard = None;
                        return;
                    }
                },
                None => {
                    cache.remove(&op.key);
                }
            }
        }
    }

    /// Write the manifest for the current (flushed) state.
    pub(crate) fn write_manifest(&self, w: &mut Writer) -> Result<()> {
        manifest::write(
            &self.dir,
            &Manifest::new(&w.meta, None).with_notice(self.open_notice()),
        )?;
        w.last_manifest = Some(Instant::now());
        Ok(())
    }

    /// Write a backup of the whole store now (an export file in `<dir>/backups/`, written
    /// atomically) and return its path. `reason` ends up in the file name and picks the
    /// rotation (see `backup`).
    pub fn backup(&self, reason: &str) -> Result<PathBuf> {
        let mut w = self.writer();
        self.backup_locked(&mut w, reason)
    }

    pub(crate) fn backup_locked(&self, w: &mut Writer, reason: &str) -> Result<PathBuf> {
        let file = self.export_locked()?;
        let stamp = backup::stamp_of(&file, &w.meta);
        let path = self.write_backup_stamped(reason, &file, &stamp)?;
        self.write_manifest(w)?;
        Ok(path)
    }

    /// Back up `value` (an export document of the store as it is now: the caller holds the
    /// writer lock).
    pub(crate) fn write_backup<V: Serialize>(&self, reason: &str, value: &V) -> Result<PathBuf> {
        let meta = self.writer_meta_from_tree()?;
        let stamp = BackupStamp {
            accounts: self.tree(T::Accounts).len() as u64,
            plans: self.tree(T::Plans).len() as u64,
            generation: meta.generation,
            schema_version: meta.schema_version,
            record_count: meta.record_count,
            checksum: meta.checksum,
            last_edit_at: meta.last_edit_at,
        };
        self.write_backup_stamped(reason, value, &stamp)
    }

    /// The meta record as committed (read from sled: callers of `write_backup` hold the
    /// writer lock already, so it cannot be taken again here).
    fn writer_meta_from_tree(&self) -> Result<Meta> {
        match self.inner().meta_tree.get(META_KEY).map_err(from_sled)? {
            Some(v) => serde_json::from_slice(&v)
                .map_err(|e| StoreError::serde("the store's record of its contents", e)),
            None => Ok(Meta::default()),
        }
    }

    /// Write a backup file atomically, its `stamp` first, then rotate.
    pub(crate) fn write_backup_stamped<V: Serialize>(
        &self,
        reason: &str,
        value: &V,
        stamp: &BackupStamp,
    ) -> Result<PathBuf> {
        let bdir = backup::backup_dir(&self.dir);
        fs::create_dir_all(&bdir).ctx(|| format!("create {}", bdir.display()))?;
        let path = backup::new_path(&self.dir, reason);
        fsio::atomic_write_with(&path, |w| backup::write_stamped(w, stamp, value))?;
        *self
            .shared
            .last_backup
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = Some((stamp.content_key(), Utc::now()));
        let protect = self.open_notice().and_then(|n| n.newest_backup);
        backup::rotate(&self.dir, protect.as_ref().map(|b| b.file_name.as_str()))?;
        Ok(path)
    }

    /// The backups of the store in `dir`, newest first. Works without opening the store.
    pub fn backups(dir: &Path) -> Result<Vec<crate::BackupInfo>> {
        backup::list(dir)
    }

    /// The backup named `file_name` in `<dir>/backups/`. Only a plain backup file name is
    /// accepted: no folder, no `..`, no other file. For callers that must not be able to
    /// point a restore at any file on disk (the app's IPC).
    pub fn backup_path(dir: &Path, file_name: &str) -> Result<PathBuf> {
        backup::resolve(dir, file_name)
    }

    /// Flush, close sled, then write the manifest with the fingerprint of the closed files
    /// (so the next open can skip the check on a copy).
    pub fn close(mut self) -> Result<()> {
        self.shutdown()
    }

    fn shutdown(&mut self) -> Result<()> {
        if self.is_view {
            return Ok(());
        }
        // The background thread holds a handle on sled: it must be gone before sled closes.
        let backed_up = match self.worker.take() {
            Some(worker) => {
                worker.stop();
                self.backup_if_changed("on-close").map(|_| ())
            }
            None => Ok(()),
        };
        let Some(inner) = self.inner.take() else {
            return backed_up;
        };
        let meta = self.writer().meta;
        let flushed = inner.db.flush().map_err(from_sled);
        drop(inner);
        flushed?;
        let stamps = fingerprint(&self.dir.join(DB_DIR)).ok();
        manifest::write(
            &self.dir,
            &Manifest::new(&meta, stamps).with_notice(self.open_notice()),
        )?;
        backed_up
    }

    /// Back up now if the store differs from the newest backup; `None` when it does not.
    pub(crate) fn backup_if_changed(&self, reason: &str) -> Result<Option<PathBuf>> {
        let mut w = self.writer();
        if !self.changed_since_backup(&w.meta) {
            return Ok(None);
        }
        self.backup_locked(&mut w, reason).map(Some)
    }

    /// Does the store hold something no backup holds? (An empty store has nothing to lose.)
    pub(crate) fn changed_since_backup(&self, meta: &Meta) -> bool {
        if meta.record_count == 0 {
            return false;
        }
        let last = *self
            .shared
            .last_backup
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        last.map(|(key, _)| key) != Some((meta.schema_version, meta.record_count, meta.checksum))
    }
}

impl Drop for Store {
    /// Dropping without `close` still closes cleanly (best effort: errors cannot be reported).
    fn drop(&mut self) {
        let _ = self.shutdown();
    }
}

/// Take our lock on `<dir>/store.lock` (flock, through fs4). Held by another `Store` in this
/// process or another process -> `Locked`.
pub(crate) fn acquire_lock(dir: &Path) -> Result<File> {
    let path = dir.join(LOCK_FILE);
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .ctx(|| format!("open the lock file {}", path.display()))?;
    retry_while_locked(|| {
        // Fully qualified: std's inherent `File::try_lock` (Rust 1.89) would shadow fs4's.
        match fs4::FileExt::try_lock(&file) {
            Ok(()) => Ok(()),
            Err(fs4::TryLockError::WouldBlock) => Err(StoreError::Locked),
            Err(fs4::TryLockError::Error(e)) => {
                Err(StoreError::io(format!("lock {}", path.display()), e))
            }
        }
    })?;
    Ok(file)
}

/// How long a lock held elsewhere is waited for before `Locked` is reported.
const LOCK_PATIENCE: Duration = Duration::from_millis(300);

/// Retry `f` while it fails with `Locked`, for up to `LOCK_PATIENCE`. A lock can be held for a
/// moment by something that is not another window: a process forked by this one between
/// `fork` and `exec` still shares our open files, and with them our flocks, so a store closed
/// and reopened during that moment would otherwise be reported as open elsewhere.
pub(crate) fn retry_while_locked<R>(mut f: impl FnMut() -> Result<R>) -> Result<R> {
    let deadline = Instant::now() + LOCK_PATIENCE;
    loop {
        match f() {
            Err(StoreError::Locked) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(10))
            }
            other => return other,
        }
    }
}

/// The backup to offer when the store cannot be opened: the newest that is not empty, else
/// the newest.
pub(crate) fn latest_backup(dir: &Path) -> Option<PathBuf> {
    let list = backup::list(dir).ok()?;
    let pick = backup::recommended(&list).unwrap_or(0);
    list.into_iter().nth(pick).map(|b| b.path)
}

/// What to tell the user about a store behind its manifest `m`.
fn behind_notice(dir: &Path, m: &Manifest, meta: &Meta) -> OpenNotice {
    let newest_backup = backup::list(dir)
        .ok()
        .and_then(|l| l.into_iter().next())
        .map(|b| NoticeBackup {
            file_name: b.file_name(),
            created_at: b.created_at,
            accounts: b.stamp.map(|s| s.accounts.min(u32::MAX as u64) as u32),
            plans: b.stamp.map(|s| s.plans.min(u32::MAX as u64) as u32),
            has_missing_edits: b.stamp.is_some_and(|s| s.generation > meta.generation),
        });
    OpenNotice {
        missing_edits: m.generation - meta.generation,
        kept_until: meta.last_edit_at,
        missing_until: m.last_edit_at.unwrap_or(m.written_at),
        newest_backup,
    }
}

fn remove_leftovers(dir: &Path) {
    remove_temp_files(dir);
    remove_temp_files(&backup::backup_dir(dir));
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(CHECK_PREFIX) {
                let _ = fs::remove_dir_all(e.path());
            }
        }
    }
}

fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<String>()
        .cloned()
        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "unknown failure".into())
}

/// Run `f` and turn a panic into `Corrupt`: sled panics on some damaged files (a truncated
/// one did, per TOOLCHAIN.md), and a panic must not take the app down with it.
pub(crate) fn guarded<R>(f: impl FnOnce() -> Result<R>) -> Result<R> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(p) => Err(StoreError::Corrupt {
            detail: format!(
                "the database engine failed while reading its files ({})",
                panic_text(p.as_ref())
            ),
            latest_backup: None,
        }),
    }
}

/// Open sled and its trees, `guarded` against panics.
pub(crate) fn open_sled(path: &Path) -> Result<Inner> {
    guarded(|| -> Result<Inner> {
        let db = sled::Config::new()
            .path(path)
            .cache_capacity(CACHE_BYTES)
            .open()
            .map_err(from_sled)?;
        let meta_tree = db.open_tree(META_TREE).map_err(from_sled)?;
        let trees = T::ALL
            .iter()
            .map(|t| db.open_tree(t.name()))
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(from_sled)?;
        let data_path = path.join(DATA_FILE);
        let data_file = File::open(&data_path).ctx(|| format!("open {}", data_path.display()))?;
        Ok(Inner {
            db,
            data_file: Arc::new(data_file),
            meta_tree,
            trees,
        })
    })
}

/// Open a copy of the sled folder and run `verify` on it; the original is not touched whatever
/// the copy's fate. The copy lives in `<dir>/.check-*` (same disk, removed afterwards).
fn check_on_copy(dir: &Path, db_dir: &Path, manifest: &Manifest) -> Result<()> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let check_dir = dir.join(format!("{CHECK_PREFIX}{}-{stamp}", std::process::id()));
    let result = (|| {
        let copy = check_dir.join(DB_DIR);
        copy_dir(db_dir, &copy)?;
        // The copy was made, so the disk works: whatever stops sled from opening it is in the
        // files themselves (a truncated file can surface as an IO error, "failed to fill whole
        // buffer").
        let inner = open_sled(&copy).map_err(|e| match e {
            StoreError::Io { source, .. } => StoreError::Corrupt {
                detail: format!("the database engine could not read its files ({source})"),
                latest_backup: None,
            },
            StoreError::Engine(message) => StoreError::Corrupt {
                detail: format!("the database engine could not read its files ({message})"),
                latest_backup: None,
            },
            other => other,
        })?;
        let meta = verify(&inner, Some(manifest)).map_err(|detail| StoreError::Corrupt {
            detail,
            latest_backup: None,
        })?;
        drop(inner);
        if meta.schema_version > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                found: meta.schema_version,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(())
    })();
    let _ = fs::remove_dir_all(&check_dir);
    result
}

/// Read the meta record, rescan every record to recompute count and checksum, and compare
/// with the meta record and the manifest. `Err` is a user-readable reason.
pub(crate) fn verify(
    inner: &Inner,
    manifest: Option<&Manifest>,
) -> std::result::Result<Meta, String> {
    let scanned = catch_unwind(AssertUnwindSafe(|| -> std::result::Result<_, String> {
        let meta = match inner.meta_tree.get(META_KEY) {
            Ok(Some(v)) => Some(serde_json::from_slice::<Meta>(&v).map_err(|e| {
                format!("the store's own record of its contents cannot be read: {e}")
            })?),
            Ok(None) => None,
            Err(e) => {
                return Err(format!(
                    "the database engine could not read the store's record of its contents ({e})"
                ))
            }
        };
        let mut count = 0u64;
        let mut checksum = 0u64;
        for t in T::ALL {
            for kv in inner.trees[t.index()].iter() {
                let (k, v) =
                    kv.map_err(|e| format!("the database engine could not read a record ({e})"))?;
                count += 1;
                checksum = checksum.wrapping_add(record_hash(t, &k, &v));
            }
        }
        Ok((meta, count, checksum))
    }));
    let (meta, count, checksum) = match scanned {
        Ok(r) => r?,
        Err(p) => {
            return Err(format!(
                "the database engine failed while reading records: {}",
                panic_text(p.as_ref())
            ))
        }
    };
    let meta = match meta {
        Some(m) => m,
        None if count > 0 => {
            return Err(format!(
                "{count} records were found but not the store's record of its contents"
            ))
        }
        None => Meta::default(),
    };
    if count != meta.record_count || checksum != meta.checksum {
        return Err(format!(
            "the records do not add up to the store's own checksum ({count} records found, {} \
             expected)",
            meta.record_count
        ));
    }
    if let Some(m) = manifest {
        // Behind the manifest with records of its own, consistent with its own checksum: an
        // older state of the store (edits lost in a power cut), opened with a notice. Behind
        // and empty is another matter: sled opens a garbage file as an empty database.
        if meta.generation < m.generation && meta.generation == 0 {
            return Err(format!(
                "the store is empty but its manifest lists {} records",
                m.record_count
            ));
        }
        if meta.record_count == 0 && m.record_count > 0 && meta.generation <= m.generation {
            return Err(format!(
                "the store is empty but its manifest lists {} records",
                m.record_count
            ));
        }
        // Same generation: same contents, or something changed them behind our back.
        // (Generation 0 is a store that was never written: nothing to compare.)
        if meta.generation == m.generation && m.generation > 0 {
            if meta.record_count != m.record_count {
                return Err(format!(
                    "the store holds {} records where its manifest lists {}",
                    meta.record_count, m.record_count
                ));
            }
            if meta.checksum != m.checksum {
                return Err("the records differ from what the manifest recorded".into());
            }
            if meta.schema_version != m.schema_version {
                return Err(format!(
                    "the store says it is version {} but its manifest says {}",
                    meta.schema_version, m.schema_version
                ));
            }
        }
    }
    Ok(meta)
}

/// Move `<dir>/db` and the manifest into `<dir>/store.broken-<time>/` (never delete them).
pub(crate) fn move_aside(dir: &Path) -> Result<Option<PathBuf>> {
    let db = dir.join(DB_DIR);
    let man = dir.join(MANIFEST_FILE);
    if !db.exists() && !man.exists() {
        return Ok(None);
    }
    let stamp = fsio::file_timestamp(chrono::Utc::now());
    let aside = fsio::unique_path(dir, |n| {
        if n == 0 {
            format!("store.broken-{stamp}")
        } else {
            format!("store.broken-{stamp}-{n}")
        }
    });
    fs::create_dir(&aside).ctx(|| format!("create {}", aside.display()))?;
    for (from, name) in [(db, DB_DIR), (man, MANIFEST_FILE)] {
        if from.exists() {
            fs::rename(&from, aside.join(name)).ctx(|| format!("move {} aside", from.display()))?;
        }
    }
    fsio::fsync_dir(&aside)?;
    fsio::fsync_dir(dir)?;
    Ok(Some(aside))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_the_engine_becomes_corrupt() {
        let r: Result<()> = guarded(|| panic!("index out of bounds"));
        match r {
            Err(StoreError::Corrupt { detail, .. }) => {
                assert!(detail.contains("index out of bounds"), "{detail}")
            }
            other => panic!("expected Corrupt, got {other:?}"),
        }
    }
}
