use crate::error::AppResult;
use crate::service::{self, today, PortfolioInsights, SettingsSaved};
use crate::state::AppState;
use planner_core::portfolio::SuggestedScore;
use planner_core::segmentation::{Thresholds, WeightProfile, Weights};
use planner_core::Id;
use planner_store::Settings;
use tauri::State;

#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> AppResult<Settings> {
    state.with_store(|s| Ok(s.settings()?))
}

/// Saving weights or thresholds re-tiers the portfolio at once and says how many moved.
#[tauri::command]
pub fn save_segmentation(
    state: State<'_, AppState>,
    weights: Weights,
    thresholds: Thresholds,
) -> AppResult<SettingsSaved> {
    state.with_store(|s| service::save_segmentation(s, weights, thresholds))
}

/// Weight profiles live in the store (and so in exports and backups), not in the webview.
#[tauri::command]
pub fn save_weight_profiles(
    state: State<'_, AppState>,
    profiles: Vec<WeightProfile>,
) -> AppResult<Settings> {
    state.with_store(|s| service::save_weight_profiles(s, profiles))
}

#[tauri::command]
pub fn portfolio_insights(state: State<'_, AppState>) -> AppResult<PortfolioInsights> {
    state.with_store(|s| service::portfolio_insights(s, today()))
}

#[tauri::command]
pub fn suggested_scores(state: State<'_, AppState>, plan_id: Id) -> AppResult<Vec<SuggestedScore>> {
    state.with_store(|s| service::suggested_scores(s, plan_id))
}
