//! Export, import (valid and invalid) and restore.

use crate::common::*;
use planner_core::view::summarise;
use planner_core::workload::large_plan;
use planner_core::*;
use planner_store::*;
use std::path::Path;

fn filled_store(dir: &Path) -> (Store, Filled) {
    let store = Store::open(dir).unwrap();
    let f = fill(&store);
    // Plus the large plan, as a second account with its catalog.
    let l = large_plan(7, today());
    for o in &l.offerings {
        store.put_offering(o).unwrap();
    }
    let summary = summarise(&l.account, Some((&l.plan, &l.content)));
    store.put_account(&l.account, &summary).unwrap();
    store.create_plan(&l.plan, &l.content, &summary).unwrap();
    (store, f)
}

#[test]
fn export_import_export_gives_the_same_content() {
    let a = tmp();
    let (store, _) = filled_store(a.path());
    let first = export_value(&store);
    let path = a.path().join("out").join("export.json");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    store.export_to(&path).unwrap();
    let file = Store::read_export(&path).unwrap();
    assert_eq!(file.version, SCHEMA_VERSION);
    assert_eq!(file.format, "account-planner");

    let b = tmp();
    let fresh = Store::open(b.path()).unwrap();
    let report = fresh.import(&file).unwrap();
    assert_eq!(report.accounts_added, 2);
    assert_eq!(report.accounts_replaced, 0);
    assert_eq!(report.plans, 2);
    assert_eq!(report.snapshots, 1);
    assert!(report.settings_imported);
    assert!(report.backup.as_ref().unwrap().exists());
    assert_same_json(&first, &export_value(&fresh));
    // Summaries were recomputed from the data, and match what the app had stored.
    let mut s1 = store.summaries().unwrap();
    let mut s2 = fresh.summaries().unwrap();
    s1.sort_by_key(|s| s.id);
    s2.sort_by_key(|s| s.id);
    // The import assesses health as of today; the test filled its store without it.
    assert!(s2.iter().all(|s| s.health_as_of.is_some()));
    for s in &mut s2 {
        s.health_status = None;
        s.risk_count = 0;
        s.health_as_of = None;
    }
    assert_eq!(s1, s2);

    // Importing the same file again replaces the accounts, and changes nothing else.
    let again = fresh.import(&file).unwrap();
    assert_eq!(again.accounts_replaced, 2);
    assert!(!again.settings_imported);
    assert_same_json(&first, &export_value(&fresh));
    fresh.close().unwrap();
    let fresh = Store::open(b.path()).unwrap();
    assert_same_json(&first, &export_value(&fresh));
}

#[test]
fn import_keeps_accounts_that_are_not_in_the_file() {
    let a = tmp();
    let store = Store::open(a.path()).unwrap();
    fill(&store);
    let file = store.export().unwrap();
    let b = tmp();
    let other_store = Store::open(b.path()).unwrap();
    let mine = Account::new("Mine", today());
    other_store
        .put_account(&mine, &summarise(&mine, None))
        .unwrap();
    other_store.import(&file).unwrap();
    assert_eq!(other_store.summaries().unwrap().len(), 2);
    assert!(other_store.account(mine.id).unwrap().is_some());
}

/// Refused imports: the store (and its backups) stay exactly as they were.
#[test]
fn invalid_imports_change_nothing() {
    let a = tmp();
    let store = Store::open(a.path()).unwrap();
    let f = fill(&store);
    let good = store.export().unwrap();
    let b = tmp();
    let target = Store::open(b.path()).unwrap();
    let other = Account::new("Already here", today());
    target
        .put_account(&other, &summarise(&other, None))
        .unwrap();
    let before = export_value(&target);
    let backups_before = image(&b.path().join("backups"));

    let mut bad_ref = good.clone();
    bad_ref.accounts[0].plans[0].content.contacts[0].buying_center_id = Id::new_v4();
    let mut negative = good.clone();
    negative.accounts[0].plans[0].content.opportunities[0].amount = Money(-5);
    let mut bad_account = good.clone();
    bad_account.accounts[0].account.name = "  ".into();
    let mut bad_offering = good.clone();
    bad_offering.offerings[0].typical_deal_size = Money(-1);
    let mut bad_campaign = good.clone();
    bad_campaign.campaigns[0].ends_on =
        bad_campaign.campaigns[0].starts_on - chrono::Duration::days(1);
    let mut bad_plan = good.clone();
    bad_plan.accounts[0].plans[0].plan.account_id = Id::new_v4();
    let mut missing_offering = good.clone();
    missing_offering.offerings.clear();
    let mut twice = good.clone();
    let dup = twice.accounts[0].clone();
    twice.accounts.push(dup);
    let mut newer = good.clone();
    newer.version = SCHEMA_VERSION + 1;

    for (name, file, expect) in [
        (
            "contact with a missing buying center",
            bad_ref,
            "buying_center_id",
        ),
        ("negative amount", negative, "amount"),
        ("empty account name", bad_account, "name"),
        (
            "negative offering deal size",
            bad_offering,
            "typical_deal_size",
        ),
        ("campaign ending before it starts", bad_campaign, "ends_on"),
        ("plan of another account", bad_plan, "account_id"),
        (
            "cell of an unknown offering",
            missing_offering,
            "offering_id",
        ),
        ("same account twice", twice, "id"),
    ] {
        match target.import(&file) {
            Err(StoreError::Invalid { location, error }) => {
                assert_eq!(error.field(), expect, "{name}: {location}: {error}");
                assert!(!location.is_empty(), "{name}: says where");
            }
            other => panic!("{name}: expected Invalid, got {other:?}"),
        }
        assert_same_json(&before, &export_value(&target));
    }
    assert!(matches!(
        target.import(&newer),
        Err(StoreError::NewerSchema { .. })
    ));
    // A located message a user can act on.
    let mut bad = good.clone();
    bad.accounts[0].plans[0].content.opportunities[0].amount = Money(-5);
    let msg = target.import(&bad).unwrap_err().to_string();
    assert!(
        msg.contains(&f.account.name) && msg.contains("cannot be negative"),
        "{msg}"
    );

    assert_same_json(&before, &export_value(&target));
    assert_eq!(image(&b.path().join("backups")), backups_before);
}

#[test]
fn unreadable_files_are_refused_with_a_clear_reason() {
    let dir = tmp();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let malformed = write(
        "malformed.json",
        "{\"format\": \"account-planner\", \"version\": 2,",
    );
    let e = Store::read_export(&malformed).unwrap_err();
    assert!(matches!(e, StoreError::BadExport(_)));
    assert!(e.to_string().contains("not valid JSON"), "{e}");

    let wrong = write(
        "wrong.json",
        "{\"format\": \"spreadsheet\", \"version\": 2}",
    );
    let e = Store::read_export(&wrong).unwrap_err();
    assert!(
        e.to_string().contains("not an Account Planner export"),
        "{e}"
    );

    let newer = write(
        "newer.json",
        &format!(
            "{{\"format\": \"account-planner\", \"version\": {}}}",
            SCHEMA_VERSION + 5
        ),
    );
    match Store::read_export(&newer) {
        Err(StoreError::NewerSchema { found, supported }) => {
            assert_eq!(found, SCHEMA_VERSION + 5);
            assert_eq!(supported, SCHEMA_VERSION);
        }
        other => panic!("expected NewerSchema, got {other:?}"),
    }
    let no_version = write("nov.json", "{\"format\": \"account-planner\"}");
    assert!(matches!(
        Store::read_export(&no_version),
        Err(StoreError::BadExport(_))
    ));
    let empty_shape = write(
        "shape.json",
        &format!(
            "{{\"format\": \"account-planner\", \"version\": {SCHEMA_VERSION}, \"accounts\": 3}}"
        ),
    );
    let e = Store::read_export(&empty_shape).unwrap_err();
    assert!(e.to_string().contains("not what an export holds"), "{e}");
    assert!(matches!(
        Store::read_export(&dir.path().join("missing.json")),
        Err(StoreError::Io { .. })
    ));
}

#[test]
fn restore_moves_the_store_aside_and_imports_the_backup() {
    let dir = tmp();
    let store = Store::open(dir.path()).unwrap();
    fill(&store);
    let backup = store.backup("manual").unwrap();
    let at_backup = export_value(&store);
    // Later edits that the restore discards.
    let later = Account::new("Added after the backup", today());
    store.put_account(&later, &summarise(&later, None)).unwrap();

    // Not while the store is open.
    assert!(matches!(
        Store::restore(dir.path(), &backup),
        Err(StoreError::Locked)
    ));
    store.close().unwrap();
    let old_db = image(&dir.path().join("db"));
    let backups_before = image(&dir.path().join("backups"));

    Store::restore(dir.path(), &backup).unwrap();
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("store.broken-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        image(&aside[0].path().join("db")),
        old_db,
        "kept byte for byte"
    );
    assert!(aside[0].path().join("manifest.json").exists());
    assert_eq!(image(&dir.path().join("backups")), backups_before);

    let store = Store::open(dir.path()).unwrap();
    assert_same_json(&at_backup, &export_value(&store));
    assert!(store.account(later.id).unwrap().is_none());
}

#[test]
fn a_bad_backup_file_is_refused_before_anything_moves() {
    let dir = tmp();
    let store = Store::open(dir.path()).unwrap();
    fill(&store);
    store.close().unwrap();
    let before = image(dir.path());
    let bad = tmp();
    let p = bad.path().join("bad.json");
    std::fs::write(&p, "not json").unwrap();
    assert!(matches!(
        Store::restore(dir.path(), &p),
        Err(StoreError::BadExport(_))
    ));
    assert_eq!(image(dir.path()), before);
}

#[test]
fn snapshots_campaign_targets_and_settings_in_a_file_are_validated_like_the_app() {
    let a = tmp();
    let store = Store::open(a.path()).unwrap();
    let f = fill(&store);
    let good = store.export().unwrap();
    let b = tmp();
    let target = Store::open(b.path()).unwrap();
    target.check_import(&good).unwrap();
    let before = export_value(&target);
    let generation = target.generation();

    let mut frozen_contact = good.clone();
    frozen_contact.accounts[0].plans[0].snapshots[0]
        .content
        .contacts[0]
        .name = " ".into();
    let mut frozen_ref = good.clone();
    frozen_ref.accounts[0].plans[0].snapshots[0]
        .content
        .opportunities[0]
        .buying_center_id = Id::new_v4();
    let mut frozen_label = good.clone();
    frozen_label.accounts[0].plans[0].snapshots[0].label = "x".repeat(201);
    let mut foreign_opportunity = good.clone();
    let target_of = |file: &mut ExportFile| {
        file.campaigns
            .iter_mut()
            .flat_map(|c| c.targets.iter_mut())
            .next()
            .expect("a sample campaign target")
            .opportunity_ids
            .push(Id::new_v4())
    };
    target_of(&mut foreign_opportunity);
    let mut unknown_account = good.clone();
    unknown_account.campaigns[0].targets[0].account_id = Id::new_v4();
    let mut profiles = good.clone();
    let profile = planner_core::segmentation::WeightProfile {
        name: "Growth".into(),
        weights: Default::default(),
    };
    profiles.settings.profiles = vec![profile.clone(), profile];
    let mut same_offering_name = good.clone();
    let mut copy = same_offering_name.offerings[0].clone();
    copy.id = Id::new_v4();
    same_offering_name.offerings.push(copy);

    for (name, file, where_, field) in [
        (
            "empty name in a snapshot",
            frozen_contact,
            "snapshot",
            "name",
        ),
        (
            "snapshot opportunity pointing at nothing",
            frozen_ref,
            "snapshot",
            "buying_center_id",
        ),
        ("snapshot label too long", frozen_label, "snapshot", "label"),
        (
            "influenced opportunity of no account",
            foreign_opportunity,
            "Campaign",
            "opportunity_ids",
        ),
        (
            "campaign aimed at an unknown account",
            unknown_account,
            "Campaign",
            "targets",
        ),
        ("weight profile twice", profiles, "Settings", "profile_name"),
        (
            "two offerings with one name",
            same_offering_name,
            "Offering",
            "name",
        ),
    ] {
        let err = target.check_import(&file).unwrap_err();
        match target.import(&file) {
            Err(StoreError::Invalid { location, error }) => {
                assert_eq!(error.field(), field, "{name}: {location}: {error}");
                assert!(location.contains(where_), "{name}: {location}");
                assert!(
                    location.contains(&format!("field \"{field}\"")),
                    "{location}"
                );
                assert_eq!(err.to_string(), format!("{location}: {error}"));
            }
            other => panic!("{name}: expected Invalid, got {other:?}"),
        }
        assert_eq!(target.generation(), generation, "{name}");
    }
    assert_same_json(&before, &export_value(&target));
    // A campaign aimed at an account already in the store (not in the file) is checked
    // against that account's plan.
    target.import(&good).unwrap();
    let mut only_campaign = good.clone();
    only_campaign.accounts.clear();
    target.check_import(&only_campaign).unwrap();
    target_of(&mut only_campaign);
    assert_eq!(
        target.check_import(&only_campaign).unwrap_err().to_string(),
        format!(
            "Campaign \"{}\", field \"opportunity_ids\": An influenced opportunity is not one of \
             {}'s",
            only_campaign.campaigns[0].name, f.account.name
        )
    );
}

#[test]
fn a_file_over_the_size_cap_is_refused_before_it_is_read() {
    let dir = tmp();
    let path = dir.path().join("huge.json");
    // Sparse: the size is there without writing 512 MiB.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(Store::MAX_IMPORT_BYTES + 1).unwrap();
    let started = std::time::Instant::now();
    let err = Store::read_export(&path).unwrap_err();
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
    assert_eq!(err.code(), "bad_export");
    assert!(err.to_string().contains("512 MiB"), "{err}");
    // Exactly at the cap it is read (and refused for what it is, not for its size).
    file.set_len(1000).unwrap();
    let err = Store::read_export(&path).unwrap_err();
    assert!(err.to_string().contains("not valid JSON"), "{err}");
}

#[test]
fn deep_nesting_is_refused_with_a_readable_message() {
    let dir = tmp();
    let path = dir.path().join("deep.json");
    let depth = 10_000;
    let text = format!(
        "{{\"format\": \"account-planner\", \"version\": 2, \"accounts\": {}{}}}",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    std::fs::write(&path, text).unwrap();
    let err = Store::read_export(&path).unwrap_err();
    assert_eq!(err.code(), "bad_export");
    assert!(
        err.to_string()
            .contains("nested more than 128 levels deep (at line 1, column"),
        "{err}"
    );
    // 100 levels are fine as JSON (and refused for their content).
    let text = format!("{}{}", "[".repeat(100), "]".repeat(100));
    let err = Store::parse_export(text.as_bytes()).unwrap_err();
    assert!(
        err.to_string().contains("not an Account Planner export"),
        "{err}"
    );
}
