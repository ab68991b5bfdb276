use crate::error::AppResult;
use crate::service::{self, today, RolledForward};
use crate::state::AppState;
use planner_core::compare::PlanComparison;
use planner_core::plan_ops::Commentary;
use planner_core::view::PlanView;
use planner_core::{Id, ItemKind, Plan, PlanItem, PlanStatus, Snapshot};
use planner_store::SnapshotInfo;
use tauri::State;

#[tauri::command]
pub fn list_plans(state: State<'_, AppState>, account_id: Id) -> AppResult<Vec<Plan>> {
    state.with_store(|s| Ok(s.plans(account_id)?))
}

#[tauri::command]
pub fn get_plan_view(state: State<'_, AppState>, plan_id: Id) -> AppResult<PlanView> {
    state.with_store(|s| service::view(s, plan_id, today()))
}

#[derive(Debug, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ItemRef {
    pub kind: ItemKind,
    pub id: Id,
}

/// One user edit: records saved and deleted together, flushed before this returns.
#[tauri::command]
pub fn save_items(
    state: State<'_, AppState>,
    plan_id: Id,
    upserts: Vec<PlanItem>,
    deletes: Vec<ItemRef>,
) -> AppResult<PlanView> {
    let deletes = deletes.into_iter().map(|d| (d.kind, d.id)).collect();
    state.with_store(|s| service::save_items(s, plan_id, upserts, deletes, today()))
}

#[tauri::command]
pub fn delete_buying_center(
    state: State<'_, AppState>,
    plan_id: Id,
    id: Id,
    move_to: Option<Id>,
) -> AppResult<PlanView> {
    state.with_store(|s| service::delete_buying_center(s, plan_id, id, move_to, today()))
}

#[tauri::command]
pub fn delete_contact(
    state: State<'_, AppState>,
    plan_id: Id,
    id: Id,
    reports_to_instead: Option<Id>,
) -> AppResult<PlanView> {
    state.with_store(|s| service::delete_contact(s, plan_id, id, reports_to_instead, today()))
}

#[tauri::command]
pub fn roll_forward(state: State<'_, AppState>, plan_id: Id) -> AppResult<RolledForward> {
    state.with_store(|s| service::roll_forward(s, plan_id))
}

/// Draft, active or closed; a closed plan is read-only until it is reopened.
#[tauri::command]
pub fn set_plan_status(
    state: State<'_, AppState>,
    plan_id: Id,
    status: PlanStatus,
) -> AppResult<Plan> {
    state.with_store(|s| service::set_plan_status(s, plan_id, status))
}

#[tauri::command]
pub fn take_snapshot(
    state: State<'_, AppState>,
    plan_id: Id,
    label: String,
) -> AppResult<Snapshot> {
    state.with_store(|s| service::take_snapshot(s, plan_id, &label, today()))
}

#[tauri::command]
pub fn list_snapshots(state: State<'_, AppState>, plan_id: Id) -> AppResult<Vec<SnapshotInfo>> {
    state.with_store(|s| Ok(s.snapshots(plan_id)?))
}

#[tauri::command]
pub fn get_snapshot_view(state: State<'_, AppState>, snapshot_id: Id) -> AppResult<PlanView> {
    state.with_store(|s| service::snapshot_view(s, snapshot_id, today()))
}

#[tauri::command]
pub fn suggest_snapshot_label(state: State<'_, AppState>, plan_id: Id) -> AppResult<String> {
    state.with_store(|s| service::suggested_snapshot_label(s, plan_id, today()))
}

/// What changed from a snapshot to another (`to_snapshot_id`) or to the plan now (None).
#[tauri::command]
pub fn compare_plan(
    state: State<'_, AppState>,
    plan_id: Id,
    from_snapshot_id: Id,
    to_snapshot_id: Option<Id>,
) -> AppResult<PlanComparison> {
    state.with_store(|s| {
        service::compare_plan(s, plan_id, from_snapshot_id, to_snapshot_id, today())
    })
}

/// The plan's executive summary, asks and wins, as the printed plan tells them.
#[tauri::command]
pub fn save_plan_commentary(
    state: State<'_, AppState>,
    plan_id: Id,
    commentary: Commentary,
) -> AppResult<PlanView> {
    state.with_store(|s| service::save_commentary(s, plan_id, &commentary, today()))
}
