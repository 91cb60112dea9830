//! Checklists: the questions, as data loaded from TOML.

mod bundled;
pub mod catalog;
pub mod condition;
pub mod glossary;
pub mod intake;
pub mod load;
pub mod model;
pub mod parse;
pub mod suggest;
pub mod tasks;
pub mod validate;

pub use bundled::{BUNDLED, BUNDLED_GLOSSARY, BUNDLED_TASKS, Compact, parse_toml};
pub use catalog::{Catalog, CatalogError, Content, Replaced};
pub use condition::{Facts, Test, Value};
pub use intake::{Intake, IntakeQuestion};
pub use load::LoadError;
pub use model::{Checklist, Condition, Depth, Entry, Item, Retired, Scope, Severity, Source, Text};
pub use parse::parse_checklist;
