//! The manifest: written at open, close and backup, and during edits at most once a second.

use crate::common::*;
use planner_core::*;
use planner_store::*;
use serde_json::Value;
use std::path::Path;
use std::time::Duration;

fn manifest(dir: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap()
}

fn generation(dir: &Path) -> u64 {
    manifest(dir)["generation"].as_u64().unwrap()
}

#[test]
fn edits_rewrite_the_manifest_at_most_once_a_second() {
    let dir = tmp();
    let store = Store::open(dir.path()).unwrap();
    let f = fill(&store);
    // Let the throttle window opened by `fill` pass, so the next edit writes the manifest.
    std::thread::sleep(Duration::from_millis(1100));
    let edit = |n: i64| {
        let mut bc = f.content.buying_centers[0].clone();
        bc.our_revenue = Money(n);
        store
            .apply(&Edit {
                plan_id: f.plan.id,
                upserts: vec![PlanItem::BuyingCenter(bc)],
                ..Edit::default()
            })
            .unwrap();
    };
    edit(1);
    let after_first = generation(dir.path());
    for n in 2..=20 {
        edit(n);
    }
    // 19 more edits within the second: the manifest did not move (the store ran ahead).
    assert_eq!(generation(dir.path()), after_first);
    assert!(manifest(dir.path()).get("clean_close").is_none());
    std::thread::sleep(Duration::from_millis(1100));
    edit(21);
    assert_eq!(generation(dir.path()), after_first + 20);
    // A backup writes it too.
    edit(22);
    store.backup("manual").unwrap();
    assert_eq!(generation(dir.path()), after_first + 21);
    // Close writes the final state with the fingerprint of the closed files.
    store.close().unwrap();
    let m = manifest(dir.path());
    assert_eq!(m["generation"].as_u64().unwrap(), after_first + 21);
    assert_eq!(m["schema_version"], SCHEMA_VERSION);
    assert!(m["clean_close"].as_array().is_some_and(|a| !a.is_empty()));
    // Opening writes it again (and drops the fingerprint: sled is writing its files now).
    let store = Store::open(dir.path()).unwrap();
    assert!(manifest(dir.path()).get("clean_close").is_none());
    drop(store);
}

/// A process killed during the very first open, after the manifest of generation 0 was
/// written but before the store existed, leaves a folder that still opens.
#[test]
fn a_first_open_cut_short_can_be_repeated() {
    let dir = tmp();
    Store::open(dir.path()).unwrap().close().unwrap();
    std::fs::remove_dir_all(dir.path().join("db")).unwrap();
    let p = dir.path().join("manifest.json");
    let mut m: Value = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
    m["generation"] = 0.into();
    m["record_count"] = 0.into();
    m["checksum"] = 0.into();
    m.as_object_mut().unwrap().remove("clean_close");
    std::fs::write(&p, serde_json::to_vec(&m).unwrap()).unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert!(store.summaries().unwrap().is_empty());
}
