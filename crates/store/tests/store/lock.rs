//! One store, one writer: a second open in this process or another is refused as `Locked`.

use crate::common::*;
use planner_store::*;

const ENV: &str = "PLANNER_STORE_LOCK_CHILD_DIR";

/// Child side: try to open the store named by the environment and report what happened.
#[test]
fn lock_child() {
    let Ok(dir) = std::env::var(ENV) else {
        return;
    };
    // Leading newline: the test harness has printed "test lock::lock_child ... " already.
    match Store::open(std::path::Path::new(&dir)) {
        Ok(_) => println!("\nchild-result: opened"),
        Err(StoreError::Locked) => println!("\nchild-result: locked"),
        Err(e) => println!("\nchild-result: error {e}"),
    }
}

fn child_result(dir: &std::path::Path) -> String {
    let out = child("lock::lock_child", &[(ENV, dir.display().to_string())])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    stdout
        .lines()
        .find_map(|l| l.strip_prefix("child-result: "))
        .unwrap_or_else(|| panic!("no result from the child: {stdout}"))
        .to_string()
}

#[test]
fn a_second_open_in_this_process_is_locked() {
    let dir = tmp();
    let first = Store::open(dir.path()).unwrap();
    match Store::open(dir.path()) {
        Err(e @ StoreError::Locked) => assert_eq!(
            e.to_string(),
            "The plan store is open in another window or process"
        ),
        Err(e) => panic!("expected Locked, got {e}"),
        Ok(_) => panic!("expected Locked, the store opened twice"),
    }
    first.close().unwrap();
    Store::open(dir.path()).unwrap();
}

#[test]
fn another_process_is_locked_out_until_the_store_closes() {
    let dir = tmp();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(child_result(dir.path()), "locked");
    store.close().unwrap();
    assert_eq!(child_result(dir.path()), "opened");
}

/// If something holds sled's own lock but not ours (an old build, a tool), sled's "could not
/// acquire lock" error is reported as `Locked` too.
#[test]
fn sleds_own_lock_is_reported_as_locked() {
    let dir = tmp();
    Store::open(dir.path()).unwrap().close().unwrap();
    let raw = sled::open(dir.path().join("db")).unwrap();
    assert!(matches!(Store::open(dir.path()), Err(StoreError::Locked)));
    drop(raw);
}
