//! planner-core: the account-planning domain. Model, validation, derived figures and the
//! org-chart layout. No IO: no Tauri, no storage, no PDF (see docs/architecture.md).

pub mod calendar;
pub mod campaigns;
pub mod compare;
pub mod completeness;
pub mod error;
pub mod figures;
pub mod health;
pub mod layout;
pub mod model;
pub mod money;
pub mod osa;
pub mod plan_ops;
pub mod portfolio;
pub mod relmap;
pub mod renewals;
pub mod sample;
pub mod segmentation;
pub mod validate;
pub mod view;
pub mod whitespace;
pub mod workload;

pub use error::{CoreError, CoreResult};
pub use model::*;
pub use money::{Currency, Money};
