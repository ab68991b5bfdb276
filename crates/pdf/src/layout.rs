//! The page model every section draws on: pages of printpdf ops, a flow cursor that breaks
//! pages, drawing primitives in top-down coordinates, and the header and footer drawn once
//! the page count is known (the "of M" of "Page N of M").
//!
//! Coordinates are points from the top-left corner of the page, the way layout thinks;
//! conversion to PDF's bottom-up space happens in one place ([`Page`]'s primitives).

use crate::fonts::Fonts;
use crate::{Paper, PdfError};
use chrono::NaiveDate;
use printpdf::{
    Color as PdfColor, FontId, Line, LineDashPattern, LinePoint, Mm, Op, PaintMode, PdfDocument,
    PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rect, Rgb,
    TextItem, WindingOrder,
};

/// Nothing is ever drawn closer than this to the paper's edge (10 mm): what most office
/// printers can print. Tests check every word against it.
pub const PRINT_MARGIN: f32 = 28.35;
/// Left and right margin of the content.
pub const MARGIN_X: f32 = 42.0;
/// Where content starts below the top edge (the header sits above).
pub const MARGIN_TOP: f32 = 60.0;
/// Where content ends above the bottom edge (the footer sits below).
pub const MARGIN_BOTTOM: f32 = 54.0;

/// An RGB colour, 0-1 per channel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color(pub f32, pub f32, pub f32);

impl Color {
    pub const fn hex(v: u32) -> Color {
        Color(
            ((v >> 16) & 0xff) as f32 / 255.0,
            ((v >> 8) & 0xff) as f32 / 255.0,
            (v & 0xff) as f32 / 255.0,
        )
    }

    /// Perceived lightness (0 dark - 1 light), to pick readable text on a fill.
    pub fn luminance(self) -> f32 {
        0.299 * self.0 + 0.587 * self.1 + 0.114 * self.2
    }

    /// Mix with white: `t` = 0 keeps the colour, 1 gives white.
    pub fn tint(self, t: f32) -> Color {
        Color(
            self.0 + (1.0 - self.0) * t,
            self.1 + (1.0 - self.1) * t,
            self.2 + (1.0 - self.2) * t,
        )
    }

    fn pdf(self) -> PdfColor {
        PdfColor::Rgb(Rgb {
            r: self.0.clamp(0.0, 1.0),
            g: self.1.clamp(0.0, 1.0),
            b: self.2.clamp(0.0, 1.0),
            icc_profile: None,
        })
    }
}

/// The document's colours: one brand blue, a neutral ramp, and signal colours that also
/// survive greyscale printing because every signal is repeated as text.
pub mod palette {
    use super::Color;
    pub const NAVY: Color = Color::hex(0x1f3a5f);
    pub const BLUE: Color = Color::hex(0x2f6db5);
    pub const TEAL: Color = Color::hex(0x1b8a8c);
    pub const INK: Color = Color::hex(0x222222);
    pub const MUTED: Color = Color::hex(0x666666);
    pub const RULE: Color = Color::hex(0xc8ced6);
    pub const STRIPE: Color = Color::hex(0xf3f5f8);
    pub const HEAD_FILL: Color = Color::hex(0xe3e9f1);
    pub const WHITE: Color = Color(1.0, 1.0, 1.0);
    pub const GREEN: Color = Color::hex(0x2e8b57);
    pub const LIGHT_GREEN: Color = Color::hex(0x9fd4a8);
    pub const AMBER: Color = Color::hex(0xe8a33d);
    pub const ORANGE: Color = Color::hex(0xe07b39);
    pub const RED: Color = Color::hex(0xc0392b);
    pub const GREY: Color = Color::hex(0xbfbfbf);
}

/// Font size, weight and colour of a piece of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub size: f32,
    pub bold: bool,
    pub color: Color,
}

impl Style {
    pub const fn new(size: f32, bold: bool, color: Color) -> Style {
        Style { size, bold, color }
    }
    pub const BODY: Style = Style::new(9.0, false, palette::INK);
    pub const SMALL: Style = Style::new(7.5, false, palette::MUTED);
    pub const LABEL: Style = Style::new(7.5, true, palette::MUTED);
    pub const H1: Style = Style::new(18.0, true, palette::NAVY);
    pub const H2: Style = Style::new(12.0, true, palette::NAVY);
    pub const H3: Style = Style::new(10.0, true, palette::INK);

    pub fn bold(self) -> Style {
        Style { bold: true, ..self }
    }
    pub fn color(self, color: Color) -> Style {
        Style { color, ..self }
    }
    pub fn size(self, size: f32) -> Style {
        Style { size, ..self }
    }
    /// Height of one line of this style.
    pub fn line_height(self) -> f32 {
        self.size * 1.28
    }
    /// Baseline of a line whose box starts at `top`: DejaVu's ascent is ~0.93 em and its
    /// descent ~0.24 em, centred in the line box.
    pub fn baseline(self, top: f32) -> f32 {
        top + (self.line_height() - 1.17 * self.size) / 2.0 + 0.93 * self.size
    }
}

/// Line dash patterns of the org chart and charts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Dash {
    Solid,
    Dotted,
    Dashed,
}

/// Last graphics state set on a page, so repeated colours are not re-emitted.
#[derive(Default)]
struct GState {
    fill: Option<Color>,
    stroke: Option<Color>,
    width: Option<f32>,
    dash: Option<Dash>,
}

/// One page of ops.
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub landscape: bool,
    ops: Vec<Op>,
    state: GState,
}

fn pt(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}

impl Page {
    fn set_fill(&mut self, c: Color) {
        if self.state.fill != Some(c) {
            self.state.fill = Some(c);
            self.ops.push(Op::SetFillColor { col: c.pdf() });
        }
    }

    fn set_stroke(&mut self, c: Color, width: f32, dash: Dash) {
        if self.state.stroke != Some(c) {
            self.state.stroke = Some(c);
            self.ops.push(Op::SetOutlineColor { col: c.pdf() });
        }
        if self.state.width != Some(width) {
            self.state.width = Some(width);
            self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        }
        if self.state.dash != Some(dash) {
            self.state.dash = Some(dash);
            let pattern = match dash {
                Dash::Solid => LineDashPattern::solid(),
                Dash::Dotted => LineDashPattern::new(0.0, &[1.0, 2.0]),
                Dash::Dashed => LineDashPattern::new(0.0, &[4.0, 2.5]),
            };
            self.ops.push(Op::SetLineDashPattern { dash: pattern });
        }
    }

    /// Filled rectangle; `y` is the top edge.
    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, c: Color) {
        if w <= 0.0 || h <= 0.0 {
            return;
        }
        self.set_fill(c);
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(self.height - y - h),
                width: Pt(w),
                height: Pt(h),
                mode: Some(PaintMode::Fill),
                winding_order: Some(WindingOrder::NonZero),
            },
        });
    }

    /// Outlined rectangle; `y` is the top edge.
    pub fn stroke_rect(&mut self, x: f32, y: f32, w: f32, h: f32, c: Color, width: f32) {
        self.set_stroke(c, width, Dash::Solid);
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(self.height - y - h),
                width: Pt(w),
                height: Pt(h),
                mode: Some(PaintMode::Stroke),
                winding_order: Some(WindingOrder::NonZero),
            },
        });
    }

    /// An open polyline.
    pub fn line(&mut self, points: &[(f32, f32)], c: Color, width: f32, dash: Dash) {
        if points.len() < 2 {
            return;
        }
        self.set_stroke(c, width, dash);
        let h = self.height;
        self.ops.push(Op::DrawLine {
            line: Line {
                points: points.iter().map(|(x, y)| pt(*x, h - *y)).collect(),
                is_closed: false,
            },
        });
    }

    /// A filled closed polygon (arrow heads, markers).
    pub fn fill_polygon(&mut self, points: &[(f32, f32)], c: Color) {
        self.set_fill(c);
        let h = self.height;
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing {
                    points: points.iter().map(|(x, y)| pt(*x, h - *y)).collect(),
                }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
    }

    /// Restrict drawing to a rectangle until [`Page::end_clip`].
    pub fn begin_clip(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(self.height - y - h),
                width: Pt(w),
                height: Pt(h),
                mode: Some(PaintMode::Clip),
                winding_order: Some(WindingOrder::NonZero),
            },
        });
    }

    pub fn end_clip(&mut self) {
        self.ops.push(Op::RestoreGraphicsState);
        // The restore brings back whatever was set before: forget what we think is set.
        self.state = GState::default();
    }

    /// Text on one line with its baseline at `baseline`; fonts chosen per glyph.
    pub fn text(&mut self, fonts: &Fonts, x: f32, baseline: f32, s: &str, style: Style) {
        if s.is_empty() {
            return;
        }
        let runs = fonts.runs(s, style.bold);
        if runs.is_empty() {
            return;
        }
        self.set_fill(style.color);
        self.ops.push(Op::StartTextSection);
        // Td is relative, but a new text object starts at the origin: this places it.
        self.ops.push(Op::SetTextCursor {
            pos: Point {
                x: Pt(x),
                y: Pt(self.height - baseline),
            },
        });
        for (key, run) in runs {
            let face = fonts.face(key);
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(FontId(face.resource.to_string())),
                size: Pt(style.size),
            });
            self.ops.push(Op::ShowText {
                items: vec![TextItem::Text(run)],
            });
        }
        self.ops.push(Op::EndTextSection);
    }
}

/// Horizontal alignment inside a box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// The document being laid out: its pages and the flow cursor on the last one.
pub struct Doc<'f> {
    pub fonts: &'f Fonts,
    paper: Paper,
    pages: Vec<Page>,
    /// The flow cursor: top of the next block on the current page.
    pub y: f32,
}

impl<'f> Doc<'f> {
    pub fn new(fonts: &'f Fonts, paper: Paper) -> Doc<'f> {
        Doc {
            fonts,
            paper,
            pages: Vec::new(),
            y: MARGIN_TOP,
        }
    }

    /// Start a new page, portrait or landscape, and put the cursor at its top.
    pub fn new_page(&mut self, landscape: bool) {
        let (w, h) = self.paper.size_pt();
        let (width, height) = if landscape { (h, w) } else { (w, h) };
        self.pages.push(Page {
            width,
            height,
            landscape,
            ops: Vec::with_capacity(256),
            state: GState::default(),
        });
        self.y = MARGIN_TOP;
    }

    /// The page being drawn on (a portrait one is started if there is none yet).
    pub fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.new_page(false);
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// An earlier page, to draw what is only known at the end (the cover's contents).
    pub fn page_at(&mut self, i: usize) -> Option<&mut Page> {
        self.pages.get_mut(i)
    }

    fn current(&self) -> Option<&Page> {
        self.pages.last()
    }

    pub fn is_landscape(&self) -> bool {
        self.current().is_some_and(|p| p.landscape)
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    pub fn page_size(&self) -> (f32, f32) {
        match self.current() {
            Some(p) => (p.width, p.height),
            None => self.paper.size_pt(),
        }
    }

    /// Content box of the current page.
    pub fn left(&self) -> f32 {
        MARGIN_X
    }
    pub fn right(&self) -> f32 {
        self.page_size().0 - MARGIN_X
    }
    pub fn width(&self) -> f32 {
        self.right() - self.left()
    }
    pub fn top(&self) -> f32 {
        MARGIN_TOP
    }
    pub fn bottom(&self) -> f32 {
        self.page_size().1 - MARGIN_BOTTOM
    }
    /// Height of a whole empty content box on a page like the current one.
    pub fn full_height(&self) -> f32 {
        self.bottom() - self.top()
    }
    pub fn remaining(&self) -> f32 {
        self.bottom() - self.y
    }
    pub fn at_top(&self) -> bool {
        self.y <= self.top() + 0.5
    }

    /// Make sure a block of `h` fits below the cursor: if not, continue on a new page of
    /// the same orientation. A block taller than a page is started on a fresh page anyway.
    pub fn ensure(&mut self, h: f32) {
        if self.pages.is_empty() {
            self.new_page(false);
        }
        if self.y + h > self.bottom() + 0.01 && !self.at_top() {
            let landscape = self.is_landscape();
            self.new_page(landscape);
        }
    }

    pub fn gap(&mut self, h: f32) {
        self.y += h;
    }

    // Drawing on the current page, with fonts at hand.

    pub fn text(&mut self, x: f32, baseline: f32, s: &str, style: Style) {
        let fonts = self.fonts;
        self.page().text(fonts, x, baseline, s, style);
    }

    /// One line in a box `[x, x + w]`, aligned, cut with an ellipsis if it does not fit.
    pub fn text_in(&mut self, x: f32, w: f32, top: f32, s: &str, style: Style, align: Align) {
        let s = crate::text::ellipsize(self.fonts, s, style, w);
        let tw = self.fonts.width(&s, style.bold, style.size);
        let tx = match align {
            Align::Left => x,
            Align::Center => x + (w - tw) / 2.0,
            Align::Right => x + w - tw,
        };
        self.text(tx, style.baseline(top), &s, style);
    }

    pub fn measure(&self, s: &str, style: Style) -> f32 {
        self.fonts.width(s, style.bold, style.size)
    }

    /// Keep only the first page (the one-page summary's guarantee, should a block ever
    /// overflow despite its budget).
    pub fn keep_first_page(&mut self) {
        self.pages.truncate(1);
    }

    /// Draw the header and footer on every page, now that the page count is known.
    pub fn finish(&mut self, header: &str, generated_on: NaiveDate) {
        let total = self.pages.len();
        let fonts = self.fonts;
        let small = Style::SMALL;
        let date = format!("Generated {}", crate::sections::long_date(generated_on));
        for (i, page) in self.pages.iter_mut().enumerate() {
            let (w, h) = (page.width, page.height);
            let right_w = fonts.width("Confidential", true, small.size);
            let head =
                crate::text::ellipsize(fonts, header, small, w - 2.0 * MARGIN_X - right_w - 12.0);
            // Header and footer sit between the print margin and the content.
            let base = small.baseline(PRINT_MARGIN + 1.5);
            page.text(fonts, MARGIN_X, base, &head, small);
            page.text(
                fonts,
                w - MARGIN_X - right_w,
                base,
                "Confidential",
                small.bold().color(palette::RED),
            );
            page.line(
                &[(MARGIN_X, 44.0), (w - MARGIN_X, 44.0)],
                palette::RULE,
                0.6,
                Dash::Solid,
            );
            let fy = h - PRINT_MARGIN - 17.65;
            page.line(
                &[(MARGIN_X, fy), (w - MARGIN_X, fy)],
                palette::RULE,
                0.6,
                Dash::Solid,
            );
            let fb = small.baseline(fy + 3.0);
            page.text(fonts, MARGIN_X, fb, &date, small);
            let conf = "Confidential";
            let cw = fonts.width(conf, false, small.size);
            page.text(fonts, (w - cw) / 2.0, fb, conf, small);
            let num = format!("Page {} of {}", i + 1, total);
            let nw = fonts.width(&num, false, small.size);
            page.text(fonts, w - MARGIN_X - nw, fb, &num, small);
        }
    }

    /// Serialise: embed (subset) the fonts used, fix printpdf's random ids, set the date.
    pub fn into_pdf(self, title: &str, creation_epoch: Option<i64>) -> Result<Vec<u8>, PdfError> {
        let mut pdf = PdfDocument::new(title);
        let date = match creation_epoch {
            Some(e) => printpdf::OffsetDateTime::from_unix_timestamp(e)
                .map_err(|_| PdfError::CreationDate(e))?,
            None => printpdf::OffsetDateTime::now(),
        };
        pdf.metadata.info.creation_date = date;
        pdf.metadata.info.modification_date = date;
        pdf.metadata.info.metadata_date = date;
        pdf.metadata.info.creator = "Account Planner".into();
        pdf.metadata.info.producer = "Account Planner (printpdf)".into();
        // Fixed resource names instead of add_font's random ones: the names end up in the
        // font dictionaries and decide object order, so random names mean random bytes.
        for (_, face) in self.fonts.used_faces() {
            pdf.resources.fonts.map.insert(
                FontId(face.resource.to_string()),
                PdfFont::new(face.parsed.clone()),
            );
        }
        let pages = self
            .pages
            .into_iter()
            .map(|p| {
                let mut page = PdfPage::new(Mm(0.0), Mm(0.0), p.ops);
                // PdfPage::new goes through millimetres; keep the exact point size.
                let r = Rect::from_wh(Pt(p.width), Pt(p.height));
                page.media_box = r.clone();
                page.trim_box = r.clone();
                page.crop_box = r;
                page
            })
            .collect();
        pdf.with_pages(pages);
        let mut warnings = Vec::new();
        let mut lo = pdf.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
        compress_streams(&mut lo)?;
        let mut bytes = Vec::new();
        lo.save_to(&mut bytes)
            .map_err(|e| PdfError::Output(e.to_string()))?;
        if bytes.is_empty() {
            return Err(PdfError::Output(format!("{warnings:?}")));
        }
        fix_document_id(&mut bytes);
        Ok(bytes)
    }
}

/// Deflate every stream not yet compressed. printpdf's own save does the same at level 9;
/// level 6 (zlib's default) costs less CPU for a file well under 1% bigger, and writing the
/// lopdf document ourselves keeps the whole save path in view.
fn compress_streams(doc: &mut lopdf::Document) -> Result<(), PdfError> {
    use flate2::write::ZlibEncoder;
    use flate2::Compression;
    use std::io::Write;
    for obj in doc.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = obj {
            if stream.dict.get(b"Filter").is_ok() {
                continue;
            }
            let mut enc = ZlibEncoder::new(Vec::new(), Compression::new(6));
            enc.write_all(&stream.content)
                .and_then(|_| enc.finish())
                .map(|c| {
                    if c.len() + 19 < stream.content.len() {
                        stream.dict.set("Filter", "FlateDecode");
                        stream.set_content(c);
                    }
                })
                .map_err(|e| PdfError::Output(e.to_string()))?;
        }
    }
    Ok(())
}

/// printpdf writes a random 32-character /ID pair into the trailer. Replace both with a
/// hash of the document (same length, so no offset moves): same content, same bytes.
fn fix_document_id(bytes: &mut [u8]) {
    let Some(start) = find_last(bytes, b"/ID") else {
        return;
    };
    // Find the two literal strings after /ID.
    let mut spans = Vec::new();
    let mut i = start;
    while i < bytes.len() && spans.len() < 2 {
        if bytes[i] == b'(' {
            if let Some(len) = bytes[i + 1..].iter().position(|b| *b == b')') {
                spans.push((i + 1, i + 1 + len));
                i += len + 2;
                continue;
            }
        }
        i += 1;
    }
    for (a, b) in &spans {
        bytes[*a..*b].fill(b'0');
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes.iter() {
        hash ^= *b as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    for (n, (a, b)) in spans.iter().enumerate() {
        let mut h = hash ^ (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        for slot in bytes[*a..*b].iter_mut() {
            *slot = b"0123456789ABCDEF"[(h & 15) as usize];
            h = h.rotate_right(4) ^ (h >> 7).wrapping_mul(31);
        }
    }
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}
