//! The history of a record, field by field: every change keeps the old values of the fields it
//! changed ([`Revision`]), so a comparison can say what a field was at a moment and what it is now
//! ("bewaartermijn: „1 jaar” → „2 jaar na afmelden”"). Recorded in one place, by the edits
//! ([`super::edit`]) that the CLI and the TUI share.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{Activity, Breach, Processor};
use crate::text as t;

/// One change of a record: when, and the values the changed fields had before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    /// When the record was changed.
    pub at: Timestamp,
    /// The old value per field (by its label's key, see [`Fields::fields`]).
    pub old: BTreeMap<String, String>,
}

/// A field that is different now from what it was at a moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// The field's label.
    pub label: &'static str,
    /// Its value then (empty: not filled in).
    pub old: String,
    /// Its value now.
    pub new: String,
}

/// A record whose fields are kept with their history.
pub trait Fields: super::Record {
    /// Every field that can be edited: a stable key, the label, and the value as text (a moment as
    /// RFC 3339, a date as yyyy-mm-dd, a choice by its label).
    fn fields(&self) -> Vec<(&'static str, &'static str, String)>;
}

/// Records that `after` was changed from `before` at `now`: the old values of the fields that
/// differ are kept and the stamp says when. A record made at `now` keeps no revision (there was
/// nothing before). Returns whether anything changed.
pub fn record<T: Fields + PartialEq>(before: &T, after: &mut T, now: Timestamp) -> bool {
    if before == after {
        return false;
    }
    let old: BTreeMap<String, String> = before
        .fields()
        .into_iter()
        .zip(after.fields())
        .filter(|((_, _, was), (_, _, is))| was != is)
        .map(|((key, _, was), _)| (key.to_owned(), was))
        .collect();
    let made_now = after.stamp_mut().created == now;
    if !old.is_empty() && !made_now {
        after.history_mut().push(Revision { at: now, old });
    }
    after.stamp_mut().updated = now;
    true
}

/// The fields that differ now from what they were at `moment`, in the record's field order.
pub fn changed_since<T: Fields>(record: &T, moment: Timestamp) -> Vec<FieldChange> {
    let now = record.fields();
    let mut then: BTreeMap<&str, String> = now
        .iter()
        .map(|(key, _, value)| (*key, value.clone()))
        .collect();
    // Back from the newest change to the first after the moment.
    for revision in record.history().iter().rev().filter(|r| r.at > moment) {
        for (key, old) in &revision.old {
            if let Some(value) = then.get_mut(key.as_str()) {
                value.clone_from(old);
            }
        }
    }
    now.into_iter()
        .filter_map(|(key, label, new)| {
            let old = then.remove(key).unwrap_or_default();
            (old != new).then_some(FieldChange { label, old, new })
        })
        .collect()
}

/// Every change of the record, newest first: when, and per changed field its label and the value
/// it had before (the fields in the record's order).
pub fn earlier<T: Fields>(record: &T) -> Vec<(Timestamp, Vec<(&'static str, String)>)> {
    let fields = record.fields();
    record
        .history()
        .iter()
        .rev()
        .map(|revision| {
            let old = fields
                .iter()
                .filter_map(|(key, label, _)| {
                    revision.old.get(*key).map(|value| (*label, value.clone()))
                })
                .collect();
            (revision.at, old)
        })
        .collect()
}

fn day(d: Option<jiff::civil::Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn moment(m: Option<Timestamp>) -> String {
    m.map(|m| m.to_string()).unwrap_or_default()
}

impl Fields for Activity {
    fn fields(&self) -> Vec<(&'static str, &'static str, String)> {
        vec![
            ("name", t::FIELD_ACTIVITY, self.name.clone()),
            ("purpose", t::FIELD_PURPOSE, self.purpose.clone()),
            (
                "basis",
                t::FIELD_BASIS,
                self.basis
                    .map_or(String::new(), |b| t::basis_label(b).to_owned()),
            ),
            ("interest", t::FIELD_INTEREST, self.interest.clone()),
            ("people", t::FIELD_PEOPLE, self.people.clone()),
            ("data", t::FIELD_DATA, self.data.clone()),
            (
                "special",
                t::FIELD_SPECIAL,
                t::yes_no(self.special).to_owned(),
            ),
            (
                "criminal",
                t::FIELD_CRIMINAL,
                t::yes_no(self.criminal).to_owned(),
            ),
            ("recipients", t::FIELD_RECIPIENTS, self.recipients.clone()),
            ("transfers", t::FIELD_TRANSFERS, self.transfers.clone()),
            ("retention", t::FIELD_RETENTION, self.retention.clone()),
            ("security", t::FIELD_SECURITY, self.security.clone()),
        ]
    }
}

impl Fields for Processor {
    fn fields(&self) -> Vec<(&'static str, &'static str, String)> {
        vec![
            ("name", t::FIELD_PROCESSOR, self.name.clone()),
            ("service", t::FIELD_SERVICE, self.service.clone()),
            ("data", t::FIELD_DATA, self.data.clone()),
            (
                "location",
                t::FIELD_LOCATION,
                self.location
                    .map_or(String::new(), |l| t::location_label(l).to_owned()),
            ),
            ("safeguard", t::FIELD_SAFEGUARD, self.safeguard.clone()),
            ("agreement", t::FIELD_AGREEMENT, day(self.agreement)),
            ("checked", t::FIELD_CHECKED, day(self.checked)),
        ]
    }
}

impl Fields for Breach {
    fn fields(&self) -> Vec<(&'static str, &'static str, String)> {
        vec![
            ("found", t::FIELD_FOUND, self.found.to_string()),
            ("what", t::FIELD_WHAT_HAPPENED, self.what.clone()),
            ("data", t::FIELD_BREACH_DATA, self.data.clone()),
            ("people", t::FIELD_BREACH_PEOPLE, self.people.clone()),
            (
                "consequences",
                t::FIELD_CONSEQUENCES,
                self.consequences.clone(),
            ),
            ("measures", t::FIELD_MEASURES, self.measures.clone()),
            ("reported", t::FIELD_REPORTED_AT, moment(self.reported)),
            (
                "not-reported",
                t::FIELD_NOT_REPORTED,
                self.not_reported_because.clone(),
            ),
            ("late", t::FIELD_LATE_BECAUSE, self.late_because.clone()),
            ("informed", t::FIELD_INFORMED_AT, moment(self.informed)),
            (
                "not-informed",
                t::FIELD_NOT_INFORMED,
                self.not_informed_because.clone(),
            ),
            ("evaluation", t::FIELD_EVALUATION, self.evaluation.clone()),
        ]
    }
}
