//! The one-page summary: key numbers, goal chart, top plays, top coverage gaps and next
//! actions, always exactly one page. Fixed-size blocks come first; the three lists then
//! share the remaining lines, each item on one line (cut with an ellipsis), and a list that
//! does not fit ends with "and N more". Nothing here may start a new page.

use super::executive::{goal_chart, health_color, kpi_tiles};
use super::{long_date, opt_date, Ctx};
use crate::layout::{palette, Align, Doc, Style};
use crate::text::{ellipsize, wrap_max};
use planner_core::model::ActionStatus;
use planner_core::whitespace::Quadrant;

struct Item {
    text: String,
    /// Right-aligned detail (a date, an owner).
    right: String,
    style: Style,
}

struct List {
    title: &'static str,
    items: Vec<Item>,
    empty: &'static str,
}

const ITEM: Style = Style::new(8.0, false, palette::INK);
const LIST_HEAD: Style = Style::H3;
/// Space a list heading takes, with the gap above it.
fn head_height() -> f32 {
    LIST_HEAD.line_height() + 10.0
}

pub fn render(doc: &mut Doc, ctx: &Ctx) {
    let v = ctx.view;
    doc.new_page(false);
    let (x, w) = (doc.left(), doc.width());
    let y = doc.y;
    doc.text_in(x, w, y, &v.account.name, Style::H1, Align::Left);
    doc.y += Style::H1.line_height();
    let sub = format!(
        "{} one-page summary · owner {} · as of {}",
        v.plan.period,
        if v.account.owner.is_empty() {
            "—"
        } else {
            &v.account.owner
        },
        long_date(v.today)
    );
    let y = doc.y;
    doc.text_in(x, w, y, &sub, Style::SMALL, Align::Left);
    doc.y += Style::SMALL.line_height() + 2.0;
    health_lines(doc, ctx);
    story(doc, ctx);
    kpi_tiles(doc, ctx, 3);
    goal_chart(doc, ctx);
    since_last_qbr(doc, ctx);

    let lists = lists(ctx);
    let lh = ITEM.line_height() + 1.0;
    let room = doc.bottom() - doc.y - head_height() * lists.len() as f32;
    let lines = (room / lh).floor().max(0.0) as usize;
    let give = share_lines(
        &lists
            .iter()
            .map(|l| l.items.len().max(1))
            .collect::<Vec<_>>(),
        lines,
    );
    for (list, n) in lists.iter().zip(give) {
        draw_list(doc, list, n, lh);
    }
    debug_assert_eq!(doc.page_count(), 1, "the summary must stay on one page");
}

/// Two lines of plan health: status with the core's headline, then what to fix first (cut to
/// one line). Fixed height, so the lists below still share what is left of the page.
fn health_lines(doc: &mut Doc, ctx: &Ctx) {
    let health = &ctx.view.health;
    let (x, w) = (doc.left(), doc.width());
    let status = Style::new(9.0, true, health_color(health.status));
    let y = doc.y;
    let line = format!("Health: {} · {}", health.status.label(), health.headline);
    doc.text_in(
        x,
        w,
        y,
        &ellipsize(doc.fonts, &line, status, w),
        status,
        Align::Left,
    );
    doc.y += status.line_height();
    if !health.fix_first.is_empty() {
        let first: Vec<&str> = health
            .fix_first
            .iter()
            .map(|r| r.message.as_str())
            .collect();
        let line = format!("Fix first: {}", first.join("; "));
        let y = doc.y;
        doc.text_in(
            x,
            w,
            y,
            &ellipsize(doc.fonts, &line, ITEM, w),
            ITEM,
            Align::Left,
        );
        doc.y += ITEM.line_height();
    }
    doc.y += 6.0;
}

/// The plan's story, shortened to fit a fixed few lines: the executive summary in at most
/// two lines, wins and asks in one each (the full text is on the executive summary page).
fn story(doc: &mut Doc, ctx: &Ctx) {
    let plan = &ctx.view.plan;
    let (x, w) = (doc.left(), doc.width());
    let lh = ITEM.line_height() + 1.0;
    let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    if !plan.executive_summary.is_empty() {
        for line in wrap_max(doc.fonts, &flat(&plan.executive_summary), ITEM, w, 2) {
            let y = doc.y;
            doc.text(x, ITEM.baseline(y), &line, ITEM);
            doc.y += lh;
        }
    }
    for (label, text) in [("Wins: ", &plan.wins), ("Asks: ", &plan.asks)] {
        if text.is_empty() {
            continue;
        }
        let lw = doc.measure(label, ITEM.bold());
        let y = doc.y;
        doc.text(x, ITEM.baseline(y), label, ITEM.bold());
        let rest = ellipsize(doc.fonts, &flat(text), ITEM, w - lw);
        doc.text(x + lw, ITEM.baseline(y), &rest, ITEM);
        doc.y += lh;
    }
    if !(plan.executive_summary.is_empty() && plan.wins.is_empty() && plan.asks.is_empty()) {
        doc.y += 6.0;
    }
}

/// Share `lines` between lists wanting `want[i]` lines: round-robin, one at a time, so a
/// long list cannot starve the others.
fn share_lines(want: &[usize], lines: usize) -> Vec<usize> {
    let mut give = vec![0; want.len()];
    let mut left = lines;
    loop {
        let mut progressed = false;
        for (g, w) in give.iter_mut().zip(want) {
            if left > 0 && *g < *w {
                *g += 1;
                left -= 1;
                progressed = true;
            }
        }
        if !progressed {
            return give;
        }
    }
}

fn draw_list(doc: &mut Doc, list: &List, lines: usize, lh: f32) {
    let (x, w) = (doc.left(), doc.width());
    doc.y += 6.0;
    let y = doc.y;
    doc.text_in(x, w, y, list.title, LIST_HEAD, Align::Left);
    doc.y += LIST_HEAD.line_height() + 4.0;
    if lines == 0 {
        return;
    }
    if list.items.is_empty() {
        let y = doc.y;
        doc.text_in(x, w, y, list.empty, Style::SMALL, Align::Left);
        doc.y += lh;
        return;
    }
    // When everything does not fit, the last line says how many are left out.
    let shown = if list.items.len() > lines {
        lines - 1
    } else {
        list.items.len()
    };
    for item in &list.items[..shown] {
        let y = doc.y;
        let rw = doc
            .measure(&item.right, ITEM.color(palette::MUTED))
            .min(w * 0.4);
        doc.text(x, ITEM.baseline(y), "•", item.style);
        let text = ellipsize(doc.fonts, &item.text, item.style, w - rw - 20.0);
        doc.text(x + 9.0, item.style.baseline(y), &text, item.style);
        doc.text_in(
            x + w - rw,
            rw,
            y,
            &item.right,
            ITEM.color(palette::MUTED),
            Align::Right,
        );
        doc.y += lh;
    }
    if shown < list.items.len() {
        let more = format!("and {} more", list.items.len() - shown);
        let y = doc.y;
        doc.text_in(x + 9.0, w - 9.0, y, &more, Style::SMALL.bold(), Align::Left);
        doc.y += lh;
    }
}

/// Three lines on what moved since the latest snapshot: the account's figures, how many
/// changes of each kind, and the first few of them. Left out when the plan has no snapshot.
fn since_last_qbr(doc: &mut Doc, ctx: &Ctx) {
    use super::since_last_qbr::{line, lists, marker, tone_color};
    let Some(c) = ctx.since_last_qbr else {
        return;
    };
    let (x, w) = (doc.left(), doc.width());
    let lh = ITEM.line_height() + 1.0;
    doc.y += 6.0;
    let y = doc.y;
    let title = format!("Since “{}” ({})", c.from.label, long_date(c.from.on));
    doc.text_in(x, w, y, &title, LIST_HEAD, Align::Left);
    doc.y += LIST_HEAD.line_height() + 4.0;
    let a = &c.account;
    let figures = format!(
        "Wallet share {} {} · forecast {} {} · gap to goal {} {}",
        marker(a.wallet_share.arrow),
        a.wallet_share.words,
        marker(a.forecast.arrow),
        a.forecast.words,
        marker(a.gap_to_goal.arrow),
        a.gap_to_goal.words
    );
    let counts = lists(c)
        .iter()
        .map(|(title, l)| format!("{title} {}", l.len()))
        .collect::<Vec<_>>()
        .join(" · ");
    // Wins and losses first: they are what a QBR asks about.
    let mut notable: Vec<_> = lists(c).into_iter().flat_map(|(_, l)| l.iter()).collect();
    notable.sort_by_key(|ch| ch.tone == planner_core::compare::Tone::Neutral);
    let first = if notable.is_empty() {
        "No change in people, gaps, cells, deals, actions or campaigns.".to_string()
    } else {
        notable
            .iter()
            .take(4)
            .map(|ch| format!("{} {}", marker(ch.arrow), line(ch)))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    for (text, style) in [
        (figures, ITEM.color(tone_color(a.forecast.tone))),
        (format!("{} changes: {counts}", c.change_count), ITEM),
        (first, ITEM),
    ] {
        let y = doc.y;
        let text = ellipsize(doc.fonts, &text, style, w);
        doc.text(x, style.baseline(y), &text, style);
        doc.y += lh;
    }
}

fn lists(ctx: &Ctx) -> Vec<List> {
    let v = ctx.view;
    let plays = v
        .plays
        .iter()
        .map(|p| Item {
            text: format!(
                "{} → {} · score {} · {}",
                p.offering,
                p.buying_center,
                p.mutual_value_score,
                p.quadrant.label()
            ),
            right: ctx.compact(p.estimated_revenue),
            style: if p.quadrant == Quadrant::DontForceFit {
                ITEM.color(palette::ORANGE)
            } else {
                ITEM
            },
        })
        .collect();
    let gaps = ctx
        .ranked_gaps()
        .into_iter()
        .map(|g| Item {
            text: g.reason.clone(),
            right: ctx.bc(g.buying_center_id).to_string(),
            style: ITEM,
        })
        .collect();
    let mut actions: Vec<_> = v
        .objectives
        .iter()
        .flat_map(|o| &o.strategies)
        .flat_map(|s| &s.actions)
        .filter(|a| matches!(a.action.status, ActionStatus::Open | ActionStatus::Blocked))
        .collect();
    // Overdue first, then by due date; undated last.
    actions.sort_by_key(|a| (!a.overdue, a.action.due_on.is_none(), a.action.due_on));
    let actions = actions
        .into_iter()
        .map(|a| Item {
            text: format!(
                "{}{} ({})",
                if a.action.status == ActionStatus::Blocked {
                    "Blocked: "
                } else {
                    ""
                },
                a.action.what,
                ctx.member(a.action.owner_id)
            ),
            right: if a.overdue {
                format!("overdue since {}", opt_date(a.action.due_on))
            } else {
                opt_date(a.action.due_on)
            },
            style: if a.overdue {
                ITEM.bold().color(palette::RED)
            } else {
                ITEM
            },
        })
        .collect();
    let renewals = planner_core::renewals::due_within(
        &v.account.renewals,
        v.today,
        planner_core::renewals::RENEWAL_HORIZON_DAYS,
    )
    .into_iter()
    .map(|r| Item {
        text: format!("{} · {}", r.description, ctx.compact(r.annual_value)),
        right: long_date(r.renewal_on),
        style: ITEM,
    })
    .collect();
    vec![
        List {
            title: "Renewals in the next 180 days",
            items: renewals,
            empty: "No renewals due in the next 180 days.",
        },
        List {
            title: "Top plays",
            items: plays,
            empty: "No scored plays yet.",
        },
        List {
            title: "Top coverage gaps",
            items: gaps,
            empty: "No coverage gaps.",
        },
        List {
            title: "Next actions",
            items: actions,
            empty: "No open actions.",
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::share_lines;

    #[test]
    fn lines_are_shared_fairly() {
        assert_eq!(share_lines(&[100, 2, 100], 10), vec![4, 2, 4]);
        assert_eq!(share_lines(&[1, 1, 1], 10), vec![1, 1, 1]);
        assert_eq!(share_lines(&[5, 5, 5], 0), vec![0, 0, 0]);
    }
}
