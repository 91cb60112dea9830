//! Reports: the scan (pure scores and gaps) and its renderings.

pub mod csv;
pub mod document;
pub mod estimate;
#[doc(hidden)]
pub mod fixture;
pub mod html;
pub mod json;
mod json_text;
pub mod listing;
pub mod markdown;
pub mod progress;
pub mod records;
pub mod scan;
pub mod statement_md;
pub mod tasks;
pub mod text;

pub use document::{Band, Document};
pub use listing::{Listing, Unreadable, listing};
pub use scan::{ChecklistScan, Gap, ItemState, Orphan, Scan, Totals};
