//! An edit reported as saved has reached stable storage: sled's flush (`sync_file_range`) is
//! followed by an fdatasync of its log file, and an fsync of any large-value file.

use crate::common::*;
use planner_core::view::summarise;
use planner_core::workload::large_plan;
use planner_store::*;

#[test]
fn every_commit_syncs_the_data_file() {
    let dir = tmp();
    let store = Store::open(dir.path()).unwrap();
    let f = fill(&store);
    for n in 1..=3u64 {
        let before = store.sync_counts();
        let mut account = f.account.clone();
        account.name = format!("Aurora {n}");
        store
            .put_account(&account, &summarise(&account, None))
            .unwrap();
        let after = store.sync_counts();
        assert_eq!(after.data_file, before.data_file + 1, "edit {n}");
    }
}

#[test]
fn a_value_too_large_for_the_log_is_synced_too() {
    let dir = tmp();
    let store = Store::open(dir.path()).unwrap();
    let l = large_plan(1, today());
    let summary = summarise(&l.account, Some((&l.plan, &l.content)));
    store.put_account(&l.account, &summary).unwrap();
    store.create_plan(&l.plan, &l.content, &summary).unwrap();
    // A snapshot freezes the whole large plan in one record: over sled's blob threshold.
    let snapshot =
        planner_core::plan_ops::snapshot(&l.account, &l.plan, &l.content, today(), "QBR");
    assert!(serde_json::to_vec(&snapshot).unwrap().len() > 200 * 1024);
    let before = store.sync_counts();
    store.put_snapshot(&snapshot).unwrap();
    let after = store.sync_counts();
    assert!(
        after.blob_files > before.blob_files,
        "the new blob file was synced"
    );
    assert!(std::fs::read_dir(dir.path().join("db").join("blobs"))
        .unwrap()
        .next()
        .is_some());
}

/// Run as a child under strace by the test below; does nothing otherwise.
#[test]
fn strace_child_edits() {
    let Ok(dir) = std::env::var("PLANNER_STRACE_DIR") else {
        return;
    };
    let store = Store::open(std::path::Path::new(&dir)).unwrap();
    let f = fill(&store);
    println!("EDITS START");
    for n in 0..5 {
        let mut account = f.account.clone();
        account.name = format!("Aurora {n}");
        store
            .put_account(&account, &summarise(&account, None))
            .unwrap();
    }
    std::mem::forget(store); // no close: only the edits' own syncs
}

/// What the kernel sees: each edit ends with fdatasync on `db/db`. Needs `strace` (apt).
#[test]
#[ignore = "needs strace; run with --ignored"]
fn strace_shows_an_fdatasync_of_the_data_file_per_edit() {
    let dir = tmp();
    let data = dir.path().join("store");
    let log = dir.path().join("strace.log");
    let me = std::env::current_exe().unwrap();
    let status = std::process::Command::new("strace")
        .args([
            "-f",
            "-y",
            "-e",
            "trace=fsync,fdatasync,sync_file_range",
            "-o",
        ])
        .arg(&log)
        .arg(&me)
        .args([
            "durability::strace_child_edits",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("PLANNER_STRACE_DIR", &data)
        .status()
        .expect("strace runs (apt-get install strace)");
    assert!(status.success());
    let text = std::fs::read_to_string(&log).unwrap();
    let db_file = format!("{}>", data.join("db").join("db").display());
    let on_db = |call: &str| {
        text.lines()
            .filter(|l| l.contains(&format!("{call}(")) && l.contains(&db_file))
            .count()
    };
    // fill() makes 9 edits and the loop 5; opening makes one more.
    assert!(on_db("fdatasync") >= 14, "{text}");
    assert!(on_db("sync_file_range") >= 1, "{text}");
}
