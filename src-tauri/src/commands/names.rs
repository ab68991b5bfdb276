// The app's own IPC commands: build.rs generates one permission per name, and
// capabilities/main.json allows exactly these. lib.rs registers the same list.
pub const COMMANDS: &[&str] = &[
    "app_status",
    "restore_backup",
    "list_portfolio",
    "create_account",
    "update_account",
    "delete_account",
    "undo_delete_account",
    "load_sample",
    "list_plans",
    "get_plan_view",
    "save_items",
    "delete_buying_center",
    "delete_contact",
    "roll_forward",
    "take_snapshot",
    "list_snapshots",
    "get_snapshot_view",
    "list_offerings",
    "save_offering",
    "export_pdf",
];
