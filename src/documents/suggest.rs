//! Suggestions for the register and the processors, from the intake (`documents/suggestions.toml`).
//! A suggestion is only offered: it becomes a record when the user chooses it, and the user
//! checks and completes it.

use jiff::Timestamp;
use serde::Deserialize;

use super::{Activity, Documents, LegalBasis, Processor, Stamp, id_for};
use crate::checklist::{Condition, Facts};

/// The bundled suggestions.
const BUNDLED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/documents/suggestions.toml"
));

/// The suggestions file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    /// Format version.
    #[allow(dead_code)]
    version: u32,
    /// When the content was last reviewed.
    #[allow(dead_code)]
    reviewed: toml::value::Datetime,
    #[serde(default)]
    activities: Vec<ActivityDraft>,
    #[serde(default)]
    processors: Vec<ProcessorDraft>,
}

/// A suggested activity as written in the file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActivityDraft {
    id: String,
    when: Vec<String>,
    name: String,
    #[serde(default)]
    purpose: String,
    basis: Option<LegalBasis>,
    #[serde(default)]
    interest: String,
    #[serde(default)]
    people: String,
    #[serde(default)]
    data: String,
    /// Special categories among the data (art. 9 AVG), such as sick notes.
    #[serde(default)]
    special: bool,
    #[serde(default)]
    recipients: String,
    #[serde(default)]
    transfers: String,
    #[serde(default)]
    retention: String,
    #[serde(default)]
    security: String,
}

/// A suggested processor as written in the file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProcessorDraft {
    id: String,
    when: Vec<String>,
    name: String,
    #[serde(default)]
    service: String,
    #[serde(default)]
    data: String,
}

/// A suggestion: its id, for whom it is (intake conditions), and the record it would add.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion<T> {
    /// Id, to choose it (`--from ID`).
    pub id: String,
    /// The intake conditions; all must hold.
    pub when: Vec<Condition>,
    /// The record as it would be added (its stamp set when it is added).
    pub record: T,
}

/// Every suggestion.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestions {
    /// For the register.
    pub activities: Vec<Suggestion<Activity>>,
    /// For the processors.
    pub processors: Vec<Suggestion<Processor>>,
}

/// Why the suggestions file is wrong (a bundled file is checked by a test, so this is for
/// developers).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("documents/suggestions.toml: {0}")]
pub struct SuggestionsError(String);

fn conditions(id: &str, when: &[String]) -> Result<Vec<Condition>, SuggestionsError> {
    when.iter()
        .map(|w| {
            Condition::parse(w, (0, 0))
                .ok_or_else(|| SuggestionsError(format!("{id}: \"{w}\" is geen voorwaarde")))
        })
        .collect()
}

impl Suggestions {
    /// The bundled suggestions, parsed once per process.
    pub fn bundled() -> &'static Suggestions {
        static BUNDLED_SUGGESTIONS: std::sync::OnceLock<Suggestions> = std::sync::OnceLock::new();
        BUNDLED_SUGGESTIONS
            .get_or_init(|| Suggestions::parse(BUNDLED).unwrap_or_else(|e| panic!("{e}")))
    }

    /// Parses a suggestions file.
    pub fn parse(text: &str) -> Result<Suggestions, SuggestionsError> {
        let file: File = toml::from_str(text).map_err(|e| SuggestionsError(e.to_string()))?;
        let epoch = Stamp::new(Timestamp::UNIX_EPOCH);
        let activities = file
            .activities
            .into_iter()
            .map(|d| {
                Ok(Suggestion {
                    when: conditions(&d.id, &d.when)?,
                    record: Activity {
                        id: d.id.clone(),
                        name: d.name,
                        purpose: d.purpose,
                        basis: d.basis,
                        interest: d.interest,
                        people: d.people,
                        data: d.data,
                        special: d.special,
                        criminal: false,
                        recipients: d.recipients,
                        transfers: d.transfers,
                        retention: d.retention,
                        security: d.security,
                        history: Vec::new(),
                        stamp: epoch,
                    },
                    id: d.id,
                })
            })
            .collect::<Result<_, _>>()?;
        let processors = file
            .processors
            .into_iter()
            .map(|d| {
                Ok(Suggestion {
                    when: conditions(&d.id, &d.when)?,
                    record: Processor {
                        id: d.id.clone(),
                        name: d.name,
                        service: d.service,
                        data: d.data,
                        location: None,
                        safeguard: String::new(),
                        agreement: None,
                        checked: None,
                        history: Vec::new(),
                        stamp: epoch,
                    },
                    id: d.id,
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Suggestions {
            activities,
            processors,
        })
    }

    /// The activities suggested for a business with these (effective) intake facts that are not
    /// in the register yet (by id or by name), in file order.
    pub fn activities_for<'a>(
        &'a self,
        facts: &'a Facts,
        documents: &'a Documents,
    ) -> impl Iterator<Item = &'a Suggestion<Activity>> {
        self.activities.iter().filter(move |s| {
            fits(&s.when, facts)
                && !documents
                    .activities()
                    .any(|a| a.id == s.id || a.name.eq_ignore_ascii_case(&s.record.name))
        })
    }

    /// The processors suggested for these facts that are not in the list yet.
    pub fn processors_for<'a>(
        &'a self,
        facts: &'a Facts,
        documents: &'a Documents,
    ) -> impl Iterator<Item = &'a Suggestion<Processor>> {
        self.processors.iter().filter(move |s| {
            fits(&s.when, facts)
                && !documents
                    .processors()
                    .any(|p| p.id == s.id || p.name.eq_ignore_ascii_case(&s.record.name))
        })
    }
}

/// Whether every condition holds for a known fact (an unanswered question suggests nothing).
fn fits(when: &[Condition], facts: &Facts) -> bool {
    when.iter().all(|c| c.holds_strictly(facts.get(&c.flag)))
}

/// A suggested record made into one of the user's, at `now`, with an id not yet taken.
pub fn adopt_activity(
    suggestion: &Suggestion<Activity>,
    documents: &Documents,
    now: Timestamp,
) -> Activity {
    let mut record = suggestion.record.clone();
    record.id = id_for(
        &suggestion.id,
        documents.activities.iter().map(|a| a.id.as_str()),
    );
    record.stamp = Stamp::new(now);
    record
}

/// A suggested processor made into one of the user's.
pub fn adopt_processor(
    suggestion: &Suggestion<Processor>,
    documents: &Documents,
    now: Timestamp,
) -> Processor {
    let mut record = suggestion.record.clone();
    record.id = id_for(
        &suggestion.id,
        documents.processors.iter().map(|p| p.id.as_str()),
    );
    record.stamp = Stamp::new(now);
    record
}
