//! Shared helpers: a store with the sample plan in it, byte images of folders, export values.

use chrono::NaiveDate;
use planner_core::sample::sample_plan;
use planner_core::view::summarise;
use planner_core::*;
use planner_store::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
}

pub fn tmp() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("planner-store-test")
        .tempdir()
        .unwrap()
}

pub struct Filled {
    pub account: Account,
    pub plan: Plan,
    pub content: PlanContent,
    pub offerings: Vec<Offering>,
    pub campaigns: Vec<Campaign>,
    pub snapshot: Snapshot,
}

/// Put the sample plan (account, plan, offerings, campaigns, a snapshot, settings) in `store`.
pub fn fill(store: &Store) -> Filled {
    let s = sample_plan(today());
    for o in &s.offerings {
        store.put_offering(o).unwrap();
    }
    for c in &s.campaigns {
        store.put_campaign(c).unwrap();
    }
    let summary = summarise(&s.account, Some((&s.plan, &s.content)));
    store.put_account(&s.account, &summary).unwrap();
    store.create_plan(&s.plan, &s.content, &summary).unwrap();
    let snapshot =
        planner_core::plan_ops::snapshot(&s.account, &s.plan, &s.content, today(), "Q3 QBR");
    store.put_snapshot(&snapshot).unwrap();
    let mut settings = Settings::default();
    settings.thresholds.tier2 = 2.75;
    store.put_settings(&settings).unwrap();
    Filled {
        account: s.account,
        plan: s.plan,
        content: s.content,
        offerings: s.offerings,
        campaigns: s.campaigns,
        snapshot,
    }
}

/// Every file under `dir` with its bytes.
pub fn image(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                out.insert(
                    p.strip_prefix(root).unwrap().to_path_buf(),
                    std::fs::read(&p).unwrap(),
                );
            }
        }
    }
    let mut out = BTreeMap::new();
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out
}

/// The export as JSON without its timestamp, for comparing contents.
pub fn export_value(store: &Store) -> Value {
    let mut v = serde_json::to_value(store.export().unwrap()).unwrap();
    v.as_object_mut().unwrap().remove("exported_at");
    v
}

pub fn assert_same_json(a: &Value, b: &Value) {
    if a != b {
        let a = serde_json::to_string_pretty(a).unwrap();
        let b = serde_json::to_string_pretty(b).unwrap();
        for (i, (x, y)) in a.lines().zip(b.lines()).enumerate() {
            if x != y {
                panic!("JSON differs at line {i}:\n  {x}\n  {y}");
            }
        }
        panic!("JSON differs in length");
    }
}

/// The store returns a plan's records in key order (by id, then by position where there is
/// one); sort a content the same way to compare it with what was written.
pub fn normalized(mut c: PlanContent) -> PlanContent {
    c.buying_centers.sort_by_key(|x| (x.position, x.id));
    c.contacts.sort_by_key(|x| x.id);
    c.lines.sort_by_key(|x| x.id);
    c.objectives.sort_by_key(|x| (x.position, x.id));
    c.strategies.sort_by_key(|x| (x.position, x.id));
    c.actions.sort_by_key(|x| (x.position, x.id));
    c.cells.sort_by_key(|x| x.id);
    c.opportunities.sort_by_key(|x| x.id);
    c
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// Wait (up to 20 s) for the store's background thread to write a backup that `matches`.
pub fn wait_for_backup(dir: &Path, matches: impl Fn(&BackupInfo) -> bool) -> BackupInfo {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        if let Some(b) = Store::backups(dir).unwrap().into_iter().find(&matches) {
            return b;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no such backup was written"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Run this test binary again as a child process that executes only `test` (exact name),
/// with `env` set. Such child tests do nothing unless their environment variable is present.
pub fn child(test: &str, env: &[(&str, String)]) -> std::process::Command {
    let mut cmd = std::process::Command::new(std::env::current_exe().unwrap());
    cmd.args([test, "--exact", "--nocapture", "--test-threads=1"]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

/// A backup schedule that never fires on its own during a test: only close and explicit backups.
pub fn quiet() -> BackupSchedule {
    BackupSchedule {
        every: std::time::Duration::from_secs(3600),
        after_idle: std::time::Duration::from_secs(3600),
    }
}

/// Adds an account named `name` (the sample's, with a new id) and no plan.
pub fn add_account(store: &Store, name: &str) {
    let mut s = sample_plan(today());
    s.account.id = planner_core::Id::new_v4();
    s.account.name = name.into();
    store
        .put_account(&s.account, &summarise(&s.account, None))
        .unwrap();
}
