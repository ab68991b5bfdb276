//! The desktop shell: opens the store, registers the commands and the window; with
//! arguments, the same binary works as a headless CLI (see cli.rs).

pub mod cli;
pub mod commands;
pub mod error;
pub mod exports;
pub mod instance;
pub mod output;
pub mod pdf;
pub mod service;
pub mod state;

use clap::Parser;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tauri::Manager;

/// Entry point for `main`: returns the process exit code.
pub fn run() -> i32 {
    let cli = match cli::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let dir = cli::data_dir(cli.data_dir);
    match cli.command {
        Some(command) => cli::run(command, dir),
        None => run_app(dir),
    }
}

fn run_app(data_dir: std::path::PathBuf) -> i32 {
    use commands::*;
    // It must exist for its canonical path to name this app's window (the store needs it anyway).
    let _ = std::fs::create_dir_all(&data_dir);
    let mut context = tauri::generate_context!();
    context.config_mut().identifier = instance::instance_identifier(
        &context.config().identifier,
        &data_dir,
        &cli::default_data_dir(),
    );
    let built = Arc::new(AtomicBool::new(false));
    let result = tauri::Builder::default()
        .plugin(instance::hand_over_notice(data_dir.clone(), built.clone()))
        // Before the store is opened: a second launch on this data dir focuses this window.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.show();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            app.manage(state::AppState::open(data_dir.clone()));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            system::app_status,
            system::restore_backup,
            system::keep_what_the_store_has,
            accounts::list_portfolio,
            accounts::create_account,
            accounts::new_account_periods,
            accounts::update_account,
            accounts::delete_account,
            accounts::undo_delete_account,
            accounts::load_sample,
            plans::list_plans,
            plans::get_plan_view,
            plans::save_items,
            plans::delete_buying_center,
            plans::delete_contact,
            plans::roll_forward,
            plans::set_plan_status,
            plans::save_plan_commentary,
            plans::take_snapshot,
            plans::list_snapshots,
            plans::get_snapshot_view,
            plans::suggest_snapshot_label,
            plans::compare_plan,
            catalog::list_offerings,
            catalog::save_offering,
            export::export_pdf,
            export::export_white_space,
            export::export_calendar,
            campaigns::list_campaigns,
            campaigns::save_campaign,
            campaigns::delete_campaign,
            campaigns::my_actions,
            campaigns::team_members,
            portfolio::get_settings,
            portfolio::save_segmentation,
            portfolio::save_weight_profiles,
            portfolio::portfolio_insights,
            portfolio::suggested_scores,
        ])
        .build(context);
    built.store(true, Ordering::SeqCst);
    match result {
        Ok(app) => {
            app.run(|handle, event| {
                if let tauri::RunEvent::Exit = event {
                    if let Some(state) = handle.try_state::<state::AppState>() {
                        state.close();
                    }
                }
            });
            0
        }
        Err(e) => {
            eprintln!("account-planner: could not start the app: {e}");
            eprintln!("account-planner: with no display, run it under Xvfb (xvfb-run -a account-planner) or use the CLI (account-planner --help)");
            1
        }
    }
}
