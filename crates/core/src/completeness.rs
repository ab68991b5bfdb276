//! Plan completeness against the ABM research framework (DOMAIN.md, "Plan completeness").

use crate::model::*;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CompletenessTier {
    Required,
    Recommended,
    BestPractice,
}

impl CompletenessTier {
    pub fn label(self) -> &'static str {
        match self {
            CompletenessTier::Required => "Required",
            CompletenessTier::Recommended => "Recommended",
            CompletenessTier::BestPractice => "Best practice",
        }
    }
}

/// Where in the app an item is filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PlanArea {
    Overview,
    BuyingCenters,
    Opportunities,
    RelationshipMap,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CompletenessItem {
    pub tier: CompletenessTier,
    pub key: String,
    pub label: String,
    pub done: bool,
    /// What is missing, in words ("Finance and HR have no wallet estimate").
    pub missing: String,
    pub area: PlanArea,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TierScore {
    pub tier: CompletenessTier,
    pub done: u32,
    pub total: u32,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Completeness {
    /// Share of all items done (0-1).
    pub score: f64,
    pub tiers: Vec<TierScore>,
    pub items: Vec<CompletenessItem>,
}

fn names_lacking(content: &PlanContent, lacks: impl Fn(&BuyingCenter) -> bool) -> Vec<&str> {
    content
        .buying_centers
        .iter()
        .filter(|b| lacks(b))
        .map(|b| b.name.as_str())
        .collect()
}

fn list(names: &[&str]) -> String {
    match names.len() {
        0 => String::new(),
        1..=3 => names.join(", "),
        n => format!("{} and {} more", names[..3].join(", "), n - 3),
    }
}

pub fn completeness(account: &Account, content: &PlanContent) -> Completeness {
    use CompletenessTier::*;
    let mut items = Vec::new();
    let has_bcs = !content.buying_centers.is_empty();
    let mut per_bc =
        |tier, key: &str, label: &str, area, lacks: &dyn Fn(&BuyingCenter) -> bool, what: &str| {
            let lacking = names_lacking(content, lacks);
            items.push(CompletenessItem {
                tier,
                key: key.into(),
                label: label.into(),
                done: has_bcs && lacking.is_empty(),
                missing: if !has_bcs {
                    "No buying centers yet".into()
                } else if lacking.is_empty() {
                    String::new()
                } else {
                    format!("{}: {what}", list(&lacking))
                },
                area,
            });
        };
    let contacts_in = |b: &BuyingCenter| {
        content
            .contacts
            .iter()
            .filter(|c| c.buying_center_id == b.id)
            .count()
    };
    per_bc(
        Required,
        "wallet_share",
        "Wallet share by buying center",
        PlanArea::BuyingCenters,
        &|b| b.total_wallet.0 == 0,
        "no total wallet estimate",
    );
    per_bc(
        Required,
        "sales_goals",
        "Sales goals by buying center",
        PlanArea::BuyingCenters,
        &|b| b.sales_goal.0 == 0,
        "no sales goal",
    );
    per_bc(
        Required,
        "contacts",
        "Contacts by buying center",
        PlanArea::RelationshipMap,
        &|b| contacts_in(b) == 0,
        "no contacts",
    );
    per_bc(
        Recommended,
        "initiatives_by_bc",
        "Key initiatives by buying center",
        PlanArea::BuyingCenters,
        &|b| b.initiative_ids.is_empty(),
        "no initiative linked",
    );
    per_bc(
        Recommended,
        "relationship_status",
        "Relationship status by buying center",
        PlanArea::BuyingCenters,
        &|b| b.relationship_status == RelationshipStatus::None,
        "relationship status not set",
    );
    per_bc(
        Recommended,
        "relationship_map",
        "Relationship map by buying center",
        PlanArea::RelationshipMap,
        &|b| {
            contacts_in(b) < 3
                || !content
                    .contacts
                    .iter()
                    .any(|c| c.buying_center_id == b.id && c.owner().is_some())
        },
        "fewer than 3 people mapped or nobody owned",
    );

    let mut simple = |tier, key: &str, label: &str, area, done: bool, missing: &str| {
        items.push(CompletenessItem {
            tier,
            key: key.into(),
            label: label.into(),
            done,
            missing: if done { String::new() } else { missing.into() },
            area,
        })
    };
    simple(
        Required,
        "industry",
        "Industry",
        PlanArea::Overview,
        !account.industry.trim().is_empty(),
        "Industry not set",
    );
    simple(
        Required,
        "buying_centers",
        "Buying centers",
        PlanArea::BuyingCenters,
        has_bcs,
        "No buying centers yet",
    );
    simple(
        Required,
        "opportunities",
        "Current opportunity status",
        PlanArea::Opportunities,
        !content.opportunities.is_empty(),
        "No opportunities recorded",
    );
    simple(
        Recommended,
        "initiatives",
        "Key initiatives",
        PlanArea::Overview,
        !account.initiatives.is_empty(),
        "No customer initiatives recorded",
    );
    simple(
        BestPractice,
        "growth_trend",
        "Growth trend",
        PlanArea::Overview,
        account.growth_trend != GrowthTrend::Unknown,
        "Growth trend unknown",
    );
    simple(
        BestPractice,
        "competitive_environment",
        "Competitive environment",
        PlanArea::Overview,
        !account.competitors.is_empty(),
        "No competitors recorded",
    );
    simple(
        BestPractice,
        "engagement_history",
        "Engagement history",
        PlanArea::Overview,
        !account.interactions.is_empty(),
        "No interactions logged",
    );

    let order = |t: CompletenessTier| t as u8;
    items.sort_by_key(|i| order(i.tier));
    let tiers = [Required, Recommended, BestPractice]
        .into_iter()
        .map(|tier| {
            let of_tier: Vec<&CompletenessItem> = items.iter().filter(|i| i.tier == tier).collect();
            let done = of_tier.iter().filter(|i| i.done).count() as u32;
            let total = of_tier.len() as u32;
            TierScore {
                tier,
                done,
                total,
                score: done as f64 / total as f64,
            }
        })
        .collect();
    let done = items.iter().filter(|i| i.done).count();
    Completeness {
        score: done as f64 / items.len() as f64,
        tiers,
        items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn empty_plan_is_incomplete_and_says_why() {
        let a = Account::new("Acme", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        let c = completeness(&a, &PlanContent::default());
        assert_eq!(c.score, 0.0);
        assert_eq!(c.items.len(), 13);
        assert!(c.items.iter().all(|i| !i.missing.is_empty()));
        assert_eq!(c.tiers[0].total, 6);
        assert_eq!(c.tiers[1].total, 4);
        assert_eq!(c.tiers[2].total, 3);
    }

    #[test]
    fn sample_plan_is_complete() {
        let s = crate::sample::sample_plan(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
        let c = completeness(&s.account, &s.content);
        let missing: Vec<_> = c
            .items
            .iter()
            .filter(|i| !i.done)
            .map(|i| &i.missing)
            .collect();
        assert!(missing.is_empty(), "{missing:?}");
        assert_eq!(c.score, 1.0);
    }
}
