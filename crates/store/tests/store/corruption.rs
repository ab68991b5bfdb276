//! Damaged stores are refused as `Corrupt`, and refusing them writes nothing: the damaged files
//! are byte-identical afterwards and the backups untouched, so the latest backup can be
//! restored (and the damaged store is still there for anyone who wants to look at it).

use crate::common::*;
use planner_core::view::summarise;
use planner_core::workload::{large_plan, Lcg};
use planner_store::*;
use std::fs::OpenOptions;
use std::io::{Seek, SeekFrom, Write};
use std::path::Path;

fn db_file(d: &Path) -> std::path::PathBuf {
    d.join("db").join("db")
}

fn truncate_half(d: &Path) {
    let f = OpenOptions::new().write(true).open(db_file(d)).unwrap();
    let n = f.metadata().unwrap().len();
    f.set_len(n / 2).unwrap();
}

fn overwrite_middle(d: &Path) {
    let mut f = OpenOptions::new().write(true).open(db_file(d)).unwrap();
    let n = f.metadata().unwrap().len();
    f.seek(SeekFrom::Start(n / 2 - 32 * 1024)).unwrap();
    f.write_all(&[0xA5; 64 * 1024]).unwrap();
}

fn delete_data_file(d: &Path) {
    std::fs::remove_file(db_file(d)).unwrap();
}

fn replace_with_garbage(d: &Path) {
    let n = std::fs::metadata(db_file(d)).unwrap().len();
    let mut r = Lcg::new(42);
    let garbage: Vec<u8> = (0..n).map(|_| r.below(256) as u8).collect();
    std::fs::write(db_file(d), garbage).unwrap();
}

fn truncate_snapshot_file(d: &Path) {
    let mut found = false;
    for e in std::fs::read_dir(d.join("db")).unwrap().flatten() {
        if e.file_name().to_string_lossy().starts_with("snap.") {
            let f = OpenOptions::new().write(true).open(e.path()).unwrap();
            f.set_len(100).unwrap();
            found = true;
        }
    }
    assert!(found, "sled writes a snapshot file when it reopens a store");
}

fn delete_db_dir(d: &Path) {
    std::fs::remove_dir_all(d.join("db")).unwrap();
}

fn delete_manifest(d: &Path) {
    std::fs::remove_file(d.join("manifest.json")).unwrap();
}

fn edit_manifest(d: &Path, f: impl Fn(&mut serde_json::Value)) {
    let p = d.join("manifest.json");
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
    f(&mut v);
    std::fs::write(&p, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
}

/// Same generation, different contents.
fn manifest_checksum_differs(d: &Path) {
    edit_manifest(d, |v| {
        v["checksum"] = serde_json::json!(v["checksum"].as_u64().unwrap() ^ 1);
    });
}

fn garbage_manifest(d: &Path) {
    std::fs::write(d.join("manifest.json"), b"\x00\x01garbage").unwrap();
}

#[test]
fn damaged_stores_are_refused_and_left_as_they_were() {
    let base = tmp();
    let src = base.path().join("healthy");
    let store = Store::open(&src).unwrap();
    fill(&store);
    let l = large_plan(3, today());
    for o in &l.offerings {
        store.put_offering(o).unwrap();
    }
    let summary = summarise(&l.account, Some((&l.plan, &l.content)));
    store.put_account(&l.account, &summary).unwrap();
    store.create_plan(&l.plan, &l.content, &summary).unwrap();
    let latest = store.backup("manual").unwrap();
    let healthy = export_value(&store);
    store.close().unwrap();
    // Reopen and close once more: sled now has a snapshot file, as a store used for a while.
    Store::open(&src).unwrap().close().unwrap();

    type Damage = fn(&Path);
    // (A store behind its manifest is not damaged: see `recovery.rs`.)
    let cases: [(&str, Damage); 9] = [
        ("truncated data file", truncate_half),
        ("bytes overwritten in the middle", overwrite_middle),
        ("data file deleted", delete_data_file),
        ("data file replaced by garbage", replace_with_garbage),
        ("snapshot file truncated", truncate_snapshot_file),
        ("database folder deleted", delete_db_dir),
        ("manifest deleted", delete_manifest),
        ("manifest checksum differs", manifest_checksum_differs),
        ("manifest is garbage", garbage_manifest),
    ];
    for (name, damage) in cases {
        let d = base.path().join(name.replace(' ', "-"));
        copy_dir(&src, &d);
        damage(&d);
        let before = image(&d);
        for attempt in 0..2 {
            match Store::open(&d) {
                Err(StoreError::Corrupt {
                    detail,
                    latest_backup,
                }) => {
                    let shown = latest_backup.unwrap_or_else(|| panic!("{name}: names a backup"));
                    assert_eq!(shown.file_name(), latest.file_name(), "{name}");
                    assert!(!detail.is_empty());
                }
                Err(other) => panic!("{name}: expected Corrupt, got {other}"),
                Ok(_) => panic!("{name}: the damaged store opened (attempt {attempt})"),
            }
            assert!(
                image(&d) == before,
                "{name}: refusing the store changed its files"
            );
        }
        // The way out: restore the latest backup. The damaged files are moved aside, kept.
        Store::restore(&d, &d.join("backups").join(latest.file_name().unwrap())).unwrap();
        let restored = Store::open(&d).unwrap();
        assert_same_json(&healthy, &export_value(&restored));
        drop(restored);
        let aside = std::fs::read_dir(&d)
            .unwrap()
            .flatten()
            .find(|e| e.file_name().to_string_lossy().starts_with("store.broken-"));
        if before
            .keys()
            .any(|k| k.starts_with("db") || k.starts_with("manifest.json"))
        {
            assert!(aside.is_some(), "{name}: the damaged store is kept");
        }
    }
}

#[test]
fn a_store_opens_after_a_crash_and_after_a_clean_close() {
    let dir = tmp();
    let store = Store::open(dir.path()).unwrap();
    fill(&store);
    let expected = export_value(&store);
    // Simulate a crash: leak the store (no close, no manifest update, lock released by hand
    // is not possible in-process, so copy the folder while it is open, as a killed process
    // would leave it after its last flush).
    let crashed = tmp();
    copy_dir(dir.path(), crashed.path());
    store.close().unwrap();
    let reopened = Store::open(crashed.path()).unwrap();
    assert_same_json(&expected, &export_value(&reopened));
    drop(reopened);
    // No check copies left behind.
    assert!(std::fs::read_dir(crashed.path())
        .unwrap()
        .flatten()
        .all(|e| !e.file_name().to_string_lossy().starts_with(".check-")));
    let reopened = Store::open(dir.path()).unwrap();
    assert_same_json(&expected, &export_value(&reopened));
}

#[test]
fn a_newer_store_is_refused_without_being_touched() {
    let dir = tmp();
    planner_store::testing::write_raw_store(dir.path(), SCHEMA_VERSION + 1, &[]).unwrap();
    let before = image(dir.path());
    match Store::open(dir.path()) {
        Err(StoreError::NewerSchema { found, supported }) => {
            assert_eq!(found, SCHEMA_VERSION + 1);
            assert_eq!(supported, SCHEMA_VERSION);
        }
        Err(e) => panic!("expected NewerSchema, got {e}"),
        Ok(_) => panic!("expected NewerSchema, the store opened"),
    }
    let after = image(dir.path());
    // Only our lock file may have appeared.
    let mut added: Vec<_> = after.keys().filter(|k| !before.contains_key(*k)).collect();
    added.retain(|k| k.to_string_lossy() != "store.lock");
    assert!(added.is_empty(), "{added:?}");
    for (k, v) in &before {
        assert!(after.get(k) == Some(v), "{} changed", k.display());
    }
}
