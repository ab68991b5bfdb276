//! Generated workloads for benchmarks and scale tests: the large plan of the foundation issue
//! (30 buying centers, 400 contacts, 60 offerings, 150 OSAs, 40 campaigns, 300 opportunities)
//! and portfolios of many accounts. Deterministic for a given seed.

use crate::model::*;
use crate::money::{Currency, Money};
use chrono::{Duration, NaiveDate};
use uuid::Uuid;

/// A small deterministic generator (PCG-style LCG): no dependency, same output everywhere.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed.wrapping_mul(6364136223846793005).wrapping_add(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
    pub fn uuid(&mut self) -> Uuid {
        Uuid::from_u64_pair(
            self.next_u64() << 31 ^ self.next_u64(),
            self.next_u64() << 31 ^ self.next_u64(),
        )
    }
}

pub struct LargePlan {
    pub account: Account,
    pub plan: Plan,
    pub content: PlanContent,
    pub offerings: Vec<Offering>,
    pub campaigns: Vec<Campaign>,
}

const FIRST: [&str; 12] = [
    "Anna", "Ben", "Chiara", "Dmitri", "Eva", "Farid", "Greta", "Hiro", "Ines", "Jakub", "Katja",
    "Lars",
];
const LAST: [&str; 12] = [
    "Meyer", "Nowak", "Rossi", "Ivanov", "Svensson", "Haddad", "Schmidt", "Tanaka", "Costa",
    "Dvořák", "Berg", "Novak",
];

pub fn large_plan(seed: u64, today: NaiveDate) -> LargePlan {
    let mut r = Lcg::new(seed);
    let mut account = Account::new(&format!("Large Account {seed}"), today);
    account.industry = "Manufacturing".into();
    account.growth_trend = GrowthTrend::Growing;
    for i in 0..8 {
        account.team.push(TeamMember {
            id: r.uuid(),
            name: format!("Team member {i}"),
            role: TeamRole::ALL[i % TeamRole::ALL.len()],
        });
    }
    for i in 0..10 {
        account.initiatives.push(Initiative {
            id: r.uuid(),
            name: format!("Initiative {i}"),
            description: "Generated".into(),
            success_factors: vec!["Factor".into()],
        });
        account.competitors.push(Competitor {
            id: r.uuid(),
            name: format!("Competitor {i}"),
            strengths: "s".into(),
            weaknesses: "w".into(),
            counter_strategy: "c".into(),
        });
    }
    let plan = Plan {
        id: r.uuid(),
        account_id: account.id,
        period: "FY2027".into(),
        starts_on: today,
        ends_on: today + Duration::days(364),
        status: PlanStatus::Active,
        currency: Currency::default(),
        rolled_from: None,
        // Commentary at its longest, so the printed summaries are tried with the most text.
        executive_summary: longest_text("The story", crate::validate::MAX_EXECUTIVE_SUMMARY),
        asks: longest_text("An ask", crate::validate::MAX_ASKS_OR_WINS),
        wins: longest_text("A win", crate::validate::MAX_ASKS_OR_WINS),
    };
    let offerings: Vec<Offering> = (0..60)
        .map(|i| Offering {
            id: r.uuid(),
            name: format!("Offering {i:02}"),
            family: format!("Family {}", i / 10),
            description: String::new(),
            typical_deal_size: Money(10_000_000),
            currency: Currency::default(),
            retired: false,
        })
        .collect();
    let mut c = PlanContent::default();
    for i in 0..30 {
        let wallet = 100_000_000 + r.below(900_000_000) as i64;
        c.buying_centers.push(BuyingCenter {
            id: r.uuid(),
            name: format!("Buying center {i:02}"),
            description: String::new(),
            total_wallet: Money(wallet),
            our_revenue: Money(r.below(wallet as u64 / 2) as i64),
            sales_goal: Money(wallet / 2),
            target_share_pct: Some(40),
            relationship_status: RelationshipStatus::ALL[i % 5],
            initiative_ids: vec![account.initiatives[i % 10].id],
            competitors: vec![CompetitorShare {
                competitor_id: account.competitors[i % 10].id,
                share_pct: 20,
            }],
            position: i as u32,
        });
    }
    for i in 0..400usize {
        let bc = &c.buying_centers[i % 30];
        let reports_to = if i >= 30 {
            Some(
                c.contacts[i - 30 - (r.below((i as u64 - 30).min(29) + 1) as usize).min(i - 30)].id,
            )
        } else {
            None
        };
        let reports_to =
            reports_to.filter(|m| c.contact(*m).is_some_and(|x| x.buying_center_id == bc.id));
        c.contacts.push(Contact {
            id: r.uuid(),
            buying_center_id: bc.id,
            name: format!("{} {} {i}", FIRST[i % 12], LAST[(i / 12) % 12]),
            title: "Director".into(),
            reports_to,
            dotted_line_to: vec![],
            role: BuyingRole::ALL[i % 8],
            influence: Influence::ALL[i % 3],
            attitude: Attitude::ALL[i % 5],
            relationships: vec![Relationship {
                team_member_id: account.team[i % 8].id,
                level: RelationshipLevel::ALL[i % 5],
                owner: i % 3 == 0,
            }],
            last_contact_on: Some(today - Duration::days(r.below(200) as i64)),
            verified_on: Some(today - Duration::days(r.below(200) as i64)),
            email: String::new(),
            phone: String::new(),
            notes: String::new(),
        });
    }
    for i in 0..40 {
        c.lines.push(InfluenceLine {
            id: r.uuid(),
            from_contact_id: c.contacts[i].id,
            to_contact_id: c.contacts[i + 100].id,
            kind: LineKind::ALL[i % 2],
        });
    }
    for b in 0..30 {
        for (o, offering) in offerings.iter().enumerate() {
            if (b * 7 + o) % 3 == 0 {
                c.cells.push(WhiteSpaceCell {
                    id: r.uuid(),
                    buying_center_id: c.buying_centers[b].id,
                    offering_id: offering.id,
                    status: CellStatus::ALL[(b + o) % 6],
                    value_to_us: Some(1 + r.below(5) as u8),
                    value_to_customer: Some(1 + r.below(5) as u8),
                    value_to_us_rationale: String::new(),
                    value_to_customer_rationale: String::new(),
                    estimated_revenue: Money(r.below(50_000_000) as i64),
                    competitor: String::new(),
                    blocked_reason: String::new(),
                });
            }
        }
    }
    for i in 0..300 {
        c.opportunities.push(Opportunity {
            id: r.uuid(),
            name: format!("Opportunity {i}"),
            buying_center_id: c.buying_centers[i % 30].id,
            offering_id: Some(offerings[i % 60].id),
            amount: Money(r.below(100_000_000) as i64),
            stage: OpportunityStage::ALL[i % 5],
            probability_pct: r.below(101) as u8,
            close_on: Some(today + Duration::days(r.below(300) as i64)),
            status: OpportunityStatus::ALL[i % 3],
        });
    }
    // 150 OSA records: 30 objectives, 40 strategies, 80 actions.
    for i in 0..30 {
        c.objectives.push(Objective {
            id: r.uuid(),
            kind: ObjectiveKind::ALL[i % 4],
            title: format!("Objective {i}"),
            target: "1".into(),
            unit: "M EUR".into(),
            starts_on: Some(today - Duration::days(60)),
            due_on: Some(today + Duration::days(200)),
            buying_center_id: Some(c.buying_centers[i].id),
            initiative_id: None,
            owner_id: Some(account.team[i % 8].id),
            position: i as u32,
        });
    }
    for i in 0..40 {
        c.strategies.push(Strategy {
            id: r.uuid(),
            objective_id: c.objectives[i % 30].id,
            title: format!("Strategy {i}"),
            position: i as u32,
        });
    }
    for i in 0..80 {
        c.actions.push(Action {
            id: r.uuid(),
            strategy_id: c.strategies[i % 40].id,
            what: format!("Action {i}"),
            owner_id: Some(account.team[i % 8].id),
            due_on: Some(today + Duration::days(r.below(200) as i64 - 50)),
            status: ActionStatus::ALL[i % 4],
            position: i as u32,
        });
    }
    let campaigns = (0..40)
        .map(|i| Campaign {
            id: r.uuid(),
            name: format!("Campaign {i}"),
            kind: CampaignKind::ALL[i % 8],
            starts_on: today + Duration::days(i as i64 * 5),
            ends_on: today + Duration::days(i as i64 * 5 + 30),
            budget: Money(2_000_000),
            currency: Currency::default(),
            status: CampaignStatus::ALL[i % 3],
            targets: vec![CampaignTarget {
                account_id: account.id,
                objective_id: None,
                buying_center_ids: vec![c.buying_centers[i % 30].id],
                contact_ids: vec![],
                engaged_contact_ids: vec![],
                meetings: 1,
                opportunity_ids: vec![c.opportunities[i].id],
            }],
        })
        .collect();
    LargePlan {
        account,
        plan,
        content: c,
        offerings,
        campaigns,
    }
}

/// The large plan as the app shows it (default segmentation settings).
/// Sentences starting with `lead`, exactly `len` characters long.
fn longest_text(lead: &str, len: usize) -> String {
    let sentence = format!("{lead} that runs on with many words for the printed plan. ");
    sentence.chars().cycle().take(len).collect()
}

pub fn large_view(seed: u64, today: NaiveDate) -> crate::view::PlanView {
    let l = large_plan(seed, today);
    crate::view::plan_view(crate::view::ViewInputs {
        account: &l.account,
        plan: &l.plan,
        content: &l.content,
        offerings: &l.offerings,
        campaigns: l.campaigns,
        weights: &Default::default(),
        thresholds: &Default::default(),
        today,
    })
}

/// A small scored account plan for portfolio-scale workloads.
pub fn portfolio_account(r: &mut Lcg, i: usize, today: NaiveDate) -> (Account, Plan, PlanContent) {
    let mut a = Account::new(&format!("Account {i:05}"), today);
    a.id = r.uuid();
    a.industry = ["Retail", "Banking", "Logistics", "Energy"][i % 4].into();
    a.life_stage = LifeStage::ALL[i % 4];
    for dim in [
        &mut a.segmentation.need,
        &mut a.segmentation.value,
        &mut a.segmentation.behavior,
    ] {
        for c in dim.iter_mut() {
            c.score = Some(1 + r.below(5) as u8);
        }
    }
    let plan = Plan {
        id: r.uuid(),
        account_id: a.id,
        period: "FY2027".into(),
        starts_on: today,
        ends_on: today + Duration::days(364),
        status: PlanStatus::Active,
        currency: Currency::default(),
        rolled_from: None,
        executive_summary: String::new(),
        asks: String::new(),
        wins: String::new(),
    };
    let mut c = PlanContent::default();
    for b in 0..3 {
        let wallet = 10_000_000 + r.below(1_000_000_000) as i64;
        c.buying_centers.push(BuyingCenter {
            id: r.uuid(),
            name: format!("BC {b}"),
            description: String::new(),
            total_wallet: Money(wallet),
            our_revenue: Money(r.below(wallet as u64) as i64),
            sales_goal: Money(wallet / 2),
            target_share_pct: None,
            relationship_status: RelationshipStatus::Transactional,
            initiative_ids: vec![],
            competitors: vec![],
            position: b,
        });
    }
    (a, plan, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_plan_has_the_promised_size_and_is_valid() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let l = large_plan(1, today);
        assert_eq!(l.content.buying_centers.len(), 30);
        assert_eq!(l.content.contacts.len(), 400);
        assert_eq!(l.offerings.len(), 60);
        assert_eq!(
            l.content.objectives.len() + l.content.strategies.len() + l.content.actions.len(),
            150
        );
        assert_eq!(l.campaigns.len(), 40);
        assert_eq!(l.content.opportunities.len(), 300);
        let ctx = crate::validate::Context {
            account: &l.account,
            content: &l.content,
            offerings: &l.offerings,
        };
        for item in l.content.clone().into_items() {
            crate::validate::item(&item, &ctx).unwrap_or_else(|e| panic!("{e}: {item:?}"));
        }
    }
}
