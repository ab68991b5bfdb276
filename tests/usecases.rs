//! Each use case is one store transaction (the generation counter moves by exactly one, and a
//! refused one moves it by none), and edits from several threads at once lose nothing and
//! never save what the checks refuse.

use account_planner::service;
use account_planner::state::AppState;
use chrono::NaiveDate;
use planner_core::*;
use planner_store::Store;
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc, Barrier};
use std::time::Duration;
use uuid::Uuid;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
}

/// A fresh data folder, removed when dropped.
struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let path = std::env::temp_dir().join(format!(
            "ap-usecases-{name}-{}-{}",
            std::process::id(),
            Uuid::new_v4().simple()
        ));
        Dir(path)
    }
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Run `f` and return how far it moved the store's generation counter.
fn commits<T>(store: &Store, f: impl FnOnce(&Store) -> T) -> (u64, T) {
    let before = store.generation();
    let out = f(store);
    (store.generation() - before, out)
}

fn export_json(store: &Store) -> serde_json::Value {
    let mut v = serde_json::to_value(store.export().unwrap()).unwrap();
    v["exported_at"] = serde_json::Value::Null;
    v
}

fn sample_store(dir: &Dir) -> (Store, Id) {
    let store = Store::open(dir.path()).unwrap();
    let s = service::load_sample(&store, day()).unwrap();
    (store, s.current_plan_id.unwrap())
}

#[test]
fn creating_an_account_with_its_first_plan_is_one_commit() {
    let dir = Dir::new("create");
    let store = Store::open(dir.path()).unwrap();
    let (n, summary) = commits(&store, |s| service::create_account(s, "Acme", day()));
    let summary = summary.unwrap();
    assert_eq!(n, 1);
    assert_eq!(store.plans(summary.id).unwrap().len(), 1);
    // Refused before anything is written.
    let (n, err) = commits(&store, |s| service::create_account(s, "  ", day()));
    assert_eq!((n, err.unwrap_err().code()), (0, "empty".to_string()));
}

#[test]
fn a_new_account_may_start_with_next_year_only_near_the_end_of_this_one() {
    let dir = Dir::new("create-next");
    let store = Store::open(dir.path()).unwrap();
    // 2026-11-01 is within 90 days of the year's end (December): FY2027 is offered.
    let offered: Vec<String> = service::new_account_periods(day())
        .into_iter()
        .map(|o| o.period.label)
        .collect();
    assert_eq!(offered, ["FY2026", "FY2027"]);
    let s =
        service::create_account_for(&store, "Acme", plan_ops::PeriodChoice::Next, day()).unwrap();
    let plans = store.plans(s.id).unwrap();
    assert_eq!(plans[0].period, "FY2027");
    assert_eq!(plans[0].starts_on.to_string(), "2027-01-01");
    // In June next year is refused and nothing is written.
    let june = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let (n, err) = commits(&store, |s| {
        service::create_account_for(s, "Early", plan_ops::PeriodChoice::Next, june)
    });
    assert_eq!((n, err.unwrap_err().code()), (0, "conflict".to_string()));
}

#[test]
fn a_closed_plan_refuses_every_edit_until_it_is_reopened() {
    let dir = Dir::new("closed");
    let (store, plan_id) = sample_store(&dir);
    let content = store.plan_content(plan_id).unwrap();
    let (n, closed) = commits(&store, |s| {
        service::set_plan_status(s, plan_id, PlanStatus::Closed)
    });
    assert_eq!((n, closed.unwrap().status), (1, PlanStatus::Closed));
    let bc = content.buying_centers[0].clone();
    let renamed = PlanItem::BuyingCenter(BuyingCenter {
        name: "Renamed".into(),
        ..bc.clone()
    });
    let (n, err) = commits(&store, |s| {
        service::save_items(s, plan_id, vec![renamed.clone()], vec![], day())
    });
    let err = err.unwrap_err();
    assert_eq!((n, err.code()), (0, "plan_closed".to_string()));
    assert_eq!(err.to_string(), "This plan is closed: reopen it to edit");
    let (n, err) = commits(&store, |s| {
        service::delete_buying_center(s, plan_id, bc.id, None, day())
    });
    assert_eq!((n, err.unwrap_err().code()), (0, "plan_closed".to_string()));
    let contact = content.contacts[0].id;
    let (n, err) = commits(&store, |s| {
        service::delete_contact(s, plan_id, contact, None, day())
    });
    assert_eq!((n, err.unwrap_err().code()), (0, "plan_closed".to_string()));
    assert_eq!(store.plan_content(plan_id).unwrap(), content);
    // Reopened, the same edit goes through.
    service::set_plan_status(&store, plan_id, PlanStatus::Active).unwrap();
    let view = service::save_items(&store, plan_id, vec![renamed], vec![], day()).unwrap();
    assert!(view.plan.status == PlanStatus::Active);
    assert_eq!(
        store.plan_content(plan_id).unwrap().buying_centers[0].name,
        "Renamed"
    );
}

#[test]
fn commentary_is_saved_on_the_plan_and_shown_in_its_view() {
    let dir = Dir::new("commentary");
    let (store, plan_id) = sample_store(&dir);
    let written = plan_ops::Commentary {
        executive_summary: "We lead in Finance.".into(),
        asks: "A sponsor call with the CDO".into(),
        wins: "Spend Analytics renewed".into(),
    };
    let (n, view) = commits(&store, |s| {
        service::save_commentary(s, plan_id, &written, day())
    });
    assert_eq!(n, 1);
    assert_eq!(view.unwrap().plan.asks, "A sponsor call with the CDO");
    assert_eq!(
        store.plan(plan_id).unwrap().unwrap().wins,
        "Spend Analytics renewed"
    );
    service::set_plan_status(&store, plan_id, PlanStatus::Closed).unwrap();
    let (n, err) = commits(&store, |s| {
        service::save_commentary(s, plan_id, &written, day())
    });
    assert_eq!((n, err.unwrap_err().code()), (0, "plan_closed".to_string()));
}

#[test]
fn a_second_active_plan_for_the_period_is_refused() {
    let dir = Dir::new("active");
    let (store, plan_id) = sample_store(&dir);
    let next = service::roll_forward(&store, plan_id).unwrap();
    assert!(!next.carried.is_empty());
    // The sample plan is active; next year's does not overlap, so it may be active too.
    service::set_plan_status(&store, next.plan.id, PlanStatus::Active).unwrap();
    // A plan overlapping the sample's year cannot be active beside it.
    let sample = store.plan(plan_id).unwrap().unwrap();
    let mut overlapping = sample.clone();
    overlapping.id = Uuid::new_v4();
    overlapping.period = format!("{} (bis)", sample.period);
    overlapping.status = PlanStatus::Draft;
    let account = store.account(sample.account_id).unwrap().unwrap();
    let summary = planner_core::view::summarise(&account, None);
    store
        .edit(|tx| tx.create_plan(&overlapping, &PlanContent::default(), &summary))
        .unwrap();
    let (n, err) = commits(&store, |s| {
        service::set_plan_status(s, overlapping.id, PlanStatus::Active)
    });
    assert_eq!((n, err.unwrap_err().code()), (0, "conflict".to_string()));
}

#[test]
fn loading_the_sample_is_one_commit() {
    let dir = Dir::new("sample");
    let store = Store::open(dir.path()).unwrap();
    let (n, s) = commits(&store, |s| service::load_sample(s, day()));
    let s = s.unwrap();
    assert_eq!(
        n, 1,
        "offerings, account, plan and campaigns in one transaction"
    );
    assert!(!store.offerings().unwrap().is_empty());
    assert!(!store.campaigns_for(s.id).unwrap().is_empty());
    // Loaded again: offerings are reused, still one commit.
    let (n, _) = commits(&store, |s| service::load_sample(s, day()).unwrap());
    assert_eq!(n, 1);
}

#[test]
fn importing_is_one_commit_and_a_refused_import_is_none() {
    let dir = Dir::new("import-src");
    let (src, _) = sample_store(&dir);
    let file = src.export().unwrap();
    let target_dir = Dir::new("import-dst");
    let target = Store::open(target_dir.path()).unwrap();
    let (n, report) = commits(&target, |s| s.import(&file));
    assert_eq!(n, 1);
    assert_eq!(report.unwrap().accounts_added, 1);
    let mut bad = file.clone();
    bad.accounts[0].plans[0].content.contacts[0].name = String::new();
    let before = export_json(&target);
    let (n, err) = commits(&target, |s| s.import(&bad));
    assert_eq!(n, 0);
    assert_eq!(err.unwrap_err().code(), "invalid");
    assert_eq!(export_json(&target), before);
}

#[test]
fn deleting_a_buying_center_with_its_dependents_is_one_commit() {
    let dir = Dir::new("delete-bc");
    let (store, plan_id) = sample_store(&dir);
    let content = store.plan_content(plan_id).unwrap();
    let bc = content
        .buying_centers
        .iter()
        .find(|b| content.contacts.iter().any(|c| c.buying_center_id == b.id))
        .unwrap()
        .id;
    // A target that does not exist: refused, nothing written.
    let (n, err) = commits(&store, |s| {
        service::delete_buying_center(s, plan_id, bc, Some(Uuid::new_v4()), day())
    });
    assert_eq!((n, err.unwrap_err().code()), (0, "not_found".to_string()));
    let (n, view) = commits(&store, |s| {
        service::delete_buying_center(s, plan_id, bc, None, day())
    });
    let view = view.unwrap();
    assert_eq!(
        n, 1,
        "the buying center, its people, cells and opportunities at once"
    );
    assert!(view.contacts.iter().all(|c| c.buying_center_id != bc));
    let after = store.plan_content(plan_id).unwrap();
    assert!(validate::dangling_references(&after).is_ok());
}

#[test]
fn every_other_writing_use_case_is_one_commit() {
    let dir = Dir::new("others");
    let (store, plan_id) = sample_store(&dir);
    let plan = store.plan(plan_id).unwrap().unwrap();
    let account = store.account(plan.account_id).unwrap().unwrap();
    let content = store.plan_content(plan_id).unwrap();
    let one = |what: &str, n: u64| assert_eq!(n, 1, "{what}");

    let (n, r) = commits(&store, |s| {
        service::update_account(s, account.clone(), day())
    });
    r.unwrap();
    one("update_account", n);
    let contact = content
        .contacts
        .iter()
        .find(|c| c.reports_to.is_some())
        .unwrap();
    let (n, r) = commits(&store, |s| {
        service::delete_contact(s, plan_id, contact.id, None, day())
    });
    r.unwrap();
    one("delete_contact", n);
    let (n, r) = commits(&store, |s| service::take_snapshot(s, plan_id, "Q4", day()));
    r.unwrap();
    one("take_snapshot", n);
    let campaign = store.campaigns_for(account.id).unwrap()[0].clone();
    let (n, r) = commits(&store, |s| service::save_campaign(s, campaign.clone()));
    r.unwrap();
    one("save_campaign", n);
    let (n, r) = commits(&store, |s| service::roll_forward(s, plan_id));
    r.unwrap();
    one("roll_forward", n);
    // Rolling the same plan forward again is refused (that period exists): no commit.
    let (n, r) = commits(&store, |s| service::roll_forward(s, plan_id));
    assert_eq!((n, r.unwrap_err().code()), (0, "conflict".to_string()));
    let offering = store.offerings().unwrap()[0].clone();
    let (n, r) = commits(&store, |s| {
        service::save_offering(
            s,
            Offering {
                description: "Updated".into(),
                ..offering.clone()
            },
        )
    });
    r.unwrap();
    one("save_offering", n);
    let settings = store.settings().unwrap();
    let (n, r) = commits(&store, |s| {
        service::save_segmentation(s, settings.weights.clone(), settings.thresholds.clone())
    });
    r.unwrap();
    one("save_segmentation", n);
    let (n, r) = commits(&store, |s| service::save_weight_profiles(s, vec![]));
    r.unwrap();
    one("save_weight_profiles", n);
}

#[test]
fn a_failure_or_a_panic_half_way_through_an_edit_leaves_nothing() {
    let dir = Dir::new("half");
    let (store, _) = sample_store(&dir);
    let before = export_json(&store);
    let generation = store.generation();
    let account = Account::new("Half Written", day());
    let summary = planner_core::view::summarise(&account, None);
    let r: Result<(), planner_store::StoreError> = store.edit(|tx| {
        tx.put_account(&account, &summary)?;
        Err(CoreError::conflict("plan", "injected failure after the first write").into())
    });
    assert!(r.is_err());
    let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _: Result<(), planner_store::StoreError> = store.edit(|tx| {
            tx.put_account(&account, &summary)?;
            panic!("injected panic after the first write");
        });
    }));
    assert!(panicked.is_err());
    assert_eq!(store.generation(), generation);
    assert_eq!(export_json(&store), before);
    // The store still works after the panic.
    service::create_account(&store, "After", day()).unwrap();
    assert_eq!(store.generation(), generation + 1);
}

fn buying_center(name: &str) -> PlanItem {
    PlanItem::BuyingCenter(BuyingCenter {
        id: Uuid::new_v4(),
        name: name.into(),
        description: String::new(),
        total_wallet: Money(0),
        our_revenue: Money(0),
        sales_goal: Money(0),
        target_share_pct: None,
        relationship_status: RelationshipStatus::None,
        initiative_ids: vec![],
        competitors: vec![],
        position: 99,
    })
}

#[test]
fn two_windows_adding_the_same_name_at_once_save_it_once() {
    let dir = Dir::new("race-name");
    let (store, plan_id) = sample_store(&dir);
    store.close().unwrap();
    let state = Arc::new(AppState::open(dir.path().to_path_buf()));
    const ROUNDS: usize = 20;
    for round in 0..ROUNDS {
        let name = format!("Region {round}");
        let barrier = Arc::new(Barrier::new(2));
        let handles: Vec<_> = (0..2)
            .map(|_| {
                let (state, barrier, name) = (state.clone(), barrier.clone(), name.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    state.with_store(|s| {
                        service::save_items(s, plan_id, vec![buying_center(&name)], vec![], day())
                    })
                })
            })
            .collect();
        let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        let ok = results.iter().filter(|r| r.is_ok()).count();
        assert_eq!(ok, 1, "round {round}: each is valid alone, not both");
        let refused = results.iter().find_map(|r| r.as_ref().err()).unwrap();
        assert_eq!(refused.code(), "conflict");
    }
    let content = state.with_store(|s| Ok(s.plan_content(plan_id)?)).unwrap();
    for round in 0..ROUNDS {
        let name = format!("Region {round}");
        assert_eq!(
            content
                .buying_centers
                .iter()
                .filter(|b| b.name == name)
                .count(),
            1
        );
    }
    state.close();
}

#[test]
fn appends_from_two_threads_are_all_kept() {
    let dir = Dir::new("race-append");
    let (store, plan_id) = sample_store(&dir);
    let before = store.plan_content(plan_id).unwrap().buying_centers.len();
    store.close().unwrap();
    let state = Arc::new(AppState::open(dir.path().to_path_buf()));
    const EACH: usize = 25;
    let handles: Vec<_> = ["East", "West"]
        .into_iter()
        .map(|side| {
            let state = state.clone();
            std::thread::spawn(move || {
                for i in 0..EACH {
                    state
                        .with_store(|s| {
                            service::save_items(
                                s,
                                plan_id,
                                vec![buying_center(&format!("{side} {i}"))],
                                vec![],
                                day(),
                            )
                        })
                        .unwrap();
                }
            })
        })
        .collect();
    // Reads go on meanwhile.
    for _ in 0..EACH {
        state
            .with_store(|s| service::view(s, plan_id, day()))
            .unwrap();
    }
    for h in handles {
        h.join().unwrap();
    }
    state.close();
    // Reopened from disk: every append is there, and the summary matches the plan.
    let store = Store::open(dir.path()).unwrap();
    let content = store.plan_content(plan_id).unwrap();
    assert_eq!(content.buying_centers.len(), before + 2 * EACH);
    let summary = store.summaries().unwrap()[0].clone();
    let account = store.account(summary.id).unwrap().unwrap();
    let plan = store.plan(plan_id).unwrap().unwrap();
    assert_eq!(
        summary,
        planner_core::view::summarise_on(&account, Some((&plan, &content)), day())
    );
}

#[test]
fn commands_read_while_another_command_is_inside_the_store() {
    let dir = Dir::new("concurrent-reads");
    let (store, _) = sample_store(&dir);
    store.close().unwrap();
    let state = Arc::new(AppState::open(dir.path().to_path_buf()));
    let (entered_tx, entered) = mpsc::channel();
    let (release_tx, release) = mpsc::channel::<()>();
    let slow = {
        let state = state.clone();
        std::thread::spawn(move || {
            state.with_store(|_| {
                entered_tx.send(()).unwrap();
                release.recv().unwrap();
                Ok(())
            })
        })
    };
    entered.recv().unwrap();
    // With one lock around every command this read would wait for the slow one.
    let (done_tx, done) = mpsc::channel();
    let reader = {
        let state = state.clone();
        std::thread::spawn(move || {
            let rows = state.with_store(service::portfolio).unwrap();
            done_tx.send(rows.len()).unwrap();
        })
    };
    let rows = done.recv_timeout(Duration::from_secs(10));
    release_tx.send(()).unwrap();
    slow.join().unwrap().unwrap();
    reader.join().unwrap();
    assert_eq!(rows, Ok(1));
    state.close();
}

#[test]
fn the_command_line_import_refuses_deep_and_oversized_files_and_changes_nothing() {
    let dir = Dir::new("cli-import");
    let (store, _) = sample_store(&dir);
    let before = export_json(&store);
    store.close().unwrap();
    let deep = dir.path().join("deep.json");
    std::fs::write(
        &deep,
        format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
    )
    .unwrap();
    let huge = dir.path().join("huge.json");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(Store::MAX_IMPORT_BYTES + 1)
        .unwrap();
    for (file, says) in [
        (&deep, "nested more than 128 levels deep"),
        (&huge, "more than the 512 MiB an export may be"),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_account-planner"))
            .arg("--data-dir")
            .arg(dir.path())
            .arg("import")
            .arg(file)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success());
        assert!(out.status.code().is_some(), "exited normally, not killed");
        assert!(stderr.contains(says), "{stderr}");
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(export_json(&store), before);
}
