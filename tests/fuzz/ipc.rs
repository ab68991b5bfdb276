//! (c) The input validation behind every IPC command that takes data: generated records (the
//! sample's records as the webview would send them, mutated) are deserialised as Tauri does,
//! then checked by the core entry point the command calls. One case in eight also runs the
//! real use case on a store: refused means not written.

use crate::gen::{ids_in, mutate, nasty_string, Rng};
use crate::{cases, content_of, run, today, Dir};
use account_planner::service;
use planner_core::segmentation::{
    validate_profiles, validate_thresholds, validate_weights, Thresholds, WeightProfile, Weights,
};
use planner_core::*;
use planner_store::Store;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A record of the sample as JSON, mutated 0-3 times, then deserialised (None: the bridge
/// refuses it before any command runs).
fn generated<T: DeserializeOwned>(rng: &mut Rng, base: &Value, ids: &[String]) -> Option<T> {
    let mut v = base.clone();
    for _ in 0..rng.below(4) {
        mutate(&mut v, rng, ids);
    }
    serde_json::from_value(v).ok()
}

#[test]
fn generated_command_inputs_are_validated_without_a_panic_and_refusals_write_nothing() {
    let dir = Dir::new("ipc");
    let store = Store::open(&dir.0).unwrap();
    let sample = service::load_sample(&store, today()).unwrap();
    let plan_id = sample.current_plan_id.unwrap();
    let account = store.account(sample.id).unwrap().unwrap();
    let content = store.plan_content(plan_id).unwrap();
    let offerings = store.offerings().unwrap();
    let campaigns = store.campaigns().unwrap();
    let settings = store.settings().unwrap();

    let items: Vec<Value> = content.clone().into_items().iter().map(json).collect();
    let account_json = json(&account);
    let offering_json: Vec<Value> = offerings.iter().map(json).collect();
    let campaign_json: Vec<Value> = campaigns.iter().map(json).collect();
    let weights_json = json(&settings.weights);
    let thresholds_json = json(&settings.thresholds);
    let mut ids = Vec::new();
    for v in items.iter().chain([&account_json]) {
        ids_in(v, &mut ids);
    }
    ids.sort();
    ids.dedup();
    let record_ids: Vec<(ItemKind, Id)> = content
        .clone()
        .into_items()
        .iter()
        .map(|i| (i.kind(), i.id()))
        .collect();

    let mut stored = content_of(&store);
    let (mut bridge, mut refused, mut accepted, mut through_store) = (0u64, 0u64, 0u64, 0u64);
    run("ipc", cases(3), |seed| {
        let mut rng = Rng::new(seed);
        let also_store = rng.one_in(8);
        let generation = store.generation();
        // `Some(Ok)` / `Some(Err)`: what the core check said; None: refused by the bridge.
        let (checked, by_store): (Option<bool>, Option<Result<(), String>>) = match rng.below(9) {
            0 => {
                // create_account
                let name = nasty_string(&mut rng);
                let ok = validate::account(&Account::new(&name, today())).is_ok();
                let r =
                    also_store.then(|| service::create_account(&store, &name, today()).map(|_| ()));
                (Some(ok), r.map(|r| r.map_err(|e| e.to_string())))
            }
            1 => {
                // update_account
                let Some(a) = generated::<Account>(&mut rng, &account_json, &ids) else {
                    bridge += 1;
                    return;
                };
                let ok = validate::account(&a).is_ok();
                let r = also_store.then(|| service::update_account(&store, a, today()).map(|_| ()));
                (Some(ok), r.map(|r| r.map_err(|e| e.to_string())))
            }
            2 | 3 => {
                // save_items: one to three records upserted, now and then a record deleted.
                let mut upserts = Vec::new();
                for _ in 0..1 + rng.below(3) {
                    let base = rng.pick(&items).clone();
                    match generated::<PlanItem>(&mut rng, &base, &ids) {
                        Some(i) => upserts.push(i),
                        None => {
                            bridge += 1;
                            return;
                        }
                    }
                }
                let deletes: Vec<(ItemKind, Id)> = if rng.one_in(4) {
                    vec![*rng.pick(&record_ids)]
                } else {
                    vec![]
                };
                let mut after = content.clone();
                for (k, id) in &deletes {
                    after.remove(*k, *id);
                }
                for i in &upserts {
                    after.insert(i.clone());
                }
                let ctx = validate::Context {
                    account: &account,
                    content: &after,
                    offerings: &offerings,
                };
                let ok = upserts.iter().all(|i| validate::item(i, &ctx).is_ok())
                    && validate::dangling_references(&after).is_ok();
                let r = also_store.then(|| {
                    service::save_items(&store, plan_id, upserts, deletes, today()).map(|_| ())
                });
                (Some(ok), r.map(|r| r.map_err(|e| e.to_string())))
            }
            4 => {
                // delete_buying_center / delete_contact with known or unknown ids
                let id = match uuid::Uuid::parse_str(rng.pick(&ids).as_str()) {
                    Ok(id) if !rng.one_in(4) => id,
                    _ => uuid::Uuid::new_v4(),
                };
                let other = uuid::Uuid::parse_str(rng.pick(&ids).as_str()).ok();
                let r = if rng.one_in(2) {
                    service::delete_buying_center(&store, plan_id, id, other, today())
                } else {
                    service::delete_contact(&store, plan_id, id, other, today())
                };
                (None, Some(r.map(|_| ()).map_err(|e| e.to_string())))
            }
            5 => {
                // save_offering
                let base = rng.pick(&offering_json).clone();
                let Some(o) = generated::<Offering>(&mut rng, &base, &ids) else {
                    bridge += 1;
                    return;
                };
                let ok = validate::offering(&o).is_ok();
                let r = also_store.then(|| service::save_offering(&store, o).map(|_| ()));
                (Some(ok), r.map(|r| r.map_err(|e| e.to_string())))
            }
            6 => {
                // save_campaign
                let base = rng.pick(&campaign_json).clone();
                let Some(c) = generated::<Campaign>(&mut rng, &base, &ids) else {
                    bridge += 1;
                    return;
                };
                let ok = validate::campaign_with_targets(&c, &[(&account, &content)]).is_ok();
                let r = also_store.then(|| service::save_campaign(&store, c).map(|_| ()));
                (Some(ok), r.map(|r| r.map_err(|e| e.to_string())))
            }
            7 => {
                // save_segmentation / save_weight_profiles
                let w = generated::<Weights>(&mut rng, &weights_json, &ids);
                let t = generated::<Thresholds>(&mut rng, &thresholds_json, &ids);
                let (Some(w), Some(t)) = (w, t) else {
                    bridge += 1;
                    return;
                };
                let profiles = vec![
                    WeightProfile {
                        name: nasty_string(&mut rng),
                        weights: w.clone(),
                    };
                    rng.below(3)
                ];
                if rng.one_in(2) {
                    let ok = validate_weights(&w).is_ok() && validate_thresholds(&t).is_ok();
                    let r =
                        also_store.then(|| service::save_segmentation(&store, w, t).map(|_| ()));
                    (Some(ok), r.map(|r| r.map_err(|e| e.to_string())))
                } else {
                    let ok = validate_profiles(&profiles).is_ok();
                    let r = also_store
                        .then(|| service::save_weight_profiles(&store, profiles).map(|_| ()));
                    (Some(ok), r.map(|r| r.map_err(|e| e.to_string())))
                }
            }
            _ => {
                // take_snapshot
                let label = nasty_string(&mut rng);
                let ok =
                    label.trim().is_empty() || validate::name("label", "Label", &label).is_ok();
                let r = also_store
                    .then(|| service::take_snapshot(&store, plan_id, &label, today()).map(|_| ()));
                (Some(ok), r.map(|r| r.map_err(|e| e.to_string())))
            }
        };
        match checked {
            Some(true) => accepted += 1,
            Some(false) => refused += 1,
            None => {}
        }
        if let Some(r) = by_store {
            through_store += 1;
            match r {
                Err(e) => {
                    assert!(!e.is_empty());
                    assert_eq!(
                        store.generation(),
                        generation,
                        "seed {seed}: refused ({e}) but written"
                    );
                    if through_store % 64 == 0 {
                        assert_eq!(
                            content_of(&store),
                            stored,
                            "seed {seed}: refused but changed"
                        );
                    }
                }
                Ok(()) => stored = content_of(&store),
            }
        }
    });
    assert_eq!(content_of(&store), stored);
    eprintln!(
        "ipc: {bridge} refused by the bridge, {refused} refused and {accepted} accepted by the \
         core checks, {through_store} run through the store"
    );
    assert!(refused > 0 && accepted > 0);
}

fn json<T: serde::Serialize>(x: &T) -> Value {
    serde_json::to_value(x).unwrap()
}
