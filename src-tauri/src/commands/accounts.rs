use crate::error::{AppError, AppResult};
use crate::service::{self, today, PeriodOption};
use crate::state::AppState;
use planner_core::plan_ops::PeriodChoice;
use planner_core::view::{AccountSummary, PortfolioRow};
use planner_core::{Account, Id};
use tauri::State;

#[tauri::command]
pub fn list_portfolio(state: State<'_, AppState>) -> AppResult<Vec<PortfolioRow>> {
    state.with_store(service::portfolio)
}

/// A new account with its first plan; `period` picks this fiscal year (the default) or the next.
#[tauri::command]
pub fn create_account(
    state: State<'_, AppState>,
    name: String,
    period: Option<PeriodChoice>,
) -> AppResult<AccountSummary> {
    let choice = period.unwrap_or_default();
    state.with_store(|s| service::create_account_for(s, &name, choice, today()))
}

/// The periods the new-account form offers today.
#[tauri::command]
pub fn new_account_periods() -> Vec<PeriodOption> {
    service::new_account_periods(today())
}

#[tauri::command]
pub fn update_account(state: State<'_, AppState>, account: Account) -> AppResult<Account> {
    state.with_store(|s| service::update_account(s, account, today()))
}

/// Deletes the account with its plans; the deleted data is kept for one undo.
#[tauri::command]
pub fn delete_account(state: State<'_, AppState>, id: Id) -> AppResult<()> {
    let deleted = state.with_store(|s| Ok(s.delete_account(id)?))?;
    *state.last_deleted.lock().unwrap_or_else(|p| p.into_inner()) = Some(deleted);
    Ok(())
}

#[tauri::command]
pub fn undo_delete_account(state: State<'_, AppState>) -> AppResult<()> {
    let deleted = state
        .last_deleted
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .take();
    let deleted =
        deleted.ok_or_else(|| AppError::NotFound("A deleted account to restore".into()))?;
    state.with_store(|s| Ok(s.restore_account(&deleted)?))
}

#[tauri::command]
pub fn load_sample(state: State<'_, AppState>) -> AppResult<AccountSummary> {
    state.with_store(|s| service::load_sample(s, today()))
}
