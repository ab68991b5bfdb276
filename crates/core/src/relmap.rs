//! The relationship map: reports-to cycles and coverage gaps (DOMAIN.md, "Relationship map").

use crate::error::{CoreError, CoreResult};
use crate::model::*;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashSet;
use ts_rs::TS;

/// An assessment older than this many days is stale: people change jobs, maps decay.
pub const STALE_AFTER_DAYS: i64 = 90;

/// Refuse a reports-to that would close a loop, naming the people in it.
pub fn check_reports_to(content: &PlanContent, contact: &Contact) -> CoreResult<()> {
    let Some(manager) = contact.reports_to else {
        return Ok(());
    };
    let name_of = |id: Id| {
        if id == contact.id {
            contact.name.clone()
        } else {
            content
                .contact(id)
                .map(|c| c.name.clone())
                .unwrap_or_default()
        }
    };
    let mut chain = vec![contact.id];
    let mut seen = HashSet::from([contact.id]);
    let mut current = Some(manager);
    while let Some(id) = current {
        chain.push(id);
        if id == contact.id {
            return Err(CoreError::ReportsToCycle {
                field: "reports_to".into(),
                who: contact.name.clone(),
                manager: name_of(manager),
                names: chain.into_iter().map(name_of).collect(),
            });
        }
        if !seen.insert(id) {
            break; // an older loop elsewhere; not this edit's doing
        }
        current = content.contact(id).and_then(|c| c.reports_to);
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum GapKind {
    NoOwner,
    WeakRelationship,
    NegativeAttitude,
    SingleThreaded,
    NoEconomicBuyer,
    NoChampion,
    Stale,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CoverageGap {
    pub kind: GapKind,
    pub reason: String,
    pub buying_center_id: Id,
    pub contact_id: Option<Id>,
}

/// Decision-makers and high-influence people are the ones whose coverage matters.
pub fn is_key_person(c: &Contact) -> bool {
    matches!(
        c.role,
        BuyingRole::EconomicBuyer | BuyingRole::DecisionMaker
    ) || c.influence == Influence::High
}

fn best_level(c: &Contact) -> RelationshipLevel {
    c.relationships
        .iter()
        .map(|r| r.level)
        .max()
        .unwrap_or(RelationshipLevel::None)
}

pub fn is_strong(level: RelationshipLevel) -> bool {
    level >= RelationshipLevel::CredibleSource
}

pub fn is_stale(c: &Contact, today: NaiveDate) -> bool {
    match c.verified_on {
        Some(d) => (today - d).num_days() > STALE_AFTER_DAYS,
        None => true,
    }
}

pub fn coverage_gaps(content: &PlanContent, today: NaiveDate) -> Vec<CoverageGap> {
    let mut gaps = Vec::new();
    for bc in &content.buying_centers {
        let people: Vec<&Contact> = content
            .contacts
            .iter()
            .filter(|c| c.buying_center_id == bc.id)
            .collect();
        for c in &people {
            let gap = |kind, reason: String| CoverageGap {
                kind,
                reason,
                buying_center_id: bc.id,
                contact_id: Some(c.id),
            };
            if is_key_person(c) {
                let why = if matches!(
                    c.role,
                    BuyingRole::EconomicBuyer | BuyingRole::DecisionMaker
                ) {
                    c.role.label().to_lowercase()
                } else {
                    "high-influence person".to_string()
                };
                if c.owner().is_none() {
                    gaps.push(gap(
                        GapKind::NoOwner,
                        format!("{} ({why}) has no owner on our team", c.name),
                    ));
                }
                let level = best_level(c);
                if !is_strong(level) {
                    gaps.push(gap(
                        GapKind::WeakRelationship,
                        format!(
                            "{} ({why}): our best relationship is only {}",
                            c.name,
                            level.label()
                        ),
                    ));
                }
                if matches!(c.attitude, Attitude::Skeptic | Attitude::Opponent) {
                    gaps.push(gap(
                        GapKind::NegativeAttitude,
                        format!(
                            "{} ({why}) is {}",
                            c.name,
                            match c.attitude {
                                Attitude::Opponent => "an opponent",
                                _ => "a skeptic",
                            }
                        ),
                    ));
                }
            }
            if is_stale(c, today) {
                let reason = match c.verified_on {
                    Some(d) => format!(
                        "{}: assessment last verified {d}, over {STALE_AFTER_DAYS} days ago",
                        c.name
                    ),
                    None => format!("{}: assessment never verified", c.name),
                };
                gaps.push(gap(GapKind::Stale, reason));
            }
        }
        let bc_gap = |kind, reason: String| CoverageGap {
            kind,
            reason,
            buying_center_id: bc.id,
            contact_id: None,
        };
        let strong: Vec<&&Contact> = people.iter().filter(|c| is_strong(best_level(c))).collect();
        if strong.len() == 1 {
            gaps.push(bc_gap(
                GapKind::SingleThreaded,
                format!(
                    "{} is single-threaded: only {} is a strong relationship",
                    bc.name, strong[0].name
                ),
            ));
        }
        if !people.iter().any(|c| c.role == BuyingRole::EconomicBuyer) {
            gaps.push(bc_gap(
                GapKind::NoEconomicBuyer,
                format!("{} has no known economic buyer", bc.name),
            ));
        }
        if !people
            .iter()
            .any(|c| c.role == BuyingRole::Champion || c.attitude == Attitude::Champion)
        {
            gaps.push(bc_gap(
                GapKind::NoChampion,
                format!("{} has no champion", bc.name),
            ));
        }
    }
    gaps
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    pub(crate) fn person(bc: Id, name: &str) -> Contact {
        Contact {
            id: Uuid::new_v4(),
            buying_center_id: bc,
            name: name.into(),
            title: String::new(),
            reports_to: None,
            dotted_line_to: vec![],
            role: BuyingRole::User,
            influence: Influence::Low,
            attitude: Attitude::Neutral,
            relationships: vec![],
            last_contact_on: None,
            verified_on: Some(today()),
            email: String::new(),
            phone: String::new(),
            notes: String::new(),
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
    }

    fn plan_with(people: Vec<Contact>, bc: Id) -> PlanContent {
        PlanContent {
            buying_centers: vec![BuyingCenter {
                id: bc,
                name: "IT".into(),
                description: String::new(),
                total_wallet: Default::default(),
                our_revenue: Default::default(),
                sales_goal: Default::default(),
                target_share_pct: None,
                relationship_status: RelationshipStatus::None,
                initiative_ids: vec![],
                competitors: vec![],
                position: 0,
            }],
            contacts: people,
            ..Default::default()
        }
    }

    fn kinds(content: &PlanContent) -> Vec<GapKind> {
        coverage_gaps(content, today())
            .into_iter()
            .map(|g| g.kind)
            .collect()
    }

    #[test]
    fn cycle_is_refused_with_names() {
        let bc = Uuid::new_v4();
        let a = person(bc, "Ann");
        let mut b = person(bc, "Ben");
        b.reports_to = Some(a.id);
        let mut c = person(bc, "Cleo");
        c.reports_to = Some(b.id);
        let content = plan_with(vec![a.clone(), b, c.clone()], bc);
        let mut a2 = a.clone();
        a2.reports_to = Some(c.id);
        let err = check_reports_to(&content, &a2).unwrap_err();
        assert_eq!(err.code(), "reports_to_cycle");
        let msg = err.to_string();
        assert!(
            msg.contains("Ann") && msg.contains("Ben") && msg.contains("Cleo"),
            "{msg}"
        );
        // A legal change passes.
        let mut c2 = c.clone();
        c2.reports_to = Some(a.id);
        assert!(check_reports_to(&content, &c2).is_ok());
    }

    #[test]
    fn key_person_without_owner_weak_or_negative_is_a_gap() {
        let bc = Uuid::new_v4();
        let team = Uuid::new_v4();
        let mut eb = person(bc, "Eve");
        eb.role = BuyingRole::EconomicBuyer;
        eb.attitude = Attitude::Skeptic;
        let k = kinds(&plan_with(vec![eb.clone()], bc));
        assert!(k.contains(&GapKind::NoOwner));
        assert!(k.contains(&GapKind::WeakRelationship));
        assert!(k.contains(&GapKind::NegativeAttitude));
        eb.attitude = Attitude::Supporter;
        eb.relationships = vec![Relationship {
            team_member_id: team,
            level: RelationshipLevel::TrustedAdvisor,
            owner: true,
        }];
        let k = kinds(&plan_with(vec![eb], bc));
        assert!(!k.contains(&GapKind::NoOwner));
        assert!(!k.contains(&GapKind::WeakRelationship));
        assert!(!k.contains(&GapKind::NegativeAttitude));
        assert!(!k.contains(&GapKind::NoEconomicBuyer));
    }

    #[test]
    fn low_influence_user_is_not_a_key_gap() {
        let bc = Uuid::new_v4();
        let k = kinds(&plan_with(vec![person(bc, "Uma")], bc));
        assert!(!k.contains(&GapKind::NoOwner));
    }

    #[test]
    fn single_threaded_and_missing_roles() {
        let bc = Uuid::new_v4();
        let mut a = person(bc, "Ann");
        a.relationships = vec![Relationship {
            team_member_id: Uuid::new_v4(),
            level: RelationshipLevel::ProblemSolver,
            owner: true,
        }];
        let b = person(bc, "Ben");
        let k = kinds(&plan_with(vec![a.clone(), b.clone()], bc));
        assert!(k.contains(&GapKind::SingleThreaded));
        assert!(k.contains(&GapKind::NoEconomicBuyer));
        assert!(k.contains(&GapKind::NoChampion));
        let mut b2 = b.clone();
        b2.relationships = a.relationships.clone();
        b2.role = BuyingRole::Champion;
        let mut c = person(bc, "Cy");
        c.role = BuyingRole::EconomicBuyer;
        c.relationships = a.relationships.clone();
        let k = kinds(&plan_with(vec![a, b2, c], bc));
        assert!(!k.contains(&GapKind::SingleThreaded));
        assert!(!k.contains(&GapKind::NoEconomicBuyer));
        assert!(!k.contains(&GapKind::NoChampion));
    }

    #[test]
    fn stale_after_ninety_days() {
        let bc = Uuid::new_v4();
        let mut a = person(bc, "Ann");
        a.verified_on = Some(today() - chrono::Duration::days(90));
        assert!(!kinds(&plan_with(vec![a.clone()], bc)).contains(&GapKind::Stale));
        a.verified_on = Some(today() - chrono::Duration::days(91));
        assert!(kinds(&plan_with(vec![a.clone()], bc)).contains(&GapKind::Stale));
        a.verified_on = None;
        assert!(kinds(&plan_with(vec![a], bc)).contains(&GapKind::Stale));
    }
}
