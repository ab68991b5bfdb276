//! Derived money figures of buying centers and the account (DOMAIN.md, "Buying center"):
//! wallet share, headroom, the forecast for the plan period and the gap to goal.

use crate::model::*;
use crate::money::Money;
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

/// The days a plan covers, both ends included. Forecast parts are split by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

impl Period {
    pub fn of(plan: &Plan) -> Period {
        Period {
            starts_on: plan.starts_on,
            ends_on: plan.ends_on,
        }
    }
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.starts_on <= day && day <= self.ends_on
    }
}

/// The forecast for the plan period, part by part, so it can be explained in a QBR:
/// `total = recurring_base + won_in_period + weighted_in_period`, and the gap to goal is
/// `sales goal - total`. Pipeline outside the period is shown apart and never counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
#[ts(export)]
pub struct Forecast {
    /// Our revenue (what the customer spends with us now) less `churned_renewals`.
    pub recurring_base: Money,
    /// Annual value of renewals falling due in the period that are marked churned.
    pub churned_renewals: Money,
    /// Amounts of won opportunities whose close date falls in the period.
    pub won_in_period: Money,
    /// Open opportunities closing in the period, amount x probability.
    pub weighted_in_period: Money,
    /// recurring_base + won_in_period + weighted_in_period.
    pub total: Money,
    /// Open opportunities closing after the period ends, weighted: next period's pipeline.
    pub next_period_weighted: Money,
    /// Open opportunities with no close date, or one before the period starts, weighted:
    /// not counted until they get a close date in the period.
    pub unscheduled_weighted: Money,
    /// How many open opportunities are in `unscheduled_weighted`.
    pub unscheduled_count: u32,
}

impl Forecast {
    /// The forecast of the opportunities and churned renewals given, over `base` revenue.
    pub fn build<'a>(
        base: Money,
        opportunities: impl Iterator<Item = &'a Opportunity>,
        churned: Money,
        period: Period,
    ) -> Forecast {
        let mut f = Forecast {
            churned_renewals: churned,
            recurring_base: base - churned,
            ..Forecast::default()
        };
        for o in opportunities {
            let when = o.close_on;
            match o.status {
                OpportunityStatus::Lost => {}
                OpportunityStatus::Won => {
                    if when.is_some_and(|d| period.contains(d)) {
                        f.won_in_period = f.won_in_period + o.amount;
                    }
                }
                OpportunityStatus::Open => {
                    let weighted = o.amount.weighted(o.probability_pct);
                    match when {
                        Some(d) if period.contains(d) => {
                            f.weighted_in_period = f.weighted_in_period + weighted
                        }
                        Some(d) if d > period.ends_on => {
                            f.next_period_weighted = f.next_period_weighted + weighted
                        }
                        _ => {
                            f.unscheduled_weighted = f.unscheduled_weighted + weighted;
                            f.unscheduled_count += 1;
                        }
                    }
                }
            }
        }
        f.total = f.recurring_base + f.won_in_period + f.weighted_in_period;
        f
    }

    fn add(self, o: Forecast) -> Forecast {
        Forecast {
            recurring_base: self.recurring_base + o.recurring_base,
            churned_renewals: self.churned_renewals + o.churned_renewals,
            won_in_period: self.won_in_period + o.won_in_period,
            weighted_in_period: self.weighted_in_period + o.weighted_in_period,
            total: self.total + o.total,
            next_period_weighted: self.next_period_weighted + o.next_period_weighted,
            unscheduled_weighted: self.unscheduled_weighted + o.unscheduled_weighted,
            unscheduled_count: self.unscheduled_count + o.unscheduled_count,
        }
    }
}

/// One labelled part of a forecast, in the order a QBR explains it. The app, the PDF and
/// `show --json` all read these, so the words and the figures are the same everywhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ForecastPart {
    pub key: String,
    pub label: String,
    pub amount: Money,
    /// Counted in the forecast total (and so in the gap); otherwise shown apart.
    pub counted: bool,
}

impl Forecast {
    pub fn parts(&self) -> Vec<ForecastPart> {
        let part = |key: &str, label: &str, amount: Money, counted: bool| ForecastPart {
            key: key.into(),
            label: label.into(),
            amount,
            counted,
        };
        let mut out = vec![part(
            "recurring_base",
            "Recurring revenue base",
            self.recurring_base,
            true,
        )];
        if self.churned_renewals.0 != 0 {
            out[0].label = "Recurring revenue base (less churned renewals)".into();
        }
        out.push(part(
            "won_in_period",
            "Won in the period",
            self.won_in_period,
            true,
        ));
        out.push(part(
            "weighted_in_period",
            "Weighted pipeline closing in the period",
            self.weighted_in_period,
            true,
        ));
        out.push(part(
            "next_period_weighted",
            "Next period's pipeline (weighted, not counted)",
            self.next_period_weighted,
            false,
        ));
        if self.unscheduled_count > 0 {
            let n = self.unscheduled_count;
            out.push(part(
                "unscheduled_weighted",
                &format!(
                    "Pipeline without a close date in the period ({n} open {}, not counted)",
                    if n == 1 { "deal" } else { "deals" }
                ),
                self.unscheduled_weighted,
                false,
            ));
        }
        out
    }
}

/// Annual value of the renewals due in `period` that the customer did not renew, for the
/// renewals `belong` selects.
pub fn churned_in_period(
    account: &Account,
    period: Period,
    belong: impl Fn(&Renewal) -> bool,
) -> Money {
    account
        .renewals
        .iter()
        .filter(|r| r.churned_on.is_some() && period.contains(r.renewal_on) && belong(r))
        .map(|r| r.annual_value)
        .sum()
}

/// Figures of one buying center, all derived from the plan's records.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BuyingCenterFigures {
    pub buying_center_id: Id,
    /// our revenue / total wallet; None when the wallet is zero (share undefined).
    pub wallet_share: Option<f64>,
    /// total wallet - our revenue (negative when revenue exceeds the estimated wallet).
    pub headroom: Money,
    /// Sum of open opportunities' amount x probability, whatever their close date.
    pub weighted_pipeline: Money,
    /// The forecast for the plan period, part by part.
    pub forecast: Forecast,
    /// sales goal - forecast total.
    pub gap_to_goal: Money,
    /// Revenue of this buying center's Installed white-space cells.
    pub installed_revenue: Money,
    /// our revenue - installed_revenue: revenue the matrix does not attribute to an offering
    /// (negative when the installed cells add up to more than our revenue).
    pub not_allocated: Money,
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
    /// The account's forecast: the sum of its buying centers' forecasts, less churned
    /// renewals that no buying center is named for.
    pub forecast: Forecast,
    /// sales goal - forecast total.
    pub gap_to_goal: Money,
    pub installed_revenue: Money,
    pub not_allocated: Money,
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
    period: Period,
) -> BuyingCenterFigures {
    let own = || {
        content
            .opportunities
            .iter()
            .filter(|o| o.buying_center_id == bc.id)
    };
    let weighted = weighted_pipeline(own());
    let churned = churned_in_period(account, period, |r| r.buying_center_id == Some(bc.id));
    let forecast = Forecast::build(bc.our_revenue, own(), churned, period);
    let installed_revenue = installed_revenue(content, bc.id);
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
        gap_to_goal: bc.sales_goal - forecast.total,
        forecast,
        installed_revenue,
        not_allocated: bc.our_revenue - installed_revenue,
        competitor_wallet,
        open_wallet,
        warnings: buying_center_warnings(bc),
    }
}

/// Revenue of the buying center's cells that are Installed as the plan stands.
pub fn installed_revenue(content: &PlanContent, buying_center_id: Id) -> Money {
    content
        .cells
        .iter()
        .filter(|c| c.buying_center_id == buying_center_id)
        .filter(|c| {
            crate::whitespace::effective_status(c, &content.opportunities) == CellStatus::Installed
        })
        .map(|c| c.estimated_revenue)
        .sum()
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
pub fn account_totals(
    figures: &[BuyingCenterFigures],
    account: &Account,
    content: &PlanContent,
    period: Period,
) -> AccountTotals {
    let sum = |f: fn(&BuyingCenter) -> Money| content.buying_centers.iter().map(f).sum::<Money>();
    let total_wallet = sum(|b| b.total_wallet);
    let our_revenue = sum(|b| b.our_revenue);
    let sales_goal = sum(|b| b.sales_goal);
    let weighted = figures.iter().map(|f| f.weighted_pipeline).sum::<Money>();
    let known: Vec<Id> = content.buying_centers.iter().map(|b| b.id).collect();
    // Churn that no buying center of this plan is named for still leaves the account.
    let unassigned_churn = churned_in_period(account, period, |r| {
        r.buying_center_id.is_none_or(|id| !known.contains(&id))
    });
    let mut forecast = figures
        .iter()
        .fold(Forecast::default(), |acc, f| acc.add(f.forecast));
    forecast.churned_renewals = forecast.churned_renewals + unassigned_churn;
    forecast.recurring_base = forecast.recurring_base - unassigned_churn;
    forecast.total = forecast.total - unassigned_churn;
    let installed_revenue = figures.iter().map(|f| f.installed_revenue).sum::<Money>();
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
        gap_to_goal: sales_goal - forecast.total,
        forecast,
        installed_revenue,
        not_allocated: our_revenue - installed_revenue,
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

    fn period() -> Period {
        Period {
            starts_on: day(2026, 1, 1),
            ends_on: day(2026, 12, 31),
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn opp(bc: Id, amount: i64, pct: u8, status: OpportunityStatus) -> Opportunity {
        dated(bc, amount, pct, status, Some(day(2026, 6, 30)))
    }

    fn dated(
        bc: Id,
        amount: i64,
        pct: u8,
        status: OpportunityStatus,
        close_on: Option<NaiveDate>,
    ) -> Opportunity {
        Opportunity {
            id: Uuid::new_v4(),
            name: "Deal".into(),
            buying_center_id: bc,
            offering_id: None,
            amount: Money(amount),
            stage: OpportunityStage::Develop,
            probability_pct: pct,
            close_on,
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
        let f = buying_center_figures(&b, &account(), &content, period());
        assert_eq!(f.wallet_share, Some(0.25));
        assert_eq!(f.headroom, Money(750_000));
        // Only open opportunities are pipeline: 50,000 + 50,000.
        assert_eq!(f.weighted_pipeline, Money(100_000));
        // Forecast: base 250,000 + won in period 999,000 + weighted in period 100,000.
        assert_eq!(f.forecast.total, Money(250_000 + 999_000 + 100_000));
        assert_eq!(f.gap_to_goal, Money(600_000 - 1_349_000));
        let t = account_totals(&[f], &account(), &content, period());
        assert_eq!(t.won, Money(999_000));
        assert_eq!(t.lost, Money(777_000));
        assert_eq!(t.open_pipeline, Money(300_000));
    }

    #[test]
    fn zero_wallet_has_no_share() {
        let b = bc(0, 0, 0);
        let f = buying_center_figures(&b, &account(), &PlanContent::default(), period());
        assert_eq!(f.wallet_share, None);
        assert_eq!(f.headroom, Money(0));
        assert!(f.warnings.is_empty());
    }

    #[test]
    fn no_buying_centers_gives_zero_totals() {
        let t = account_totals(&[], &account(), &PlanContent::default(), period());
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
        let fa = buying_center_figures(&a, &account(), &content, period());
        let fb = buying_center_figures(&b, &account(), &content, period());
        let t = account_totals(&[fa, fb], &account(), &content, period());
        assert_eq!(t.wallet_share, Some(0.05));
    }

    #[test]
    fn suspicious_estimates_are_flagged_not_changed() {
        let mut b = bc(100, 200, 150);
        b.target_share_pct = Some(120);
        let f = buying_center_figures(&b, &account(), &PlanContent::default(), period());
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
        let f = buying_center_figures(&b, &a, &PlanContent::default(), period());
        assert_eq!(f.competitor_wallet[0].amount, Money(300));
        assert_eq!(f.competitor_wallet[0].name, "Rival");
        assert_eq!(f.open_wallet, Money(500));
    }

    #[test]
    fn forecast_counts_won_and_open_in_period_only() {
        let b = bc(10_000_000, 2_000_000, 5_000_000);
        let id = b.id;
        let content = PlanContent {
            buying_centers: vec![b.clone()],
            opportunities: vec![
                // Won in the period: counted in full.
                dated(
                    id,
                    240_000,
                    100,
                    OpportunityStatus::Won,
                    Some(day(2026, 3, 1)),
                ),
                // Won last year: already in the revenue base, not counted again.
                dated(
                    id,
                    500_000,
                    100,
                    OpportunityStatus::Won,
                    Some(day(2025, 11, 1)),
                ),
                // Lost: never counts, wherever it closes.
                dated(
                    id,
                    900_000,
                    40,
                    OpportunityStatus::Lost,
                    Some(day(2026, 5, 1)),
                ),
                // Open in the period: 400,000 x 50%.
                dated(
                    id,
                    400_000,
                    50,
                    OpportunityStatus::Open,
                    Some(day(2026, 12, 31)),
                ),
                // Open after the period: next period's, 1,000,000 x 30%.
                dated(
                    id,
                    1_000_000,
                    30,
                    OpportunityStatus::Open,
                    Some(day(2027, 1, 1)),
                ),
                // Open with no close date, and one before the period: unscheduled.
                dated(id, 100_000, 10, OpportunityStatus::Open, None),
                dated(
                    id,
                    100_000,
                    20,
                    OpportunityStatus::Open,
                    Some(day(2025, 12, 31)),
                ),
            ],
            ..Default::default()
        };
        let f = buying_center_figures(&b, &account(), &content, period());
        assert_eq!(
            f.forecast,
            Forecast {
                recurring_base: Money(2_000_000),
                churned_renewals: Money(0),
                won_in_period: Money(240_000),
                weighted_in_period: Money(200_000),
                total: Money(2_440_000),
                next_period_weighted: Money(300_000),
                unscheduled_weighted: Money(30_000),
                unscheduled_count: 2,
            }
        );
        assert_eq!(f.gap_to_goal, Money(5_000_000 - 2_440_000));
        // Weighted pipeline stays the whole open pipeline, whatever its date.
        assert_eq!(
            f.weighted_pipeline,
            Money(200_000 + 300_000 + 10_000 + 20_000)
        );
    }

    #[test]
    fn parts_add_up_to_the_total_and_say_what_is_not_counted() {
        let f = Forecast {
            recurring_base: Money(900),
            churned_renewals: Money(100),
            won_in_period: Money(50),
            weighted_in_period: Money(25),
            total: Money(975),
            next_period_weighted: Money(400),
            unscheduled_weighted: Money(7),
            unscheduled_count: 1,
        };
        let parts = f.parts();
        let counted: Money = parts.iter().filter(|p| p.counted).map(|p| p.amount).sum();
        assert_eq!(counted, f.total);
        let apart: Vec<&str> = parts
            .iter()
            .filter(|p| !p.counted)
            .map(|p| p.key.as_str())
            .collect();
        assert_eq!(apart, ["next_period_weighted", "unscheduled_weighted"]);
        assert!(parts[0].label.contains("churned"));
        assert!(parts[4].label.contains("1 open deal,"));
        // Nothing unscheduled: no line for it.
        let plain = Forecast {
            unscheduled_count: 0,
            ..f
        };
        assert_eq!(plain.parts().len(), 4);
    }

    #[test]
    fn churned_renewals_leave_the_recurring_base() {
        let b = bc(1_000_000, 600_000, 800_000);
        let mut a = account();
        let renewal = |bc: Option<Id>, value: i64, on: NaiveDate, churned: bool| Renewal {
            id: Uuid::new_v4(),
            offering_id: None,
            buying_center_id: bc,
            description: "contract".into(),
            annual_value: Money(value),
            renewal_on: on,
            churned_on: churned.then_some(on),
        };
        a.renewals = vec![
            renewal(Some(b.id), 100_000, day(2026, 4, 1), true),
            // Renewed: stays in the base.
            renewal(Some(b.id), 70_000, day(2026, 4, 1), false),
            // Churned before the period: the base already reflects it.
            renewal(Some(b.id), 50_000, day(2025, 4, 1), true),
            // Churned in the period but no buying center named: the account's only.
            renewal(None, 30_000, day(2026, 8, 1), true),
        ];
        let content = PlanContent {
            buying_centers: vec![b.clone()],
            ..Default::default()
        };
        let f = buying_center_figures(&b, &a, &content, period());
        assert_eq!(f.forecast.churned_renewals, Money(100_000));
        assert_eq!(f.forecast.recurring_base, Money(500_000));
        assert_eq!(f.gap_to_goal, Money(300_000));
        let t = account_totals(&[f], &a, &content, period());
        assert_eq!(t.forecast.churned_renewals, Money(130_000));
        assert_eq!(t.forecast.recurring_base, Money(470_000));
        assert_eq!(t.forecast.total, Money(470_000));
        assert_eq!(t.gap_to_goal, Money(330_000));
    }

    #[test]
    fn account_forecast_is_the_sum_of_its_buying_centers() {
        let a = bc(1_000_000, 100_000, 500_000);
        let b = bc(2_000_000, 300_000, 900_000);
        let content = PlanContent {
            buying_centers: vec![a.clone(), b.clone()],
            opportunities: vec![
                opp(a.id, 100_000, 50, OpportunityStatus::Open),
                opp(b.id, 80_000, 100, OpportunityStatus::Won),
            ],
            ..Default::default()
        };
        let fa = buying_center_figures(&a, &account(), &content, period());
        let fb = buying_center_figures(&b, &account(), &content, period());
        let t = account_totals(&[fa.clone(), fb.clone()], &account(), &content, period());
        assert_eq!(t.forecast.total, fa.forecast.total + fb.forecast.total);
        assert_eq!(t.forecast.total, Money(100_000 + 50_000 + 300_000 + 80_000));
        assert_eq!(t.gap_to_goal, fa.gap_to_goal + fb.gap_to_goal);
    }

    #[test]
    fn revenue_not_allocated_to_an_offering() {
        let b = bc(1_000_000, 700_000, 0);
        let cell = |status: CellStatus, revenue: i64| WhiteSpaceCell {
            id: Uuid::new_v4(),
            buying_center_id: b.id,
            offering_id: Uuid::new_v4(),
            status,
            value_to_us: None,
            value_to_customer: None,
            value_to_us_rationale: String::new(),
            value_to_customer_rationale: String::new(),
            estimated_revenue: Money(revenue),
            competitor: String::new(),
            blocked_reason: String::new(),
        };
        let content = PlanContent {
            buying_centers: vec![b.clone()],
            // Only Installed cells are revenue we have; an Open cell's estimate is potential.
            cells: vec![
                cell(CellStatus::Installed, 400_000),
                cell(CellStatus::Installed, 100_000),
                cell(CellStatus::Open, 900_000),
            ],
            ..Default::default()
        };
        let f = buying_center_figures(&b, &account(), &content, period());
        assert_eq!(f.installed_revenue, Money(500_000));
        assert_eq!(f.not_allocated, Money(200_000));
        let t = account_totals(&[f], &account(), &content, period());
        assert_eq!(t.not_allocated, Money(200_000));
    }
}
