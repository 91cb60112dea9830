//! The breach register (art. 33 lid 5 AVG): every incident stays in it, reported or not, with the
//! 72-hour clock for reporting to the Autoriteit Persoonsgegevens (art. 33 lid 1) and the decision
//! about informing the people concerned (art. 34). A drill (oefening) is kept in the same list,
//! marked, with who did what when and an evaluation.

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use super::{FieldError, Stamp};
use crate::text as t;

/// How long after discovering a breach it must be reported to the AP, where feasible (art. 33 lid 1).
pub const REPORT_WITHIN: SignedDuration = SignedDuration::from_hours(72);

/// One breach, or one drill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Breach {
    /// Id: the day it was found and a number ("2026-12-01-1").
    pub id: String,
    /// When the business became aware of it: the clock starts here.
    pub found: Timestamp,
    /// What happened.
    pub what: String,
    /// Which personal data.
    #[serde(default)]
    pub data: String,
    /// How many people, as far as known ("ongeveer 40").
    #[serde(default)]
    pub people: String,
    /// The likely consequences for them.
    #[serde(default)]
    pub consequences: String,
    /// The measures taken.
    #[serde(default)]
    pub measures: String,
    /// When it was reported to the AP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported: Option<Timestamp>,
    /// Why it was not reported: it is unlikely to be a risk to the people (art. 33 lid 1).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub not_reported_because: String,
    /// Why a report after 72 hours came late (art. 33 lid 1, second sentence).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub late_because: String,
    /// When the people concerned were informed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub informed: Option<Timestamp>,
    /// Why they were not informed (no high risk, or an exception of art. 34 lid 3).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub not_informed_because: String,
    /// A drill, not a real incident.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub drill: bool,
    /// A drill's steps: who did what when.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
    /// Afterwards: what happened, why, what to improve.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evaluation: String,
    /// Earlier values of its fields, one revision per change.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<super::history::Revision>,
    /// Added, changed, removed.
    #[serde(flatten)]
    pub stamp: Stamp,
}

/// One step of a drill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// When.
    pub at: Timestamp,
    /// Who.
    #[serde(default)]
    pub who: String,
    /// What was done.
    pub what: String,
    /// The drill step it was ([`drill::ScriptStep`](super::drill::ScriptStep)'s id); empty for a
    /// step typed freely.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub step: String,
}

/// Where the reporting decision stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deadline {
    /// No decision yet and time left: the deadline and the time left.
    Running(Timestamp, SignedDuration),
    /// No decision and the 72 hours are over: the deadline and how long ago.
    Passed(Timestamp, SignedDuration),
    /// Reported to the AP, at this moment; `true` when that was within 72 hours.
    Reported(Timestamp, bool),
    /// Not reported, with a reason.
    NotReportable,
}

impl Breach {
    /// A new incident (or drill) found at `found`, recorded at `now`, with an id not in `taken`.
    pub fn new<'a>(
        found: Timestamp,
        what: &str,
        drill: bool,
        now: Timestamp,
        tz: &jiff::tz::TimeZone,
        taken: impl Iterator<Item = &'a str> + Clone,
    ) -> Breach {
        Breach {
            id: Breach::next_id(found, tz, taken),
            found,
            what: what.trim().to_owned(),
            data: String::new(),
            people: String::new(),
            consequences: String::new(),
            measures: String::new(),
            reported: None,
            not_reported_because: String::new(),
            late_because: String::new(),
            informed: None,
            not_informed_because: String::new(),
            drill,
            steps: Vec::new(),
            evaluation: String::new(),
            history: Vec::new(),
            stamp: Stamp::new(now),
        }
    }

    /// The id of a breach found at `found`: the local day and the first number not in `taken`
    /// ("2026-12-01-2").
    pub fn next_id<'a>(
        found: Timestamp,
        tz: &jiff::tz::TimeZone,
        taken: impl Iterator<Item = &'a str> + Clone,
    ) -> String {
        let day = found.to_zoned_datetime(tz.clone()).date();
        Breach::numbered(&day.to_string(), taken)
    }

    /// `day` and the first number after it not in `taken` ("2026-12-01-2"): the one rule for a
    /// breach id, also when a merge gives a breach a new one.
    pub fn numbered<'a>(day: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
        (1..)
            .map(|n| format!("{day}-{n}"))
            .find(|id| taken.clone().all(|t| t != id))
            .unwrap_or_default()
    }

    /// The moment the report to the AP is due: 72 hours after it was found (real hours, so across
    /// a change to or from summer time the local clock shows one hour more or less).
    pub fn deadline(&self) -> Timestamp {
        self.found
            .saturating_add(REPORT_WITHIN)
            .unwrap_or(self.found)
    }

    /// The clock at `now`.
    pub fn clock(&self, now: Timestamp) -> Deadline {
        if let Some(at) = self.reported {
            return Deadline::Reported(at, at <= self.deadline());
        }
        if !self.not_reported_because.trim().is_empty() {
            return Deadline::NotReportable;
        }
        let left = self.deadline().duration_since(now);
        if left.is_negative() {
            Deadline::Passed(self.deadline(), -left)
        } else {
            Deadline::Running(self.deadline(), left)
        }
    }

    /// Whether the clock still asks for a decision (shown in the header and by `pqs datalek`).
    pub fn open(&self, now: Timestamp) -> bool {
        matches!(
            self.clock(now),
            Deadline::Running(..) | Deadline::Passed(..)
        )
    }

    /// What the register still lacks for this incident, as field labels (art. 33 lid 5: the facts,
    /// the consequences and the measures; and the decisions of art. 33 and 34).
    pub fn missing(&self) -> Vec<&'static str> {
        let empty = |text: &str| text.trim().is_empty();
        let mut out = Vec::new();
        for (label, value) in [
            (t::FIELD_BREACH_DATA, &self.data),
            (t::FIELD_BREACH_PEOPLE, &self.people),
            (t::FIELD_CONSEQUENCES, &self.consequences),
            (t::FIELD_MEASURES, &self.measures),
        ] {
            if empty(value) {
                out.push(label);
            }
        }
        if self.reported.is_none() && empty(&self.not_reported_because) {
            out.push(t::FIELD_REPORTED);
        }
        if self.reported.is_some_and(|at| at > self.deadline()) && empty(&self.late_because) {
            out.push(t::FIELD_LATE_BECAUSE);
        }
        if self.informed.is_none() && empty(&self.not_informed_because) {
            out.push(t::FIELD_INFORMED);
        }
        if self.drill && empty(&self.evaluation) {
            out.push(t::FIELD_EVALUATION);
        }
        out
    }

    /// Checks what cannot be stored: no description, a report or notice before it was found, a
    /// report with a reason not to report.
    pub fn check(&self) -> Result<(), FieldError> {
        if self.what.trim().is_empty() {
            return Err(FieldError::Empty(t::FIELD_WHAT_HAPPENED));
        }
        if self.reported.is_some_and(|at| at < self.found)
            || self.informed.is_some_and(|at| at < self.found)
        {
            return Err(FieldError::Conflict(t::BREACH_BEFORE_FOUND));
        }
        if self.reported.is_some() && !self.not_reported_because.trim().is_empty() {
            return Err(FieldError::Conflict(t::BREACH_REPORTED_AND_NOT));
        }
        if self.informed.is_some() && !self.not_informed_because.trim().is_empty() {
            return Err(FieldError::Conflict(t::BREACH_INFORMED_AND_NOT));
        }
        Ok(())
    }
}
