//! One organisation's answers: plain data plus pure updates.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::status::Status;

/// The file format this build writes and the newest it reads.
pub const FORMAT: u32 = 1;

/// The answer to one item, keyed by global item id in [`Assessment::answers`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The answer; absent when only a note was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Free text from the user.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When the status or note was last changed.
    pub answered_at: Timestamp,
}

/// An organisation's self-assessment, as stored in one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// File format version; see [`FORMAT`].
    pub format: u32,
    /// Name of the organisation assessed.
    #[serde(default)]
    pub organisation: String,
    /// When the assessment was started.
    pub created: Timestamp,
    /// When anything in it last changed.
    pub updated: Timestamp,
    /// Answers by global item id. Answers to items that no longer exist are kept.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
}

impl Assessment {
    /// A new, empty assessment.
    pub fn new(organisation: impl Into<String>, now: Timestamp) -> Self {
        Assessment {
            format: FORMAT,
            organisation: organisation.into(),
            created: now,
            updated: now,
            answers: BTreeMap::new(),
        }
    }

    /// The status given for an item, if any.
    pub fn status(&self, id: &str) -> Option<Status> {
        self.answers.get(id).and_then(|a| a.status)
    }

    /// The note on an item ("" when none).
    pub fn note(&self, id: &str) -> &str {
        self.answers.get(id).map_or("", |a| a.note.as_str())
    }

    /// Sets or clears the status of an item; returns whether anything changed.
    pub fn set_status(&mut self, id: &str, status: Option<Status>, now: Timestamp) -> bool {
        if self.status(id) == status {
            return false;
        }
        let entry = self.answers.entry(id.to_owned()).or_insert_with(|| Answer {
            status: None,
            note: String::new(),
            answered_at: now,
        });
        entry.status = status;
        entry.answered_at = now;
        self.drop_if_empty(id);
        self.updated = now;
        true
    }

    /// Sets the note of an item (trailing whitespace trimmed); returns whether anything changed.
    pub fn set_note(&mut self, id: &str, note: &str, now: Timestamp) -> bool {
        let note = note.trim_end();
        if self.note(id) == note {
            return false;
        }
        let entry = self.answers.entry(id.to_owned()).or_insert_with(|| Answer {
            status: None,
            note: String::new(),
            answered_at: now,
        });
        entry.note = note.to_owned();
        entry.answered_at = now;
        self.drop_if_empty(id);
        self.updated = now;
        true
    }

    fn drop_if_empty(&mut self, id: &str) {
        if self
            .answers
            .get(id)
            .is_some_and(|a| a.status.is_none() && a.note.is_empty())
        {
            self.answers.remove(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_second(seconds).unwrap()
    }

    #[test]
    fn answering_records_status_time_and_update() {
        let mut a = Assessment::new("Bakkerij", at(0));
        assert!(a.set_status("x.y", Some(Status::Yes), at(10)));
        assert_eq!(a.status("x.y"), Some(Status::Yes));
        assert_eq!(a.answers["x.y"].answered_at, at(10));
        assert_eq!(a.updated, at(10));
        assert!(
            !a.set_status("x.y", Some(Status::Yes), at(20)),
            "same answer is no change"
        );
        assert_eq!(a.updated, at(10));
    }

    #[test]
    fn clearing_keeps_a_note_and_drops_an_empty_entry() {
        let mut a = Assessment::new("", at(0));
        a.set_status("x.y", Some(Status::No), at(1));
        a.set_note("x.y", "nog doen  \n", at(2));
        assert_eq!(a.note("x.y"), "nog doen");
        a.set_status("x.y", None, at(3));
        assert_eq!(a.status("x.y"), None);
        assert_eq!(a.note("x.y"), "nog doen");
        a.set_note("x.y", "", at(4));
        assert!(!a.answers.contains_key("x.y"));
    }
}
