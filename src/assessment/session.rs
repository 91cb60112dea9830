//! A session: one sitting in the TUI that changed something.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// One TUI run with changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// When the run started.
    pub start: Timestamp,
    /// When the last change of the run was saved.
    pub end: Timestamp,
    /// Who did the assessment (from the details at the time).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub assessor: String,
    /// Ids changed: global item ids, `intake.FLAG`, `plan.ITEM`, or `details`. Shared texts: a
    /// year of sessions names the same ids a dozen times (at 10,000 items, 40,000 ids of which
    /// 3,400 differ), and a parsed copy makes each once ([`super::parsed`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<crate::checklist::Text>,
    /// The privacy-law score when the session was last saved, so later content changes do not
    /// rewrite history (absent in files of older versions: then it is computed from the answers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// Ended explicitly by the consultant (a restart then starts a new session).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ended: bool,
    /// The title the consultant gave it ("Intake bij de klant").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
}

/// How long after its last change a session can be continued by the same assessor: a restart
/// within this time (an accidental quit, a break) is the same sitting.
pub const CONTINUE_WITHIN: jiff::SignedDuration = jiff::SignedDuration::from_hours(4);

impl Session {
    /// Whether a run starting at `now` by `assessor` continues this session.
    pub fn continues_at(&self, now: Timestamp, assessor: &str) -> bool {
        !self.ended
            && self.assessor == assessor
            && now >= self.end
            && now.duration_since(self.end) <= CONTINUE_WITHIN
    }
}
