//! The relationship map as a drawn org chart. Positions come from the core's layout (the
//! same the app shows); this module scales them to the page, cuts a chart too big for one
//! page into tiles between cards (never through one), and draws cards and lines.
//!
//! Every signal is drawn twice, once in colour and once as text or line style, so the
//! chart survives a black-and-white printer: attitude is the card's fill and a label with
//! a sign ("++ Champion"); reporting lines are solid, dotted-line managers dotted, influence
//! blue with an arrow, conflict red and dashed.

use crate::layout::{palette, Align, Color, Dash, Doc, Style};
use planner_core::layout::{EdgeKind, NodePosition, OrgLayout, STACK_AFTER, V_GAP};
use planner_core::model::{Attitude, Contact, Id};
use std::collections::HashMap;

/// Cards smaller than this are unreadable: the chart is tiled instead.
pub const MIN_SCALE: f32 = 0.6;
/// Cards are never drawn bigger than this (a 180-unit card is then 144 pt wide).
pub const MAX_SCALE: f32 = 0.8;
/// The layout indents stacked reports by this much (planner_core::layout's STACK_INDENT).
const STACK_INDENT: f64 = 24.0;
/// Room above the first and below the last row of cards (layout units) for lines routed
/// around cards.
const PAD: f64 = V_GAP * 0.45;

pub fn attitude_color(a: Attitude) -> Color {
    match a {
        Attitude::Champion => palette::GREEN,
        Attitude::Supporter => palette::LIGHT_GREEN,
        Attitude::Neutral => palette::GREY,
        Attitude::Skeptic => palette::AMBER,
        Attitude::Opponent => palette::RED,
    }
}

/// The sign printed with the attitude, readable without colour.
pub fn attitude_sign(a: Attitude) -> &'static str {
    match a {
        Attitude::Champion => "++",
        Attitude::Supporter => "+",
        Attitude::Neutral => "o",
        Attitude::Skeptic => "−",
        Attitude::Opponent => "−−",
    }
}

pub const INFLUENCE_COLOR: Color = palette::BLUE;
pub const CONFLICT_COLOR: Color = palette::RED;
pub const REPORT_COLOR: Color = Color::hex(0x5b6b7f);

pub struct OrgChart<'a> {
    pub layout: &'a OrgLayout,
    pub contacts: HashMap<Id, &'a Contact>,
    /// Name of the owner of a contact on our team, if any.
    pub owner_name: &'a dyn Fn(&Contact) -> Option<String>,
}

/// A rectangle of the layout (in layout units) printed on one page.
#[derive(Debug, Clone, Copy)]
struct Tile {
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
}

/// Split [0, total] into bands no longer than `max`, cutting only where no card spans.
/// `starts` are card starts along the axis, `size` the card size along it.
fn bands(starts: &[f64], size: f64, total: f64, max: f64) -> Vec<(f64, f64)> {
    let mut cuts: Vec<f64> = starts
        .iter()
        .copied()
        .filter(|c| !starts.iter().any(|s| *s < *c && s + size > *c))
        .collect();
    cuts.sort_by(f64::total_cmp);
    cuts.dedup();
    let mut out = Vec::new();
    let mut start = 0.0;
    loop {
        if total - start <= max {
            out.push((start, total));
            break;
        }
        // The furthest cut within reach; if none, cut at reach anyway (a card wider than a
        // page cannot happen with MIN_SCALE, but never loop forever).
        let next = cuts
            .iter()
            .copied()
            .filter(|c| *c > start + 1.0 && *c - start <= max)
            .fold(None, |_, c| Some(c))
            .unwrap_or(start + max);
        out.push((start, next));
        start = next;
    }
    out
}

impl OrgChart<'_> {
    /// The scale this chart would get on a content box `width` wide.
    pub fn fit_scale(&self, width: f32) -> f32 {
        if self.layout.width <= 0.0 {
            return MAX_SCALE;
        }
        (width / self.layout.width as f32).min(MAX_SCALE)
    }

    fn pos(&self, id: Id) -> Option<&NodePosition> {
        self.layout.nodes.iter().find(|n| n.contact_id == id)
    }

    /// Draw at the cursor, tiling over as many pages (of the current orientation) as needed.
    /// `reserve_below` is what should still fit under the chart on the same page (legend,
    /// coverage gaps): the chart shrinks towards [`MIN_SCALE`] to make room rather than
    /// push a few lines onto a page of their own.
    pub fn draw(&self, doc: &mut Doc, reserve_below: f32) {
        if self.layout.nodes.is_empty() {
            return;
        }
        let by_width = self.fit_scale(doc.width()).max(MIN_SCALE);
        let tall = (self.layout.height + 2.0 * PAD) as f32;
        let room = doc.remaining() - 24.0 - reserve_below;
        let s = if tall * by_width <= room {
            by_width
        } else if room / tall >= MIN_SCALE {
            room / tall
        } else {
            by_width
        };
        let sd = s as f64;
        let card_w = self.layout.card_width;
        let card_h = self.layout.card_height;
        let xs: Vec<f64> = self.layout.nodes.iter().map(|n| n.x).collect();
        let ys: Vec<f64> = self.layout.nodes.iter().map(|n| n.y).collect();
        let col_bands = bands(&xs, card_w, self.layout.width, doc.width() as f64 / sd);
        // Rows: leave room for the note under a tile.
        let row_bands = bands(
            &ys,
            card_h,
            self.layout.height,
            (doc.full_height() as f64 - 24.0) / sd - 2.0 * PAD,
        );
        let tiles: Vec<Tile> = row_bands
            .iter()
            .flat_map(|(y0, y1)| {
                col_bands.iter().map(move |(x0, x1)| Tile {
                    x0: *x0,
                    x1: *x1,
                    y0: *y0,
                    y1: *y1,
                })
            })
            // Trim each tile to the rows its cards occupy: a column band of a wide, shallow
            // forest must not carry the empty height of its neighbours' deeper trees.
            .filter_map(|t| {
                let ys: Vec<f64> = self
                    .layout
                    .nodes
                    .iter()
                    .filter(|n| n.x >= t.x0 && n.x < t.x1 && n.y >= t.y0 && n.y < t.y1)
                    .map(|n| n.y)
                    .collect();
                let top = ys.iter().copied().fold(f64::INFINITY, f64::min);
                let bottom = ys.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                (!ys.is_empty()).then_some(Tile {
                    y0: top,
                    y1: bottom + card_h,
                    ..t
                })
            })
            .collect();
        let n = tiles.len();
        for (i, t) in tiles.iter().enumerate() {
            let h = ((t.y1 - t.y0 + 2.0 * PAD) * sd) as f32;
            doc.ensure(h + 16.0);
            self.draw_tile(doc, *t, s);
            if n > 1 {
                let note = if i + 1 < n {
                    format!(
                        "Part {} of {} of this chart, continued in part {}; lines that leave \
                         the edge continue there.",
                        i + 1,
                        n,
                        i + 2
                    )
                } else {
                    format!("Part {} of {} of this chart.", i + 1, n)
                };
                let (x, w, y) = (doc.left(), doc.width(), doc.y);
                doc.text_in(x, w, y, &note, Style::SMALL, Align::Left);
                doc.y += Style::SMALL.line_height() + 4.0;
            }
        }
    }

    fn draw_tile(&self, doc: &mut Doc, t: Tile, s: f32) {
        let sd = s as f64;
        let ox = doc.left() as f64 - t.x0 * sd;
        let oy = doc.y as f64 - (t.y0 - PAD) * sd;
        let tile_w = ((t.x1 - t.x0) * sd) as f32;
        let tile_h = ((t.y1 - t.y0 + 2.0 * PAD) * sd) as f32;
        let to_page = |x: f64, y: f64| ((ox + x * sd) as f32, (oy + y * sd) as f32);
        let cw = self.layout.card_width;
        let ch = self.layout.card_height;
        let (clip_x, clip_y) = (doc.left() - 2.0, doc.y - 2.0);
        doc.page()
            .begin_clip(clip_x, clip_y, tile_w + 4.0, tile_h + 4.0);
        // Count reports per manager to recognise stacked columns.
        let mut reports: HashMap<Id, usize> = HashMap::new();
        for e in &self.layout.edges {
            if e.kind == EdgeKind::ReportsTo {
                *reports.entry(e.from).or_default() += 1;
            }
        }
        for e in &self.layout.edges {
            let (Some(a), Some(b)) = (self.pos(e.from), self.pos(e.to)) else {
                continue;
            };
            match e.kind {
                EdgeKind::ReportsTo => {
                    let stacked = reports.get(&e.from).copied().unwrap_or(0) > STACK_AFTER
                        && (b.x - a.x - STACK_INDENT).abs() < 0.01
                        && b.y > a.y;
                    let pts: Vec<(f32, f32)> = if stacked {
                        vec![
                            to_page(a.x + STACK_INDENT / 2.0, a.y + ch),
                            to_page(a.x + STACK_INDENT / 2.0, b.y + ch / 2.0),
                            to_page(b.x, b.y + ch / 2.0),
                        ]
                    } else {
                        let mid = a.y + ch + V_GAP / 2.0;
                        vec![
                            to_page(a.x + cw / 2.0, a.y + ch),
                            to_page(a.x + cw / 2.0, mid),
                            to_page(b.x + cw / 2.0, mid),
                            to_page(b.x + cw / 2.0, b.y),
                        ]
                    };
                    doc.page().line(&pts, REPORT_COLOR, 0.8, Dash::Solid);
                }
                kind => {
                    let (color, dash, width, lane) = match kind {
                        EdgeKind::DottedLine => (REPORT_COLOR, Dash::Dotted, 1.1, 0.38),
                        EdgeKind::Influence => (INFLUENCE_COLOR, Dash::Solid, 1.0, 0.22),
                        _ => (CONFLICT_COLOR, Dash::Dashed, 1.3, 0.30),
                    };
                    let path = self.route(a, b, lane);
                    let pts: Vec<(f32, f32)> = path.iter().map(|(x, y)| to_page(*x, *y)).collect();
                    doc.page().line(&pts, color, width, dash);
                    if kind == EdgeKind::Influence && pts.len() >= 2 {
                        let k = pts.len();
                        arrow_head(doc, pts[k - 2], pts[k - 1], color, 5.0);
                    }
                }
            }
        }
        for n in &self.layout.nodes {
            if n.x < t.x0 || n.x >= t.x1 || n.y < t.y0 || n.y >= t.y1 {
                continue;
            }
            if let Some(c) = self.contacts.get(&n.contact_id) {
                let (x, y) = to_page(n.x, n.y);
                self.card(doc, c, x, y, (cw * sd) as f32, (ch * sd) as f32, s);
            }
        }
        doc.page().end_clip();
        doc.y += tile_h + 6.0;
    }

    /// A path for an informal line from `a` to `b` that crosses no other card if it can:
    /// straight between the borders, or else along the lane `lane` (a fraction of the
    /// vertical gap) below or above the cards, clear of the reporting lines at mid-gap.
    fn route(&self, a: &NodePosition, b: &NodePosition, lane: f64) -> Vec<(f64, f64)> {
        let (w, h) = (self.layout.card_width, self.layout.card_height);
        let (p, q) = border_segment(a, b, w, h);
        let straight = vec![p, q];
        let (ac, bc) = (a.x + w / 2.0, b.x + w / 2.0);
        let below_y = a.y.max(b.y) + h + V_GAP * lane;
        let below = vec![(ac, a.y + h), (ac, below_y), (bc, below_y), (bc, b.y + h)];
        let above_y = a.y.min(b.y) - V_GAP * lane;
        let above = vec![(ac, a.y), (ac, above_y), (bc, above_y), (bc, b.y)];
        let mut best = (usize::MAX, straight.clone());
        for path in [straight, below, above] {
            let hits = self.cards_hit(&path, a.contact_id, b.contact_id);
            if hits == 0 {
                return path;
            }
            if hits < best.0 {
                best = (hits, path);
            }
        }
        best.1
    }

    /// How many cards other than the two ends a polyline passes through.
    fn cards_hit(&self, path: &[(f64, f64)], a: Id, b: Id) -> usize {
        let (w, h) = (self.layout.card_width, self.layout.card_height);
        self.layout
            .nodes
            .iter()
            .filter(|n| n.contact_id != a && n.contact_id != b)
            .filter(|n| {
                let r = (n.x + 1.0, n.y + 1.0, n.x + w - 1.0, n.y + h - 1.0);
                path.windows(2).any(|s| segment_hits_rect(s[0], s[1], r))
            })
            .count()
    }

    #[allow(clippy::too_many_arguments)]
    fn card(&self, doc: &mut Doc, c: &Contact, x: f32, y: f32, w: f32, h: f32, s: f32) {
        let color = attitude_color(c.attitude);
        let band = 5.0 * s;
        doc.page().fill_rect(x, y, w, h, color.tint(0.82));
        doc.page().fill_rect(x, y, band, h, color);
        doc.page().stroke_rect(x, y, w, h, color, 0.7);
        let pad = 4.0 * s;
        let tx = x + band + pad;
        let tw = w - band - 2.0 * pad;
        let name_st = Style::new(10.0 * s, true, palette::INK);
        let st = Style::new(8.0 * s, false, palette::INK);
        let muted = st.color(palette::MUTED);
        let mut ty = y + pad * 0.8;
        doc.text_in(tx, tw, ty, &c.name, name_st, Align::Left);
        ty += name_st.line_height();
        doc.text_in(tx, tw, ty, &c.title, muted, Align::Left);
        ty += st.line_height();
        let role = format!("{} · {} influence", c.role.label(), c.influence.label());
        doc.text_in(tx, tw, ty, &role, st, Align::Left);
        ty += st.line_height();
        let att = format!("{} {}", attitude_sign(c.attitude), c.attitude.label());
        let att_st = st.bold();
        let aw = doc.measure(&att, att_st);
        let owner = match (self.owner_name)(c) {
            Some(o) => format!("Owner: {o}"),
            None => "No owner".to_string(),
        };
        let owner_st = if (self.owner_name)(c).is_some() {
            st
        } else {
            st.bold().color(palette::RED)
        };
        doc.text_in(tx, tw - aw - 4.0, ty, &owner, owner_st, Align::Left);
        doc.text_in(tx + tw - aw, aw, ty, &att, att_st, Align::Right);
    }
}

/// The segment between the borders of two cards, along the line joining their centres.
fn border_segment(a: &NodePosition, b: &NodePosition, w: f64, h: f64) -> ((f64, f64), (f64, f64)) {
    let ca = (a.x + w / 2.0, a.y + h / 2.0);
    let cb = (b.x + w / 2.0, b.y + h / 2.0);
    let (dx, dy) = (cb.0 - ca.0, cb.1 - ca.1);
    let exit = |c: (f64, f64), dx: f64, dy: f64| {
        let tx = if dx.abs() > 1e-9 {
            (w / 2.0) / dx.abs()
        } else {
            f64::INFINITY
        };
        let ty = if dy.abs() > 1e-9 {
            (h / 2.0) / dy.abs()
        } else {
            f64::INFINITY
        };
        let t = tx.min(ty).min(1.0);
        (c.0 + dx * t, c.1 + dy * t)
    };
    (exit(ca, dx, dy), exit(cb, -dx, -dy))
}

/// Whether segment p-q passes through the rectangle (x0, y0, x1, y1) (Liang-Barsky).
fn segment_hits_rect(p: (f64, f64), q: (f64, f64), r: (f64, f64, f64, f64)) -> bool {
    let (dx, dy) = (q.0 - p.0, q.1 - p.1);
    let mut t0: f64 = 0.0;
    let mut t1: f64 = 1.0;
    for (den, num) in [
        (-dx, p.0 - r.0),
        (dx, r.2 - p.0),
        (-dy, p.1 - r.1),
        (dy, r.3 - p.1),
    ] {
        if den.abs() < 1e-12 {
            if num < 0.0 {
                return false;
            }
        } else {
            let t = num / den;
            if den < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

fn arrow_head(doc: &mut Doc, from: (f32, f32), to: (f32, f32), color: Color, size: f32) {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 1.0 {
        return;
    }
    let (ux, uy) = (dx / len, dy / len);
    let back = (to.0 - ux * size, to.1 - uy * size);
    let (px, py) = (-uy * size * 0.45, ux * size * 0.45);
    doc.page().fill_polygon(
        &[to, (back.0 + px, back.1 + py), (back.0 - px, back.1 - py)],
        color,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_never_cut_through_a_card() {
        let starts = [0.0, 204.0, 408.0, 612.0, 816.0];
        let b = bands(&starts, 180.0, 996.0, 450.0);
        assert!(b.len() >= 3);
        for (a, z) in &b {
            assert!(z - a <= 450.0);
            for s in starts {
                assert!(
                    !(s < *z && s + 180.0 > *z && *z < 996.0),
                    "cut {z} splits {s}"
                );
            }
        }
        assert_eq!(bands(&starts, 180.0, 996.0, 2000.0), vec![(0.0, 996.0)]);
    }

    #[test]
    fn segment_rect_intersection() {
        let r = (10.0, 10.0, 20.0, 20.0);
        assert!(segment_hits_rect((0.0, 15.0), (30.0, 15.0), r));
        assert!(!segment_hits_rect((0.0, 0.0), (30.0, 5.0), r));
        assert!(!segment_hits_rect((0.0, 15.0), (9.0, 15.0), r));
        assert!(segment_hits_rect((15.0, 0.0), (15.0, 30.0), r));
    }

    #[test]
    fn border_segment_stays_outside_cards() {
        let a = NodePosition {
            contact_id: Id::nil(),
            x: 0.0,
            y: 0.0,
        };
        let b = NodePosition {
            contact_id: Id::nil(),
            x: 300.0,
            y: 0.0,
        };
        let (p, q) = border_segment(&a, &b, 180.0, 64.0);
        assert_eq!(p, (180.0, 32.0));
        assert_eq!(q, (300.0, 32.0));
    }
}
