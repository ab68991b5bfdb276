//! Use cases shared by the IPC commands and the CLI: each loads what it needs from the store,
//! lets the core validate and compute, and writes one edit. No UI, no argument parsing.
//!
//! Every use case that writes runs inside ONE `Store::edit`: its reads and checks happen under
//! the store's writer lock and everything it writes is one transaction, so two windows (or
//! two commands) editing at once cannot both pass a check that only one should, and a failure
//! half-way leaves nothing behind.

use crate::error::{AppError, AppResult};
use chrono::NaiveDate;
use planner_core::compare::{compare, PlanComparison};
use planner_core::plan_ops::PeriodChoice;
use planner_core::segmentation::{Thresholds, Weights};
use planner_core::view::{
    plan_view, portfolio_row, summarise_on, AccountSummary, PlanView, PortfolioRow, ViewInputs,
};
use planner_core::*;
use planner_store::{Edit, Store, Tx};
use uuid::Uuid;

/// Today's date; `ACCOUNT_PLANNER_TODAY=YYYY-MM-DD` fixes the clock for tests and demos.
pub fn today() -> NaiveDate {
    std::env::var("ACCOUNT_PLANNER_TODAY")
        .ok()
        .and_then(|s| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

pub fn portfolio(store: &Store) -> AppResult<Vec<PortfolioRow>> {
    Ok(portfolio_rows(store.summaries()?, &store.settings()?))
}

fn portfolio_rows(
    summaries: Vec<AccountSummary>,
    settings: &planner_store::Settings,
) -> Vec<PortfolioRow> {
    let mut rows: Vec<PortfolioRow> = summaries
        .into_iter()
        .map(|s| portfolio_row(s, &settings.weights, &settings.thresholds))
        .collect();
    rows.sort_by(|a, b| {
        a.summary
            .name
            .to_lowercase()
            .cmp(&b.summary.name.to_lowercase())
    });
    rows
}

/// The plan an account is worked on now: the latest period.
pub fn current_plan(store: &Store, account_id: Id) -> AppResult<Option<Plan>> {
    Ok(plan_ops::current_plan(&store.plans(account_id)?).cloned())
}

fn current_plan_in(tx: &Tx, account_id: Id) -> AppResult<Option<Plan>> {
    Ok(plan_ops::current_plan(&tx.plans(account_id)?).cloned())
}

fn found<T>(what: &str, x: Option<T>) -> AppResult<T> {
    x.ok_or_else(|| AppError::NotFound(what.into()))
}

/// The fiscal year containing `today` for an account whose year ends in `end_month`.
pub fn fiscal_year(today: NaiveDate, end_month: u8) -> (String, NaiveDate, NaiveDate) {
    let p = plan_ops::fiscal_year(today, end_month);
    (p.label, p.starts_on, p.ends_on)
}

/// A new account with its first plan for the current fiscal year.
pub fn create_account(store: &Store, name: &str, today: NaiveDate) -> AppResult<AccountSummary> {
    create_account_for(store, name, PeriodChoice::Current, today)
}

/// The periods a new account's first plan may cover today (new accounts' years end in
/// December until the user says otherwise).
pub fn new_account_periods(today: NaiveDate) -> Vec<PeriodOption> {
    let end_month = Account::new("", today).fiscal_year_end_month;
    plan_ops::period_choices(today, end_month)
        .into_iter()
        .map(|(choice, period)| PeriodOption { choice, period })
        .collect()
}

/// One period a new account may start with, as the new-account form lists it.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PeriodOption {
    pub choice: PeriodChoice,
    pub period: plan_ops::PlanPeriod,
}

/// A new account with its first plan for the chosen fiscal year (this one, or the next one
/// when this one ends within 90 days).
pub fn create_account_for(
    store: &Store,
    name: &str,
    choice: PeriodChoice,
    today: NaiveDate,
) -> AppResult<AccountSummary> {
    let account = Account::new(name, today);
    validate::account(&account)?;
    let period = plan_ops::choose_period(today, account.fiscal_year_end_month, choice)?;
    let plan = Plan {
        id: Uuid::new_v4(),
        account_id: account.id,
        period: period.label,
        starts_on: period.starts_on,
        ends_on: period.ends_on,
        status: PlanStatus::Draft,
        currency: account.currency.clone(),
        rolled_from: None,
        executive_summary: String::new(),
        asks: String::new(),
        wins: String::new(),
    };
    let content = PlanContent::default();
    let summary = summarise_on(&account, Some((&plan, &content)), today);
    store.edit(|tx| {
        tx.put_account(&account, &summary)?;
        tx.create_plan(&plan, &content, &summary)?;
        Ok(summary)
    })
}

fn summary_for(tx: &Tx, account: &Account, today: NaiveDate) -> AppResult<AccountSummary> {
    let plan = current_plan_in(tx, account.id)?;
    Ok(match plan {
        Some(p) => {
            let content = tx.plan_content(p.id)?;
            summarise_on(account, Some((&p, &content)), today)
        }
        None => summarise_on(account, None, today),
    })
}

/// Save the account's own fields; a change of life stage is recorded with its date.
pub fn update_account(store: &Store, mut updated: Account, today: NaiveDate) -> AppResult<Account> {
    validate::account(&updated)?;
    store.edit(|tx| {
        let old = found("That account", tx.account(updated.id)?)?;
        if old.life_stage != updated.life_stage {
            updated.stage_history.push(StageChange {
                date: today,
                from: old.life_stage,
                to: updated.life_stage,
            });
        }
        updated.created_on = old.created_on;
        let summary = summary_for(tx, &updated, today)?;
        tx.put_account(&updated, &summary)?;
        Ok(updated)
    })
}

pub fn view(store: &Store, plan_id: Id, today: NaiveDate) -> AppResult<PlanView> {
    let plan = found("That plan", store.plan(plan_id)?)?;
    let account = found("That account", store.account(plan.account_id)?)?;
    let content = store.plan_content(plan_id)?;
    let offerings = store.offerings()?;
    let settings = store.settings()?;
    Ok(view_of(
        &account,
        &plan,
        &content,
        &offerings,
        store.campaigns_for(account.id)?,
        &settings.weights,
        &settings.thresholds,
        today,
    ))
}

#[allow(clippy::too_many_arguments)]
fn view_of(
    account: &Account,
    plan: &Plan,
    content: &PlanContent,
    offerings: &[Offering],
    campaigns: Vec<Campaign>,
    weights: &Weights,
    thresholds: &Thresholds,
    today: NaiveDate,
) -> PlanView {
    plan_view(ViewInputs {
        account,
        plan,
        content,
        offerings,
        campaigns,
        weights,
        thresholds,
        today,
    })
}

/// One user edit of plan records: applied to a copy, every upsert validated against the
/// result, then written as one store transaction with the refreshed portfolio summary.
pub fn save_items(
    store: &Store,
    plan_id: Id,
    upserts: Vec<PlanItem>,
    deletes: Vec<(ItemKind, Id)>,
    today: NaiveDate,
) -> AppResult<PlanView> {
    store.edit(|tx| save_items_in(tx, plan_id, upserts, deletes, today))
}

fn save_items_in(
    tx: &mut Tx,
    plan_id: Id,
    upserts: Vec<PlanItem>,
    deletes: Vec<(ItemKind, Id)>,
    today: NaiveDate,
) -> AppResult<PlanView> {
    let plan = found("That plan", tx.plan(plan_id)?)?;
    // Every edit of plan records (saves, deleting a buying center or a contact) passes here.
    plan_ops::ensure_editable(&plan)?;
    let account = found("That account", tx.account(plan.account_id)?)?;
    let mut content = tx.plan_content(plan_id)?;
    let offerings = tx.offerings()?;
    for (kind, id) in &deletes {
        content.remove(*kind, *id);
    }
    for item in &upserts {
        content.insert(item.clone());
    }
    {
        let ctx = validate::Context {
            account: &account,
            content: &content,
            offerings: &offerings,
        };
        for item in &upserts {
            validate::item(item, &ctx)?;
        }
        validate::dangling_references(&content)?;
    }
    let is_current = current_plan_in(tx, account.id)?.map(|p| p.id) == Some(plan_id);
    let summary = is_current.then(|| summarise_on(&account, Some((&plan, &content)), today));
    tx.apply(&Edit {
        plan_id,
        upserts,
        deletes,
        summary,
    })?;
    let settings = tx.settings()?;
    Ok(view_of(
        &account,
        &plan,
        &content,
        &offerings,
        tx.campaigns_for(account.id)?,
        &settings.weights,
        &settings.thresholds,
        today,
    ))
}

/// Delete a buying center. Its people, opportunities and white-space cells either move to
/// `move_to` or are deleted with it; objectives tied to it are kept, untied.
pub fn delete_buying_center(
    store: &Store,
    plan_id: Id,
    bc_id: Id,
    move_to: Option<Id>,
    today: NaiveDate,
) -> AppResult<PlanView> {
    store.edit(|tx| {
        let content = tx.plan_content(plan_id)?;
        let (upserts, deletes) = buying_center_removal(&content, bc_id, move_to)?;
        save_items_in(tx, plan_id, upserts, deletes, today)
    })
}

/// Records to upsert and records to delete, in one edit.
type ItemChanges = (Vec<PlanItem>, Vec<(ItemKind, Id)>);

/// What deleting a buying center changes (see `delete_buying_center`).
fn buying_center_removal(
    content: &PlanContent,
    bc_id: Id,
    move_to: Option<Id>,
) -> AppResult<ItemChanges> {
    if content.buying_center(bc_id).is_none() {
        return Err(AppError::NotFound("That buying center".into()));
    }
    if move_to == Some(bc_id) || move_to.is_some_and(|m| content.buying_center(m).is_none()) {
        return Err(CoreError::not_found("move_to", "The buying center to move them to").into());
    }
    let mut upserts = Vec::new();
    let mut deletes = vec![(ItemKind::BuyingCenter, bc_id)];
    // Each dependent record either moves to `move_to` or is deleted with the buying center.
    let mut move_or_delete = |kind: ItemKind, id: Id, moved: Option<PlanItem>| match moved {
        Some(item) => upserts.push(item),
        None => deletes.push((kind, id)),
    };
    let people: Vec<&Contact> = content
        .contacts
        .iter()
        .filter(|c| c.buying_center_id == bc_id)
        .collect();
    for c in &people {
        let moved = move_to.map(|t| {
            PlanItem::Contact(Contact {
                buying_center_id: t,
                ..(*c).clone()
            })
        });
        move_or_delete(ItemKind::Contact, c.id, moved);
    }
    for o in content
        .opportunities
        .iter()
        .filter(|o| o.buying_center_id == bc_id)
    {
        let moved = move_to.map(|t| {
            PlanItem::Opportunity(Opportunity {
                buying_center_id: t,
                ..o.clone()
            })
        });
        move_or_delete(ItemKind::Opportunity, o.id, moved);
    }
    if move_to.is_none() {
        let gone: Vec<Id> = people.iter().map(|c| c.id).collect();
        let (more_upserts, more_deletes) = detach_from(content, &gone, None);
        upserts.extend(more_upserts);
        deletes.extend(more_deletes);
    }
    for cell in content.cells.iter().filter(|c| c.buying_center_id == bc_id) {
        let taken = move_to.is_some_and(|t| {
            content
                .cells
                .iter()
                .any(|x| x.buying_center_id == t && x.offering_id == cell.offering_id)
        });
        match move_to {
            Some(target) if !taken => upserts.push(PlanItem::Cell(WhiteSpaceCell {
                buying_center_id: target,
                ..cell.clone()
            })),
            _ => deletes.push((ItemKind::Cell, cell.id)),
        }
    }
    for o in content
        .objectives
        .iter()
        .filter(|o| o.buying_center_id == Some(bc_id))
    {
        upserts.push(PlanItem::Objective(Objective {
            buying_center_id: move_to,
            ..o.clone()
        }));
    }
    Ok((upserts, deletes))
}

/// Delete a contact; the people reporting to them move to `reports_to_instead` (or become
/// top of their tree), and lines drawn to them go with them.
pub fn delete_contact(
    store: &Store,
    plan_id: Id,
    contact_id: Id,
    reports_to_instead: Option<Id>,
    today: NaiveDate,
) -> AppResult<PlanView> {
    store.edit(|tx| {
        let content = tx.plan_content(plan_id)?;
        if content.contact(contact_id).is_none() {
            return Err(AppError::NotFound("That contact".into()));
        }
        let (upserts, mut deletes) = detach_from(&content, &[contact_id], reports_to_instead);
        deletes.push((ItemKind::Contact, contact_id));
        save_items_in(tx, plan_id, upserts, deletes, today)
    })
}

/// What must change when the people in `gone` leave the map: their reports move to
/// `reports_to_instead` (or become the top of their tree), dotted lines to them go, and so do
/// lines of influence or conflict drawn to or from them.
fn detach_from(content: &PlanContent, gone: &[Id], reports_to_instead: Option<Id>) -> ItemChanges {
    let mut upserts = Vec::new();
    for c in content.contacts.iter().filter(|c| !gone.contains(&c.id)) {
        let reports_to = match c.reports_to {
            Some(m) if gone.contains(&m) => reports_to_instead,
            other => other,
        };
        let dotted: Vec<Id> = c
            .dotted_line_to
            .iter()
            .copied()
            .filter(|d| !gone.contains(d) && Some(*d) != reports_to)
            .collect();
        if reports_to != c.reports_to || dotted != c.dotted_line_to {
            upserts.push(PlanItem::Contact(Contact {
                reports_to,
                dotted_line_to: dotted,
                ..c.clone()
            }));
        }
    }
    let deletes = content
        .lines
        .iter()
        .filter(|l| gone.contains(&l.from_contact_id) || gone.contains(&l.to_contact_id))
        .map(|l| (ItemKind::Line, l.id))
        .collect();
    (upserts, deletes)
}

/// A plan rolled forward, with what it carried over kind by kind.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RolledForward {
    pub plan: Plan,
    pub carried: Vec<plan_ops::CarriedCount>,
}

/// Mark a plan draft, active or closed (closing makes it read-only; reopening is marking it
/// draft or active again). Only one plan of an account is active for a period.
pub fn set_plan_status(store: &Store, plan_id: Id, status: PlanStatus) -> AppResult<Plan> {
    store.edit(|tx| {
        let plan = found("That plan", tx.plan(plan_id)?)?;
        let siblings = tx.plans(plan.account_id)?;
        let changed = plan_ops::change_status(&plan, &siblings, status)?;
        if changed != plan {
            tx.put_plan(&changed)?;
        }
        Ok(changed)
    })
}

/// Save the plan's commentary (executive summary, asks, wins); returns the recomputed view.
pub fn save_commentary(
    store: &Store,
    plan_id: Id,
    commentary: &plan_ops::Commentary,
    today: NaiveDate,
) -> AppResult<PlanView> {
    store.edit(|tx| {
        let plan = found("That plan", tx.plan(plan_id)?)?;
        let saved = plan_ops::with_commentary(&plan, commentary)?;
        tx.put_plan(&saved)?;
        let account = found("That account", tx.account(saved.account_id)?)?;
        let content = tx.plan_content(plan_id)?;
        let settings = tx.settings()?;
        Ok(view_of(
            &account,
            &saved,
            &content,
            &tx.offerings()?,
            tx.campaigns_for(account.id)?,
            &settings.weights,
            &settings.thresholds,
            today,
        ))
    })
}

pub fn roll_forward(store: &Store, plan_id: Id) -> AppResult<RolledForward> {
    store.edit(|tx| {
        let old = found("That plan", tx.plan(plan_id)?)?;
        let account = found("That account", tx.account(old.account_id)?)?;
        let content = tx.plan_content(plan_id)?;
        let (next, next_content) = plan_ops::roll_forward(&old, &content);
        if tx
            .plans(account.id)?
            .iter()
            .any(|p| p.period == next.period)
        {
            return Err(CoreError::conflict(
                "period",
                format!("A plan for {} already exists", next.period),
            )
            .into());
        }
        // The new plan's health is taken today: roll forward is itself today's edit.
        let summary = summarise_on(&account, Some((&next, &next_content)), today());
        tx.create_plan(&next, &next_content, &summary)?;
        Ok(RolledForward {
            carried: plan_ops::carried_over(&next_content),
            plan: next,
        })
    })
}

pub fn take_snapshot(
    store: &Store,
    plan_id: Id,
    label: &str,
    today: NaiveDate,
) -> AppResult<Snapshot> {
    let label = if label.trim().is_empty() {
        let plan = found("That plan", store.plan(plan_id)?)?;
        let account = found("That account", store.account(plan.account_id)?)?;
        plan_ops::suggested_snapshot_label(today, account.fiscal_year_end_month)
    } else {
        label.trim().to_string()
    };
    validate::name("label", "Snapshot label", &label)?;
    store.edit(|tx| {
        let plan = found("That plan", tx.plan(plan_id)?)?;
        let account = found("That account", tx.account(plan.account_id)?)?;
        let snap = plan_ops::snapshot(&account, &plan, &tx.plan_content(plan_id)?, today, &label);
        tx.put_snapshot(&snap)?;
        Ok(snap)
    })
}

pub fn snapshot_view(store: &Store, snapshot_id: Id, today: NaiveDate) -> AppResult<PlanView> {
    let s = store
        .snapshot(snapshot_id)?
        .ok_or_else(|| AppError::NotFound("That snapshot".into()))?;
    let settings = store.settings()?;
    Ok(view_of(
        &s.account,
        &s.plan,
        &s.content,
        &store.offerings()?,
        store.campaigns_for(s.account.id)?,
        &settings.weights,
        &settings.thresholds,
        today,
    ))
}

/// The label offered when taking a snapshot of this plan today.
pub fn suggested_snapshot_label(store: &Store, plan_id: Id, today: NaiveDate) -> AppResult<String> {
    let plan = found("That plan", store.plan(plan_id)?)?;
    let account = found("That account", store.account(plan.account_id)?)?;
    Ok(plan_ops::suggested_snapshot_label(
        today,
        account.fiscal_year_end_month,
    ))
}

/// A snapshot of this plan and its view as of the day it was taken (so "overdue" and "stale"
/// mean what they meant then).
fn snapshot_point(store: &Store, plan_id: Id, snapshot_id: Id) -> AppResult<(Snapshot, PlanView)> {
    let s = store
        .snapshot(snapshot_id)?
        .filter(|s| s.plan_id == plan_id)
        .ok_or_else(|| AppError::NotFound("That snapshot of this plan".into()))?;
    let settings = store.settings()?;
    let view = view_of(
        &s.account,
        &s.plan,
        &s.content,
        &store.offerings()?,
        store.campaigns_for(s.account.id)?,
        &settings.weights,
        &settings.thresholds,
        s.taken_on,
    );
    Ok((s, view))
}

/// What changed from a snapshot to another one, or to the plan now (`to` None).
pub fn compare_plan(
    store: &Store,
    plan_id: Id,
    from: Id,
    to: Option<Id>,
    today: NaiveDate,
) -> AppResult<PlanComparison> {
    let (before_snap, before) = snapshot_point(store, plan_id, from)?;
    let (to_label, after) = match to {
        Some(id) => {
            let (s, v) = snapshot_point(store, plan_id, id)?;
            (s.label, v)
        }
        None => ("Now".to_string(), view(store, plan_id, today)?),
    };
    Ok(compare(&before, &after)
        .labelled(&before_snap.label, &to_label)
        .with_snapshots(Some(from), to))
}

/// The plan now against its latest snapshot, for the printed plan; None without a snapshot.
pub fn since_latest_snapshot(
    store: &Store,
    plan_id: Id,
    today: NaiveDate,
) -> AppResult<Option<PlanComparison>> {
    // The store lists snapshots newest first.
    match store.snapshots(plan_id)?.first() {
        Some(latest) => compare_plan(store, plan_id, latest.id, None, today).map(Some),
        None => Ok(None),
    }
}

/// Add the sample plan (offerings are shared: reuse ones with the same name).
pub fn load_sample(store: &Store, today: NaiveDate) -> AppResult<AccountSummary> {
    let mut s = sample::sample_plan(today);
    store.edit(|tx| {
        let existing = tx.offerings()?;
        let mut remap = std::collections::HashMap::new();
        for o in &s.offerings {
            match existing.iter().find(|e| e.name == o.name) {
                Some(e) => {
                    remap.insert(o.id, e.id);
                }
                None => tx.put_offering(o)?,
            }
        }
        for cell in &mut s.content.cells {
            if let Some(id) = remap.get(&cell.offering_id) {
                cell.offering_id = *id;
            }
        }
        for opp in &mut s.content.opportunities {
            if let Some(id) = opp.offering_id.and_then(|o| remap.get(&o)) {
                opp.offering_id = Some(*id);
            }
        }
        for r in &mut s.account.renewals {
            if let Some(id) = r.offering_id.and_then(|o| remap.get(&o)) {
                r.offering_id = Some(*id);
            }
        }
        let summary = summarise_on(&s.account, Some((&s.plan, &s.content)), today);
        tx.put_account(&s.account, &summary)?;
        tx.create_plan(&s.plan, &s.content, &summary)?;
        for c in &s.campaigns {
            tx.put_campaign(c)?;
        }
        Ok(summary)
    })
}

pub fn save_offering(store: &Store, offering: Offering) -> AppResult<Vec<Offering>> {
    validate::offering(&offering)?;
    store.edit(|tx| {
        if tx.offerings()?.iter().any(|o| {
            o.id != offering.id && o.name.trim().eq_ignore_ascii_case(offering.name.trim())
        }) {
            return Err(CoreError::conflict(
                "name",
                format!(
                    "There is already an offering named \"{}\"",
                    offering.name.trim()
                ),
            )
            .into());
        }
        tx.put_offering(&offering)?;
        AppResult::Ok(())
    })?;
    Ok(store.offerings()?)
}

/// Find an account by id or by (case-insensitive) name, for the CLI.
pub fn find_account(store: &Store, name_or_id: &str) -> AppResult<AccountSummary> {
    let all = store.summaries()?;
    if let Ok(id) = Uuid::parse_str(name_or_id.trim()) {
        if let Some(s) = all.iter().find(|s| s.id == id) {
            return Ok(s.clone());
        }
    }
    let wanted = name_or_id.trim().to_lowercase();
    let matches: Vec<&AccountSummary> = all
        .iter()
        .filter(|s| s.name.to_lowercase() == wanted)
        .collect();
    match matches.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(AppError::NotFound(format!(
            "An account named \"{}\"",
            name_or_id.trim()
        ))),
        _ => Err(CoreError::conflict(
            "account",
            format!(
                "{} accounts are named \"{}\"; use the id",
                matches.len(),
                name_or_id.trim()
            ),
        )
        .into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_store(name: &str) -> (Store, Id, std::path::PathBuf) {
        let dir = std::env::temp_dir().join(format!("ap-service-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let store = Store::open(&dir).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let s = load_sample(&store, today).unwrap();
        (store, s.current_plan_id.unwrap(), dir)
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
    }

    #[test]
    fn a_snapshot_compares_with_now_and_with_a_later_snapshot() {
        let (store, plan_id, dir) = sample_store("compare");
        assert!(since_latest_snapshot(&store, plan_id, day())
            .unwrap()
            .is_none());
        // An empty label gets the fiscal quarter (the sample's year ends in December).
        let first = take_snapshot(&store, plan_id, "  ", day()).unwrap();
        assert_eq!(first.label, "QBR Q4 2026");
        assert_eq!(
            suggested_snapshot_label(&store, plan_id, day()).unwrap(),
            "QBR Q4 2026"
        );
        let unchanged = compare_plan(&store, plan_id, first.id, None, day()).unwrap();
        assert!(unchanged.is_unchanged(), "{unchanged:?}");

        // An open deal (records come back in id order, which is random for the sample).
        let mut opp = store
            .plan_content(plan_id)
            .unwrap()
            .opportunities
            .into_iter()
            .find(|o| o.status == OpportunityStatus::Open)
            .unwrap();
        opp.status = OpportunityStatus::Lost;
        save_items(
            &store,
            plan_id,
            vec![PlanItem::Opportunity(opp.clone())],
            vec![],
            day(),
        )
        .unwrap();
        let later = day() + chrono::Duration::days(1);
        let second = take_snapshot(&store, plan_id, "QBR Q1", later).unwrap();

        let now = compare_plan(&store, plan_id, first.id, None, later).unwrap();
        assert_eq!(
            (now.from.label.as_str(), now.to.label.as_str()),
            ("QBR Q4 2026", "Now")
        );
        assert!(
            now.opportunities
                .iter()
                .any(|c| c.id == opp.id && c.words == "lost"),
            "{:?}",
            now.opportunities
        );
        let between = compare_plan(&store, plan_id, first.id, Some(second.id), later).unwrap();
        assert_eq!(between.to.label, "QBR Q1");
        assert_eq!(between.opportunities, now.opportunities);
        // The printed plan compares with the latest snapshot: nothing since "QBR Q1".
        let since = since_latest_snapshot(&store, plan_id, later)
            .unwrap()
            .unwrap();
        assert_eq!(since.from.snapshot_id, Some(second.id));
        assert!(since.opportunities.is_empty());
        // A snapshot of another plan is refused.
        assert!(compare_plan(&store, Uuid::new_v4(), first.id, None, later).is_err());
        drop(store);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn deleting_a_buying_center_moves_or_deletes_its_records_and_orphans_nothing() {
        let (store, plan_id, dir) = sample_store("bc");
        let content = store.plan_content(plan_id).unwrap();
        let ops = content
            .buying_centers
            .iter()
            .find(|b| b.name == "Warehouse Operations")
            .unwrap()
            .id;
        let it = content
            .buying_centers
            .iter()
            .find(|b| b.name == "IT & Digital")
            .unwrap()
            .id;
        let people = content
            .contacts
            .iter()
            .filter(|c| c.buying_center_id == ops)
            .count();
        let view = delete_buying_center(&store, plan_id, ops, Some(it), day()).unwrap();
        assert_eq!(view.buying_centers.len(), 4);
        assert_eq!(view.contacts.len(), content.contacts.len());
        assert_eq!(
            view.contacts
                .iter()
                .filter(|c| c.buying_center_id == it)
                .count(),
            people + 6
        );
        // Without a target the dependents go with it; nothing points at a deleted record.
        let fin = content
            .buying_centers
            .iter()
            .find(|b| b.name.starts_with("Finance"))
            .unwrap()
            .id;
        let view = delete_buying_center(&store, plan_id, fin, None, day()).unwrap();
        let after = store.plan_content(plan_id).unwrap();
        assert!(validate::dangling_references(&after).is_ok());
        assert!(view.contacts.iter().all(|c| c.buying_center_id != fin));
        assert!(after
            .opportunities
            .iter()
            .all(|o| o.buying_center_id != fin));
        store.close().unwrap();
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn deleting_a_manager_moves_the_reports() {
        let (store, plan_id, dir) = sample_store("manager");
        let content = store.plan_content(plan_id).unwrap();
        let hubs = content
            .contacts
            .iter()
            .find(|c| c.title == "VP Hub Programme")
            .unwrap();
        let coo = hubs.reports_to.unwrap();
        let reports: Vec<Id> = content
            .contacts
            .iter()
            .filter(|c| c.reports_to == Some(hubs.id))
            .map(|c| c.id)
            .collect();
        assert_eq!(reports.len(), 3);
        let view = delete_contact(&store, plan_id, hubs.id, Some(coo), day()).unwrap();
        for r in reports {
            assert_eq!(
                view.contacts.iter().find(|c| c.id == r).unwrap().reports_to,
                Some(coo)
            );
        }
        // The conflict line drawn to the deleted manager went with them.
        assert!(view
            .lines
            .iter()
            .all(|l| l.to_contact_id != hubs.id && l.from_contact_id != hubs.id));
        store.close().unwrap();
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn weight_profiles_are_kept_in_the_store() {
        let (store, _plan, dir) = sample_store("profiles");
        let growth = planner_core::segmentation::WeightProfile {
            name: "Growth offerings".into(),
            weights: Weights {
                need: vec![1.0, 2.0, 1.0],
                ..Weights::default()
            },
        };
        save_weight_profiles(&store, vec![growth.clone()]).unwrap();
        let dup = save_weight_profiles(&store, vec![growth.clone(), growth.clone()]).unwrap_err();
        assert_eq!(dup.code(), "conflict");
        // Saving weights keeps the profiles.
        save_segmentation(&store, Weights::default(), Thresholds::default()).unwrap();
        store.close().unwrap();
        let store = Store::open(&dir).unwrap();
        assert_eq!(store.settings().unwrap().profiles, vec![growth]);
        store.close().unwrap();
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_cycle_is_refused_and_nothing_changes() {
        let (store, plan_id, dir) = sample_store("cycle");
        let content = store.plan_content(plan_id).unwrap();
        let ceo = content
            .contacts
            .iter()
            .find(|c| c.reports_to.is_none())
            .unwrap()
            .clone();
        let cfo = content
            .contacts
            .iter()
            .find(|c| c.reports_to == Some(ceo.id))
            .unwrap();
        let err = save_items(
            &store,
            plan_id,
            vec![PlanItem::Contact(Contact {
                reports_to: Some(cfo.id),
                ..ceo.clone()
            })],
            vec![],
            day(),
        )
        .unwrap_err();
        assert_eq!(err.code(), "reports_to_cycle");
        assert!(err.to_string().contains(&ceo.name) && err.to_string().contains(&cfo.name));
        assert_eq!(store.plan_content(plan_id).unwrap(), content);
        store.close().unwrap();
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn fiscal_years_follow_the_end_month() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let (p, s, e) = fiscal_year(d, 12);
        assert_eq!(
            (p.as_str(), s.to_string(), e.to_string()),
            ("FY2026", "2026-01-01".into(), "2026-12-31".into())
        );
        let (p, s, e) = fiscal_year(d, 3);
        assert_eq!(
            (p.as_str(), s.to_string(), e.to_string()),
            ("FY2027", "2026-04-01".into(), "2027-03-31".into())
        );
        let (_, _, e) = fiscal_year(NaiveDate::from_ymd_opt(2028, 2, 10).unwrap(), 2);
        assert_eq!(e.to_string(), "2028-02-29");
    }
}

/// Save a campaign: every account it targets must exist and its outcomes must belong to
/// that account's current plan (an opportunity of another account is refused).
pub fn save_campaign(store: &Store, campaign: Campaign) -> AppResult<Vec<Campaign>> {
    validate::campaign(&campaign)?;
    store.edit(|tx| {
        let mut targeted = Vec::new();
        for t in &campaign.targets {
            if let Some(account) = tx.account(t.account_id)? {
                let content = match current_plan_in(tx, account.id)? {
                    Some(p) => tx.plan_content(p.id)?,
                    None => PlanContent::default(),
                };
                targeted.push((account, content));
            }
        }
        let known: Vec<(&Account, &PlanContent)> = targeted.iter().map(|(a, c)| (a, c)).collect();
        validate::campaign_with_targets(&campaign, &known)?;
        tx.put_campaign(&campaign)?;
        AppResult::Ok(())
    })?;
    Ok(store.campaigns()?)
}

/// An open action of one team member, with where it lives.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct MyAction {
    pub account_id: Id,
    pub account: String,
    pub plan_id: Id,
    pub objective: String,
    pub action: Action,
    pub bucket: planner_core::campaigns::DueBucket,
}

/// Across all accounts, the open actions of the team member with this name, by due date.
pub fn my_actions(store: &Store, member_name: &str, today: NaiveDate) -> AppResult<Vec<MyAction>> {
    let wanted = member_name.trim().to_lowercase();
    let mut out = Vec::new();
    for s in store.summaries()? {
        let Some(plan_id) = s.current_plan_id else {
            continue;
        };
        let Some(acc) = store.account(s.id)? else {
            continue;
        };
        let Some(member) = acc
            .team
            .iter()
            .find(|m| m.name.trim().to_lowercase() == wanted)
        else {
            continue;
        };
        let content = store.plan_content(plan_id)?;
        for a in content.actions.iter().filter(|a| {
            a.owner_id == Some(member.id)
                && matches!(a.status, ActionStatus::Open | ActionStatus::Blocked)
        }) {
            let objective = content
                .strategies
                .iter()
                .find(|st| st.id == a.strategy_id)
                .and_then(|st| content.objectives.iter().find(|o| o.id == st.objective_id))
                .map(|o| o.title.clone())
                .unwrap_or_default();
            out.push(MyAction {
                account_id: acc.id,
                account: acc.name.clone(),
                plan_id,
                objective,
                bucket: planner_core::campaigns::due_bucket(a.due_on, today),
                action: a.clone(),
            });
        }
    }
    out.sort_by(|a, b| {
        (
            a.bucket,
            a.action.due_on.unwrap_or(NaiveDate::MAX),
            &a.account,
        )
            .cmp(&(
                b.bucket,
                b.action.due_on.unwrap_or(NaiveDate::MAX),
                &b.account,
            ))
    });
    Ok(out)
}

/// Everyone on any account team, for the "My actions" picker.
pub fn team_member_names(store: &Store) -> AppResult<Vec<String>> {
    let mut names = std::collections::BTreeSet::new();
    for s in store.summaries()? {
        if let Some(a) = store.account(s.id)? {
            names.extend(a.team.into_iter().map(|m| m.name));
        }
    }
    Ok(names.into_iter().collect())
}

/// The portfolio across accounts: renewals, churn, stage moves and buying windows.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PortfolioInsights {
    pub upcoming_renewals: Vec<planner_core::portfolio::RenewalDue>,
    /// Churn over the last 12 months (0-1), None when nothing came up for renewal.
    pub churn_rate: Option<f64>,
    pub stage_counts: Vec<(LifeStage, u32)>,
    pub stage_moves: Vec<planner_core::portfolio::StageMove>,
    pub triggers: Vec<planner_core::portfolio::TriggerEvent>,
}

pub fn portfolio_insights(store: &Store, today: NaiveDate) -> AppResult<PortfolioInsights> {
    let mut accounts = Vec::new();
    for s in store.summaries()? {
        if let Some(a) = store.account(s.id)? {
            accounts.push(a);
        }
    }
    use planner_core::portfolio as p;
    Ok(PortfolioInsights {
        upcoming_renewals: p::upcoming_renewals(&accounts, today, 180),
        churn_rate: p::churn_rate(&accounts, today),
        stage_counts: LifeStage::ALL
            .iter()
            .map(|st| {
                (
                    *st,
                    accounts.iter().filter(|a| a.life_stage == *st).count() as u32,
                )
            })
            .collect(),
        stage_moves: p::stage_moves(&accounts, today),
        triggers: p::trigger_timeline(&accounts, today, 90, 90),
    })
}

/// Weights and tier thresholds saved; says how many accounts changed tier.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SettingsSaved {
    pub moved: u32,
    pub rows: Vec<PortfolioRow>,
}

pub fn save_segmentation(
    store: &Store,
    weights: Weights,
    thresholds: Thresholds,
) -> AppResult<SettingsSaved> {
    planner_core::segmentation::validate_weights(&weights)?;
    planner_core::segmentation::validate_thresholds(&thresholds)?;
    store.edit(|tx| {
        let old = tx.settings()?;
        let summaries = tx.summaries()?;
        let moved = planner_core::portfolio::moved_tiers(
            &summaries,
            (&old.weights, &old.thresholds),
            (&weights, &thresholds),
        );
        let new = planner_store::Settings {
            weights,
            thresholds,
            ..old
        };
        tx.put_settings(&new)?;
        Ok(SettingsSaved {
            moved: moved as u32,
            rows: portfolio_rows(summaries, &new),
        })
    })
}

/// Replace the saved weight profiles (names unique, weights valid); returns the settings.
pub fn save_weight_profiles(
    store: &Store,
    profiles: Vec<planner_core::segmentation::WeightProfile>,
) -> AppResult<planner_store::Settings> {
    planner_core::segmentation::validate_profiles(&profiles)?;
    store.edit(|tx| {
        let settings = planner_store::Settings {
            profiles,
            ..tx.settings()?
        };
        tx.put_settings(&settings)?;
        Ok(settings)
    })
}

/// Scores the plan's data suggests for this account's segmentation criteria.
pub fn suggested_scores(
    store: &Store,
    plan_id: Id,
) -> AppResult<Vec<planner_core::portfolio::SuggestedScore>> {
    let plan = found("That plan", store.plan(plan_id)?)?;
    let summaries = store.summaries()?;
    let me = summaries
        .iter()
        .find(|s| s.id == plan.account_id)
        .ok_or_else(|| AppError::NotFound("That account".into()))?;
    let max_revenue = summaries
        .iter()
        .map(|s| s.our_revenue)
        .max()
        .unwrap_or_default();
    let max_headroom = summaries
        .iter()
        .map(|s| s.total_wallet - s.our_revenue)
        .max()
        .unwrap_or_default();
    let content = store.plan_content(plan_id)?;
    Ok(planner_core::portfolio::suggested_scores(
        me,
        &content,
        max_revenue,
        max_headroom,
    ))
}
