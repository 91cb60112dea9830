//! A session: one sitting in the TUI that changed something.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// One TUI run with changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// When the run started.
    pub start: Timestamp,
    /// When the last change of the run was saved.
    pub end: Timestamp,
    /// Who did the assessment (from the details at the time).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub assessor: String,
    /// Ids changed: global item ids, `intake.FLAG`, `plan.ITEM`, or `details`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<String>,
}
