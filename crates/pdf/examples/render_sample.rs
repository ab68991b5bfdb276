//! Write the sample plan as a full PDF and a one-page summary:
//! `cargo run -p planner-pdf --example render_sample -- full.pdf summary.pdf [--letter] [--large]`
//!
//! `--large` renders the generated large plan (30 buying centers, 400 contacts) instead.
//! The date is fixed (and `SOURCE_DATE_EPOCH` honoured) so the files are reproducible.

use chrono::NaiveDate;
use planner_pdf::{render, Document, Options, Paper};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if paths.len() != 2 {
        eprintln!("usage: render_sample FULL.pdf SUMMARY.pdf [--letter] [--large]");
        std::process::exit(2);
    }
    let paper = if args.iter().any(|a| a == "--letter") {
        Paper::Letter
    } else {
        Paper::A4
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid date");
    let view = if args.iter().any(|a| a == "--large") {
        planner_core::workload::large_view(1, today)
    } else {
        planner_core::sample::sample_view(today)
    };
    let epoch = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse().ok())
        .or(Some(1_790_000_000));
    for (document, path) in [
        (Document::FullPlan, paths[0]),
        (Document::Summary, paths[1]),
    ] {
        let options = Options {
            document,
            paper,
            sections: Vec::new(),
            generated_on: today,
            creation_epoch: epoch,
        };
        let started = std::time::Instant::now();
        match render(&view, &options) {
            Ok(out) => {
                for w in &out.warnings {
                    eprintln!("warning: {w}");
                }
                if let Err(e) = std::fs::write(path, &out.bytes) {
                    eprintln!("cannot write {path}: {e}");
                    std::process::exit(1);
                }
                println!(
                    "{path}: {} pages, {} bytes, {:.1} ms",
                    out.pages,
                    out.bytes.len(),
                    started.elapsed().as_secs_f64() * 1000.0
                );
            }
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        }
    }
}
