//! Reports: the scan (pure scores and gaps) and its renderings.

pub mod json;
pub mod scan;
pub mod text;

pub use scan::{ChecklistScan, Gap, Orphan, Scan, Totals};
