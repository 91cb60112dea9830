//! Assessments: one organisation's answers, and how they are stored.

pub mod archive;
pub mod bundle;
pub mod merge;
pub mod migration;
pub mod model;
pub mod naming;
mod parsed;
pub mod plan;
pub mod session;
pub mod status;
pub mod store;

pub use model::{
    Answer, Assessment, DEFAULT_REVIEW_MONTHS, Details, Earlier, FORMAT, Logo, LogoKind,
    LogoProblem, MAX_LOGO_BYTES, MAX_REVIEW_MONTHS, ScanDepth, Version, parse_email, parse_kvk,
    parse_phone, valid_review_months,
};
pub use plan::{PlanEntry, parse_due};

/// The assessment's name when none is given.
pub const DEFAULT_NAME: &str = "standaard";
pub use session::Session;
pub use status::{ParseStatusError, Status};
pub use store::{Saved, Store, StoreError, Writer};
