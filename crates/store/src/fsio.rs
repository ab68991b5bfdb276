//! File-system helpers: atomic replacement of small files, directory fsync, fingerprints of the
//! sled folder and copying it for a check that must not touch the original.

use crate::error::{IoContext, Result};
use serde::{Deserialize, Serialize};
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// Make a rename or a new file in `dir` durable (the directory entry itself must reach disk).
pub(crate) fn fsync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .ctx(|| format!("flush the folder {}", dir.display()))
}

/// Write `path` so that it is either the old file or the new one, never half of either:
/// temp file beside it, write, fsync, rename over, fsync the folder.
pub(crate) fn atomic_write_with(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<&File>) -> Result<()>,
) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let file = File::create(&tmp).ctx(|| format!("create {}", tmp.display()))?;
        {
            let mut w = BufWriter::with_capacity(256 * 1024, &file);
            write(&mut w)?;
            w.flush().ctx(|| format!("write {}", tmp.display()))?;
        }
        file.sync_all()
            .ctx(|| format!("flush {} to disk", tmp.display()))?;
        drop(file);
        fs::rename(&tmp, path).ctx(|| format!("replace {}", path.display()))?;
        fsync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

pub(crate) fn atomic_write(path: &Path, bytes: &[u8]) -> Result<()> {
    atomic_write_with(path, |w| {
        w.write_all(bytes)
            .ctx(|| format!("write {}", path.display()))
    })
}

/// Is `name` one of our temp files (left behind by a process killed mid-write)?
pub(crate) fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && name.contains(".tmp-")
}

/// Remove our temp files left in `dir` by a killed process. Only names `atomic_write` makes.
pub(crate) fn remove_temp_files(dir: &Path) {
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if is_temp_name(&name) && e.file_type().map(|t| t.is_file()).unwrap_or(false) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

/// Size and modification time of one file of the sled folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct FileStamp {
    pub path: String,
    pub len: u64,
    pub modified_ns: u64,
}

/// Every file under `dir`, sorted, with size and mtime. Recorded in the manifest at a clean
/// close; if the folder still looks exactly like that at the next open, nobody touched it and
/// sled may open it in place. Anything else (a crash, a truncated or replaced file) sends the
/// open through a check on a copy first, because sled can modify a damaged store while opening
/// it (it truncated a garbage file in our tests).
pub(crate) fn fingerprint(dir: &Path) -> Result<Vec<FileStamp>> {
    let mut out = Vec::new();
    walk(dir, dir, &mut out)?;
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<FileStamp>) -> Result<()> {
    for e in fs::read_dir(dir).ctx(|| format!("list {}", dir.display()))? {
        let e = e.ctx(|| format!("list {}", dir.display()))?;
        let md = e
            .metadata()
            .ctx(|| format!("inspect {}", e.path().display()))?;
        if md.is_dir() {
            walk(root, &e.path(), out)?;
        } else {
            let modified_ns = md
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(0);
            out.push(FileStamp {
                path: e
                    .path()
                    .strip_prefix(root)
                    .unwrap_or(&e.path())
                    .to_string_lossy()
                    .into_owned(),
                len: md.len(),
                modified_ns,
            });
        }
    }
    Ok(())
}

/// Copy a folder tree (the sled folder is a handful of files).
pub(crate) fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to).ctx(|| format!("create {}", to.display()))?;
    for e in fs::read_dir(from).ctx(|| format!("list {}", from.display()))? {
        let e = e.ctx(|| format!("list {}", from.display()))?;
        let target = to.join(e.file_name());
        if e.file_type()
            .ctx(|| format!("inspect {}", e.path().display()))?
            .is_dir()
        {
            copy_dir(&e.path(), &target)?;
        } else {
            fs::copy(e.path(), &target).ctx(|| format!("copy {}", e.path().display()))?;
        }
    }
    Ok(())
}

/// True when `dir` exists and holds at least one entry.
pub(crate) fn non_empty_dir(dir: &Path) -> bool {
    fs::read_dir(dir)
        .map(|mut d| d.next().is_some())
        .unwrap_or(false)
}

/// A timestamp for file names, sortable as text: 20261126T144512.123456Z.
pub(crate) fn file_timestamp(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y%m%dT%H%M%S%.6fZ").to_string()
}

pub(crate) fn unique_path(dir: &Path, make: impl Fn(u32) -> String) -> PathBuf {
    let mut n = 0;
    loop {
        let p = dir.join(make(n));
        if !p.exists() {
            return p;
        }
        n += 1;
    }
}
