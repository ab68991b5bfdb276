//! Shared by the integration tests: plan views of the sample and large plans, and the
//! poppler/qpdf tools that check the output.

#![allow(dead_code)]

use chrono::NaiveDate;
use planner_core::view::PlanView;
use std::path::Path;
use std::process::Command;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
}

pub fn sample_view() -> PlanView {
    planner_core::sample::sample_view(today())
}

pub fn large_view() -> PlanView {
    planner_core::workload::large_view(1, today())
}

/// Whether a command-line tool is installed; prints why a check is skipped when not.
pub fn have(tool: &str) -> bool {
    let ok = Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !ok {
        eprintln!("SKIPPED: {tool} is not installed (apt-get install qpdf poppler-utils)");
    }
    ok
}

pub fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool}: {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn write_temp(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

/// The text of the PDF with all whitespace runs collapsed to one space, so a phrase broken
/// over two lines is still found.
pub fn text_of(pdf: &str) -> String {
    let raw = run("pdftotext", &["-enc", "UTF-8", pdf, "-"]);
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn pdfinfo(pdf: &str) -> String {
    run("pdfinfo", &[pdf])
}

pub fn pages(info: &str) -> usize {
    info.lines()
        .find(|l| l.starts_with("Pages:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .expect("pdfinfo prints Pages")
}

#[derive(Debug, Clone)]
pub struct Word {
    pub page: usize,
    pub page_w: f32,
    pub page_h: f32,
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    pub text: String,
}

fn attr(line: &str, name: &str) -> Option<f32> {
    let key = format!("{name}=\"");
    let start = line.find(&key)? + key.len();
    let end = line[start..].find('"')? + start;
    line[start..end].parse().ok()
}

/// Every word with its box, from `pdftotext -bbox`.
pub fn words(pdf: &str) -> Vec<Word> {
    let html = run("pdftotext", &["-bbox", "-enc", "UTF-8", pdf, "-"]);
    let mut out = Vec::new();
    let (mut page, mut w, mut h) = (0, 0.0, 0.0);
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page += 1;
            w = attr(line, "width").unwrap_or(0.0);
            h = attr(line, "height").unwrap_or(0.0);
        } else if line.starts_with("<word ") {
            let text = line
                .split_once('>')
                .and_then(|(_, rest)| rest.rsplit_once("</word>"))
                .map(|(t, _)| t.to_string())
                .unwrap_or_default();
            out.push(Word {
                page,
                page_w: w,
                page_h: h,
                x0: attr(line, "xMin").unwrap_or(0.0),
                y0: attr(line, "yMin").unwrap_or(0.0),
                x1: attr(line, "xMax").unwrap_or(0.0),
                y1: attr(line, "yMax").unwrap_or(0.0),
                text,
            });
        }
    }
    out
}

/// The renderer's margins (crates/pdf/src/layout.rs): nothing within 10 mm of the edge,
/// body text inside the 42 pt side margins.
pub const PRINT_MARGIN: f32 = 28.35;
pub const MARGIN_X: f32 = 42.0;

/// Words outside the printable area, or body words outside the side margins.
pub fn margin_violations(words: &[Word]) -> Vec<String> {
    let tol = 0.6;
    words
        .iter()
        .filter(|w| {
            w.x0 < PRINT_MARGIN - tol
                || w.y0 < PRINT_MARGIN - tol
                || w.x1 > w.page_w - PRINT_MARGIN + tol
                || w.y1 > w.page_h - PRINT_MARGIN + tol
                || w.x0 < MARGIN_X - tol
                || w.x1 > w.page_w - MARGIN_X + tol
        })
        .map(|w| {
            format!(
                "page {} '{}' at {:.1},{:.1}-{:.1},{:.1} on {}x{}",
                w.page, w.text, w.x0, w.y0, w.x1, w.y1, w.page_w, w.page_h
            )
        })
        .collect()
}

/// Pairs of words on one page whose boxes overlap by more than a sliver: text over text.
pub fn overlaps(words: &[Word]) -> Vec<String> {
    let mut found = Vec::new();
    let mut by_page: std::collections::BTreeMap<usize, Vec<&Word>> = Default::default();
    for w in words {
        by_page.entry(w.page).or_default().push(w);
    }
    for list in by_page.values() {
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                let ix = (a.x1.min(b.x1) - a.x0.max(b.x0)).max(0.0);
                let iy = (a.y1.min(b.y1) - a.y0.max(b.y0)).max(0.0);
                let inter = ix * iy;
                let smaller = ((a.x1 - a.x0) * (a.y1 - a.y0)).min((b.x1 - b.x0) * (b.y1 - b.y0));
                if smaller > 0.0 && inter > 0.25 * smaller {
                    found.push(format!(
                        "page {}: '{}' overlaps '{}'",
                        a.page, a.text, b.text
                    ));
                }
            }
        }
    }
    found
}
