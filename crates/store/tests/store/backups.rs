//! Backup files: atomic, listed newest first, restorable, rotated in two separate rotations.

use crate::common::*;
use planner_store::*;

#[test]
fn a_backup_is_a_complete_export() {
    let dir = tmp();
    let store = Store::open(dir.path()).unwrap();
    fill(&store);
    let path = store.backup("Before QBR!").unwrap();
    assert!(path.starts_with(dir.path().join("backups")));
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.ends_with("-before-qbr.json"), "{name}");
    let list = Store::backups(dir.path()).unwrap();
    assert_eq!(list[0].path, path, "newest first");
    assert_eq!(list[0].reason, "before-qbr");
    assert!(list[0].bytes > 1000);
    let file = Store::read_export(&path).unwrap();
    let mut v = serde_json::to_value(file).unwrap();
    v.as_object_mut().unwrap().remove("exported_at");
    assert_same_json(&export_value(&store), &v);
}

#[test]
fn rotation_keeps_seven_daily_and_twenty_others() {
    let dir = tmp();
    let store = Store::open(dir.path()).unwrap();
    let bdir = dir.path().join("backups");
    let body = std::fs::read(&Store::backups(dir.path()).unwrap()[0].path).unwrap();
    for day in 1..=12 {
        std::fs::write(
            bdir.join(format!("backup-202501{day:02}T080000.000000Z-daily.json")),
            &body,
        )
        .unwrap();
    }
    for i in 0..30 {
        std::fs::write(
            bdir.join(format!(
                "backup-20250201T08{i:02}00.000000Z-before-import.json"
            )),
            &body,
        )
        .unwrap();
    }
    // An interrupted write: not a backup, not listed, removed at the next open.
    let temp = bdir.join(".backup-20250301T080000.000000Z-daily.json.tmp-999");
    std::fs::write(&temp, b"half").unwrap();
    assert!(Store::backups(dir.path())
        .unwrap()
        .iter()
        .all(|b| b.path != temp));

    store.backup("daily").unwrap();
    let list = Store::backups(dir.path()).unwrap();
    let daily: Vec<_> = list.iter().filter(|b| b.reason == "daily").collect();
    let other: Vec<_> = list.iter().filter(|b| b.reason != "daily").collect();
    assert_eq!(daily.len(), KEEP_DAILY);
    assert_eq!(other.len(), KEEP_OTHER);
    // The newest of each kind survive.
    assert!(daily[0].created_at > daily[1].created_at);
    assert!(daily.iter().any(|b| b
        .path
        .ends_with("backup-20250112T080000.000000Z-daily.json")));
    assert!(!daily.iter().any(|b| b
        .path
        .ends_with("backup-20250101T080000.000000Z-daily.json")));
    assert!(other.iter().any(|b| b
        .path
        .ends_with("backup-20250201T082900.000000Z-before-import.json")));
    assert!(!other.iter().any(|b| b
        .path
        .ends_with("backup-20250201T080000.000000Z-before-import.json")));
    store.close().unwrap();
    Store::open(dir.path()).unwrap().close().unwrap();
    assert!(!temp.exists());
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
