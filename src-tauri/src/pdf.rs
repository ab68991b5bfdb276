//! Writing the printed plan: shared by the Export command and `account-planner pdf`.

use crate::error::{AppError, AppResult};
use crate::service;
use planner_pdf::{Document, Options, Paper, Section};
use planner_store::Store;
use std::path::Path;

/// A fixed document date (`SOURCE_DATE_EPOCH`) makes the same plan give the same bytes.
pub fn creation_epoch() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse().ok())
}

pub struct Written {
    pub pages: usize,
    pub bytes: usize,
    pub warnings: Vec<String>,
}

pub fn write_plan_pdf(
    store: &Store,
    plan_id: planner_core::Id,
    document: Document,
    paper: Paper,
    sections: Vec<Section>,
    out: &Path,
) -> AppResult<Written> {
    let today = service::today();
    let view = service::view(store, plan_id, today)?;
    let options = Options {
        document,
        paper,
        sections,
        generated_on: today,
        creation_epoch: creation_epoch(),
    };
    let rendered =
        planner_pdf::render(&view, &options).map_err(|e| AppError::Pdf(e.to_string()))?;
    write_atomically(out, &rendered.bytes)?;
    Ok(Written {
        pages: rendered.pages,
        bytes: rendered.bytes.len(),
        warnings: rendered.warnings,
    })
}

/// Write beside the target and rename, so a reader never sees half a PDF.
pub fn write_atomically(out: &Path, bytes: &[u8]) -> AppResult<()> {
    use std::io::Write;
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(
        ".{}.tmp",
        out.file_name()
            .and_then(|f| f.to_str())
            .unwrap_or("plan.pdf")
    ));
    let mut f = std::fs::File::create(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    std::fs::rename(&tmp, out)?;
    Ok(())
}

/// The section keys the Export panel sends (snake_case of the section names).
pub fn section_from_key(key: &str) -> Option<Section> {
    Some(match key {
        "executive_summary" => Section::ExecutiveSummary,
        "overview" => Section::Overview,
        "buying_centers" => Section::BuyingCenters,
        "relationship_map" => Section::RelationshipMap,
        "white_space" => Section::WhiteSpace,
        "osas" => Section::Osas,
        "campaigns" => Section::Campaigns,
        "opportunities" => Section::Opportunities,
        "competitors" => Section::Competitors,
        "completeness" => Section::Completeness,
        _ => return None,
    })
}
