//! Executive summary: the numbers, goal against revenue and pipeline, the best plays, the
//! worst coverage gaps and how complete the plan is. Its building blocks are shared with the
//! one-page summary.

use super::{begin, percent, Ctx};
use crate::charts::{legend, progress_bar, swatch, Bar, BarChart, Marker};
use crate::layout::{palette, Align, Color, Doc, Style};
use crate::table::{col, Cell, Table};
use crate::text::{bullet, heading, paragraph};
use crate::Section;
use planner_core::health::HealthStatus;
use planner_core::whitespace::Quadrant;

pub fn render(doc: &mut Doc, ctx: &Ctx) {
    begin(doc, ctx, Section::ExecutiveSummary, false);
    commentary(doc, ctx);
    kpi_tiles(doc, ctx, 3);
    health_block(doc, ctx);
    heading(doc, "Goal and forecast for the period", Style::H2, 90.0);
    goal_chart(doc, ctx);
    let plays = plays_table(ctx, 5);
    heading(doc, "Top plays", Style::H2, plays.first_block_height(doc));
    if ctx.view.plays.is_empty() {
        crate::text::paragraph(doc, "No scored plays yet.", Style::BODY, 0.0);
    } else {
        plays.draw(doc);
        if ctx.view.plays.len() > 5 {
            let more = format!(
                "and {} more plays in White space and plays",
                ctx.view.plays.len() - 5
            );
            crate::text::paragraph(doc, &more, Style::SMALL, 0.0);
        }
    }
    heading(doc, "Top coverage gaps", Style::H2, 40.0);
    let gaps = ctx.ranked_gaps();
    if gaps.is_empty() {
        crate::text::paragraph(doc, "No coverage gaps.", Style::BODY, 0.0);
    }
    for g in gaps.iter().take(5) {
        // Buying-center gaps already name it ("X has no champion"); people gaps do not.
        let bc = ctx.bc(g.buying_center_id);
        let text = if g.reason.contains(bc) {
            g.reason.clone()
        } else {
            format!("{bc}: {}", g.reason)
        };
        bullet(doc, &text, Style::BODY, 0.0, "•");
    }
    if gaps.len() > 5 {
        let more = format!("and {} more in Relationship map", gaps.len() - 5);
        crate::text::paragraph(doc, &more, Style::SMALL, 10.0);
    }
    risks(doc, ctx);
    completeness_with_health(doc, ctx);
}

/// The colour said with a health status (never alone: the status is always written too).
pub fn health_color(status: HealthStatus) -> Color {
    match status {
        HealthStatus::Healthy => palette::GREEN,
        HealthStatus::AtRisk => palette::ORANGE,
        HealthStatus::Critical => palette::RED,
    }
}

/// "Plan completeness (health: Critical)" with the tier bars; when the page has no room left
/// for the bars, one line says the same, so the summary does not start a page for four bars
/// (the plan's Completeness section draws them in full).
fn completeness_with_health(doc: &mut Doc, ctx: &Ctx) {
    let title = format!(
        "Plan completeness (health: {})",
        ctx.view.health.status.label()
    );
    let c = &ctx.view.completeness;
    let bars_height = Style::H2.line_height() * 1.8 + 14.0 * (c.tiers.len() + 1) as f32 + 8.0;
    if doc.bottom() - doc.y >= bars_height {
        heading(doc, &title, Style::H2, 60.0);
        completeness_bars(doc, ctx);
        return;
    }
    let tiers: Vec<String> = c
        .tiers
        .iter()
        .map(|t| format!("{} {} of {}", t.tier.label(), t.done, t.total))
        .collect();
    let line = format!(
        "{}: {}; {}.",
        title,
        ctx.view.health.headline,
        tiers.join(", ")
    );
    doc.y += 6.0;
    paragraph(doc, &line, Style::BODY.bold(), 0.0);
}

/// Plan health near the top, where a reader looks first: the status, the core's headline
/// (completeness said with the risks, so "100% complete" never stands alone) and the few risks
/// to fix first.
fn health_block(doc: &mut Doc, ctx: &Ctx) {
    let health = &ctx.view.health;
    heading(
        doc,
        &format!("Plan health: {}", health.status.label()),
        Style::H2,
        50.0,
    );
    let color = health_color(health.status);
    let more = health.risks.len() - health.fix_first.len();
    let headline = if health.fix_first.is_empty() {
        health.headline.clone()
    } else if more > 0 {
        format!(
            "{}. Fix first (the other {more} are listed in the app):",
            health.headline
        )
    } else {
        format!("{}. Fix first:", health.headline)
    };
    paragraph(doc, &headline, Style::BODY.bold().color(color), 0.0);
    for (i, risk) in health.fix_first.iter().enumerate() {
        let text = format!("{}: {}", risk.severity.label(), risk.message);
        bullet(doc, &text, Style::BODY, 0.0, &format!("{}.", i + 1));
    }
    doc.y += 4.0;
}

/// The account manager's story above the numbers: the executive summary in full, then the
/// wins since the last QBR and the asks. Parts left empty are left out.
fn commentary(doc: &mut Doc, ctx: &Ctx) {
    let plan = &ctx.view.plan;
    if !plan.executive_summary.is_empty() {
        for part in plan
            .executive_summary
            .split('\n')
            .filter(|l| !l.trim().is_empty())
        {
            paragraph(doc, part.trim(), Style::BODY, 0.0);
            doc.gap(3.0);
        }
    }
    for (label, text) in [
        ("Wins since last QBR:", &plan.wins),
        ("Asks / help needed:", &plan.asks),
    ] {
        if !text.is_empty() {
            crate::text::labelled(doc, label, &text.replace('\n', " "), Style::BODY);
            doc.gap(2.0);
        }
    }
    if !(plan.executive_summary.is_empty() && plan.wins.is_empty() && plan.asks.is_empty()) {
        doc.gap(6.0);
    }
}

/// Dated risks besides coverage: overdue actions and renewals coming up within 90 days.
fn risks(doc: &mut Doc, ctx: &Ctx) {
    let v = ctx.view;
    let mut lines = Vec::new();
    let overdue: Vec<_> = v
        .objectives
        .iter()
        .flat_map(|o| &o.strategies)
        .flat_map(|s| &s.actions)
        .filter(|a| a.overdue)
        .collect();
    if !overdue.is_empty() {
        let first: Vec<String> = overdue
            .iter()
            .take(2)
            .map(|a| format!("{} ({})", a.action.what, ctx.member(a.action.owner_id)))
            .collect();
        let more = if overdue.len() > 2 {
            format!(" and {} more", overdue.len() - 2)
        } else {
            String::new()
        };
        lines.push(format!(
            "{} overdue action{}: {}{}",
            overdue.len(),
            if overdue.len() == 1 { "" } else { "s" },
            first.join("; "),
            more
        ));
    }
    for r in &v.account.renewals {
        let days = (r.renewal_on - v.today).num_days();
        if r.churned_on.is_none() && (0..=90).contains(&days) {
            lines.push(format!(
                "Renewal in {days} days ({}): {}, {}",
                super::long_date(r.renewal_on),
                r.description,
                ctx.compact(r.annual_value)
            ));
        }
    }
    if lines.is_empty() {
        return;
    }
    heading(doc, "Dates at risk", Style::H2, 30.0);
    for l in lines.iter().take(4) {
        bullet(doc, l, Style::BODY, 0.0, "•");
    }
}

/// The headline numbers as tiles, `per_row` to a row.
pub fn kpi_tiles(doc: &mut Doc, ctx: &Ctx, per_row: usize) {
    let t = &ctx.view.totals;
    let gap_color = if t.gap_to_goal.0 > 0 {
        palette::RED
    } else {
        palette::GREEN
    };
    let tiles: Vec<(&str, String, Color)> = vec![
        ("Total wallet", ctx.compact(t.total_wallet), palette::NAVY),
        ("Our revenue", ctx.compact(t.our_revenue), palette::NAVY),
        ("Wallet share", percent(t.wallet_share), palette::NAVY),
        ("Sales goal", ctx.compact(t.sales_goal), palette::NAVY),
        ("Forecast", ctx.compact(t.forecast.total), palette::NAVY),
        ("Gap to goal", ctx.compact(t.gap_to_goal), gap_color),
    ];
    let gap = 8.0;
    let tile_h = 44.0;
    let w = (doc.width() - gap * (per_row as f32 - 1.0)) / per_row as f32;
    for row in tiles.chunks(per_row) {
        doc.ensure(tile_h + gap);
        let y = doc.y;
        for (i, (label, value, color)) in row.iter().enumerate() {
            let x = doc.left() + i as f32 * (w + gap);
            doc.page().fill_rect(x, y, w, tile_h, palette::STRIPE);
            doc.page().fill_rect(x, y, 3.0, tile_h, *color);
            doc.text_in(x + 9.0, w - 14.0, y + 6.0, label, Style::LABEL, Align::Left);
            doc.text_in(
                x + 9.0,
                w - 14.0,
                y + 19.0,
                value,
                Style::new(14.0, true, *color),
                Align::Left,
            );
        }
        doc.y += tile_h + gap;
    }
}

/// Goal against the forecast for the period, the forecast stacked by its parts (recurring
/// base, won in the period, weighted pipeline in the period), the goal as a marker, and one
/// line that says how the forecast is made and what is left out of it.
pub fn goal_chart(doc: &mut Doc, ctx: &Ctx) {
    let t = &ctx.view.totals;
    let f = &t.forecast;
    let goal = ctx.units(t.sales_goal);
    let base = ctx.units(f.recurring_base).max(0.0);
    let won = ctx.units(f.won_in_period).max(0.0);
    let pipe = ctx.units(f.weighted_in_period).max(0.0);
    let next = ctx.units(f.next_period_weighted).max(0.0);
    let max = goal.max(base + won + pipe).max(next).max(1.0) * 1.08;
    let tick = |v: f64| {
        ctx.view
            .plan
            .currency
            .format_compact(planner_core::money::Money(
                (v * 10f64.powi(ctx.view.plan.currency.minor_digits() as i32)) as i64,
            ))
    };
    let gap_note = if t.gap_to_goal.0 > 0 {
        format!("gap {}", ctx.compact(t.gap_to_goal))
    } else {
        "goal covered".to_string()
    };
    let chart = BarChart {
        bars: vec![
            Bar {
                label: "Sales goal".into(),
                segments: vec![(goal, palette::NAVY)],
                note: ctx.compact(t.sales_goal),
            },
            Bar {
                label: "Forecast for the period".into(),
                segments: vec![
                    (base, palette::TEAL),
                    (won, palette::GREEN),
                    (pipe, palette::TEAL.tint(0.55)),
                ],
                note: gap_note,
            },
            Bar {
                label: "Next period (not counted)".into(),
                segments: vec![(next, palette::MUTED.tint(0.6))],
                note: ctx.compact(f.next_period_weighted),
            },
        ],
        max,
        tick: &tick,
        marker: Some(Marker {
            value: goal,
            label: "goal".into(),
            color: palette::NAVY,
        }),
        bar_height: 14.0,
        label_width: 130.0,
        note_width: 80.0,
        show_percent: false,
    };
    chart.draw(doc);
    legend(
        doc,
        &[
            swatch(palette::NAVY, "Sales goal"),
            swatch(palette::TEAL, "Recurring base"),
            swatch(palette::GREEN, "Won in period"),
            swatch(palette::TEAL.tint(0.55), "Weighted pipeline in period"),
            swatch(palette::MUTED.tint(0.6), "Next period (weighted)"),
        ],
    );
    paragraph(doc, &forecast_sentence(ctx), Style::SMALL, 0.0);
}

/// "Forecast 3.4M = recurring revenue base 3.2M + won in the period 240K + ...;
/// not counted: ...", from the core's labelled parts.
pub fn forecast_sentence(ctx: &Ctx) -> String {
    let parts = &ctx.view.forecast_parts;
    let label = |l: &str| l.to_lowercase();
    let counted: Vec<String> = parts
        .iter()
        .filter(|p| p.counted)
        .map(|p| format!("{} {}", label(&p.label), ctx.compact(p.amount)))
        .collect();
    let apart: Vec<String> = parts
        .iter()
        .filter(|p| !p.counted && p.amount.0 != 0)
        .map(|p| format!("{} {}", label(&p.label), ctx.compact(p.amount)))
        .collect();
    let mut s = format!(
        "Forecast {} = {}; gap to goal = goal {} - forecast = {}.",
        ctx.compact(ctx.view.totals.forecast.total),
        counted.join(" + "),
        ctx.compact(ctx.view.totals.sales_goal),
        ctx.compact(ctx.view.totals.gap_to_goal),
    );
    if !apart.is_empty() {
        s.push_str(&format!(" Shown apart: {}.", apart.join("; ")));
    }
    s
}

pub fn quadrant_cell(q: Quadrant, style: Style) -> Cell {
    match q {
        Quadrant::Pursue => Cell::styled("Pursue", style.bold().color(palette::GREEN)),
        Quadrant::DontForceFit => {
            Cell::styled("⚠ Don't force-fit", style.bold().color(palette::ORANGE))
        }
        Quadrant::Nurture => Cell::styled("Nurture", style.color(palette::BLUE)),
        Quadrant::Deprioritize => Cell::styled("Deprioritize", style.color(palette::MUTED)),
    }
}

/// The first `n` ranked plays as a compact table.
pub fn plays_table(ctx: &Ctx, n: usize) -> Table {
    let mut t = Table::new(vec![
        col("#", 0.3, Align::Right),
        col("Buying center", 2.0, Align::Left),
        col("Offering", 2.0, Align::Left),
        col("Score", 0.6, Align::Right),
        col("Quadrant", 1.5, Align::Left),
        col(&format!("Est. revenue ({})", ctx.code()), 1.3, Align::Right),
    ]);
    for (i, p) in ctx.view.plays.iter().take(n).enumerate() {
        t.push(vec![
            (i + 1).to_string().into(),
            p.buying_center.to_string().into(),
            p.offering.to_string().into(),
            p.mutual_value_score.to_string().into(),
            quadrant_cell(p.quadrant, t.style),
            ctx.amount(p.estimated_revenue).into(),
        ]);
    }
    t.max_lines = 2;
    t
}

/// Overall completeness and one bar per tier.
pub fn completeness_bars(doc: &mut Doc, ctx: &Ctx) {
    let c = &ctx.view.completeness;
    let row_h = 14.0;
    doc.ensure(row_h * (c.tiers.len() + 1) as f32 + 4.0);
    let label_w = 110.0;
    let bar_w = (doc.width() - label_w - 70.0).min(260.0);
    let mut rows: Vec<(String, f64, String)> = vec![(
        "Overall".into(),
        c.score,
        format!("{:.0}%", c.score * 100.0),
    )];
    for t in &c.tiers {
        rows.push((
            t.tier.label().to_string(),
            t.score,
            format!("{} of {}", t.done, t.total),
        ));
    }
    for (i, (label, score, note)) in rows.iter().enumerate() {
        let y = doc.y;
        let x = doc.left();
        let st = if i == 0 {
            Style::BODY.bold()
        } else {
            Style::BODY
        };
        doc.text_in(x, label_w - 6.0, y + 1.0, label, st, Align::Left);
        let color = if *score >= 0.999 {
            palette::GREEN
        } else if *score >= 0.6 {
            palette::AMBER
        } else {
            palette::RED
        };
        progress_bar(doc, x + label_w, y + 3.0, bar_w, 8.0, *score, color);
        doc.text_in(
            x + label_w + bar_w + 8.0,
            60.0,
            y + 1.0,
            note,
            Style::BODY,
            Align::Left,
        );
        doc.y += row_h;
    }
    doc.y += 4.0;
}
