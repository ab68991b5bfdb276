//! (b) The command-line parser (`Cli::try_parse_from`) with generated argument vectors: it
//! accepts or refuses each without a panic, and what it accepts keeps clap's promises.

use crate::gen::{nasty_string, Rng};
use crate::{cases, run};
use account_planner::cli::{Cli, Command};
use clap::{CommandFactory, Parser};
use std::ffi::OsString;

const WORDS: &[&str] = &[
    "sample",
    "list",
    "show",
    "export",
    "import",
    "restore",
    "backups",
    "pdf",
    "help",
    "--help",
    "-h",
    "--version",
    "-V",
    "--json",
    "--account",
    "--out",
    "--all",
    "--out-dir",
    "--summary",
    "--paper",
    "--data-dir",
    "--",
    "-",
    "a4",
    "letter",
    "A4",
    "tabloid",
    "--account=Acme",
    "--paper=letter",
    "--paper=",
    "--out=/dev/null",
    "--data-dir=",
    "plan.pdf",
    "export.json",
    "../../etc/passwd",
    "/tmp",
    "-x",
    "--unknown",
    "--json=true",
];

fn argument(rng: &mut Rng) -> OsString {
    match rng.below(10) {
        0 => OsString::from(nasty_string(rng)),
        1 => {
            use std::os::unix::ffi::OsStringExt;
            // Not UTF-8.
            OsString::from_vec(vec![0xff, 0xfe, b'a', 0x80])
        }
        2 => OsString::from("x".repeat(rng.below(10_000))),
        _ => OsString::from(*rng.pick(WORDS)),
    }
}

#[test]
fn the_parser_is_well_formed() {
    Cli::command().debug_assert();
}

#[test]
fn generated_command_lines_are_parsed_or_refused_without_a_panic() {
    let (mut ok, mut refused) = (0u64, 0u64);
    run("cli", cases(4), |seed| {
        let mut rng = Rng::new(seed);
        let mut argv = vec![OsString::from("account-planner")];
        for _ in 0..rng.below(7) {
            argv.push(argument(&mut rng));
        }
        match Cli::try_parse_from(&argv) {
            Ok(cli) => {
                ok += 1;
                if let Some(Command::Pdf {
                    account,
                    out,
                    all,
                    out_dir,
                    ..
                }) = cli.command
                {
                    // required_unless_present / requires hold for whatever was accepted.
                    assert!(all || (account.is_some() && out.is_some()), "{argv:?}");
                    assert!(!all || out_dir.is_some(), "{argv:?}");
                }
            }
            Err(e) => {
                refused += 1;
                // The message shown to the user renders too.
                assert!(!e.render().to_string().is_empty() || !e.use_stderr());
            }
        }
    });
    eprintln!("cli: {ok} parsed, {refused} refused");
}
