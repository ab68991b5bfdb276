//! Backup files: atomic, stamped with what they hold, listed newest first, taken by the store
//! itself after edits and at close, never two of the same content, rotated in three rotations.

use crate::common::*;
use planner_store::*;
use std::path::Path;
use std::time::Duration;

#[test]
fn a_backup_is_a_complete_export_stamped_with_what_it_holds() {
    let dir = tmp();
    let store = Store::open_with(dir.path(), quiet()).unwrap();
    fill(&store);
    let path = store.backup("Before QBR!").unwrap();
    assert!(path.starts_with(dir.path().join("backups")));
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.ends_with("-before-qbr.json"), "{name}");
    let list = Store::backups(dir.path()).unwrap();
    assert_eq!(list[0].path, path, "newest first");
    assert_eq!(list[0].reason, "before-qbr");
    assert!(list[0].bytes > 1000);
    let stamp = list[0].stamp.expect("stamped");
    assert_eq!((stamp.accounts, stamp.plans), (1, 1));
    assert_eq!(stamp.schema_version, SCHEMA_VERSION);
    assert_eq!(stamp.last_edit_at, Store::last_edit(dir.path()));
    let file = Store::read_export(&path).unwrap();
    let mut v = serde_json::to_value(file).unwrap();
    v.as_object_mut().unwrap().remove("exported_at");
    assert_same_json(&export_value(&store), &v);
    // The stamp is the file's first field, so a listing reads only the start of each file.
    let head = std::fs::read(&path).unwrap();
    assert!(head.starts_with(b"{\"backup\":{\"accounts\":1,"));
}

/// Write `n` legacy (unstamped) backups named `backup-<stamp(i)>-<reason>.json`.
fn legacy(bdir: &Path, body: &[u8], reason: &str, n: usize, stamp: impl Fn(usize) -> String) {
    for i in 0..n {
        std::fs::write(
            bdir.join(format!("backup-{}-{reason}.json", stamp(i))),
            body,
        )
        .unwrap();
    }
}

#[test]
fn rotation_keeps_seven_daily_ten_recent_and_twenty_others() {
    let dir = tmp();
    let store = Store::open_with(dir.path(), quiet()).unwrap();
    fill(&store);
    let bdir = dir.path().join("backups");
    std::fs::create_dir_all(&bdir).unwrap();
    // Backups written by an older version: no stamp, so their contents are unknown and none
    // is taken for a copy of another.
    let body = serde_json::to_vec(&store.export().unwrap()).unwrap();
    legacy(&bdir, &body, "daily", 12, |i| {
        format!("202501{:02}T080000.000000Z", i + 1)
    });
    legacy(&bdir, &body, "before-import", 30, |i| {
        format!("20250201T08{i:02}00.000000Z")
    });
    legacy(&bdir, &body, "auto", 15, |i| {
        format!("20250301T08{i:02}00.000000Z")
    });
    // An interrupted write: not a backup, not listed, removed at the next open.
    let temp = bdir.join(".backup-20250301T080000.000000Z-daily.json.tmp-999");
    std::fs::write(&temp, b"half").unwrap();
    assert!(Store::backups(dir.path())
        .unwrap()
        .iter()
        .all(|b| b.path != temp));

    store.backup("daily").unwrap();
    let list = Store::backups(dir.path()).unwrap();
    let of = |r: &str| -> Vec<_> { list.iter().filter(|b| b.reason == r).collect() };
    let (daily, import, auto) = (of("daily"), of("before-import"), of("auto"));
    assert_eq!(daily.len(), KEEP_DAILY);
    assert_eq!(auto.len(), KEEP_RECENT);
    assert_eq!(import.len(), KEEP_OTHER);
    // The newest of each kind survive.
    assert!(daily[0].created_at > daily[1].created_at);
    assert!(daily[0].stamp.is_some(), "the new one");
    let has = |v: &[&BackupInfo], name: &str| v.iter().any(|b| b.path.ends_with(name));
    assert!(has(&daily, "backup-20250112T080000.000000Z-daily.json"));
    assert!(!has(&daily, "backup-20250106T080000.000000Z-daily.json"));
    assert!(has(
        &import,
        "backup-20250201T082900.000000Z-before-import.json"
    ));
    assert!(!has(
        &import,
        "backup-20250201T080000.000000Z-before-import.json"
    ));
    assert!(has(&auto, "backup-20250301T081400.000000Z-auto.json"));
    assert!(!has(&auto, "backup-20250301T080400.000000Z-auto.json"));
    store.close().unwrap();
    Store::open(dir.path()).unwrap().close().unwrap();
    assert!(!temp.exists());
}

#[test]
fn no_two_backups_hold_the_same_content() {
    let dir = tmp();
    let store = Store::open_with(dir.path(), quiet()).unwrap();
    fill(&store);
    let first = store.backup("manual").unwrap();
    let second = store.backup("manual").unwrap();
    let list = Store::backups(dir.path()).unwrap();
    assert_eq!(list.len(), 1, "the older copy of the same content is gone");
    assert_eq!(list[0].path, second);
    assert!(!first.exists());
    // A different content is a different backup.
    add_account(&store, "Borealis");
    store.backup("manual").unwrap();
    assert_eq!(Store::backups(dir.path()).unwrap().len(), 2);
    // Nothing changed since the newest backup: closing adds none.
    store.close().unwrap();
    assert_eq!(Store::backups(dir.path()).unwrap().len(), 2);
}

#[test]
fn closing_backs_up_the_last_edits() {
    let dir = tmp();
    let store = Store::open_with(dir.path(), quiet()).unwrap();
    fill(&store);
    add_account(&store, "Borealis");
    assert!(
        Store::backups(dir.path()).unwrap().is_empty(),
        "the schedule has not fired"
    );
    store.close().unwrap();
    let list = Store::backups(dir.path()).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].reason, "on-close");
    let stamp = list[0].stamp.unwrap();
    assert_eq!((stamp.accounts, stamp.plans), (2, 1));
    assert_eq!(stamp.last_edit_at, Store::last_edit(dir.path()));
    assert_eq!(list[0].caveat(Store::last_edit(dir.path())), None);
    // The backup restores to exactly what was closed.
    let expected = export_value(&Store::open_with(dir.path(), quiet()).unwrap());
    let restored = tmp();
    Store::restore(restored.path(), &list[0].path).unwrap();
    assert_same_json(
        &expected,
        &export_value(&Store::open(restored.path()).unwrap()),
    );
}

#[test]
fn the_store_backs_itself_up_while_edits_go_on() {
    let dir = tmp();
    // Idle long enough that no backup falls between the few edits `fill` makes.
    let schedule = BackupSchedule {
        every: Duration::from_millis(400),
        after_idle: Duration::from_millis(200),
    };
    let store = Store::open_with(dir.path(), schedule).unwrap();
    fill(&store);
    // The first backup of the day is the daily one, with the sample in it.
    let daily = wait_for_backup(dir.path(), |b| b.reason == "daily");
    assert_eq!(daily.stamp.unwrap().accounts, 1);
    add_account(&store, "Borealis");
    let auto = wait_for_backup(dir.path(), |b| b.reason == "auto");
    assert_eq!(auto.stamp.unwrap().accounts, 2);
    assert!(auto.created_at >= daily.created_at);
    // Nothing changed since: no more backups.
    std::thread::sleep(Duration::from_millis(1200));
    assert_eq!(Store::backups(dir.path()).unwrap().len(), 2);
    // Edits made while the backup thread runs are not held up by it, and closing stops it.
    for i in 0..20 {
        add_account(&store, &format!("Account {i}"));
    }
    store.close().unwrap();
    let newest = &Store::backups(dir.path()).unwrap()[0];
    assert_eq!(newest.stamp.unwrap().accounts, 22);
}

#[test]
fn empty_and_older_backups_say_so_and_are_not_recommended() {
    let dir = tmp();
    let store = Store::open_with(dir.path(), quiet()).unwrap();
    // A settings-only store: a record, but no account.
    store.put_settings(&Settings::default()).unwrap();
    let empty = store.backup("manual").unwrap();
    fill(&store);
    let full = store.backup("manual").unwrap();
    std::thread::sleep(Duration::from_millis(5));
    add_account(&store, "Borealis");
    store.close().unwrap();
    // Remove the on-close backup: the newest backup is now older than the last edit.
    for b in Store::backups(dir.path()).unwrap() {
        if b.reason == "on-close" {
            std::fs::remove_file(&b.path).unwrap();
        }
    }
    let last = Store::last_edit(dir.path()).expect("the manifest keeps the last edit");
    let list = Store::backups(dir.path()).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].path, full);
    assert_eq!(list[1].path, empty);
    assert_eq!(
        list[1].caveat(Some(last)).as_deref(),
        Some("empty: 0 accounts")
    );
    let older = list[0].caveat(Some(last)).unwrap();
    assert_eq!(
        older,
        format!(
            "older than your last edit at {}",
            last.format("%Y-%m-%d %H:%M UTC")
        )
    );
    assert_eq!(recommended(&list), Some(0));
    // Only the empty one left: nothing is recommended.
    std::fs::remove_file(&full).unwrap();
    assert_eq!(recommended(&Store::backups(dir.path()).unwrap()), None);
}

#[test]
fn import_takes_a_backup_first() {
    let a = tmp();
    let store = Store::open(a.path()).unwrap();
    fill(&store);
    let file = store.export().unwrap();
    let b = tmp();
    let target = Store::open(b.path()).unwrap();
    let before = export_value(&target);
    let report = target.import(&file).unwrap();
    let backup = report.backup.unwrap();
    assert!(backup
        .file_name()
        .unwrap()
        .to_string_lossy()
        .ends_with("-before-import.json"));
    // The backup holds the store as it was before the import.
    let mut v = serde_json::to_value(Store::read_export(&backup).unwrap()).unwrap();
    v.as_object_mut().unwrap().remove("exported_at");
    assert_same_json(&before, &v);
}

#[test]
fn a_backup_is_named_by_its_file_name_only() {
    let dir = tmp();
    let store = Store::open_with(dir.path(), quiet()).unwrap();
    fill(&store);
    let path = store.backup("manual").unwrap();
    let name = path.file_name().unwrap().to_str().unwrap();
    assert_eq!(Store::backup_path(dir.path(), name).unwrap(), path);
    std::fs::write(dir.path().join("x"), b"{}").unwrap();
    let outside = dir.path().join("backups").join("..").join("x");
    for bad in [
        "../x",
        "../manifest.json",
        outside.to_str().unwrap(),
        path.to_str().unwrap(),
        "/etc/passwd",
        "notes.json",
        "",
        ".",
        "..",
        "backup-20260101T000000.000000Z-daily.json",
        &format!("{name}/"),
        &format!("sub/{name}"),
    ] {
        match Store::backup_path(dir.path(), bad) {
            Err(e @ StoreError::NotABackup(_)) => assert_eq!(e.code(), "not_a_backup"),
            other => panic!("{bad:?}: expected NotABackup, got {other:?}"),
        }
    }
}
