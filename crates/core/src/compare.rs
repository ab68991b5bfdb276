//! What changed between two points of a plan (a snapshot and now, or two snapshots): the
//! "Since last QBR" screen, page and summary block all read this one comparison.
//!
//! Every figure comes from the two `PlanView`s as they are (never recomputed another way), and
//! records are matched by id, so a renamed contact is the same person and a deleted one has left.

use crate::model::*;
use crate::money::{Currency, Money};
use crate::relmap::GapKind;
use crate::view::PlanView;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// Which way a number or a state moved, for the arrow a reader sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Arrow {
    Up,
    Down,
    Same,
    New,
    Gone,
}

/// Whether the move is good or bad news for the account team (the colour, always shown beside
/// words so colour is never the only signal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Tone {
    Good,
    Bad,
    Neutral,
}

/// One end of the comparison: a snapshot or the plan as it is now.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ComparePoint {
    /// The snapshot's label, or "Now".
    pub label: String,
    pub on: NaiveDate,
    pub snapshot_id: Option<Id>,
}

/// A share that moved, in percentage points.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ShareMove {
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// (after - before) x 100; None when either share is undefined (no wallet).
    pub points: Option<f64>,
    pub arrow: Arrow,
    pub tone: Tone,
    /// "up 4 pts", "no change".
    pub words: String,
}

/// An amount that moved.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MoneyMove {
    pub before: Money,
    pub after: Money,
    pub delta: Money,
    pub arrow: Arrow,
    pub tone: Tone,
    /// "up 12.0k EUR", "no change".
    pub words: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FiguresMove {
    pub wallet_share: ShareMove,
    pub forecast: MoneyMove,
    pub gap_to_goal: MoneyMove,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BuyingCenterMove {
    pub buying_center_id: Id,
    pub name: String,
    /// New = added since the earlier point, Gone = removed, Same = in both.
    pub presence: Arrow,
    pub figures: FiguresMove,
}

/// What kind of change one record went through, with its before and after where it has them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum ChangeKind {
    PersonAdded,
    PersonLeft,
    Attitude {
        from: Attitude,
        to: Attitude,
    },
    /// The strongest relationship any of our team holds with the person.
    RelationshipLevel {
        from: RelationshipLevel,
        to: RelationshipLevel,
    },
    GapOpened {
        gap: GapKind,
    },
    GapClosed {
        gap: GapKind,
    },
    CellStatus {
        from: Option<CellStatus>,
        to: Option<CellStatus>,
    },
    CellScore {
        from: Option<u8>,
        to: Option<u8>,
    },
    OpportunityAdded,
    OpportunityRemoved,
    OpportunityWon,
    OpportunityLost,
    OpportunityReopened,
    StageMoved {
        from: OpportunityStage,
        to: OpportunityStage,
    },
    CloseDateMoved {
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
    ActionDone,
    ActionNewlyOverdue,
    CampaignStarted,
    CampaignEnded,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Change {
    /// The record that changed (contact, cell, opportunity, action, campaign; for a coverage
    /// gap, its contact or else its buying center).
    pub id: Id,
    /// Who or what, as a reader recognises it: "Dr. Anna Weber (CFO)", "Finance · Fleet analytics".
    pub subject: String,
    pub change: ChangeKind,
    pub arrow: Arrow,
    pub tone: Tone,
    /// The move in words: "Skeptic to Supporter", "won", "newly overdue".
    pub words: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PlanComparison {
    pub from: ComparePoint,
    pub to: ComparePoint,
    pub currency: Currency,
    /// The account's totals (sums over its buying centers, as the views give them).
    pub account: FiguresMove,
    /// Every buying center of either point, in the later point's order, removed ones last.
    pub buying_centers: Vec<BuyingCenterMove>,
    pub people: Vec<Change>,
    pub coverage_gaps: Vec<Change>,
    pub white_space: Vec<Change>,
    pub opportunities: Vec<Change>,
    pub actions: Vec<Change>,
    pub campaigns: Vec<Change>,
    /// How many record changes the lists above hold (figures not counted).
    pub change_count: u32,
}

/// Compare two views of the same plan. The points are labelled by date; the caller names them
/// (a snapshot's label, "Now") with [`PlanComparison::labelled`].
pub fn compare(before: &PlanView, after: &PlanView) -> PlanComparison {
    let currency = after.plan.currency.clone();
    let people = people(before, after);
    let coverage_gaps = coverage_gaps(before, after);
    let white_space = white_space(before, after);
    let opportunities = opportunities(before, after);
    let actions = actions(before, after);
    let campaigns = campaigns(before, after);
    let change_count = [
        &people,
        &coverage_gaps,
        &white_space,
        &opportunities,
        &actions,
        &campaigns,
    ]
    .iter()
    .map(|l| l.len() as u32)
    .sum();
    PlanComparison {
        from: point(before),
        to: point(after),
        account: FiguresMove {
            wallet_share: share_move(before.totals.wallet_share, after.totals.wallet_share),
            forecast: money_move(
                before.totals.forecast.total,
                after.totals.forecast.total,
                true,
                &currency,
            ),
            gap_to_goal: money_move(
                before.totals.gap_to_goal,
                after.totals.gap_to_goal,
                false,
                &currency,
            ),
        },
        buying_centers: buying_centers(before, after, &currency),
        currency,
        people,
        coverage_gaps,
        white_space,
        opportunities,
        actions,
        campaigns,
        change_count,
    }
}

impl PlanComparison {
    pub fn labelled(mut self, from: &str, to: &str) -> PlanComparison {
        self.from.label = from.to_string();
        self.to.label = to.to_string();
        self
    }

    pub fn with_snapshots(mut self, from: Option<Id>, to: Option<Id>) -> PlanComparison {
        self.from.snapshot_id = from;
        self.to.snapshot_id = to;
        self
    }

    /// Nothing moved: no record changed and no figure of the account or a buying center.
    pub fn is_unchanged(&self) -> bool {
        self.change_count == 0
            && figures_unchanged(&self.account)
            && self
                .buying_centers
                .iter()
                .all(|b| b.presence == Arrow::Same && figures_unchanged(&b.figures))
    }
}

fn figures_unchanged(f: &FiguresMove) -> bool {
    f.wallet_share.arrow == Arrow::Same
        && f.forecast.arrow == Arrow::Same
        && f.gap_to_goal.arrow == Arrow::Same
}

fn point(v: &PlanView) -> ComparePoint {
    ComparePoint {
        label: v.today.to_string(),
        on: v.today,
        snapshot_id: None,
    }
}

/// Shares closer than half a tenth of a point read as unchanged (rounding noise).
const SHARE_EPSILON_POINTS: f64 = 0.05;

fn share_move(before: Option<f64>, after: Option<f64>) -> ShareMove {
    let points = match (before, after) {
        (Some(b), Some(a)) => Some((a - b) * 100.0),
        _ => None,
    };
    let (arrow, tone, words) = match (points, before, after) {
        (Some(p), _, _) if p.abs() < SHARE_EPSILON_POINTS => {
            (Arrow::Same, Tone::Neutral, "no change".to_string())
        }
        (Some(p), _, _) if p > 0.0 => (Arrow::Up, Tone::Good, format!("up {}", points_text(p))),
        (Some(p), _, _) => (Arrow::Down, Tone::Bad, format!("down {}", points_text(p))),
        (None, None, None) => (Arrow::Same, Tone::Neutral, "no change".to_string()),
        (None, None, Some(_)) => (Arrow::New, Tone::Neutral, "now known".to_string()),
        (None, _, _) => (Arrow::Gone, Tone::Neutral, "no longer known".to_string()),
    };
    ShareMove {
        before,
        after,
        points,
        arrow,
        tone,
        words,
    }
}

/// Whole points from one point up, one decimal below: "0.4 pts", "1 pt", "4 pts".
fn points_text(p: f64) -> String {
    let p = p.abs();
    let n = if p >= 0.95 {
        format!("{:.0}", p)
    } else {
        format!("{:.1}", p)
    };
    if n == "1" {
        "1 pt".to_string()
    } else {
        format!("{n} pts")
    }
}

/// `higher_is_better` is true for the forecast, false for the gap to goal.
fn money_move(before: Money, after: Money, higher_is_better: bool, c: &Currency) -> MoneyMove {
    let delta = Money(after.0 - before.0);
    let (arrow, good) = match delta.0.signum() {
        0 => (Arrow::Same, None),
        1 => (Arrow::Up, Some(higher_is_better)),
        _ => (Arrow::Down, Some(!higher_is_better)),
    };
    let words = match arrow {
        Arrow::Same => "no change".to_string(),
        Arrow::Up => format!("up {}", c.format_compact(delta)),
        _ => format!("down {}", c.format_compact(Money(-delta.0))),
    };
    MoneyMove {
        before,
        after,
        delta,
        arrow,
        tone: match good {
            None => Tone::Neutral,
            Some(true) => Tone::Good,
            Some(false) => Tone::Bad,
        },
        words,
    }
}

fn buying_centers(before: &PlanView, after: &PlanView, c: &Currency) -> Vec<BuyingCenterMove> {
    let old: HashMap<Id, _> = before
        .buying_centers
        .iter()
        .map(|b| (b.buying_center.id, b))
        .collect();
    let mut out: Vec<BuyingCenterMove> = after
        .buying_centers
        .iter()
        .map(|a| {
            let b = old.get(&a.buying_center.id);
            BuyingCenterMove {
                buying_center_id: a.buying_center.id,
                name: a.buying_center.name.clone(),
                presence: if b.is_some() { Arrow::Same } else { Arrow::New },
                figures: FiguresMove {
                    wallet_share: share_move(
                        b.and_then(|b| b.figures.wallet_share),
                        a.figures.wallet_share,
                    ),
                    forecast: money_move(
                        b.map_or(Money::ZERO, |b| b.figures.forecast.total),
                        a.figures.forecast.total,
                        true,
                        c,
                    ),
                    gap_to_goal: money_move(
                        b.map_or(Money::ZERO, |b| b.figures.gap_to_goal),
                        a.figures.gap_to_goal,
                        false,
                        c,
                    ),
                },
            }
        })
        .collect();
    for b in &before.buying_centers {
        if after
            .buying_centers
            .iter()
            .all(|a| a.buying_center.id != b.buying_center.id)
        {
            out.push(BuyingCenterMove {
                buying_center_id: b.buying_center.id,
                name: b.buying_center.name.clone(),
                presence: Arrow::Gone,
                figures: FiguresMove {
                    wallet_share: share_move(b.figures.wallet_share, None),
                    forecast: money_move(b.figures.forecast.total, Money::ZERO, true, c),
                    gap_to_goal: money_move(b.figures.gap_to_goal, Money::ZERO, false, c),
                },
            });
        }
    }
    out
}

fn change(
    id: Id,
    subject: String,
    change: ChangeKind,
    arrow: Arrow,
    tone: Tone,
    words: String,
) -> Change {
    Change {
        id,
        subject,
        change,
        arrow,
        tone,
        words,
    }
}

fn person(c: &Contact) -> String {
    if c.title.trim().is_empty() {
        c.name.clone()
    } else {
        format!("{} ({})", c.name, c.title)
    }
}

fn strongest_level(c: &Contact) -> RelationshipLevel {
    c.relationships
        .iter()
        .map(|r| r.level)
        .max()
        .unwrap_or(RelationshipLevel::None)
}

/// Up when the move is toward us (a Champion ranks above an Opponent; a Trusted advisor above
/// None): both enums list their best value first.
fn rank_move<T: Ord>(from: T, to: T) -> (Arrow, Tone) {
    if to < from {
        (Arrow::Up, Tone::Good)
    } else {
        (Arrow::Down, Tone::Bad)
    }
}

fn people(before: &PlanView, after: &PlanView) -> Vec<Change> {
    let old: HashMap<Id, &Contact> = before.contacts.iter().map(|c| (c.id, c)).collect();
    let mut out = Vec::new();
    for a in &after.contacts {
        let Some(b) = old.get(&a.id) else {
            out.push(change(
                a.id,
                person(a),
                ChangeKind::PersonAdded,
                Arrow::New,
                Tone::Neutral,
                "added".into(),
            ));
            continue;
        };
        if a.attitude != b.attitude {
            let (arrow, tone) = rank_move(b.attitude, a.attitude);
            out.push(change(
                a.id,
                person(a),
                ChangeKind::Attitude {
                    from: b.attitude,
                    to: a.attitude,
                },
                arrow,
                tone,
                format!("attitude {} to {}", b.attitude.label(), a.attitude.label()),
            ));
        }
        let (from, to) = (strongest_level(b), strongest_level(a));
        if from != to {
            // RelationshipLevel lists its weakest level first, unlike Attitude.
            let (arrow, tone) = rank_move(to, from);
            out.push(change(
                a.id,
                person(a),
                ChangeKind::RelationshipLevel { from, to },
                arrow,
                tone,
                format!("relationship {} to {}", from.label(), to.label()),
            ));
        }
    }
    for b in &before.contacts {
        if after.contacts.iter().all(|a| a.id != b.id) {
            out.push(change(
                b.id,
                person(b),
                ChangeKind::PersonLeft,
                Arrow::Gone,
                Tone::Neutral,
                "left".into(),
            ));
        }
    }
    out
}

fn gap_label(k: GapKind) -> &'static str {
    match k {
        GapKind::NoOwner => "no owner",
        GapKind::WeakRelationship => "weak relationship",
        GapKind::NegativeAttitude => "negative attitude",
        GapKind::SingleThreaded => "single-threaded",
        GapKind::NoEconomicBuyer => "no economic buyer",
        GapKind::NoChampion => "no champion",
        GapKind::Stale => "assessment stale",
    }
}

fn coverage_gaps(before: &PlanView, after: &PlanView) -> Vec<Change> {
    let key = |g: &crate::relmap::CoverageGap| (g.kind, g.buying_center_id, g.contact_id);
    let subject = |v: &PlanView, g: &crate::relmap::CoverageGap| {
        let contact = g
            .contact_id
            .and_then(|id| v.contacts.iter().find(|c| c.id == id))
            .map(person);
        contact.unwrap_or_else(|| bc_name(v, g.buying_center_id))
    };
    let mut out = Vec::new();
    for g in &after.coverage_gaps {
        if !before.coverage_gaps.iter().any(|b| key(b) == key(g)) {
            out.push(change(
                g.contact_id.unwrap_or(g.buying_center_id),
                subject(after, g),
                ChangeKind::GapOpened { gap: g.kind },
                Arrow::New,
                Tone::Bad,
                format!("opened: {}", gap_label(g.kind)),
            ));
        }
    }
    for g in &before.coverage_gaps {
        if !after.coverage_gaps.iter().any(|a| key(a) == key(g)) {
            out.push(change(
                g.contact_id.unwrap_or(g.buying_center_id),
                subject(before, g),
                ChangeKind::GapClosed { gap: g.kind },
                Arrow::Gone,
                Tone::Good,
                format!("closed: {}", gap_label(g.kind)),
            ));
        }
    }
    out
}

fn bc_name(v: &PlanView, id: Id) -> String {
    v.buying_centers
        .iter()
        .find(|b| b.buying_center.id == id)
        .map(|b| b.buying_center.name.clone())
        .unwrap_or_else(|| "A removed buying center".into())
}

fn offering_name(v: &PlanView, id: Id) -> String {
    v.white_space
        .columns
        .iter()
        .find(|o| o.id == id)
        .map(|o| o.name.clone())
        .unwrap_or_else(|| "An offering".into())
}

fn status_rank(s: CellStatus) -> u8 {
    // How far along the cell is toward revenue for us.
    match s {
        CellStatus::Installed => 4,
        CellStatus::InPipeline => 3,
        CellStatus::Open => 2,
        CellStatus::Competitor | CellStatus::Blocked => 1,
        CellStatus::NotApplicable => 0,
    }
}

fn white_space(before: &PlanView, after: &PlanView) -> Vec<Change> {
    let old: HashMap<Id, _> = before
        .white_space
        .cells
        .iter()
        .map(|c| (c.cell.id, c))
        .collect();
    let mut out = Vec::new();
    for a in &after.white_space.cells {
        let subject = format!(
            "{} \u{b7} {}",
            bc_name(after, a.cell.buying_center_id),
            offering_name(after, a.cell.offering_id)
        );
        let b = old.get(&a.cell.id);
        let from_status = b.map(|b| b.status);
        if from_status != Some(a.status) {
            let (arrow, tone) = match from_status {
                None => (Arrow::New, Tone::Neutral),
                Some(f) if status_rank(a.status) > status_rank(f) => (Arrow::Up, Tone::Good),
                Some(f) if status_rank(a.status) < status_rank(f) => (Arrow::Down, Tone::Bad),
                Some(_) => (Arrow::Same, Tone::Neutral),
            };
            let words = match from_status {
                None => format!("added as {}", a.status.label()),
                Some(f) => format!("{} to {}", f.label(), a.status.label()),
            };
            out.push(change(
                a.cell.id,
                subject.clone(),
                ChangeKind::CellStatus {
                    from: from_status,
                    to: Some(a.status),
                },
                arrow,
                tone,
                words,
            ));
        }
        if let Some(b) = b {
            if b.mutual_value_score != a.mutual_value_score {
                let (arrow, tone, words) = match (b.mutual_value_score, a.mutual_value_score) {
                    (Some(f), Some(t)) if t > f => {
                        (Arrow::Up, Tone::Good, format!("score up {f} to {t}"))
                    }
                    (Some(f), Some(t)) => {
                        (Arrow::Down, Tone::Bad, format!("score down {f} to {t}"))
                    }
                    (None, Some(t)) => (Arrow::New, Tone::Neutral, format!("scored {t}")),
                    _ => (Arrow::Gone, Tone::Neutral, "score cleared".to_string()),
                };
                out.push(change(
                    a.cell.id,
                    subject,
                    ChangeKind::CellScore {
                        from: b.mutual_value_score,
                        to: a.mutual_value_score,
                    },
                    arrow,
                    tone,
                    words,
                ));
            }
        }
    }
    for b in &before.white_space.cells {
        if after
            .white_space
            .cells
            .iter()
            .all(|a| a.cell.id != b.cell.id)
        {
            out.push(change(
                b.cell.id,
                format!(
                    "{} \u{b7} {}",
                    bc_name(before, b.cell.buying_center_id),
                    offering_name(before, b.cell.offering_id)
                ),
                ChangeKind::CellStatus {
                    from: Some(b.status),
                    to: None,
                },
                Arrow::Gone,
                Tone::Neutral,
                format!("{} cell removed", b.status.label()),
            ));
        }
    }
    out
}

fn date_text(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "no date".to_string(), |d| d.to_string())
}

fn opportunities(before: &PlanView, after: &PlanView) -> Vec<Change> {
    let old: HashMap<Id, &Opportunity> = before.opportunities.iter().map(|o| (o.id, o)).collect();
    let mut out = Vec::new();
    for a in &after.opportunities {
        let Some(b) = old.get(&a.id) else {
            out.push(change(
                a.id,
                a.name.clone(),
                ChangeKind::OpportunityAdded,
                Arrow::New,
                Tone::Good,
                format!("added ({})", a.status.label().to_lowercase()),
            ));
            continue;
        };
        if a.status != b.status {
            let (kind, arrow, tone, words) = match a.status {
                OpportunityStatus::Won => {
                    (ChangeKind::OpportunityWon, Arrow::Up, Tone::Good, "won")
                }
                OpportunityStatus::Lost => {
                    (ChangeKind::OpportunityLost, Arrow::Down, Tone::Bad, "lost")
                }
                OpportunityStatus::Open => (
                    ChangeKind::OpportunityReopened,
                    Arrow::Same,
                    Tone::Neutral,
                    "reopened",
                ),
            };
            out.push(change(
                a.id,
                a.name.clone(),
                kind,
                arrow,
                tone,
                words.into(),
            ));
        }
        if a.stage != b.stage {
            let (arrow, tone) = rank_move(a.stage, b.stage);
            out.push(change(
                a.id,
                a.name.clone(),
                ChangeKind::StageMoved {
                    from: b.stage,
                    to: a.stage,
                },
                arrow,
                tone,
                format!("stage {} to {}", b.stage.label(), a.stage.label()),
            ));
        }
        if a.close_on != b.close_on {
            let (arrow, tone) = match (b.close_on, a.close_on) {
                (Some(f), Some(t)) if t > f => (Arrow::Down, Tone::Bad),
                (Some(_), Some(_)) => (Arrow::Up, Tone::Good),
                _ => (Arrow::Same, Tone::Neutral),
            };
            let verb = match arrow {
                Arrow::Down => "slipped",
                Arrow::Up => "pulled in",
                _ => "close date",
            };
            out.push(change(
                a.id,
                a.name.clone(),
                ChangeKind::CloseDateMoved {
                    from: b.close_on,
                    to: a.close_on,
                },
                arrow,
                tone,
                format!(
                    "{verb} {} to {}",
                    date_text(b.close_on),
                    date_text(a.close_on)
                ),
            ));
        }
    }
    for b in &before.opportunities {
        if after.opportunities.iter().all(|a| a.id != b.id) {
            out.push(change(
                b.id,
                b.name.clone(),
                ChangeKind::OpportunityRemoved,
                Arrow::Gone,
                Tone::Neutral,
                "removed".into(),
            ));
        }
    }
    out
}

fn actions(before: &PlanView, after: &PlanView) -> Vec<Change> {
    let flat = |v: &PlanView| -> Vec<crate::view::ActionView> {
        v.objectives
            .iter()
            .flat_map(|o| o.strategies.iter())
            .flat_map(|s| s.actions.iter().cloned())
            .collect()
    };
    let old: HashMap<Id, crate::view::ActionView> =
        flat(before).into_iter().map(|a| (a.action.id, a)).collect();
    let mut out = Vec::new();
    for a in flat(after) {
        let b = old.get(&a.action.id);
        let was_done = b.is_some_and(|b| b.action.status == ActionStatus::Done);
        if a.action.status == ActionStatus::Done && !was_done {
            out.push(change(
                a.action.id,
                a.action.what.clone(),
                ChangeKind::ActionDone,
                Arrow::Up,
                Tone::Good,
                "done".into(),
            ));
        }
        // The views mark overdue as of their own day, so a snapshot's flags are as they were.
        if a.overdue && !b.is_some_and(|b| b.overdue) {
            out.push(change(
                a.action.id,
                a.action.what.clone(),
                ChangeKind::ActionNewlyOverdue,
                Arrow::Down,
                Tone::Bad,
                "newly overdue".into(),
            ));
        }
    }
    out
}

/// Started or ended between the two points: a status that moved, or a start or end date that
/// fell between the two days.
fn campaigns(before: &PlanView, after: &PlanView) -> Vec<Change> {
    let (from, to) = (before.today, after.today);
    let between = |d: NaiveDate| from < d && d <= to;
    let old: HashMap<Id, &Campaign> = before.campaigns.iter().map(|c| (c.id, c)).collect();
    let mut out = Vec::new();
    for a in &after.campaigns {
        let was = old.get(&a.id).map(|b| b.status);
        let started = (was == Some(CampaignStatus::Planned) && a.status != CampaignStatus::Planned)
            || between(a.starts_on);
        let ended = (was.is_some_and(|s| s != CampaignStatus::Done)
            && a.status == CampaignStatus::Done)
            || between(a.ends_on);
        if started {
            out.push(change(
                a.id,
                a.name.clone(),
                ChangeKind::CampaignStarted,
                Arrow::New,
                Tone::Neutral,
                format!("started {}", a.starts_on),
            ));
        }
        if ended {
            out.push(change(
                a.id,
                a.name.clone(),
                ChangeKind::CampaignEnded,
                Arrow::Gone,
                Tone::Neutral,
                format!("ended {}", a.ends_on),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::{sample_plan, SamplePlan};

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 9, 15).unwrap()
    }

    fn view_of(s: &SamplePlan, content: &PlanContent, today: NaiveDate) -> PlanView {
        s.view_of(content, today)
    }

    fn kinds(list: &[Change]) -> Vec<&ChangeKind> {
        list.iter().map(|c| &c.change).collect()
    }

    #[test]
    fn two_identical_states_give_no_change() {
        let s = sample_plan(day());
        let v = view_of(&s, &s.content, day());
        let c = compare(&v, &v);
        assert!(c.is_unchanged());
        assert_eq!(c.change_count, 0);
        assert_eq!(c.account.wallet_share.words, "no change");
        assert_eq!(c.account.forecast.arrow, Arrow::Same);
        assert!(c.buying_centers.iter().all(|b| b.presence == Arrow::Same));
    }

    #[test]
    fn wallet_share_forecast_and_gap_moves_come_from_the_views() {
        let s = sample_plan(day());
        let before = view_of(&s, &s.content, day());
        let mut content = s.content.clone();
        let bc = &mut content.buying_centers[0];
        bc.our_revenue = Money(bc.our_revenue.0 + bc.total_wallet.0 / 25); // +4 points
        let after = view_of(&s, &content, day());
        let c = compare(&before, &after);
        let m = &c.buying_centers[0];
        assert_eq!(m.buying_center_id, content.buying_centers[0].id);
        let pts = m.figures.wallet_share.points.unwrap();
        assert!((pts - 4.0).abs() < 0.01, "{pts}");
        assert_eq!(m.figures.wallet_share.words, "up 4 pts");
        assert_eq!(m.figures.wallet_share.tone, Tone::Good);
        assert_eq!(
            m.figures.forecast.before,
            before.buying_centers[0].figures.forecast.total
        );
        assert_eq!(
            m.figures.forecast.after,
            after.buying_centers[0].figures.forecast.total
        );
        assert_eq!(m.figures.forecast.arrow, Arrow::Up);
        assert_eq!(m.figures.gap_to_goal.arrow, Arrow::Down);
        assert_eq!(m.figures.gap_to_goal.tone, Tone::Good);
        assert_eq!(c.account.forecast.after, after.totals.forecast.total);
        assert_eq!(c.account.gap_to_goal.before, before.gap_to_goal);
        assert!(c.buying_centers[1..]
            .iter()
            .all(|b| b.figures.forecast.arrow == Arrow::Same));
        assert_eq!(c.change_count, 0);
        assert!(!c.is_unchanged());
    }

    #[test]
    fn buying_centers_added_and_removed_are_marked() {
        let s = sample_plan(day());
        let before = view_of(&s, &s.content, day());
        let mut content = s.content.clone();
        let removed = content.buying_centers.remove(1);
        content
            .contacts
            .retain(|c| c.buying_center_id != removed.id);
        let mut added = content.buying_centers[0].clone();
        added.id = uuid::Uuid::new_v4();
        added.name = "Procurement".into();
        content.buying_centers.push(added.clone());
        let after = view_of(&s, &content, day());
        let c = compare(&before, &after);
        let find = |id| {
            c.buying_centers
                .iter()
                .find(|b| b.buying_center_id == id)
                .unwrap()
        };
        assert_eq!(find(added.id).presence, Arrow::New);
        assert_eq!(find(removed.id).presence, Arrow::Gone);
        assert_eq!(
            c.buying_centers.last().unwrap().buying_center_id,
            removed.id
        );
        assert!(c.people.iter().any(|p| p.change == ChangeKind::PersonLeft));
    }

    #[test]
    fn people_added_left_attitude_and_relationship_moves() {
        let s = sample_plan(day());
        let before = view_of(&s, &s.content, day());
        let mut content = s.content.clone();
        let left = content.contacts.pop().unwrap();
        let mut newcomer = content.contacts[0].clone();
        newcomer.id = uuid::Uuid::new_v4();
        newcomer.name = "Jonas Brandt".into();
        content.contacts.push(newcomer.clone());
        let moved = &mut content.contacts[1];
        let old_attitude = moved.attitude;
        moved.attitude = if old_attitude == Attitude::Champion {
            Attitude::Skeptic
        } else {
            Attitude::Champion
        };
        let (new_attitude, moved_id) = (moved.attitude, moved.id);
        let strong = &mut content.contacts[2];
        let old_level = strongest_level(strong);
        strong.relationships = vec![Relationship {
            team_member_id: s.account.team[0].id,
            level: if old_level == RelationshipLevel::TrustedAdvisor {
                RelationshipLevel::Vendor
            } else {
                RelationshipLevel::TrustedAdvisor
            },
            owner: true,
        }];
        let strong_id = strong.id;
        let after = view_of(&s, &content, day());
        let c = compare(&before, &after);
        let of = |id: Id| c.people.iter().filter(|p| p.id == id).collect::<Vec<_>>();
        assert_eq!(of(left.id)[0].change, ChangeKind::PersonLeft);
        assert_eq!(of(left.id)[0].words, "left");
        assert_eq!(of(newcomer.id)[0].change, ChangeKind::PersonAdded);
        let att = of(moved_id);
        assert_eq!(att.len(), 1);
        assert_eq!(
            att[0].change,
            ChangeKind::Attitude {
                from: old_attitude,
                to: new_attitude
            }
        );
        assert_eq!(
            att[0].arrow,
            if new_attitude == Attitude::Champion {
                Arrow::Up
            } else {
                Arrow::Down
            }
        );
        let rel = of(strong_id);
        assert!(
            matches!(rel[0].change, ChangeKind::RelationshipLevel { from, .. } if from == old_level)
        );
        assert_eq!(c.people.len(), 4);
    }

    #[test]
    fn coverage_gaps_opened_and_closed() {
        let s = sample_plan(day());
        let before = view_of(&s, &s.content, day());
        let mut content = s.content.clone();
        // A key person turns hostile: a negative-attitude gap opens.
        let key = content
            .contacts
            .iter_mut()
            .find(|c| {
                crate::relmap::is_key_person(c)
                    && !matches!(c.attitude, Attitude::Skeptic | Attitude::Opponent)
            })
            .unwrap();
        key.attitude = Attitude::Opponent;
        let key_id = key.id;
        // Every gap about one other person closes when they leave.
        let gone = before
            .coverage_gaps
            .iter()
            .find_map(|g| g.contact_id.filter(|id| *id != key_id))
            .unwrap();
        content.contacts.retain(|c| c.id != gone);
        for c in &mut content.contacts {
            if c.reports_to == Some(gone) {
                c.reports_to = None;
            }
        }
        content
            .lines
            .retain(|l| l.from_contact_id != gone && l.to_contact_id != gone);
        let after = view_of(&s, &content, day());
        let c = compare(&before, &after);
        assert!(c.coverage_gaps.iter().any(|g| g.id == key_id
            && g.change
                == ChangeKind::GapOpened {
                    gap: GapKind::NegativeAttitude
                }
            && g.tone == Tone::Bad));
        assert!(c.coverage_gaps.iter().any(|g| g.id == gone
            && matches!(g.change, ChangeKind::GapClosed { .. })
            && g.words.starts_with("closed")));
    }

    #[test]
    fn white_space_status_and_score_moves() {
        let s = sample_plan(day());
        let before = view_of(&s, &s.content, day());
        let mut content = s.content.clone();
        let i = content
            .cells
            .iter()
            .position(|c| {
                c.status == CellStatus::Open
                    && c.value_to_us.is_some()
                    && c.value_to_customer.is_some()
            })
            .unwrap();
        let cell = &mut content.cells[i];
        cell.value_to_us = Some(if cell.value_to_us == Some(5) { 1 } else { 5 });
        let scored = cell.id;
        let j = content
            .cells
            .iter()
            .position(|c| c.status == CellStatus::Open && c.id != scored)
            .unwrap();
        content.cells[j].status = CellStatus::Competitor;
        content.cells[j].competitor = "Rival".into();
        let demoted = content.cells[j].id;
        let after = view_of(&s, &content, day());
        let c = compare(&before, &after);
        let score = c.white_space.iter().find(|x| x.id == scored).unwrap();
        assert!(matches!(
            score.change,
            ChangeKind::CellScore {
                from: Some(_),
                to: Some(_)
            }
        ));
        assert!(score.words.starts_with("score"));
        let status = c.white_space.iter().find(|x| x.id == demoted).unwrap();
        assert_eq!(
            status.change,
            ChangeKind::CellStatus {
                from: Some(CellStatus::Open),
                to: Some(CellStatus::Competitor)
            }
        );
        assert_eq!((status.arrow, status.tone), (Arrow::Down, Tone::Bad));
        assert_eq!(status.words, "Open to Competitor");
        assert!(status.subject.contains(" \u{b7} "));
        assert_eq!(c.white_space.len(), 2);
    }

    #[test]
    fn opportunities_won_lost_stage_and_date_moves() {
        let s = sample_plan(day());
        let before = view_of(&s, &s.content, day());
        let mut content = s.content.clone();
        let open: Vec<usize> = content
            .opportunities
            .iter()
            .enumerate()
            .filter(|(_, o)| o.status == OpportunityStatus::Open)
            .map(|(i, _)| i)
            .collect();
        assert!(open.len() >= 3);
        content.opportunities[open[0]].status = OpportunityStatus::Won;
        content.opportunities[open[1]].status = OpportunityStatus::Lost;
        let o = &mut content.opportunities[open[2]];
        o.stage = if o.stage == OpportunityStage::Negotiate {
            OpportunityStage::Qualify
        } else {
            OpportunityStage::Negotiate
        };
        o.close_on = Some(day() + chrono::Duration::days(400));
        let moved = o.id;
        let after = view_of(&s, &content, day());
        let c = compare(&before, &after);
        let won = c
            .opportunities
            .iter()
            .find(|x| x.id == content.opportunities[open[0]].id)
            .unwrap();
        assert_eq!(
            (won.change.clone(), won.words.as_str(), won.arrow),
            (ChangeKind::OpportunityWon, "won", Arrow::Up)
        );
        let lost = c
            .opportunities
            .iter()
            .find(|x| x.id == content.opportunities[open[1]].id)
            .unwrap();
        assert_eq!(
            (lost.change.clone(), lost.tone),
            (ChangeKind::OpportunityLost, Tone::Bad)
        );
        let kinds: Vec<_> = c
            .opportunities
            .iter()
            .filter(|x| x.id == moved)
            .map(|x| &x.change)
            .collect();
        assert!(matches!(kinds[0], ChangeKind::StageMoved { .. }));
        assert!(matches!(kinds[1], ChangeKind::CloseDateMoved { .. }));
        let slip = c
            .opportunities
            .iter()
            .find(|x| matches!(x.change, ChangeKind::CloseDateMoved { .. }))
            .unwrap();
        assert!(slip.words.starts_with("slipped"), "{}", slip.words);
    }

    #[test]
    fn actions_done_and_newly_overdue() {
        let s = sample_plan(day());
        let mut content = s.content.clone();
        let open: Vec<usize> = content
            .actions
            .iter()
            .enumerate()
            .filter(|(_, a)| a.status == ActionStatus::Open)
            .map(|(i, _)| i)
            .collect();
        // An open action due between the two days becomes overdue by the later one.
        content.actions[open[1]].due_on = Some(day() + chrono::Duration::days(10));
        let due = content.actions[open[1]].id;
        let before = view_of(&s, &content, day());
        content.actions[open[0]].status = ActionStatus::Done;
        let done = content.actions[open[0]].id;
        let later = day() + chrono::Duration::days(30);
        let after = view_of(&s, &content, later);
        let c = compare(&before, &after);
        assert!(c
            .actions
            .iter()
            .any(|a| a.id == done && a.change == ChangeKind::ActionDone && a.words == "done"));
        assert!(c.actions.iter().any(|a| a.id == due
            && a.change == ChangeKind::ActionNewlyOverdue
            && a.words == "newly overdue"));
        // Actions already overdue at the earlier point are not news.
        assert!(c
            .actions
            .iter()
            .filter(|a| a.change == ChangeKind::ActionNewlyOverdue)
            .all(|a| !before
                .objectives
                .iter()
                .flat_map(|o| &o.strategies)
                .flat_map(|s| &s.actions)
                .any(|x| x.action.id == a.id && x.overdue)));
    }

    #[test]
    fn campaigns_started_and_ended_between_the_points() {
        let s = sample_plan(day());
        let before = view_of(&s, &s.content, day());
        // The sample's planned campaign starts in 10 days; the active one ends in 40.
        let after = view_of(&s, &s.content, day() + chrono::Duration::days(45));
        let c = compare(&before, &after);
        let started: Vec<_> = c
            .campaigns
            .iter()
            .filter(|x| x.change == ChangeKind::CampaignStarted)
            .map(|x| x.subject.as_str())
            .collect();
        let ended: Vec<_> = c
            .campaigns
            .iter()
            .filter(|x| x.change == ChangeKind::CampaignEnded)
            .map(|x| x.subject.as_str())
            .collect();
        assert_eq!(started, vec!["Hub automation case study"]);
        assert_eq!(ended, vec!["Next-day e-commerce round table"]);
        assert_eq!(kinds(&c.campaigns).len(), 2);
    }

    #[test]
    fn points_read_in_words() {
        assert_eq!(share_move(Some(0.10), Some(0.14)).words, "up 4 pts");
        assert_eq!(share_move(Some(0.14), Some(0.13)).words, "down 1 pt");
        assert_eq!(share_move(Some(0.10), Some(0.104)).words, "up 0.4 pts");
        assert_eq!(share_move(Some(0.10), Some(0.1001)).arrow, Arrow::Same);
        assert_eq!(share_move(None, Some(0.1)).arrow, Arrow::New);
    }

    #[test]
    fn labels_name_the_points() {
        let s = sample_plan(day());
        let v = view_of(&s, &s.content, day());
        let id = uuid::Uuid::new_v4();
        let c = compare(&v, &v)
            .labelled("QBR Q3", "Now")
            .with_snapshots(Some(id), None);
        assert_eq!(c.from.label, "QBR Q3");
        assert_eq!(c.from.snapshot_id, Some(id));
        assert_eq!(c.to.label, "Now");
        assert_eq!(c.to.on, day());
    }
}
