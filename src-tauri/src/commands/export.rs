//! Exports the user saves as files. The webview never names a path: the native save dialog,
//! run here in Rust, asks where, so a page can never write (or open) a file the user did not
//! choose.

use crate::error::{AppError, AppResult};
use crate::exports::WhiteSpaceFormat;
use crate::output::{safe_file_stem, write_file, Existing};
use crate::pdf::{document_from_key, paper_from_key, section_from_key, write_plan_pdf};
use crate::state::AppState;
use planner_core::Id;
use planner_pdf::Section;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use ts_rs::TS;

/// Debug builds only: when set, exports skip the save dialog and go into this folder under
/// their default name (never replacing a file), so the end-to-end suite can export.
pub const TEST_SAVE_DIR_ENV: &str = "ACCOUNT_PLANNER_TEST_SAVE_DIR";

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ExportRequest {
    pub plan_id: Id,
    #[ts(type = "\"full\" | \"summary\"")]
    pub document: String,
    #[ts(type = "\"a4\" | \"letter\"")]
    pub paper: String,
    /// Section keys to include (see `pdf::section_from_key`); empty means all.
    pub sections: Vec<String>,
    pub open_after: bool,
}

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct ExportResult {
    /// Where it was saved; None when the user cancelled the dialog.
    pub path: Option<String>,
    pub pages: u32,
    pub bytes: u32,
    pub warnings: Vec<String>,
}

#[tauri::command]
pub async fn export_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    request: ExportRequest,
) -> AppResult<ExportResult> {
    let document = document_from_key(&request.document)?;
    let paper = paper_from_key(&request.paper)?;
    let sections = request
        .sections
        .iter()
        .map(|k| section_from_key(k))
        .collect::<AppResult<Vec<Section>>>()?;
    let name = state.with_store(|s| default_file_name(s, request.plan_id, "pdf"))?;
    let Some(path) = choose_save_path(&app, &name, ("PDF", &["pdf"])) else {
        return Ok(ExportResult {
            path: None,
            pages: 0,
            bytes: 0,
            warnings: vec![],
        });
    };
    let written = state.with_store(|s| {
        write_plan_pdf(
            s,
            request.plan_id,
            document,
            paper,
            sections,
            &path,
            Existing::Replace,
        )
    })?;
    for w in &written.warnings {
        eprintln!("account-planner: {w}");
    }
    if request.open_after {
        app.opener()
            .open_path(path.to_string_lossy(), None::<&str>)
            .map_err(|e| AppError::Pdf(format!("saved, but could not open it: {e}")))?;
    }
    Ok(ExportResult {
        path: Some(path.display().to_string()),
        pages: written.pages as u32,
        bytes: written.bytes as u32,
        warnings: written.warnings,
    })
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct WhiteSpaceExportRequest {
    pub plan_id: Id,
    #[ts(type = "\"csv\" | \"xlsx\"")]
    pub format: String,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct CalendarExportRequest {
    pub plan_id: Id,
    /// One team member's actions (their id in this account's team); None: all, with campaigns.
    pub owner_id: Option<Id>,
}

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct FileExportResult {
    /// Where it was saved; None when the user cancelled the dialog.
    pub path: Option<String>,
    pub bytes: u32,
}

#[tauri::command]
pub async fn export_white_space(
    app: AppHandle,
    state: State<'_, AppState>,
    request: WhiteSpaceExportRequest,
) -> AppResult<FileExportResult> {
    let format = WhiteSpaceFormat::from_key(&request.format)?;
    let filter: (&str, &[&str]) = match format {
        WhiteSpaceFormat::Csv => ("CSV", &["csv"]),
        WhiteSpaceFormat::Xlsx => ("Excel workbook", &["xlsx"]),
    };
    let name = state.with_store(|s| default_file_name(s, request.plan_id, format.extension()))?;
    let Some(path) = choose_save_path(&app, &name, filter) else {
        return Ok(FileExportResult {
            path: None,
            bytes: 0,
        });
    };
    let bytes = state.with_store(|s| {
        format.render(&crate::service::view(
            s,
            request.plan_id,
            crate::service::today(),
        )?)
    })?;
    write_file(&path, &bytes, Existing::Replace)?;
    Ok(FileExportResult {
        path: Some(path.display().to_string()),
        bytes: bytes.len() as u32,
    })
}

#[tauri::command]
pub async fn export_calendar(
    app: AppHandle,
    state: State<'_, AppState>,
    request: CalendarExportRequest,
) -> AppResult<FileExportResult> {
    let name = state.with_store(|s| default_file_name(s, request.plan_id, "ics"))?;
    let Some(path) = choose_save_path(&app, &name, ("iCalendar", &["ics"])) else {
        return Ok(FileExportResult {
            path: None,
            bytes: 0,
        });
    };
    let text = state
        .with_store(|s| crate::exports::plan_calendar(s, request.plan_id, request.owner_id))?;
    write_file(&path, text.as_bytes(), Existing::Replace)?;
    Ok(FileExportResult {
        path: Some(path.display().to_string()),
        bytes: text.len() as u32,
    })
}

/// "<account> <period>.<ext>", safe on every OS: what the save dialog proposes.
fn default_file_name(store: &planner_store::Store, plan_id: Id, ext: &str) -> AppResult<String> {
    let plan = store
        .plan(plan_id)?
        .ok_or_else(|| AppError::NotFound("That plan".into()))?;
    let account = store
        .account(plan.account_id)?
        .ok_or_else(|| AppError::NotFound("That plan's account".into()))?;
    Ok(format!(
        "{}.{ext}",
        safe_file_stem(&format!("{} {}", account.name, plan.period))
    ))
}

/// The native save dialog's answer (None when the user cancels). The dialog itself asks
/// before replacing a file, so what it returns may be replaced.
fn choose_save_path(
    app: &AppHandle,
    default_name: &str,
    filter: (&str, &[&str]),
) -> Option<PathBuf> {
    #[cfg(debug_assertions)]
    if let Some(dir) = std::env::var_os(TEST_SAVE_DIR_ENV) {
        return Some(test_save_path(std::path::Path::new(&dir), default_name));
    }
    app.dialog()
        .file()
        .add_filter(filter.0, filter.1)
        .set_file_name(default_name)
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}

/// Debug builds' stand-in for the dialog: a new file in `dir`, never one that exists.
#[cfg(debug_assertions)]
fn test_save_path(dir: &std::path::Path, default_name: &str) -> PathBuf {
    crate::output::next_free_path(dir, default_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_carrying_a_path_are_refused() {
        let plan = "\"00000000-0000-4000-8000-000000000001\"";
        let pdf = format!(
            r#"{{"plan_id":{plan},"document":"full","paper":"a4","sections":[],"open_after":false,"path":"/etc/passwd"}}"#
        );
        assert!(serde_json::from_str::<ExportRequest>(&pdf).is_err());
        let ws = format!(r#"{{"plan_id":{plan},"format":"csv","path":"/tmp/x"}}"#);
        assert!(serde_json::from_str::<WhiteSpaceExportRequest>(&ws).is_err());
        let cal = format!(r#"{{"plan_id":{plan},"owner_id":null,"path":"/tmp/x"}}"#);
        assert!(serde_json::from_str::<CalendarExportRequest>(&cal).is_err());
        let ok = format!(r#"{{"plan_id":{plan},"owner_id":null}}"#);
        assert!(serde_json::from_str::<CalendarExportRequest>(&ok).is_ok());
    }

    #[cfg(debug_assertions)]
    #[test]
    fn the_test_save_folder_gets_a_new_file_each_time() {
        let dir = std::env::temp_dir().join(format!("ap-test-save-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let first = test_save_path(&dir, "Acme_FY2027.pdf");
        assert_eq!(first, dir.join("Acme_FY2027.pdf"));
        std::fs::write(&first, b"%PDF-").unwrap();
        assert_eq!(
            test_save_path(&dir, "Acme_FY2027.pdf"),
            dir.join("Acme_FY2027-2.pdf")
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
