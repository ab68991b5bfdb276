//! (a) Import documents: the exported sample, mutated. Every case goes through the parser and
//! the import's checks; a refused document is then imported for real and must be refused
//! with the store untouched.

use crate::gen::{damage_bytes, ids_in, mutate, Rng};
use crate::{cases, content_of, run, today, Dir};
use account_planner::service;
use planner_store::Store;

#[test]
fn mutated_exports_are_refused_or_imported_and_never_half_written() {
    let dir = Dir::new("import");
    let store = Store::open(&dir.0).unwrap();
    let sample = service::load_sample(&store, today()).unwrap();
    let plan_id = sample.current_plan_id.unwrap();
    service::take_snapshot(&store, plan_id, "Q3 QBR", today()).unwrap();
    let base = serde_json::to_value(store.export().unwrap()).unwrap();
    let mut ids = Vec::new();
    ids_in(&base, &mut ids);
    ids.sort();
    ids.dedup();

    let mut content = content_of(&store);
    let (mut refused, mut accepted, mut imported) = (0u64, 0u64, 0u64);
    let n = cases(3);
    run("import", n, |seed| {
        let mut rng = Rng::new(seed);
        let mut doc = base.clone();
        for _ in 0..1 + rng.below(3) {
            mutate(&mut doc, &mut rng, &ids);
        }
        let mut bytes = serde_json::to_vec(&doc).unwrap();
        if rng.one_in(8) {
            damage_bytes(&mut bytes, &mut rng);
        }
        let generation = store.generation();
        let file = match Store::parse_export(&bytes) {
            Ok(file) => file,
            Err(e) => {
                assert!(!e.to_string().is_empty());
                refused += 1;
                assert_eq!(store.generation(), generation, "seed {seed}");
                return;
            }
        };
        match store.check_import(&file) {
            Err(checked) => {
                refused += 1;
                let e = store
                    .import(&file)
                    .expect_err("import refuses what its check refuses");
                assert_eq!(e.to_string(), checked.to_string(), "seed {seed}");
                assert_eq!(
                    store.generation(),
                    generation,
                    "seed {seed}: refused but written"
                );
                if refused % 256 == 0 {
                    assert_eq!(
                        content_of(&store),
                        content,
                        "seed {seed}: refused but changed"
                    );
                }
            }
            Ok(()) => {
                accepted += 1;
                // Writing every accepted file would make each case a backup and a flush; one
                // in fifty is imported for real.
                if rng.one_in(50) {
                    store
                        .import(&file)
                        .unwrap_or_else(|e| panic!("seed {seed}: {e}"));
                    assert_eq!(store.generation(), generation + 1, "seed {seed}");
                    imported += 1;
                    content = content_of(&store);
                }
            }
        }
    });
    assert_eq!(content_of(&store), content);
    eprintln!("import: {refused} refused, {accepted} accepted ({imported} imported)");
    assert!(refused > 0 && refused + accepted == n);
    // The store on disk is intact: it closes and reopens with the same content.
    store.close().unwrap();
    let store = Store::open(&dir.0).unwrap();
    assert_eq!(content_of(&store), content);
}
