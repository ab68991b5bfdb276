//! Competitors: where each is present, what it does well and badly, and how we counter it.

use super::{begin, Ctx};
use crate::layout::{Align, Doc, Style};
use crate::table::{col, Table};
use crate::text::paragraph;
use crate::Section;

pub fn render(doc: &mut Doc, ctx: &Ctx) {
    begin(doc, ctx, Section::Competitors, false);
    let v = ctx.view;
    if v.account.competitors.is_empty() {
        paragraph(doc, "No competitors recorded.", Style::BODY, 0.0);
        return;
    }
    let mut t = Table::new(vec![
        col("Competitor", 1.3, Align::Left),
        col("Present in (share of wallet)", 1.8, Align::Left),
        col("Strengths", 1.8, Align::Left),
        col("Weaknesses", 1.8, Align::Left),
        col("Our counter-strategy", 2.2, Align::Left),
    ]);
    for c in &v.account.competitors {
        let present: Vec<String> = v
            .buying_centers
            .iter()
            .filter_map(|b| {
                b.buying_center
                    .competitors
                    .iter()
                    .find(|s| s.competitor_id == c.id)
                    .map(|s| format!("{} ({}%)", b.buying_center.name, s.share_pct))
            })
            .collect();
        t.push(vec![
            t_bold(&c.name, t.style),
            if present.is_empty() {
                "—".to_string().into()
            } else {
                present.join(", ").into()
            },
            c.strengths.as_str().into(),
            c.weaknesses.as_str().into(),
            c.counter_strategy.as_str().into(),
        ]);
    }
    t.draw(doc);
}

fn t_bold(s: &str, st: Style) -> crate::table::Cell {
    crate::table::Cell::styled(s, st.bold())
}
