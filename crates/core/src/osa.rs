//! OSAs: progress of objectives and what is overdue (DOMAIN.md, "OSAs").

use crate::model::*;
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ObjectiveProgress {
    pub objective_id: Id,
    /// Actions counted: all but dropped ones.
    pub actions: u32,
    pub done: u32,
    /// done / actions; None when there is no action yet.
    pub progress: Option<f64>,
    pub overdue: u32,
}

/// An action is overdue when it is still open (or blocked) after its due date.
pub fn is_overdue(a: &Action, today: NaiveDate) -> bool {
    matches!(a.status, ActionStatus::Open | ActionStatus::Blocked)
        && a.due_on.is_some_and(|d| d < today)
}

pub fn objective_progress(
    content: &PlanContent,
    objective_id: Id,
    today: NaiveDate,
) -> ObjectiveProgress {
    let strategies: Vec<Id> = content
        .strategies
        .iter()
        .filter(|s| s.objective_id == objective_id)
        .map(|s| s.id)
        .collect();
    let actions: Vec<&Action> = content
        .actions
        .iter()
        .filter(|a| strategies.contains(&a.strategy_id) && a.status != ActionStatus::Dropped)
        .collect();
    let done = actions
        .iter()
        .filter(|a| a.status == ActionStatus::Done)
        .count() as u32;
    let total = actions.len() as u32;
    ObjectiveProgress {
        objective_id,
        actions: total,
        done,
        progress: (total > 0).then(|| done as f64 / total as f64),
        overdue: actions.iter().filter(|a| is_overdue(a, today)).count() as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    #[test]
    fn progress_counts_done_and_ignores_dropped() {
        let o = Uuid::new_v4();
        let s = Uuid::new_v4();
        let action = |status, due| Action {
            id: Uuid::new_v4(),
            strategy_id: s,
            what: "x".into(),
            owner_id: None,
            due_on: Some(due),
            status,
            position: 0,
        };
        let content = PlanContent {
            strategies: vec![Strategy {
                id: s,
                objective_id: o,
                title: "s".into(),
                position: 0,
            }],
            actions: vec![
                action(ActionStatus::Done, day(1)),
                action(ActionStatus::Open, day(5)),
                action(ActionStatus::Blocked, day(20)),
                action(ActionStatus::Dropped, day(1)),
            ],
            ..Default::default()
        };
        let p = objective_progress(&content, o, day(10));
        assert_eq!((p.actions, p.done, p.overdue), (3, 1, 1));
        assert!((p.progress.unwrap() - 1.0 / 3.0).abs() < 1e-9);
        let none = objective_progress(&content, Uuid::new_v4(), day(10));
        assert_eq!(none.progress, None);
    }

    #[test]
    fn overdue_uses_the_given_clock() {
        let a = Action {
            id: Uuid::new_v4(),
            strategy_id: Uuid::new_v4(),
            what: "x".into(),
            owner_id: None,
            due_on: Some(day(10)),
            status: ActionStatus::Open,
            position: 0,
        };
        assert!(!is_overdue(&a, day(10)));
        assert!(is_overdue(&a, day(11)));
        let done = Action {
            status: ActionStatus::Done,
            ..a
        };
        assert!(!is_overdue(&done, day(11)));
    }
}
