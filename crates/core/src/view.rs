//! The whole plan with every derived figure: what the app shows, `show --json` prints and the
//! PDF renders. Built in one place so all three agree.

use crate::completeness::{completeness, Completeness};
use crate::figures::{
    account_totals, buying_center_figures, AccountTotals, BuyingCenterFigures, Period,
};
use crate::health::{plan_health, HealthStatus, PlanHealth};
use crate::layout::{layout, OrgLayout};
use crate::model::*;
use crate::money::Money;
use crate::osa::{objective_progress, ObjectiveProgress};
use crate::relmap::{coverage_gaps, CoverageGap};
use crate::segmentation::{segment, SegmentScores, Thresholds, Weights};
use crate::whitespace::{analyse, CellView, Play};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BuyingCenterView {
    #[serde(flatten)]
    pub buying_center: BuyingCenter,
    #[serde(flatten)]
    pub figures: BuyingCenterFigures,
    pub contact_count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ActionView {
    #[serde(flatten)]
    pub action: Action,
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct StrategyView {
    #[serde(flatten)]
    pub strategy: Strategy,
    pub actions: Vec<ActionView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ObjectiveView {
    #[serde(flatten)]
    pub objective: Objective,
    pub progress: ObjectiveProgress,
    pub strategies: Vec<StrategyView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct WhiteSpaceView {
    /// Buying centers, in table order.
    pub rows: Vec<Id>,
    /// Offerings, grouped by family.
    pub columns: Vec<Offering>,
    pub cells: Vec<CellView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BuyingCenterChart {
    pub buying_center_id: Id,
    pub layout: OrgLayout,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PlanView {
    pub account: Account,
    pub plan: Plan,
    pub today: NaiveDate,
    pub buying_centers: Vec<BuyingCenterView>,
    pub totals: AccountTotals,
    pub contacts: Vec<Contact>,
    pub lines: Vec<InfluenceLine>,
    pub coverage_gaps: Vec<CoverageGap>,
    /// The whole account's org chart.
    pub org_chart: OrgLayout,
    /// One chart per buying center (its people only), for the filtered map and the print.
    pub buying_center_charts: Vec<BuyingCenterChart>,
    pub objectives: Vec<ObjectiveView>,
    pub opportunities: Vec<Opportunity>,
    pub campaigns: Vec<Campaign>,
    pub white_space: WhiteSpaceView,
    pub plays: Vec<Play>,
    pub completeness: Completeness,
    pub segmentation: SegmentScores,
    /// Flattened for readers of `show --json`.
    pub tier: crate::segmentation::Tier,
    pub gap_to_goal: Money,
    /// The account's forecast explained part by part (`totals.forecast` with labels).
    pub forecast_parts: Vec<crate::figures::ForecastPart>,
    /// Completeness joined with freshness and risks, and what to fix first.
    pub health: PlanHealth,
}

/// Everything a plan view needs that is not inside the plan itself.
pub struct ViewInputs<'a> {
    pub account: &'a Account,
    pub plan: &'a Plan,
    pub content: &'a PlanContent,
    pub offerings: &'a [Offering],
    pub campaigns: Vec<Campaign>,
    pub weights: &'a Weights,
    pub thresholds: &'a Thresholds,
    pub today: NaiveDate,
}

pub fn plan_view(i: ViewInputs) -> PlanView {
    let content = i.content;
    let period = Period::of(i.plan);
    let figures: Vec<BuyingCenterFigures> = content
        .buying_centers
        .iter()
        .map(|b| buying_center_figures(b, i.account, content, period))
        .collect();
    let totals = account_totals(&figures, i.account, content, period);
    let buying_centers = content
        .buying_centers
        .iter()
        .zip(figures)
        .map(|(b, f)| BuyingCenterView {
            contact_count: content
                .contacts
                .iter()
                .filter(|c| c.buying_center_id == b.id)
                .count() as u32,
            buying_center: b.clone(),
            figures: f,
        })
        .collect();
    let objectives = content
        .objectives
        .iter()
        .map(|o| ObjectiveView {
            progress: objective_progress(content, o.id, i.today),
            strategies: content
                .strategies
                .iter()
                .filter(|s| s.objective_id == o.id)
                .map(|s| StrategyView {
                    actions: content
                        .actions
                        .iter()
                        .filter(|a| a.strategy_id == s.id)
                        .map(|a| ActionView {
                            overdue: crate::osa::is_overdue(a, i.today),
                            action: a.clone(),
                        })
                        .collect(),
                    strategy: s.clone(),
                })
                .collect(),
            objective: o.clone(),
        })
        .collect();
    let ws = analyse(content, i.offerings);
    let mut columns: Vec<Offering> = i
        .offerings
        .iter()
        .filter(|o| !o.retired || content.cells.iter().any(|c| c.offering_id == o.id))
        .cloned()
        .collect();
    columns.sort_by(|a, b| {
        (a.family.to_lowercase(), a.name.to_lowercase())
            .cmp(&(b.family.to_lowercase(), b.name.to_lowercase()))
    });
    let contacts: Vec<&Contact> = content.contacts.iter().collect();
    let segmentation = segment(&i.account.segmentation, i.weights, i.thresholds);
    let plan_completeness = completeness(i.account, content);
    PlanView {
        account: i.account.clone(),
        plan: i.plan.clone(),
        today: i.today,
        tier: segmentation.tier,
        gap_to_goal: totals.gap_to_goal,
        forecast_parts: totals.forecast.parts(),
        buying_centers,
        totals,
        contacts: content.contacts.clone(),
        lines: content.lines.clone(),
        coverage_gaps: coverage_gaps(content, i.today),
        org_chart: layout(&contacts, &content.lines),
        buying_center_charts: content
            .buying_centers
            .iter()
            .map(|b| {
                let people: Vec<&Contact> = content
                    .contacts
                    .iter()
                    .filter(|c| c.buying_center_id == b.id)
                    .collect();
                BuyingCenterChart {
                    buying_center_id: b.id,
                    layout: layout(&people, &content.lines),
                }
            })
            .collect(),
        objectives,
        opportunities: content.opportunities.clone(),
        campaigns: i.campaigns,
        white_space: WhiteSpaceView {
            rows: content.buying_centers.iter().map(|b| b.id).collect(),
            columns,
            cells: ws.cells,
        },
        plays: ws.plays,
        health: plan_health(i.account, content, &plan_completeness, i.today),
        completeness: plan_completeness,
        segmentation,
    }
}

/// What the portfolio list needs of one account, kept beside the plan so listing 10,000
/// accounts never deserialises a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AccountSummary {
    pub id: Id,
    pub name: String,
    pub industry: String,
    pub owner: String,
    pub life_stage: LifeStage,
    pub currency: Currency,
    pub current_plan_id: Option<Id>,
    pub period: Option<String>,
    pub total_wallet: Money,
    pub our_revenue: Money,
    pub sales_goal: Money,
    pub gap_to_goal: Money,
    pub completeness: f64,
    pub next_action_due: Option<NaiveDate>,
    pub last_interaction: Option<NaiveDate>,
    pub segmentation: Segmentation,
    /// Plan health on `health_as_of` (None: not assessed yet, e.g. a store written before
    /// health existed; the next edit of the plan fills it in).
    #[serde(default)]
    pub health_status: Option<HealthStatus>,
    #[serde(default)]
    pub risk_count: u32,
    #[serde(default)]
    pub health_as_of: Option<NaiveDate>,
}

use crate::money::Currency;

/// The summary with the plan's health as of `today`. The stored summary keeps the health of
/// the day it was written: risks that depend on the date (overdue, stale) move on with the
/// next edit, not by themselves.
pub fn summarise_on(
    account: &Account,
    plan: Option<(&Plan, &PlanContent)>,
    today: NaiveDate,
) -> AccountSummary {
    let mut summary = summarise(account, plan);
    if let Some((_, content)) = plan {
        let health = plan_health(account, content, &completeness(account, content), today);
        summary.health_status = Some(health.status);
        summary.risk_count = health.risks.len() as u32;
        summary.health_as_of = Some(today);
    }
    summary
}

pub fn summarise(account: &Account, plan: Option<(&Plan, &PlanContent)>) -> AccountSummary {
    let empty = PlanContent::default();
    let content = plan.map(|(_, c)| c).unwrap_or(&empty);
    // Without a plan there is nothing to forecast: an empty period counts no deal.
    let period = plan.map(|(p, _)| Period::of(p)).unwrap_or(Period {
        starts_on: account.created_on,
        ends_on: account.created_on,
    });
    let figures: Vec<BuyingCenterFigures> = content
        .buying_centers
        .iter()
        .map(|b| buying_center_figures(b, account, content, period))
        .collect();
    let totals = account_totals(&figures, account, content, period);
    AccountSummary {
        id: account.id,
        name: account.name.clone(),
        industry: account.industry.clone(),
        owner: account.owner.clone(),
        life_stage: account.life_stage,
        currency: plan
            .map(|(p, _)| p.currency.clone())
            .unwrap_or_else(|| account.currency.clone()),
        current_plan_id: plan.map(|(p, _)| p.id),
        period: plan.map(|(p, _)| p.period.clone()),
        total_wallet: totals.total_wallet,
        our_revenue: totals.our_revenue,
        sales_goal: totals.sales_goal,
        gap_to_goal: totals.gap_to_goal,
        completeness: completeness(account, content).score,
        next_action_due: content
            .actions
            .iter()
            .filter(|a| a.status == ActionStatus::Open)
            .filter_map(|a| a.due_on)
            .min(),
        last_interaction: account.interactions.iter().map(|i| i.date).max(),
        segmentation: account.segmentation.clone(),
        health_status: None,
        risk_count: 0,
        health_as_of: None,
    }
}

/// One row of the portfolio: the stored summary plus what depends on the current weights.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PortfolioRow {
    #[serde(flatten)]
    pub summary: AccountSummary,
    pub wallet_share: Option<f64>,
    pub need: Option<f64>,
    pub value: Option<f64>,
    pub behavior: Option<f64>,
    pub tier: crate::segmentation::Tier,
    pub tier_reason: String,
}

pub fn portfolio_row(
    summary: AccountSummary,
    weights: &Weights,
    thresholds: &Thresholds,
) -> PortfolioRow {
    let s = segment(&summary.segmentation, weights, thresholds);
    PortfolioRow {
        wallet_share: crate::figures::ratio(summary.our_revenue, summary.total_wallet),
        need: s.need,
        value: s.value,
        behavior: s.behavior,
        tier: s.tier,
        tier_reason: s.tier_reason,
        summary,
    }
}
