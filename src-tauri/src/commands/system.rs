use crate::error::{ApiError, AppResult};
use crate::state::AppState;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct BackupEntry {
    pub path: String,
    pub file_name: String,
    pub created: String,
    pub reason: String,
}

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct AppStatus {
    pub data_dir: String,
    /// Why the store could not be opened (the app then offers the backups).
    pub store_error: Option<ApiError>,
    pub backups: Vec<BackupEntry>,
    pub today: chrono::NaiveDate,
}

pub fn backups(dir: &std::path::Path) -> Vec<BackupEntry> {
    planner_store::Store::backups(dir)
        .unwrap_or_default()
        .into_iter()
        .map(|b| BackupEntry {
            file_name: b
                .path
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default(),
            path: b.path.to_string_lossy().into_owned(),
            created: b.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            reason: b.reason.clone(),
        })
        .collect()
}

#[tauri::command]
pub fn app_status(state: State<'_, AppState>) -> AppStatus {
    AppStatus {
        data_dir: state.data_dir().display().to_string(),
        store_error: state.open_error(),
        backups: backups(state.data_dir()),
        today: crate::service::today(),
    }
}

#[tauri::command]
pub fn restore_backup(state: State<'_, AppState>, path: String) -> AppResult<AppStatus> {
    state.restore(std::path::Path::new(&path))?;
    Ok(app_status(state))
}
