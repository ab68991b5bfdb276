//! Write the sample plan as a full PDF and a one-page summary:
//! `cargo run -p planner-pdf --example render_sample -- full.pdf summary.pdf [--letter] [--large]`
//!
//! `--large` renders the generated large plan (30 buying centers, 400 contacts) instead.
//! The sample is compared with a QBR snapshot taken 60 days earlier, as it was then (a few
//! records set back), so the "Since last QBR" page and block have something to show.
//! The date is fixed (and `SOURCE_DATE_EPOCH` honoured) so the files are reproducible.

use chrono::NaiveDate;
use planner_core::compare::{compare, PlanComparison};
use planner_core::model::*;
use planner_core::money::Money;
use planner_pdf::{render_plan, Document, Options, Paper, PrintedPlan};

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
    let (view, since) = if args.iter().any(|a| a == "--large") {
        (planner_core::workload::large_view(1, today), None)
    } else {
        let (view, since) = sample_with_last_qbr(today);
        (view, Some(since))
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
        let plan = PrintedPlan {
            view: &view,
            since_last_qbr: since.as_ref(),
        };
        match render_plan(plan, &options) {
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

/// The sample now, and compared with itself 60 days earlier: then one deal was still open, a
/// contact was a skeptic, a cell scored lower, an action was open and a buying center spent less.
fn sample_with_last_qbr(
    today: chrono::NaiveDate,
) -> (planner_core::view::PlanView, PlanComparison) {
    let s = planner_core::sample::sample_plan(today);
    let view = |content: &PlanContent, on| s.view_of(content, on);
    let mut then = s.content.clone();
    then.buying_centers[0].our_revenue = Money(then.buying_centers[0].our_revenue.0 * 9 / 10);
    if let Some(o) = then
        .opportunities
        .iter_mut()
        .find(|o| o.status == OpportunityStatus::Won)
    {
        o.status = OpportunityStatus::Open;
        o.stage = OpportunityStage::Negotiate;
    }
    if let Some(c) = then
        .contacts
        .iter_mut()
        .find(|c| c.attitude == Attitude::Supporter)
    {
        c.attitude = Attitude::Skeptic;
    }
    if let Some(c) = then.cells.iter_mut().find(|c| c.value_to_us == Some(5)) {
        c.value_to_us = Some(3);
    }
    if let Some(a) = then
        .actions
        .iter_mut()
        .find(|a| a.status == ActionStatus::Done)
    {
        a.status = ActionStatus::Open;
    }
    let before = view(&then, today - chrono::Duration::days(60));
    let now = view(&s.content, today);
    let since = compare(&before, &now).labelled("QBR Q3 2026", "Now");
    (now, since)
}
