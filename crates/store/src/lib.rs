//! planner-store: the plan store. sled 0.34 behind a small typed API; nothing outside this
//! crate sees a sled key or byte.
//!
//! What keeps the data safe (see `/work/shared/TOOLCHAIN.md`, "sled 0.34", for why each is
//! needed):
//! - **Lock**: our own flock on `<dir>/store.lock`, taken before sled opens; sled's own lock
//!   failure maps to the same `StoreError::Locked`.
//! - **Every edit is one sled transaction, flushed before the call returns.** The transaction
//!   also bumps a generation counter and keeps a record count and checksum in the `meta` tree.
//! - **Each commit reaches stable storage before it returns**: sled's flush writes with
//!   `sync_file_range`, so the store adds an fdatasync of sled's log file (and an fsync of
//!   sled's large-value files), as SQLite does with `synchronous=FULL`.
//! - **Manifest** (`<dir>/manifest.json`, written atomically at open, close, backup and at most
//!   once a second during edits) records the generation, count and checksum. At open the store
//!   must not be empty while it lists records, or different from it at the same generation;
//!   otherwise it is refused as `Corrupt` and nothing is written. A store *behind* its manifest
//!   (consistent, but missing edits) opens with an `OpenNotice` until the user chooses. sled is opened
//!   inside `catch_unwind`, and on a *copy* of the files unless they are exactly as the last
//!   clean close left them, because sled modifies some damaged stores while opening them.
//! - **Backups**: an export file written atomically into `<dir>/backups/`, stamped with what
//!   it holds: daily (7 kept), after edits from a background thread and at close (10 kept),
//!   before every migration and import (20 kept); never two of the same content.
//! - **Migrations** rewrite records as JSON values from older schema versions, after a backup.
//!
//! Values are JSON (serde_json) so an old store stays readable by migrations.

mod api;
mod backup;
mod error;
mod fsio;
mod keys;
mod manifest;
mod migrate;
mod store;
mod transfer;
mod types;

#[doc(hidden)]
pub mod testing;

pub use api::Tx;
pub use backup::{recommended, KEEP_DAILY, KEEP_OTHER, KEEP_RECENT};
pub use error::{Result, StoreError};
pub use migrate::SCHEMA_VERSION;
pub use store::Store;
pub use types::*;

#[cfg(test)]
mod send_sync {
    fn assert_send_sync<T: Send + Sync>() {}
    #[test]
    fn store_is_send_and_sync() {
        assert_send_sync::<super::Store>();
    }
}
