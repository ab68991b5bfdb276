use crate::error::{AppError, AppResult};
use crate::pdf::{section_from_key, write_plan_pdf};
use crate::state::AppState;
use planner_core::Id;
use planner_pdf::{Document, Paper, Section};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use ts_rs::TS;

#[derive(Debug, Deserialize, TS)]
#[ts(export)]
pub struct ExportRequest {
    pub plan_id: Id,
    /// "full" or "summary".
    pub document: String,
    /// "a4" or "letter".
    pub paper: String,
    /// Section keys to include; empty means all.
    pub sections: Vec<String>,
    /// Where to write; when absent the native save dialog asks.
    pub path: Option<String>,
    pub open_after: bool,
}

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct ExportResult {
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
    let document = match request.document.as_str() {
        "summary" => Document::Summary,
        _ => Document::FullPlan,
    };
    let paper = match request.paper.as_str() {
        "letter" => Paper::Letter,
        _ => Paper::A4,
    };
    let sections: Vec<Section> = request
        .sections
        .iter()
        .filter_map(|k| section_from_key(k))
        .collect();
    let Some(path) = save_path(&app, request.path, "account-plan.pdf", ("PDF", &["pdf"])) else {
        return Ok(ExportResult {
            path: None,
            pages: 0,
            bytes: 0,
            warnings: vec![],
        });
    };
    let written = state
        .with_store(|s| write_plan_pdf(s, request.plan_id, document, paper, sections, &path))?;
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

/// The given path, or the native save dialog's answer (None when the user cancels).
pub fn save_path(
    app: &AppHandle,
    given: Option<String>,
    default_name: &str,
    filter: (&str, &[&str]),
) -> Option<std::path::PathBuf> {
    if let Some(p) = given {
        return Some(p.into());
    }
    app.dialog()
        .file()
        .add_filter(filter.0, filter.1)
        .set_file_name(default_name)
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}

#[derive(Debug, Deserialize, TS)]
#[ts(export)]
pub struct FileExportRequest {
    pub plan_id: Id,
    /// "csv" or "xlsx" for the white space; ignored for the calendar.
    pub format: String,
    /// Calendar only: one team member's actions (their id in this account's team).
    pub owner_id: Option<Id>,
    pub path: Option<String>,
}

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct FileExportResult {
    pub path: Option<String>,
    pub bytes: u32,
}

#[tauri::command]
pub async fn export_white_space(
    app: AppHandle,
    state: State<'_, AppState>,
    request: FileExportRequest,
) -> AppResult<FileExportResult> {
    let xlsx = request.format == "xlsx";
    let (name, filter): (&str, (&str, &[&str])) = if xlsx {
        ("white-space.xlsx", ("Excel workbook", &["xlsx"]))
    } else {
        ("white-space.csv", ("CSV", &["csv"]))
    };
    let Some(path) = save_path(&app, request.path, name, filter) else {
        return Ok(FileExportResult {
            path: None,
            bytes: 0,
        });
    };
    let bytes = state.with_store(|s| {
        let view = crate::service::view(s, request.plan_id, crate::service::today())?;
        if xlsx {
            crate::exports::white_space_xlsx(&view)
        } else {
            crate::exports::white_space_csv(&view)
        }
    })?;
    crate::exports::write(&path, &bytes)?;
    Ok(FileExportResult {
        path: Some(path.display().to_string()),
        bytes: bytes.len() as u32,
    })
}

#[tauri::command]
pub async fn export_calendar(
    app: AppHandle,
    state: State<'_, AppState>,
    request: FileExportRequest,
) -> AppResult<FileExportResult> {
    let Some(path) = save_path(
        &app,
        request.path,
        "account-plan.ics",
        ("iCalendar", &["ics"]),
    ) else {
        return Ok(FileExportResult {
            path: None,
            bytes: 0,
        });
    };
    let text = state
        .with_store(|s| crate::exports::plan_calendar(s, request.plan_id, request.owner_id))?;
    crate::exports::write(&path, text.as_bytes())?;
    Ok(FileExportResult {
        path: Some(path.display().to_string()),
        bytes: text.len() as u32,
    })
}
