//! Plan health (DOMAIN.md, "Plan completeness"): completeness is not health. A plan filled in
//! to 100% can still be stale or at risk, so health joins three readings and names the few
//! things to fix first:
//!
//! - **completeness**: the existing score (`completeness::completeness`);
//! - **freshness**: the share of contacts whose assessment was verified in the last
//!   [`STALE_AFTER_DAYS`] days and the days since the last logged interaction;
//! - **risks**, each with a severity and the area of the app where it is fixed:
//!   - a decision maker or economic buyer with no owner on our team (critical);
//!   - a decision maker or economic buyer who is a skeptic or an opponent (critical);
//!   - an overdue action (warning; critical once more than [`LONG_OVERDUE_DAYS`] days late);
//!   - a renewal due within [`RENEWAL_WINDOW_DAYS`] days that nothing in the plan works on: no
//!     open opportunity and no open action for its buying center or offering (critical within
//!     [`RENEWAL_URGENT_DAYS`] days, warning before);
//!   - a stale assessment, older than [`STALE_AFTER_DAYS`] days or never verified (warning for
//!     a decision maker, economic buyer or high-influence person; notice for anyone else);
//!   - no interaction logged in the last [`QUIET_AFTER_DAYS`] days (warning).
//!
//! The customer's success metric being off track and a falling run-rate are part of health in
//! DOMAIN.md, but the model records neither a success-metric reading nor a run-rate history
//! yet: they join these rules when it does, rather than being guessed from other figures.
//!
//! **Status rule**: *Critical* when any risk is critical; *At risk* when any risk is a warning
//! or a required completeness item is missing; *Healthy* otherwise (notices alone keep a plan
//! healthy: they are listed, not alarming).

use crate::completeness::{Completeness, CompletenessTier};
use crate::model::*;
use crate::osa::is_overdue;
use crate::relmap::{coverage_gaps, is_key_person, is_stale, GapKind, STALE_AFTER_DAYS};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A renewal this close with nothing working on it is a risk.
pub const RENEWAL_WINDOW_DAYS: i64 = 90;
/// A renewal this close with nothing working on it is critical.
pub const RENEWAL_URGENT_DAYS: i64 = 30;
/// An action this many days past its due date is critical, not just late.
pub const LONG_OVERDUE_DAYS: i64 = 30;
/// No interaction for this long: the account has gone quiet.
pub const QUIET_AFTER_DAYS: i64 = 90;
/// How many risks the "fix first" list names.
pub const FIX_FIRST_COUNT: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum HealthStatus {
    Healthy,
    AtRisk,
    Critical,
}

impl HealthStatus {
    pub fn label(self) -> &'static str {
        match self {
            HealthStatus::Healthy => "Healthy",
            HealthStatus::AtRisk => "At risk",
            HealthStatus::Critical => "Critical",
        }
    }
}

/// Ordered from most to least severe, so sorting puts what hurts most first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Severity {
    Critical,
    Warning,
    Notice,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Critical => "Critical",
            Severity::Warning => "Warning",
            Severity::Notice => "Notice",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RiskKind {
    DecisionMakerUncovered,
    DecisionMakerHostile,
    OverdueAction,
    RenewalUnattended,
    StaleAssessment,
    NoRecentInteraction,
}

/// Where in the app a risk is fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FixArea {
    Overview,
    RelationshipMap,
    Osas,
    Opportunities,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct HealthRisk {
    pub kind: RiskKind,
    pub severity: Severity,
    /// What is wrong, in words a reader acts on.
    pub message: String,
    pub area: FixArea,
    /// The record to fix, when there is one (a contact, an action, a renewal).
    pub record_id: Option<Id>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Freshness {
    /// Share of contacts verified in the last `STALE_AFTER_DAYS` days (0-1); None without contacts.
    pub verified_share: Option<f64>,
    pub stale_contacts: u32,
    pub contacts: u32,
    pub last_interaction: Option<NaiveDate>,
    pub days_since_last_interaction: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PlanHealth {
    pub status: HealthStatus,
    /// The completeness score (0-1), the same as `PlanView.completeness.score`.
    pub completeness: f64,
    /// Completeness said together with the risks, so "100% complete" never stands alone
    /// beside red flags ("100% complete, 5 risks to fix").
    pub headline: String,
    pub freshness: Freshness,
    /// Every risk, most severe first.
    pub risks: Vec<HealthRisk>,
    /// The first `FIX_FIRST_COUNT` risks.
    pub fix_first: Vec<HealthRisk>,
}

fn is_decision_maker(c: &Contact) -> bool {
    matches!(
        c.role,
        BuyingRole::EconomicBuyer | BuyingRole::DecisionMaker
    )
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn plan_health(
    account: &Account,
    content: &PlanContent,
    completeness: &Completeness,
    today: NaiveDate,
) -> PlanHealth {
    let mut risks = Vec::new();
    let contact_named = |id: Option<Id>| id.and_then(|id| content.contact(id));

    for gap in coverage_gaps(content, today) {
        let Some(person) = contact_named(gap.contact_id) else {
            continue;
        };
        if !is_decision_maker(person) {
            continue;
        }
        let kind = match gap.kind {
            GapKind::NoOwner => RiskKind::DecisionMakerUncovered,
            GapKind::NegativeAttitude => RiskKind::DecisionMakerHostile,
            _ => continue,
        };
        risks.push(HealthRisk {
            kind,
            severity: Severity::Critical,
            message: gap.reason,
            area: FixArea::RelationshipMap,
            record_id: Some(person.id),
        });
    }

    for action in content.actions.iter().filter(|a| is_overdue(a, today)) {
        let due = action.due_on.expect("an overdue action has a due date");
        let late = (today - due).num_days();
        risks.push(HealthRisk {
            kind: RiskKind::OverdueAction,
            severity: if late > LONG_OVERDUE_DAYS {
                Severity::Critical
            } else {
                Severity::Warning
            },
            message: format!(
                "Action \"{}\" was due {due}, {} ago",
                action.what,
                plural(late as usize, "day", "days")
            ),
            area: FixArea::Osas,
            record_id: Some(action.id),
        });
    }

    for renewal in account.renewals.iter().filter(|r| r.churned_on.is_none()) {
        let days_left = (renewal.renewal_on - today).num_days();
        if !(0..=RENEWAL_WINDOW_DAYS).contains(&days_left) || is_worked_on(renewal, content) {
            continue;
        }
        risks.push(HealthRisk {
            kind: RiskKind::RenewalUnattended,
            severity: if days_left <= RENEWAL_URGENT_DAYS {
                Severity::Critical
            } else {
                Severity::Warning
            },
            message: format!(
                "Renewal \"{}\" is due {} (in {}) with no open opportunity or action on it",
                renewal.description,
                renewal.renewal_on,
                plural(days_left as usize, "day", "days")
            ),
            area: FixArea::Opportunities,
            record_id: Some(renewal.id),
        });
    }

    let stale: Vec<&Contact> = content
        .contacts
        .iter()
        .filter(|c| is_stale(c, today))
        .collect();
    for person in &stale {
        let when = match person.verified_on {
            Some(d) => format!("last verified {d}, over {STALE_AFTER_DAYS} days ago"),
            None => "never verified".to_string(),
        };
        risks.push(HealthRisk {
            kind: RiskKind::StaleAssessment,
            severity: if is_key_person(person) {
                Severity::Warning
            } else {
                Severity::Notice
            },
            message: format!("{}'s assessment was {when}", person.name),
            area: FixArea::RelationshipMap,
            record_id: Some(person.id),
        });
    }

    let last_interaction = account.interactions.iter().map(|i| i.date).max();
    let days_since_last_interaction = last_interaction.map(|d| (today - d).num_days());
    let quiet = match days_since_last_interaction {
        Some(days) if days > QUIET_AFTER_DAYS => Some(format!(
            "No interaction logged for {days} days (last on {})",
            last_interaction.expect("days come from a date")
        )),
        Some(_) => None,
        None => Some("No interaction with the customer logged yet".to_string()),
    };
    if let Some(message) = quiet {
        risks.push(HealthRisk {
            kind: RiskKind::NoRecentInteraction,
            severity: Severity::Warning,
            message,
            area: FixArea::Overview,
            record_id: None,
        });
    }

    // Stable: within one severity the order above (people, actions, renewals...) stays.
    risks.sort_by_key(|r| r.severity);
    let required_missing = completeness
        .items
        .iter()
        .any(|i| i.tier == CompletenessTier::Required && !i.done);
    let status = if risks.iter().any(|r| r.severity == Severity::Critical) {
        HealthStatus::Critical
    } else if required_missing || risks.iter().any(|r| r.severity == Severity::Warning) {
        HealthStatus::AtRisk
    } else {
        HealthStatus::Healthy
    };
    let contacts = content.contacts.len();
    PlanHealth {
        status,
        completeness: completeness.score,
        headline: headline(completeness.score, &risks),
        freshness: Freshness {
            verified_share: (contacts > 0)
                .then(|| (contacts - stale.len()) as f64 / contacts as f64),
            stale_contacts: stale.len() as u32,
            contacts: contacts as u32,
            last_interaction,
            days_since_last_interaction,
        },
        fix_first: risks.iter().take(FIX_FIRST_COUNT).cloned().collect(),
        risks,
    }
}

/// "100% complete, 5 risks to fix (2 critical)"; "80% complete, no risks found".
pub fn headline(completeness: f64, risks: &[HealthRisk]) -> String {
    // Floor, not round: 99.6% must never read as "100% complete".
    let pct = (completeness * 100.0).floor() as u32;
    if risks.is_empty() {
        return format!("{pct}% complete, no risks found");
    }
    let critical = risks
        .iter()
        .filter(|r| r.severity == Severity::Critical)
        .count();
    let to_fix = plural(risks.len(), "risk", "risks");
    if critical > 0 {
        format!("{pct}% complete, {to_fix} to fix ({critical} critical)")
    } else {
        format!("{pct}% complete, {to_fix} to fix")
    }
}

/// A renewal is worked on when an open opportunity or an open (or blocked) action covers it:
/// an opportunity for its offering or in its buying center, an action under an objective for
/// its buying center. A renewal naming no buying center is covered by any of them.
fn is_worked_on(renewal: &Renewal, content: &PlanContent) -> bool {
    let in_center = |bc: Option<Id>| match (renewal.buying_center_id, bc) {
        (None, _) => true,
        (Some(want), Some(have)) => want == have,
        (Some(_), None) => false,
    };
    let opportunity = content.opportunities.iter().any(|o| {
        o.status == OpportunityStatus::Open
            && ((renewal.offering_id.is_some() && o.offering_id == renewal.offering_id)
                || in_center(Some(o.buying_center_id)))
    });
    let action = content.actions.iter().any(|a| {
        matches!(a.status, ActionStatus::Open | ActionStatus::Blocked)
            && content
                .strategies
                .iter()
                .find(|s| s.id == a.strategy_id)
                .and_then(|s| content.objectives.iter().find(|o| o.id == s.objective_id))
                .is_some_and(|o| in_center(o.buying_center_id))
    });
    opportunity || action
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::completeness::completeness;
    use crate::money::Money;
    use uuid::Uuid;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
    }

    fn days(n: i64) -> NaiveDate {
        today() + chrono::Duration::days(n)
    }

    /// A complete, healthy plan: one buying center, an owned and friendly economic buyer,
    /// recently verified people, a recent interaction. Each test breaks one thing.
    struct Fixture {
        account: Account,
        content: PlanContent,
        bc: Id,
        me: Id,
    }

    fn person(bc: Id, name: &str, role: BuyingRole, owner: Option<Id>) -> Contact {
        Contact {
            id: Uuid::new_v4(),
            buying_center_id: bc,
            name: name.into(),
            title: String::new(),
            reports_to: None,
            dotted_line_to: vec![],
            role,
            influence: Influence::Medium,
            attitude: Attitude::Supporter,
            relationships: owner
                .map(|m| Relationship {
                    team_member_id: m,
                    level: RelationshipLevel::TrustedAdvisor,
                    owner: true,
                })
                .into_iter()
                .collect(),
            last_contact_on: Some(days(-5)),
            verified_on: Some(days(-10)),
            email: String::new(),
            phone: String::new(),
            notes: String::new(),
        }
    }

    fn healthy() -> Fixture {
        let mut s = crate::sample::sample_plan(today());
        let me = s.account.team[0].id;
        let bc = s.content.buying_centers[0].id;
        // Keep the sample's completeness, but make every reading healthy.
        s.account
            .interactions
            .iter_mut()
            .for_each(|i| i.date = days(-3));
        s.account.renewals.clear();
        s.content.actions.iter_mut().for_each(|a| {
            if is_overdue(a, today()) {
                a.status = ActionStatus::Done;
            }
        });
        for c in &mut s.content.contacts {
            c.verified_on = Some(days(-10));
            if is_decision_maker(c) {
                c.attitude = Attitude::Supporter;
                if c.owner().is_none() {
                    c.relationships = person(bc, "", BuyingRole::User, Some(me)).relationships;
                }
            }
        }
        Fixture {
            account: s.account,
            content: s.content,
            bc,
            me,
        }
    }

    fn health(f: &Fixture) -> PlanHealth {
        plan_health(
            &f.account,
            &f.content,
            &completeness(&f.account, &f.content),
            today(),
        )
    }

    fn kinds(h: &PlanHealth) -> Vec<RiskKind> {
        h.risks.iter().map(|r| r.kind).collect()
    }

    #[test]
    fn a_complete_fresh_plan_is_healthy_and_says_so() {
        let h = health(&healthy());
        assert_eq!(h.risks, vec![], "{:?}", h.risks);
        assert_eq!(h.status, HealthStatus::Healthy);
        assert_eq!(h.headline, "100% complete, no risks found");
        assert_eq!(h.freshness.verified_share, Some(1.0));
        assert_eq!(h.freshness.days_since_last_interaction, Some(3));
    }

    #[test]
    fn an_unowned_decision_maker_is_critical_but_an_unowned_user_is_not() {
        let mut f = healthy();
        f.content
            .contacts
            .push(person(f.bc, "Uma User", BuyingRole::User, None));
        assert_eq!(health(&f).status, HealthStatus::Healthy);

        f.content.contacts.push(person(
            f.bc,
            "Dana Decider",
            BuyingRole::DecisionMaker,
            None,
        ));
        let h = health(&f);
        assert_eq!(kinds(&h), vec![RiskKind::DecisionMakerUncovered]);
        assert_eq!(h.status, HealthStatus::Critical);
        assert_eq!(h.risks[0].area, FixArea::RelationshipMap);
        assert!(h.risks[0].message.contains("Dana Decider"));
    }

    #[test]
    fn a_hostile_economic_buyer_is_critical_but_a_neutral_one_is_not() {
        let mut f = healthy();
        let mut buyer = person(f.bc, "Eve Buyer", BuyingRole::EconomicBuyer, Some(f.me));
        buyer.attitude = Attitude::Neutral;
        f.content.contacts.push(buyer.clone());
        assert_eq!(health(&f).risks, vec![]);

        f.content.contacts.last_mut().unwrap().attitude = Attitude::Opponent;
        let h = health(&f);
        assert_eq!(kinds(&h), vec![RiskKind::DecisionMakerHostile]);
        assert_eq!(h.risks[0].record_id, Some(buyer.id));
        assert_eq!(h.status, HealthStatus::Critical);
    }

    #[test]
    fn overdue_actions_are_warnings_then_critical_and_done_ones_are_not_risks() {
        let mut f = healthy();
        let action = f.content.actions[0].id;
        let set = |f: &mut Fixture, due: i64, status| {
            let a = f
                .content
                .actions
                .iter_mut()
                .find(|a| a.id == action)
                .unwrap();
            a.due_on = Some(days(due));
            a.status = status;
        };
        set(&mut f, -5, ActionStatus::Done);
        assert_eq!(health(&f).risks, vec![]);
        set(&mut f, 5, ActionStatus::Open);
        assert_eq!(health(&f).risks, vec![]);

        set(&mut f, -5, ActionStatus::Open);
        let h = health(&f);
        assert_eq!(kinds(&h), vec![RiskKind::OverdueAction]);
        assert_eq!(h.risks[0].severity, Severity::Warning);
        assert_eq!(h.risks[0].area, FixArea::Osas);
        assert!(h.risks[0].message.contains("5 days ago"));
        assert_eq!(h.status, HealthStatus::AtRisk);

        set(&mut f, -(LONG_OVERDUE_DAYS + 1), ActionStatus::Blocked);
        let h = health(&f);
        assert_eq!(h.risks[0].severity, Severity::Critical);
        assert_eq!(h.status, HealthStatus::Critical);
    }

    fn renewal(in_days: i64, bc: Option<Id>) -> Renewal {
        Renewal {
            id: Uuid::new_v4(),
            offering_id: None,
            buying_center_id: bc,
            description: "Support contract".into(),
            annual_value: Money(10_000_000),
            renewal_on: days(in_days),
            churned_on: None,
        }
    }

    #[test]
    fn a_near_renewal_nobody_works_on_is_a_risk_and_one_being_worked_on_is_not() {
        let mut f = healthy();
        // A buying center with no opportunity and no objective of its own.
        let quiet_bc = Uuid::new_v4();
        f.account.renewals = vec![renewal(200, Some(quiet_bc))];
        assert_eq!(health(&f).risks, vec![], "too far ahead");

        f.account.renewals = vec![renewal(60, Some(quiet_bc))];
        let h = health(&f);
        assert_eq!(kinds(&h), vec![RiskKind::RenewalUnattended]);
        assert_eq!(h.risks[0].severity, Severity::Warning);
        assert_eq!(h.risks[0].area, FixArea::Opportunities);

        f.account.renewals = vec![renewal(20, Some(quiet_bc))];
        assert_eq!(health(&f).risks[0].severity, Severity::Critical);

        f.account.renewals[0].churned_on = Some(days(-1));
        assert_eq!(health(&f).risks, vec![], "a churned renewal is history");

        // The sample's first buying center has open opportunities.
        f.account.renewals = vec![renewal(20, Some(f.bc))];
        assert_eq!(health(&f).risks, vec![]);
    }

    #[test]
    fn a_stale_key_person_is_a_warning_and_anyone_else_a_notice() {
        let mut f = healthy();
        let mut user = person(f.bc, "Sam Stale", BuyingRole::User, None);
        user.verified_on = Some(days(-(STALE_AFTER_DAYS + 1)));
        f.content.contacts.push(user);
        let h = health(&f);
        assert_eq!(kinds(&h), vec![RiskKind::StaleAssessment]);
        assert_eq!(h.risks[0].severity, Severity::Notice);
        assert_eq!(
            h.status,
            HealthStatus::Healthy,
            "a notice alone is no alarm"
        );
        assert_eq!(h.freshness.stale_contacts, 1);
        assert!(h.freshness.verified_share.unwrap() < 1.0);
        assert_eq!(h.headline, "100% complete, 1 risk to fix");

        let last = f.content.contacts.last_mut().unwrap();
        last.verified_on = Some(days(-STALE_AFTER_DAYS));
        assert_eq!(health(&f).risks, vec![], "exactly 90 days is still fresh");

        let mut key = person(f.bc, "Kim Key", BuyingRole::DecisionMaker, Some(f.me));
        key.verified_on = None;
        f.content.contacts.push(key);
        let h = health(&f);
        assert_eq!(h.risks[0].severity, Severity::Warning);
        assert!(h.risks[0].message.contains("never verified"));
        assert_eq!(h.status, HealthStatus::AtRisk);
    }

    #[test]
    fn a_quiet_account_is_a_warning_and_a_recent_talk_clears_it() {
        let mut f = healthy();
        f.account
            .interactions
            .iter_mut()
            .for_each(|i| i.date = days(-QUIET_AFTER_DAYS));
        assert_eq!(health(&f).risks, vec![]);
        f.account
            .interactions
            .iter_mut()
            .for_each(|i| i.date = days(-(QUIET_AFTER_DAYS + 10)));
        let h = health(&f);
        assert_eq!(kinds(&h), vec![RiskKind::NoRecentInteraction]);
        assert_eq!(h.freshness.days_since_last_interaction, Some(100));
        f.account.interactions.clear();
        assert_eq!(kinds(&health(&f)), vec![RiskKind::NoRecentInteraction]);
    }

    #[test]
    fn missing_required_items_put_a_riskless_plan_at_risk() {
        let mut f = healthy();
        f.account.industry.clear();
        let h = health(&f);
        assert_eq!(h.risks, vec![]);
        assert_eq!(h.status, HealthStatus::AtRisk);
        assert!(h.headline.starts_with("92% complete"), "{}", h.headline);
    }

    #[test]
    fn fix_first_names_the_three_most_severe_and_the_headline_never_says_complete_alone() {
        let mut f = healthy();
        for (n, c) in f.content.contacts.iter_mut().enumerate().take(4) {
            c.verified_on = None;
            if n == 3 {
                c.role = BuyingRole::DecisionMaker;
                c.relationships.clear();
            }
        }
        let h = health(&f);
        assert!(h.risks.len() > FIX_FIRST_COUNT);
        assert_eq!(h.fix_first.len(), FIX_FIRST_COUNT);
        assert_eq!(h.fix_first[0].kind, RiskKind::DecisionMakerUncovered);
        assert!(h.risks.windows(2).all(|w| w[0].severity <= w[1].severity));
        assert_eq!(h.completeness, 1.0);
        assert!(h.headline.starts_with("100% complete, "));
        assert!(
            h.headline.contains("risks to fix (1 critical)"),
            "{}",
            h.headline
        );
    }

    #[test]
    fn the_sample_plan_is_complete_but_critical() {
        let s = crate::sample::sample_plan(today());
        let h = plan_health(
            &s.account,
            &s.content,
            &completeness(&s.account, &s.content),
            today(),
        );
        assert_eq!(h.completeness, 1.0);
        assert_eq!(h.status, HealthStatus::Critical, "{:#?}", h.risks);
        assert_eq!(h.fix_first.len(), FIX_FIRST_COUNT);
    }
}
