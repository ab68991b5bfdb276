//! SIGKILL at random moments while a child process edits: every edit the child acknowledged
//! (apply returned, so it was flushed) is in the store afterwards, intact, and the store opens.

use crate::common::*;
use planner_core::view::summarise;
use planner_core::workload::Lcg;
use planner_core::*;
use planner_store::*;
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::{Duration, Instant};

const ENV_DIR: &str = "PLANNER_STORE_CRASH_DIR";
const ENV_PLAN: &str = "PLANNER_STORE_CRASH_PLAN";
const ENV_BC: &str = "PLANNER_STORE_CRASH_BC";
const ENV_START: &str = "PLANNER_STORE_CRASH_START";

fn opportunity(n: u64, bc: Id) -> Opportunity {
    Opportunity {
        id: Id::from_u64_pair(0xC0FFEE, n),
        name: format!("Crash test #{n}"),
        buying_center_id: bc,
        offering_id: None,
        amount: Money(n as i64 * 100 + 7),
        stage: OpportunityStage::ALL[(n % 5) as usize],
        probability_pct: (n % 101) as u8,
        close_on: None,
        status: OpportunityStatus::Open,
    }
}

/// Child side: open the store and edit until killed, printing "ack N" after each edit.
#[test]
fn crash_child() {
    let Ok(dir) = std::env::var(ENV_DIR) else {
        return;
    };
    let var = |k: &str| std::env::var(k).unwrap();
    let plan_id: Id = var(ENV_PLAN).parse().unwrap();
    let bc: Id = var(ENV_BC).parse().unwrap();
    let mut n: u64 = var(ENV_START).parse().unwrap();
    let store = Store::open(std::path::Path::new(&dir)).unwrap();
    // Leading newline: the test harness has printed "test crash::crash_child ... " already.
    println!("\nready");
    loop {
        store
            .apply(&Edit {
                plan_id,
                upserts: vec![PlanItem::Opportunity(opportunity(n, bc))],
                deletes: vec![],
                summary: None,
            })
            .unwrap();
        println!("ack {n}");
        n += 1;
    }
}

#[test]
fn acknowledged_edits_survive_sigkill() {
    let dir = tmp();
    let store = Store::open(dir.path()).unwrap();
    let account = Account::new("Crash Test AG", today());
    let plan = Plan {
        id: Id::new_v4(),
        account_id: account.id,
        period: "FY2027".into(),
        starts_on: today(),
        ends_on: today() + chrono::Duration::days(364),
        status: PlanStatus::Active,
        currency: Currency::default(),
        rolled_from: None,
        executive_summary: String::new(),
        asks: String::new(),
        wins: String::new(),
    };
    let mut content = PlanContent::default();
    content.buying_centers.push(BuyingCenter {
        id: Id::new_v4(),
        name: "Operations".into(),
        description: String::new(),
        total_wallet: Money(1_000_000),
        our_revenue: Money(0),
        sales_goal: Money(0),
        target_share_pct: None,
        relationship_status: RelationshipStatus::None,
        initiative_ids: vec![],
        competitors: vec![],
        position: 0,
    });
    let summary = summarise(&account, Some((&plan, &content)));
    store.put_account(&account, &summary).unwrap();
    store.create_plan(&plan, &content, &summary).unwrap();
    store.close().unwrap();
    let bc = content.buying_centers[0].id;

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    println!("crash test seed {seed}");
    let mut rng = Lcg::new(seed);
    let started = Instant::now();
    let mut next: u64 = 0; // every edit below `next` was acknowledged
    let mut iterations = 0;
    let mut kills_mid_run = 0;
    while iterations < 60 && (iterations < 50 || started.elapsed() < Duration::from_secs(40)) {
        iterations += 1;
        let stderr = std::fs::File::create(dir.path().join("child-stderr.txt")).unwrap();
        let mut proc = child(
            "crash::crash_child",
            &[
                (ENV_DIR, dir.path().display().to_string()),
                (ENV_PLAN, plan.id.to_string()),
                (ENV_BC, bc.to_string()),
                (ENV_START, next.to_string()),
            ],
        )
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .unwrap();
        let mut lines = BufReader::new(proc.stdout.take().unwrap()).lines();
        let ready = lines
            .by_ref()
            .any(|l| l.map(|l| l == "ready").unwrap_or(false));
        if !ready {
            let _ = proc.kill();
            let _ = proc.wait();
            panic!(
                "the child did not open the store: {}",
                std::fs::read_to_string(dir.path().join("child-stderr.txt")).unwrap()
            );
        }
        // Kill after a random number of acknowledgements, then a random pause, so the kill
        // lands anywhere: inside a transaction, during a flush, between edits, mid-manifest.
        let wait_acks = rng.below(40);
        let mut seen = 0;
        while seen < wait_acks {
            match lines.next() {
                Some(Ok(l)) if l.starts_with("ack ") => {
                    let n: u64 = l[4..].parse().unwrap();
                    assert_eq!(n, next, "acks come in order");
                    next = n + 1;
                    seen += 1;
                }
                Some(Ok(_)) => {}
                _ => panic!("the child stopped early"),
            }
        }
        std::thread::sleep(Duration::from_micros(rng.below(3_000)));
        proc.kill().unwrap(); // SIGKILL
        proc.wait().unwrap();
        // Acks already in the pipe were printed before the kill: they count too.
        for l in lines.map_while(|l| l.ok()) {
            if let Some(n) = l.strip_prefix("ack ") {
                let n: u64 = n.parse().unwrap();
                assert_eq!(n, next);
                next = n + 1;
                kills_mid_run += 1;
            }
        }

        let store = Store::open(dir.path())
            .unwrap_or_else(|e| panic!("iteration {iterations}: the store must open: {e}"));
        let content = store.plan_content(plan.id).unwrap();
        for n in 0..next {
            let expected = opportunity(n, bc);
            let found = content.opportunities.iter().find(|o| o.id == expected.id);
            assert_eq!(
                found,
                Some(&expected),
                "iteration {iterations}: acknowledged edit {n} is missing or damaged"
            );
        }
        store.close().unwrap();
    }
    println!(
        "{iterations} kills, {next} acknowledged edits all present ({kills_mid_run} acks read \
         after the kill), {:?}",
        started.elapsed()
    );
    assert!(iterations >= 50);
    assert!(next > 100, "the children made progress");
}
