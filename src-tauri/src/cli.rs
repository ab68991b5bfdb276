//! `account-planner` with arguments works headless on the same store (no display needed).

use crate::error::{AppError, AppResult};
use crate::service::{self, today};
use clap::{Parser, Subcommand, ValueEnum};
use planner_store::Store;
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
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PaperArg {
    A4,
    Letter,
}

pub fn data_dir(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| std::env::var_os("ACCOUNT_PLANNER_DATA_DIR").map(PathBuf::from))
        .or_else(|| {
            directories::ProjectDirs::from("com", "accountplanner", "account-planner")
                .map(|d| d.data_dir().to_path_buf())
        })
        .unwrap_or_else(|| PathBuf::from(".account-planner"))
}

pub fn run(command: Command, dir: PathBuf) -> i32 {
    match execute(command, dir) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("account-planner: {e}");
            match e {
                AppError::Invalid(_) => 2,
                _ => 1,
            }
        }
    }
}

fn print_json<T: serde::Serialize>(value: &T) -> AppResult<()> {
    let text =
        serde_json::to_string_pretty(value).map_err(|e| AppError::Io(std::io::Error::other(e)))?;
    println!("{text}");
    Ok(())
}

fn pct(x: Option<f64>) -> String {
    x.map(|v| format!("{:.1}%", v * 100.0))
        .unwrap_or_else(|| "—".into())
}

fn execute(command: Command, dir: PathBuf) -> AppResult<()> {
    if let Command::Restore { file } = &command {
        Store::restore(&dir, file)?;
        println!("Restored {} into {}", file.display(), dir.display());
        return Ok(());
    }
    if let Command::Backups = command {
        print_backups(&dir);
        return Ok(());
    }
    let store = Store::open(&dir)?;
    let result = execute_on(&store, command);
    store.close()?;
    result
}

/// One line per backup, newest first: date, what it holds, why it was taken, where it is, and
/// what to know before restoring it.
fn print_backups(dir: &std::path::Path) {
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
        println!("{line}");
    }
}

fn execute_on(store: &Store, command: Command) -> AppResult<()> {
    match command {
        Command::Sample => {
            let s = service::load_sample(store, today())?;
            println!("Added the sample plan: {} ({})", s.name, s.id);
        }
        Command::List { json } => {
            let rows = service::portfolio(store)?;
            if json {
                print_json(&rows)?;
            } else {
                println!(
                    "{:<36}  {:<16}  {:<8}  {:>18}  {:>7}  {:>18}  {:>8}",
                    "Account", "Life stage", "Tier", "Our revenue", "Share", "Goal", "Complete"
                );
                for r in rows {
                    let s = &r.summary;
                    println!(
                        "{:<36}  {:<16}  {:<8}  {:>18}  {:>7}  {:>18}  {:>7.0}%",
                        s.name.chars().take(36).collect::<String>(),
                        s.life_stage.label(),
                        r.tier.label(),
                        s.currency.format_compact(s.our_revenue),
                        pct(r.wallet_share),
                        s.currency.format_compact(s.sales_goal),
                        s.completeness * 100.0
                    );
                }
            }
        }
        Command::Show { account, json } => {
            let summary = service::find_account(store, &account)?;
            let plan = service::current_plan(store, summary.id)?
                .ok_or_else(|| AppError::NotFound("A plan for that account".into()))?;
            let view = service::view(store, plan.id, today())?;
            if json {
                print_json(&view)?;
            } else {
                let c = &view.plan.currency;
                println!(
                    "{} — {} ({})",
                    view.account.name,
                    view.plan.period,
                    view.plan.status.label()
                );
                println!(
                    "Wallet {}  ours {}  share {}  goal {}  forecast {}  gap {}",
                    c.format(view.totals.total_wallet),
                    c.format(view.totals.our_revenue),
                    pct(view.totals.wallet_share),
                    c.format(view.totals.sales_goal),
                    c.format(view.totals.forecast.total),
                    c.format(view.totals.gap_to_goal)
                );
                for b in &view.buying_centers {
                    println!(
                        "  {:<28} share {:>7}  gap {}",
                        b.buying_center.name,
                        pct(b.figures.wallet_share),
                        c.format(b.figures.gap_to_goal)
                    );
                }
                println!(
                    "Completeness {:.0}%, {} coverage gaps, {} plays",
                    view.completeness.score * 100.0,
                    view.coverage_gaps.len(),
                    view.plays.len()
                );
            }
        }
        Command::Export { out } => {
            store.export_to(&out)?;
            println!("Wrote {}", out.display());
        }
        Command::Import { file } => {
            let data = Store::read_export(&file)?;
            let report = store.import(&data)?;
            println!("Imported {}: {report:?}", file.display());
        }
        Command::Pdf {
            account,
            out,
            all,
            out_dir,
            summary,
            paper,
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
                service::portfolio(store)?
                    .into_iter()
                    .filter_map(|r| {
                        let safe: String = r
                            .summary
                            .name
                            .chars()
                            .map(|c| {
                                if c.is_alphanumeric() || c == '-' {
                                    c
                                } else {
                                    '_'
                                }
                            })
                            .collect();
                        r.summary
                            .current_plan_id
                            .map(|p| (p, dir.join(format!("{safe}.pdf"))))
                    })
                    .collect()
            } else {
                let s = service::find_account(store, account.as_deref().unwrap_or_default())?;
                let plan = service::current_plan(store, s.id)?
                    .ok_or_else(|| AppError::NotFound("A plan for that account".into()))?;
                vec![(plan.id, out.unwrap_or_default())]
            };
            for (plan_id, path) in targets {
                let w = crate::pdf::write_plan_pdf(store, plan_id, document, paper, vec![], &path)?;
                for warning in &w.warnings {
                    eprintln!("account-planner: warning: {warning}");
                }
                println!(
                    "Wrote {} ({} pages, {} KB)",
                    path.display(),
                    w.pages,
                    w.bytes / 1024
                );
            }
        }
        Command::Restore { .. } | Command::Backups => {
            unreachable!("handled before the store is opened")
        }
    }
    Ok(())
}
