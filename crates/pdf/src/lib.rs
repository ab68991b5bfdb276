//! planner-pdf: the printed plan. Reads the core's [`PlanView`] (every figure already derived
//! there, so the app, `show --json` and the paper agree) and draws it with printpdf's low-level
//! ops API.
//!
//! Why the ops API and our own layout: printpdf's HTML feature breaks tables and swallows
//! errors, and a QBR document needs repeated table headers, rows that never split, headings
//! kept with what follows and charts drawn as vectors. So this crate owns a small layout
//! engine ([`layout`], [`text`], [`table`], [`charts`], [`orgchart`]) and the sections are
//! written against it ([`sections`]).
//!
//! Text is measured with the embedded font's own glyph advances (printpdf has no measuring
//! API) and falls back per glyph to a system CJK font. **Scripts that need shaping are not
//! shaped**: printpdf's ops API places glyphs one after another, so Arabic (and other
//! joining or right-to-left scripts) print as isolated letters in logical order. The
//! codepoints are still drawn when a font has them, and [`Rendered::warnings`] says so
//! instead of letting a reader trust a wrong rendering.
//!
//! Output is reproducible: the same view and options with the same
//! [`Options::creation_epoch`] give identical bytes (printpdf's random font and document
//! ids are replaced by fixed ones).

mod charts;
mod fonts;
mod layout;
mod orgchart;
mod sections;
mod table;
mod text;

use chrono::NaiveDate;
use planner_core::compare::PlanComparison;
use planner_core::view::PlanView;

pub use fonts::cjk_font_path;

/// Paper size. A4 for most of the world, US Letter for North America.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    /// Portrait width and height in PostScript points.
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// Which document to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// Cover plus every selected section.
    FullPlan,
    /// Exactly one page: key numbers, top plays, top gaps, next actions.
    Summary,
}

/// The sections of the full plan, in print order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    ExecutiveSummary,
    SinceLastQbr,
    Overview,
    BuyingCenters,
    RelationshipMap,
    WhiteSpace,
    Osas,
    Campaigns,
    Opportunities,
    Competitors,
    Completeness,
}

impl Section {
    pub const ALL: &'static [Section] = &[
        Section::ExecutiveSummary,
        Section::SinceLastQbr,
        Section::Overview,
        Section::BuyingCenters,
        Section::RelationshipMap,
        Section::WhiteSpace,
        Section::Osas,
        Section::Campaigns,
        Section::Opportunities,
        Section::Competitors,
        Section::Completeness,
    ];

    /// The heading printed on the page (and the label a print dialog shows).
    pub fn label(self) -> &'static str {
        match self {
            Section::ExecutiveSummary => "Executive summary",
            Section::SinceLastQbr => "Since last QBR",
            Section::Overview => "Account overview",
            Section::BuyingCenters => "Buying centers",
            Section::RelationshipMap => "Relationship map",
            Section::WhiteSpace => "White space and plays",
            Section::Osas => "Objectives, strategies and actions",
            Section::Campaigns => "Campaigns",
            Section::Opportunities => "Opportunities",
            Section::Competitors => "Competitors",
            Section::Completeness => "Plan completeness",
        }
    }
}

/// What to print and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub document: Document,
    pub paper: Paper,
    /// Sections of the full plan; empty means all. Printed in [`Section::ALL`] order
    /// whatever order they are given in. Ignored by [`Document::Summary`].
    pub sections: Vec<Section>,
    /// The date printed in the footer and on the cover.
    pub generated_on: NaiveDate,
    /// Seconds since the Unix epoch stored as the PDF's creation date; `None` means now.
    /// Set it (e.g. from `SOURCE_DATE_EPOCH`) for byte-identical output.
    pub creation_epoch: Option<i64>,
}

impl Options {
    /// A full plan on A4 with every section.
    pub fn full_plan(generated_on: NaiveDate) -> Options {
        Options {
            document: Document::FullPlan,
            paper: Paper::A4,
            sections: Vec::new(),
            generated_on,
            creation_epoch: None,
        }
    }

    /// The one-page summary on A4.
    pub fn summary(generated_on: NaiveDate) -> Options {
        Options {
            document: Document::Summary,
            ..Options::full_plan(generated_on)
        }
    }

    /// The sections to print, in print order.
    pub fn selected_sections(&self) -> Vec<Section> {
        Section::ALL
            .iter()
            .copied()
            .filter(|s| self.sections.is_empty() || self.sections.contains(s))
            .collect()
    }
}

/// A finished document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Things the reader of the PDF should know but that did not stop it: missing fonts,
    /// unshaped scripts. The caller shows or prints them.
    pub warnings: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// An embedded font did not parse: the build shipped a broken font file.
    #[error("the embedded font {name} could not be read: {reason}")]
    Font { name: &'static str, reason: String },
    /// printpdf produced no document (it reports problems as warnings, not errors).
    #[error("the PDF could not be written: {0}")]
    Output(String),
    /// A creation date printpdf cannot represent.
    #[error("creation_epoch {0} is not a valid date")]
    CreationDate(i64),
}

/// What the printer reads: the plan's view and, when the plan has a snapshot, what changed
/// since the latest one (the "Since last QBR" page and the summary's block). One input, so
/// every page reads the same figures.
#[derive(Debug, Clone, Copy)]
pub struct PrintedPlan<'a> {
    pub view: &'a PlanView,
    /// None: the plan has no snapshot yet (the page says so, the summary leaves its block out).
    pub since_last_qbr: Option<&'a PlanComparison>,
}

/// Render the plan view as a PDF, with no earlier snapshot to compare with.
pub fn render(view: &PlanView, options: &Options) -> Result<Rendered, PdfError> {
    render_plan(
        PrintedPlan {
            view,
            since_last_qbr: None,
        },
        options,
    )
}

/// Render the plan and what changed since its latest snapshot as a PDF.
pub fn render_plan(plan: PrintedPlan, options: &Options) -> Result<Rendered, PdfError> {
    let fonts = fonts::Fonts::load(fonts::CjkPolicy::System)?;
    render_printed(plan, options, fonts)
}

#[cfg(test)]
fn render_with(
    view: &PlanView,
    options: &Options,
    fonts: fonts::Fonts,
) -> Result<Rendered, PdfError> {
    render_printed(
        PrintedPlan {
            view,
            since_last_qbr: None,
        },
        options,
        fonts,
    )
}

/// Render with an explicit font set (tests use it to simulate a machine without CJK fonts).
fn render_printed(
    plan: PrintedPlan,
    options: &Options,
    fonts: fonts::Fonts,
) -> Result<Rendered, PdfError> {
    let view = plan.view;
    let mut doc = layout::Doc::new(&fonts, options.paper);
    let mut ctx = sections::Ctx::new(view, options);
    ctx.since_last_qbr = plan.since_last_qbr;
    match options.document {
        Document::FullPlan => sections::full_plan(&mut doc, &ctx),
        Document::Summary => {
            sections::one_page::render(&mut doc, &ctx);
            doc.keep_first_page();
        }
    }
    doc.finish(&ctx.header_left(), options.generated_on);
    let pages = doc.page_count();
    let title = format!("{} - {} account plan", view.account.name, view.plan.period);
    let bytes = doc.into_pdf(&title, options.creation_epoch)?;
    let mut warnings = fonts.warnings();
    warnings.sort();
    warnings.dedup();
    Ok(Rendered {
        bytes,
        pages,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_cjk_font_reaches_the_caller_as_a_warning() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let view = planner_core::sample::sample_view(today);
        let fonts = fonts::Fonts::load(fonts::CjkPolicy::Never).unwrap();
        let out = render_with(&view, &Options::summary(today), fonts).unwrap();
        assert_eq!(out.pages, 1);
        let fonts = fonts::Fonts::load(fonts::CjkPolicy::Never).unwrap();
        let out = render_with(&view, &Options::full_plan(today), fonts).unwrap();
        assert!(
            out.warnings.iter().any(|w| w.contains("No CJK font found")),
            "{:?}",
            out.warnings
        );
    }

    #[test]
    fn sections_print_in_fixed_order() {
        let mut o = Options::full_plan(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        o.sections = vec![Section::Completeness, Section::Overview];
        assert_eq!(
            o.selected_sections(),
            vec![Section::Overview, Section::Completeness]
        );
        o.sections.clear();
        assert_eq!(o.selected_sections().len(), Section::ALL.len());
    }
}
