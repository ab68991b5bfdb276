//! Round trips of every API call, and the edit semantics.

use crate::common::*;
use chrono::Duration;
use planner_core::view::summarise;
use planner_core::*;
use planner_store::*;
use std::sync::Arc;

#[test]
fn a_new_folder_gets_the_whole_layout() {
    let dir = tmp();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.dir(), dir.path());
    assert!(dir.path().join("db").is_dir());
    assert!(dir.path().join("manifest.json").is_file());
    assert!(dir.path().join("store.lock").is_file());
    assert!(store.summaries().unwrap().is_empty());
    assert_eq!(store.settings().unwrap(), Settings::default());
    store.close().unwrap();
    // An empty store has nothing to lose: no backup of it is taken, on open or close.
    Store::open(dir.path()).unwrap().close().unwrap();
    assert!(Store::backups(dir.path()).unwrap().is_empty());
}

#[test]
fn every_call_round_trips_and_survives_reopening() {
    let dir = tmp();
    let store = Store::open(dir.path()).unwrap();
    let f = fill(&store);
    let check = |store: &Store| {
        assert_eq!(
            store.account(f.account.id).unwrap().as_ref(),
            Some(&f.account)
        );
        let summaries = store.summaries().unwrap();
        assert_eq!(summaries.len(), 1);
        assert_eq!(
            summaries[0],
            summarise(&f.account, Some((&f.plan, &f.content)))
        );
        assert_eq!(store.plans(f.account.id).unwrap(), vec![f.plan.clone()]);
        assert_eq!(store.plan(f.plan.id).unwrap().as_ref(), Some(&f.plan));
        assert_eq!(
            store.plan_content(f.plan.id).unwrap(),
            normalized(f.content.clone())
        );
        let infos = store.snapshots(f.plan.id).unwrap();
        assert_eq!(infos, vec![SnapshotInfo::from(&f.snapshot)]);
        assert_eq!(
            store.snapshot(f.snapshot.id).unwrap().as_ref(),
            Some(&f.snapshot)
        );
        let mut offerings = store.offerings().unwrap();
        offerings.sort_by_key(|o| o.id);
        let mut expected = f.offerings.clone();
        expected.sort_by_key(|o| o.id);
        assert_eq!(offerings, expected);
        let mut campaigns = store.campaigns().unwrap();
        campaigns.sort_by_key(|c| c.id);
        let mut expected = f.campaigns.clone();
        expected.sort_by_key(|c| c.id);
        assert_eq!(campaigns, expected);
        let targeting = store.campaigns_for(f.account.id).unwrap();
        assert!(!targeting.is_empty());
        assert_eq!(
            targeting.len(),
            f.campaigns
                .iter()
                .filter(|c| c.targets.iter().any(|t| t.account_id == f.account.id))
                .count()
        );
        assert!(store.campaigns_for(Id::new_v4()).unwrap().is_empty());
        assert_eq!(store.settings().unwrap().thresholds.tier2, 2.75);
    };
    check(&store);
    store.close().unwrap();
    let store = Store::open(dir.path()).unwrap();
    check(&store);

    // Missing things.
    assert_eq!(store.account(Id::new_v4()).unwrap(), None);
    assert_eq!(store.plan(Id::new_v4()).unwrap(), None);
    assert_eq!(store.snapshot(Id::new_v4()).unwrap(), None);
    assert!(store.plans(Id::new_v4()).unwrap().is_empty());
    assert!(matches!(
        store.plan_content(Id::new_v4()),
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        store.delete_campaign(Id::new_v4()),
        Err(StoreError::NotFound(_))
    ));

    // put_plan, put_offering, put_campaign, delete_campaign, put_settings replace.
    let mut plan = f.plan.clone();
    plan.status = PlanStatus::Closed;
    store.put_plan(&plan).unwrap();
    assert_eq!(
        store.plan(plan.id).unwrap().unwrap().status,
        PlanStatus::Closed
    );
    let mut moved = plan.clone();
    moved.account_id = Id::new_v4();
    assert!(store.put_plan(&moved).is_err());
    let mut o = f.offerings[0].clone();
    o.retired = true;
    store.put_offering(&o).unwrap();
    assert!(store
        .offerings()
        .unwrap()
        .iter()
        .any(|x| x.id == o.id && x.retired));
    let c = &f.campaigns[0];
    store.delete_campaign(c.id).unwrap();
    assert!(store.campaigns().unwrap().iter().all(|x| x.id != c.id));
    let mut bad = Settings::default();
    bad.thresholds.high_value = 9.0;
    assert!(matches!(
        store.put_settings(&bad),
        Err(StoreError::Invalid { .. })
    ));
}

#[test]
fn apply_upserts_deletes_and_refreshes_the_summary_in_one_edit() {
    let dir = tmp();
    let store = Store::open(dir.path()).unwrap();
    let f = fill(&store);
    let mut content = store.plan_content(f.plan.id).unwrap();
    let mut bc = content.buying_centers[0].clone();
    bc.our_revenue = Money(bc.our_revenue.0 + 100_000);
    let gone = content.opportunities[0].clone();
    content.insert(PlanItem::BuyingCenter(bc.clone()));
    content.remove(ItemKind::Opportunity, gone.id);
    let summary = summarise(&f.account, Some((&f.plan, &content)));
    store
        .apply(&Edit {
            plan_id: f.plan.id,
            upserts: vec![PlanItem::BuyingCenter(bc.clone())],
            deletes: vec![(ItemKind::Opportunity, gone.id)],
            summary: Some(summary.clone()),
        })
        .unwrap();
    let after = store.plan_content(f.plan.id).unwrap();
    assert_eq!(after.buying_center(bc.id), Some(&bc));
    assert!(after.opportunities.iter().all(|o| o.id != gone.id));
    assert_eq!(after, content);
    assert_eq!(store.summaries().unwrap(), vec![summary]);

    // Upsert and delete of the same record: deleted.
    let opp = after.opportunities[0].clone();
    store
        .apply(&Edit {
            plan_id: f.plan.id,
            upserts: vec![PlanItem::Opportunity(opp.clone())],
            deletes: vec![(ItemKind::Opportunity, opp.id)],
            summary: None,
        })
        .unwrap();
    assert!(store
        .plan_content(f.plan.id)
        .unwrap()
        .opportunities
        .iter()
        .all(|o| o.id != opp.id));

    // Refused edits change nothing.
    let before = export_value(&store);
    let missing = store.apply(&Edit {
        plan_id: Id::new_v4(),
        upserts: vec![PlanItem::BuyingCenter(bc.clone())],
        ..Edit::default()
    });
    assert!(matches!(missing, Err(StoreError::NotFound(_))));
    let mut other = summarise(&f.account, None);
    other.id = Id::new_v4();
    let wrong = store.apply(&Edit {
        plan_id: f.plan.id,
        upserts: vec![PlanItem::BuyingCenter(bc)],
        deletes: vec![],
        summary: Some(other),
    });
    assert!(matches!(wrong, Err(StoreError::Invalid { .. })));
    assert_same_json(&before, &export_value(&store));
}

#[test]
fn plans_come_ordered_by_start_and_snapshots_newest_first() {
    let dir = tmp();
    let store = Store::open(dir.path()).unwrap();
    let f = fill(&store);
    let summary = store.summaries().unwrap().remove(0);
    let mut later = f.plan.clone();
    later.id = Id::new_v4();
    later.period = "FY2028".into();
    later.starts_on = f.plan.starts_on + Duration::days(365);
    later.ends_on = f.plan.ends_on + Duration::days(365);
    let mut earlier = f.plan.clone();
    earlier.id = Id::new_v4();
    earlier.period = "FY2026".into();
    earlier.starts_on = f.plan.starts_on - Duration::days(365);
    earlier.ends_on = f.plan.ends_on - Duration::days(365);
    store
        .create_plan(&later, &PlanContent::default(), &summary)
        .unwrap();
    store
        .create_plan(&earlier, &PlanContent::default(), &summary)
        .unwrap();
    let periods: Vec<String> = store
        .plans(f.account.id)
        .unwrap()
        .into_iter()
        .map(|p| p.period)
        .collect();
    assert_eq!(periods, vec!["FY2026", f.plan.period.as_str(), "FY2028"]);
    assert!(store.plan_content(later.id).unwrap() == PlanContent::default());
    // A plan id cannot be created twice, nor for a missing account.
    assert!(store
        .create_plan(&later, &PlanContent::default(), &summary)
        .is_err());
    let mut orphan = later.clone();
    orphan.id = Id::new_v4();
    orphan.account_id = Id::new_v4();
    let mut orphan_summary = summary.clone();
    orphan_summary.id = orphan.account_id;
    assert!(matches!(
        store.create_plan(&orphan, &PlanContent::default(), &orphan_summary),
        Err(StoreError::NotFound(_))
    ));

    let account = store.account(f.account.id).unwrap().unwrap();
    let content = store.plan_content(f.plan.id).unwrap();
    for (days, label) in [(30, "Q1"), (120, "Q2"), (60, "Kickoff")] {
        let s = planner_core::plan_ops::snapshot(
            &account,
            &f.plan,
            &content,
            today() + Duration::days(days),
            label,
        );
        store.put_snapshot(&s).unwrap();
    }
    let labels: Vec<String> = store
        .snapshots(f.plan.id)
        .unwrap()
        .into_iter()
        .map(|s| s.label)
        .collect();
    assert_eq!(labels, vec!["Q2", "Kickoff", "Q1", "Q3 QBR"]);
    let mut stray = f.snapshot.clone();
    stray.id = Id::new_v4();
    stray.plan_id = Id::new_v4();
    assert!(matches!(
        store.put_snapshot(&stray),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn delete_account_removes_everything_and_restore_brings_it_back() {
    let dir = tmp();
    let store = Store::open(dir.path()).unwrap();
    let f = fill(&store);
    // A second account that must not be touched.
    let other = Account::new("Other Co", today());
    store.put_account(&other, &summarise(&other, None)).unwrap();
    let before = export_value(&store);

    let deleted = store.delete_account(f.account.id).unwrap();
    assert_eq!(deleted.account, f.account);
    assert_eq!(deleted.plans.len(), 1);
    assert_eq!(deleted.plans[0].plan, f.plan);
    assert_eq!(deleted.plans[0].snapshots, vec![f.snapshot.clone()]);
    assert!(!deleted.campaign_targets.is_empty());

    assert_eq!(store.account(f.account.id).unwrap(), None);
    let summaries = store.summaries().unwrap();
    assert_eq!(summaries.len(), 1);
    assert_eq!(summaries[0].id, other.id);
    assert_eq!(store.plan(f.plan.id).unwrap(), None);
    assert!(store.plans(f.account.id).unwrap().is_empty());
    assert!(store.snapshots(f.plan.id).unwrap().is_empty());
    assert_eq!(store.snapshot(f.snapshot.id).unwrap(), None);
    assert!(store.campaigns_for(f.account.id).unwrap().is_empty());
    assert!(matches!(
        store.delete_account(f.account.id),
        Err(StoreError::NotFound(_))
    ));
    // The undo can be kept as JSON (e.g. in the app's undo stack).
    let deleted: DeletedAccount =
        serde_json::from_str(&serde_json::to_string(&deleted).unwrap()).unwrap();

    store.restore_account(&deleted).unwrap();
    assert_same_json(&before, &export_value(&store));
    // Idempotent.
    store.restore_account(&deleted).unwrap();
    assert_same_json(&before, &export_value(&store));
    store.close().unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_same_json(&before, &export_value(&store));
}

#[test]
fn threads_share_one_store() {
    let dir = tmp();
    let store = Arc::new(Store::open(dir.path()).unwrap());
    let f = fill(&store);
    let bc = f.content.buying_centers[0].id;
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let store = store.clone();
            let plan_id = f.plan.id;
            std::thread::spawn(move || {
                for i in 0..25u64 {
                    let opp = Opportunity {
                        id: Id::from_u64_pair(t, i),
                        name: format!("Thread {t} #{i}"),
                        buying_center_id: bc,
                        offering_id: None,
                        amount: Money(i as i64),
                        stage: OpportunityStage::Qualify,
                        probability_pct: 10,
                        close_on: None,
                        status: OpportunityStatus::Open,
                    };
                    store
                        .apply(&Edit {
                            plan_id,
                            upserts: vec![PlanItem::Opportunity(opp)],
                            ..Edit::default()
                        })
                        .unwrap();
                    store.summaries().unwrap();
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let content = store.plan_content(f.plan.id).unwrap();
    assert_eq!(
        content.opportunities.len(),
        f.content.opportunities.len() + 100
    );
}

#[test]
fn messages_are_for_people() {
    assert_eq!(
        StoreError::Locked.to_string(),
        "The plan store is open in another window or process"
    );
    let e = StoreError::Corrupt {
        detail: "the store is older than its manifest (3 edits are missing)".into(),
        latest_backup: Some("/x/backups/backup-20261101T000000.000000Z-daily.json".into()),
    };
    let text = e.to_string();
    assert!(
        text.contains("does not match its manifest or cannot be read"),
        "{text}"
    );
    assert!(text.contains("restore"), "{text}");
    assert!(
        text.contains("backup-20261101T000000.000000Z-daily.json"),
        "{text}"
    );
    assert!(
        !text.contains("/x/backups"),
        "names the file, not the folder: {text}"
    );
    let e = StoreError::NewerSchema {
        found: 9,
        supported: SCHEMA_VERSION,
    };
    assert!(e.to_string().contains("newer version"));
    assert_eq!(e.code(), "newer_schema");
}

/// `summaries()` keeps a decoded copy after its first call; every kind of write must keep it
/// in step with the tree (compared with a fresh store opened on a copy of the folder).
#[test]
fn the_summary_list_stays_in_step_with_every_write() {
    let dir = tmp();
    let store = Store::open(dir.path()).unwrap();
    assert!(store.summaries().unwrap().is_empty()); // fills the copy
    let f = fill(&store);
    let fresh_view = |store: &Store| {
        let copy = tmp();
        copy_dir(dir.path(), copy.path());
        std::fs::remove_file(copy.path().join("store.lock")).ok();
        let listed = store.summaries().unwrap();
        let other = Store::open(copy.path()).unwrap();
        assert_eq!(listed, other.summaries().unwrap());
        listed
    };
    assert_eq!(fresh_view(&store).len(), 1);
    let mut s = summarise(&f.account, Some((&f.plan, &f.content)));
    s.name = "Renamed".into();
    store
        .apply(&Edit {
            plan_id: f.plan.id,
            summary: Some(s),
            ..Edit::default()
        })
        .unwrap();
    assert_eq!(fresh_view(&store)[0].name, "Renamed");
    let deleted = store.delete_account(f.account.id).unwrap();
    assert!(fresh_view(&store).is_empty());
    store.restore_account(&deleted).unwrap();
    assert_eq!(fresh_view(&store).len(), 1);
    let other = Account::new("Second", today());
    store.put_account(&other, &summarise(&other, None)).unwrap();
    assert_eq!(fresh_view(&store).len(), 2);
    let file = store.export().unwrap();
    store.import(&file).unwrap();
    assert_eq!(fresh_view(&store).len(), 2);
}
