//! "Since last QBR": the plan now against its latest snapshot. Figures by buying center in a
//! table, then each kind of change as a list; every move has an arrow and words, its colour
//! only repeats what the words say.

use super::{begin, percent, Ctx};
use crate::layout::{palette, Align, Color, Doc, Style};
use crate::table::{col, Cell, Row, Table};
use crate::text::{bullet, heading, paragraph};
use crate::Section;
use planner_core::compare::{Arrow, Change, MoneyMove, PlanComparison, ShareMove, Tone};

pub fn render(doc: &mut Doc, ctx: &Ctx) {
    begin(doc, ctx, Section::SinceLastQbr, false);
    let Some(c) = ctx.since_last_qbr else {
        paragraph(
            doc,
            "There is no earlier snapshot of this plan to compare with. Take one at the QBR \
             (Snapshots, in the plan's sidebar) and this page will show what changed since.",
            Style::BODY,
            0.0,
        );
        return;
    };
    paragraph(doc, &intro(c), Style::BODY, 0.0);
    doc.gap(6.0);
    heading(
        doc,
        "Wallet share, forecast and gap by buying center",
        Style::H2,
        40.0,
    );
    figures_table(doc, ctx, c);
    for (title, list) in lists(c) {
        heading(doc, title, Style::H2, 14.0);
        if list.is_empty() {
            paragraph(doc, "No change", Style::SMALL, 0.0);
        }
        for ch in list {
            bullet(doc, &line(ch), tone_style(ch.tone), 0.0, marker(ch.arrow));
        }
    }
}

/// `Compared with “QBR Q3” (taken 1 Sep 2026) to now: 5 changes.`
pub fn intro(c: &PlanComparison) -> String {
    let to = if c.to.snapshot_id.is_none() {
        "now".to_string()
    } else {
        format!("“{}” ({})", c.to.label, super::long_date(c.to.on))
    };
    let n = c.change_count;
    format!(
        "Compared with “{}” (taken {}) to {}: {} {}.",
        c.from.label,
        super::long_date(c.from.on),
        to,
        n,
        if n == 1 { "change" } else { "changes" }
    )
}

pub fn lists(c: &PlanComparison) -> [(&'static str, &[Change]); 6] {
    [
        ("People", &c.people),
        ("Coverage gaps", &c.coverage_gaps),
        ("White space", &c.white_space),
        ("Opportunities", &c.opportunities),
        ("Actions", &c.actions),
        ("Campaigns", &c.campaigns),
    ]
}

pub fn line(ch: &Change) -> String {
    format!("{}: {}", ch.subject, ch.words)
}

pub fn marker(a: Arrow) -> &'static str {
    match a {
        Arrow::Up => "▲",
        Arrow::Down => "▼",
        Arrow::Same => "•",
        Arrow::New => "+",
        Arrow::Gone => "−",
    }
}

pub fn tone_color(t: Tone) -> Color {
    match t {
        Tone::Good => palette::GREEN,
        Tone::Bad => palette::RED,
        Tone::Neutral => palette::INK,
    }
}

fn tone_style(t: Tone) -> Style {
    Style::BODY.color(tone_color(t))
}

fn share_cell(m: &ShareMove) -> Cell {
    Cell::styled(
        format!(
            "{} → {}  {} {}",
            percent(m.before),
            percent(m.after),
            marker(m.arrow),
            m.words
        ),
        tone_style(m.tone),
    )
}

fn money_cell(ctx: &Ctx, m: &MoneyMove) -> Cell {
    Cell::styled(
        format!(
            "{} → {}  {} {}",
            ctx.compact(m.before),
            ctx.compact(m.after),
            marker(m.arrow),
            m.words
        ),
        tone_style(m.tone),
    )
}

fn figures_table(doc: &mut Doc, ctx: &Ctx, c: &PlanComparison) {
    let mut t = Table::new(vec![
        col("Buying center", 1.4, Align::Left),
        col("Wallet share", 1.6, Align::Left),
        col("Forecast", 2.0, Align::Left),
        col("Gap to goal", 2.0, Align::Left),
    ]);
    for b in &c.buying_centers {
        let name = match b.presence {
            Arrow::New => format!("{} (added)", b.name),
            Arrow::Gone => format!("{} (removed)", b.name),
            _ => b.name.clone(),
        };
        t.push(vec![
            name.into(),
            share_cell(&b.figures.wallet_share),
            money_cell(ctx, &b.figures.forecast),
            money_cell(ctx, &b.figures.gap_to_goal),
        ]);
    }
    t.rows.push(Row::total(vec![
        Cell::styled("Account", Style::BODY.bold()),
        share_cell(&c.account.wallet_share),
        money_cell(ctx, &c.account.forecast),
        money_cell(ctx, &c.account.gap_to_goal),
    ]));
    t.draw(doc);
}
