//! ABM campaigns across accounts: what each account's plan shows of them, and outcomes.

use crate::model::*;
use crate::money::Money;
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

/// Influenced pipeline: the amounts of the linked opportunities that are open or won.
pub fn influenced_pipeline(target: &CampaignTarget, content: &PlanContent) -> Money {
    content
        .opportunities
        .iter()
        .filter(|o| target.opportunity_ids.contains(&o.id) && o.status != OpportunityStatus::Lost)
        .map(|o| o.amount)
        .sum()
}

/// Campaigns aimed at an account.
pub fn for_account(campaigns: &[Campaign], account_id: Id) -> Vec<&Campaign> {
    campaigns
        .iter()
        .filter(|c| c.targets.iter().any(|t| t.account_id == account_id))
        .collect()
}

/// Attach a campaign to one more account (no-op if it is already aimed at it).
pub fn attach(campaign: &mut Campaign, account_id: Id) {
    if !campaign.targets.iter().any(|t| t.account_id == account_id) {
        campaign.targets.push(CampaignTarget {
            account_id,
            objective_id: None,
            buying_center_ids: vec![],
            contact_ids: vec![],
            engaged_contact_ids: vec![],
            meetings: 0,
            opportunity_ids: vec![],
        });
    }
}

/// Budget totals per currency (campaigns may be budgeted in different currencies).
pub fn budget_totals<'a>(
    campaigns: impl IntoIterator<Item = &'a Campaign>,
) -> Vec<(crate::Currency, Money)> {
    let mut totals: Vec<(crate::Currency, Money)> = Vec::new();
    for c in campaigns {
        match totals.iter_mut().find(|(cur, _)| *cur == c.currency) {
            Some((_, m)) => *m = *m + c.budget,
            None => totals.push((c.currency.clone(), c.budget)),
        }
    }
    totals
}

/// When an open action falls due, relative to today (the "My actions" buckets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DueBucket {
    Overdue,
    ThisWeek,
    Next14Days,
    Later,
    NoDate,
}

/// Overdue: before today. This week: today to 6 days ahead. Next 14 days: 7-20 days ahead.
pub fn due_bucket(due: Option<NaiveDate>, today: NaiveDate) -> DueBucket {
    match due {
        None => DueBucket::NoDate,
        Some(d) if d < today => DueBucket::Overdue,
        Some(d) => match (d - today).num_days() {
            0..=6 => DueBucket::ThisWeek,
            7..=20 => DueBucket::Next14Days,
            _ => DueBucket::Later,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[test]
    fn buckets_with_a_fixed_clock() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        let d = |n: i64| Some(today + chrono::Duration::days(n));
        assert_eq!(due_bucket(d(-1), today), DueBucket::Overdue);
        assert_eq!(due_bucket(d(0), today), DueBucket::ThisWeek);
        assert_eq!(due_bucket(d(6), today), DueBucket::ThisWeek);
        assert_eq!(due_bucket(d(7), today), DueBucket::Next14Days);
        assert_eq!(due_bucket(d(20), today), DueBucket::Next14Days);
        assert_eq!(due_bucket(d(21), today), DueBucket::Later);
        assert_eq!(due_bucket(None, today), DueBucket::NoDate);
    }

    #[test]
    fn one_campaign_on_several_accounts() {
        let s = crate::sample::sample_plan(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
        let mut c = s.campaigns[0].clone();
        let other = Uuid::new_v4();
        attach(&mut c, other);
        attach(&mut c, other);
        assert_eq!(c.targets.len(), 2);
        let all = vec![c.clone(), s.campaigns[1].clone()];
        assert_eq!(for_account(&all, other).len(), 1);
        assert_eq!(for_account(&all, s.account.id).len(), 2);
    }

    #[test]
    fn influenced_pipeline_counts_open_and_won_only() {
        let s = crate::sample::sample_plan(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
        let opps = &s.content.opportunities;
        let target = CampaignTarget {
            account_id: s.account.id,
            objective_id: None,
            buying_center_ids: vec![],
            contact_ids: vec![],
            engaged_contact_ids: vec![],
            meetings: 0,
            opportunity_ids: vec![opps[0].id, opps[4].id, opps[5].id],
        };
        // open 650,000 + won 240,000; the lost 120,000 does not count.
        assert_eq!(
            influenced_pipeline(&target, &s.content),
            Money((650_000 + 240_000) * 100)
        );
    }

    #[test]
    fn budgets_sum_per_currency() {
        let s = crate::sample::sample_plan(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
        let totals = budget_totals(&s.campaigns);
        assert_eq!(totals.len(), 1);
        assert_eq!(totals[0].1, Money((45_000 + 25_000 + 18_000) * 100));
    }
}
