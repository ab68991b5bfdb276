//! Thin IPC commands, one file per feature: take state and arguments, call the service or
//! store, map the error. Their names are listed once in `names.rs`.

pub mod accounts;
pub mod campaigns;
pub mod catalog;
pub mod export;
pub mod names;
pub mod plans;
pub mod portfolio;
pub mod system;
