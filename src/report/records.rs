//! The documents as records to hand over: the processing register, the processors and the breach
//! register, one record per activity, processor or breach, each a list of labelled fields. Pure data
//! here; `csv`, `markdown` and `html` render it with their own escaping.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::documents::{DocumentKind, Documents, LegalBasis};
use crate::text as t;

/// One record: its name (the heading) and its fields, in the order of the document's columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The heading: the activity, the processor, or the breach's id with what happened.
    pub name: String,
    /// The values, one per column of [`Records::columns`].
    pub cells: Vec<String>,
}

/// A document as records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Records {
    /// Which document.
    pub kind: DocumentKind,
    /// Its title.
    pub title: &'static str,
    /// The column labels.
    pub columns: Vec<&'static str>,
    /// The records, in the order they were added (removed ones left out).
    pub rows: Vec<Record>,
}

/// The records of `kind`, with dates and times in `tz`.
pub fn records(kind: DocumentKind, docs: &Documents, now: Timestamp, tz: &TimeZone) -> Records {
    let day = |d: Option<jiff::civil::Date>| d.map_or(String::new(), t::date_long);
    let when = |m: Option<Timestamp>| m.map_or(String::new(), |m| t::date_time_long(m, tz));
    let missing = |labels: Vec<&str>| {
        if labels.is_empty() {
            String::new()
        } else {
            labels.join(", ")
        }
    };
    let title = t::DOCUMENT_LABELS[kind.index()];
    match kind {
        DocumentKind::Register => Records {
            kind,
            title,
            columns: vec![
                t::ID_LABEL,
                t::FIELD_ACTIVITY,
                t::FIELD_PURPOSE,
                t::FIELD_BASIS,
                t::FIELD_INTEREST,
                t::FIELD_PEOPLE,
                t::FIELD_DATA,
                t::FIELD_SPECIAL,
                t::FIELD_CRIMINAL,
                t::FIELD_RECIPIENTS,
                t::FIELD_TRANSFERS,
                t::FIELD_RETENTION,
                t::FIELD_SECURITY,
                t::FIELD_MISSING,
                t::FIELD_UPDATED,
            ],
            rows: docs
                .activities()
                .map(|a| Record {
                    name: a.name.clone(),
                    cells: vec![
                        a.id.clone(),
                        a.name.clone(),
                        a.purpose.clone(),
                        a.basis
                            .map_or(String::new(), |b| t::basis_label(b).to_owned()),
                        if a.basis == Some(LegalBasis::GerechtvaardigdBelang) {
                            a.interest.clone()
                        } else {
                            String::new()
                        },
                        a.people.clone(),
                        a.data.clone(),
                        t::yes_no(a.special).to_owned(),
                        t::yes_no(a.criminal).to_owned(),
                        a.recipients.clone(),
                        a.transfers.clone(),
                        a.retention.clone(),
                        a.security.clone(),
                        missing(a.missing().iter().map(|f| f.label()).collect()),
                        t::date_long(a.stamp.updated.to_zoned_datetime(tz.clone()).date()),
                    ],
                })
                .collect(),
        },
        DocumentKind::Processors => Records {
            kind,
            title,
            columns: vec![
                t::ID_LABEL,
                t::FIELD_PROCESSOR,
                t::FIELD_SERVICE,
                t::FIELD_DATA,
                t::FIELD_LOCATION,
                t::FIELD_SAFEGUARD,
                t::FIELD_AGREEMENT,
                t::FIELD_CHECKED,
                t::FIELD_MISSING,
            ],
            rows: docs
                .processors()
                .map(|p| Record {
                    name: p.name.clone(),
                    cells: vec![
                        p.id.clone(),
                        p.name.clone(),
                        p.service.clone(),
                        p.data.clone(),
                        p.location
                            .map_or(String::new(), |l| t::location_label(l).to_owned()),
                        p.safeguard.clone(),
                        day(p.agreement),
                        day(p.checked),
                        missing(p.missing().into_iter().map(t::processor_missing).collect()),
                    ],
                })
                .collect(),
        },
        DocumentKind::Breaches => Records {
            kind,
            title,
            columns: vec![
                t::ID_LABEL,
                t::FIELD_KIND,
                t::FIELD_FOUND,
                t::FIELD_STATE,
                t::FIELD_WHAT_HAPPENED,
                t::FIELD_BREACH_DATA,
                t::FIELD_BREACH_PEOPLE,
                t::FIELD_CONSEQUENCES,
                t::FIELD_MEASURES,
                t::FIELD_REPORTED_AT,
                t::FIELD_NOT_REPORTED,
                t::FIELD_LATE_BECAUSE,
                t::FIELD_INFORMED_AT,
                t::FIELD_NOT_INFORMED,
                t::FIELD_STEPS,
                t::FIELD_EVALUATION,
                t::FIELD_MISSING,
            ],
            rows: docs
                .incidents()
                .chain(docs.drills())
                .map(|b| Record {
                    name: format!("{} · {}", b.id, b.what),
                    cells: vec![
                        b.id.clone(),
                        t::breach_kind(b.drill).to_owned(),
                        t::date_time_long(b.found, tz),
                        t::breach_state(b, now, tz),
                        b.what.clone(),
                        b.data.clone(),
                        b.people.clone(),
                        b.consequences.clone(),
                        b.measures.clone(),
                        when(b.reported),
                        b.not_reported_because.clone(),
                        b.late_because.clone(),
                        when(b.informed),
                        b.not_informed_because.clone(),
                        b.steps
                            .iter()
                            .map(|s| {
                                t::drill_step(&t::date_time_long(s.at, tz), &s.who, &s.what)
                                    .trim()
                                    .to_owned()
                            })
                            .collect::<Vec<_>>()
                            .join("\n"),
                        b.evaluation.clone(),
                        missing(b.missing()),
                    ],
                })
                .collect(),
        },
    }
}
