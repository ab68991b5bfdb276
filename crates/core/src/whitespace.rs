//! The cross-sell white-space matrix: mutual value, quadrants, ranked plays, and cell
//! statuses that follow the opportunities (DOMAIN.md, "Mutual value").

use crate::model::*;
use crate::money::Money;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Serialize;
use std::sync::Arc;
use ts_rs::TS;

/// A score of 4 or 5 counts as high.
pub const HIGH: u8 = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Quadrant {
    Pursue,
    DontForceFit,
    Nurture,
    Deprioritize,
}

impl Quadrant {
    pub fn label(self) -> &'static str {
        match self {
            Quadrant::Pursue => "Pursue",
            Quadrant::DontForceFit => "Don't force-fit",
            Quadrant::Nurture => "Nurture",
            Quadrant::Deprioritize => "Deprioritize",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PlayKind {
    /// The offering is already sold in another buying center of the account.
    CrossSell,
    /// Another offering to this buying center.
    UpSell,
}

/// value to us x value to customer (1-25); None until both are scored.
pub fn mutual_value_score(to_us: Option<u8>, to_customer: Option<u8>) -> Option<u8> {
    Some(to_us? * to_customer?)
}

pub fn quadrant(to_us: u8, to_customer: u8) -> Quadrant {
    match (to_us >= HIGH, to_customer >= HIGH) {
        (true, true) => Quadrant::Pursue,
        (true, false) => Quadrant::DontForceFit,
        (false, true) => Quadrant::Nurture,
        (false, false) => Quadrant::Deprioritize,
    }
}

/// The cell's status as the plan stands: a won opportunity makes it Installed; a cell the user
/// marked Installed stays Installed (an open opportunity there is an up-sell of what we already
/// sell, shown beside it); otherwise an open opportunity makes it In pipeline, and without one
/// it is what the user set. The one place this rule lives.
pub fn effective_status(cell: &WhiteSpaceCell, opportunities: &[Opportunity]) -> CellStatus {
    let linked: Vec<&Opportunity> = opportunities
        .iter()
        .filter(|o| {
            o.buying_center_id == cell.buying_center_id && o.offering_id == Some(cell.offering_id)
        })
        .collect();
    status_with(cell, &linked)
}

/// The rule itself, given the cell's own opportunities.
fn status_with(cell: &WhiteSpaceCell, linked: &[&Opportunity]) -> CellStatus {
    if cell.status == CellStatus::Installed
        || linked.iter().any(|o| o.status == OpportunityStatus::Won)
    {
        CellStatus::Installed
    } else if linked.iter().any(|o| o.status == OpportunityStatus::Open) {
        CellStatus::InPipeline
    } else {
        cell.status
    }
}

pub fn is_actionable(status: CellStatus) -> bool {
    matches!(
        status,
        CellStatus::Open | CellStatus::Competitor | CellStatus::InPipeline
    )
}

/// Warnings that do not block saving a cell.
pub fn cell_warnings(
    cell: &WhiteSpaceCell,
    status: CellStatus,
) -> Vec<crate::figures::FieldWarning> {
    let mut w = Vec::new();
    if status == CellStatus::Installed && cell.estimated_revenue.0 == 0 {
        w.push(crate::figures::FieldWarning {
            field: "estimated_revenue".into(),
            message: "Installed, but no revenue is recorded".into(),
        });
    }
    if status == CellStatus::Competitor && cell.competitor.trim().is_empty() {
        w.push(crate::figures::FieldWarning {
            field: "competitor".into(),
            message: "Competitor status, but no competitor is named".into(),
        });
    }
    w
}

fn open_amount(linked: &[&Opportunity]) -> Money {
    linked
        .iter()
        .filter(|o| o.status == OpportunityStatus::Open)
        .map(|o| o.amount)
        .sum()
}

/// A cell as the matrix shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CellView {
    pub cell: WhiteSpaceCell,
    pub status: CellStatus,
    pub mutual_value_score: Option<u8>,
    pub quadrant: Option<Quadrant>,
    pub opportunity_ids: Vec<Id>,
    /// Amount of the cell's open opportunities (unweighted): on an Installed cell, the open
    /// up-sell beside what we already sell; elsewhere what the play's estimate meets.
    pub open_opportunity_amount: Money,
    pub warnings: Vec<crate::figures::FieldWarning>,
}

/// A ranked play: an actionable cell with its score.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Play {
    pub cell_id: Id,
    pub buying_center_id: Id,
    /// Names are shared, not copied per play: a 200 x 200 matrix has 40,000 cells.
    #[ts(type = "string")]
    pub buying_center: Arc<str>,
    pub offering_id: Id,
    #[ts(type = "string")]
    pub offering: Arc<str>,
    pub status: CellStatus,
    pub value_to_us: u8,
    pub value_to_customer: u8,
    pub mutual_value_score: u8,
    pub quadrant: Quadrant,
    pub kind: PlayKind,
    pub estimated_revenue: Money,
    /// Amount of the cell's open opportunities, shown beside the estimate (they may differ:
    /// the estimate is the AM's view of the whole play, the opportunity what is quoted now).
    pub open_opportunity_amount: Money,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct WhiteSpace {
    pub cells: Vec<CellView>,
    pub plays: Vec<Play>,
}

pub fn cell_view(cell: &WhiteSpaceCell, content: &PlanContent) -> CellView {
    let linked: Vec<&Opportunity> = content
        .opportunities
        .iter()
        .filter(|o| {
            o.buying_center_id == cell.buying_center_id && o.offering_id == Some(cell.offering_id)
        })
        .collect();
    cell_view_with(cell, &linked)
}

fn cell_view_with(cell: &WhiteSpaceCell, linked: &[&Opportunity]) -> CellView {
    let status = status_with(cell, linked);
    CellView {
        status,
        mutual_value_score: mutual_value_score(cell.value_to_us, cell.value_to_customer),
        quadrant: match (cell.value_to_us, cell.value_to_customer) {
            (Some(u), Some(c)) => Some(quadrant(u, c)),
            _ => None,
        },
        opportunity_ids: linked.iter().map(|o| o.id).collect(),
        open_opportunity_amount: open_amount(linked),
        warnings: cell_warnings(cell, status),
        cell: cell.clone(),
    }
}

/// Every cell as the matrix shows it, and the ranked plays.
pub fn analyse(content: &PlanContent, offerings: &[Offering]) -> WhiteSpace {
    let by_cell = opportunities_by_cell(content);
    let cells = content
        .cells
        .iter()
        .map(|c| cell_view_with(c, linked(&by_cell, c)))
        .collect();
    WhiteSpace {
        cells,
        plays: rank_plays(content, offerings, &by_cell),
    }
}

type ByCell<'a> = HashMap<(Id, Id), Vec<&'a Opportunity>>;

fn opportunities_by_cell(content: &PlanContent) -> ByCell<'_> {
    let mut by_cell: ByCell = HashMap::default();
    for o in &content.opportunities {
        if let Some(off) = o.offering_id {
            by_cell
                .entry((o.buying_center_id, off))
                .or_default()
                .push(o);
        }
    }
    by_cell
}

fn linked<'a, 'b>(by_cell: &'b ByCell<'a>, c: &WhiteSpaceCell) -> &'b [&'a Opportunity] {
    by_cell
        .get(&(c.buying_center_id, c.offering_id))
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// The ranked plays alone: score every cell and rank the actionable ones by mutual value
/// score, then estimated revenue, then table order (buying center position, then offering
/// order), which is stable and what the user sees. Packed sort keys keep 40,000 cells fast.
pub fn plays(content: &PlanContent, offerings: &[Offering]) -> Vec<Play> {
    rank_plays(content, offerings, &opportunities_by_cell(content))
}

fn rank_plays(content: &PlanContent, offerings: &[Offering], by_cell: &ByCell) -> Vec<Play> {
    let statuses: Vec<CellStatus> = content
        .cells
        .iter()
        .map(|c| status_with(c, linked(by_cell, c)))
        .collect();
    // Offerings installed somewhere in the account: an actionable cell of such an offering
    // is a cross-sell (it is not installed in its own buying center, or it would not be actionable).
    let installed: HashSet<Id> = content
        .cells
        .iter()
        .zip(&statuses)
        .filter(|(_, s)| **s == CellStatus::Installed)
        .map(|(c, _)| c.offering_id)
        .collect();
    let bc_rank: HashMap<Id, (u32, Arc<str>)> = content
        .buying_centers
        .iter()
        .enumerate()
        .map(|(i, b)| (b.id, (i as u32, Arc::from(b.name.as_str()))))
        .collect();
    let offering_rank: HashMap<Id, (u32, Arc<str>)> = offerings
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id, (i as u32, Arc::from(o.name.as_str()))))
        .collect();
    let unnamed: Arc<str> = Arc::from("");
    let mut ranked: Vec<(u128, usize)> = Vec::with_capacity(statuses.len());
    ranked.extend(
        content
            .cells
            .iter()
            .enumerate()
            .filter(|(i, _)| is_actionable(statuses[*i]))
            .filter_map(|(i, c)| {
                let score = mutual_value_score(c.value_to_us, c.value_to_customer)? as u128;
                let revenue = c.estimated_revenue.0.max(0) as u128;
                let bc = bc_rank.get(&c.buying_center_id).map_or(u32::MAX, |r| r.0) as u128;
                let off = offering_rank.get(&c.offering_id).map_or(u32::MAX, |r| r.0) as u128;
                let key = ((25 - score) << 123)
                    | ((u64::MAX as u128 - revenue) << 59)
                    | (bc.min(0x7FF_FFFF) << 32)
                    | off;
                Some((key, i))
            }),
    );
    ranked.sort_unstable();
    ranked
        .into_iter()
        .map(|(_, i)| {
            let c = &content.cells[i];
            let (u, v) = (c.value_to_us.unwrap_or(0), c.value_to_customer.unwrap_or(0));
            let bc = c.buying_center_id;
            let off = c.offering_id;
            Play {
                cell_id: c.id,
                buying_center_id: bc,
                buying_center: bc_rank
                    .get(&bc)
                    .map_or_else(|| unnamed.clone(), |r| r.1.clone()),
                offering_id: off,
                offering: offering_rank
                    .get(&off)
                    .map_or_else(|| unnamed.clone(), |r| r.1.clone()),
                status: statuses[i],
                value_to_us: u,
                value_to_customer: v,
                mutual_value_score: u * v,
                quadrant: quadrant(u, v),
                kind: if installed.contains(&off) {
                    PlayKind::CrossSell
                } else {
                    PlayKind::UpSell
                },
                estimated_revenue: c.estimated_revenue,
                open_opportunity_amount: open_amount(linked(by_cell, c)),
            }
        })
        .collect()
}

/// The letter a status prints as, so the matrix reads in greyscale.
pub fn status_letter(s: CellStatus) -> &'static str {
    match s {
        CellStatus::Installed => "I",
        CellStatus::InPipeline => "P",
        CellStatus::Open => "O",
        CellStatus::Competitor => "C",
        CellStatus::Blocked => "B",
        CellStatus::NotApplicable => "–",
    }
}

/// Heat-map colour of a mutual value score (1-25) as RGB: a sequential light-to-dark green
/// ramp that stays readable in greyscale. Shared by the app's legend, the PDF and the workbook.
pub fn heat_colour(score: Option<u8>) -> (u8, u8, u8) {
    const LIGHT: (f64, f64, f64) = (242.0, 248.0, 232.0);
    const DARK: (f64, f64, f64) = (31.0, 107.0, 74.0);
    match score {
        None => (255, 255, 255),
        Some(s) => {
            // A slight gamma spreads the low scores apart, where most cells sit.
            let t = ((s.clamp(1, 25) - 1) as f64 / 24.0).powf(0.8);
            let lerp = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
            (
                lerp(LIGHT.0, DARK.0),
                lerp(LIGHT.1, DARK.1),
                lerp(LIGHT.2, DARK.2),
            )
        }
    }
}

/// One line per assessed cell: the export format of the matrix (CSV, and the workbook's
/// second sheet).
pub const EXPORT_COLUMNS: [&str; 12] = [
    "buying_center",
    "offering",
    "family",
    "status",
    "value_to_us",
    "value_to_customer",
    "mutual_value_score",
    "quadrant",
    "estimated_revenue",
    "competitor",
    "blocked_reason",
    "cell_id",
];

pub fn export_rows(view: &crate::view::PlanView) -> Vec<Vec<String>> {
    let currency = &view.plan.currency;
    let digits = currency.minor_digits();
    let mut rows = Vec::new();
    for bc_id in &view.white_space.rows {
        let bc = view
            .buying_centers
            .iter()
            .find(|b| b.buying_center.id == *bc_id);
        for off in &view.white_space.columns {
            let Some(c) = view
                .white_space
                .cells
                .iter()
                .find(|c| c.cell.buying_center_id == *bc_id && c.cell.offering_id == off.id)
            else {
                continue;
            };
            let opt = |v: Option<u8>| v.map(|x| x.to_string()).unwrap_or_default();
            let revenue = c.cell.estimated_revenue.0;
            let scale = 10i64.pow(digits);
            let amount = if digits == 0 {
                revenue.to_string()
            } else {
                format!(
                    "{}.{:0w$}",
                    revenue / scale,
                    (revenue % scale).abs(),
                    w = digits as usize
                )
            };
            rows.push(vec![
                bc.map(|b| b.buying_center.name.clone()).unwrap_or_default(),
                off.name.clone(),
                off.family.clone(),
                c.status.label().to_string(),
                opt(c.cell.value_to_us),
                opt(c.cell.value_to_customer),
                opt(c.mutual_value_score),
                c.quadrant
                    .map(|q| q.label().to_string())
                    .unwrap_or_default(),
                amount,
                c.cell.competitor.clone(),
                c.cell.blocked_reason.clone(),
                c.cell.id.to_string(),
            ]);
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn cell(bc: Id, off: Id, status: CellStatus, u: u8, c: u8, rev: i64) -> WhiteSpaceCell {
        WhiteSpaceCell {
            id: Uuid::new_v4(),
            buying_center_id: bc,
            offering_id: off,
            status,
            value_to_us: Some(u),
            value_to_customer: Some(c),
            value_to_us_rationale: String::new(),
            value_to_customer_rationale: String::new(),
            estimated_revenue: Money(rev),
            competitor: String::new(),
            blocked_reason: String::new(),
        }
    }

    fn opp(bc: Id, off: Id, status: OpportunityStatus) -> Opportunity {
        Opportunity {
            id: Uuid::new_v4(),
            name: "o".into(),
            buying_center_id: bc,
            offering_id: Some(off),
            amount: Money(10),
            stage: OpportunityStage::Qualify,
            probability_pct: 50,
            close_on: None,
            status,
        }
    }

    #[test]
    fn score_is_the_product() {
        assert_eq!(mutual_value_score(Some(5), Some(5)), Some(25));
        assert_eq!(mutual_value_score(Some(1), Some(1)), Some(1));
        assert_eq!(mutual_value_score(Some(3), None), None);
    }

    #[test]
    fn exactly_four_counts_as_high() {
        assert_eq!(quadrant(4, 4), Quadrant::Pursue);
        assert_eq!(quadrant(4, 3), Quadrant::DontForceFit);
        assert_eq!(quadrant(3, 4), Quadrant::Nurture);
        assert_eq!(quadrant(3, 3), Quadrant::Deprioritize);
        assert_eq!(quadrant(5, 1), Quadrant::DontForceFit);
    }

    #[test]
    fn status_follows_opportunities() {
        let (bc, off) = (Uuid::new_v4(), Uuid::new_v4());
        let c = cell(bc, off, CellStatus::Open, 3, 3, 0);
        assert_eq!(effective_status(&c, &[]), CellStatus::Open);
        let open = opp(bc, off, OpportunityStatus::Open);
        assert_eq!(
            effective_status(&c, std::slice::from_ref(&open)),
            CellStatus::InPipeline
        );
        let won = opp(bc, off, OpportunityStatus::Won);
        assert_eq!(effective_status(&c, &[open, won]), CellStatus::Installed);
        let lost = opp(bc, off, OpportunityStatus::Lost);
        assert_eq!(effective_status(&c, &[lost]), CellStatus::Open);
        // An expansion deal on an Installed cell leaves it Installed, with its revenue, and
        // shows the open up-sell beside it.
        let installed = cell(bc, off, CellStatus::Installed, 3, 3, 500);
        let upsell = opp(bc, off, OpportunityStatus::Open);
        assert_eq!(
            effective_status(&installed, std::slice::from_ref(&upsell)),
            CellStatus::Installed
        );
        let content = PlanContent {
            cells: vec![installed.clone()],
            opportunities: vec![upsell.clone()],
            ..Default::default()
        };
        let v = cell_view(&installed, &content);
        assert_eq!(v.status, CellStatus::Installed);
        assert_eq!(v.open_opportunity_amount, upsell.amount);
        assert_eq!(v.cell.estimated_revenue, Money(500));
        // Another cell's opportunity does not count.
        let other = opp(Uuid::new_v4(), off, OpportunityStatus::Won);
        assert_eq!(effective_status(&c, &[other]), CellStatus::Open);
    }

    fn named(content: &mut PlanContent, name: &str) -> Id {
        let id = Uuid::new_v4();
        content.buying_centers.push(BuyingCenter {
            id,
            name: name.into(),
            description: String::new(),
            total_wallet: Money(0),
            our_revenue: Money(0),
            sales_goal: Money(0),
            target_share_pct: None,
            relationship_status: RelationshipStatus::None,
            initiative_ids: vec![],
            competitors: vec![],
            position: content.buying_centers.len() as u32,
        });
        id
    }

    #[test]
    fn ranking_orders_by_score_then_revenue_and_skips_inactionable() {
        let mut content = PlanContent::default();
        let (a, b) = (named(&mut content, "A"), named(&mut content, "B"));
        let (x, y) = (Uuid::new_v4(), Uuid::new_v4());
        content.cells = vec![
            cell(a, x, CellStatus::Installed, 5, 5, 900),
            cell(a, y, CellStatus::Open, 4, 4, 100),
            cell(b, x, CellStatus::Competitor, 4, 4, 500),
            cell(b, y, CellStatus::Blocked, 5, 5, 999),
        ];
        let ws = analyse(&content, &[]);
        assert_eq!(ws.plays.len(), 2);
        assert_eq!(ws.plays[0].estimated_revenue, Money(500));
        assert_eq!(ws.plays[0].kind, PlayKind::CrossSell);
        assert_eq!(ws.plays[1].kind, PlayKind::UpSell);
        assert_eq!(ws.plays[1].mutual_value_score, 16);

        // An expansion deal where x is installed neither uninstalls it nor turns the
        // cross-sell of x into B into an up-sell; the play shows the deal's amount beside
        // its own estimate.
        content.opportunities = vec![opp(a, x, OpportunityStatus::Open)];
        content
            .opportunities
            .push(opp(b, x, OpportunityStatus::Open));
        let ws = analyse(&content, &[]);
        assert_eq!(ws.cells[0].status, CellStatus::Installed);
        assert_eq!(ws.plays[0].kind, PlayKind::CrossSell);
        assert_eq!(ws.plays[0].status, CellStatus::InPipeline);
        assert_eq!(ws.plays[0].estimated_revenue, Money(500));
        assert_eq!(ws.plays[0].open_opportunity_amount, Money(10));
    }

    #[test]
    fn ties_are_broken_stably_by_table_order() {
        let mut content = PlanContent::default();
        let (a, b) = (named(&mut content, "Alpha"), named(&mut content, "Beta"));
        let x = Uuid::new_v4();
        content.cells = vec![
            cell(b, x, CellStatus::Open, 3, 3, 100),
            cell(a, x, CellStatus::Open, 3, 3, 100),
        ];
        let ws = analyse(&content, &[]);
        assert_eq!(&*ws.plays[0].buying_center, "Alpha");
        content.cells.reverse();
        assert_eq!(&*analyse(&content, &[]).plays[0].buying_center, "Alpha");
    }

    #[test]
    fn warnings_for_installed_without_revenue_and_unnamed_competitor() {
        let c = cell(
            Uuid::new_v4(),
            Uuid::new_v4(),
            CellStatus::Installed,
            1,
            1,
            0,
        );
        assert_eq!(cell_warnings(&c, CellStatus::Installed).len(), 1);
        assert_eq!(cell_warnings(&c, CellStatus::Competitor).len(), 1);
        assert!(cell_warnings(&c, CellStatus::Open).is_empty());
    }
}
