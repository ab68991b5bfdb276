//! Plan completeness against the ABM research framework: the score, each tier, and a
//! checklist that says what is missing where.

use super::{begin, executive::completeness_bars, Ctx};
use crate::layout::{palette, Doc, Style};
use crate::text::{heading, wrap};
use crate::Section;

pub fn render(doc: &mut Doc, ctx: &Ctx) {
    begin(doc, ctx, Section::Completeness, false);
    let c = &ctx.view.completeness;
    completeness_bars(doc, ctx);
    for tier in &c.tiers {
        let items: Vec<_> = c.items.iter().filter(|i| i.tier == tier.tier).collect();
        heading(doc, tier.tier.label(), Style::H2, 30.0);
        for item in items {
            let (mark, color) = if item.done {
                ("✓", palette::GREEN)
            } else {
                ("✗", palette::RED)
            };
            let st = Style::BODY;
            let text = if item.done || item.missing.is_empty() {
                item.label.clone()
            } else {
                format!("{} — missing: {}", item.label, item.missing)
            };
            let lines = wrap(doc.fonts, &text, st, doc.width() - 16.0);
            doc.ensure(lines.len() as f32 * st.line_height() + 2.0);
            for (i, l) in lines.iter().enumerate() {
                let y = doc.y;
                let x = doc.left();
                if i == 0 {
                    doc.text(x, st.baseline(y), mark, st.bold().color(color));
                }
                let line_st = if item.done {
                    st
                } else {
                    st.color(palette::INK)
                };
                doc.text(x + 16.0, st.baseline(y), l, line_st);
                doc.y += st.line_height();
            }
            doc.y += 2.0;
        }
    }
}
