//! Schema migration from version 1, using a committed fixture of the version-1 shapes
//! (`tests/fixtures/v1-export.json`) loaded into a raw sled store the way version 1 laid it out.

use crate::common::*;
use planner_core::*;
use planner_store::*;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn fixture_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1-export.json")
}

fn fixture() -> Value {
    serde_json::from_slice(&std::fs::read(fixture_path()).unwrap()).unwrap()
}

fn uuid_bytes(v: &Value) -> Vec<u8> {
    v.as_str()
        .unwrap()
        .parse::<Id>()
        .unwrap()
        .as_bytes()
        .to_vec()
}

/// Version 1's layout, stated here independently of the store's code: one sled tree per
/// record type, keys made of 16-byte ids, plan items keyed plan id ++ kind code ++ item id,
/// values JSON. No summary tree (version 1 did not have one).
fn write_v1_store(dir: &Path, doc: &Value) {
    let mut records: Vec<(String, Vec<u8>, Vec<u8>)> = Vec::new();
    fn put(records: &mut Vec<(String, Vec<u8>, Vec<u8>)>, tree: &str, key: Vec<u8>, value: &Value) {
        records.push((tree.into(), key, serde_json::to_vec(value).unwrap()));
    }
    let r = &mut records;
    for a in doc["accounts"].as_array().unwrap() {
        let account_id = uuid_bytes(&a["account"]["id"]);
        put(r, "accounts", account_id.clone(), &a["account"]);
        for p in a["plans"].as_array().unwrap() {
            let plan_id = uuid_bytes(&p["plan"]["id"]);
            put(r, "plans", plan_id.clone(), &p["plan"]);
            r.push((
                "account_plans".into(),
                [account_id.clone(), plan_id.clone()].concat(),
                vec![],
            ));
            let lists = [
                "buying_centers",
                "contacts",
                "lines",
                "objectives",
                "strategies",
                "actions",
                "cells",
                "opportunities",
            ];
            for (code, list) in lists.iter().enumerate() {
                for item in p["content"][*list].as_array().unwrap() {
                    let kind = vec![code as u8 + 1];
                    let key = [plan_id.clone(), kind, uuid_bytes(&item["id"])].concat();
                    put(r, "items", key, item);
                }
            }
            for s in p["snapshots"].as_array().unwrap() {
                let sid = uuid_bytes(&s["id"]);
                put(r, "snapshots", sid.clone(), s);
                let info = json!({
                    "id": s["id"], "plan_id": s["plan_id"],
                    "taken_on": s["taken_on"], "label": s["label"],
                });
                put(r, "plan_snapshots", [plan_id.clone(), sid].concat(), &info);
            }
        }
    }
    for o in doc["offerings"].as_array().unwrap() {
        put(r, "offerings", uuid_bytes(&o["id"]), o);
    }
    for c in doc["campaigns"].as_array().unwrap() {
        put(r, "campaigns", uuid_bytes(&c["id"]), c);
    }
    put(r, "settings", b"settings".to_vec(), &doc["settings"]);
    planner_store::testing::write_raw_store(dir, 1, &records).unwrap();
}

fn without_time(mut v: Value) -> Value {
    v.as_object_mut().unwrap().remove("exported_at");
    v
}

/// Down-convert a version-2 account / contact value to version 1's shape.
fn to_v1_account(a: &mut Value) {
    let a = a.as_object_mut().unwrap();
    a.remove("renewals");
    a.remove("segmentation");
}

fn to_v1_content(c: &mut Value) {
    for contact in c["contacts"].as_array_mut().unwrap() {
        let first = contact["dotted_line_to"]
            .as_array()
            .unwrap()
            .first()
            .cloned();
        contact["dotted_line_to"] = first.unwrap_or(Value::Null);
    }
}

/// Regenerate the fixture: `cargo test -p planner-store --test store -- --ignored regenerate`.
/// The sample plan in version 1's shapes, lists in the order the store keeps them.
#[test]
#[ignore]
fn regenerate_v1_fixture() {
    let s = planner_core::sample::sample_plan(today());
    let mut content = s.content.clone();
    // Give one contact a dotted-line manager so the migration has one to convert.
    let (a, b) = (content.contacts[1].id, content.contacts[2].id);
    let c = &mut content.contacts[3];
    c.dotted_line_to = [a, b]
        .into_iter()
        .filter(|m| Some(*m) != c.reports_to && *m != c.id)
        .take(1)
        .collect();
    let content = normalized(content);
    let snapshot =
        planner_core::plan_ops::snapshot(&s.account, &s.plan, &content, today(), "Kickoff");
    let mut offerings = s.offerings.clone();
    offerings.sort_by_key(|o| o.id);
    let mut campaigns = s.campaigns.clone();
    campaigns.sort_by_key(|c| c.id);
    let file = ExportFile {
        format: "account-planner".into(),
        version: 1,
        exported_at: "2026-01-15T09:00:00Z".parse().unwrap(),
        accounts: vec![AccountExport {
            account: s.account.clone(),
            plans: vec![PlanExport {
                plan: s.plan.clone(),
                content,
                snapshots: vec![snapshot],
            }],
        }],
        offerings,
        campaigns,
        settings: Settings::default(),
    };
    let mut v = serde_json::to_value(&file).unwrap();
    for a in v["accounts"].as_array_mut().unwrap() {
        to_v1_account(&mut a["account"]);
        for p in a["plans"].as_array_mut().unwrap() {
            to_v1_content(&mut p["content"]);
            for s in p["snapshots"].as_array_mut().unwrap() {
                to_v1_account(&mut s["account"]);
                to_v1_content(&mut s["content"]);
            }
        }
    }
    std::fs::write(
        fixture_path(),
        serde_json::to_string_pretty(&v).unwrap() + "\n",
    )
    .unwrap();
}

#[test]
fn a_version_1_store_is_backed_up_then_migrated() {
    let doc = fixture();
    assert_eq!(doc["version"], 1);
    assert!(
        doc["accounts"][0]["account"].get("renewals").is_none(),
        "the fixture is v1"
    );
    let dir = tmp();
    write_v1_store(dir.path(), &doc);

    let store = Store::open(dir.path()).unwrap();

    // 1. The backup taken before migrating holds the old shapes, exactly the fixture's data.
    let backups = Store::backups(dir.path()).unwrap();
    let pre = backups
        .iter()
        .find(|b| b.reason == format!("before-migration-v1-to-v{SCHEMA_VERSION}"))
        .expect("a backup before the migration");
    let mut pre_value: Value = serde_json::from_slice(&std::fs::read(&pre.path).unwrap()).unwrap();
    assert_eq!(pre_value["version"], 1);
    // Stamped with what it holds (the v1 store's own records).
    let stamp = pre.stamp.expect("the backup says what it holds");
    assert_eq!((stamp.accounts, stamp.schema_version), (1, 1));
    pre_value.as_object_mut().unwrap().remove("backup");
    assert_same_json(&without_time(doc.clone()), &without_time(pre_value));
    // The daily backup (taken by the background thread) comes after the migration: it is in
    // the new shapes.
    let daily = wait_for_backup(dir.path(), |b| b.reason == "daily");
    assert!(daily.created_at >= pre.created_at);
    assert_eq!(daily.stamp.unwrap().schema_version, SCHEMA_VERSION);

    // 2. Everything is there, in the new shapes.
    let v1_account = &doc["accounts"][0]["account"];
    let id: Id = v1_account["id"].as_str().unwrap().parse().unwrap();
    let account = store.account(id).unwrap().unwrap();
    assert_eq!(account.name, v1_account["name"].as_str().unwrap());
    assert!(account.renewals.is_empty());
    assert_eq!(
        account.segmentation,
        planner_core::segmentation::default_criteria()
    );
    let plans = store.plans(id).unwrap();
    assert_eq!(plans.len(), 1);
    let content = store.plan_content(plans[0].id).unwrap();
    let v1_content = &doc["accounts"][0]["plans"][0]["content"];
    for (list, n) in [
        ("buying_centers", content.buying_centers.len()),
        ("contacts", content.contacts.len()),
        ("lines", content.lines.len()),
        ("objectives", content.objectives.len()),
        ("strategies", content.strategies.len()),
        ("actions", content.actions.len()),
        ("cells", content.cells.len()),
        ("opportunities", content.opportunities.len()),
    ] {
        assert_eq!(v1_content[list].as_array().unwrap().len(), n, "{list}");
    }
    for v1 in v1_content["contacts"].as_array().unwrap() {
        let c = content
            .contacts
            .iter()
            .find(|c| c.id.to_string() == v1["id"].as_str().unwrap())
            .unwrap();
        match &v1["dotted_line_to"] {
            Value::Null => assert!(c.dotted_line_to.is_empty()),
            Value::String(m) => assert_eq!(c.dotted_line_to, vec![m.parse::<Id>().unwrap()]),
            other => panic!("fixture shape {other}"),
        }
    }
    assert!(
        content
            .contacts
            .iter()
            .any(|c| !c.dotted_line_to.is_empty()),
        "the fixture converts a real dotted line"
    );
    let snaps = store.snapshots(plans[0].id).unwrap();
    assert_eq!(snaps.len(), 1);
    let snap = store.snapshot(snaps[0].id).unwrap().unwrap();
    assert!(snap.account.renewals.is_empty());
    assert_eq!(
        store.offerings().unwrap().len(),
        doc["offerings"].as_array().unwrap().len()
    );
    assert_eq!(
        store.campaigns().unwrap().len(),
        doc["campaigns"].as_array().unwrap().len()
    );
    // The summary tree, new in version 2, was built (with the plan's health as of today).
    let today = chrono::Local::now().date_naive();
    assert_eq!(
        store.summaries().unwrap(),
        vec![planner_core::view::summarise_on(
            &account,
            Some((&plans[0], &content)),
            today
        )]
    );

    // 3. The old backup file reads as the same data (export files migrate the same way).
    let from_file = Store::read_export(&pre.path).unwrap();
    assert_eq!(from_file.version, SCHEMA_VERSION);
    // (Catalog order aside: the store lists campaigns by date, the file keeps key order.)
    let by_id = |mut v: Value| {
        for list in ["offerings", "campaigns"] {
            v[list]
                .as_array_mut()
                .unwrap()
                .sort_by_key(|x| x["id"].as_str().unwrap().to_string());
        }
        v
    };
    assert_same_json(
        &by_id(without_time(serde_json::to_value(&from_file).unwrap())),
        &by_id(export_value(&store)),
    );
    let migrated = export_value(&store);
    store.close().unwrap();

    // 4. The manifest records the new version; a second open migrates nothing.
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["schema_version"], SCHEMA_VERSION);
    let store = Store::open(dir.path()).unwrap();
    assert_same_json(&migrated, &export_value(&store));
    let pre_backups = Store::backups(dir.path())
        .unwrap()
        .into_iter()
        .filter(|b| b.reason.starts_with("before-migration"))
        .count();
    assert_eq!(pre_backups, 1);
}

#[test]
fn a_record_that_cannot_be_migrated_stops_the_upgrade_and_changes_nothing() {
    let mut doc = fixture();
    doc["accounts"][0]["plans"][0]["content"]["contacts"][0]["dotted_line_to"] = json!(42);
    let dir = tmp();
    write_v1_store(dir.path(), &doc);
    for _ in 0..2 {
        match Store::open(dir.path()) {
            Err(e @ StoreError::Migration { .. }) => {
                let text = e.to_string();
                assert!(
                    text.contains(&format!("from version 1 to {SCHEMA_VERSION}")),
                    "{text}"
                );
                assert!(text.contains("Nothing was changed"), "{text}");
                let StoreError::Migration { backup, .. } = e else {
                    unreachable!()
                };
                assert!(backup.exists());
            }
            Err(e) => panic!("expected Migration, got {e}"),
            Ok(_) => panic!("the store opened"),
        }
    }
    // Still version 1 (the second attempt ran the migration again, and failed again).
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["schema_version"], 1);
}
