//! The store's errors. Every message is written for the person at the keyboard: the app shows
//! them as they are, so they say what happened and what to do, never a sled or serde internal.

use planner_core::CoreError;
use std::path::{Path, PathBuf};
use thiserror::Error;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

#[derive(Debug, Error)]
pub enum StoreError {
    /// Our lock file (or sled's own lock) is held by another window or process.
    #[error("The plan store is open in another window or process")]
    Locked,

    /// The files do not match the manifest, or sled could not read them. Nothing was written.
    #[error("{}", corrupt_message(detail, latest_backup.as_deref()))]
    Corrupt {
        detail: String,
        /// The newest backup in `<dir>/backups/`, if any: what the user should restore.
        latest_backup: Option<PathBuf>,
    },

    /// The store (or an export file) was written by a newer version of the app.
    #[error(
        "This plan data was written by a newer version of Account Planner (data version {found}; \
         this version reads up to {supported}). Update Account Planner to open it; nothing was changed."
    )]
    NewerSchema { found: u32, supported: u32 },

    #[error("Could not {action}: {source}")]
    Io {
        /// What we were doing, e.g. "write the manifest in /home/x/plans".
        action: String,
        #[source]
        source: std::io::Error,
    },

    /// Data that fails `planner_core::validate`; `location` says where in an import it is.
    #[error("{}", invalid_message(location, error))]
    Invalid { location: String, error: CoreError },

    /// `what` names the missing thing for a user, e.g. "That plan".
    #[error("{0} was not found")]
    NotFound(String),

    /// A stored record or a file that cannot be (de)serialised.
    #[error("Could not read {what}: {source}")]
    Serde {
        what: String,
        #[source]
        source: serde_json::Error,
    },

    /// A file given to `read_export`/`import`/`restore` that is not a usable export.
    #[error("This file cannot be imported: {0}")]
    BadExport(String),

    /// Upgrading an older store failed. Nothing was changed; the pre-upgrade backup stays.
    #[error(
        "Could not upgrade the plan store from version {from} to {to}: {detail}. Nothing was \
         changed; a copy of the data from before the upgrade is in {}",
        backup.display()
    )]
    Migration {
        from: u32,
        to: u32,
        detail: String,
        backup: PathBuf,
    },

    /// A name given to restore that is not the plain file name of a backup in `backups/`.
    #[error("\"{0}\" is not one of the backups in this data folder")]
    NotABackup(String),

    /// sled reported something that is neither IO nor corruption (a bug or unsupported use).
    #[error("The database engine reported an error: {0}")]
    Engine(String),
}

fn corrupt_message(detail: &str, latest_backup: Option<&Path>) -> String {
    let restore = match latest_backup {
        Some(p) => format!(
            "You can restore the latest backup, {}.",
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string())
        ),
        None => "No backup was found; keep the folder as it is and contact support.".to_string(),
    };
    format!(
        "The plan store does not match its manifest or cannot be read: {detail}. Nothing was \
         changed. {restore}"
    )
}

fn invalid_message(location: &str, error: &CoreError) -> String {
    if location.is_empty() {
        error.to_string()
    } else {
        format!("{location}: {error}")
    }
}

impl From<CoreError> for StoreError {
    fn from(error: CoreError) -> Self {
        StoreError::Invalid {
            location: String::new(),
            error,
        }
    }
}

impl StoreError {
    pub(crate) fn io(action: impl Into<String>, source: std::io::Error) -> StoreError {
        StoreError::Io {
            action: action.into(),
            source,
        }
    }

    pub(crate) fn serde(what: impl Into<String>, source: serde_json::Error) -> StoreError {
        StoreError::Serde {
            what: what.into(),
            source,
        }
    }

    pub(crate) fn invalid(location: impl Into<String>, error: CoreError) -> StoreError {
        StoreError::Invalid {
            location: location.into(),
            error,
        }
    }

    /// A stable short code the UI can branch on (offer "restore backup" on `corrupt`...).
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Locked => "locked",
            StoreError::Corrupt { .. } => "corrupt",
            StoreError::NewerSchema { .. } => "newer_schema",
            StoreError::Io { .. } => "io",
            StoreError::Invalid { .. } => "invalid",
            StoreError::NotFound(_) => "not_found",
            StoreError::Serde { .. } => "serde",
            StoreError::BadExport(_) => "bad_export",
            StoreError::Migration { .. } => "migration",
            StoreError::NotABackup(_) => "not_a_backup",
            StoreError::Engine(_) => "engine",
        }
    }
}

/// sled's errors in our terms. Its lock failure is an `Io` error of kind `Other` whose message
/// says "could not acquire lock": that is the other-window case, not a disk problem.
pub(crate) fn from_sled(e: sled::Error) -> StoreError {
    match e {
        sled::Error::Io(io) if io.to_string().contains("could not acquire lock") => {
            StoreError::Locked
        }
        sled::Error::Io(io) => StoreError::io("use the plan database", io),
        sled::Error::Corruption { .. } => StoreError::Corrupt {
            detail: "the database engine found damaged data in its files".into(),
            latest_backup: None,
        },
        other => StoreError::Engine(other.to_string()),
    }
}

pub(crate) trait IoContext<T> {
    fn ctx(self, action: impl FnOnce() -> String) -> Result<T>;
}

impl<T> IoContext<T> for std::io::Result<T> {
    fn ctx(self, action: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|e| StoreError::io(action(), e))
    }
}
