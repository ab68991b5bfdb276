// Generates permissions for exactly our own commands, so the capability file can allow only them.
fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(
                tauri_build::AppManifest::new().commands(account_planner_commands::COMMANDS),
            ),
    )
    .expect("tauri build script failed");
}

#[path = "src/commands/names.rs"]
mod account_planner_commands;
