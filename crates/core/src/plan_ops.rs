//! Operations on whole plans: the period a new plan covers, its status (draft, active,
//! closed), roll forward to the next period, take a snapshot.

use crate::error::{CoreError, CoreResult};
use crate::model::*;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;
use uuid::Uuid;

/// How close to its end the current fiscal year must be before a new account may start with
/// next year's plan instead: nobody plans the three weeks left of a year.
pub const NEXT_PERIOD_WITHIN_DAYS: i64 = 90;

/// A period a plan can cover: a fiscal year with its label and dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanPeriod {
    /// e.g. "FY2027".
    pub label: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// Which fiscal year a new account's first plan covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PeriodChoice {
    #[default]
    Current,
    Next,
}

/// The fiscal year containing `today` for an account whose year ends in `end_month`.
pub fn fiscal_year(today: NaiveDate, end_month: u8) -> PlanPeriod {
    let end_month = end_month.clamp(1, 12) as u32;
    let end_year = if today.month() > end_month {
        today.year() + 1
    } else {
        today.year()
    };
    let ends_on = last_day_of_month(end_year, end_month);
    let starts_on = if end_month == 12 {
        NaiveDate::from_ymd_opt(end_year, 1, 1).unwrap_or(ends_on)
    } else {
        NaiveDate::from_ymd_opt(end_year - 1, end_month + 1, 1).unwrap_or(ends_on)
    };
    PlanPeriod {
        label: format!("FY{end_year}"),
        starts_on,
        ends_on,
    }
}

fn last_day_of_month(year: i32, month: u32) -> NaiveDate {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MIN)
}

/// The periods a new account may start with: this fiscal year, and the next one too when
/// this one ends within `NEXT_PERIOD_WITHIN_DAYS`.
pub fn period_choices(today: NaiveDate, end_month: u8) -> Vec<(PeriodChoice, PlanPeriod)> {
    let current = fiscal_year(today, end_month);
    let mut choices = vec![(PeriodChoice::Current, current.clone())];
    if (current.ends_on - today).num_days() <= NEXT_PERIOD_WITHIN_DAYS {
        let day_after = current.ends_on.succ_opt().unwrap_or(current.ends_on);
        choices.push((PeriodChoice::Next, fiscal_year(day_after, end_month)));
    }
    choices
}

/// The period for `choice`; next year is refused while this one has more than
/// `NEXT_PERIOD_WITHIN_DAYS` to run.
pub fn choose_period(
    today: NaiveDate,
    end_month: u8,
    choice: PeriodChoice,
) -> CoreResult<PlanPeriod> {
    period_choices(today, end_month)
        .into_iter()
        .find(|(c, _)| *c == choice)
        .map(|(_, p)| p)
        .ok_or_else(|| {
            CoreError::conflict(
                "period",
                format!(
                    "Next year's plan can be chosen only in the last {NEXT_PERIOD_WITHIN_DAYS} days of this one"
                ),
            )
        })
}

/// Refuses any edit of a closed plan (every plan edit passes here before it is validated).
pub fn ensure_editable(plan: &Plan) -> CoreResult<()> {
    if plan.status == PlanStatus::Closed {
        return Err(CoreError::PlanClosed {
            field: "plan".into(),
            period: plan.period.clone(),
        });
    }
    Ok(())
}

/// The plan with its new status. Only one plan of an account may be active for a period: a
/// plan cannot become active while another active plan of the same account covers any of its
/// days (or carries the same period label).
pub fn change_status(plan: &Plan, siblings: &[Plan], to: PlanStatus) -> CoreResult<Plan> {
    if to == PlanStatus::Active {
        let clash = siblings.iter().find(|other| {
            other.id != plan.id
                && other.account_id == plan.account_id
                && other.status == PlanStatus::Active
                && (other.period == plan.period
                    || (other.starts_on <= plan.ends_on && plan.starts_on <= other.ends_on))
        });
        if let Some(other) = clash {
            return Err(CoreError::conflict(
                "status",
                format!(
                    "{} is already the active plan for this period: close it or mark it draft first",
                    other.period
                ),
            ));
        }
    }
    Ok(Plan {
        status: to,
        ..plan.clone()
    })
}

/// The commentary a user typed, trimmed of surrounding blank lines and spaces.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Commentary {
    pub executive_summary: String,
    pub asks: String,
    pub wins: String,
}

/// The plan with new commentary: refused on a closed plan, length-checked.
pub fn with_commentary(plan: &Plan, commentary: &Commentary) -> CoreResult<Plan> {
    ensure_editable(plan)?;
    let next = Plan {
        executive_summary: commentary.executive_summary.trim().to_string(),
        asks: commentary.asks.trim().to_string(),
        wins: commentary.wins.trim().to_string(),
        ..plan.clone()
    };
    crate::validate::commentary(&next)?;
    Ok(next)
}

/// How many records of one kind a roll forward carried into the new plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CarriedCount {
    pub kind: ItemKind,
    /// Plural label a user reads ("open opportunities").
    pub label: String,
    pub count: u32,
}

/// What a rolled-forward plan holds, kind by kind (kinds with none are left out).
pub fn carried_over(content: &PlanContent) -> Vec<CarriedCount> {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    [
        (
            ItemKind::BuyingCenter,
            "buying centers",
            content.buying_centers.len(),
        ),
        (ItemKind::Contact, "contacts", content.contacts.len()),
        (ItemKind::Line, "lines of influence", content.lines.len()),
        (ItemKind::Objective, "objectives", content.objectives.len()),
        (ItemKind::Strategy, "strategies", content.strategies.len()),
        (ItemKind::Action, "open actions", content.actions.len()),
        (ItemKind::Cell, "white-space cells", content.cells.len()),
        (
            ItemKind::Opportunity,
            "open opportunities",
            content.opportunities.len(),
        ),
    ]
    .into_iter()
    .filter(|(_, _, n)| *n > 0)
    .map(|(kind, label, n)| CarriedCount {
        kind,
        label: label.into(),
        count: count(n),
    })
    .collect()
}

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
        executive_summary: String::new(),
        asks: String::new(),
        wins: String::new(),
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
            executive_summary: String::new(),
            asks: String::new(),
            wins: String::new(),
        };
        let plans = [plan(2026, 9), plan(2027, 2), plan(2027, 3), plan(2025, 4)];
        assert_eq!(current_plan(&plans).map(|p| p.id), Some(Uuid::from_u128(3)));
        assert!(current_plan(&[]).is_none());
    }

    fn plan_of(id: u128, period: &str, starts: &str, ends: &str, status: PlanStatus) -> Plan {
        Plan {
            id: Uuid::from_u128(id),
            account_id: Uuid::from_u128(1),
            period: period.into(),
            starts_on: starts.parse().unwrap(),
            ends_on: ends.parse().unwrap(),
            status,
            currency: crate::Currency::default(),
            rolled_from: None,
            executive_summary: String::new(),
            asks: String::new(),
            wins: String::new(),
        }
    }

    #[test]
    fn a_closed_plan_refuses_edits_until_reopened() {
        let closed = plan_of(1, "FY2026", "2026-01-01", "2026-12-31", PlanStatus::Closed);
        let err = ensure_editable(&closed).unwrap_err();
        assert_eq!(err.code(), "plan_closed");
        assert_eq!(err.to_string(), "This plan is closed: reopen it to edit");
        assert_eq!(err.field(), "plan");
        let reopened = change_status(&closed, &[], PlanStatus::Draft).unwrap();
        assert_eq!(reopened.status, PlanStatus::Draft);
        assert!(ensure_editable(&reopened).is_ok());
    }

    #[test]
    fn only_one_active_plan_per_account_and_period() {
        let fy26 = plan_of(1, "FY2026", "2026-01-01", "2026-12-31", PlanStatus::Active);
        let fy26_again = plan_of(
            2,
            "FY2026 bis",
            "2026-04-01",
            "2027-03-31",
            PlanStatus::Draft,
        );
        let fy27 = plan_of(3, "FY2027", "2027-01-01", "2027-12-31", PlanStatus::Draft);
        let all = [fy26.clone(), fy26_again.clone(), fy27.clone()];
        // Overlapping dates with an active plan: refused, naming the active one.
        let err = change_status(&fy26_again, &all, PlanStatus::Active).unwrap_err();
        assert_eq!((err.code(), err.field()), ("conflict", "status"));
        assert!(err
            .to_string()
            .contains("FY2026 is already the active plan"));
        // The next year does not overlap: fine.
        assert_eq!(
            change_status(&fy27, &all, PlanStatus::Active)
                .unwrap()
                .status,
            PlanStatus::Active
        );
        // Re-marking the active plan active is not a clash with itself.
        assert!(change_status(&fy26, &all, PlanStatus::Active).is_ok());
        // Once FY2026 is closed the other one may become active.
        let closed = change_status(&fy26, &all, PlanStatus::Closed).unwrap();
        assert!(change_status(&fy26_again, &[closed, fy27], PlanStatus::Active).is_ok());
        // Another account's active plan does not count.
        let other_account = Plan {
            account_id: Uuid::from_u128(99),
            ..fy26.clone()
        };
        assert!(change_status(&fy26_again, &[other_account], PlanStatus::Active).is_ok());
    }

    #[test]
    fn commentary_is_trimmed_bounded_and_refused_on_a_closed_plan() {
        let open = plan_of(1, "FY2026", "2026-01-01", "2026-12-31", PlanStatus::Active);
        let written = Commentary {
            executive_summary: "  We lead in Finance.\n".into(),
            asks: "Sponsor call".into(),
            wins: "".into(),
        };
        let saved = with_commentary(&open, &written).unwrap();
        assert_eq!(saved.executive_summary, "We lead in Finance.");
        assert_eq!(saved.asks, "Sponsor call");
        let too_long = Commentary {
            wins: "w".repeat(crate::validate::MAX_ASKS_OR_WINS + 1),
            ..written.clone()
        };
        let err = with_commentary(&open, &too_long).unwrap_err();
        assert_eq!((err.code(), err.field()), ("too_long", "wins"));
        let summary_too_long = Commentary {
            executive_summary: "s".repeat(crate::validate::MAX_EXECUTIVE_SUMMARY + 1),
            ..written.clone()
        };
        let err = with_commentary(&open, &summary_too_long).unwrap_err();
        assert_eq!(err.field(), "executive_summary");
        let closed = Plan {
            status: PlanStatus::Closed,
            ..open
        };
        assert_eq!(
            with_commentary(&closed, &written).unwrap_err().code(),
            "plan_closed"
        );
    }

    #[test]
    fn a_rolled_forward_plan_starts_its_own_story() {
        let s = crate::sample::sample_plan(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
        assert!(!s.plan.executive_summary.is_empty());
        let (next, _) = roll_forward(&s.plan, &s.content);
        assert!(next.executive_summary.is_empty() && next.asks.is_empty() && next.wins.is_empty());
    }

    #[test]
    fn next_year_is_offered_only_in_the_last_90_days() {
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        // 2026-10-02 is 90 days before 2026-12-31.
        let late = period_choices(day("2026-10-02"), 12);
        assert_eq!(late.len(), 2);
        assert_eq!(late[1].0, PeriodChoice::Next);
        assert_eq!(
            (
                late[1].1.label.as_str(),
                late[1].1.starts_on,
                late[1].1.ends_on
            ),
            ("FY2027", day("2027-01-01"), day("2027-12-31"))
        );
        let early = period_choices(day("2026-10-01"), 12);
        assert_eq!(early.len(), 1);
        assert_eq!(early[0].1.label, "FY2026");
        let err = choose_period(day("2026-10-01"), 12, PeriodChoice::Next).unwrap_err();
        assert_eq!(err.field(), "period");
        // A year ending in March: in February the next one runs April to March.
        let next = choose_period(day("2027-02-10"), 3, PeriodChoice::Next).unwrap();
        assert_eq!(
            (next.label.as_str(), next.starts_on, next.ends_on),
            ("FY2028", day("2027-04-01"), day("2028-03-31"))
        );
    }

    #[test]
    fn roll_forward_counts_what_it_carried() {
        let s = crate::sample::sample_plan(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
        let (_, c) = roll_forward(&s.plan, &s.content);
        let counts = carried_over(&c);
        let of = |kind| counts.iter().find(|x| x.kind == kind).map(|x| x.count);
        assert_eq!(
            of(ItemKind::BuyingCenter),
            Some(c.buying_centers.len() as u32)
        );
        assert_eq!(
            of(ItemKind::Opportunity),
            Some(c.opportunities.len() as u32)
        );
        assert!(counts.iter().all(|x| x.count > 0));
        assert!(carried_over(&PlanContent::default()).is_empty());
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
