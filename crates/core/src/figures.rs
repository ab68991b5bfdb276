//! Derived money figures of buying centers and the account (DOMAIN.md, "Buying center").

use crate::model::*;
use crate::money::Money;
use serde::Serialize;
use ts_rs::TS;

/// Figures of one buying center, all derived from the plan's records.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BuyingCenterFigures {
    pub buying_center_id: Id,
    /// our revenue / total wallet; None when the wallet is zero (share undefined).
    pub wallet_share: Option<f64>,
    /// total wallet - our revenue (negative when revenue exceeds the estimated wallet).
    pub headroom: Money,
    /// Sum of open opportunities' amount x probability.
    pub weighted_pipeline: Money,
    /// sales goal - our revenue - weighted open pipeline.
    pub gap_to_goal: Money,
    /// Each competitor's estimated slice of the wallet, in money.
    pub competitor_wallet: Vec<CompetitorSlice>,
    /// What nobody is known to hold: wallet - ours - competitors (never below zero).
    pub open_wallet: Money,
    pub warnings: Vec<FieldWarning>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CompetitorSlice {
    pub competitor_id: Id,
    pub name: String,
    pub amount: Money,
}

/// A value the user may keep but should look at again (never a block).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FieldWarning {
    pub field: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AccountTotals {
    pub total_wallet: Money,
    pub our_revenue: Money,
    pub sales_goal: Money,
    pub wallet_share: Option<f64>,
    pub headroom: Money,
    pub weighted_pipeline: Money,
    pub gap_to_goal: Money,
    /// Open pipeline not weighted, and won/lost amounts in the plan.
    pub open_pipeline: Money,
    pub won: Money,
    pub lost: Money,
}

pub fn ratio(part: Money, whole: Money) -> Option<f64> {
    if whole.0 == 0 {
        None
    } else {
        Some(part.0 as f64 / whole.0 as f64)
    }
}

pub fn weighted_pipeline<'a>(opportunities: impl Iterator<Item = &'a Opportunity>) -> Money {
    opportunities
        .filter(|o| o.status == OpportunityStatus::Open)
        .map(|o| o.amount.weighted(o.probability_pct))
        .sum()
}

pub fn buying_center_figures(
    bc: &BuyingCenter,
    account: &Account,
    content: &PlanContent,
) -> BuyingCenterFigures {
    let weighted = weighted_pipeline(
        content
            .opportunities
            .iter()
            .filter(|o| o.buying_center_id == bc.id),
    );
    let competitor_wallet: Vec<CompetitorSlice> = bc
        .competitors
        .iter()
        .map(|c| CompetitorSlice {
            competitor_id: c.competitor_id,
            name: account
                .competitors
                .iter()
                .find(|x| x.id == c.competitor_id)
                .map(|x| x.name.clone())
                .unwrap_or_default(),
            amount: bc.total_wallet.weighted(c.share_pct),
        })
        .collect();
    let held: Money = bc.our_revenue + competitor_wallet.iter().map(|c| c.amount).sum::<Money>();
    let open_wallet = Money((bc.total_wallet - held).0.max(0));
    BuyingCenterFigures {
        buying_center_id: bc.id,
        wallet_share: ratio(bc.our_revenue, bc.total_wallet),
        headroom: bc.total_wallet - bc.our_revenue,
        weighted_pipeline: weighted,
        gap_to_goal: bc.sales_goal - bc.our_revenue - weighted,
        competitor_wallet,
        open_wallet,
        warnings: buying_center_warnings(bc),
    }
}

/// Estimates the user may keep but should see flagged (DOMAIN rules of issue 4).
pub fn buying_center_warnings(bc: &BuyingCenter) -> Vec<FieldWarning> {
    let mut w = Vec::new();
    if bc.our_revenue > bc.total_wallet {
        w.push(FieldWarning {
            field: "our_revenue".into(),
            message:
                "Our revenue is above the estimated total wallet: is the wallet estimate too low?"
                    .into(),
        });
    }
    if bc.target_share_pct.is_some_and(|t| t > 100) {
        w.push(FieldWarning {
            field: "target_share_pct".into(),
            message: "A target share above 100% cannot be reached".into(),
        });
    }
    if bc.sales_goal.0 > 0 && bc.sales_goal < bc.our_revenue {
        w.push(FieldWarning {
            field: "sales_goal".into(),
            message: "The sales goal is below current revenue: a planned decline?".into(),
        });
    }
    let competitors: u32 = bc.competitors.iter().map(|c| c.share_pct as u32).sum();
    let ours = ratio(bc.our_revenue, bc.total_wallet).unwrap_or(0.0) * 100.0;
    if competitors as f64 + ours > 100.5 {
        w.push(FieldWarning {
            field: "competitors".into(),
            message: format!(
                "Our share ({ours:.0}%) and competitors' ({competitors}%) add up to more than the wallet"
            ),
        });
    }
    w
}

/// Account figures are sums over its buying centers (`figures` in the same order).
pub fn account_totals(figures: &[BuyingCenterFigures], content: &PlanContent) -> AccountTotals {
    let sum = |f: fn(&BuyingCenter) -> Money| content.buying_centers.iter().map(f).sum::<Money>();
    let total_wallet = sum(|b| b.total_wallet);
    let our_revenue = sum(|b| b.our_revenue);
    let sales_goal = sum(|b| b.sales_goal);
    let weighted = figures.iter().map(|f| f.weighted_pipeline).sum::<Money>();
    let by_status = |s: OpportunityStatus| {
        content
            .opportunities
            .iter()
            .filter(|o| o.status == s)
            .map(|o| o.amount)
            .sum::<Money>()
    };
    AccountTotals {
        total_wallet,
        our_revenue,
        sales_goal,
        wallet_share: ratio(our_revenue, total_wallet),
        headroom: total_wallet - our_revenue,
        weighted_pipeline: weighted,
        gap_to_goal: sales_goal - our_revenue - weighted,
        open_pipeline: by_status(OpportunityStatus::Open),
        won: by_status(OpportunityStatus::Won),
        lost: by_status(OpportunityStatus::Lost),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use uuid::Uuid;

    fn bc(wallet: i64, ours: i64, goal: i64) -> BuyingCenter {
        BuyingCenter {
            id: Uuid::new_v4(),
            name: "Finance".into(),
            description: String::new(),
            total_wallet: Money(wallet),
            our_revenue: Money(ours),
            sales_goal: Money(goal),
            target_share_pct: None,
            relationship_status: RelationshipStatus::Transactional,
            initiative_ids: vec![],
            competitors: vec![],
            position: 0,
        }
    }

    fn opp(bc: Id, amount: i64, pct: u8, status: OpportunityStatus) -> Opportunity {
        Opportunity {
            id: Uuid::new_v4(),
            name: "Deal".into(),
            buying_center_id: bc,
            offering_id: None,
            amount: Money(amount),
            stage: OpportunityStage::Develop,
            probability_pct: pct,
            close_on: None,
            status,
        }
    }

    fn account() -> Account {
        Account::new("Acme", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())
    }

    #[test]
    fn share_headroom_and_gap_follow_the_formulas() {
        let b = bc(1_000_000, 250_000, 600_000);
        let mut content = PlanContent {
            buying_centers: vec![b.clone()],
            ..Default::default()
        };
        content.opportunities = vec![
            opp(b.id, 100_000, 50, OpportunityStatus::Open),
            opp(b.id, 200_000, 25, OpportunityStatus::Open),
            opp(b.id, 999_000, 90, OpportunityStatus::Won),
            opp(b.id, 777_000, 10, OpportunityStatus::Lost),
        ];
        let f = buying_center_figures(&b, &account(), &content);
        assert_eq!(f.wallet_share, Some(0.25));
        assert_eq!(f.headroom, Money(750_000));
        // Only open opportunities count: 50,000 + 50,000.
        assert_eq!(f.weighted_pipeline, Money(100_000));
        assert_eq!(f.gap_to_goal, Money(600_000 - 250_000 - 100_000));
        let t = account_totals(&[f], &content);
        assert_eq!(t.won, Money(999_000));
        assert_eq!(t.lost, Money(777_000));
        assert_eq!(t.open_pipeline, Money(300_000));
    }

    #[test]
    fn zero_wallet_has_no_share() {
        let b = bc(0, 0, 0);
        let f = buying_center_figures(&b, &account(), &PlanContent::default());
        assert_eq!(f.wallet_share, None);
        assert_eq!(f.headroom, Money(0));
        assert!(f.warnings.is_empty());
    }

    #[test]
    fn no_buying_centers_gives_zero_totals() {
        let t = account_totals(&[], &PlanContent::default());
        assert_eq!(t.total_wallet, Money(0));
        assert_eq!(t.wallet_share, None);
        assert_eq!(t.gap_to_goal, Money(0));
    }

    #[test]
    fn account_share_is_ratio_of_sums_not_mean_of_ratios() {
        let a = bc(1_000, 500, 0);
        let b = bc(9_000, 0, 0);
        let content = PlanContent {
            buying_centers: vec![a.clone(), b.clone()],
            ..Default::default()
        };
        let fa = buying_center_figures(&a, &account(), &content);
        let fb = buying_center_figures(&b, &account(), &content);
        let t = account_totals(&[fa, fb], &content);
        assert_eq!(t.wallet_share, Some(0.05));
    }

    #[test]
    fn suspicious_estimates_are_flagged_not_changed() {
        let mut b = bc(100, 200, 150);
        b.target_share_pct = Some(120);
        let f = buying_center_figures(&b, &account(), &PlanContent::default());
        let fields: Vec<&str> = f.warnings.iter().map(|w| w.field.as_str()).collect();
        assert!(fields.contains(&"our_revenue"));
        assert!(fields.contains(&"target_share_pct"));
        assert!(fields.contains(&"sales_goal"));
        assert_eq!(b.our_revenue, Money(200));
        assert_eq!(f.headroom, Money(-100));
    }

    #[test]
    fn competitor_slices_and_open_wallet() {
        let mut a = account();
        let comp = Competitor {
            id: Uuid::new_v4(),
            name: "Rival".into(),
            strengths: String::new(),
            weaknesses: String::new(),
            counter_strategy: String::new(),
        };
        a.competitors.push(comp.clone());
        let mut b = bc(1_000, 200, 0);
        b.competitors.push(CompetitorShare {
            competitor_id: comp.id,
            share_pct: 30,
        });
        let f = buying_center_figures(&b, &a, &PlanContent::default());
        assert_eq!(f.competitor_wallet[0].amount, Money(300));
        assert_eq!(f.competitor_wallet[0].name, "Rival");
        assert_eq!(f.open_wallet, Money(500));
    }
}
