//! Relationship map: one org chart per buying center (portrait when it reads well, landscape
//! when it is wide, tiled when even that is too small), its legend and its coverage gaps.

use super::{begin, Ctx};
use crate::charts::{legend, line_sample, swatch, LegendItem};
use crate::layout::{Dash, Doc, Style, MARGIN_X};
use crate::orgchart::{
    attitude_color, attitude_sign, OrgChart, CONFLICT_COLOR, INFLUENCE_COLOR, MAX_SCALE,
    REPORT_COLOR,
};
use crate::text::{bullet, heading, paragraph};
use crate::Section;
use planner_core::layout::layout;
use planner_core::model::{Attitude, Contact};

/// Below this scale a portrait chart is small enough that landscape reads better.
const PORTRAIT_MIN_SCALE: f32 = 0.72;

pub fn render(doc: &mut Doc, ctx: &Ctx) {
    let v = ctx.view;
    let (pw, _) = ctx.options.paper.size_pt();
    let portrait_w = pw - 2.0 * MARGIN_X;
    if v.buying_centers.is_empty() {
        begin(doc, ctx, Section::RelationshipMap, false);
        paragraph(doc, "No buying centers yet.", Style::BODY, 0.0);
        return;
    }
    for (i, b) in v.buying_centers.iter().enumerate() {
        let bc = &b.buying_center;
        let people: Vec<&Contact> = v
            .contacts
            .iter()
            .filter(|c| c.buying_center_id == bc.id)
            .collect();
        // The view carries each buying center's chart, laid out once for app and print.
        let computed;
        let lay = match v
            .buying_center_charts
            .iter()
            .find(|c| c.buying_center_id == bc.id)
        {
            Some(c) => &c.layout,
            None => {
                computed = layout(&people, &v.lines);
                &computed
            }
        };
        let owner = |c: &Contact| ctx.owner_of(c);
        let chart = OrgChart {
            layout: lay,
            contacts: people.iter().map(|c| (c.id, *c)).collect(),
            owner_name: &owner,
        };
        let s = chart.fit_scale(portrait_w);
        let landscape = s < PORTRAIT_MIN_SCALE.min(MAX_SCALE);
        if i == 0 {
            begin(doc, ctx, Section::RelationshipMap, landscape);
        } else {
            doc.new_page(landscape);
        }
        heading(doc, &bc.name, Style::H2, 60.0);
        let sub = format!(
            "{} people mapped · relationship status: {} · {}",
            people.len(),
            bc.relationship_status.label(),
            if bc.description.is_empty() {
                "—"
            } else {
                &bc.description
            }
        );
        paragraph(doc, &sub, Style::SMALL, 0.0);
        doc.gap(6.0);
        let gaps: Vec<_> = ctx
            .ranked_gaps()
            .into_iter()
            .filter(|g| g.buying_center_id == bc.id)
            .collect();
        if people.is_empty() {
            paragraph(doc, "Nobody mapped yet.", Style::BODY, 0.0);
        } else {
            // Legend (two lines), the gaps heading and up to eight gaps.
            let reserve = 30.0 + 24.0 + gaps.len().clamp(1, 8) as f32 * 11.6;
            chart.draw(doc, reserve);
            legend(doc, &legend_items());
        }
        heading(doc, "Coverage gaps", Style::H3, 24.0);
        if gaps.is_empty() {
            paragraph(
                doc,
                "None: this buying center is covered.",
                Style::BODY,
                0.0,
            );
        }
        for g in gaps {
            bullet(doc, &g.reason, Style::BODY, 0.0, "•");
        }
    }
}

fn legend_items() -> Vec<LegendItem> {
    let mut items: Vec<LegendItem> = Attitude::ALL
        .iter()
        .map(|a| {
            swatch(
                attitude_color(*a),
                format!("{} {}", attitude_sign(*a), a.label()),
            )
        })
        .collect();
    items.push(line_sample(REPORT_COLOR, Dash::Solid, "reports to"));
    items.push(line_sample(
        REPORT_COLOR,
        Dash::Dotted,
        "dotted-line manager",
    ));
    items.push(line_sample(
        INFLUENCE_COLOR,
        Dash::Solid,
        "influences (arrow)",
    ));
    items.push(line_sample(CONFLICT_COLOR, Dash::Dashed, "conflict"));
    items
}
