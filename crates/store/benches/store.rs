//! Store benchmarks (criterion). Run: `cargo bench -p planner-store --bench store -- --noplot`,
//! or `crates/store/scripts/bench-table.sh` for a table with ratios and p99.
//!
//! 1. durable_edit: `apply` of one Edit (one buying center of the large plan + its account
//!    summary, ~2 KB of JSON) in one transaction, flushed and fdatasynced (what makes it as
//!    durable as SQLite FULL) - on the large-plan store.
//! 2. load_large_plan: `plan_content` of the large plan (30 buying centers, 400 contacts...).
//! 3. portfolio_10k: `summaries()` of 10,000 accounts, then `portfolio_row` for each.
//! 4. export_10k: `export()` of the 10,000-account store; import_1k: `import` of a 1,000-account
//!    export into a fresh store (1k, not 10k, to keep the run short: import is one transaction
//!    of every record, so it scales linearly; the 10k import is printed once during setup).
//! 5. fdatasync_2k: the machine's durable-write floor: overwrite 2 KB of an open file, then
//!    `File::sync_data` (fdatasync).
//! 6. sqlite_wal_full_edit: SQLite (bundled) in WAL mode, synchronous=FULL, upserting one
//!    2 KB JSON row: the same durable edit done by the usual alternative.
//!
//! Besides criterion's statistics, a plain loop times 2,000 runs each of 1, 5 and 6 and prints
//! p50/p99 (criterion reports means and medians, not tails); they are also written to
//! `target/criterion/store-percentiles.json` for the table script.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use planner_core::view::{portfolio_row, summarise};
use planner_core::workload::{large_plan, portfolio_account, LargePlan, Lcg};
use planner_core::*;
use planner_store::*;
use std::hint::black_box;
use std::io::Write;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
}

fn bench_dir() -> tempfile::TempDir {
    // On the same disk as the build (not a tmpfs), so fsync costs what it costs.
    let base = target_dir().join("bench-stores");
    std::fs::create_dir_all(&base).unwrap();
    tempfile::Builder::new()
        .prefix("store")
        .tempdir_in(base)
        .unwrap()
}

/// `<target>/` from this benchmark's own path (`<target>/release/deps/store-<hash>`).
fn target_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("CARGO_TARGET_DIR") {
        return PathBuf::from(dir);
    }
    let exe = std::env::current_exe().unwrap();
    exe.ancestors()
        .nth(3)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("target"))
}

struct LargeStore {
    _dir: tempfile::TempDir,
    store: Store,
    l: LargePlan,
    summary: planner_core::view::AccountSummary,
}

fn large_store() -> LargeStore {
    let dir = bench_dir();
    let store = Store::open(dir.path()).unwrap();
    let l = large_plan(1, today());
    for o in &l.offerings {
        store.put_offering(o).unwrap();
    }
    for c in &l.campaigns {
        store.put_campaign(c).unwrap();
    }
    let summary = summarise(&l.account, Some((&l.plan, &l.content)));
    store.put_account(&l.account, &summary).unwrap();
    store.create_plan(&l.plan, &l.content, &summary).unwrap();
    LargeStore {
        _dir: dir,
        store,
        l,
        summary,
    }
}

fn portfolio(n: usize) -> ExportFile {
    let mut r = Lcg::new(11);
    ExportFile {
        format: EXPORT_FORMAT.into(),
        version: SCHEMA_VERSION,
        exported_at: chrono::Utc::now(),
        accounts: (0..n)
            .map(|i| {
                let (account, plan, content) = portfolio_account(&mut r, i, today());
                AccountExport {
                    account,
                    plans: vec![PlanExport {
                        plan,
                        content,
                        snapshots: vec![],
                    }],
                }
            })
            .collect(),
        offerings: vec![],
        campaigns: vec![],
        settings: Settings::default(),
    }
}

/// One durable edit of the large plan: a buying center (changed each time) + the summary.
struct EditRunner<'a> {
    s: &'a LargeStore,
    bc: BuyingCenter,
    n: i64,
}

impl EditRunner<'_> {
    fn run(&mut self) {
        self.n += 1;
        self.bc.our_revenue = Money(self.n);
        self.s
            .store
            .apply(&Edit {
                plan_id: self.s.l.plan.id,
                upserts: vec![PlanItem::BuyingCenter(self.bc.clone())],
                deletes: vec![],
                summary: Some(self.s.summary.clone()),
            })
            .unwrap();
    }
}

struct Sqlite {
    _dir: tempfile::TempDir,
    conn: rusqlite::Connection,
    value: String,
    n: u64,
}

fn sqlite(value_bytes: usize) -> Sqlite {
    let dir = bench_dir();
    let conn = rusqlite::Connection::open(dir.path().join("bench.sqlite")).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    conn.execute_batch(
        "PRAGMA synchronous=FULL;
         CREATE TABLE records (key BLOB PRIMARY KEY, value TEXT NOT NULL);",
    )
    .unwrap();
    Sqlite {
        _dir: dir,
        conn,
        value: "x".repeat(value_bytes),
        n: 0,
    }
}

impl Sqlite {
    fn run(&mut self) {
        self.n += 1;
        // A different value every time: SQLite skips writing a row that did not change, and
        // then has nothing to sync.
        let stamp = format!("{:020}", self.n);
        self.value.replace_range(..stamp.len(), &stamp);
        let key = (self.n % 64).to_be_bytes();
        self.conn
            .prepare_cached(
                "INSERT INTO records (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            )
            .unwrap()
            .execute(rusqlite::params![&key[..], &self.value])
            .unwrap();
    }
}

struct Floor {
    _dir: tempfile::TempDir,
    file: std::fs::File,
    buf: Vec<u8>,
}

fn floor() -> Floor {
    let dir = bench_dir();
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(true)
        .read(true)
        .write(true)
        .open(dir.path().join("floor.bin"))
        .unwrap();
    file.write_all(&[0u8; 2048]).unwrap();
    file.sync_all().unwrap();
    Floor {
        _dir: dir,
        file,
        buf: vec![7u8; 2048],
    }
}

impl Floor {
    fn run(&mut self) {
        self.buf[0] = self.buf[0].wrapping_add(1);
        self.file.write_all_at(&self.buf, 0).unwrap();
        self.file.sync_data().unwrap();
    }
}

/// The size of one edit's JSON, so the SQLite row is the same size.
fn edit_bytes(s: &LargeStore) -> usize {
    serde_json::to_vec(&s.l.content.buying_centers[0])
        .unwrap()
        .len()
        + serde_json::to_vec(&s.summary).unwrap().len()
}

fn percentiles(name: &str, runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    for _ in 0..50 {
        f();
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    let p50 = us(times[runs / 2]);
    let p99 = us(times[runs * 99 / 100]);
    println!("{name}: p50 {p50:.1} us, p99 {p99:.1} us over {runs} runs");
    (p50, p99)
}

fn benches(c: &mut Criterion) {
    let large = large_store();
    let bytes = edit_bytes(&large);

    // Tails first, in one place, written for the table script.
    {
        let mut edit = EditRunner {
            s: &large,
            bc: large.l.content.buying_centers[0].clone(),
            n: 0,
        };
        let mut lite = sqlite(bytes);
        let mut fl = floor();
        let rows = [
            (
                "durable_edit",
                percentiles("durable_edit", 2000, || edit.run()),
            ),
            (
                "sqlite_wal_full_edit",
                percentiles("sqlite_wal_full_edit", 2000, || lite.run()),
            ),
            (
                "fdatasync_2k",
                percentiles("fdatasync_2k", 2000, || fl.run()),
            ),
        ];
        let json = serde_json::json!(rows
            .iter()
            .map(|(n, (p50, p99))| (
                n.to_string(),
                serde_json::json!({"p50_us": p50, "p99_us": p99})
            ))
            .collect::<serde_json::Map<_, _>>());
        let out = target_dir().join("criterion");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(
            out.join("store-percentiles.json"),
            serde_json::to_vec_pretty(&json).unwrap(),
        )
        .unwrap();
        println!("edit size: {bytes} bytes of JSON");
    }

    let mut g = c.benchmark_group("store");
    g.sample_size(60)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));

    let mut edit = EditRunner {
        s: &large,
        bc: large.l.content.buying_centers[0].clone(),
        n: 1_000_000,
    };
    g.bench_function("durable_edit", |b| b.iter(|| edit.run()));
    g.bench_function("load_large_plan", |b| {
        b.iter(|| black_box(large.store.plan_content(large.l.plan.id).unwrap()))
    });
    let mut lite = sqlite(bytes);
    g.bench_function("sqlite_wal_full_edit", |b| b.iter(|| lite.run()));
    let mut fl = floor();
    g.bench_function("fdatasync_2k", |b| b.iter(|| fl.run()));

    // The 10,000-account portfolio.
    let dir = bench_dir();
    let store = Store::open(dir.path()).unwrap();
    let file = portfolio(10_000);
    let t = Instant::now();
    store.import(&file).unwrap();
    println!("setup: import of 10,000 accounts took {:?}", t.elapsed());
    store.close().unwrap();
    let t = Instant::now();
    let store = Store::open(dir.path()).unwrap();
    println!(
        "setup: open of the 10,000-account store (full check) took {:?}",
        t.elapsed()
    );
    let t = Instant::now();
    black_box(store.summaries().unwrap());
    println!(
        "setup: first summaries() after open (decodes the tree) took {:?}",
        t.elapsed()
    );
    let settings = store.settings().unwrap();
    g.bench_function("portfolio_10k", |b| {
        b.iter(|| {
            let rows: Vec<_> = store
                .summaries()
                .unwrap()
                .into_iter()
                .map(|s| portfolio_row(s, &settings.weights, &settings.thresholds))
                .collect();
            black_box(rows)
        })
    });
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("export_10k", |b| {
        b.iter(|| black_box(store.export().unwrap()))
    });
    let small = portfolio(1_000);
    g.bench_function("import_1k", |b| {
        b.iter_batched(
            || {
                let d = bench_dir();
                let s = Store::open(d.path()).unwrap();
                (d, s)
            },
            |(d, s)| {
                black_box(s.import(&small).unwrap());
                (d, s)
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(store, benches);
criterion_main!(store);
