//! Opportunities: open ones first, by close date, then won and lost; totals of the open
//! pipeline, raw and weighted.

use super::{begin, opt_date, Ctx};
use crate::layout::{palette, Align, Doc, Style};
use crate::table::{col, Cell, Row, Table};
use crate::text::paragraph;
use crate::Section;
use planner_core::model::{Opportunity, OpportunityStatus};
use planner_core::money::Money;

pub fn render(doc: &mut Doc, ctx: &Ctx) {
    begin(doc, ctx, Section::Opportunities, false);
    let v = ctx.view;
    if v.opportunities.is_empty() {
        paragraph(doc, "No opportunities recorded.", Style::BODY, 0.0);
        return;
    }
    let t = &v.totals;
    let intro = format!(
        "Open pipeline {} (weighted {}) · won {} · lost {}. Amounts in {}.",
        ctx.compact(t.open_pipeline),
        ctx.compact(t.weighted_pipeline),
        ctx.compact(t.won),
        ctx.compact(t.lost),
        ctx.code()
    );
    paragraph(doc, &intro, Style::SMALL, 0.0);
    doc.gap(4.0);
    let order = |o: &Opportunity| match o.status {
        OpportunityStatus::Open => 0,
        OpportunityStatus::Won => 1,
        OpportunityStatus::Lost => 2,
    };
    let mut list: Vec<&Opportunity> = v.opportunities.iter().collect();
    list.sort_by(|a, b| (order(a), a.close_on, &a.name).cmp(&(order(b), b.close_on, &b.name)));
    let mut table = Table::new(vec![
        col("Opportunity", 2.6, Align::Left),
        col("Buying center", 1.8, Align::Left),
        col("Offering", 1.5, Align::Left),
        col("Stage", 0.9, Align::Left),
        col("Prob.", 0.6, Align::Right),
        col("Amount", 1.2, Align::Right),
        col("Weighted", 1.2, Align::Right),
        col("Close", 1.1, Align::Left),
        col("Status", 0.7, Align::Left),
    ]);
    table.style = Style::BODY.size(7.5);
    let base = table.style;
    for o in &list {
        let open = o.status == OpportunityStatus::Open;
        let weighted = if open {
            ctx.amount(o.amount.weighted(o.probability_pct))
        } else {
            "—".into()
        };
        let status = match o.status {
            OpportunityStatus::Open => Cell::styled("Open", base.bold()),
            OpportunityStatus::Won => Cell::styled("Won", base.bold().color(palette::GREEN)),
            OpportunityStatus::Lost => Cell::styled("Lost", base.color(palette::MUTED)),
        };
        let close = match o.close_on {
            Some(d) if open && d < v.today => Cell::styled(
                format!("{} (past)", opt_date(Some(d))),
                base.bold().color(palette::RED),
            ),
            d => opt_date(d).into(),
        };
        table.push(vec![
            o.name.as_str().into(),
            ctx.bc(o.buying_center_id).into(),
            o.offering_id.map(|i| ctx.offering(i)).unwrap_or("—").into(),
            o.stage.label().into(),
            format!("{}%", o.probability_pct).into(),
            ctx.amount(o.amount).into(),
            weighted.into(),
            close,
            status,
        ]);
    }
    let open_total: Money = t.open_pipeline;
    table.rows.push(Row::total(vec![
        "Open pipeline".into(),
        "".into(),
        "".into(),
        "".into(),
        "".into(),
        ctx.amount(open_total).into(),
        ctx.amount(t.weighted_pipeline).into(),
        "".into(),
        "".into(),
    ]));
    table.draw(doc);
}
