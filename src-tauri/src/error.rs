//! The one error type that crosses the IPC bridge and the CLI: a stable code, a message a
//! user can read, and the form field it belongs to when there is one.

use planner_core::CoreError;
use planner_store::StoreError;
use serde::Serialize;
use thiserror::Error;
use ts_rs::TS;

#[derive(Debug, Error)]
pub enum AppError {
    #[error(transparent)]
    Invalid(#[from] CoreError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0} not found")]
    NotFound(String),
    #[error("The plan store is not open: {0}")]
    NoStore(String),
    #[error("Could not write the PDF: {0}")]
    Pdf(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// A choice (paper, document, format...) that is not one of the allowed values.
    #[error("\"{value}\" is not a valid {field} (expected {})", allowed.join(" or "))]
    UnknownOption {
        field: &'static str,
        value: String,
        allowed: &'static [&'static str],
    },
}

/// What the UI receives when a command fails.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ApiError {
    pub code: String,
    pub message: String,
    pub field: Option<String>,
}

impl AppError {
    pub fn code(&self) -> String {
        match self {
            AppError::Invalid(e) => e.code().to_string(),
            AppError::Store(e) => e.code().to_string(),
            AppError::NotFound(_) => "not_found".into(),
            AppError::NoStore(_) => "no_store".into(),
            AppError::Pdf(_) => "pdf".into(),
            AppError::Io(_) => "io".into(),
            AppError::UnknownOption { .. } => "unknown_option".into(),
        }
    }

    pub fn to_api(&self) -> ApiError {
        ApiError {
            code: self.code(),
            message: self.to_string(),
            field: match self {
                AppError::Invalid(e) => Some(e.field().to_string()),
                AppError::UnknownOption { field, .. } => Some(field.to_string()),
                _ => None,
            },
        }
    }
}

impl Serialize for AppError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_api().serialize(s)
    }
}

pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;

    /// The recovery screen branches on these codes (ui/src/app/recovery.ts): they must not
    /// change by accident.
    #[test]
    fn the_codes_the_recovery_screen_acts_on() {
        let code = |e: StoreError| AppError::from(e).to_api().code;
        assert_eq!(code(StoreError::Locked), "locked");
        assert_eq!(
            code(StoreError::NewerSchema {
                found: 9,
                supported: 2
            }),
            "newer_schema"
        );
        assert_eq!(
            code(StoreError::Corrupt {
                detail: "x".into(),
                latest_backup: None
            }),
            "corrupt"
        );
        assert_eq!(code(StoreError::NotABackup("../x".into())), "not_a_backup");
    }
}
