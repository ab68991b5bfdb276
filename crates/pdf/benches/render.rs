//! Render time and size of the large plan (30 buying centers, 400 contacts, 60 offerings,
//! 300 opportunities) and of the one-page summary. Targets: full plan < 150 ms and < 2 MB,
//! summary < 30 ms. Fonts are parsed once per process (as in the app), so the first
//! render is outside the measurement.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use planner_core::view::PlanView;
use planner_pdf::{render, Document, Options, Paper};
use std::time::Duration;

fn view(large: bool) -> PlanView {
    let today = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    if large {
        planner_core::workload::large_view(1, today)
    } else {
        planner_core::sample::sample_view(today)
    }
}

fn options(document: Document) -> Options {
    Options {
        document,
        paper: Paper::A4,
        sections: Vec::new(),
        generated_on: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        creation_epoch: Some(1_790_000_000),
    }
}

fn bench(c: &mut Criterion) {
    let large = view(true);
    let sample = view(false);
    for (name, v, doc) in [
        ("large plan, full", &large, Document::FullPlan),
        ("large plan, summary", &large, Document::Summary),
        ("sample plan, full", &sample, Document::FullPlan),
        ("sample plan, summary", &sample, Document::Summary),
    ] {
        let out = render(v, &options(doc)).expect("renders");
        println!(
            "{name}: {} pages, {} bytes ({:.0} KiB)",
            out.pages,
            out.bytes.len(),
            out.bytes.len() as f64 / 1024.0
        );
    }
    let mut g = c.benchmark_group("render");
    g.sample_size(20).measurement_time(Duration::from_secs(6));
    g.bench_function("large plan, full", |b| {
        b.iter(|| render(&large, &options(Document::FullPlan)).unwrap())
    });
    g.bench_function("large plan, summary", |b| {
        b.iter(|| render(&large, &options(Document::Summary)).unwrap())
    });
    g.bench_function("sample plan, full", |b| {
        b.iter(|| render(&sample, &options(Document::FullPlan)).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
