//! Text flow: wrapping by measured glyph advances, ellipsis for one-line boxes, and
//! paragraphs and bullet lists that continue on the next page line by line.

use crate::fonts::Fonts;
use crate::layout::{Doc, Style};

/// Wrap `text` into lines no wider than `max_w`. Breaks at spaces; a word longer than a
/// line (a URL, a long compound) is broken between characters rather than overflowing.
/// Explicit newlines start new lines.
pub fn wrap(fonts: &Fonts, text: &str, style: Style, max_w: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let space = fonts.width(" ", style.bold, style.size);
    for para in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0;
        for word in para.split_whitespace() {
            let ww = fonts.width(word, style.bold, style.size);
            if line.is_empty() {
                if ww <= max_w {
                    line.push_str(word);
                    line_w = ww;
                } else {
                    line_w = break_word(fonts, word, style, max_w, &mut lines, &mut line);
                }
            } else if line_w + space + ww <= max_w {
                line.push(' ');
                line.push_str(word);
                line_w += space + ww;
            } else {
                lines.push(std::mem::take(&mut line));
                if ww <= max_w {
                    line.push_str(word);
                    line_w = ww;
                } else {
                    line_w = break_word(fonts, word, style, max_w, &mut lines, &mut line);
                }
            }
        }
        lines.push(line);
    }
    // Drop trailing empty lines from trailing newlines, keep at least one line.
    while lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

/// Break an over-long word into full lines; the remainder stays in `line`. Returns its width.
fn break_word(
    fonts: &Fonts,
    word: &str,
    style: Style,
    max_w: f32,
    lines: &mut Vec<String>,
    line: &mut String,
) -> f32 {
    let mut w = 0.0;
    for c in word.chars() {
        let cw = fonts.width(c.encode_utf8(&mut [0; 4]), style.bold, style.size);
        if w + cw > max_w && !line.is_empty() {
            lines.push(std::mem::take(line));
            w = 0.0;
        }
        line.push(c);
        w += cw;
    }
    w
}

/// Cut `text` to fit `max_w` on one line, ending with "…" when something was cut.
pub fn ellipsize(fonts: &Fonts, text: &str, style: Style, max_w: f32) -> String {
    let text = text.replace('\n', " ");
    if fonts.width(&text, style.bold, style.size) <= max_w {
        return text;
    }
    let ell = fonts.width("…", style.bold, style.size);
    let mut out = String::new();
    let mut w = 0.0;
    for c in text.chars() {
        let cw = fonts.width(c.encode_utf8(&mut [0; 4]), style.bold, style.size);
        if w + cw + ell > max_w {
            break;
        }
        out.push(c);
        w += cw;
    }
    let trimmed = out.trim_end().to_string();
    trimmed + "…"
}

/// Wrap into at most `max_lines`, the last one ellipsized if text remains.
pub fn wrap_max(
    fonts: &Fonts,
    text: &str,
    style: Style,
    max_w: f32,
    max_lines: usize,
) -> Vec<String> {
    let mut lines = wrap(fonts, text, style, max_w);
    if lines.len() > max_lines && max_lines > 0 {
        let rest = lines[max_lines - 1..].join(" ");
        lines.truncate(max_lines - 1);
        lines.push(ellipsize(fonts, &(rest + " …"), style, max_w));
        if let Some(l) = lines.last_mut() {
            if !l.ends_with('…') {
                l.push('…');
            }
        }
    }
    lines
}

/// A paragraph in the flow, at an indent from the left of the content box. Lines that do
/// not fit continue on the next page.
pub fn paragraph(doc: &mut Doc, text: &str, style: Style, indent: f32) {
    let w = doc.width() - indent;
    let lines = wrap(doc.fonts, text, style, w);
    let lh = style.line_height();
    // Keep at least two lines together so a paragraph never starts with a lone line.
    doc.ensure(lh * lines.len().min(2) as f32);
    for line in lines {
        doc.ensure(lh);
        let x = doc.left() + indent;
        let y = doc.y;
        doc.text(x, style.baseline(y), &line, style);
        doc.y += lh;
    }
}

/// A label in bold followed by wrapped text: "Success metric: On-time delivery ...".
pub fn labelled(doc: &mut Doc, label: &str, text: &str, style: Style) {
    let lw = doc.measure(label, style.bold()) + 6.0;
    let lines = wrap(doc.fonts, text, style, doc.width() - lw);
    let lh = style.line_height();
    doc.ensure(lh * lines.len().min(2) as f32);
    let x = doc.left();
    let y = doc.y;
    doc.text(x, style.baseline(y), label, style.bold());
    for line in lines {
        doc.ensure(lh);
        let y = doc.y;
        doc.text(x + lw, style.baseline(y), &line, style);
        doc.y += lh;
    }
}

/// A bulleted item; continuation lines hang under the text, not the bullet.
pub fn bullet(doc: &mut Doc, text: &str, style: Style, indent: f32, marker: &str) {
    let mw = 10.0;
    let w = doc.width() - indent - mw;
    let lines = wrap(doc.fonts, text, style, w);
    let lh = style.line_height();
    doc.ensure(lh * lines.len().min(3) as f32);
    for (i, line) in lines.iter().enumerate() {
        doc.ensure(lh);
        let x = doc.left() + indent;
        let base = style.baseline(doc.y);
        if i == 0 {
            doc.text(x, base, marker, style);
        }
        doc.text(x + mw, base, line, style);
        doc.y += lh;
    }
}

/// A section heading that is never left alone at the bottom of a page: it moves to the
/// next page unless `keep` points of what follows fit under it.
pub fn heading(doc: &mut Doc, text: &str, style: Style, keep: f32) {
    let lh = style.line_height();
    let space_before = if doc.at_top() { 0.0 } else { style.size * 0.8 };
    doc.ensure(space_before + lh + 4.0 + keep);
    if !doc.at_top() {
        doc.y += space_before;
    }
    let x = doc.left();
    let w = doc.width();
    let lines = wrap(doc.fonts, text, style, w);
    for line in lines {
        let y = doc.y;
        doc.text(x, style.baseline(y), &line, style);
        doc.y += lh;
    }
    doc.y += 4.0;
}

/// The big title of a section, with a rule under it.
pub fn section_title(doc: &mut Doc, title: &str, subtitle: &str) {
    let x = doc.left();
    let w = doc.width();
    let st = Style::H1;
    let y = doc.y;
    doc.text_in(x, w, y, title, st, crate::layout::Align::Left);
    doc.y += st.line_height();
    if !subtitle.is_empty() {
        let y = doc.y;
        doc.text_in(x, w, y, subtitle, Style::SMALL, crate::layout::Align::Left);
        doc.y += Style::SMALL.line_height();
    }
    doc.y += 3.0;
    let y = doc.y;
    let right = doc.right();
    doc.page().line(
        &[(x, y), (right, y)],
        crate::layout::palette::NAVY,
        1.2,
        crate::layout::Dash::Solid,
    );
    doc.y += 12.0;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{CjkPolicy, Fonts};

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let f = Fonts::load(CjkPolicy::Never).unwrap();
        let text = "Become the most reliable low-carbon road and rail network in Central Europe by 2030: electrify the fleet";
        let lines = wrap(&f, text, Style::BODY, 120.0);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(f.width(l, false, 9.0) <= 120.0, "{l}");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn long_words_are_broken_not_overflowing() {
        let f = Fonts::load(CjkPolicy::Never).unwrap();
        let lines = wrap(&f, &"x".repeat(200), Style::BODY, 50.0);
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| f.width(l, false, 9.0) <= 50.0));
    }

    #[test]
    fn ellipsis_fits() {
        let f = Fonts::load(CjkPolicy::Never).unwrap();
        let s = ellipsize(
            &f,
            "Katarzyna Wiśniewska, VP Hub Programme",
            Style::BODY,
            60.0,
        );
        assert!(s.ends_with('…'));
        assert!(f.width(&s, false, 9.0) <= 60.0);
        let lines = wrap_max(&f, &"word ".repeat(50), Style::BODY, 80.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
    }
}
