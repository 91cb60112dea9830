//! Checklists: the questions, as data loaded from TOML.

mod bundled;
pub mod catalog;
pub mod intake;
pub mod load;
pub mod model;
pub mod suggest;

pub use bundled::BUNDLED;
pub use catalog::{Catalog, CatalogError};
pub use intake::{Intake, IntakeQuestion};
pub use load::{LoadError, parse_checklist};
pub use model::{Checklist, Condition, Item, Severity, Source};
