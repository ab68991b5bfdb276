//! `account-planner` with arguments works headless on the same store (no display needed).

use crate::error::{AppError, AppResult};
use crate::output::{account_file_stems, write_file, Existing};
use crate::service::{self, today};
use clap::{Parser, Subcommand, ValueEnum};
use planner_store::{ImportReport, Store, StoreError};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "account-planner",
    version,
    about = "Strategic account planning. With no command, opens the app."
)]
pub struct Cli {
    /// Where the plan store lives (default: the OS data directory; or $ACCOUNT_PLANNER_DATA_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add the sample plan (a realistic account) to the store.
    Sample,
    /// List the accounts with life stage, tier, revenue, wallet share, goal and completeness.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Print one account's whole plan with every derived figure.
    Show {
        #[arg(long, value_name = "NAME_OR_ID")]
        account: String,
        #[arg(long)]
        json: bool,
    },
    /// Write the whole store as versioned JSON.
    Export {
        #[arg(long, value_name = "FILE.json")]
        out: PathBuf,
        /// Replace FILE.json if it exists (without this, an existing file is left alone).
        #[arg(long)]
        force: bool,
    },
    /// Validate a JSON export and apply it all or nothing.
    Import { file: PathBuf },
    /// Replace the store's content with a backup (the current store is kept aside).
    Restore { file: PathBuf },
    /// List the automatic backups.
    Backups,
    /// Print the plan as a PDF.
    Pdf {
        #[arg(long, value_name = "NAME_OR_ID", required_unless_present = "all")]
        account: Option<String>,
        #[arg(long, value_name = "FILE.pdf", required_unless_present = "all")]
        out: Option<PathBuf>,
        /// Every account, one file each, into --out-dir.
        #[arg(long, requires = "out_dir")]
        all: bool,
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
        /// The one-page summary instead of the full plan.
        #[arg(long)]
        summary: bool,
        #[arg(long, value_enum, default_value_t = PaperArg::A4)]
        paper: PaperArg,
        /// Replace files that exist (without this, nothing is written if one does).
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PaperArg {
    A4,
    Letter,
}

pub fn data_dir(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| std::env::var_os("ACCOUNT_PLANNER_DATA_DIR").map(PathBuf::from))
        .unwrap_or_else(default_data_dir)
}

/// The OS data directory (`$XDG_DATA_HOME/account-planner` on Linux).
pub fn default_data_dir() -> PathBuf {
    directories::ProjectDirs::from("com", "accountplanner", "account-planner")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".account-planner"))
}

// Exit codes, as the README's "CLI usage" lists them (clap's own usage errors are 2 too).
/// Something failed that is not the input: the disk, a damaged store...
pub const EXIT_FAILED: i32 = 1;
/// Bad arguments, an unknown account, an import file that is not a valid export, data that
/// fails validation, or an output file that exists (without `--force`).
pub const EXIT_INVALID_INPUT: i32 = 2;
/// The store is held by the app (or another command): nothing was done.
pub const EXIT_STORE_IN_USE: i32 = 3;

pub fn run(command: Command, dir: PathBuf) -> i32 {
    let mut out = std::io::stdout().lock();
    let result =
        execute(command, dir.clone(), &mut out).and_then(|()| out.flush().map_err(AppError::from));
    match result {
        Ok(()) => 0,
        // The reader stopped reading (`list --json | head -1`): what it wanted, not a failure.
        Err(AppError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("account-planner: {}", failure_message(&e, &dir));
            exit_code(&e)
        }
    }
}

fn exit_code(e: &AppError) -> i32 {
    match e {
        AppError::Store(StoreError::Locked) => EXIT_STORE_IN_USE,
        AppError::Invalid(_) | AppError::NotFound(_) | AppError::UnknownOption { .. } => {
            EXIT_INVALID_INPUT
        }
        AppError::Store(
            StoreError::Invalid { .. } | StoreError::BadExport(_) | StoreError::NotFound(_),
        ) => EXIT_INVALID_INPUT,
        AppError::Io(io) if io.kind() == std::io::ErrorKind::AlreadyExists => EXIT_INVALID_INPUT,
        _ => EXIT_FAILED,
    }
}

fn failure_message(e: &AppError, dir: &std::path::Path) -> String {
    match e {
        AppError::Store(StoreError::Locked) => format!(
            "The plan store in {} is open in the Account Planner app: close the app or use another --data-dir",
            dir.display()
        ),
        AppError::Io(io) if io.kind() == std::io::ErrorKind::AlreadyExists => {
            format!("{io}: add --force to replace it")
        }
        _ => e.to_string(),
    }
}

fn print_json<T: serde::Serialize>(out: &mut impl Write, value: &T) -> AppResult<()> {
    let text =
        serde_json::to_string_pretty(value).map_err(|e| AppError::Io(std::io::Error::other(e)))?;
    writeln!(out, "{text}")?;
    Ok(())
}

fn pct(x: Option<f64>) -> String {
    x.map(|v| format!("{:.1}%", v * 100.0))
        .unwrap_or_else(|| "—".into())
}

fn existing(force: bool) -> Existing {
    if force {
        Existing::Replace
    } else {
        Existing::Keep
    }
}

/// "Imported 2 accounts (1 new, 1 replaced), 3 plans, 120 records, 6 offerings and
/// 2 campaigns", with snapshots and settings when the file brought any.
pub fn import_summary(r: &ImportReport) -> String {
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let accounts = r.accounts_added + r.accounts_replaced;
    let mut accounts_text = count(accounts, "account", "accounts");
    if r.accounts_replaced > 0 {
        accounts_text.push_str(&if r.accounts_added > 0 {
            format!(
                " ({} new, {} replaced)",
                r.accounts_added, r.accounts_replaced
            )
        } else {
            " (replaced)".to_string()
        });
    }
    let mut parts = vec![
        accounts_text,
        count(r.plans, "plan", "plans"),
        count(r.items, "record", "records"),
    ];
    if r.snapshots > 0 {
        parts.push(count(r.snapshots, "snapshot", "snapshots"));
    }
    parts.push(count(r.offerings, "offering", "offerings"));
    parts.push(count(r.campaigns, "campaign", "campaigns"));
    if r.settings_imported {
        parts.push("the settings".into());
    }
    let last = parts.pop().unwrap_or_default();
    format!("Imported {} and {last}", parts.join(", "))
}

fn execute(command: Command, dir: PathBuf, out: &mut impl Write) -> AppResult<()> {
    if let Command::Restore { file } = &command {
        Store::restore(&dir, file)?;
        writeln!(out, "Restored {} into {}", file.display(), dir.display())?;
        return Ok(());
    }
    if let Command::Backups = command {
        return print_backups(&dir, out);
    }
    let store = Store::open(&dir)?;
    let result = execute_on(&store, command, out);
    store.close()?;
    result
}

/// One line per backup, newest first: date, what it holds, why it was taken, where it is, and
/// what to know before restoring it.
fn print_backups(dir: &std::path::Path, out: &mut impl Write) -> AppResult<()> {
    let plural = |n: u32, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
    for b in crate::commands::system::backups(dir) {
        let holds = match (b.accounts, b.plans) {
            (Some(a), Some(p)) => format!("{}, {}", plural(a, "account"), plural(p, "plan")),
            _ => "contents not recorded".into(),
        };
        let mut line = format!(
            "{}  {holds:<26}  {:<28}  {}",
            b.created.format("%Y-%m-%d %H:%M UTC"),
            b.reason,
            b.path
        );
        if let Some(caveat) = &b.caveat {
            line.push_str(&format!("  ({caveat})"));
        }
        if b.recommended {
            line.push_str("  [newest with accounts: restore this one]");
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn execute_on(store: &Store, command: Command, out: &mut impl Write) -> AppResult<()> {
    match command {
        Command::Sample => {
            let s = service::load_sample(store, today())?;
            writeln!(out, "Added the sample plan: {} ({})", s.name, s.id)?;
        }
        Command::List { json } => {
            let rows = service::portfolio(store)?;
            if json {
                print_json(out, &rows)?;
            } else {
                writeln!(
                    out,
                    "{:<36}  {:<16}  {:<8}  {:>18}  {:>7}  {:>18}  {:>8}",
                    "Account", "Life stage", "Tier", "Our revenue", "Share", "Goal", "Complete"
                )?;
                for r in rows {
                    let s = &r.summary;
                    writeln!(
                        out,
                        "{:<36}  {:<16}  {:<8}  {:>18}  {:>7}  {:>18}  {:>7.0}%",
                        s.name.chars().take(36).collect::<String>(),
                        s.life_stage.label(),
                        r.tier.label(),
                        s.currency.format_compact(s.our_revenue),
                        pct(r.wallet_share),
                        s.currency.format_compact(s.sales_goal),
                        s.completeness * 100.0
                    )?;
                }
            }
        }
        Command::Show { account, json } => {
            let summary = service::find_account(store, &account)?;
            let plan = service::current_plan(store, summary.id)?
                .ok_or_else(|| AppError::NotFound("A plan for that account".into()))?;
            let view = service::view(store, plan.id, today())?;
            if json {
                print_json(out, &view)?;
            } else {
                let c = &view.plan.currency;
                writeln!(
                    out,
                    "{} — {} ({})",
                    view.account.name,
                    view.plan.period,
                    view.plan.status.label()
                )?;
                writeln!(
                    out,
                    "Wallet {}  ours {}  share {}  goal {}  forecast {}  gap {}",
                    c.format(view.totals.total_wallet),
                    c.format(view.totals.our_revenue),
                    pct(view.totals.wallet_share),
                    c.format(view.totals.sales_goal),
                    c.format(view.totals.forecast.total),
                    c.format(view.totals.gap_to_goal)
                )?;
                for b in &view.buying_centers {
                    writeln!(
                        out,
                        "  {:<28} share {:>7}  gap {}",
                        b.buying_center.name,
                        pct(b.figures.wallet_share),
                        c.format(b.figures.gap_to_goal)
                    )?;
                }
                writeln!(
                    out,
                    "Completeness {:.0}%, {} coverage gaps, {} plays",
                    view.completeness.score * 100.0,
                    view.coverage_gaps.len(),
                    view.plays.len()
                )?;
            }
        }
        Command::Export { out: file, force } => {
            let data = serde_json::to_vec_pretty(&store.export()?)
                .map_err(|e| AppError::Io(std::io::Error::other(e)))?;
            write_file(&file, &data, existing(force))?;
            writeln!(out, "Wrote {}", file.display())?;
        }
        Command::Import { file } => {
            let data = Store::read_export(&file).map_err(|e| match e {
                // The file is the user's input: one they cannot read is invalid input too.
                StoreError::Io { .. } => StoreError::BadExport(e.to_string()),
                e => e,
            })?;
            let report = store.import(&data)?;
            writeln!(out, "{} from {}.", import_summary(&report), file.display())?;
            if let Some(backup) = &report.backup {
                writeln!(
                    out,
                    "The store as it was before is saved in {}",
                    backup.display()
                )?;
            }
        }
        Command::Pdf {
            account,
            out: out_file,
            all,
            out_dir,
            summary,
            paper,
            force,
        } => {
            let document = if summary {
                planner_pdf::Document::Summary
            } else {
                planner_pdf::Document::FullPlan
            };
            let paper = match paper {
                PaperArg::A4 => planner_pdf::Paper::A4,
                PaperArg::Letter => planner_pdf::Paper::Letter,
            };
            let targets: Vec<(planner_core::Id, PathBuf)> = if all {
                let dir = out_dir.unwrap_or_default();
                let with_plans: Vec<_> = service::portfolio(store)?
                    .into_iter()
                    .filter_map(|r| r.summary.current_plan_id.map(|p| (p, r.summary)))
                    .collect();
                let names: Vec<(planner_core::Id, &str)> = with_plans
                    .iter()
                    .map(|(_, s)| (s.id, s.name.as_str()))
                    .collect();
                let stems = account_file_stems(&names);
                with_plans
                    .iter()
                    .zip(stems)
                    .map(|((plan, _), stem)| (*plan, dir.join(format!("{stem}.pdf"))))
                    .collect()
            } else {
                let s = service::find_account(store, account.as_deref().unwrap_or_default())?;
                let plan = service::current_plan(store, s.id)?
                    .ok_or_else(|| AppError::NotFound("A plan for that account".into()))?;
                vec![(plan.id, out_file.unwrap_or_default())]
            };
            // Refuse before writing anything, so a run never stops half-way through the set.
            if !force {
                if let Some((_, taken)) = targets.iter().find(|(_, p)| p.exists()) {
                    return Err(crate::output::already_exists(taken));
                }
            }
            for (plan_id, path) in targets {
                let w = crate::pdf::write_plan_pdf(
                    store,
                    plan_id,
                    document,
                    paper,
                    vec![],
                    &path,
                    existing(force),
                )?;
                for warning in &w.warnings {
                    eprintln!("account-planner: warning: {warning}");
                }
                writeln!(
                    out,
                    "Wrote {} ({} pages, {} KB)",
                    path.display(),
                    w.pages,
                    w.bytes / 1024
                )?;
            }
        }
        Command::Restore { .. } | Command::Backups => {
            unreachable!("handled before the store is opened")
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_import_report_reads_as_a_sentence() {
        let mut r = ImportReport {
            accounts_added: 3,
            accounts_replaced: 0,
            plans: 4,
            items: 120,
            snapshots: 0,
            offerings: 6,
            campaigns: 2,
            settings_imported: false,
            backup: None,
        };
        assert_eq!(
            import_summary(&r),
            "Imported 3 accounts, 4 plans, 120 records, 6 offerings and 2 campaigns"
        );
        r.accounts_added = 0;
        r.accounts_replaced = 1;
        r.plans = 1;
        r.snapshots = 1;
        r.campaigns = 1;
        r.settings_imported = true;
        assert_eq!(
            import_summary(&r),
            "Imported 1 account (replaced), 1 plan, 120 records, 1 snapshot, 6 offerings, \
             1 campaign and the settings"
        );
        r.accounts_added = 2;
        assert!(import_summary(&r).starts_with("Imported 3 accounts (2 new, 1 replaced), "));
    }
}
