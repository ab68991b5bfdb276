//! Where exported files land: names that are safe on every OS, one distinct name per account,
//! and writes that never replace a file unless the caller says so.

use crate::error::{AppError, AppResult};
use planner_core::Id;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What to do when the target file already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// The user chose this file (the save dialog asked, or `--force`): replace it.
    Replace,
    /// Leave it alone and fail with an `AlreadyExists` IO error.
    Keep,
}

/// Longest stem we make from a name: far below every file system's limit, with room for a
/// suffix and an extension.
const MAX_STEM_CHARS: usize = 80;

/// Names Windows reserves for devices, whatever the extension.
const WINDOWS_DEVICE_NAMES: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A file name stem made from a user's text that every OS accepts: letters (of any script)
/// and digits are kept with `-`, `_` and `.` inside the name; anything else (path
/// separators, `:*?"<>|`, control characters, spaces) becomes `_`, runs collapsed.
pub fn safe_file_stem(name: &str) -> String {
    let mut stem = String::new();
    for c in name.chars() {
        let keep = c.is_alphanumeric() || matches!(c, '-' | '_' | '.');
        let c = if keep { c } else { '_' };
        if !(c == '_' && stem.ends_with('_')) {
            stem.push(c);
        }
    }
    // Leading dots hide a file on Unix; trailing dots and spaces are dropped by Windows.
    let mut stem: String = stem
        .trim_matches(|c| c == '_' || c == '.')
        .chars()
        .take(MAX_STEM_CHARS)
        .collect();
    stem.truncate(stem.trim_end_matches(['_', '.']).len());
    if stem.is_empty() {
        return "account".into();
    }
    // Windows reads the part before the first dot as the device name: "nul.plan" is "nul".
    let base_len = stem.find('.').unwrap_or(stem.len());
    if WINDOWS_DEVICE_NAMES.contains(&stem[..base_len].to_lowercase().as_str()) {
        stem.insert(base_len, '_');
    }
    stem
}

/// One file stem per account, in the given order, all distinct even on case-insensitive file
/// systems: the safe name alone, or, when two accounts would share it, the name and the first
/// 8 characters of the account's id (the whole id in the unlikely case that is not enough).
pub fn account_file_stems(accounts: &[(Id, &str)]) -> Vec<String> {
    let plain: Vec<String> = accounts.iter().map(|(_, n)| safe_file_stem(n)).collect();
    let short: Vec<String> = with_suffix_where_shared(&plain, |i| {
        accounts[i].0.simple().to_string()[..8].to_string()
    });
    with_suffix_where_shared(&short, |i| accounts[i].0.simple().to_string())
}

fn with_suffix_where_shared(stems: &[String], suffix: impl Fn(usize) -> String) -> Vec<String> {
    let mut count: HashMap<String, usize> = HashMap::new();
    for s in stems {
        *count.entry(s.to_lowercase()).or_default() += 1;
    }
    stems
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if count[&s.to_lowercase()] > 1 {
                format!("{s}-{}", suffix(i))
            } else {
                s.clone()
            }
        })
        .collect()
}

/// `dir/file_name`, or `stem-2.ext`, `stem-3.ext`... when that name is taken.
pub fn next_free_path(dir: &Path, file_name: &str) -> PathBuf {
    let first = dir.join(file_name);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = match file_name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, format!(".{ext}")),
        _ => (file_name, String::new()),
    };
    (2..)
        .map(|n| dir.join(format!("{stem}-{n}{ext}")))
        .find(|p| !p.exists())
        .expect("an unused name exists")
}

/// Write beside the target and then move it into place, so a reader never sees half a file.
/// With `Existing::Keep` the move fails instead of replacing a file that is already there.
pub fn write_file(out: &Path, bytes: &[u8], existing: Existing) -> AppResult<()> {
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    if existing == Existing::Keep && out.exists() {
        return Err(already_exists(out));
    }
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        out.file_name().and_then(|f| f.to_str()).unwrap_or("export"),
        std::process::id()
    ));
    let mut f = std::fs::File::create(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    drop(f);
    let published = match existing {
        Existing::Replace => std::fs::rename(&tmp, out),
        // A hard link fails if the name is taken, with no window between check and write;
        // file systems without links fall back to check-then-rename.
        Existing::Keep => match std::fs::hard_link(&tmp, out) {
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
            Err(_) if out.exists() => Err(std::io::ErrorKind::AlreadyExists.into()),
            Err(_) => std::fs::rename(&tmp, out),
            Ok(()) => std::fs::remove_file(&tmp),
        },
    };
    match published {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                Err(already_exists(out))
            } else {
                Err(e.into())
            }
        }
    }
}

/// The error a write refused because `path` is taken (the CLI suggests `--force`).
pub fn already_exists(path: &Path) -> AppError {
    AppError::Io(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        format!("{} already exists", path.display()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("ap-output-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn stems_keep_letters_of_any_script_and_drop_what_an_os_refuses() {
        assert_eq!(
            safe_file_stem("Nordwind Logistics Group"),
            "Nordwind_Logistics_Group"
        );
        assert_eq!(safe_file_stem("Müller & Söhne GmbH"), "Müller_Söhne_GmbH");
        assert_eq!(safe_file_stem("北京物流"), "北京物流");
        assert_eq!(
            safe_file_stem("a/b\\c:d*e?f\"g<h>i|j"),
            "a_b_c_d_e_f_g_h_i_j"
        );
        assert_eq!(safe_file_stem("../../etc/passwd"), "etc_passwd");
        assert_eq!(safe_file_stem(".hidden."), "hidden");
        assert_eq!(safe_file_stem("tab\there\nnewline"), "tab_here_newline");
        assert_eq!(safe_file_stem("CON"), "CON_");
        assert_eq!(safe_file_stem("lpt1.plan"), "lpt1_.plan");
        assert_eq!(safe_file_stem("///"), "account");
        assert_eq!(safe_file_stem(""), "account");
        assert_eq!(
            safe_file_stem(&"x".repeat(300)).chars().count(),
            MAX_STEM_CHARS
        );
    }

    #[test]
    fn accounts_sharing_a_name_get_their_short_id() {
        let a = Id::parse_str("1a2b3c4d-0000-4000-8000-000000000001").unwrap();
        let b = Id::parse_str("5e6f7a8b-0000-4000-8000-000000000002").unwrap();
        let c = Id::parse_str("9c9c9c9c-0000-4000-8000-000000000003").unwrap();
        let stems = account_file_stems(&[(a, "Acme"), (b, "ACME"), (c, "Globex")]);
        assert_eq!(stems, ["Acme-1a2b3c4d", "ACME-5e6f7a8b", "Globex"]);
        // Names that differ only in characters a file name cannot hold collide too.
        let stems = account_file_stems(&[(a, "A/B"), (b, "A:B")]);
        assert_eq!(stems, ["A_B-1a2b3c4d", "A_B-5e6f7a8b"]);
    }

    #[test]
    fn ids_sharing_their_first_characters_fall_back_to_the_whole_id() {
        let a = Id::parse_str("1a2b3c4d-0000-4000-8000-000000000001").unwrap();
        let b = Id::parse_str("1a2b3c4d-0000-4000-8000-000000000002").unwrap();
        let stems = account_file_stems(&[(a, "Acme"), (b, "Acme")]);
        assert_eq!(
            stems,
            [
                format!("Acme-1a2b3c4d-{}", a.simple()),
                format!("Acme-1a2b3c4d-{}", b.simple())
            ]
        );
    }

    #[test]
    fn next_free_path_counts_up_instead_of_reusing_a_name() {
        let dir = temp("free");
        assert_eq!(next_free_path(&dir, "plan.pdf"), dir.join("plan.pdf"));
        std::fs::write(dir.join("plan.pdf"), b"1").unwrap();
        assert_eq!(next_free_path(&dir, "plan.pdf"), dir.join("plan-2.pdf"));
        std::fs::write(dir.join("plan-2.pdf"), b"2").unwrap();
        assert_eq!(next_free_path(&dir, "plan.pdf"), dir.join("plan-3.pdf"));
        std::fs::write(dir.join("README"), b"").unwrap();
        assert_eq!(next_free_path(&dir, "README"), dir.join("README-2"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn keep_never_replaces_and_replace_does() {
        let dir = temp("write");
        let out = dir.join("sub").join("a.csv");
        write_file(&out, b"first", Existing::Keep).unwrap();
        let err = write_file(&out, b"second", Existing::Keep).unwrap_err();
        assert!(matches!(&err, AppError::Io(e) if e.kind() == std::io::ErrorKind::AlreadyExists));
        assert_eq!(std::fs::read(&out).unwrap(), b"first");
        write_file(&out, b"third", Existing::Replace).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"third");
        // No temporary file is left behind either way.
        assert_eq!(std::fs::read_dir(out.parent().unwrap()).unwrap().count(), 1);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
