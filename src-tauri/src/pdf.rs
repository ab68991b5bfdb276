//! Writing the printed plan: shared by the Export command and `account-planner pdf`.

use crate::error::{AppError, AppResult};
use crate::output::{write_file, Existing};
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

/// Draw the plan and write it to `out` (see `output::write_file` for `existing`).
pub fn write_plan_pdf(
    store: &Store,
    plan_id: planner_core::Id,
    document: Document,
    paper: Paper,
    sections: Vec<Section>,
    out: &Path,
    existing: Existing,
) -> AppResult<Written> {
    let today = service::today();
    let view = service::view(store, plan_id, today)?;
    let since_last_qbr = service::since_latest_snapshot(store, plan_id, today)?;
    let options = Options {
        document,
        paper,
        sections,
        generated_on: today,
        creation_epoch: creation_epoch(),
    };
    let rendered = planner_pdf::render_plan(
        planner_pdf::PrintedPlan {
            view: &view,
            since_last_qbr: since_last_qbr.as_ref(),
        },
        &options,
    )
    .map_err(|e| AppError::Pdf(e.to_string()))?;
    write_file(out, &rendered.bytes, existing)?;
    Ok(Written {
        pages: rendered.pages,
        bytes: rendered.bytes.len(),
        warnings: rendered.warnings,
    })
}

/// The options the Export panel sends, by the names it sends them; anything else is refused
/// rather than quietly printed some other way.
const DOCUMENTS: &[&str] = &["full", "summary"];
const PAPERS: &[&str] = &["a4", "letter"];
const SECTIONS: &[&str] = &[
    "executive_summary",
    "since_last_qbr",
    "overview",
    "buying_centers",
    "relationship_map",
    "white_space",
    "osas",
    "campaigns",
    "opportunities",
    "competitors",
    "completeness",
];

pub fn document_from_key(key: &str) -> AppResult<Document> {
    match key {
        "full" => Ok(Document::FullPlan),
        "summary" => Ok(Document::Summary),
        _ => Err(unknown("document", key, DOCUMENTS)),
    }
}

pub fn paper_from_key(key: &str) -> AppResult<Paper> {
    match key {
        "a4" => Ok(Paper::A4),
        "letter" => Ok(Paper::Letter),
        _ => Err(unknown("paper", key, PAPERS)),
    }
}

/// The section keys (snake_case of the section names).
pub fn section_from_key(key: &str) -> AppResult<Section> {
    Ok(match key {
        "executive_summary" => Section::ExecutiveSummary,
        "since_last_qbr" => Section::SinceLastQbr,
        "overview" => Section::Overview,
        "buying_centers" => Section::BuyingCenters,
        "relationship_map" => Section::RelationshipMap,
        "white_space" => Section::WhiteSpace,
        "osas" => Section::Osas,
        "campaigns" => Section::Campaigns,
        "opportunities" => Section::Opportunities,
        "competitors" => Section::Competitors,
        "completeness" => Section::Completeness,
        _ => return Err(unknown("sections", key, SECTIONS)),
    })
}

pub(crate) fn unknown(
    field: &'static str,
    value: &str,
    allowed: &'static [&'static str],
) -> AppError {
    AppError::UnknownOption {
        field,
        value: value.to_string(),
        allowed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_allowed_key_parses_and_others_are_refused_with_their_field() {
        for k in DOCUMENTS {
            document_from_key(k).unwrap();
        }
        for k in PAPERS {
            paper_from_key(k).unwrap();
        }
        for k in SECTIONS {
            section_from_key(k).unwrap();
        }
        for (err, field) in [
            (document_from_key("Summary").unwrap_err(), "document"),
            (paper_from_key("legal").unwrap_err(), "paper"),
            (section_from_key("").unwrap_err(), "sections"),
        ] {
            let api = err.to_api();
            assert_eq!(api.code, "unknown_option");
            assert_eq!(api.field.as_deref(), Some(field));
        }
        assert_eq!(
            paper_from_key("legal").unwrap_err().to_string(),
            "\"legal\" is not a valid paper (expected a4 or letter)"
        );
    }
}
