//! OSAs as an outline: each objective with its target, due date, owner and progress; its
//! strategies; their actions with owner, due date and status (overdue in red).

use super::{begin, long_date, opt_date, Ctx};
use crate::charts::progress_bar;
use crate::layout::{palette, Align, Color, Doc, Style};
use crate::text::{paragraph, wrap};
use crate::Section;
use planner_core::model::{ActionStatus, ObjectiveKind};
use planner_core::view::{ActionView, ObjectiveView};

fn kind_color(k: ObjectiveKind) -> Color {
    match k {
        ObjectiveKind::Revenue => palette::NAVY,
        ObjectiveKind::Relationship => palette::TEAL,
        ObjectiveKind::Positioning => palette::BLUE,
        ObjectiveKind::Marketing => Color::hex(0x8e44ad),
    }
}

fn status_style(s: ActionStatus, base: Style) -> (String, Style) {
    match s {
        ActionStatus::Open => ("☐ Open".into(), base),
        ActionStatus::Done => ("☑ Done".into(), base.color(palette::GREEN)),
        ActionStatus::Blocked => ("■ Blocked".into(), base.bold().color(palette::RED)),
        ActionStatus::Dropped => ("– Dropped".into(), base.color(palette::MUTED)),
    }
}

pub fn render(doc: &mut Doc, ctx: &Ctx) {
    begin(doc, ctx, Section::Osas, false);
    let v = ctx.view;
    if v.objectives.is_empty() {
        paragraph(doc, "No objectives yet.", Style::BODY, 0.0);
        return;
    }
    let actions: usize = v
        .objectives
        .iter()
        .flat_map(|o| &o.strategies)
        .map(|s| s.actions.len())
        .sum();
    let overdue: u32 = v.objectives.iter().map(|o| o.progress.overdue).sum();
    let intro = format!(
        "{} objectives, {} actions, {} overdue.",
        v.objectives.len(),
        actions,
        overdue
    );
    paragraph(doc, &intro, Style::SMALL, 0.0);
    doc.gap(6.0);
    for o in &v.objectives {
        objective(doc, ctx, o);
    }
}

fn objective(doc: &mut Doc, ctx: &Ctx, o: &ObjectiveView) {
    let ob = &o.objective;
    let title_st = Style::H3;
    let badge_w = 70.0;
    let prog_w = 120.0;
    let title_w = doc.width() - badge_w - prog_w - 12.0;
    let title_lines = wrap(doc.fonts, &ob.title, title_st, title_w);
    let mut facts = vec![format!("Target: {} {}", ob.target, ob.unit)];
    facts.push(format!("Due {}", opt_date(ob.due_on)));
    facts.push(format!("Owner: {}", ctx.member(ob.owner_id)));
    if let Some(b) = ob.buying_center_id {
        facts.push(ctx.bc(b).to_string());
    }
    if let Some(i) = ob.initiative_id {
        if let Some(init) = ctx.view.account.initiatives.iter().find(|x| x.id == i) {
            facts.push(format!("Initiative: {}", init.name));
        }
    }
    let facts_st = Style::SMALL;
    let fact_lines = wrap(doc.fonts, &facts.join("  ·  "), facts_st, title_w);
    let head_h = title_lines.len() as f32 * title_st.line_height()
        + fact_lines.len() as f32 * facts_st.line_height()
        + 8.0;
    // Keep the objective with its first strategy and action.
    doc.ensure(head_h + 40.0);
    let y = doc.y;
    let x = doc.left();
    let color = kind_color(ob.kind);
    let w = doc.width();
    doc.page().fill_rect(x, y, w, head_h, color.tint(0.9));
    doc.page().fill_rect(x, y, 3.0, head_h, color);
    doc.page()
        .fill_rect(x + 8.0, y + 4.0, badge_w - 14.0, 12.0, color);
    doc.text_in(
        x + 8.0,
        badge_w - 14.0,
        y + 5.0,
        ob.kind.label(),
        Style::new(6.5, true, palette::WHITE),
        Align::Center,
    );
    let tx = x + badge_w;
    let mut ty = y + 3.0;
    for l in &title_lines {
        doc.text(tx, title_st.baseline(ty), l, title_st);
        ty += title_st.line_height();
    }
    for l in &fact_lines {
        doc.text(tx, facts_st.baseline(ty), l, facts_st);
        ty += facts_st.line_height();
    }
    // Progress on the right.
    let px = doc.right() - prog_w + 6.0;
    let p = &o.progress;
    progress_bar(
        doc,
        px,
        y + 6.0,
        prog_w - 12.0,
        7.0,
        p.progress.unwrap_or(0.0),
        palette::GREEN,
    );
    let note = if p.actions == 0 {
        "no actions yet".to_string()
    } else if p.overdue > 0 {
        format!("{} of {} done · {} overdue", p.done, p.actions, p.overdue)
    } else {
        format!("{} of {} done", p.done, p.actions)
    };
    let note_st = if p.overdue > 0 {
        Style::SMALL.bold().color(palette::RED)
    } else {
        Style::SMALL
    };
    doc.text_in(px, prog_w - 12.0, y + 15.0, &note, note_st, Align::Left);
    doc.y += head_h + 4.0;

    for s in &o.strategies {
        let st = Style::BODY.bold();
        let lines = wrap(doc.fonts, &s.strategy.title, st, doc.width() - 28.0);
        doc.ensure(lines.len() as f32 * st.line_height() + 16.0);
        for (i, l) in lines.iter().enumerate() {
            let y = doc.y;
            let x = doc.left() + 12.0;
            if i == 0 {
                doc.text(x, st.baseline(y), "▸", st.color(color));
            }
            doc.text(x + 12.0, st.baseline(y), l, st);
            doc.y += st.line_height();
        }
        if s.actions.is_empty() {
            let y = doc.y;
            let x = doc.left() + 24.0;
            doc.text(x, Style::SMALL.baseline(y), "No actions yet", Style::SMALL);
            doc.y += Style::SMALL.line_height();
        }
        for a in &s.actions {
            action(doc, ctx, a);
        }
        doc.gap(3.0);
    }
    doc.gap(8.0);
}

fn action(doc: &mut Doc, ctx: &Ctx, a: &ActionView) {
    let base = Style::BODY.size(8.0);
    let indent = 24.0;
    let status_w = 58.0;
    let owner_w = 92.0;
    let due_w = 112.0;
    let what_w = doc.width() - indent - status_w - owner_w - due_w;
    let lines = wrap(doc.fonts, &a.action.what, base, what_w - 6.0);
    let h = lines.len() as f32 * base.line_height() + 3.0;
    doc.ensure(h);
    let y = doc.y;
    let x = doc.left() + indent;
    let (label, st) = status_style(a.action.status, base);
    doc.text_in(x, status_w - 4.0, y + 1.0, &label, st, Align::Left);
    let what_st = if a.action.status == ActionStatus::Dropped {
        base.color(palette::MUTED)
    } else {
        base
    };
    for (i, l) in lines.iter().enumerate() {
        let top = y + 1.0 + i as f32 * base.line_height();
        doc.text(x + status_w, base.baseline(top), l, what_st);
    }
    let owner = ctx.member(a.action.owner_id);
    doc.text_in(
        x + status_w + what_w,
        owner_w - 4.0,
        y + 1.0,
        &owner,
        base.color(palette::MUTED),
        Align::Left,
    );
    let (due, due_st) = match a.action.due_on {
        Some(d) if a.overdue => (
            format!("{} · overdue", long_date(d)),
            base.bold().color(palette::RED),
        ),
        Some(d) => (long_date(d), base),
        None => ("no date".into(), base.color(palette::MUTED)),
    };
    doc.text_in(
        x + status_w + what_w + owner_w,
        due_w,
        y + 1.0,
        &due,
        due_st,
        Align::Right,
    );
    doc.y += h;
}
