//! The cover: account, plan period, owner, date and "Confidential", and the contents with
//! page numbers (filled in once the sections are laid out).

use super::{long_date, Ctx};
use crate::layout::{palette, Align, Doc, Style};
use crate::text::wrap_max;

/// Top of the contents list on the cover.
const CONTENTS_TOP: f32 = 430.0;

pub fn render(doc: &mut Doc, ctx: &Ctx) {
    let v = ctx.view;
    doc.new_page(false);
    let (x, w) = (doc.left(), doc.width());
    let top = 76.0;
    let band_h = 200.0;
    doc.page().fill_rect(x, top, w, band_h, palette::NAVY);
    doc.page().fill_rect(x, top + band_h, w, 4.0, palette::TEAL);
    let pad = 24.0;
    let white = palette::WHITE;
    let mut y = top + pad;
    doc.text_in(
        x + pad,
        w - 2.0 * pad,
        y,
        "STRATEGIC ACCOUNT PLAN",
        Style::new(9.0, true, white.tint(0.25)),
        Align::Left,
    );
    y += 22.0;
    let title = Style::new(26.0, true, white);
    for line in wrap_max(doc.fonts, &v.account.name, title, w - 2.0 * pad, 2) {
        doc.text(x + pad, title.baseline(y), &line, title);
        y += title.line_height();
    }
    y += 6.0;
    let period = format!(
        "{}  ·  {} – {}",
        v.plan.period,
        long_date(v.plan.starts_on),
        long_date(v.plan.ends_on)
    );
    doc.text_in(
        x + pad,
        w - 2.0 * pad,
        y,
        &period,
        Style::new(13.0, false, white),
        Align::Left,
    );
    y += 20.0;
    let status = format!("Plan status: {}", v.plan.status.label());
    doc.text_in(
        x + pad,
        w - 2.0 * pad,
        y,
        &status,
        Style::new(9.0, false, white.tint(0.25)),
        Align::Left,
    );

    // Key facts under the band, two columns.
    let facts: Vec<(&str, String)> = vec![
        ("Account owner", non_empty(&v.account.owner)),
        ("Prepared on", long_date(ctx.options.generated_on)),
        ("Industry", non_empty(&v.account.industry)),
        ("Region", non_empty(&v.account.region)),
        ("Life stage", v.account.life_stage.label().to_string()),
        ("Segment", v.tier.label().to_string()),
    ];
    let mut fy = top + band_h + 26.0;
    let col_w = w / 2.0;
    for pair in facts.chunks(2) {
        for (i, (label, value)) in pair.iter().enumerate() {
            let cx = x + i as f32 * col_w;
            doc.text_in(cx, col_w - 10.0, fy, label, Style::LABEL, Align::Left);
            doc.text_in(
                cx,
                col_w - 10.0,
                fy + 11.0,
                value,
                Style::BODY.size(11.0),
                Align::Left,
            );
        }
        fy += 34.0;
    }

    // Confidentiality notice at the foot of the cover.
    let (_, h) = doc.page_size();
    let ny = h - 120.0;
    doc.page().fill_rect(x, ny, 4.0, 36.0, palette::RED);
    doc.text_in(
        x + 12.0,
        w - 12.0,
        ny + 2.0,
        "Confidential",
        Style::new(12.0, true, palette::RED),
        Align::Left,
    );
    doc.text_in(
        x + 12.0,
        w - 12.0,
        ny + 20.0,
        "For the account team and its executive sponsors. Do not forward outside the company.",
        Style::SMALL,
        Align::Left,
    );
    doc.y = doc.bottom();
}

fn non_empty(s: &str) -> String {
    if s.trim().is_empty() {
        "—".into()
    } else {
        s.to_string()
    }
}

/// The contents on the cover, with the page each section starts on.
pub fn contents(doc: &mut Doc, entries: &[(&str, usize)]) {
    if entries.is_empty() {
        return;
    }
    let fonts = doc.fonts;
    let (x, w) = (doc.left(), doc.width());
    let Some(page) = doc.page_at(0) else {
        return;
    };
    let head = Style::H3.color(palette::NAVY);
    page.text(fonts, x, head.baseline(CONTENTS_TOP), "Contents", head);
    let st = Style::BODY;
    let mut y = CONTENTS_TOP + head.line_height() + 4.0;
    let max_y = page.height - 130.0;
    for (label, n) in entries {
        if y + st.line_height() > max_y {
            break;
        }
        let num = n.to_string();
        let nw = fonts.width(&num, false, st.size);
        let lw = fonts.width(label, false, st.size);
        let base = st.baseline(y);
        page.text(fonts, x, base, label, st);
        // Dotted leader between the label and the page number.
        page.line(
            &[(x + lw + 4.0, base), (x + w - nw - 4.0, base)],
            palette::RULE,
            0.8,
            crate::layout::Dash::Dotted,
        );
        page.text(fonts, x + w - nw, base, &num, st);
        y += st.line_height() + 2.0;
    }
}
