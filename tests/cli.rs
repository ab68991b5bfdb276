//! The headless CLI on a real store: sample, list, show, export/import round trip, pdf,
//! and errors on stderr with a non-zero exit code.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_account-planner"));
    c.env("ACCOUNT_PLANNER_TODAY", "2026-11-01");
    c.env("SOURCE_DATE_EPOCH", "1790000000");
    c
}

fn run(dir: &Path, args: &[&str]) -> Output {
    let out = bin()
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .expect("run account-planner");
    out
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("ap-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn sample_list_and_show_carry_the_derived_figures() {
    let dir = tempdir("show");
    ok(&dir, &["sample"]);
    let list: Value = serde_json::from_str(&ok(&dir, &["list", "--json"])).unwrap();
    let row = &list[0];
    assert_eq!(row["name"], "Nordwind Logistics Group");
    for field in [
        "life_stage",
        "tier",
        "wallet_share",
        "completeness",
        "need",
        "value",
        "behavior",
        "our_revenue",
        "sales_goal",
    ] {
        assert!(row.get(field).is_some(), "list --json lacks {field}: {row}");
    }
    assert_eq!(row["tier"], "tier1a");

    let show: Value = serde_json::from_str(&ok(
        &dir,
        &["show", "--account", "nordwind logistics group", "--json"],
    ))
    .unwrap();
    let bcs = show["buying_centers"].as_array().unwrap();
    assert_eq!(bcs.len(), 5);
    let ops = bcs
        .iter()
        .find(|b| b["name"] == "Warehouse Operations")
        .unwrap();
    // 900,000 of 6,500,000 EUR; minor units.
    assert_eq!(ops["total_wallet"], 650_000_000);
    assert_eq!(ops["our_revenue"], 90_000_000);
    let share = ops["wallet_share"].as_f64().unwrap();
    assert!((share - 900_000.0 / 6_500_000.0).abs() < 1e-9);
    assert_eq!(ops["headroom"], 560_000_000);
    // Open Warehouse OS pilot 650,000 at 50% => 325,000 weighted; the lost PoC does not count.
    assert_eq!(ops["weighted_pipeline"], 32_500_000);
    // It closes on 2026-12-16, inside FY2026: forecast = base 900,000 + 325,000.
    assert_eq!(ops["forecast"]["weighted_in_period"], 32_500_000);
    assert_eq!(ops["forecast"]["total"], 90_000_000 + 32_500_000);
    assert_eq!(ops["gap_to_goal"], 240_000_000 - 90_000_000 - 32_500_000);
    // The account's forecast counts the won Poland expansion (240,000, closed in September)
    // and explains itself part by part; its counted parts add up to the total.
    let forecast = &show["totals"]["forecast"];
    assert_eq!(forecast["won_in_period"], 24_000_000);
    let parts = show["forecast_parts"].as_array().unwrap();
    let counted: i64 = parts
        .iter()
        .filter(|p| p["counted"] == true)
        .map(|p| p["amount"].as_i64().unwrap())
        .sum();
    assert_eq!(counted, forecast["total"].as_i64().unwrap());
    assert_eq!(
        show["gap_to_goal"].as_i64().unwrap(),
        show["totals"]["sales_goal"].as_i64().unwrap() - counted
    );
    for key in [
        "totals",
        "completeness",
        "coverage_gaps",
        "plays",
        "contacts",
        "objectives",
        "campaigns",
        "white_space",
        "tier",
        "gap_to_goal",
    ] {
        assert!(show.get(key).is_some(), "show --json lacks {key}");
    }
    let plays = show["plays"].as_array().unwrap();
    assert!(
        plays[0]["mutual_value_score"].as_u64().unwrap()
            >= plays[1]["mutual_value_score"].as_u64().unwrap()
    );
    assert!(plays[0].get("quadrant").is_some() && plays[0].get("kind").is_some());
    assert!(show["contacts"].as_array().unwrap().len() >= 25);
    assert!(!show["coverage_gaps"].as_array().unwrap().is_empty());
    let objective = &show["objectives"][0];
    assert!(objective["strategies"][0]["actions"].as_array().is_some());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn export_import_export_gives_the_same_content() {
    let a = tempdir("export-a");
    let b = tempdir("export-b");
    ok(&a, &["sample"]);
    let first = a.join("first.json");
    ok(&a, &["export", "--out", first.to_str().unwrap()]);
    ok(&b, &["import", first.to_str().unwrap()]);
    let second = b.join("second.json");
    ok(&b, &["export", "--out", second.to_str().unwrap()]);
    let strip = |p: &Path| {
        let mut v: Value = serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap();
        v.as_object_mut().unwrap().remove("exported_at");
        v
    };
    assert_eq!(strip(&first), strip(&second));
    let _ = std::fs::remove_dir_all(&a);
    let _ = std::fs::remove_dir_all(&b);
}

#[test]
fn errors_go_to_stderr_with_a_non_zero_exit() {
    let dir = tempdir("errors");
    let out = run(&dir, &["show", "--account", "Nobody", "--json"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Nobody"));
    assert!(out.stdout.is_empty());

    let bad = dir.join("bad.json");
    std::fs::write(&bad, b"{ not json").unwrap();
    let out = run(&dir, &["import", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).trim().is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pdf_from_the_command_line() {
    let dir = tempdir("pdf");
    ok(&dir, &["sample"]);
    let out = dir.join("plan.pdf");
    ok(
        &dir,
        &[
            "pdf",
            "--account",
            "Nordwind Logistics Group",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let summary = dir.join("summary.pdf");
    ok(
        &dir,
        &[
            "pdf",
            "--account",
            "Nordwind Logistics Group",
            "--out",
            summary.to_str().unwrap(),
            "--summary",
            "--paper",
            "letter",
        ],
    );
    // Same input, same bytes (SOURCE_DATE_EPOCH fixes the date).
    let again = dir.join("again.pdf");
    ok(
        &dir,
        &[
            "pdf",
            "--account",
            "Nordwind Logistics Group",
            "--out",
            again.to_str().unwrap(),
        ],
    );
    assert_eq!(bytes, std::fs::read(&again).unwrap());
    let all = dir.join("all");
    ok(&dir, &["pdf", "--all", "--out-dir", all.to_str().unwrap()]);
    assert_eq!(std::fs::read_dir(&all).unwrap().count(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}
