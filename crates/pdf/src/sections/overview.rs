//! Account overview: who the customer is, what it is trying to do and who on our side works
//! on it.

use super::{begin, long_date, Ctx};
use crate::layout::{palette, Align, Doc, Style};
use crate::table::{col, Cell, Table};
use crate::text::{bullet, heading, labelled, paragraph};
use crate::Section;

pub fn render(doc: &mut Doc, ctx: &Ctx) {
    let a = &ctx.view.account;
    begin(doc, ctx, Section::Overview, false);
    facts(doc, ctx);

    heading(doc, "Business strategy", Style::H2, 30.0);
    paragraph(doc, or_dash(&a.strategy), Style::BODY, 0.0);
    doc.gap(4.0);
    labelled(
        doc,
        "Success metric:",
        or_dash(&a.success_metric),
        Style::BODY,
    );
    labelled(doc, "Growth trend:", a.growth_trend.label(), Style::BODY);

    heading(doc, "Key initiatives", Style::H2, 40.0);
    if a.initiatives.is_empty() {
        paragraph(doc, "No customer initiatives recorded.", Style::BODY, 0.0);
    }
    for i in &a.initiatives {
        heading(doc, &i.name, Style::H3, 24.0);
        if !i.description.trim().is_empty() {
            paragraph(doc, &i.description, Style::BODY, 0.0);
        }
        if !i.success_factors.is_empty() {
            let st = Style::BODY.color(palette::MUTED);
            paragraph(doc, "Critical success factors:", st, 0.0);
            for f in &i.success_factors {
                bullet(doc, f, Style::BODY, 6.0, "✓");
            }
        }
        doc.gap(3.0);
    }

    if !a.buying_triggers.is_empty() {
        let mut t = Table::new(vec![
            col("Date", 1.0, Align::Left),
            col("Trigger", 1.3, Align::Left),
            col("What happened", 4.0, Align::Left),
        ]);
        let mut triggers: Vec<_> = a.buying_triggers.iter().collect();
        triggers.sort_by_key(|t| t.date);
        for tr in triggers {
            let upcoming = tr.date > ctx.view.today;
            let date = if upcoming {
                Cell::styled(
                    format!("{} (ahead)", long_date(tr.date)),
                    t.style.bold().color(palette::BLUE),
                )
            } else {
                long_date(tr.date).into()
            };
            t.push(vec![
                date,
                tr.kind.label().into(),
                tr.description.as_str().into(),
            ]);
        }
        heading(doc, "Buying triggers", Style::H2, t.first_block_height(doc));
        t.draw(doc);
    }

    let mut team = Table::new(vec![
        col("Name", 2.0, Align::Left),
        col("Role", 2.0, Align::Left),
        col("Contacts owned", 1.0, Align::Right),
    ]);
    for m in &a.team {
        let owned = ctx
            .view
            .contacts
            .iter()
            .filter(|c| c.owner().is_some_and(|r| r.team_member_id == m.id))
            .count();
        team.push(vec![
            m.name.as_str().into(),
            m.role.label().into(),
            owned.to_string().into(),
        ]);
    }
    heading(doc, "Account team", Style::H2, team.first_block_height(doc));
    if a.team.is_empty() {
        paragraph(doc, "No account team recorded.", Style::BODY, 0.0);
    } else {
        team.draw(doc);
    }

    if !a.interactions.is_empty() {
        let mut t = Table::new(vec![
            col("Date", 1.0, Align::Left),
            col("Kind", 0.8, Align::Left),
            col("Summary", 4.5, Align::Left),
            col("Who", 1.3, Align::Left),
        ]);
        let mut list: Vec<_> = a.interactions.iter().collect();
        list.sort_by_key(|x| std::cmp::Reverse(x.date));
        for i in list.iter().take(8) {
            t.push(vec![
                long_date(i.date).into(),
                i.kind.label().into(),
                i.summary.as_str().into(),
                ctx.member(i.team_member_id).into(),
            ]);
        }
        heading(
            doc,
            "Recent engagement",
            Style::H2,
            t.first_block_height(doc),
        );
        t.draw(doc);
        if list.len() > 8 {
            let more = format!("and {} earlier interactions", list.len() - 8);
            paragraph(doc, &more, Style::SMALL, 0.0);
        }
    }

    if !a.renewals.is_empty() {
        let mut t = Table::new(vec![
            col("Contract", 3.0, Align::Left),
            col(&format!("Annual value ({})", ctx.code()), 1.3, Align::Right),
            col("Renewal", 1.2, Align::Left),
            col("Status", 1.0, Align::Left),
        ]);
        for r in &a.renewals {
            let status = match r.churned_on {
                Some(d) => Cell::styled(
                    format!("Churned {}", long_date(d)),
                    t.style.color(palette::RED),
                ),
                None if (r.renewal_on - ctx.view.today).num_days() <= 90 => {
                    Cell::styled("Due within 90 days", t.style.bold().color(palette::ORANGE))
                }
                None => "Upcoming".into(),
            };
            t.push(vec![
                r.description.as_str().into(),
                ctx.amount(r.annual_value).into(),
                long_date(r.renewal_on).into(),
                status,
            ]);
        }
        heading(doc, "Renewals", Style::H2, t.first_block_height(doc));
        t.draw(doc);
    }
}

fn or_dash(s: &str) -> &str {
    if s.trim().is_empty() {
        "—"
    } else {
        s
    }
}

/// The account's facts as a two-column grid of label and value.
fn facts(doc: &mut Doc, ctx: &Ctx) {
    let a = &ctx.view.account;
    let rows: Vec<(&str, String)> = vec![
        ("Industry", or_dash(&a.industry).to_string()),
        ("Region", or_dash(&a.region).to_string()),
        (
            "Annual revenue",
            a.annual_revenue
                .map(|m| ctx.compact(m))
                .unwrap_or_else(|| "—".into()),
        ),
        (
            "Employees",
            a.employees
                .map(|e| super::grouped(e as i128))
                .unwrap_or_else(|| "—".into()),
        ),
        ("Life stage", a.life_stage.label().to_string()),
        (
            "Segment",
            format!(
                "{} — {}",
                ctx.view.tier.label(),
                ctx.view.segmentation.tier_reason
            ),
        ),
        ("Fiscal year ends", month_name(a.fiscal_year_end_month)),
        ("Website", or_dash(&a.website).to_string()),
    ];
    let col_w = doc.width() / 2.0;
    let label_w = 78.0;
    let st = Style::BODY;
    for pair in rows.chunks(2) {
        let lines: Vec<Vec<String>> = pair
            .iter()
            .map(|(_, v)| crate::text::wrap_max(doc.fonts, v, st, col_w - label_w - 10.0, 2))
            .collect();
        let n = lines.iter().map(|l| l.len()).max().unwrap_or(1);
        let h = n as f32 * st.line_height() + 3.0;
        doc.ensure(h);
        let y = doc.y;
        for (i, ((label, _), lines)) in pair.iter().zip(&lines).enumerate() {
            let x = doc.left() + i as f32 * col_w;
            doc.text_in(x, label_w, y + 1.0, label, Style::LABEL, Align::Left);
            for (k, l) in lines.iter().enumerate() {
                let top = y + k as f32 * st.line_height();
                doc.text(x + label_w, st.baseline(top), l, st);
            }
        }
        doc.y += h;
    }
    doc.gap(4.0);
}

fn month_name(m: u8) -> String {
    chrono::NaiveDate::from_ymd_opt(2000, m.clamp(1, 12) as u32, 1)
        .map(|d| d.format("%B").to_string())
        .unwrap_or_default()
}
