//! ABM campaigns aimed at this account: a month timeline, then the details and outcomes.

use super::{begin, long_date, Ctx};
use crate::charts::{legend, swatch, timeline, Span};
use crate::layout::{palette, Align, Color, Doc, Style};
use crate::table::{col, Table};
use crate::text::{heading, paragraph};
use crate::Section;
use planner_core::model::{Campaign, CampaignStatus, CampaignTarget};
use planner_core::money::Money;

fn status_color(s: CampaignStatus) -> Color {
    match s {
        CampaignStatus::Planned => palette::BLUE.tint(0.55),
        CampaignStatus::Active => palette::TEAL,
        CampaignStatus::Done => palette::GREY,
    }
}

pub fn render(doc: &mut Doc, ctx: &Ctx) {
    begin(doc, ctx, Section::Campaigns, false);
    let v = ctx.view;
    let ours: Vec<(&Campaign, Option<&CampaignTarget>)> = v
        .campaigns
        .iter()
        .map(|c| (c, c.targets.iter().find(|t| t.account_id == v.account.id)))
        .collect();
    if ours.is_empty() {
        paragraph(doc, "No campaigns aimed at this account.", Style::BODY, 0.0);
        return;
    }
    let mut sorted = ours.clone();
    sorted.sort_by_key(|(c, _)| (c.starts_on, c.ends_on));
    let from = sorted
        .iter()
        .map(|(c, _)| c.starts_on)
        .min()
        .unwrap_or(v.plan.starts_on)
        .min(v.plan.starts_on);
    let to = sorted
        .iter()
        .map(|(c, _)| c.ends_on)
        .max()
        .unwrap_or(v.plan.ends_on)
        .max(v.plan.ends_on);
    let spans: Vec<Span> = sorted
        .iter()
        .map(|(c, _)| Span {
            label: c.name.clone(),
            start: c.starts_on,
            end: c.ends_on,
            color: status_color(c.status),
            text: c.kind.label().to_string(),
        })
        .collect();
    heading(doc, "Timeline", Style::H2, 70.0);
    timeline(doc, from, to, v.today, &spans);
    legend(
        doc,
        &[
            swatch(status_color(CampaignStatus::Planned), "Planned"),
            swatch(status_color(CampaignStatus::Active), "Active"),
            swatch(status_color(CampaignStatus::Done), "Done"),
        ],
    );

    let mut t = Table::new(vec![
        col("Campaign", 2.2, Align::Left),
        col("Type", 1.2, Align::Left),
        col("Status", 0.8, Align::Left),
        col("Dates", 1.6, Align::Left),
        col(&format!("Budget ({})", ctx.code()), 1.0, Align::Right),
        col("Targets", 1.8, Align::Left),
        col("Engaged", 0.8, Align::Right),
        col("Meetings", 0.8, Align::Right),
        col(
            &format!("Influenced pipeline ({})", ctx.code()),
            1.3,
            Align::Right,
        ),
    ]);
    t.style = Style::BODY.size(7.5);
    for (c, target) in &sorted {
        let (targets, engaged, meetings, influenced) = match target {
            Some(tg) => {
                let names: Vec<&str> = tg.buying_center_ids.iter().map(|b| ctx.bc(*b)).collect();
                let influenced: Money = v
                    .opportunities
                    .iter()
                    .filter(|o| tg.opportunity_ids.contains(&o.id))
                    .map(|o| o.amount)
                    .sum();
                (
                    names.join(", "),
                    format!(
                        "{} of {}",
                        tg.engaged_contact_ids.len(),
                        tg.contact_ids.len()
                    ),
                    tg.meetings.to_string(),
                    ctx.amount(influenced),
                )
            }
            None => ("—".into(), "—".into(), "—".into(), "—".into()),
        };
        t.push(vec![
            c.name.as_str().into(),
            c.kind.label().into(),
            c.status.label().into(),
            format!("{} – {}", long_date(c.starts_on), long_date(c.ends_on)).into(),
            ctx.amount(c.budget).into(),
            targets.into(),
            engaged.into(),
            meetings.into(),
            influenced.into(),
        ]);
    }
    heading(
        doc,
        "Campaign details",
        Style::H2,
        t.first_block_height(doc),
    );
    t.draw(doc);
}
