use crate::error::{ApiError, AppResult};
use crate::state::AppState;
use chrono::{DateTime, Utc};
use planner_store::{OpenNotice, Store};
use serde::Serialize;
use std::path::Path;
use tauri::State;
use ts_rs::TS;

/// One backup in `backups/`, with what a user needs to choose it.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct BackupEntry {
    /// What `restore_backup` takes: the name only, never a path.
    pub file_name: String,
    pub path: String,
    pub created: DateTime<Utc>,
    pub reason: String,
    /// `None`: a backup written by an older version, which did not record them.
    pub accounts: Option<u32>,
    pub plans: Option<u32>,
    /// "empty: 0 accounts", "older than your last edit at ...": say it beside the backup.
    pub caveat: Option<String>,
    /// The newest backup that is not empty: the one to offer first.
    pub recommended: bool,
}

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct AppStatus {
    pub data_dir: String,
    /// Why the store could not be opened (the app then shows the recovery screen, which acts
    /// on `code`: `locked`, `newer_schema`, `corrupt`...).
    pub store_error: Option<ApiError>,
    /// The store opened with less than it should have (edits lost): the app shows a banner
    /// until the user restores a backup or keeps the store.
    pub open_notice: Option<OpenNotice>,
    pub backups: Vec<BackupEntry>,
    /// The store's last edit, as its manifest recorded it.
    pub last_edit_at: Option<DateTime<Utc>>,
    pub today: chrono::NaiveDate,
}

/// The backups in `dir`, newest first, labelled against the store's last edit.
pub fn backups(dir: &Path) -> Vec<BackupEntry> {
    let list = Store::backups(dir).unwrap_or_default();
    let last_edit = Store::last_edit(dir);
    let recommended = planner_store::recommended(&list);
    let count = |n: u64| n.min(u32::MAX as u64) as u32;
    list.iter()
        .enumerate()
        .map(|(i, b)| BackupEntry {
            file_name: b.file_name(),
            path: b.path.to_string_lossy().into_owned(),
            created: b.created_at,
            reason: b.reason.clone(),
            accounts: b.stamp.map(|s| count(s.accounts)),
            plans: b.stamp.map(|s| count(s.plans)),
            caveat: b.caveat(last_edit),
            recommended: recommended == Some(i),
        })
        .collect()
}

#[tauri::command]
pub fn app_status(state: State<'_, AppState>) -> AppStatus {
    status(&state)
}

fn status(state: &AppState) -> AppStatus {
    AppStatus {
        data_dir: state.data_dir().display().to_string(),
        store_error: state.open_error(),
        open_notice: state.with_store(|s| Ok(s.open_notice())).ok().flatten(),
        backups: backups(state.data_dir()),
        last_edit_at: Store::last_edit(state.data_dir()),
        today: crate::service::today(),
    }
}

/// Restore the backup named `file_name` (a name in `backups/`, never a path: the webview
/// must not be able to point the store at any file on disk).
#[tauri::command]
pub fn restore_backup(state: State<'_, AppState>, file_name: String) -> AppResult<AppStatus> {
    restore_named(&state, &file_name)
}

fn restore_named(state: &AppState, file_name: &str) -> AppResult<AppStatus> {
    let path = Store::backup_path(state.data_dir(), file_name)?;
    state.restore(&path)?;
    Ok(status(state))
}

/// The user keeps the store as it opened, without the missing edits: the notice goes away.
#[tauri::command]
pub fn keep_what_the_store_has(state: State<'_, AppState>) -> AppResult<AppStatus> {
    state.with_store(|s| Ok(s.keep_what_the_store_has()?))?;
    Ok(status(&state))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data_dir(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "account-planner-system-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn restore_takes_only_the_name_of_a_backup_in_the_data_folder() {
        let dir = data_dir("restore");
        let state = AppState::open(dir.clone());
        state
            .with_store(|s| {
                crate::service::load_sample(s, crate::service::today())?;
                Ok(s.backup("manual")?)
            })
            .unwrap();
        std::fs::write(dir.join("outside.json"), b"{}").unwrap();
        let before = status(&state);
        assert_eq!(before.backups.len(), 1);
        let named = &before.backups[0];
        assert_eq!((named.accounts, named.plans), (Some(1), Some(1)));
        assert!(named.recommended);
        for bad in [
            "../outside.json",
            dir.join("outside.json").to_str().unwrap(),
            named.path.as_str(),
            "outside.json",
            "backup-20260101T000000.000000Z-daily.json",
        ] {
            let err = restore_named(&state, bad).unwrap_err();
            assert_eq!(err.code(), "not_a_backup", "{bad}");
        }
        // Nothing was touched: the store is still open with its account.
        assert_eq!(state.with_store(|s| Ok(s.summaries()?.len())).unwrap(), 1);
        let after = restore_named(&state, &named.file_name).unwrap();
        assert!(after.store_error.is_none());
        assert_eq!(state.with_store(|s| Ok(s.summaries()?.len())).unwrap(), 1);
        state.close();
        let _ = std::fs::remove_dir_all(&dir);
    }
}
