//! White space: the heat map of buying centers x offerings and the ranked plays.
//!
//! Cells are coloured by mutual value and carry the status letter (and score), so the map
//! still reads in greyscale. A matrix wider than a page is split into column groups and a
//! long one into row groups; every page repeats the offering and buying-center headers.

use super::executive::quadrant_cell;
use super::{begin, Ctx};
use crate::charts::{heat_color, legend, swatch, LegendItem};
use crate::layout::{palette, Align, Dash, Doc, Style, MARGIN_X};
use crate::table::{col, Cell, Table};
use crate::text::{bullet, heading, paragraph, wrap_max};
use crate::Section;
use planner_core::model::{CellStatus, Id, Offering};
use planner_core::whitespace::{status_letter, CellView, PlayKind, Quadrant};
use std::collections::HashMap;

const ROW_HEAD_W: f32 = 118.0;
const MIN_COL_W: f32 = 38.0;
const ROW_H: f32 = 19.0;
const FAMILY_H: f32 = 12.0;

pub fn render(doc: &mut Doc, ctx: &Ctx) {
    let ws = &ctx.view.white_space;
    let (pw, _) = ctx.options.paper.size_pt();
    let portrait_cols = ((pw - 2.0 * MARGIN_X - ROW_HEAD_W) / MIN_COL_W).floor() as usize;
    let landscape = ws.columns.len() > portrait_cols;
    begin(doc, ctx, Section::WhiteSpace, landscape);
    if ws.columns.is_empty() || ws.rows.is_empty() {
        paragraph(
            doc,
            "No white-space matrix yet: add buying centers and offerings.",
            Style::BODY,
            0.0,
        );
    } else {
        paragraph(
            doc,
            "Each cell: status letter and mutual value score (value to us x value to the \
             customer, 1-25); darker green = higher mutual value.",
            Style::SMALL,
            0.0,
        );
        doc.gap(4.0);
        heat_map(doc, ctx);
        paragraph(doc, &letters_line(), Style::SMALL.color(palette::INK), 0.0);
        doc.gap(2.0);
        legend(doc, &heat_legend());
    }
    plays(doc, ctx);
}

/// The status letters, in words, for readers in greyscale.
fn letters_line() -> String {
    let parts: Vec<String> = [
        CellStatus::Installed,
        CellStatus::InPipeline,
        CellStatus::Open,
        CellStatus::Competitor,
        CellStatus::Blocked,
        CellStatus::NotApplicable,
    ]
    .iter()
    .map(|s| format!("{} = {}", status_letter(*s), s.label()))
    .collect();
    format!(
        "Status: {} (blocked cells are also struck through).",
        parts.join(" · ")
    )
}

fn heat_legend() -> Vec<LegendItem> {
    let mut items = vec![swatch(palette::WHITE, "not scored")];
    for score in [1u8, 4, 9, 16, 25] {
        items.push(swatch(
            heat_color(Some(score)),
            format!("mutual value {score}"),
        ));
    }
    items
}

fn heat_map(doc: &mut Doc, ctx: &Ctx) {
    let ws = &ctx.view.white_space;
    let cells: HashMap<(Id, Id), &CellView> = ws
        .cells
        .iter()
        .map(|c| ((c.cell.buying_center_id, c.cell.offering_id), c))
        .collect();
    let per_page = (((doc.width() - ROW_HEAD_W) / MIN_COL_W).floor() as usize).max(1);
    let groups = ws.columns.len().div_ceil(per_page);
    // Balance the groups: 60 columns at 16 a page print as 4 x 15, not 16+16+16+12.
    let per_group = ws.columns.len().div_ceil(groups);
    let col_groups: Vec<&[Offering]> = ws.columns.chunks(per_group).collect();
    let head_st = Style::new(6.5, true, palette::NAVY);
    let n_groups = col_groups.len();
    for (gi, cols) in col_groups.iter().enumerate() {
        let col_w = ((doc.width() - ROW_HEAD_W) / cols.len() as f32).min(70.0);
        let head_lines: Vec<Vec<String>> = cols
            .iter()
            .map(|o| wrap_max(doc.fonts, &o.name, head_st, col_w - 4.0, 3))
            .collect();
        let n_lines = head_lines.iter().map(|l| l.len()).max().unwrap_or(1);
        let head_h = FAMILY_H + n_lines as f32 * head_st.line_height() + 6.0;
        let draw_head = |doc: &mut Doc| {
            let y = doc.y;
            let x0 = doc.left() + ROW_HEAD_W;
            if n_groups > 1 {
                let label = format!("Offerings {} of {}", gi + 1, n_groups);
                let lx = doc.left();
                doc.text_in(
                    lx,
                    ROW_HEAD_W - 6.0,
                    y + 1.0,
                    &label,
                    Style::SMALL,
                    Align::Left,
                );
            }
            // Family bands over their columns.
            let mut i = 0;
            while i < cols.len() {
                let fam = &cols[i].family;
                let mut j = i;
                while j < cols.len() && cols[j].family == *fam {
                    j += 1;
                }
                let fx = x0 + i as f32 * col_w;
                let fw = (j - i) as f32 * col_w;
                doc.page()
                    .fill_rect(fx + 1.0, y, fw - 2.0, FAMILY_H - 2.0, palette::HEAD_FILL);
                doc.text_in(
                    fx + 2.0,
                    fw - 4.0,
                    y + 1.0,
                    fam,
                    Style::LABEL.size(6.5),
                    Align::Center,
                );
                i = j;
            }
            for (k, lines) in head_lines.iter().enumerate() {
                let cx = x0 + k as f32 * col_w;
                // Bottom-align names so they sit on the grid.
                let off = (n_lines - lines.len()) as f32 * head_st.line_height();
                for (n, l) in lines.iter().enumerate() {
                    let top = y + FAMILY_H + 2.0 + off + n as f32 * head_st.line_height();
                    doc.text_in(cx + 2.0, col_w - 4.0, top, l, head_st, Align::Center);
                }
            }
            doc.y += head_h;
        };
        doc.ensure(head_h + ROW_H * 3.0);
        draw_head(doc);
        for (ri, row) in ws.rows.iter().enumerate() {
            if doc.y + ROW_H > doc.bottom() - 24.0 {
                let landscape = doc.is_landscape();
                doc.new_page(landscape);
                draw_head(doc);
            }
            let y = doc.y;
            let x = doc.left();
            if ri % 2 == 1 {
                doc.page()
                    .fill_rect(x, y, ROW_HEAD_W, ROW_H, palette::STRIPE);
            }
            doc.text_in(
                x + 2.0,
                ROW_HEAD_W - 8.0,
                y + (ROW_H - Style::BODY.size(7.5).line_height()) / 2.0,
                ctx.bc(*row),
                Style::BODY.size(7.5),
                Align::Left,
            );
            for (k, o) in cols.iter().enumerate() {
                let cx = x + ROW_HEAD_W + k as f32 * col_w;
                draw_cell(doc, cells.get(&(*row, o.id)).copied(), cx, y, col_w);
            }
            doc.y += ROW_H;
        }
        doc.y += 6.0;
        if gi + 1 < n_groups {
            let landscape = doc.is_landscape();
            doc.new_page(landscape);
        }
    }
}

fn draw_cell(doc: &mut Doc, cell: Option<&CellView>, x: f32, y: f32, w: f32) {
    let (fill, text) = match cell {
        None => (palette::WHITE, String::new()),
        Some(c) if c.status == CellStatus::NotApplicable => {
            (palette::STRIPE, status_letter(c.status).to_string())
        }
        // Blocked is not a play, whatever it scores: no heat colour, so it never reads as
        // the best cell of the map; its score stays written beside the letter.
        Some(c) if c.status == CellStatus::Blocked => (
            palette::STRIPE,
            format!(
                "{}{}",
                status_letter(c.status),
                c.mutual_value_score
                    .map(|s| format!(" {s}"))
                    .unwrap_or_default()
            ),
        ),
        Some(c) => {
            let score = c
                .mutual_value_score
                .map(|s| format!(" {s}"))
                .unwrap_or_default();
            (
                heat_color(c.mutual_value_score),
                format!("{}{}", status_letter(c.status), score),
            )
        }
    };
    doc.page().fill_rect(x, y, w, ROW_H, fill);
    doc.page().stroke_rect(x, y, w, ROW_H, palette::WHITE, 1.0);
    if matches!(cell, Some(c) if c.status == CellStatus::Blocked) {
        // Blocked: a diagonal stroke as well as the letter.
        doc.page().line(
            &[(x + 2.0, y + ROW_H - 2.0), (x + w - 2.0, y + 2.0)],
            palette::INK,
            0.8,
            Dash::Solid,
        );
    }
    if !text.is_empty() {
        let st = Style::new(
            7.0,
            true,
            if fill.luminance() < 0.5 {
                palette::WHITE
            } else {
                palette::INK
            },
        );
        let top = y + (ROW_H - st.line_height()) / 2.0;
        doc.text_in(x + 1.0, w - 2.0, top, &text, st, Align::Center);
    }
}

fn plays(doc: &mut Doc, ctx: &Ctx) {
    let v = ctx.view;
    let mut t = Table::new(vec![
        col("#", 0.35, Align::Right),
        col("Buying center", 2.0, Align::Left),
        col("Offering", 1.8, Align::Left),
        col("Status", 1.0, Align::Left),
        col("To us", 0.55, Align::Right),
        col("To customer", 0.75, Align::Right),
        col("Score", 0.55, Align::Right),
        col("Quadrant", 1.5, Align::Left),
        col("Play", 0.9, Align::Left),
        col(&format!("Est. revenue ({})", ctx.code()), 1.2, Align::Right),
        col("Open opportunity", 1.2, Align::Right),
    ]);
    t.style = Style::BODY.size(7.5);
    for (i, p) in v.plays.iter().enumerate() {
        // What an open opportunity quotes now, beside the AM's estimate of the whole play.
        let quoted = if p.open_opportunity_amount.0 > 0 {
            ctx.amount(p.open_opportunity_amount)
        } else {
            "—".to_string()
        };
        t.push(vec![
            (i + 1).to_string().into(),
            p.buying_center.to_string().into(),
            p.offering.to_string().into(),
            p.status.label().into(),
            p.value_to_us.to_string().into(),
            p.value_to_customer.to_string().into(),
            Cell::styled(p.mutual_value_score.to_string(), t.style.bold()),
            quadrant_cell(p.quadrant, t.style),
            match p.kind {
                PlayKind::CrossSell => "Cross-sell",
                PlayKind::UpSell => "Up-sell",
            }
            .into(),
            ctx.amount(p.estimated_revenue).into(),
            quoted.into(),
        ]);
    }
    // The ranked plays start on their own page when the heat map left little room.
    if doc.remaining() < doc.full_height() * 0.3 {
        let landscape = doc.is_landscape();
        doc.new_page(landscape);
    }
    heading(
        doc,
        "Ranked plays",
        Style::H2,
        t.first_block_height(doc) + 14.0,
    );
    paragraph(
        doc,
        "Open, competitor and in-pipeline cells, ranked by mutual value score, then estimated \
         revenue. Cross-sell: the offering is already installed in another buying center; \
         up-sell: another offering to the same buying center. Open opportunity: the amount \
         its open opportunities quote now, beside the estimate of the whole play.",
        Style::SMALL,
        0.0,
    );
    doc.gap(3.0);
    if v.plays.is_empty() {
        paragraph(doc, "No scored plays yet.", Style::BODY, 0.0);
    } else {
        t.draw(doc);
    }
    let force_fit = v
        .plays
        .iter()
        .filter(|p| p.quadrant == Quadrant::DontForceFit)
        .count();
    if force_fit > 0 {
        let text = format!(
            "Don't force-fit ({force_fit}): high value to us but not to the customer. Do not \
             push these: explain the customer's value first, or look for another way in."
        );
        bullet(
            doc,
            &text,
            Style::BODY.color(palette::ORANGE).bold(),
            0.0,
            "⚠",
        );
    }
    let blocked: Vec<&CellView> = v
        .white_space
        .cells
        .iter()
        .filter(|c| c.status == CellStatus::Blocked)
        .collect();
    if !blocked.is_empty() {
        heading(doc, "Blocked cells", Style::H3, 20.0);
        for c in blocked {
            let why = if c.cell.blocked_reason.trim().is_empty() {
                "no reason recorded"
            } else {
                c.cell.blocked_reason.as_str()
            };
            let text = format!(
                "{} x {}: {}",
                ctx.bc(c.cell.buying_center_id),
                ctx.offering(c.cell.offering_id),
                why
            );
            bullet(doc, &text, Style::BODY, 0.0, "•");
        }
    }
}
