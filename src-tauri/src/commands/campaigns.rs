use crate::error::AppResult;
use crate::service::{self, today, MyAction};
use crate::state::AppState;
use planner_core::{Campaign, Id};
use tauri::State;

#[tauri::command]
pub fn list_campaigns(state: State<'_, AppState>) -> AppResult<Vec<Campaign>> {
    state.with_store(|s| Ok(s.campaigns()?))
}

#[tauri::command]
pub fn save_campaign(state: State<'_, AppState>, campaign: Campaign) -> AppResult<Vec<Campaign>> {
    state.with_store(|s| service::save_campaign(s, campaign))
}

#[tauri::command]
pub fn delete_campaign(state: State<'_, AppState>, id: Id) -> AppResult<Vec<Campaign>> {
    state.with_store(|s| {
        s.delete_campaign(id)?;
        Ok(s.campaigns()?)
    })
}

#[tauri::command]
pub fn my_actions(state: State<'_, AppState>, member: String) -> AppResult<Vec<MyAction>> {
    state.with_store(|s| service::my_actions(s, &member, today()))
}

#[tauri::command]
pub fn team_members(state: State<'_, AppState>) -> AppResult<Vec<String>> {
    state.with_store(service::team_member_names)
}
