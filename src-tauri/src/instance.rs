//! One window per data directory. The single-instance plugin recognises a running app by its
//! identifier (a D-Bus name on Linux, a named mutex on Windows, a socket on macOS), so the
//! identifier is made per data directory: a second launch on the same directory hands over to
//! (and focuses) the open window, a launch on another directory opens its own. The identifier
//! also names the webview's storage folder, which is therefore per data directory too.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tauri::{Manager, Runtime};

/// The identifier for the app on `data_dir`. The default data directory keeps the plain
/// identifier (and the webview storage existing installs already have); any other gets a
/// short, stable hash of its canonical path appended, so spellings of one directory (relative,
/// through a symlink, with `..`) share one window.
pub fn instance_identifier(base: &str, data_dir: &Path, default_dir: &Path) -> String {
    let dir = canonical(data_dir);
    if dir == canonical(default_dir) {
        return base.to_string();
    }
    // A letter first: each part of a D-Bus name must not start with a digit.
    format!(
        "{base}.d{:012x}",
        fnv1a(dir.as_os_str().as_encoded_bytes()) >> 16
    )
}

/// The path with symlinks and `..` resolved; for a directory that does not exist yet, its
/// absolute form (the app creates it before asking, so this is rare).
fn canonical(dir: &Path) -> PathBuf {
    dir.canonicalize()
        .or_else(|_| std::path::absolute(dir))
        .unwrap_or_else(|_| dir.to_path_buf())
}

/// FNV-1a, 64 bits: fixed by its definition, so the same directory gives the same identifier
/// in every build and version (std's hasher makes no such promise).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Tells the person at the terminal that this launch handed over to the window already open on
/// `data_dir`. The single-instance plugin ends a second launch while the plugins start, after
/// clearing the app's resources; so a notice kept there is dropped at that moment, before
/// `Builder::build` returns, and `built` tells that case from a normal exit.
struct HandOverNotice {
    data_dir: PathBuf,
    built: Arc<AtomicBool>,
}

impl tauri::Resource for HandOverNotice {}

impl Drop for HandOverNotice {
    fn drop(&mut self) {
        if !self.built.load(Ordering::SeqCst) {
            eprintln!(
                "account-planner: Account Planner is already open on {}: showing that window",
                self.data_dir.display()
            );
        }
    }
}

/// A plugin to register just before the single-instance plugin; set `built` once
/// `Builder::build` has returned.
pub fn hand_over_notice<R: Runtime>(
    data_dir: PathBuf,
    built: Arc<AtomicBool>,
) -> tauri::plugin::TauriPlugin<R> {
    tauri::plugin::Builder::new("hand-over-notice")
        .setup(move |app, _api| {
            app.resources_table()
                .add(HandOverNotice { data_dir, built });
            Ok(())
        })
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "com.accountplanner.desktop";

    fn temp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("ap-instance-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn one_directory_one_identifier_and_another_directory_another() {
        let root = temp("ids");
        let (a, b, default) = (root.join("a"), root.join("b"), root.join("default"));
        for d in [&a, &b, &default] {
            std::fs::create_dir_all(d).unwrap();
        }
        let id_a = instance_identifier(BASE, &a, &default);
        assert_eq!(id_a, instance_identifier(BASE, &a, &default));
        assert_eq!(
            id_a,
            instance_identifier(BASE, &root.join("b/../a"), &default)
        );
        assert_ne!(id_a, instance_identifier(BASE, &b, &default));
        assert_eq!(instance_identifier(BASE, &default, &default), BASE);
        // A D-Bus-safe name: the base, then "d" and 12 hex digits.
        let suffix = id_a.strip_prefix(&format!("{BASE}.d")).unwrap();
        assert_eq!(suffix.len(), 12);
        assert!(suffix.chars().all(|c| c.is_ascii_hexdigit()));
        let _ = std::fs::remove_dir_all(&root);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_to_a_directory_shares_its_identifier() {
        let root = temp("symlink");
        let real = root.join("real");
        std::fs::create_dir_all(&real).unwrap();
        let link = root.join("link");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let default = root.join("default");
        assert_eq!(
            instance_identifier(BASE, &link, &default),
            instance_identifier(BASE, &real, &default)
        );
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn the_hash_is_fixed_by_its_definition() {
        // FNV-1a 64 test vectors.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
