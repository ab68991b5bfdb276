//! Vector charts: horizontal (stacked) bar charts with an axis, legends, progress bars and a
//! month timeline. Bars paginate like table rows, with the axis repeated, so a plan with 30
//! buying centers still gets a readable chart.

use crate::layout::{palette, Align, Color, Dash, Doc, Style};
use chrono::{Datelike, NaiveDate};

/// One bar: stacked segments from the left.
pub struct Bar {
    pub label: String,
    pub segments: Vec<(f64, Color)>,
    /// Printed right of the bar.
    pub note: String,
}

/// A vertical marker across all bars (e.g. the sales goal).
pub struct Marker {
    pub value: f64,
    pub label: String,
    pub color: Color,
}

pub struct BarChart<'a> {
    pub bars: Vec<Bar>,
    /// Axis maximum; bars are scaled to it.
    pub max: f64,
    /// Formats an axis tick.
    pub tick: &'a dyn Fn(f64) -> String,
    pub marker: Option<Marker>,
    pub bar_height: f32,
    pub label_width: f32,
    pub note_width: f32,
    /// Print each segment's share of the bar inside it when wide enough.
    pub show_percent: bool,
}

/// A "nice" step (1, 2 or 5 times a power of ten) giving about `n` ticks up to `max`.
pub fn nice_step(max: f64, n: usize) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let raw = max / n.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let f = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    f * mag
}

impl BarChart<'_> {
    fn axis_height(&self) -> f32 {
        14.0
    }

    fn row_height(&self) -> f32 {
        self.bar_height + 6.0
    }

    /// Height if drawn on one page.
    pub fn height(&self) -> f32 {
        self.axis_height() + self.bars.len() as f32 * self.row_height() + 8.0
    }

    fn plot_x(&self, doc: &Doc) -> (f32, f32) {
        let x0 = doc.left() + self.label_width;
        let w = doc.width() - self.label_width - self.note_width;
        (x0, w.max(40.0))
    }

    fn draw_axis(&self, doc: &mut Doc) {
        let (x0, w) = self.plot_x(doc);
        let step = nice_step(self.max, 5);
        let st = Style::SMALL.size(6.5);
        let y = doc.y;
        let mut v = 0.0;
        while v <= self.max * 1.0001 {
            let x = x0 + (v / self.max) as f32 * w;
            let label = (self.tick)(v);
            let lw = doc.measure(&label, st);
            let lx = (x - lw / 2.0).clamp(x0 - 4.0, x0 + w - lw + 4.0);
            doc.text(lx, st.baseline(y), &label, st);
            v += step;
        }
        doc.y += self.axis_height();
    }

    fn gridlines(&self, doc: &mut Doc, top: f32, bottom: f32) {
        let (x0, w) = self.plot_x(doc);
        let step = nice_step(self.max, 5);
        let mut v = 0.0;
        while v <= self.max * 1.0001 {
            let x = x0 + (v / self.max) as f32 * w;
            doc.page()
                .line(&[(x, top), (x, bottom)], palette::RULE, 0.4, Dash::Solid);
            v += step;
        }
    }

    pub fn draw(&self, doc: &mut Doc) {
        if self.bars.is_empty() || self.max <= 0.0 {
            return;
        }
        let first = self.axis_height() + self.row_height();
        doc.ensure(first.max(self.height().min(doc.full_height())));
        self.draw_axis(doc);
        let mut top = doc.y;
        let label_st = Style::BODY.size(8.0);
        for bar in &self.bars {
            if doc.y + self.row_height() > doc.bottom() {
                self.finish_block(doc, top);
                let landscape = doc.is_landscape();
                doc.new_page(landscape);
                self.draw_axis(doc);
                top = doc.y;
            }
            let row_top = doc.y;
            self.gridlines(doc, row_top, row_top + self.row_height());
            let (x0, w) = self.plot_x(doc);
            let y = doc.y + 3.0;
            let ty = y + (self.bar_height - label_st.line_height()) / 2.0;
            let lx = doc.left();
            doc.text_in(
                lx,
                self.label_width - 6.0,
                ty,
                &bar.label,
                label_st,
                Align::Left,
            );
            let total: f64 = bar.segments.iter().map(|s| s.0.max(0.0)).sum();
            let mut x = x0;
            for (value, color) in &bar.segments {
                let sw = (value.max(0.0) / self.max) as f32 * w;
                let sw = sw.min(x0 + w - x);
                doc.page().fill_rect(x, y, sw, self.bar_height, *color);
                if self.show_percent && total > 0.0 {
                    let pct = format!("{:.0}%", value / total * 100.0);
                    let st = Style::SMALL.size(6.5).color(if color.luminance() < 0.55 {
                        palette::WHITE
                    } else {
                        palette::INK
                    });
                    if doc.measure(&pct, st) + 3.0 < sw {
                        let py = y + (self.bar_height - st.line_height()) / 2.0;
                        doc.text_in(x, sw, py, &pct, st, Align::Center);
                    }
                }
                x += sw;
            }
            if !bar.note.is_empty() {
                let nx = x0 + w + 6.0;
                doc.text_in(
                    nx,
                    self.note_width - 6.0,
                    ty,
                    &bar.note,
                    label_st.color(palette::MUTED),
                    Align::Left,
                );
            }
            doc.y += self.row_height();
        }
        self.finish_block(doc, top);
        doc.y += 8.0;
    }

    /// The marker over one page's block of bars (gridlines are drawn under each bar).
    fn finish_block(&self, doc: &mut Doc, top: f32) {
        let bottom = doc.y;
        if let Some(m) = &self.marker {
            let (x0, w) = self.plot_x(doc);
            let x = x0 + (m.value / self.max).min(1.0) as f32 * w;
            doc.page()
                .line(&[(x, top - 2.0), (x, bottom)], m.color, 1.4, Dash::Dashed);
            let st = Style::SMALL.size(6.5).bold().color(m.color);
            let lw = doc.measure(&m.label, st);
            let lx = (x - lw / 2.0).clamp(x0, x0 + w - lw);
            doc.text(lx, bottom + 7.0, &m.label, st);
            doc.y += 9.0;
        }
    }
}

/// A legend item: a colour swatch (or a line sample) and its meaning.
pub struct LegendItem {
    pub color: Color,
    pub label: String,
    /// Draw a line sample in this dash instead of a filled swatch.
    pub line: Option<Dash>,
    /// Outline colour of the swatch, for light fills.
    pub outline: Option<Color>,
}

pub fn swatch(color: Color, label: impl Into<String>) -> LegendItem {
    LegendItem {
        color,
        label: label.into(),
        line: None,
        outline: Some(palette::RULE),
    }
}

pub fn line_sample(color: Color, dash: Dash, label: impl Into<String>) -> LegendItem {
    LegendItem {
        color,
        label: label.into(),
        line: Some(dash),
        outline: None,
    }
}

/// Legend items flowing left to right, wrapping to new lines.
pub fn legend(doc: &mut Doc, items: &[LegendItem]) {
    let st = Style::SMALL.size(7.0).color(palette::INK);
    let lh = st.line_height() + 2.0;
    doc.ensure(lh);
    let mut x = doc.left();
    for item in items {
        let sample_w = if item.line.is_some() { 18.0 } else { 9.0 };
        let w = sample_w + 4.0 + doc.measure(&item.label, st) + 12.0;
        if x + w > doc.right() && x > doc.left() {
            doc.y += lh;
            doc.ensure(lh);
            x = doc.left();
        }
        let y = doc.y;
        let mid = y + lh / 2.0;
        match item.line {
            Some(dash) => {
                doc.page()
                    .line(&[(x, mid), (x + sample_w, mid)], item.color, 1.2, dash);
            }
            None => {
                doc.page()
                    .fill_rect(x, mid - 4.0, sample_w, 8.0, item.color);
                if let Some(o) = item.outline {
                    doc.page().stroke_rect(x, mid - 4.0, sample_w, 8.0, o, 0.4);
                }
            }
        }
        let ty = y + (lh - st.line_height()) / 2.0;
        doc.text(x + sample_w + 4.0, st.baseline(ty), &item.label, st);
        x += w;
    }
    doc.y += lh + 2.0;
}

/// A progress bar with its track.
pub fn progress_bar(doc: &mut Doc, x: f32, y: f32, w: f32, h: f32, fraction: f64, fill: Color) {
    let page = doc.page();
    page.fill_rect(x, y, w, h, palette::STRIPE);
    page.fill_rect(x, y, w * fraction.clamp(0.0, 1.0) as f32, h, fill);
    page.stroke_rect(x, y, w, h, palette::RULE, 0.4);
}

/// Colour of a mutual value score (1-25) on a light-to-dark green ramp; None is white.
/// The heat-map colour of a mutual value score: the core's ramp, shared with the app's
/// workbook export.
pub fn heat_color(score: Option<u8>) -> Color {
    let (r, g, b) = planner_core::whitespace::heat_colour(score);
    Color(r as f32 / 255.0, g as f32 / 255.0, b as f32 / 255.0)
}

/// One row of a timeline.
pub struct Span {
    pub label: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub color: Color,
    /// Printed inside or after the bar.
    pub text: String,
}

fn month_start(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), d.month(), 1).unwrap_or(d)
}

fn next_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(d)
}

/// Months across, one bar per row, today marked; the month header repeats on each page.
pub fn timeline(doc: &mut Doc, from: NaiveDate, to: NaiveDate, today: NaiveDate, rows: &[Span]) {
    if rows.is_empty() {
        return;
    }
    let from = month_start(from);
    let to = next_month(to.max(from));
    let days = (to - from).num_days().max(1) as f32;
    let label_w = (doc.width() * 0.28).min(170.0);
    let row_h = 15.0;
    let head_h = 16.0;
    let x_of = |doc: &Doc, d: NaiveDate| {
        let x0 = doc.left() + label_w;
        let w = doc.width() - label_w;
        x0 + ((d - from).num_days() as f32 / days).clamp(0.0, 1.0) * w
    };
    let draw_head = |doc: &mut Doc| {
        let st = Style::LABEL.size(6.5);
        let y = doc.y;
        let mut m = from;
        let mut i = 0;
        while m < to {
            let n = next_month(m);
            let (a, b) = (x_of(doc, m), x_of(doc, n));
            if i % 2 == 0 {
                doc.page()
                    .fill_rect(a, y, b - a, head_h - 2.0, palette::STRIPE);
            }
            let label = if m.month() == 1 || i == 0 {
                m.format("%b %y").to_string()
            } else {
                m.format("%b").to_string()
            };
            doc.text_in(a, b - a, y + 3.0, &label, st, Align::Center);
            m = n;
            i += 1;
        }
        doc.y += head_h;
    };
    doc.ensure(head_h + row_h * (rows.len().min(4) as f32));
    draw_head(doc);
    let mut block_top = doc.y;
    let grid = |doc: &mut Doc, top: f32, bottom: f32| {
        let mut m = from;
        while m <= to {
            let x = x_of(doc, m);
            doc.page()
                .line(&[(x, top), (x, bottom)], palette::RULE, 0.4, Dash::Solid);
            m = next_month(m);
        }
    };
    let finish = |doc: &mut Doc, top: f32| {
        let bottom = doc.y;
        if today >= from && today <= to {
            let x = x_of(doc, today);
            doc.page().line(
                &[(x, top - 2.0), (x, bottom)],
                palette::RED,
                1.0,
                Dash::Dashed,
            );
            let st = Style::SMALL.size(6.0).bold().color(palette::RED);
            doc.text(x + 2.0, bottom + 6.5, "today", st);
        }
        doc.y += 9.0;
    };
    let label_st = Style::BODY.size(7.5);
    for (i, r) in rows.iter().enumerate() {
        if doc.y + row_h > doc.bottom() - 9.0 {
            finish(doc, block_top);
            let landscape = doc.is_landscape();
            doc.new_page(landscape);
            draw_head(doc);
            block_top = doc.y;
        }
        let y = doc.y;
        if i % 2 == 1 {
            let (l, w) = (doc.left(), doc.width());
            doc.page()
                .fill_rect(l, y, w, row_h, palette::STRIPE.tint(0.4));
        }
        grid(doc, y, y + row_h);
        let lx = doc.left();
        doc.text_in(lx, label_w - 6.0, y + 2.5, &r.label, label_st, Align::Left);
        let a = x_of(doc, r.start.max(from));
        let b = x_of(doc, r.end.min(to)).max(a + 2.0);
        doc.page()
            .fill_rect(a, y + 3.0, b - a, row_h - 6.0, r.color);
        let st = Style::SMALL.size(6.5).color(if r.color.luminance() < 0.55 {
            palette::WHITE
        } else {
            palette::INK
        });
        if !r.text.is_empty() {
            let tw = doc.measure(&r.text, st);
            if tw + 4.0 < b - a {
                doc.text(a + 2.0, st.baseline(y + 3.5), &r.text, st);
            } else if b + 3.0 + tw < doc.right() {
                let st = st.color(palette::MUTED);
                doc.text(b + 3.0, st.baseline(y + 3.5), &r.text, st);
            }
        }
        doc.y += row_h;
    }
    finish(doc, block_top);
    doc.y += 4.0;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(100.0, 5), 20.0);
        assert_eq!(nice_step(7_000_000.0, 5), 2_000_000.0);
        assert_eq!(nice_step(0.0, 5), 1.0);
    }

    #[test]
    fn heat_ramp_darkens() {
        assert!(heat_color(Some(25)).luminance() < heat_color(Some(1)).luminance());
        assert_eq!(heat_color(None), palette::WHITE);
    }
}
