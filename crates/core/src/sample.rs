//! The sample plan: a realistic, coherent account used by the first start, demos, tests and
//! benchmarks. A European logistics group with five buying centers and a real org chart.

use crate::model::*;
use crate::money::{Currency, Money};
use chrono::{Datelike, Duration, NaiveDate};
use uuid::Uuid;

pub struct SamplePlan {
    pub account: Account,
    pub plan: Plan,
    pub content: PlanContent,
    pub offerings: Vec<Offering>,
    pub campaigns: Vec<Campaign>,
}

/// Euros to minor units.
fn eur(units: i64) -> Money {
    Money(units * 100)
}

pub fn sample_offerings() -> Vec<Offering> {
    let o = |name: &str, family: &str, description: &str, deal: i64| Offering {
        id: Uuid::new_v4(),
        name: name.into(),
        family: family.into(),
        description: description.into(),
        typical_deal_size: eur(deal),
        currency: Currency::default(),
        retired: false,
    };
    vec![
        o(
            "Fleet Telematics",
            "Platform",
            "Real-time vehicle tracking and driver analytics",
            400_000,
        ),
        o(
            "Route Optimizer",
            "Platform",
            "Dynamic route planning with traffic and cost models",
            250_000,
        ),
        o(
            "Warehouse OS",
            "Platform",
            "Warehouse management and slotting",
            600_000,
        ),
        o(
            "Demand Forecasting",
            "Analytics",
            "Machine-learning demand forecasts per lane and SKU",
            300_000,
        ),
        o(
            "Spend Analytics",
            "Analytics",
            "Freight spend visibility and audit",
            150_000,
        ),
        o(
            "Carbon Reporting",
            "Analytics",
            "Scope 3 emissions reporting for CSRD",
            120_000,
        ),
        o(
            "Managed Integration",
            "Services",
            "Integration of ERP, TMS and carrier networks",
            200_000,
        ),
        o(
            "Customer Portal",
            "Services",
            "Self-service shipment tracking for end customers",
            180_000,
        ),
    ]
}

pub fn sample_plan(today: NaiveDate) -> SamplePlan {
    let offerings = sample_offerings();
    let off = |name: &str| {
        offerings
            .iter()
            .find(|o| o.name == name)
            .map(|o| o.id)
            .unwrap()
    };
    let year = if today.month() >= 1 {
        today.year()
    } else {
        today.year() - 1
    };
    let starts_on = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
    let ends_on = NaiveDate::from_ymd_opt(year, 12, 31).unwrap();
    let days_ago = |n: i64| today - Duration::days(n);
    let days_ahead = |n: i64| today + Duration::days(n);

    let mut account = Account::new("Nordwind Logistics Group", starts_on);
    account.industry = "Transport & logistics".into();
    account.region = "DACH and Central Europe".into();
    account.website = "https://nordwind-logistics.example".into();
    account.annual_revenue = Some(eur(4_200_000_000));
    account.employees = Some(18_500);
    account.fiscal_year_end_month = 12;
    account.owner = "Maria Keller".into();
    account.life_stage = LifeStage::Customer;
    account.stage_history = vec![StageChange {
        date: days_ago(700),
        from: LifeStage::Prospect,
        to: LifeStage::Customer,
    }];
    account.growth_trend = GrowthTrend::Growing;
    account.strategy = "Become the most reliable low-carbon road and rail network in Central Europe by 2030: electrify the fleet, consolidate 14 regional warehouses into 6 automated hubs, and win e-commerce volume with next-day delivery.".into();
    account.success_metric =
        "On-time delivery rate for next-day parcels (today 91%, target 97%)".into();
    let team = |name: &str, role| TeamMember {
        id: Uuid::new_v4(),
        name: name.into(),
        role,
    };
    account.team = vec![
        team("Maria Keller", TeamRole::AccountManager),
        team("Jonas Weber", TeamRole::SolutionEngineer),
        team("Claire Dubois", TeamRole::ExecutiveSponsor),
        team("Sven Olsen", TeamRole::Marketing),
        team("Aylin Demir", TeamRole::CustomerSuccess),
    ];
    let [maria, jonas, claire, sven, aylin] = [0, 1, 2, 3, 4].map(|i| account.team[i].id);
    let initiative = |name: &str, desc: &str, factors: &[&str]| Initiative {
        id: Uuid::new_v4(),
        name: name.into(),
        description: desc.into(),
        success_factors: factors.iter().map(|s| s.to_string()).collect(),
    };
    account.initiatives = vec![
        initiative(
            "Hub consolidation 2028",
            "Consolidate 14 regional warehouses into 6 automated hubs",
            &[
                "Zero downtime during cut-over",
                "Inventory accuracy above 99.5%",
            ],
        ),
        initiative(
            "Fleet electrification",
            "40% of the urban fleet electric by 2028",
            &["Charging-aware routing", "Total cost per km below diesel"],
        ),
        initiative(
            "Next-day e-commerce",
            "Win e-commerce shippers with next-day delivery",
            &["On-time rate 97%", "Self-service tracking for shippers"],
        ),
        initiative(
            "CSRD compliance",
            "Report Scope 3 emissions from FY2026",
            &["Audit-ready data per shipment"],
        ),
    ];
    let [hubs, fleet, ecommerce, csrd] = [0, 1, 2, 3].map(|i| account.initiatives[i].id);
    let competitor = |name: &str, s: &str, w: &str, c: &str| Competitor {
        id: Uuid::new_v4(),
        name: name.into(),
        strengths: s.into(),
        weaknesses: w.into(),
        counter_strategy: c.into(),
    };
    account.competitors = vec![
        competitor(
            "LogiCore",
            "Incumbent WMS in 9 warehouses; low price",
            "Ageing platform, no automation support",
            "Lead with hub automation references; offer migration services at cost",
        ),
        competitor(
            "TransVista",
            "Strong telematics hardware",
            "Weak analytics, no carbon reporting",
            "Bundle telematics with Carbon Reporting for the CSRD deadline",
        ),
        competitor(
            "Big Four advisory",
            "Board access in Finance",
            "Expensive, no product",
            "Partner on CSRD rather than compete",
        ),
    ];
    let [logicore, transvista, advisory] = [0, 1, 2].map(|i| account.competitors[i].id);
    let interaction = |d: i64, kind, summary: &str, who| Interaction {
        id: Uuid::new_v4(),
        date: days_ago(d),
        kind,
        summary: summary.into(),
        team_member_id: Some(who),
    };
    account.interactions = vec![
        interaction(
            6,
            InteractionKind::Meeting,
            "Hub programme steering committee: shortlisted for Warehouse OS in Hub 1 (Leipzig)",
            maria,
        ),
        interaction(
            20,
            InteractionKind::Qbr,
            "QBR with the CFO: telematics savings 6.2% fuel, renewal agreed in principle",
            claire,
        ),
        interaction(
            45,
            InteractionKind::Call,
            "Carbon reporting scoping call with the sustainability office",
            jonas,
        ),
        interaction(
            80,
            InteractionKind::Event,
            "CIO attended our Logistics Leaders dinner in Hamburg",
            sven,
        ),
    ];
    let trigger = |d: i64, kind, desc: &str| BuyingTrigger {
        id: Uuid::new_v4(),
        date: d_from(today, d),
        kind,
        description: desc.into(),
    };
    account.buying_triggers = vec![
        trigger(
            -30,
            TriggerKind::NewExecutive,
            "New Chief Digital Officer, Dr. Lena Brandt, joined from a parcel competitor",
        ),
        trigger(
            -75,
            TriggerKind::Regulation,
            "CSRD reporting obligation starts with FY2026 data",
        ),
        trigger(
            60,
            TriggerKind::ContractRenewal,
            "LogiCore WMS contract for 9 warehouses ends",
        ),
    ];
    let score = |v: &mut Vec<CriterionScore>, s: [u8; 3]| {
        for (c, x) in v.iter_mut().zip(s) {
            c.score = Some(x);
        }
    };
    score(&mut account.segmentation.need, [4, 5, 4]);
    score(&mut account.segmentation.value, [4, 5, 3]);
    score(&mut account.segmentation.behavior, [4, 4, 3]);
    account.renewals = vec![
        Renewal {
            id: Uuid::new_v4(),
            offering_id: Some(off("Fleet Telematics")),
            buying_center_id: None,
            description: "Fleet Telematics subscription, 2,400 vehicles".into(),
            annual_value: eur(1_150_000),
            renewal_on: days_ahead(75),
            churned_on: None,
        },
        Renewal {
            id: Uuid::new_v4(),
            offering_id: Some(off("Spend Analytics")),
            buying_center_id: None,
            description: "Spend Analytics, Finance".into(),
            annual_value: eur(180_000),
            renewal_on: days_ahead(200),
            churned_on: None,
        },
    ];

    let plan = Plan {
        id: Uuid::new_v4(),
        account_id: account.id,
        period: format!("FY{year}"),
        starts_on,
        ends_on,
        status: PlanStatus::Active,
        currency: Currency::default(),
        rolled_from: None,
        executive_summary: "Nordwind's new CDO is consolidating the group's platforms, and the \
            LogiCore WMS contract for 9 warehouses ends this year: our chance to displace it in \
            the new hubs. Finance is ours; CSRD reporting opens Carbon Reporting there."
            .into(),
        asks: "Claire Dubois to meet Dr. Lena Brandt before the WMS tender is published; \
            a reference customer running Warehouse OS in multi-hub logistics."
            .into(),
        wins: "Spend Analytics renewed in Finance; first Warehouse OS workshop with the hub \
            managers."
            .into(),
    };

    let mut c = PlanContent::default();
    let bc = |c: &mut PlanContent,
              name: &str,
              desc: &str,
              wallet: i64,
              ours: i64,
              goal: i64,
              target: u32,
              status,
              inits: Vec<Id>,
              comps: Vec<(Id, u8)>| {
        let id = Uuid::new_v4();
        let position = c.buying_centers.len() as u32;
        c.buying_centers.push(BuyingCenter {
            id,
            name: name.into(),
            description: desc.into(),
            total_wallet: eur(wallet),
            our_revenue: eur(ours),
            sales_goal: eur(goal),
            target_share_pct: Some(target),
            relationship_status: status,
            initiative_ids: inits,
            competitors: comps
                .into_iter()
                .map(|(competitor_id, share_pct)| CompetitorShare {
                    competitor_id,
                    share_pct,
                })
                .collect(),
            position,
        });
        id
    };
    let ops = bc(
        &mut c,
        "Warehouse Operations",
        "Hubs and regional warehouses",
        6_500_000,
        900_000,
        2_400_000,
        35,
        RelationshipStatus::Transactional,
        vec![hubs],
        vec![(logicore, 55)],
    );
    let fleet_bc = bc(
        &mut c,
        "Fleet & Transport",
        "Road fleet, 2,400 vehicles",
        3_800_000,
        1_500_000,
        2_100_000,
        55,
        RelationshipStatus::PreferredSupplier,
        vec![fleet],
        vec![(transvista, 30)],
    );
    let it = bc(
        &mut c,
        "IT & Digital",
        "Central IT under the new CDO",
        4_200_000,
        600_000,
        1_300_000,
        30,
        RelationshipStatus::Transactional,
        vec![ecommerce, hubs],
        vec![(logicore, 20)],
    );
    let fin = bc(
        &mut c,
        "Finance & Sustainability",
        "CFO office, procurement and the sustainability office",
        1_600_000,
        180_000,
        520_000,
        30,
        RelationshipStatus::PreferredSupplier,
        vec![csrd],
        vec![(advisory, 25)],
    );
    let cs = bc(
        &mut c,
        "Customer Service",
        "Shipper and consignee service centres",
        900_000,
        0,
        150_000,
        15,
        RelationshipStatus::None,
        vec![ecommerce],
        vec![],
    );
    c.buying_centers[4].relationship_status = RelationshipStatus::Transactional;

    struct P<'a> {
        key: &'a str,
        bc: Id,
        name: &'a str,
        title: &'a str,
        boss: Option<&'a str>,
        role: BuyingRole,
        influence: Influence,
        attitude: Attitude,
        rels: Vec<(Id, RelationshipLevel, bool)>,
        verified: i64,
    }
    use Attitude as At;
    use BuyingRole as R;
    use Influence as I;
    use RelationshipLevel as L;
    let people = vec![
        P {
            key: "ceo",
            bc: fin,
            name: "Henrik Vogel",
            title: "Chief Executive Officer",
            boss: None,
            role: R::EconomicBuyer,
            influence: I::High,
            attitude: At::Neutral,
            rels: vec![(claire, L::CredibleSource, true)],
            verified: 20,
        },
        P {
            key: "cfo",
            bc: fin,
            name: "Dr. Sabine Roth",
            title: "Chief Financial Officer",
            boss: Some("ceo"),
            role: R::EconomicBuyer,
            influence: I::High,
            attitude: At::Supporter,
            rels: vec![
                (claire, L::ProblemSolver, true),
                (maria, L::CredibleSource, false),
            ],
            verified: 20,
        },
        P {
            key: "proc",
            bc: fin,
            name: "Łukasz Nowak",
            title: "Head of Procurement",
            boss: Some("cfo"),
            role: R::Gatekeeper,
            influence: I::Medium,
            attitude: At::Neutral,
            rels: vec![(maria, L::Vendor, true)],
            verified: 30,
        },
        P {
            key: "sust",
            bc: fin,
            name: "Zoë Fischer",
            title: "Head of Sustainability",
            boss: Some("cfo"),
            role: R::Champion,
            influence: I::Medium,
            attitude: At::Champion,
            rels: vec![
                (jonas, L::TrustedAdvisor, true),
                (maria, L::ProblemSolver, false),
            ],
            verified: 15,
        },
        P {
            key: "ctrl",
            bc: fin,
            name: "Δημήτρης Παπαδόπουλος",
            title: "Group Controller",
            boss: Some("cfo"),
            role: R::Influencer,
            influence: I::Medium,
            attitude: At::Skeptic,
            rels: vec![],
            verified: 130,
        },
        P {
            key: "coo",
            bc: ops,
            name: "Thomas Brenner",
            title: "Chief Operating Officer",
            boss: Some("ceo"),
            role: R::EconomicBuyer,
            influence: I::High,
            attitude: At::Neutral,
            rels: vec![(claire, L::CredibleSource, true)],
            verified: 25,
        },
        P {
            key: "hubs",
            bc: ops,
            name: "Katarzyna Wiśniewska",
            title: "VP Hub Programme",
            boss: Some("coo"),
            role: R::DecisionMaker,
            influence: I::High,
            attitude: At::Supporter,
            rels: vec![
                (maria, L::ProblemSolver, true),
                (jonas, L::CredibleSource, false),
            ],
            verified: 6,
        },
        P {
            key: "wh_n",
            bc: ops,
            name: "Jens Hoffmann",
            title: "Director Warehouses North",
            boss: Some("hubs"),
            role: R::TechnicalEvaluator,
            influence: I::Medium,
            attitude: At::Opponent,
            rels: vec![(jonas, L::Vendor, true)],
            verified: 40,
        },
        P {
            key: "wh_s",
            bc: ops,
            name: "Marta Kowalczyk",
            title: "Director Warehouses South",
            boss: Some("hubs"),
            role: R::User,
            influence: I::Medium,
            attitude: At::Supporter,
            rels: vec![(aylin, L::CredibleSource, true)],
            verified: 40,
        },
        P {
            key: "auto",
            bc: ops,
            name: "Ирина Смирнова",
            title: "Automation Lead, Hub 1 Leipzig",
            boss: Some("hubs"),
            role: R::Champion,
            influence: I::Medium,
            attitude: At::Champion,
            rels: vec![(jonas, L::TrustedAdvisor, true)],
            verified: 10,
        },
        P {
            key: "wh_n1",
            bc: ops,
            name: "Peter Lange",
            title: "Site Manager Hamburg",
            boss: Some("wh_n"),
            role: R::User,
            influence: I::Low,
            attitude: At::Neutral,
            rels: vec![],
            verified: 60,
        },
        P {
            key: "wh_n2",
            bc: ops,
            name: "Anna Schulz",
            title: "Site Manager Bremen",
            boss: Some("wh_n"),
            role: R::User,
            influence: I::Low,
            attitude: At::Supporter,
            rels: vec![(aylin, L::Vendor, true)],
            verified: 60,
        },
        P {
            key: "wh_s1",
            bc: ops,
            name: "Luca Bianchi",
            title: "Site Manager Munich",
            boss: Some("wh_s"),
            role: R::User,
            influence: I::Low,
            attitude: At::Neutral,
            rels: vec![],
            verified: 95,
        },
        P {
            key: "fleet",
            bc: fleet_bc,
            name: "Stefan Maier",
            title: "VP Fleet & Transport",
            boss: Some("coo"),
            role: R::DecisionMaker,
            influence: I::High,
            attitude: At::Champion,
            rels: vec![
                (maria, L::TrustedAdvisor, true),
                (claire, L::CredibleSource, false),
            ],
            verified: 12,
        },
        P {
            key: "fl_ops",
            bc: fleet_bc,
            name: "Julia Wagner",
            title: "Head of Fleet Operations",
            boss: Some("fleet"),
            role: R::User,
            influence: I::Medium,
            attitude: At::Supporter,
            rels: vec![(aylin, L::ProblemSolver, true)],
            verified: 12,
        },
        P {
            key: "fl_ev",
            bc: fleet_bc,
            name: "Mehmet Yılmaz",
            title: "E-Mobility Programme Manager",
            boss: Some("fleet"),
            role: R::TechnicalEvaluator,
            influence: I::Medium,
            attitude: At::Supporter,
            rels: vec![(jonas, L::CredibleSource, true)],
            verified: 30,
        },
        P {
            key: "fl_disp",
            bc: fleet_bc,
            name: "Sophie Klein",
            title: "Head of Dispatch",
            boss: Some("fleet"),
            role: R::Influencer,
            influence: I::Medium,
            attitude: At::Neutral,
            rels: vec![],
            verified: 50,
        },
        P {
            key: "fl_econ",
            bc: fleet_bc,
            name: "Frank Becker",
            title: "Fleet Controller",
            boss: Some("fl_ops"),
            role: R::EconomicBuyer,
            influence: I::Medium,
            attitude: At::Neutral,
            rels: vec![(maria, L::CredibleSource, true)],
            verified: 45,
        },
        P {
            key: "cdo",
            bc: it,
            name: "Dr. Lena Brandt",
            title: "Chief Digital Officer",
            boss: Some("ceo"),
            role: R::EconomicBuyer,
            influence: I::High,
            attitude: At::Neutral,
            rels: vec![],
            verified: 30,
        },
        P {
            key: "arch",
            bc: it,
            name: "王伟 (Wei Wang)",
            title: "Head of Enterprise Architecture",
            boss: Some("cdo"),
            role: R::TechnicalEvaluator,
            influence: I::High,
            attitude: At::Supporter,
            rels: vec![(jonas, L::ProblemSolver, true)],
            verified: 20,
        },
        P {
            key: "infra",
            bc: it,
            name: "Markus Zimmermann",
            title: "Head of IT Infrastructure",
            boss: Some("cdo"),
            role: R::DecisionMaker,
            influence: I::Medium,
            attitude: At::Skeptic,
            rels: vec![(jonas, L::Vendor, true)],
            verified: 70,
        },
        P {
            key: "ecom",
            bc: it,
            name: "佐藤 花子 (Hanako Sato)",
            title: "Product Owner E-Commerce",
            boss: Some("cdo"),
            role: R::Champion,
            influence: I::Medium,
            attitude: At::Champion,
            rels: vec![(maria, L::CredibleSource, true)],
            verified: 15,
        },
        P {
            key: "sec",
            bc: it,
            name: "Oliver Schmitt",
            title: "CISO",
            boss: Some("cdo"),
            role: R::Blocker,
            influence: I::High,
            attitude: At::Skeptic,
            rels: vec![],
            verified: 100,
        },
        P {
            key: "data",
            bc: it,
            name: "Fatima Al-Sayed",
            title: "Lead Data Engineer",
            boss: Some("arch"),
            role: R::User,
            influence: I::Low,
            attitude: At::Supporter,
            rels: vec![(jonas, L::CredibleSource, true)],
            verified: 20,
        },
        P {
            key: "cs_head",
            bc: cs,
            name: "Elena García",
            title: "Head of Customer Service",
            boss: Some("coo"),
            role: R::EconomicBuyer,
            influence: I::High,
            attitude: At::Supporter,
            rels: vec![(maria, L::CredibleSource, true)],
            verified: 35,
        },
        P {
            key: "cs_ops",
            bc: cs,
            name: "Nils Johansson",
            title: "Service Centre Manager",
            boss: Some("cs_head"),
            role: R::User,
            influence: I::Low,
            attitude: At::Neutral,
            rels: vec![(aylin, L::CredibleSource, true)],
            verified: 35,
        },
        P {
            key: "cs_dig",
            bc: cs,
            name: "Chloé Martin",
            title: "Digital Service Lead",
            boss: Some("cs_head"),
            role: R::Champion,
            influence: I::Medium,
            attitude: At::Champion,
            rels: vec![(sven, L::Vendor, true)],
            verified: 35,
        },
        P {
            key: "cs_qa",
            bc: cs,
            name: "Tomasz Zieliński",
            title: "Quality Manager",
            boss: Some("cs_head"),
            role: R::Influencer,
            influence: I::Low,
            attitude: At::Neutral,
            rels: vec![],
            verified: 200,
        },
    ];
    let mut keys: Vec<(&str, Id)> = Vec::new();
    for p in &people {
        keys.push((p.key, Uuid::new_v4()));
    }
    let id_of = |k: &str| {
        keys.iter()
            .find(|(key, _)| *key == k)
            .map(|(_, id)| *id)
            .unwrap()
    };
    for p in &people {
        c.contacts.push(Contact {
            id: id_of(p.key),
            buying_center_id: p.bc,
            name: p.name.into(),
            title: p.title.into(),
            reports_to: p.boss.map(id_of),
            dotted_line_to: vec![],
            role: p.role,
            influence: p.influence,
            attitude: p.attitude,
            relationships: p
                .rels
                .iter()
                .map(|(m, level, owner)| Relationship {
                    team_member_id: *m,
                    level: *level,
                    owner: *owner,
                })
                .collect(),
            last_contact_on: Some(days_ago(p.verified / 2 + 3)),
            verified_on: Some(days_ago(p.verified)),
            email: format!("{}@nordwind-logistics.example", p.key.replace('_', ".")),
            phone: String::new(),
            notes: String::new(),
        });
    }
    // Matrix organisation: the automation lead also reports to the CDO's architect.
    if let Some(x) = c.contacts.iter_mut().find(|x| x.id == id_of("auto")) {
        x.dotted_line_to = vec![id_of("arch")];
    }
    let line = |from: &str, to: &str, kind| InfluenceLine {
        id: Uuid::new_v4(),
        from_contact_id: id_of(from),
        to_contact_id: id_of(to),
        kind,
    };
    c.lines = vec![
        line("sust", "cfo", LineKind::Influence),
        line("arch", "cdo", LineKind::Influence),
        line("fleet", "coo", LineKind::Influence),
        line("wh_n", "hubs", LineKind::Conflict),
        line("sec", "arch", LineKind::Conflict),
    ];

    let cell = |bc: Id,
                o: &str,
                status,
                us: u8,
                them: u8,
                rev: i64,
                competitor: &str,
                why_us: &str,
                why_them: &str| WhiteSpaceCell {
        id: Uuid::new_v4(),
        buying_center_id: bc,
        offering_id: off(o),
        status,
        value_to_us: Some(us),
        value_to_customer: Some(them),
        value_to_us_rationale: why_us.into(),
        value_to_customer_rationale: why_them.into(),
        estimated_revenue: eur(rev),
        competitor: competitor.into(),
        blocked_reason: String::new(),
    };
    use CellStatus as S;
    c.cells = vec![
        cell(
            fleet_bc,
            "Fleet Telematics",
            S::Installed,
            4,
            4,
            1_150_000,
            "",
            "Largest subscription",
            "6.2% fuel saving measured",
        ),
        cell(
            fleet_bc,
            "Route Optimizer",
            S::Open,
            4,
            5,
            420_000,
            "",
            "High-margin software",
            "Charging-aware routing is a success factor of electrification",
        ),
        cell(
            fleet_bc,
            "Carbon Reporting",
            S::Open,
            3,
            4,
            90_000,
            "",
            "Small deal",
            "Per-vehicle emissions data for CSRD",
        ),
        cell(
            ops,
            "Warehouse OS",
            S::Competitor,
            5,
            5,
            1_800_000,
            "LogiCore",
            "Flagship platform, reference hub",
            "Hub automation needs a modern WMS",
        ),
        cell(
            ops,
            "Demand Forecasting",
            S::Open,
            4,
            4,
            350_000,
            "",
            "Attach to Warehouse OS",
            "Slotting and staffing accuracy",
        ),
        cell(
            ops,
            "Managed Integration",
            S::Open,
            3,
            5,
            260_000,
            "",
            "Services margin is thin",
            "Zero downtime during cut-over",
        ),
        cell(
            ops,
            "Fleet Telematics",
            S::NotApplicable,
            1,
            1,
            0,
            "",
            "",
            "",
        ),
        cell(
            it,
            "Managed Integration",
            S::Installed,
            3,
            4,
            600_000,
            "",
            "Foot in the door with IT",
            "ERP and carrier integration",
        ),
        cell(
            it,
            "Customer Portal",
            S::Open,
            4,
            4,
            300_000,
            "",
            "Platform stickiness",
            "Self-service tracking for shippers",
        ),
        cell(
            it,
            "Demand Forecasting",
            S::Open,
            5,
            2,
            500_000,
            "",
            "Big licence",
            "Not an IT priority this year",
        ),
        cell(it, "Warehouse OS", S::Blocked, 5, 4, 0, "", "", ""),
        cell(
            fin,
            "Spend Analytics",
            S::Installed,
            3,
            3,
            180_000,
            "",
            "Small but renewing",
            "Freight audit savings",
        ),
        cell(
            fin,
            "Carbon Reporting",
            S::Open,
            4,
            5,
            240_000,
            "Big Four advisory",
            "Entry into the CFO office",
            "CSRD deadline is fixed",
        ),
        cell(
            cs,
            "Customer Portal",
            S::Open,
            3,
            5,
            180_000,
            "",
            "Modest deal",
            "Cuts 'where is my parcel' calls",
        ),
        cell(cs, "Route Optimizer", S::NotApplicable, 1, 1, 0, "", "", ""),
    ];
    if let Some(b) = c.cells.iter_mut().find(|x| x.status == S::Blocked) {
        b.blocked_reason =
            "IT freeze on warehouse systems until the CDO's architecture review (Q3)".into();
    }

    let opp = |name: &str, bc: Id, o: &str, amount: i64, stage, pct: u8, close: i64, status| {
        Opportunity {
            id: Uuid::new_v4(),
            name: name.into(),
            buying_center_id: bc,
            offering_id: Some(off(o)),
            amount: eur(amount),
            stage,
            probability_pct: pct,
            close_on: Some(d_from(today, close)),
            status,
        }
    };
    use OpportunityStage as St;
    use OpportunityStatus as Os;
    c.opportunities = vec![
        opp(
            "Hub 1 Leipzig Warehouse OS pilot",
            ops,
            "Warehouse OS",
            650_000,
            St::Propose,
            50,
            45,
            Os::Open,
        ),
        opp(
            "Charging-aware routing for urban fleet",
            fleet_bc,
            "Route Optimizer",
            380_000,
            St::Develop,
            40,
            90,
            Os::Open,
        ),
        opp(
            "CSRD Scope 3 reporting",
            fin,
            "Carbon Reporting",
            210_000,
            St::Negotiate,
            70,
            30,
            Os::Open,
        ),
        opp(
            "Shipper tracking portal",
            it,
            "Customer Portal",
            280_000,
            St::Qualify,
            20,
            150,
            Os::Open,
        ),
        opp(
            "Telematics expansion Poland",
            fleet_bc,
            "Fleet Telematics",
            240_000,
            St::Closed,
            100,
            -40,
            Os::Won,
        ),
        opp(
            "Forecasting proof of concept",
            ops,
            "Demand Forecasting",
            120_000,
            St::Closed,
            0,
            -60,
            Os::Lost,
        ),
    ];

    let objective = |c: &mut PlanContent,
                     kind,
                     title: &str,
                     target: &str,
                     unit: &str,
                     due: i64,
                     bc: Option<Id>,
                     init: Option<Id>,
                     owner: Id| {
        let id = Uuid::new_v4();
        c.objectives.push(Objective {
            id,
            kind,
            title: title.into(),
            target: target.into(),
            unit: unit.into(),
            starts_on: Some(starts_on),
            due_on: Some(d_from(today, due)),
            buying_center_id: bc,
            initiative_id: init,
            owner_id: Some(owner),
            position: c.objectives.len() as u32,
        });
        id
    };
    let strategy = |c: &mut PlanContent, o: Id, title: &str| {
        let id = Uuid::new_v4();
        c.strategies.push(Strategy {
            id,
            objective_id: o,
            title: title.into(),
            position: c.strategies.len() as u32,
        });
        id
    };
    let action = |c: &mut PlanContent, s: Id, what: &str, owner: Id, due: i64, status| {
        c.actions.push(Action {
            id: Uuid::new_v4(),
            strategy_id: s,
            what: what.into(),
            owner_id: Some(owner),
            due_on: Some(d_from(today, due)),
            status,
            position: c.actions.len() as u32,
        });
    };
    use ActionStatus as A;
    use ObjectiveKind as K;
    let o1 = objective(
        &mut c,
        K::Revenue,
        "Displace LogiCore in the new hubs",
        "1.8",
        "M EUR annual revenue",
        120,
        Some(ops),
        Some(hubs),
        maria,
    );
    let s1 = strategy(&mut c, o1, "Win the Hub 1 Leipzig pilot as the reference");
    action(
        &mut c,
        s1,
        "Run the slotting simulation with Irina's team",
        jonas,
        -10,
        A::Done,
    );
    action(
        &mut c,
        s1,
        "Present pilot business case to the hub steering committee",
        maria,
        14,
        A::Open,
    );
    action(
        &mut c,
        s1,
        "Reference call with a hub customer for Jens Hoffmann",
        aylin,
        -3,
        A::Open,
    );
    let s2 = strategy(&mut c, o1, "Neutralise the northern warehouses' opposition");
    action(
        &mut c,
        s2,
        "Site visit Hamburg with Jens Hoffmann",
        jonas,
        25,
        A::Open,
    );
    let o2 = objective(
        &mut c,
        K::Relationship,
        "Build a trusted relationship with the new CDO",
        "3",
        "executive meetings",
        90,
        Some(it),
        Some(ecommerce),
        claire,
    );
    let s3 = strategy(&mut c, o2, "Executive sponsor programme");
    action(
        &mut c,
        s3,
        "Introductory dinner Claire Dubois with Dr. Lena Brandt",
        claire,
        10,
        A::Open,
    );
    action(
        &mut c,
        s3,
        "Share the e-commerce tracking benchmark",
        maria,
        30,
        A::Open,
    );
    let o3 = objective(
        &mut c,
        K::Positioning,
        "Be the CSRD data partner of the CFO office",
        "1",
        "signed Scope 3 contract",
        30,
        Some(fin),
        Some(csrd),
        maria,
    );
    let s4 = strategy(
        &mut c,
        o3,
        "Partner with the advisory firm instead of competing",
    );
    action(
        &mut c,
        s4,
        "Joint workshop with the auditors",
        jonas,
        -20,
        A::Done,
    );
    action(
        &mut c,
        s4,
        "Final pricing to procurement (Łukasz Nowak)",
        maria,
        7,
        A::Open,
    );
    let o4 = objective(
        &mut c,
        K::Marketing,
        "Engage the IT and Customer Service buying centers",
        "12",
        "engaged contacts",
        150,
        Some(it),
        Some(ecommerce),
        sven,
    );
    let s5 = strategy(&mut c, o4, "Account-based programme on next-day e-commerce");
    action(
        &mut c,
        s5,
        "Case study: parcel tracking portal at a peer",
        sven,
        40,
        A::Open,
    );
    action(
        &mut c,
        s5,
        "Invite CISO to the security round table",
        sven,
        -5,
        A::Blocked,
    );

    let campaign = |name: &str,
                    kind,
                    start: i64,
                    end: i64,
                    budget: i64,
                    status,
                    objective: Option<Id>,
                    bcs: Vec<Id>,
                    contacts: Vec<Id>,
                    opps: Vec<Id>,
                    meetings: u32| Campaign {
        id: Uuid::new_v4(),
        name: name.into(),
        kind,
        starts_on: d_from(today, start),
        ends_on: d_from(today, end),
        budget: eur(budget),
        currency: Currency::default(),
        status,
        targets: vec![CampaignTarget {
            account_id: account.id,
            objective_id: objective,
            buying_center_ids: bcs,
            engaged_contact_ids: contacts.iter().take(2).copied().collect(),
            contact_ids: contacts,
            meetings,
            opportunity_ids: opps,
        }],
    };
    let portal = c.opportunities[3].id;
    let csrd_opp = c.opportunities[2].id;
    let campaigns = vec![
        campaign(
            "Next-day e-commerce round table",
            CampaignKind::Event,
            -20,
            40,
            45_000,
            CampaignStatus::Active,
            Some(o4),
            vec![it, cs],
            vec![id_of("ecom"), id_of("cs_dig"), id_of("cdo")],
            vec![portal],
            3,
        ),
        campaign(
            "CSRD readiness briefing for CFOs",
            CampaignKind::ExecutiveBriefing,
            -90,
            -30,
            25_000,
            CampaignStatus::Done,
            Some(o4),
            vec![fin],
            vec![id_of("cfo"), id_of("sust")],
            vec![csrd_opp],
            2,
        ),
        campaign(
            "Hub automation case study",
            CampaignKind::Content,
            10,
            120,
            18_000,
            CampaignStatus::Planned,
            Some(o4),
            vec![ops],
            vec![id_of("hubs"), id_of("wh_n")],
            vec![],
            0,
        ),
    ];

    SamplePlan {
        account,
        plan,
        content: c,
        offerings,
        campaigns,
    }
}

/// The sample plan as the app shows it (default segmentation settings): for demos, tests
/// and benchmarks that need a whole view.
pub fn sample_view(today: NaiveDate) -> crate::view::PlanView {
    let s = sample_plan(today);
    s.view_of(&s.content, today)
}

impl SamplePlan {
    /// The sample account's plan view with `content` in place of its own, as seen on `on`
    /// (default weights and thresholds): how tests and examples show an earlier state of it.
    pub fn view_of(&self, content: &PlanContent, on: NaiveDate) -> crate::view::PlanView {
        crate::view::plan_view(crate::view::ViewInputs {
            account: &self.account,
            plan: &self.plan,
            content,
            offerings: &self.offerings,
            campaigns: self.campaigns.clone(),
            weights: &Default::default(),
            thresholds: &Default::default(),
            today: on,
        })
    }
}

fn d_from(today: NaiveDate, days: i64) -> NaiveDate {
    today + Duration::days(days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate;

    #[test]
    fn sample_is_rich_and_valid() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let s = sample_plan(today);
        assert!(s.content.buying_centers.len() >= 4);
        assert!(s.content.contacts.len() >= 25);
        validate::account(&s.account).unwrap();
        validate::plan(&s.plan).unwrap();
        // Every record is valid in the context of the finished plan.
        let ctx = validate::Context {
            account: &s.account,
            content: &s.content,
            offerings: &s.offerings,
        };
        for item in s.content.clone().into_items() {
            validate::item(&item, &ctx).unwrap_or_else(|e| panic!("{e} in {item:?}"));
        }
        for c in &s.campaigns {
            validate::campaign(c).unwrap();
            validate::campaign_target(&c.targets[0], &s.account, &s.content).unwrap();
        }
        // A real org chart: one root, everybody else reports to someone.
        assert_eq!(
            s.content
                .contacts
                .iter()
                .filter(|c| c.reports_to.is_none())
                .count(),
            1
        );
    }
}
