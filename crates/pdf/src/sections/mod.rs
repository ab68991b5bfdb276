//! The sections of the printed plan, each written against the shared layout engine, and
//! the lookups and formats they share (one place decides how money and dates read).

mod buying_centers;
mod campaigns;
mod competitors;
mod completeness;
mod cover;
mod executive;
pub mod one_page;
mod opportunities;
mod osas;
mod overview;
mod relationships;
mod since_last_qbr;
mod whitespace;

use crate::layout::Doc;
use crate::{Options, Section};
use chrono::NaiveDate;
use planner_core::model::{Contact, Id};
use planner_core::money::Money;
use planner_core::relmap::{CoverageGap, GapKind};
use planner_core::view::PlanView;
use std::collections::HashMap;

/// The view plus lookups by id that every section needs.
pub struct Ctx<'a> {
    pub view: &'a PlanView,
    pub options: &'a Options,
    /// The plan now against its latest snapshot, when it has one.
    pub since_last_qbr: Option<&'a planner_core::compare::PlanComparison>,
    bc_names: HashMap<Id, &'a str>,
    team: HashMap<Id, &'a str>,
    offerings: HashMap<Id, &'a str>,
}

impl<'a> Ctx<'a> {
    pub fn new(view: &'a PlanView, options: &'a Options) -> Ctx<'a> {
        Ctx {
            view,
            options,
            since_last_qbr: None,
            bc_names: view
                .buying_centers
                .iter()
                .map(|b| (b.buying_center.id, b.buying_center.name.as_str()))
                .collect(),
            team: view
                .account
                .team
                .iter()
                .map(|m| (m.id, m.name.as_str()))
                .collect(),
            offerings: view
                .white_space
                .columns
                .iter()
                .map(|o| (o.id, o.name.as_str()))
                .collect(),
        }
    }

    /// "Nordwind Logistics Group · FY2026 account plan": the running header.
    pub fn header_left(&self) -> String {
        format!(
            "{} · {} account plan",
            self.view.account.name, self.view.plan.period
        )
    }

    pub fn code(&self) -> &str {
        self.view.plan.currency.code()
    }

    /// Whole units with thousands separators, no currency code: table cells, where the
    /// code is in the column header.
    pub fn amount(&self, m: Money) -> String {
        let digits = self.view.plan.currency.minor_digits();
        let scale = 10i128.pow(digits);
        let v = m.0 as i128;
        let units = if v >= 0 {
            (v + scale / 2) / scale
        } else {
            (v - scale / 2) / scale
        };
        grouped(units)
    }

    /// "2.5M EUR": charts, tiles and the summary.
    pub fn compact(&self, m: Money) -> String {
        self.view.plan.currency.format_compact(m)
    }

    /// Money units (not minor units) as a float, for chart scales.
    pub fn units(&self, m: Money) -> f64 {
        m.0 as f64 / 10f64.powi(self.view.plan.currency.minor_digits() as i32)
    }

    pub fn bc(&self, id: Id) -> &str {
        self.bc_names
            .get(&id)
            .copied()
            .unwrap_or("(removed buying center)")
    }

    pub fn member(&self, id: Option<Id>) -> String {
        id.and_then(|i| self.team.get(&i).copied())
            .unwrap_or("—")
            .to_string()
    }

    pub fn offering(&self, id: Id) -> &str {
        self.offerings.get(&id).copied().unwrap_or("(offering)")
    }

    /// Name of the contact's owner on our team.
    pub fn owner_of(&self, c: &Contact) -> Option<String> {
        c.owner()
            .and_then(|r| self.team.get(&r.team_member_id).copied())
            .map(str::to_string)
    }

    /// Coverage gaps, most serious first: missing economic buyers and champions decide
    /// deals, stale assessments only warn.
    pub fn ranked_gaps(&self) -> Vec<&'a CoverageGap> {
        let rank = |k: GapKind| match k {
            GapKind::NoEconomicBuyer => 0,
            GapKind::NoChampion => 1,
            GapKind::NoOwner => 2,
            GapKind::NegativeAttitude => 3,
            GapKind::SingleThreaded => 4,
            GapKind::WeakRelationship => 5,
            GapKind::Stale => 6,
        };
        let mut gaps: Vec<&CoverageGap> = self.view.coverage_gaps.iter().collect();
        gaps.sort_by_key(|g| rank(g.kind));
        gaps
    }
}

/// An integer with thousands separators: "18,500".
pub fn grouped(v: i128) -> String {
    let s = v.unsigned_abs().to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3 + 1);
    if v < 0 {
        out.push('-');
    }
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// "1 Nov 2026": unambiguous on both sides of the Atlantic.
pub fn long_date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

pub fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(long_date).unwrap_or_else(|| "—".into())
}

pub fn percent(share: Option<f64>) -> String {
    match share {
        Some(s) => format!("{:.0}%", s * 100.0),
        None => "—".into(),
    }
}

/// Cover, then each selected section on its own page(s).
pub fn full_plan(doc: &mut Doc, ctx: &Ctx) {
    cover::render(doc, ctx);
    let mut contents = Vec::new();
    for section in ctx.options.selected_sections() {
        let start = doc.page_count();
        match section {
            Section::ExecutiveSummary => executive::render(doc, ctx),
            Section::SinceLastQbr => since_last_qbr::render(doc, ctx),
            Section::Overview => overview::render(doc, ctx),
            Section::BuyingCenters => buying_centers::render(doc, ctx),
            Section::RelationshipMap => relationships::render(doc, ctx),
            Section::WhiteSpace => whitespace::render(doc, ctx),
            Section::Osas => osas::render(doc, ctx),
            Section::Campaigns => campaigns::render(doc, ctx),
            Section::Opportunities => opportunities::render(doc, ctx),
            Section::Competitors => competitors::render(doc, ctx),
            Section::Completeness => completeness::render(doc, ctx),
        }
        // The section's first page is the one after those that existed before it.
        contents.push((section.label(), start + 1));
    }
    cover::contents(doc, &contents);
}

/// Start a section on a fresh page with its title.
pub fn begin(doc: &mut Doc, ctx: &Ctx, section: Section, landscape: bool) {
    doc.new_page(landscape);
    let sub = format!(
        "{} · {} · as of {}",
        ctx.view.account.name,
        ctx.view.plan.period,
        long_date(ctx.view.today)
    );
    crate::text::section_title(doc, section.label(), &sub);
}
