use crate::error::AppResult;
use crate::service;
use crate::state::AppState;
use planner_core::Offering;
use tauri::State;

#[tauri::command]
pub fn list_offerings(state: State<'_, AppState>) -> AppResult<Vec<Offering>> {
    state.with_store(|s| Ok(s.offerings()?))
}

#[tauri::command]
pub fn save_offering(state: State<'_, AppState>, offering: Offering) -> AppResult<Vec<Offering>> {
    state.with_store(|s| service::save_offering(s, offering))
}
