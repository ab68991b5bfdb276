//! A store behind its manifest (edits acknowledged as saved, then lost, as in a power cut) opens
//! with what it has and a notice that survives until the user chooses; and after a damage the
//! backup offered first holds the work, not the empty store of the first day.

use crate::common::*;
use planner_store::*;
use std::path::Path;
use std::time::Duration;

/// A folder whose store lost its last `lost` edits: the sled files as a killed process left
/// them after the first edits, with the manifest (and backups) of the later state.
fn store_behind_its_manifest(lost: usize) -> (tempfile::TempDir, serde_json::Value, String) {
    let dir = tmp();
    let store = Store::open_with(dir.path(), quiet()).unwrap();
    fill(&store);
    let kept = export_value(&store);
    let early = tmp();
    copy_dir(&dir.path().join("db"), &early.path().join("db"));
    for i in 0..lost {
        add_account(&store, &format!("Lost {i}"));
    }
    let newest = store.backup("manual").unwrap();
    store.close().unwrap();
    std::fs::remove_dir_all(dir.path().join("db")).unwrap();
    copy_dir(&early.path().join("db"), &dir.path().join("db"));
    let name = newest.file_name().unwrap().to_string_lossy().into_owned();
    (dir, kept, name)
}

fn notice(dir: &Path) -> Option<OpenNotice> {
    let store = Store::open_with(dir, quiet()).unwrap();
    let n = store.open_notice();
    store.close().unwrap();
    n
}

#[test]
fn a_store_behind_its_manifest_opens_with_what_it_has_and_says_what_is_missing() {
    let (dir, kept, newest) = store_behind_its_manifest(3);
    let store = Store::open_with(dir.path(), quiet()).unwrap();
    assert_same_json(&kept, &export_value(&store));
    let n = store.open_notice().expect("a notice");
    assert_eq!(n.missing_edits, 3);
    let kept_until = n.kept_until.expect("the store's last edit time");
    assert!(kept_until <= n.missing_until);
    let offered = n.newest_backup.expect("the newest backup is offered");
    assert_eq!(offered.file_name, newest);
    assert_eq!(offered.accounts, Some(4));
    assert!(offered.has_missing_edits);
    // The offered backup is what the store lost: restoring it brings the edits back.
    store.close().unwrap();
    Store::restore(
        dir.path(),
        &Store::backup_path(dir.path(), &offered.file_name).unwrap(),
    )
    .unwrap();
    let restored = Store::open_with(dir.path(), quiet()).unwrap();
    assert_eq!(restored.summaries().unwrap().len(), 4);
    assert_eq!(restored.open_notice(), None, "restoring ends the notice");
}

#[test]
fn the_notice_survives_closing_and_editing_until_the_user_keeps_the_store() {
    let (dir, _, newest) = store_behind_its_manifest(2);
    let first = notice(dir.path()).expect("a notice");
    // Closed without a choice: the same notice next time.
    assert_eq!(notice(dir.path()), Some(first.clone()));
    // Edits meanwhile (and the backups they cause) neither end it nor delete the backup it
    // offers.
    let store = Store::open_with(dir.path(), quiet()).unwrap();
    for i in 0..3 {
        add_account(&store, &format!("New {i}"));
        store.backup("auto").unwrap();
    }
    assert_eq!(store.open_notice(), Some(first.clone()));
    store.close().unwrap();
    assert_eq!(notice(dir.path()), Some(first));
    assert!(dir.path().join("backups").join(&newest).exists());
    // The user keeps what the store has: gone for good.
    let store = Store::open_with(dir.path(), quiet()).unwrap();
    store.keep_what_the_store_has().unwrap();
    assert_eq!(store.open_notice(), None);
    drop(store); // a close without `close`: still not coming back
    assert_eq!(notice(dir.path()), None);
    assert_eq!(notice(dir.path()), None);
}

#[test]
fn an_empty_store_behind_its_manifest_is_still_refused() {
    let dir = tmp();
    let store = Store::open_with(dir.path(), quiet()).unwrap();
    fill(&store);
    store.close().unwrap();
    // What sled makes of a garbage file: an empty database.
    std::fs::remove_dir_all(dir.path().join("db")).unwrap();
    let fresh = tmp();
    Store::open_with(fresh.path(), quiet())
        .unwrap()
        .close()
        .unwrap();
    copy_dir(&fresh.path().join("db"), &dir.path().join("db"));
    match Store::open(dir.path()) {
        Err(StoreError::Corrupt { .. }) => {}
        Err(e) => panic!("expected Corrupt, got {e}"),
        Ok(_) => panic!("an empty store behind its manifest opened"),
    }
}

/// The reported case: a new folder, the sample loaded, work done, then the store is damaged.
/// The backup offered must hold the work (the old daily backup was of the empty store).
#[test]
fn after_a_damage_the_offered_backup_holds_the_work() {
    let dir = tmp();
    let schedule = BackupSchedule {
        every: Duration::from_millis(200),
        after_idle: Duration::from_millis(30),
    };
    let store = Store::open_with(dir.path(), schedule).unwrap();
    fill(&store);
    wait_for_backup(dir.path(), |b| b.stamp.is_some_and(|s| s.accounts == 1));
    add_account(&store, "Borealis");
    store.close().unwrap();
    std::fs::write(dir.path().join("db").join("db"), b"garbage").unwrap();
    let offered = match Store::open(dir.path()) {
        Err(StoreError::Corrupt { latest_backup, .. }) => latest_backup.expect("a backup"),
        other => panic!("expected Corrupt, got {:?}", other.err()),
    };
    let listed = Store::backups(dir.path()).unwrap();
    let info = listed.iter().find(|b| b.path == offered).unwrap();
    assert_eq!(info.stamp.unwrap().accounts, 2, "the last edit is in it");
    assert_eq!(info.caveat(Store::last_edit(dir.path())), None);
}
