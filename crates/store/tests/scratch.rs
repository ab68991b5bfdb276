use planner_store::*;
use std::time::Instant;
#[test]
fn profile() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let dir = tempfile::tempdir_in("/work/main/target").unwrap();
    let store = Store::open(dir.path()).unwrap();
    let l = planner_core::workload::large_plan(1, today);
    for o in &l.offerings {
        store.put_offering(o).unwrap();
    }
    let s = planner_core::view::summarise(&l.account, Some((&l.plan, &l.content)));
    store.put_account(&l.account, &s).unwrap();
    store.create_plan(&l.plan, &l.content, &s).unwrap();
    let mut r = planner_core::workload::Lcg::new(11);
    let accounts = (0..10_000)
        .map(|i| {
            let (account, plan, content) =
                planner_core::workload::portfolio_account(&mut r, i, today);
            AccountExport {
                account,
                plans: vec![PlanExport {
                    plan,
                    content,
                    snapshots: vec![],
                }],
            }
        })
        .collect();
    let file = ExportFile {
        format: EXPORT_FORMAT.into(),
        version: SCHEMA_VERSION,
        exported_at: chrono::Utc::now(),
        accounts,
        offerings: vec![],
        campaigns: vec![],
        settings: Settings::default(),
    };
    store.import(&file).unwrap();
    let sum: Vec<_> = store.summaries().unwrap();
    let bytes: usize = sum
        .iter()
        .map(|s| serde_json::to_vec(s).unwrap().len())
        .sum();
    println!("summary json total {bytes} bytes");
    let blobs: Vec<Vec<u8>> = sum.iter().map(|s| serde_json::to_vec(s).unwrap()).collect();
    for _ in 0..3 {
        let t = Instant::now();
        let v = store.summaries().unwrap();
        let a = t.elapsed();
        let t = Instant::now();
        let w: Vec<planner_core::view::AccountSummary> = blobs
            .iter()
            .map(|b| serde_json::from_slice(b).unwrap())
            .collect();
        let b = t.elapsed();
        let t = Instant::now();
        let c2 = v.clone();
        let c = t.elapsed();
        let t = Instant::now();
        let st = Settings::default();
        let rows: Vec<_> = c2
            .into_iter()
            .map(|s| planner_core::view::portfolio_row(s, &st.weights, &st.thresholds))
            .collect();
        let d = t.elapsed();
        println!(
            "summaries {a:?} decode-only {b:?} clone {c:?} portfolio_row {d:?} {} {}",
            w.len(),
            rows.len()
        );
        let t = Instant::now();
        let pc = store.plan_content(l.plan.id).unwrap();
        let e = t.elapsed();
        let items = pc.clone().into_items();
        let t = Instant::now();
        let _ = planner_core::PlanContent::from_items(items.clone());
        let f = t.elapsed();
        let enc: Vec<Vec<u8>> = items
            .iter()
            .map(|i| serde_json::to_vec(i).unwrap())
            .collect();
        let t = Instant::now();
        let _d: Vec<planner_core::PlanItem> = enc
            .iter()
            .map(|b| serde_json::from_slice(b).unwrap())
            .collect();
        let g = t.elapsed();
        println!(
            "plan_content {e:?} from_items {f:?} decode-only {g:?} json {} bytes",
            enc.iter().map(|x| x.len()).sum::<usize>()
        );
    }
}
