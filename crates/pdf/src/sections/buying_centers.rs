//! Buying centers: the money table with account totals, and where each buying center's
//! wallet goes (ours, each competitor, open).

use super::{begin, percent, Ctx};
use crate::charts::{legend, swatch, Bar, BarChart, LegendItem};
use crate::layout::{palette, Align, Color, Doc, Style};
use crate::table::{col, Cell, Row, Table};
use crate::text::{bullet, heading, paragraph};
use crate::Section;
use planner_core::figures::Forecast;
use planner_core::model::Id;
use planner_core::money::Money;

/// Competitors get warm colours in a fixed order, so one competitor has one colour on
/// every chart of the document.
const COMPETITOR_COLORS: [Color; 12] = [
    Color::hex(0xd9534f),
    Color::hex(0xf0ad4e),
    Color::hex(0x9b59b6),
    Color::hex(0xc97b63),
    Color::hex(0xe67e22),
    Color::hex(0x8e6c8a),
    Color::hex(0x8c8c3a),
    Color::hex(0xd16ba5),
    Color::hex(0x5d6fb0),
    Color::hex(0xc9a227),
    Color::hex(0x8b2e2e),
    Color::hex(0x7f8c8d),
];
const OPEN_COLOR: Color = Color::hex(0xe4e7eb);

pub fn render(doc: &mut Doc, ctx: &Ctx) {
    begin(doc, ctx, Section::BuyingCenters, false);
    let v = ctx.view;
    if v.buying_centers.is_empty() {
        paragraph(doc, "No buying centers yet.", Style::BODY, 0.0);
        return;
    }
    let code = ctx.code();
    paragraph(
        doc,
        &format!(
            "Amounts in {code}. Share = our revenue / total wallet; headroom = wallet - our \
             revenue; forecast = recurring base + won in the period + weighted pipeline \
             closing in the period; gap = goal - forecast."
        ),
        Style::SMALL,
        0.0,
    );
    doc.gap(4.0);
    let mut t = Table::new(vec![
        col("Buying center", 2.4, Align::Left),
        col("Relationship", 1.3, Align::Left),
        col("Total wallet", 1.3, Align::Right),
        col("Our revenue", 1.3, Align::Right),
        col("Share", 0.7, Align::Right),
        col("Headroom", 1.3, Align::Right),
        col("Sales goal", 1.3, Align::Right),
        col("Forecast", 1.3, Align::Right),
        col("Gap to goal", 1.3, Align::Right),
    ]);
    t.style = Style::BODY.size(7.5);
    for b in &v.buying_centers {
        let f = &b.figures;
        let bc = &b.buying_center;
        let gap = if f.gap_to_goal.0 > 0 {
            Cell::styled(ctx.amount(f.gap_to_goal), t.style.color(palette::RED))
        } else {
            Cell::styled(ctx.amount(f.gap_to_goal), t.style.color(palette::GREEN))
        };
        t.push(vec![
            b.buying_center.name.as_str().into(),
            b.buying_center.relationship_status.label().into(),
            ctx.amount(bc.total_wallet).into(),
            ctx.amount(bc.our_revenue).into(),
            percent(f.wallet_share).into(),
            ctx.amount(f.headroom).into(),
            ctx.amount(bc.sales_goal).into(),
            ctx.amount(f.forecast.total).into(),
            gap,
        ]);
    }
    let tot = &v.totals;
    t.rows.push(Row::total(vec![
        "Account total".into(),
        "".into(),
        ctx.amount(tot.total_wallet).into(),
        ctx.amount(tot.our_revenue).into(),
        percent(tot.wallet_share).into(),
        ctx.amount(tot.headroom).into(),
        ctx.amount(tot.sales_goal).into(),
        ctx.amount(tot.forecast.total).into(),
        ctx.amount(tot.gap_to_goal).into(),
    ]));
    t.draw(doc);
    forecast_table(doc, ctx);

    // Wallet share: one 100% bar per buying center.
    let mut competitor_ids: Vec<(Id, String)> = Vec::new();
    for b in &v.buying_centers {
        for c in &b.figures.competitor_wallet {
            if !competitor_ids.iter().any(|(id, _)| *id == c.competitor_id) {
                competitor_ids.push((c.competitor_id, c.name.clone()));
            }
        }
    }
    let color_of = |id: Id| {
        let i = competitor_ids
            .iter()
            .position(|(c, _)| *c == id)
            .unwrap_or(0);
        COMPETITOR_COLORS[i % COMPETITOR_COLORS.len()]
    };
    let bars: Vec<Bar> = v
        .buying_centers
        .iter()
        .map(|b| {
            let f = &b.figures;
            let mut segments = vec![(ctx.units(b.buying_center.our_revenue), palette::TEAL)];
            for c in &f.competitor_wallet {
                segments.push((ctx.units(c.amount), color_of(c.competitor_id)));
            }
            segments.push((ctx.units(f.open_wallet), OPEN_COLOR));
            // Scale each bar to 100%: the chart compares shares, the note gives the size.
            let total: f64 = segments.iter().map(|s| s.0.max(0.0)).sum::<f64>().max(1e-9);
            for s in &mut segments {
                s.0 = s.0.max(0.0) / total * 100.0;
            }
            Bar {
                label: b.buying_center.name.clone(),
                segments,
                note: format!("wallet {}", ctx.compact(b.buying_center.total_wallet)),
            }
        })
        .collect();
    let tick = |v: f64| format!("{v:.0}%");
    let chart = BarChart {
        bars,
        max: 100.0,
        tick: &tick,
        marker: None,
        bar_height: 13.0,
        label_width: 130.0,
        note_width: 90.0,
        show_percent: true,
    };
    let keep = 14.0 + 19.0 * v.buying_centers.len().min(4) as f32;
    heading(doc, "Wallet share by buying center", Style::H2, keep);
    chart.draw(doc);
    let mut items: Vec<LegendItem> = vec![swatch(palette::TEAL, "Ours")];
    for (id, name) in &competitor_ids {
        items.push(swatch(color_of(*id), name.clone()));
    }
    items.push(swatch(OPEN_COLOR, "Open (nobody known)"));
    legend(doc, &items);

    let warnings: Vec<String> = v
        .buying_centers
        .iter()
        .flat_map(|b| {
            b.figures
                .warnings
                .iter()
                .map(move |w| format!("{}: {}", b.buying_center.name, w.message))
        })
        .collect();
    if !warnings.is_empty() {
        heading(doc, "Estimates to check", Style::H3, 20.0);
        for w in warnings {
            bullet(doc, &w, Style::BODY.color(palette::ORANGE), 0.0, "!");
        }
    }
}

/// How each buying center's forecast is made, and the revenue the white-space matrix does
/// not attribute to an offering (our revenue - Installed cells).
fn forecast_table(doc: &mut Doc, ctx: &Ctx) {
    let v = ctx.view;
    doc.gap(8.0);
    heading(doc, "How the forecast is made", Style::H3, 40.0);
    let mut t = Table::new(vec![
        col("Buying center", 2.4, Align::Left),
        col("Recurring base", 1.3, Align::Right),
        col("Won in period", 1.3, Align::Right),
        col("Weighted in period", 1.3, Align::Right),
        col("Forecast", 1.3, Align::Right),
        col("Next period (not counted)", 1.5, Align::Right),
        col("Installed cells", 1.3, Align::Right),
        col("Not allocated to an offering", 1.6, Align::Right),
    ]);
    t.style = Style::BODY.size(7.5);
    let row = |name: &str, f: &Forecast, installed: Money, not_allocated: Money| -> Vec<Cell> {
        vec![
            name.into(),
            ctx.amount(f.recurring_base).into(),
            ctx.amount(f.won_in_period).into(),
            ctx.amount(f.weighted_in_period).into(),
            ctx.amount(f.total).into(),
            ctx.amount(f.next_period_weighted).into(),
            ctx.amount(installed).into(),
            ctx.amount(not_allocated).into(),
        ]
    };
    for b in &v.buying_centers {
        let f = &b.figures;
        t.push(row(
            &b.buying_center.name,
            &f.forecast,
            f.installed_revenue,
            f.not_allocated,
        ));
    }
    let tot = &v.totals;
    t.rows.push(Row::total(row(
        "Account total",
        &tot.forecast,
        tot.installed_revenue,
        tot.not_allocated,
    )));
    t.draw(doc);
    let unscheduled = &tot.forecast;
    if unscheduled.unscheduled_count > 0 || unscheduled.churned_renewals.0 != 0 {
        let mut notes = Vec::new();
        if unscheduled.churned_renewals.0 != 0 {
            notes.push(format!(
                "Churned renewals due in the period ({}) are taken off the recurring base.",
                ctx.amount(unscheduled.churned_renewals)
            ));
        }
        if unscheduled.unscheduled_count > 0 {
            notes.push(format!(
                "{} open {} with no close date in or after the period ({} weighted) {} not \
                 counted until {} a close date.",
                unscheduled.unscheduled_count,
                if unscheduled.unscheduled_count == 1 {
                    "deal"
                } else {
                    "deals"
                },
                ctx.amount(unscheduled.unscheduled_weighted),
                if unscheduled.unscheduled_count == 1 {
                    "is"
                } else {
                    "are"
                },
                if unscheduled.unscheduled_count == 1 {
                    "it gets"
                } else {
                    "they get"
                },
            ));
        }
        doc.gap(2.0);
        paragraph(doc, &notes.join(" "), Style::SMALL, 0.0);
    }
}
