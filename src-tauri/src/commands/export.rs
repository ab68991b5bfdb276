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
pub async fn export_pdf(app: AppHandle, state: State<'_, AppState>, request: ExportRequest) -> AppResult<ExportResult> {
    let document = match request.document.as_str() {
        "summary" => Document::Summary,
        _ => Document::FullPlan,
    };
    let paper = match request.paper.as_str() {
        "letter" => Paper::Letter,
        _ => Paper::A4,
    };
    let sections: Vec<Section> = request.sections.iter().filter_map(|k| section_from_key(k)).collect();
    let path = match request.path {
        Some(p) => std::path::PathBuf::from(p),
        None => {
            let picked = app
                .dialog()
                .file()
                .add_filter("PDF", &["pdf"])
                .set_file_name("account-plan.pdf")
                .blocking_save_file();
            match picked.and_then(|p| p.into_path().ok()) {
                Some(p) => p,
                None => return Ok(ExportResult { path: None, pages: 0, bytes: 0, warnings: vec![] }),
            }
        }
    };
    let written = state.with_store(|s| write_plan_pdf(s, request.plan_id, document, paper, sections, &path))?;
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
