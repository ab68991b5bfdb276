//! Typed validation errors. Each names the field it belongs to so the UI can show it there.

use serde::Serialize;
use thiserror::Error;

/// Longest free text we accept in any field; longer text is almost always a paste accident.
pub const MAX_TEXT: usize = 10_000;
/// Longest name (accounts, people, offerings...): names are printed in tables.
pub const MAX_NAME: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CoreError {
    #[error("{label} cannot be empty")]
    Empty { field: String, label: String },
    #[error("{label} is too long ({len} characters; at most {max})")]
    TooLong {
        field: String,
        label: String,
        len: usize,
        max: usize,
    },
    #[error("{label} cannot be negative")]
    Negative { field: String, label: String },
    #[error("{label} must be between {min} and {max} (got {value})")]
    OutOfRange {
        field: String,
        label: String,
        min: i64,
        max: i64,
        value: i64,
    },
    #[error("\"{code}\" is not an ISO 4217 currency code (for example EUR, USD, GBP)")]
    UnknownCurrency { field: String, code: String },
    #[error("{who} cannot report to {manager}: that would make a loop ({})", names.join(" → "))]
    ReportsToCycle {
        field: String,
        who: String,
        manager: String,
        names: Vec<String>,
    },
    #[error("{what} not found")]
    NotFound { field: String, what: String },
    #[error("{message}")]
    Conflict { field: String, message: String },
    /// An edit of a closed plan: the plan stays as it was printed until someone reopens it.
    #[error("This plan is closed: reopen it to edit")]
    PlanClosed { field: String, period: String },
}

impl CoreError {
    /// The form field the error belongs to (dotted path, e.g. `total_wallet`).
    pub fn field(&self) -> &str {
        match self {
            CoreError::Empty { field, .. }
            | CoreError::TooLong { field, .. }
            | CoreError::Negative { field, .. }
            | CoreError::OutOfRange { field, .. }
            | CoreError::UnknownCurrency { field, .. }
            | CoreError::ReportsToCycle { field, .. }
            | CoreError::NotFound { field, .. }
            | CoreError::Conflict { field, .. }
            | CoreError::PlanClosed { field, .. } => field,
        }
    }

    /// A short stable code the UI can branch on.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::Empty { .. } => "empty",
            CoreError::TooLong { .. } => "too_long",
            CoreError::Negative { .. } => "negative",
            CoreError::OutOfRange { .. } => "out_of_range",
            CoreError::UnknownCurrency { .. } => "unknown_currency",
            CoreError::ReportsToCycle { .. } => "reports_to_cycle",
            CoreError::NotFound { .. } => "not_found",
            CoreError::Conflict { .. } => "conflict",
            CoreError::PlanClosed { .. } => "plan_closed",
        }
    }

    pub fn not_found(field: &str, what: impl Into<String>) -> Self {
        CoreError::NotFound {
            field: field.into(),
            what: what.into(),
        }
    }

    pub fn conflict(field: &str, message: impl Into<String>) -> Self {
        CoreError::Conflict {
            field: field.into(),
            message: message.into(),
        }
    }
}

pub type CoreResult<T> = Result<T, CoreError>;
