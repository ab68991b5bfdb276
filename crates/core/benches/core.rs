//! Core computations at the sizes the issues name: derived figures of the large plan, the
//! org-chart layout of 500 people, a 200 x 200 white-space matrix, and segmenting 10,000
//! accounts.

use chrono::NaiveDate;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use planner_core::layout::layout;
use planner_core::model::*;
use planner_core::segmentation::{segment, Thresholds, Weights};
use planner_core::view::{plan_view, ViewInputs};
use planner_core::whitespace::{analyse, plays};
use planner_core::workload::{large_plan, portfolio_account, Lcg};
use planner_core::{figures, Money};
use uuid::Uuid;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
}

fn derived_figures(c: &mut Criterion) {
    let l = large_plan(1, today());
    let period = figures::Period::of(&l.plan);
    c.bench_function("large plan: buying-center figures + totals", |b| {
        b.iter(|| {
            let f: Vec<_> = l
                .content
                .buying_centers
                .iter()
                .map(|bc| figures::buying_center_figures(bc, &l.account, &l.content, period))
                .collect();
            black_box(figures::account_totals(&f, &l.account, &l.content, period))
        })
    });
    let (w, t) = (Weights::default(), Thresholds::default());
    c.bench_function("large plan: whole plan view (every derived figure)", |b| {
        b.iter(|| {
            black_box(plan_view(ViewInputs {
                account: &l.account,
                plan: &l.plan,
                content: &l.content,
                offerings: &l.offerings,
                campaigns: vec![],
                weights: &w,
                thresholds: &t,
                today: today(),
            }))
        })
    });
}

fn org_chart(c: &mut Criterion) {
    let mut l = large_plan(2, today());
    // One buying center's org of 500 people: a CEO and a deep, uneven tree.
    let mut r = Lcg::new(9);
    let template = l.content.contacts[0].clone();
    l.content.contacts.clear();
    for i in 0..500usize {
        let reports_to = if i == 0 {
            None
        } else {
            Some(l.content.contacts[r.below(i as u64) as usize].id)
        };
        l.content.contacts.push(Contact {
            id: Uuid::new_v4(),
            name: format!("Person {i}"),
            reports_to,
            ..template.clone()
        });
    }
    let people: Vec<&Contact> = l.content.contacts.iter().collect();
    c.bench_function("org chart layout: 500 contacts", |b| {
        b.iter(|| black_box(layout(&people, &[])))
    });
}

fn white_space(c: &mut Criterion) {
    let mut content = PlanContent::default();
    let mut r = Lcg::new(3);
    let offerings: Vec<Offering> = (0..200)
        .map(|i| Offering {
            id: r.uuid(),
            name: format!("O{i}"),
            family: "F".into(),
            description: String::new(),
            typical_deal_size: Money(0),
            currency: Default::default(),
            retired: false,
        })
        .collect();
    for b in 0..200 {
        let id = r.uuid();
        content.buying_centers.push(BuyingCenter {
            id,
            name: format!("BC{b}"),
            description: String::new(),
            total_wallet: Money(0),
            our_revenue: Money(0),
            sales_goal: Money(0),
            target_share_pct: None,
            relationship_status: RelationshipStatus::None,
            initiative_ids: vec![],
            competitors: vec![],
            position: b,
        });
        for o in &offerings {
            content.cells.push(WhiteSpaceCell {
                id: r.uuid(),
                buying_center_id: id,
                offering_id: o.id,
                status: CellStatus::ALL[r.below(6) as usize],
                value_to_us: Some(1 + r.below(5) as u8),
                value_to_customer: Some(1 + r.below(5) as u8),
                value_to_us_rationale: String::new(),
                value_to_customer_rationale: String::new(),
                estimated_revenue: Money(r.below(1_000_000) as i64),
                competitor: String::new(),
                blocked_reason: String::new(),
            });
        }
    }
    c.bench_function("white space: score and rank 200 x 200 (plays)", |b| {
        b.iter(|| black_box(plays(&content, &offerings)))
    });
    c.bench_function(
        "white space: every cell view and the plays, 200 x 200",
        |b| b.iter(|| black_box(analyse(&content, &offerings))),
    );
}

fn segmentation(c: &mut Criterion) {
    let mut r = Lcg::new(5);
    let accounts: Vec<Account> = (0..10_000)
        .map(|i| portfolio_account(&mut r, i, today()).0)
        .collect();
    let (w, t) = (Weights::default(), Thresholds::default());
    c.bench_function("segment and tier 10,000 accounts", |b| {
        b.iter(|| {
            black_box(
                accounts
                    .iter()
                    .map(|a| segment(&a.segmentation, &w, &t).tier)
                    .collect::<Vec<_>>(),
            )
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = derived_figures, org_chart, white_space, segmentation
}
criterion_main!(benches);
