//! Tables that break across pages the way a reader expects: the header row is repeated on
//! every page, a row is never split (a row taller than a page is cut with an ellipsis, the
//! only alternative to splitting it), and cell text wraps inside its column.

use crate::layout::{palette, Align, Color, Dash, Doc, Style};
use crate::text::{wrap, wrap_max};

pub struct Column {
    pub title: String,
    /// Share of the table width, relative to the other columns.
    pub weight: f32,
    pub align: Align,
}

pub fn col(title: &str, weight: f32, align: Align) -> Column {
    Column {
        title: title.to_string(),
        weight,
        align,
    }
}

#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub text: String,
    pub style: Option<Style>,
    pub fill: Option<Color>,
}

impl Cell {
    pub fn styled(text: impl Into<String>, style: Style) -> Cell {
        Cell {
            text: text.into(),
            style: Some(style),
            fill: None,
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell {
            text,
            ..Cell::default()
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::from(text.to_string())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Body,
    /// Bold, with a rule above: sums at the bottom of a table.
    Total,
}

pub struct Row {
    pub cells: Vec<Cell>,
    pub kind: RowKind,
}

impl Row {
    pub fn new(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            kind: RowKind::Body,
        }
    }
    pub fn total(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            kind: RowKind::Total,
        }
    }
}

pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    pub style: Style,
    /// At most this many lines per cell (0 = as many as a page allows).
    pub max_lines: usize,
}

const PAD_X: f32 = 3.5;
const PAD_Y: f32 = 2.6;

struct Laid {
    lines: Vec<Vec<String>>,
    height: f32,
}

impl Table {
    pub fn new(columns: Vec<Column>) -> Table {
        Table {
            columns,
            rows: Vec::new(),
            style: Style::BODY.size(8.0),
            max_lines: 0,
        }
    }

    pub fn push(&mut self, cells: Vec<Cell>) {
        self.rows.push(Row::new(cells));
    }

    /// Column widths: by weight, but never narrower than the longest word in the column
    /// (capped at a quarter of the table), so "Relationship" or "Negotiate" is not broken
    /// in the middle. The extra room is taken from columns that have some to spare.
    fn widths(&self, doc: &Doc, total: f32) -> Vec<f32> {
        let sum: f32 = self
            .columns
            .iter()
            .map(|c| c.weight)
            .sum::<f32>()
            .max(0.001);
        let mut w: Vec<f32> = self
            .columns
            .iter()
            .map(|c| c.weight / sum * total)
            .collect();
        let longest = |text: &str, st: Style| {
            text.split_whitespace()
                .map(|word| doc.measure(word, st))
                .fold(0.0f32, f32::max)
        };
        let cap = total / 4.0;
        let head = self.header_style();
        let mins: Vec<f32> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let body = self
                    .rows
                    .iter()
                    .filter_map(|r| r.cells.get(i).map(|cell| (r, cell)))
                    .map(|(r, cell)| longest(&cell.text, self.cell_style(r, cell)))
                    .fold(0.0f32, f32::max);
                (longest(&c.title, head).max(body) + 2.0 * PAD_X + 0.5).min(cap)
            })
            .collect();
        let deficit: f32 = w.iter().zip(&mins).map(|(a, m)| (m - a).max(0.0)).sum();
        let surplus: f32 = w.iter().zip(&mins).map(|(a, m)| (a - m).max(0.0)).sum();
        if deficit <= 0.0 {
            return w;
        }
        if surplus >= deficit {
            for (a, m) in w.iter_mut().zip(&mins) {
                if *a < *m {
                    *a = *m;
                } else {
                    *a -= (*a - m) / surplus * deficit;
                }
            }
        } else {
            let msum: f32 = mins.iter().sum();
            w = mins.iter().map(|m| m / msum * total).collect();
        }
        w
    }

    fn header_style(&self) -> Style {
        Style::new(self.style.size - 0.5, true, palette::NAVY)
    }

    fn cell_style(&self, row: &Row, cell: &Cell) -> Style {
        let base = cell.style.unwrap_or(self.style);
        if row.kind == RowKind::Total {
            base.bold()
        } else {
            base
        }
    }

    /// Height of the header plus the first row: what a heading above must keep with it.
    pub fn first_block_height(&self, doc: &Doc) -> f32 {
        let widths = self.widths(doc, doc.width());
        let head = self.lay_header(doc, &widths).height;
        let first = self
            .rows
            .first()
            .map(|r| self.lay_row(doc, r, &widths, doc.full_height()).height)
            .unwrap_or(0.0);
        head + first
    }

    fn lay_header(&self, doc: &Doc, widths: &[f32]) -> Laid {
        let st = self.header_style();
        let lines: Vec<Vec<String>> = self
            .columns
            .iter()
            .zip(widths)
            .map(|(c, w)| wrap(doc.fonts, &c.title, st, w - 2.0 * PAD_X))
            .collect();
        let n = lines.iter().map(|l| l.len()).max().unwrap_or(1);
        Laid {
            height: n as f32 * st.line_height() + 2.0 * PAD_Y,
            lines,
        }
    }

    fn lay_row(&self, doc: &Doc, row: &Row, widths: &[f32], room: f32) -> Laid {
        let mut lines = Vec::with_capacity(widths.len());
        let mut height: f32 = 0.0;
        for (i, w) in widths.iter().enumerate() {
            let cell = row.cells.get(i).cloned().unwrap_or_default();
            let st = self.cell_style(row, &cell);
            let lh = st.line_height();
            let fit = (((room - 2.0 * PAD_Y) / lh).floor() as usize).max(1);
            let max = if self.max_lines == 0 {
                fit
            } else {
                self.max_lines.min(fit)
            };
            let l = wrap_max(doc.fonts, &cell.text, st, w - 2.0 * PAD_X, max);
            height = height.max(l.len() as f32 * lh + 2.0 * PAD_Y);
            lines.push(l);
        }
        Laid { lines, height }
    }

    fn draw_header(&self, doc: &mut Doc, widths: &[f32], laid: &Laid) {
        let st = self.header_style();
        let x0 = doc.left();
        let y = doc.y;
        let total_w: f32 = widths.iter().sum();
        doc.page()
            .fill_rect(x0, y, total_w, laid.height, palette::HEAD_FILL);
        let mut x = x0;
        for ((c, w), lines) in self.columns.iter().zip(widths).zip(&laid.lines) {
            for (k, line) in lines.iter().enumerate() {
                let top = y + PAD_Y + k as f32 * st.line_height();
                doc.text_in(x + PAD_X, w - 2.0 * PAD_X, top, line, st, c.align);
            }
            x += w;
        }
        doc.y += laid.height;
        let y = doc.y;
        doc.page().line(
            &[(x0, y), (x0 + total_w, y)],
            palette::NAVY,
            0.8,
            Dash::Solid,
        );
    }

    /// Draw at the cursor, breaking pages between rows.
    pub fn draw(&self, doc: &mut Doc) {
        if self.columns.is_empty() {
            return;
        }
        let widths = self.widths(doc, doc.width());
        let header = self.lay_header(doc, &widths);
        let room = doc.full_height() - header.height;
        let rows: Vec<Laid> = self
            .rows
            .iter()
            .map(|r| self.lay_row(doc, r, &widths, room))
            .collect();
        let first = rows.first().map(|r| r.height).unwrap_or(0.0);
        doc.ensure(header.height + first);
        self.draw_header(doc, &widths, &header);
        let x0 = doc.left();
        let total_w: f32 = widths.iter().sum();
        for (i, (row, laid)) in self.rows.iter().zip(&rows).enumerate() {
            if doc.y + laid.height > doc.bottom() + 0.01 {
                let landscape = doc.is_landscape();
                doc.new_page(landscape);
                self.draw_header(doc, &widths, &header);
            }
            let y = doc.y;
            if row.kind == RowKind::Total {
                doc.page().line(
                    &[(x0, y), (x0 + total_w, y)],
                    palette::NAVY,
                    0.8,
                    Dash::Solid,
                );
            } else if i % 2 == 1 {
                doc.page()
                    .fill_rect(x0, y, total_w, laid.height, palette::STRIPE);
            }
            let mut x = x0;
            for (k, (w, lines)) in widths.iter().zip(&laid.lines).enumerate() {
                let cell = row.cells.get(k).cloned().unwrap_or_default();
                if let Some(fill) = cell.fill {
                    doc.page().fill_rect(x, y, *w, laid.height, fill);
                }
                let st = self.cell_style(row, &cell);
                for (n, line) in lines.iter().enumerate() {
                    let top = y + PAD_Y + n as f32 * st.line_height();
                    doc.text_in(
                        x + PAD_X,
                        w - 2.0 * PAD_X,
                        top,
                        line,
                        st,
                        self.columns[k].align,
                    );
                }
                x += w;
            }
            doc.y += laid.height;
        }
        let y = doc.y;
        doc.page().line(
            &[(x0, y), (x0 + total_w, y)],
            palette::RULE,
            0.6,
            Dash::Solid,
        );
        doc.y += 6.0;
    }
}
