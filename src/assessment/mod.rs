//! Assessments: one organisation's answers, and how they are stored.

pub mod model;
pub mod status;
pub mod store;

pub use model::{Answer, Assessment, FORMAT};
pub use status::{ParseStatusError, Status};
pub use store::{Store, StoreError, Writer};
