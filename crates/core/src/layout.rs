//! Org-chart layout from reports-to: positions computed once here, drawn the same in the app
//! and in the printed plan. A tidy tree: each subtree owns a column band, parents centred over
//! their children; a manager whose reports are all leaves gets them stacked in a column so
//! wide teams stay readable.

use crate::model::*;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use ts_rs::TS;

pub const CARD_WIDTH: f64 = 180.0;
pub const CARD_HEIGHT: f64 = 64.0;
pub const H_GAP: f64 = 24.0;
pub const V_GAP: f64 = 48.0;
/// Leaf reports are stacked in a column when a manager has more than this many: a team of
/// individual contributors reads well as a list and keeps wide orgs narrow enough to fit.
pub const STACK_AFTER: usize = 1;
const STACK_INDENT: f64 = 24.0;
const STACK_GAP: f64 = 12.0;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct NodePosition {
    pub contact_id: Id,
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EdgeKind {
    ReportsTo,
    DottedLine,
    Influence,
    Conflict,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Edge {
    /// For reporting lines, `from` is the manager.
    pub from: Id,
    pub to: Id,
    pub kind: EdgeKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct OrgLayout {
    pub card_width: f64,
    pub card_height: f64,
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<NodePosition>,
    pub edges: Vec<Edge>,
}

/// Lay out the given contacts (a buying center's, or the whole account's). A manager outside
/// the set makes the contact a root.
pub fn layout(contacts: &[&Contact], lines: &[InfluenceLine]) -> OrgLayout {
    let ids: HashSet<Id> = contacts.iter().map(|c| c.id).collect();
    let by_id: HashMap<Id, &Contact> = contacts.iter().map(|c| (c.id, *c)).collect();
    let mut children: HashMap<Id, Vec<&Contact>> = HashMap::new();
    let mut roots: Vec<&Contact> = Vec::new();
    for c in contacts {
        match c.reports_to.filter(|m| ids.contains(m)) {
            Some(m) => children.entry(m).or_default().push(c),
            None => roots.push(c),
        }
    }
    // Sorting by name then id makes the layout independent of input order.
    let key = |c: &&Contact| (c.name.to_lowercase(), c.id);
    roots.sort_by_key(key);
    for list in children.values_mut() {
        list.sort_by_key(key);
    }

    let mut out = Placer {
        children: &children,
        nodes: Vec::with_capacity(contacts.len()),
        visited: HashSet::new(),
        max_y: 0.0,
    };
    let mut next_x = 0.0;
    for root in &roots {
        if let Some((width, _)) = out.place(root, next_x, 0.0) {
            next_x += width + H_GAP;
        }
    }
    // A loop in stored data (should not happen) leaves people unplaced: put them in a last row.
    let unplaced: Vec<&Contact> = contacts
        .iter()
        .filter(|c| !out.visited.contains(&c.id))
        .copied()
        .collect();
    let y = out.max_y + CARD_HEIGHT + V_GAP;
    for (i, c) in unplaced.iter().enumerate() {
        out.visited.insert(c.id);
        out.nodes.push(NodePosition {
            contact_id: c.id,
            x: i as f64 * (CARD_WIDTH + H_GAP),
            y,
        });
        out.max_y = out.max_y.max(y);
    }

    let mut edges = Vec::new();
    for c in contacts {
        if let Some(m) = c.reports_to.filter(|m| ids.contains(m)) {
            edges.push(Edge {
                from: m,
                to: c.id,
                kind: EdgeKind::ReportsTo,
            });
        }
        for d in c.dotted_line_to.iter().filter(|d| ids.contains(d)) {
            edges.push(Edge {
                from: *d,
                to: c.id,
                kind: EdgeKind::DottedLine,
            });
        }
    }
    for l in lines {
        if by_id.contains_key(&l.from_contact_id) && by_id.contains_key(&l.to_contact_id) {
            edges.push(Edge {
                from: l.from_contact_id,
                to: l.to_contact_id,
                kind: match l.kind {
                    LineKind::Influence => EdgeKind::Influence,
                    LineKind::Conflict => EdgeKind::Conflict,
                },
            });
        }
    }
    let width = out
        .nodes
        .iter()
        .map(|n| n.x + CARD_WIDTH)
        .fold(0.0, f64::max);
    let height = if out.nodes.is_empty() {
        0.0
    } else {
        out.max_y + CARD_HEIGHT
    };
    OrgLayout {
        card_width: CARD_WIDTH,
        card_height: CARD_HEIGHT,
        width,
        height,
        nodes: out.nodes,
        edges,
    }
}

struct Placer<'a> {
    children: &'a HashMap<Id, Vec<&'a Contact>>,
    nodes: Vec<NodePosition>,
    visited: HashSet<Id>,
    max_y: f64,
}

impl Placer<'_> {
    /// Place `c`'s subtree with its left edge at `left`; returns the subtree's width and the
    /// x of `c`'s own card, or None when `c` was already placed.
    fn place(&mut self, c: &Contact, left: f64, y: f64) -> Option<(f64, f64)> {
        if !self.visited.insert(c.id) {
            return None;
        }
        self.max_y = self.max_y.max(y);
        let kids: Vec<&Contact> = self
            .children
            .get(&c.id)
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|k| !self.visited.contains(&k.id))
                    .collect()
            })
            .unwrap_or_default();
        let child_y = y + CARD_HEIGHT + V_GAP;
        if kids.is_empty() {
            self.nodes.push(NodePosition {
                contact_id: c.id,
                x: left,
                y,
            });
            return Some((CARD_WIDTH, left));
        }
        let all_leaves = kids.iter().all(|k| !self.children.contains_key(&k.id));
        if all_leaves && kids.len() > STACK_AFTER {
            self.nodes.push(NodePosition {
                contact_id: c.id,
                x: left,
                y,
            });
            for (i, k) in kids.iter().enumerate() {
                self.visited.insert(k.id);
                let ky = child_y + i as f64 * (CARD_HEIGHT + STACK_GAP);
                self.max_y = self.max_y.max(ky);
                self.nodes.push(NodePosition {
                    contact_id: k.id,
                    x: left + STACK_INDENT,
                    y: ky,
                });
            }
            return Some((CARD_WIDTH + STACK_INDENT, left));
        }
        let mut x = left;
        let mut centres = Vec::with_capacity(kids.len());
        for k in kids {
            if let Some((w, kx)) = self.place(k, x, child_y) {
                centres.push(kx + CARD_WIDTH / 2.0);
                x += w + H_GAP;
            }
        }
        let span = (x - H_GAP - left).max(CARD_WIDTH);
        let centre = match (centres.first(), centres.last()) {
            (Some(a), Some(b)) => (a + b) / 2.0,
            _ => left + CARD_WIDTH / 2.0,
        };
        let px = (centre - CARD_WIDTH / 2.0).max(left);
        self.nodes.push(NodePosition {
            contact_id: c.id,
            x: px,
            y,
        });
        Some((span, px))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn person(name: &str, reports_to: Option<Id>) -> Contact {
        Contact {
            id: Uuid::new_v4(),
            buying_center_id: Uuid::nil(),
            name: name.into(),
            title: String::new(),
            reports_to,
            dotted_line_to: vec![],
            role: BuyingRole::User,
            influence: Influence::Low,
            attitude: Attitude::Neutral,
            relationships: vec![],
            last_contact_on: None,
            verified_on: None,
            email: String::new(),
            phone: String::new(),
            notes: String::new(),
        }
    }

    /// A deterministic org: a CEO, a few VPs, managers and teams of varied size.
    pub(crate) fn org(n: usize) -> Vec<Contact> {
        let mut people = vec![person("CEO", None)];
        let mut seed: u64 = 7;
        for i in 1..n {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let manager = (seed >> 33) as usize % i.min(1 + i / 3);
            let id = people[manager].id;
            people.push(person(&format!("P{i:03}"), Some(id)));
        }
        people
    }

    fn overlaps(a: &NodePosition, b: &NodePosition) -> bool {
        a.x < b.x + CARD_WIDTH
            && b.x < a.x + CARD_WIDTH
            && a.y < b.y + CARD_HEIGHT
            && b.y < a.y + CARD_HEIGHT
    }

    fn pos(l: &OrgLayout, id: Id) -> &NodePosition {
        l.nodes.iter().find(|n| n.contact_id == id).unwrap()
    }

    #[test]
    fn no_cards_overlap_and_everyone_is_placed() {
        for n in [1, 5, 40, 150, 500] {
            let people = org(n);
            let refs: Vec<&Contact> = people.iter().collect();
            let l = layout(&refs, &[]);
            assert_eq!(l.nodes.len(), n);
            for (i, a) in l.nodes.iter().enumerate() {
                for b in &l.nodes[i + 1..] {
                    assert!(!overlaps(a, b), "overlap at n={n}: {a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn children_sit_below_their_manager() {
        let people = org(60);
        let refs: Vec<&Contact> = people.iter().collect();
        let l = layout(&refs, &[]);
        for c in &people {
            if let Some(m) = c.reports_to {
                assert!(
                    pos(&l, c.id).y > pos(&l, m).y,
                    "{} not below manager",
                    c.name
                );
            }
        }
    }

    #[test]
    fn stable_under_reordering() {
        let people = org(80);
        let refs: Vec<&Contact> = people.iter().collect();
        let a = layout(&refs, &[]);
        let mut reversed = refs.clone();
        reversed.reverse();
        let b = layout(&reversed, &[]);
        for n in &a.nodes {
            let m = pos(&b, n.contact_id);
            assert_eq!((n.x, n.y), (m.x, m.y));
        }
    }

    #[test]
    fn edges_cover_reporting_dotted_and_influence_lines() {
        let boss = person("Boss", None);
        let mut a = person("A", Some(boss.id));
        let other = person("Other", None);
        a.dotted_line_to = vec![other.id];
        let line = InfluenceLine {
            id: Uuid::new_v4(),
            from_contact_id: other.id,
            to_contact_id: boss.id,
            kind: LineKind::Conflict,
        };
        let l = layout(&[&boss, &a, &other], &[line]);
        let kinds: Vec<EdgeKind> = l.edges.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            vec![
                EdgeKind::ReportsTo,
                EdgeKind::DottedLine,
                EdgeKind::Conflict
            ]
        );
    }

    #[test]
    fn manager_outside_the_set_makes_a_root() {
        let boss = person("Boss", None);
        let a = person("A", Some(boss.id));
        let l = layout(&[&a], &[]);
        assert_eq!(l.nodes.len(), 1);
        assert_eq!(l.nodes[0].y, 0.0);
        assert!(l.edges.is_empty());
    }
}
