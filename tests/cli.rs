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
    // The sample is filled in to 100% and still critical (an unowned decision maker, overdue
    // actions, stale assessments): health says so, names what to fix first, and the portfolio
    // row carries the same status and count.
    let health = &show["health"];
    assert_eq!(health["status"], "critical", "{health}");
    assert_eq!(health["completeness"], 1.0);
    assert!(!health["fix_first"].as_array().unwrap().is_empty());
    assert_eq!(health["fix_first"][0]["severity"], "critical");
    assert!(health["headline"]
        .as_str()
        .unwrap()
        .contains("risks to fix"));
    assert_eq!(row["health_status"], health["status"]);
    assert_eq!(
        row["risk_count"].as_u64().unwrap() as usize,
        health["risks"].as_array().unwrap().len()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn export_import_export_gives_the_same_content() {
    let a = tempdir("export-a");
    let b = tempdir("export-b");
    ok(&a, &["sample"]);
    let first = a.join("first.json");
    ok(&a, &["export", "--out", first.to_str().unwrap()]);
    let report = ok(&b, &["import", first.to_str().unwrap()]);
    // A sentence with counts in words, not a debug dump.
    assert!(
        report.starts_with("Imported 1 account, 1 plan, "),
        "{report}"
    );
    assert!(
        report.contains(" records, ") && report.contains(" campaigns"),
        "{report}"
    );
    assert!(!report.contains('{'), "{report}");
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
    assert_eq!(
        file_names(&all),
        ["Nordwind_Logistics_Group.pdf"],
        "one file per account, named after it"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn code(out: &Output) -> Option<i32> {
    out.status.code()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn pdf_all_gives_accounts_sharing_a_name_a_file_each_and_keeps_existing_files() {
    let dir = tempdir("pdf-all");
    // The sample twice: two accounts named "Nordwind Logistics Group".
    ok(&dir, &["sample"]);
    ok(&dir, &["sample"]);
    let list: Value = serde_json::from_str(&ok(&dir, &["list", "--json"])).unwrap();
    let mut expected: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let id = r["id"].as_str().unwrap().replace('-', "");
            format!("Nordwind_Logistics_Group-{}.pdf", &id[..8])
        })
        .collect();
    expected.sort();
    let all = dir.join("all");
    let all_arg = all.to_str().unwrap();
    ok(&dir, &["pdf", "--all", "--out-dir", all_arg, "--summary"]);
    assert_eq!(file_names(&all), expected);
    let first = all.join(&expected[0]);
    let before = std::fs::read(&first).unwrap();

    // Again without --force: refused before anything is written, and said how to proceed.
    std::fs::write(&first, b"the user's own file").unwrap();
    let out = run(&dir, &["pdf", "--all", "--out-dir", all_arg, "--summary"]);
    assert_eq!(code(&out), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("already exists: add --force to replace it"));
    assert_eq!(std::fs::read(&first).unwrap(), b"the user's own file");

    ok(
        &dir,
        &["pdf", "--all", "--out-dir", all_arg, "--summary", "--force"],
    );
    assert_eq!(std::fs::read(&first).unwrap(), before);
    assert_eq!(file_names(&all), expected);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pdf_out_and_export_out_replace_a_file_only_with_force() {
    let dir = tempdir("force");
    ok(&dir, &["sample"]);
    let pdf = dir.join("plan.pdf");
    std::fs::write(&pdf, b"keep me").unwrap();
    let pdf_args = [
        "pdf",
        "--account",
        "Nordwind Logistics Group",
        "--out",
        pdf.to_str().unwrap(),
    ];
    let out = run(&dir, &pdf_args);
    assert_eq!(code(&out), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains(&format!("{} already exists", pdf.display())));
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read(&pdf).unwrap(), b"keep me");
    ok(&dir, &[&pdf_args[..], &["--force"]].concat());
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    let json = dir.join("export.json");
    std::fs::write(&json, b"keep me").unwrap();
    let out = run(&dir, &["export", "--out", json.to_str().unwrap()]);
    assert_eq!(code(&out), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("add --force"));
    assert_eq!(std::fs::read(&json).unwrap(), b"keep me");
    ok(
        &dir,
        &["export", "--out", json.to_str().unwrap(), "--force"],
    );
    let v: Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(v["format"], "account-planner");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn invalid_input_exits_with_2() {
    let dir = tempdir("exit-2");
    ok(&dir, &["sample"]);
    let bad = dir.join("bad.json");
    std::fs::write(&bad, b"{ not json").unwrap();
    let other = dir.join("other.json");
    std::fs::write(&other, br#"{"format": "something-else", "version": 1}"#).unwrap();
    let missing = dir.join("missing.json");
    let cases: [&[&str]; 6] = [
        &["import", bad.to_str().unwrap()],
        &["import", other.to_str().unwrap()],
        &["import", missing.to_str().unwrap()],
        &["show", "--account", "Nobody", "--json"],
        &["pdf", "--account", "Nobody", "--out", "x.pdf"],
        &[
            "pdf",
            "--account",
            "Nordwind Logistics Group",
            "--out",
            "x.pdf",
            "--paper",
            "b5",
        ],
    ];
    for args in cases {
        let out = run(&dir, args);
        assert_eq!(code(&out), Some(2), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).trim().is_empty(), "{args:?} says why");
        assert!(!stderr(&out).contains("panicked"), "{args:?}");
    }
    let out = run(&dir, &["import", bad.to_str().unwrap()]);
    assert!(stderr(&out).contains("This file cannot be imported: it is not valid JSON"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempdir("pipe");
    ok(&dir, &["sample"]);
    for args in [
        &["list", "--json"][..],
        &["show", "--account", "Nordwind Logistics Group", "--json"],
    ] {
        let mut child = bin()
            .arg("--data-dir")
            .arg(&dir)
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before the first byte (as `| head -c 10` does after ten).
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(code(&out), Some(0), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).is_empty(), "{args:?}: {}", stderr(&out));
    }
    // The same through a real shell pipe.
    let script = format!(
        "set -o pipefail; {:?} --data-dir {:?} show --account 'Nordwind Logistics Group' --json | head -c 10",
        env!("CARGO_BIN_EXE_account-planner"),
        dir
    );
    let out = Command::new("bash")
        .args(["-c", &script])
        .env("ACCOUNT_PLANNER_TODAY", "2026-11-01")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(out.stdout, b"{\n  \"accou");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_store_held_by_the_app_is_named_with_exit_code_3() {
    let dir = tempdir("locked");
    ok(&dir, &["sample"]);
    // What the running app does: hold the store open.
    let held = planner_store::Store::open(&dir).unwrap();
    let out = run(&dir, &["list"]);
    assert_eq!(code(&out), Some(3), "{}", stderr(&out));
    assert_eq!(
        stderr(&out).trim(),
        format!(
            "account-planner: The plan store in {} is open in the Account Planner app: close the app or use another --data-dir",
            dir.display()
        )
    );
    assert!(out.stdout.is_empty());
    held.close().unwrap();
    ok(&dir, &["list"]);
    let _ = std::fs::remove_dir_all(&dir);
}
