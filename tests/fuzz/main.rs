//! Generated inputs against every door where outside data comes in: import documents, the
//! command line, and the validation behind each IPC command. Each case is refused or accepted
//! without a panic, and a refused one leaves the store exactly as it was.
//!
//! The inputs come from seeded loops (`gen::Rng`, SplitMix64) rather than proptest: a million
//! cases must be cheap, every failure names the seed that replays it, and no new dependency is
//! needed. `PLANNER_FUZZ_CASES` sets the total number of cases across the three targets
//! (default 3,000, a few seconds); `PLANNER_FUZZ_SEED` moves the starting seed.

mod cli;
mod gen;
mod import;
mod ipc;

/// This target's share (in tenths) of the total number of cases.
pub fn cases(tenths: u64) -> u64 {
    let total: u64 = std::env::var("PLANNER_FUZZ_CASES")
        .ok()
        .and_then(|v| v.trim().replace('_', "").parse().ok())
        .unwrap_or(3_000);
    (total * tenths / 10).max(1)
}

pub fn first_seed() -> u64 {
    std::env::var("PLANNER_FUZZ_SEED")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0x5eed)
}

/// Run `case` for each seed; a panic is reported with the seed that replays it.
pub fn run(target: &str, n: u64, mut case: impl FnMut(u64)) {
    let start = std::time::Instant::now();
    let first = first_seed();
    for seed in first..first + n {
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| case(seed)));
        if r.is_err() {
            panic!("{target}: case with seed {seed} panicked (PLANNER_FUZZ_SEED={seed} PLANNER_FUZZ_CASES=1 replays it)");
        }
    }
    eprintln!(
        "{target}: {n} cases in {:.1} s",
        start.elapsed().as_secs_f64()
    );
}

/// A fresh data folder, removed when dropped.
pub struct Dir(pub std::path::PathBuf);

impl Dir {
    pub fn new(name: &str) -> Dir {
        Dir(std::env::temp_dir().join(format!(
            "ap-fuzz-{name}-{}-{}",
            std::process::id(),
            uuid::Uuid::new_v4().simple()
        )))
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
}

/// The store's whole content, without the export's own timestamp.
pub fn content_of(store: &planner_store::Store) -> serde_json::Value {
    let mut v = serde_json::to_value(store.export().unwrap()).unwrap();
    v["exported_at"] = serde_json::Value::Null;
    v
}
