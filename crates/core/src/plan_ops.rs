//! Operations on whole plans: roll forward to the next period, take a snapshot.

use crate::model::*;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;
use uuid::Uuid;

/// The next period's label: "FY2026" -> "FY2027"; otherwise the label with " (next)".
pub fn next_period_label(period: &str) -> String {
    let digits: String = period
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    if digits.is_empty() {
        return format!("{period} (next)");
    }
    let digits: String = digits.chars().rev().collect();
    let prefix = &period[..period.len() - digits.len()];
    match digits.parse::<u64>() {
        Ok(n) => format!("{prefix}{:0width$}", n + 1, width = digits.len()),
        Err(_) => format!("{period} (next)"),
    }
}

fn plus_year(d: NaiveDate) -> NaiveDate {
    d.with_year(d.year() + 1)
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(d.year() + 1, d.month(), 28).unwrap_or(d))
}

/// The plan an account is worked on now: the latest `starts_on` (ties go to the greater id, so
/// the app, the import and the summaries pick the same one).
pub fn current_plan<'a>(plans: impl IntoIterator<Item = &'a Plan>) -> Option<&'a Plan> {
    plans
        .into_iter()
        .max_by(|x, y| (x.starts_on, x.id).cmp(&(y.starts_on, y.id)))
}

/// Start next period's plan from this one: same buying centers, people, map and white space,
/// objectives with their strategies and still-open actions, and open opportunities. Every
/// record gets a new id so the two plans stay independent.
pub fn roll_forward(plan: &Plan, content: &PlanContent) -> (Plan, PlanContent) {
    let mut ids: HashMap<Id, Id> = HashMap::new();
    let mut map = |old: Id| *ids.entry(old).or_insert_with(Uuid::new_v4);
    let next = Plan {
        id: Uuid::new_v4(),
        account_id: plan.account_id,
        period: next_period_label(&plan.period),
        starts_on: plus_year(plan.starts_on),
        ends_on: plus_year(plan.ends_on),
        status: PlanStatus::Draft,
        currency: plan.currency.clone(),
        rolled_from: Some(plan.id),
    };
    let mut c = content.clone();
    for b in &mut c.buying_centers {
        b.id = map(b.id);
    }
    for p in &mut c.contacts {
        p.id = map(p.id);
    }
    for p in &mut c.contacts {
        p.buying_center_id = map(p.buying_center_id);
        p.reports_to = p.reports_to.map(&mut map);
        p.dotted_line_to = p.dotted_line_to.iter().map(|d| map(*d)).collect();
    }
    for l in &mut c.lines {
        l.id = map(l.id);
        l.from_contact_id = map(l.from_contact_id);
        l.to_contact_id = map(l.to_contact_id);
    }
    for o in &mut c.objectives {
        o.id = map(o.id);
        o.buying_center_id = o.buying_center_id.map(&mut map);
        o.starts_on = o.starts_on.map(plus_year);
        o.due_on = o.due_on.map(plus_year);
    }
    for s in &mut c.strategies {
        s.id = map(s.id);
        s.objective_id = map(s.objective_id);
    }
    c.actions
        .retain(|a| matches!(a.status, ActionStatus::Open | ActionStatus::Blocked));
    for a in &mut c.actions {
        a.id = map(a.id);
        a.strategy_id = map(a.strategy_id);
    }
    c.opportunities
        .retain(|o| o.status == OpportunityStatus::Open);
    for o in &mut c.opportunities {
        o.id = map(o.id);
        o.buying_center_id = map(o.buying_center_id);
    }
    for cell in &mut c.cells {
        cell.id = map(cell.id);
        cell.buying_center_id = map(cell.buying_center_id);
    }
    (next, c)
}

pub fn snapshot(
    account: &Account,
    plan: &Plan,
    content: &PlanContent,
    taken_on: NaiveDate,
    label: &str,
) -> Snapshot {
    Snapshot {
        id: Uuid::new_v4(),
        plan_id: plan.id,
        taken_on,
        label: label.trim().to_string(),
        account: account.clone(),
        plan: plan.clone(),
        content: content.clone(),
    }
}

/// The label a snapshot is offered: the fiscal quarter `today` falls in, "QBR Q4 2026". The
/// fiscal year is named after the calendar year it ends in (a year ending in March 2027 is 2027).
pub fn suggested_snapshot_label(today: NaiveDate, fiscal_year_end_month: u8) -> String {
    use chrono::Datelike;
    let end = u32::from(fiscal_year_end_month.clamp(1, 12));
    let month = today.month();
    // Months since the fiscal year began (the month after its end month), 0..12.
    let into_year = (month + 12 - end - 1) % 12;
    let quarter = into_year / 3 + 1;
    let year = if month > end {
        today.year() + 1
    } else {
        today.year()
    };
    format!("QBR Q{quarter} {year}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suggested_label_names_the_fiscal_quarter() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(suggested_snapshot_label(d(2026, 12, 5), 12), "QBR Q4 2026");
        assert_eq!(suggested_snapshot_label(d(2026, 1, 1), 12), "QBR Q1 2026");
        // A fiscal year ending in March: April opens Q1 of the year that ends next March.
        assert_eq!(suggested_snapshot_label(d(2026, 4, 2), 3), "QBR Q1 2027");
        assert_eq!(suggested_snapshot_label(d(2026, 12, 5), 3), "QBR Q3 2027");
        assert_eq!(suggested_snapshot_label(d(2027, 3, 31), 3), "QBR Q4 2027");
        assert_eq!(suggested_snapshot_label(d(2026, 6, 30), 6), "QBR Q4 2026");
    }

    #[test]
    fn the_current_plan_is_the_latest_period() {
        let day = |y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
        let plan = |y, id: u128| Plan {
            id: Uuid::from_u128(id),
            account_id: Uuid::from_u128(1),
            period: format!("FY{y}"),
            starts_on: day(y),
            ends_on: day(y + 1),
            status: PlanStatus::Draft,
            currency: crate::Currency::default(),
            rolled_from: None,
        };
        let plans = [plan(2026, 9), plan(2027, 2), plan(2027, 3), plan(2025, 4)];
        assert_eq!(current_plan(&plans).map(|p| p.id), Some(Uuid::from_u128(3)));
        assert!(current_plan(&[]).is_none());
    }

    #[test]
    fn period_labels_count_up() {
        assert_eq!(next_period_label("FY2026"), "FY2027");
        assert_eq!(next_period_label("2026"), "2027");
        assert_eq!(next_period_label("FY09"), "FY10");
        assert_eq!(next_period_label("Growth plan"), "Growth plan (next)");
    }

    #[test]
    fn roll_forward_keeps_structure_with_new_ids() {
        let s = crate::sample::sample_plan(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
        let (next, c) = roll_forward(&s.plan, &s.content);
        assert_eq!(next.rolled_from, Some(s.plan.id));
        assert_eq!(c.buying_centers.len(), s.content.buying_centers.len());
        assert_eq!(c.contacts.len(), s.content.contacts.len());
        assert!(c
            .buying_centers
            .iter()
            .all(|b| s.content.buying_center(b.id).is_none()));
        // Every reference points inside the new plan.
        for p in &c.contacts {
            assert!(c.buying_center(p.buying_center_id).is_some());
            if let Some(m) = p.reports_to {
                assert!(c.contact(m).is_some());
            }
        }
        assert!(c
            .opportunities
            .iter()
            .all(|o| o.status == OpportunityStatus::Open));
        assert!(c.actions.iter().all(|a| a.status != ActionStatus::Done));
    }
}
