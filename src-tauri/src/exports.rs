//! Files other tools read: the white-space matrix as CSV and as an Excel workbook with the
//! heat-map colours, and actions/campaigns as an iCalendar file.

use crate::error::{AppError, AppResult};
use crate::service;
use planner_core::calendar::{action_events, calendar, campaign_events};
use planner_core::view::PlanView;
use planner_core::whitespace::{export_rows, heat_colour, status_letter, EXPORT_COLUMNS};
use planner_core::Id;
use planner_store::Store;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook};

fn io(e: impl std::fmt::Display) -> AppError {
    AppError::Io(std::io::Error::other(e.to_string()))
}

pub fn white_space_csv(view: &PlanView) -> AppResult<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(EXPORT_COLUMNS).map_err(io)?;
    for row in export_rows(view) {
        w.write_record(&row).map_err(io)?;
    }
    w.into_inner().map_err(io)
}

/// Sheet "Matrix": buying centers x offerings, each cell its status letter and score on the
/// heat-map colour; sheet "Cells": the same lines as the CSV.
pub fn white_space_xlsx(view: &PlanView) -> AppResult<Vec<u8>> {
    let mut book = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_background_color(Color::RGB(0xE8EEF4));
    let matrix = book.add_worksheet().set_name("Matrix").map_err(io)?;
    matrix
        .write_string_with_format(0, 0, "Buying center \\ offering", &header)
        .map_err(io)?;
    matrix.set_column_width(0, 28).map_err(io)?;
    for (j, off) in view.white_space.columns.iter().enumerate() {
        let title = format!("{} ({})", off.name, off.family);
        matrix
            .write_string_with_format(0, (j + 1) as u16, &title, &header)
            .map_err(io)?;
        matrix.set_column_width((j + 1) as u16, 16).map_err(io)?;
    }
    for (i, bc_id) in view.white_space.rows.iter().enumerate() {
        let row = (i + 1) as u32;
        let name = view
            .buying_centers
            .iter()
            .find(|b| b.buying_center.id == *bc_id)
            .map(|b| b.buying_center.name.as_str())
            .unwrap_or("");
        matrix
            .write_string_with_format(row, 0, name, &header)
            .map_err(io)?;
        for (j, off) in view.white_space.columns.iter().enumerate() {
            let Some(c) = view
                .white_space
                .cells
                .iter()
                .find(|c| c.cell.buying_center_id == *bc_id && c.cell.offering_id == off.id)
            else {
                continue;
            };
            let (r, g, b) = heat_colour(c.mutual_value_score);
            let dark = c.mutual_value_score.is_some_and(|s| s >= 13);
            let fmt = Format::new()
                .set_background_color(Color::RGB(
                    ((r as u32) << 16) | ((g as u32) << 8) | b as u32,
                ))
                .set_font_color(if dark { Color::White } else { Color::Black })
                .set_align(FormatAlign::Center)
                .set_border(FormatBorder::Thin);
            let text = match c.mutual_value_score {
                Some(s) => format!("{} {}", status_letter(c.status), s),
                None => status_letter(c.status).to_string(),
            };
            matrix
                .write_string_with_format(row, (j + 1) as u16, &text, &fmt)
                .map_err(io)?;
        }
    }
    let cells = book.add_worksheet().set_name("Cells").map_err(io)?;
    for (j, h) in EXPORT_COLUMNS.iter().enumerate() {
        cells
            .write_string_with_format(0, j as u16, *h, &header)
            .map_err(io)?;
    }
    for (i, row) in export_rows(view).iter().enumerate() {
        for (j, v) in row.iter().enumerate() {
            cells
                .write_string((i + 1) as u32, j as u16, v)
                .map_err(io)?;
        }
    }
    book.save_to_buffer().map_err(io)
}

/// Actions with due dates and the account's campaigns; `owner` narrows to one team member.
pub fn plan_calendar(store: &Store, plan_id: Id, owner: Option<Id>) -> AppResult<String> {
    let view = service::view(store, plan_id, service::today())?;
    let content = store.plan_content(plan_id)?;
    let mut events = action_events(&view.account, &content, owner);
    if owner.is_none() {
        events.extend(campaign_events(&view.campaigns));
    }
    let stamp = crate::pdf::creation_epoch()
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .map(|d| d.naive_utc())
        .unwrap_or_else(|| chrono::Utc::now().naive_utc());
    Ok(calendar(
        &format!("{} {}", view.account.name, view.plan.period),
        &events,
        stamp,
    ))
}

/// The white-space export's file types, by the names the UI sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhiteSpaceFormat {
    Csv,
    Xlsx,
}

impl WhiteSpaceFormat {
    pub fn from_key(key: &str) -> AppResult<WhiteSpaceFormat> {
        match key {
            "csv" => Ok(WhiteSpaceFormat::Csv),
            "xlsx" => Ok(WhiteSpaceFormat::Xlsx),
            _ => Err(crate::pdf::unknown("format", key, &["csv", "xlsx"])),
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            WhiteSpaceFormat::Csv => "csv",
            WhiteSpaceFormat::Xlsx => "xlsx",
        }
    }

    pub fn render(self, view: &PlanView) -> AppResult<Vec<u8>> {
        match self {
            WhiteSpaceFormat::Csv => white_space_csv(view),
            WhiteSpaceFormat::Xlsx => white_space_xlsx(view),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn sample_view() -> PlanView {
        planner_core::sample::sample_view(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap())
    }

    #[test]
    fn csv_round_trips() {
        let view = sample_view();
        let bytes = white_space_csv(&view).unwrap();
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, EXPORT_COLUMNS);
        let rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        assert_eq!(rows, export_rows(&view));
        assert_eq!(rows.len(), view.white_space.cells.len());
        let ops_wos = rows
            .iter()
            .find(|r| r[0] == "Warehouse Operations" && r[1] == "Warehouse OS")
            .unwrap();
        // The open pilot opportunity makes the competitor cell In pipeline (the core decides).
        assert_eq!(
            &ops_wos[3..9],
            ["In pipeline", "5", "5", "25", "Pursue", "1800000.00"]
        );
    }

    /// The workbook opens in LibreOffice: converting its cells sheet to CSV gives our rows.
    #[test]
    fn xlsx_opens_in_libreoffice() {
        let view = sample_view();
        let bytes = white_space_xlsx(&view).unwrap();
        assert!(bytes.starts_with(b"PK"));
        let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|b| {
            std::process::Command::new(b)
                .arg("--version")
                .output()
                .is_ok()
        }) else {
            panic!("LibreOffice is needed for this test (scripts/setup.sh installs libreoffice-calc-nogui)");
        };
        let dir = std::env::temp_dir().join(format!("ap-xlsx-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("white-space.xlsx");
        std::fs::write(&file, &bytes).unwrap();
        // Sheet 2 ("Cells") as CSV, UTF-8 (filter options: separator 44, quote 34, charset 76, first line 1, sheet 2).
        let out = std::process::Command::new(soffice)
            .args([
                "--headless",
                "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2",
                "--outdir",
            ])
            .arg(&dir)
            .arg(&file)
            .env("HOME", &dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let csv_path = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|x| x == "csv"))
            .expect("a csv");
        let mut reader = csv::Reader::from_reader(std::fs::File::open(csv_path).unwrap());
        let rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        assert_eq!(rows, export_rows(&view));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn white_space_formats_are_csv_or_xlsx_and_nothing_else() {
        assert_eq!(
            WhiteSpaceFormat::from_key("csv").unwrap(),
            WhiteSpaceFormat::Csv
        );
        assert_eq!(
            WhiteSpaceFormat::from_key("xlsx").unwrap(),
            WhiteSpaceFormat::Xlsx
        );
        let err = WhiteSpaceFormat::from_key("xls").unwrap_err().to_api();
        assert_eq!(
            (err.code.as_str(), err.field.as_deref()),
            ("unknown_option", Some("format"))
        );
    }

    #[test]
    fn heat_colours_darken_with_the_score() {
        let (r1, _, _) = heat_colour(Some(1));
        let (r25, _, _) = heat_colour(Some(25));
        assert!(r1 > r25);
        assert_eq!(heat_colour(None), (255, 255, 255));
    }
}
