//! The documents a business keeps beside its answers: the processing register (art. 30 AVG), the
//! processors (art. 28 AVG) and the breach register (art. 33 lid 5 AVG). Plain data with the checks
//! on it; stored in the assessment (so locked, atomic, 0600, in the hand-over bundle like the
//! answers). A removed record stays as a tombstone with its date, so a comparison can say what
//! changed since a moment.

pub mod breaches;
pub mod drill;
pub mod edit;
pub mod history;
pub mod processors;
pub mod register;
pub mod statement;
pub mod suggest;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

pub use breaches::{Breach, Deadline};
pub use processors::{Location, Processor};
pub use register::{Activity, LegalBasis};
pub use statement::Statement;

/// Which document a task keeps up to date (`document` in `tasks.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// The processing register.
    Register,
    /// The processors.
    Processors,
    /// The breach register.
    Breaches,
}

impl DocumentKind {
    /// The documents in the order the reports list them.
    pub const ALL: [DocumentKind; 3] = [
        DocumentKind::Register,
        DocumentKind::Processors,
        DocumentKind::Breaches,
    ];

    /// Its place in [`DocumentKind::ALL`].
    pub fn index(self) -> usize {
        DocumentKind::ALL
            .iter()
            .position(|k| *k == self)
            .unwrap_or(0)
    }
}

/// Every document of one assessment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Documents {
    /// The processing activities, in the order they were added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// The processors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub processors: Vec<Processor>,
    /// Data breaches and breach drills.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breaches: Vec<Breach>,
}

impl Documents {
    /// Whether nothing was ever recorded.
    pub fn is_empty(&self) -> bool {
        self.activities.is_empty() && self.processors.is_empty() && self.breaches.is_empty()
    }

    /// The activities that are not removed.
    pub fn activities(&self) -> impl Iterator<Item = &Activity> + Clone {
        self.activities.iter().filter(|a| a.stamp.removed.is_none())
    }

    /// The processors that are not removed.
    pub fn processors(&self) -> impl Iterator<Item = &Processor> + Clone {
        self.processors.iter().filter(|p| p.stamp.removed.is_none())
    }

    /// The real incidents (not the drills), oldest first.
    pub fn incidents(&self) -> impl Iterator<Item = &Breach> + Clone {
        self.breaches.iter().filter(|b| !b.drill)
    }

    /// The drills, oldest first (a removed one left out: a drill is not an incident, so it may go).
    pub fn drills(&self) -> impl Iterator<Item = &Breach> + Clone {
        self.breaches
            .iter()
            .filter(|b| b.drill && b.stamp.removed.is_none())
    }

    /// The documents after two processes changed them from `base`: per record (by id) the side
    /// that changed it, or when both did the one changed last. Two records added on both sides
    /// with the same id are both kept (the other side's gets a new id): a breach is never lost.
    pub fn merge(base: &Documents, ours: &Documents, theirs: &Documents) -> Documents {
        Documents {
            activities: merge_records(&base.activities, &ours.activities, &theirs.activities),
            processors: merge_records(&base.processors, &ours.processors, &theirs.processors),
            breaches: merge_records(&base.breaches, &ours.breaches, &theirs.breaches),
        }
    }

    /// What changed in the documents after `moment`: added, changed and removed records, by name.
    pub fn changes_since(&self, moment: Timestamp) -> Vec<Change> {
        let mut out = Vec::new();
        fn note<T: history::Fields>(
            out: &mut Vec<Change>,
            kind: Kind,
            name: &str,
            record: &T,
            moment: Timestamp,
        ) {
            if let Some(what) = record.stamp().change_since(moment) {
                let fields = match what {
                    What::Changed => history::changed_since(record, moment),
                    What::Added | What::Removed => Vec::new(),
                };
                out.push(Change {
                    kind,
                    name: name.to_owned(),
                    what,
                    fields,
                });
            }
        }
        for a in &self.activities {
            note(&mut out, Kind::Activity, &a.name, a, moment);
        }
        for p in &self.processors {
            note(&mut out, Kind::Processor, &p.name, p, moment);
        }
        for b in &self.breaches {
            let kind = if b.drill { Kind::Drill } else { Kind::Breach };
            note(&mut out, kind, &b.what, b, moment);
        }
        out
    }
}

/// A record of a document: its id, stamp and history (for merging and the field history).
pub trait Record: Clone + PartialEq {
    /// Its id.
    fn id(&self) -> &str;
    /// Gives it another id (a record added on both sides of a merge under the same one).
    fn set_id(&mut self, id: String);
    /// When it was added, changed, removed.
    fn stamp(&self) -> &Stamp;
    /// The same, to change.
    fn stamp_mut(&mut self) -> &mut Stamp;
    /// Its revisions, oldest first.
    fn history(&self) -> &[history::Revision];
    /// The same, to add one.
    fn history_mut(&mut self) -> &mut Vec<history::Revision>;
    /// A new id, not among `taken`, for a record added on both sides under the same id.
    fn new_id(&self, taken: &[String]) -> String;
}

/// The accessors of [`Record`] for the record types, which keep them under the same names.
macro_rules! record_accessors {
    () => {
        fn id(&self) -> &str {
            &self.id
        }
        fn set_id(&mut self, id: String) {
            self.id = id;
        }
        fn stamp(&self) -> &Stamp {
            &self.stamp
        }
        fn stamp_mut(&mut self) -> &mut Stamp {
            &mut self.stamp
        }
        fn history(&self) -> &[history::Revision] {
            &self.history
        }
        fn history_mut(&mut self) -> &mut Vec<history::Revision> {
            &mut self.history
        }
    };
}

impl Record for Activity {
    record_accessors!();
    fn new_id(&self, taken: &[String]) -> String {
        id_for(&self.name, taken.iter().map(String::as_str))
    }
}

impl Record for Processor {
    record_accessors!();
    fn new_id(&self, taken: &[String]) -> String {
        id_for(&self.name, taken.iter().map(String::as_str))
    }
}

impl Record for Breach {
    record_accessors!();
    fn new_id(&self, taken: &[String]) -> String {
        // The day is in the id already; a number after it not taken yet.
        let day = self
            .id
            .rsplit_once('-')
            .map_or(self.id.as_str(), |(d, _)| d);
        Breach::numbered(day, taken.iter().map(String::as_str))
    }
}

/// One document's records merged (see [`Documents::merge`]): ours in our order, then theirs
/// that we do not have.
fn merge_records<T: Record>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    let find = |list: &[T], id: &str| list.iter().find(|r| r.id() == id).cloned();
    let mut out: Vec<T> = Vec::new();
    for o in ours {
        let b = find(base, o.id());
        let t = find(theirs, o.id());
        let merged = match (&b, &t) {
            // Added on both sides under one id: two records (theirs follows below).
            (None, Some(t)) if t.stamp().created != o.stamp().created => o.clone(),
            (_, Some(t)) if b.as_ref() == Some(o) => t.clone(),
            (_, Some(t)) if b.as_ref() == Some(t) => o.clone(),
            (_, Some(t)) if t.stamp().updated > o.stamp().updated => t.clone(),
            _ => o.clone(),
        };
        out.push(merged);
    }
    for t in theirs {
        let ours_too = ours.iter().find(|o| o.id() == t.id());
        let kept = match ours_too {
            Some(o)
                if base.iter().all(|b| b.id() != t.id())
                    && o.stamp().created != t.stamp().created =>
            {
                let taken: Vec<String> = out
                    .iter()
                    .chain(theirs)
                    .map(|r| r.id().to_owned())
                    .collect();
                let mut t = t.clone();
                let id = t.new_id(&taken);
                t.set_id(id);
                Some(t)
            }
            Some(_) => None,
            // We removed it from the list entirely (records are never removed, so only a base
            // without it): keep theirs.
            None => Some(t.clone()),
        };
        out.extend(kept);
    }
    out
}

/// When a record was added, last changed and removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stamp {
    /// When it was added.
    pub created: Timestamp,
    /// When it was last changed.
    pub updated: Timestamp,
    /// When it was removed (it stays, so history can say so).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed: Option<Timestamp>,
}

impl Stamp {
    /// A record made at `now`.
    pub fn new(now: Timestamp) -> Stamp {
        Stamp {
            created: now,
            updated: now,
            removed: None,
        }
    }

    /// What happened to the record after `moment`, if anything.
    fn change_since(&self, moment: Timestamp) -> Option<What> {
        match self.removed {
            Some(removed) if removed > moment => Some(What::Removed),
            Some(_) => None,
            None if self.created > moment => Some(What::Added),
            None if self.updated > moment => Some(What::Changed),
            None => None,
        }
    }
}

/// Which document a change is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The processing register.
    Activity,
    /// The processors.
    Processor,
    /// The breach register.
    Breach,
    /// A breach drill.
    Drill,
}

/// What happened to a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    /// It is new.
    Added,
    /// A field changed.
    Changed,
    /// It was removed.
    Removed,
}

/// One record that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Which document.
    pub kind: Kind,
    /// The record's name.
    pub name: String,
    /// What happened.
    pub what: What,
    /// For a changed record, the fields that differ from then, with both values (none when only
    /// a drill step was added, or for a file from before fields had a history).
    pub fields: Vec<history::FieldChange>,
}

/// A field that is required and empty, or a value that is refused, with the field's name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    /// A required field is empty.
    #[error("{0} is leeg")]
    Empty(&'static str),
    /// A value that is not one of those allowed.
    #[error("{field}: \"{value}\" is geen geldige waarde; kies uit {allowed}")]
    NotAllowed {
        /// The field.
        field: &'static str,
        /// What was given.
        value: String,
        /// What is allowed, in words.
        allowed: String,
    },
    /// A date or moment that cannot be read.
    #[error("{field}: \"{value}\" is geen datum; schrijf bijvoorbeeld {example}")]
    BadDate {
        /// The field.
        field: &'static str,
        /// What was given.
        value: String,
        /// An example of what is accepted.
        example: &'static str,
    },
    /// Two fields that do not go together.
    #[error("{0}")]
    Conflict(&'static str),
    /// A moment after now.
    #[error("{0}: dat moment ligt in de toekomst")]
    InFuture(&'static str),
}

impl FieldError {
    /// The field it is about, when it names one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            FieldError::Empty(f) | FieldError::InFuture(f) => Some(f),
            FieldError::NotAllowed { field, .. } | FieldError::BadDate { field, .. } => Some(field),
            FieldError::Conflict(_) => None,
        }
    }
}

/// A record's id from its name: lower case letters and digits, words joined by `-`, unique among
/// `taken` (a second "Nieuwsbrief" becomes `nieuwsbrief-2`).
pub fn id_for<'a>(name: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    let mut base = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            base.push(c);
        } else if !base.ends_with('-') && !base.is_empty() {
            base.push('-');
        }
    }
    let mut base = base.trim_end_matches('-').to_owned();
    base.truncate(40);
    if base.is_empty() {
        base.push_str("item");
    }
    let free = |id: &str| taken.clone().all(|t| t != id);
    if free(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| free(id))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests;

/// What a document still lacks, for the plan: the task that keeps the document gets these lines.
#[derive(Debug, Clone, PartialEq)]
pub enum DocGap {
    /// The register is empty; this many activities are suggested by the intake.
    RegisterEmpty(usize),
    /// Activities with the same empty fields (their names, in register order), one line for all.
    ActivityIncomplete(Vec<String>, Vec<register::Field>),
    /// A processor without a signed agreement (art. 28 lid 3).
    NoAgreement(String),
    /// A processor with other fields missing.
    ProcessorIncomplete(String, Vec<processors::Missing>),
    /// A breach whose 72-hour clock runs or ran out without a decision.
    Clock(String, Deadline),
    /// A breach or drill with fields missing.
    BreachIncomplete(String, Vec<&'static str>),
}

impl DocGap {
    /// How serious it is, on the checklists' scale: an open clock or a missing processor
    /// agreement is hoog, an incomplete record middel.
    pub fn severity(&self) -> crate::checklist::Severity {
        use crate::checklist::Severity;
        match self {
            DocGap::NoAgreement(_) | DocGap::Clock(..) => Severity::High,
            _ => Severity::Medium,
        }
    }

    /// Whether it keeps the task open by itself. An empty register does not: the business may keep
    /// its register elsewhere, and the register's questions say whether it has one.
    pub fn opens_task(&self) -> bool {
        !matches!(self, DocGap::RegisterEmpty(_))
    }

    /// Whether it has a legal deadline running (the 72 hours): it goes before everything.
    pub fn urgent(&self) -> bool {
        matches!(self, DocGap::Clock(..))
    }
}

impl Documents {
    /// What `kind` still lacks at `now`; `suggested` is how many activities the intake suggests
    /// (for an empty register).
    pub fn gaps(&self, kind: DocumentKind, now: Timestamp, suggested: usize) -> Vec<DocGap> {
        match kind {
            DocumentKind::Register => {
                if self.activities().next().is_none() {
                    return vec![DocGap::RegisterEmpty(suggested)];
                }
                // Activities that lack the same fields share one line ("bij „A” en „B” ontbreekt
                // nog: buiten de EER"), in the order of their first.
                let mut out: Vec<DocGap> = Vec::new();
                for a in self.activities().filter(|a| !a.is_complete()) {
                    let missing = a.missing();
                    match out
                        .iter_mut()
                        .find(|g| matches!(g, DocGap::ActivityIncomplete(_, m) if *m == missing))
                    {
                        Some(DocGap::ActivityIncomplete(names, _)) => names.push(a.name.clone()),
                        _ => out.push(DocGap::ActivityIncomplete(vec![a.name.clone()], missing)),
                    }
                }
                out
            }
            DocumentKind::Processors => {
                let mut out = Vec::new();
                for p in self.processors() {
                    let mut missing = p.missing();
                    if missing.first() == Some(&processors::Missing::Agreement) {
                        out.push(DocGap::NoAgreement(p.name.clone()));
                        missing.remove(0);
                    }
                    if !missing.is_empty() {
                        out.push(DocGap::ProcessorIncomplete(p.name.clone(), missing));
                    }
                }
                out
            }
            DocumentKind::Breaches => {
                let mut out = Vec::new();
                // A drill is practice: what it lacks shows on its own screen, not in the plan.
                for b in self.incidents() {
                    if b.open(now) {
                        out.push(DocGap::Clock(b.id.clone(), b.clock(now)));
                    }
                    let missing: Vec<&'static str> = b
                        .missing()
                        .into_iter()
                        .filter(|m| *m != crate::text::FIELD_REPORTED)
                        .collect();
                    if !missing.is_empty() {
                        out.push(DocGap::BreachIncomplete(b.id.clone(), missing));
                    }
                }
                out
            }
        }
    }
}
