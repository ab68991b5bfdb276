//! Across the portfolio: suggested segmentation scores from plan data, re-tiering when
//! weights change, life-stage moves, buying windows, renewals and churn (DOMAIN.md,
//! "Segmentation", "Life stage", "Recurring revenue").

use crate::model::*;
use crate::money::Money;
use crate::segmentation::{Thresholds, Tier, Weights};
use crate::view::{portfolio_row, AccountSummary};
use chrono::{Duration, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

/// A score the plan's data suggests for one criterion, with how it was made.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SuggestedScore {
    /// "need" or "value".
    pub dimension: String,
    pub criterion: String,
    pub score: u8,
    pub basis: String,
}

/// Map a ratio 0..=1 onto 1..=5.
fn ratio_score(r: f64) -> u8 {
    (1.0 + (r.clamp(0.0, 1.0) * 4.0)).round() as u8
}

/// Value "Current revenue" from our revenue against the largest account's (`max_revenue`);
/// value "Total opportunity" from the headroom (wallet - ours) against the largest headroom;
/// need "Share of its portfolio our offerings cover" from the white space: the share of
/// assessed cells where an offering applies (not Not applicable).
pub fn suggested_scores(
    summary: &AccountSummary,
    content: &PlanContent,
    max_revenue: Money,
    max_headroom: Money,
) -> Vec<SuggestedScore> {
    let mut out = Vec::new();
    if max_revenue.0 > 0 {
        let r = summary.our_revenue.0 as f64 / max_revenue.0 as f64;
        out.push(SuggestedScore {
            dimension: "value".into(),
            criterion: crate::segmentation::VALUE_CRITERIA[0].into(),
            score: ratio_score(r),
            basis: format!("Our revenue is {:.0}% of the largest account's", r * 100.0),
        });
    }
    let headroom = summary.total_wallet - summary.our_revenue;
    if max_headroom.0 > 0 && summary.total_wallet.0 > 0 {
        let r = headroom.0.max(0) as f64 / max_headroom.0 as f64;
        out.push(SuggestedScore {
            dimension: "value".into(),
            criterion: crate::segmentation::VALUE_CRITERIA[1].into(),
            score: ratio_score(r),
            basis: format!(
                "Headroom (wallet - our revenue) is {:.0}% of the largest account's",
                r * 100.0
            ),
        });
    }
    if !content.cells.is_empty() {
        let applicable = content
            .cells
            .iter()
            .filter(|c| c.status != CellStatus::NotApplicable)
            .count();
        let r = applicable as f64 / content.cells.len() as f64;
        out.push(SuggestedScore {
            dimension: "need".into(),
            criterion: crate::segmentation::NEED_CRITERIA[0].into(),
            score: ratio_score(r),
            basis: format!(
                "Our offerings apply in {applicable} of {} assessed white-space cells",
                content.cells.len()
            ),
        });
    }
    out
}

/// How many accounts change tier between two weightings.
pub fn moved_tiers(
    summaries: &[AccountSummary],
    before: (&Weights, &Thresholds),
    after: (&Weights, &Thresholds),
) -> usize {
    summaries
        .iter()
        .filter(|s| {
            let a: Tier = portfolio_row((*s).clone(), before.0, before.1).tier;
            let b: Tier = portfolio_row((*s).clone(), after.0, after.1).tier;
            a != b
        })
        .count()
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RenewalDue {
    pub account_id: Id,
    pub account: String,
    pub description: String,
    pub annual_value: Money,
    pub renewal_on: NaiveDate,
}

/// Renewals due from today up to `days` ahead, soonest first.
pub fn upcoming_renewals(accounts: &[Account], today: NaiveDate, days: i64) -> Vec<RenewalDue> {
    let until = today + Duration::days(days);
    let mut out: Vec<RenewalDue> = accounts
        .iter()
        .flat_map(|a| {
            a.renewals
                .iter()
                .filter(move |r| {
                    r.churned_on.is_none() && r.renewal_on >= today && r.renewal_on <= until
                })
                .map(move |r| RenewalDue {
                    account_id: a.id,
                    account: a.name.clone(),
                    description: r.description.clone(),
                    annual_value: r.annual_value,
                    renewal_on: r.renewal_on,
                })
        })
        .collect();
    out.sort_by_key(|r| r.renewal_on);
    out
}

/// Churn over the last 12 months: annual value lost / annual value that came up for renewal
/// in that window. None when nothing came up.
pub fn churn_rate(accounts: &[Account], today: NaiveDate) -> Option<f64> {
    let from = today - Duration::days(365);
    let due: Vec<&Renewal> = accounts
        .iter()
        .flat_map(|a| &a.renewals)
        .filter(|r| r.renewal_on > from && r.renewal_on <= today)
        .collect();
    let base: i64 = due.iter().map(|r| r.annual_value.0).sum();
    let lost: i64 = due
        .iter()
        .filter(|r| r.churned_on.is_some())
        .map(|r| r.annual_value.0)
        .sum();
    (base > 0).then(|| lost as f64 / base as f64)
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct StageMove {
    pub account_id: Id,
    pub account: String,
    pub change: StageChange,
}

/// Life-stage changes of the last 12 months, newest first.
pub fn stage_moves(accounts: &[Account], today: NaiveDate) -> Vec<StageMove> {
    let from = today - Duration::days(365);
    let mut out: Vec<StageMove> = accounts
        .iter()
        .flat_map(|a| {
            a.stage_history
                .iter()
                .filter(move |c| c.date > from && c.date <= today)
                .map(move |c| StageMove {
                    account_id: a.id,
                    account: a.name.clone(),
                    change: c.clone(),
                })
        })
        .collect();
    out.sort_by_key(|m| std::cmp::Reverse(m.change.date));
    out
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TriggerEvent {
    pub account_id: Id,
    pub account: String,
    pub trigger: BuyingTrigger,
    /// Within the window around today: a buying window is open.
    pub recent: bool,
}

/// Buying triggers from `days_back` ago to `days_ahead` ahead, by date.
pub fn trigger_timeline(
    accounts: &[Account],
    today: NaiveDate,
    days_back: i64,
    days_ahead: i64,
) -> Vec<TriggerEvent> {
    let (from, until) = (
        today - Duration::days(days_back),
        today + Duration::days(days_ahead),
    );
    let mut out: Vec<TriggerEvent> = accounts
        .iter()
        .flat_map(|a| {
            a.buying_triggers
                .iter()
                .filter(move |t| t.date >= from && t.date <= until)
                .map(move |t| TriggerEvent {
                    account_id: a.id,
                    account: a.name.clone(),
                    trigger: t.clone(),
                    recent: t.date <= today,
                })
        })
        .collect();
    out.sort_by_key(|t| t.trigger.date);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn renewal(value: i64, on: NaiveDate, churned: bool) -> Renewal {
        Renewal {
            id: Uuid::new_v4(),
            offering_id: None,
            buying_center_id: None,
            description: "r".into(),
            annual_value: Money(value),
            renewal_on: on,
            churned_on: churned.then_some(on),
        }
    }

    #[test]
    fn churn_and_upcoming_renewals() {
        let today = day(2026, 6, 1);
        let mut a = Account::new("A", today);
        a.renewals = vec![
            renewal(800, day(2026, 1, 10), false),
            renewal(200, day(2026, 3, 10), true),
            renewal(999, day(2024, 3, 10), true), // outside the 12 months
            renewal(500, day(2026, 9, 1), false),
            renewal(700, day(2027, 3, 1), false), // beyond 180 days
        ];
        assert_eq!(churn_rate(std::slice::from_ref(&a), today), Some(0.2));
        let up = upcoming_renewals(&[a], today, 180);
        assert_eq!(up.len(), 1);
        assert_eq!(up[0].annual_value, Money(500));
        assert_eq!(churn_rate(&[], today), None);
        // With 20% churn, 50% growth needs 70% new business.
        assert_eq!(
            crate::segmentation::required_new_business_pct(50.0, 20.0),
            70.0
        );
    }

    #[test]
    fn suggestions_come_from_revenue_wallet_and_white_space() {
        let s = crate::sample::sample_plan(day(2026, 11, 1));
        let summary = crate::view::summarise(&s.account, Some((&s.plan, &s.content)));
        let sug = suggested_scores(
            &summary,
            &s.content,
            summary.our_revenue,
            summary.total_wallet - summary.our_revenue,
        );
        assert_eq!(sug.len(), 3);
        assert!(sug.iter().all(|x| (1..=5).contains(&x.score)));
        assert_eq!(sug[0].score, 5); // the largest account by revenue
                                     // 13 of 15 sample cells apply: 1 + 4 * 13/15 = 4.47 -> 4.
        assert_eq!(sug[2].score, 4);
    }

    #[test]
    fn changing_weights_reports_moves() {
        let today = day(2026, 11, 1);
        let s = crate::sample::sample_plan(today);
        let summary = crate::view::summarise(&s.account, Some((&s.plan, &s.content)));
        let w = Weights::default();
        let t = Thresholds::default();
        assert_eq!(
            moved_tiers(std::slice::from_ref(&summary), (&w, &t), (&w, &t)),
            0
        );
        let strict = Thresholds {
            high_value: 4.5,
            ..t.clone()
        };
        assert_eq!(moved_tiers(&[summary], (&w, &t), (&w, &strict)), 1);
    }

    #[test]
    fn stage_moves_and_triggers_in_window() {
        let today = day(2026, 11, 1);
        let s = crate::sample::sample_plan(today);
        let mut a = s.account.clone();
        a.stage_history.push(StageChange {
            date: day(2026, 10, 1),
            from: LifeStage::Customer,
            to: LifeStage::LoyalCustomer,
        });
        assert_eq!(stage_moves(std::slice::from_ref(&a), today).len(), 1);
        let t = trigger_timeline(&[a], today, 90, 90);
        assert_eq!(t.len(), 3);
        assert!(t[0].recent && !t[2].recent);
    }
}
