//! One organisation's answers: plain data plus pure updates.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::plan::PlanEntry;
use super::session::Session;
use super::status::Status;
use crate::checklist::{Depth, Facts, Text, Value};

/// The file format this build writes and the newest it reads.
pub const FORMAT: u32 = 3;

/// How long an answer stays fresh when the assessment sets no period.
pub const DEFAULT_REVIEW_MONTHS: u32 = 12;

/// How deep an assessment goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScanDepth {
    /// The quick scan: the `basis` questions only (what an entrepreneur starts with).
    Snel,
    /// The full scan: every question (what a consultant picks).
    Volledig,
}

impl ScanDepth {
    /// Whether an item of `depth` is asked at this depth.
    pub fn includes(self, depth: Depth) -> bool {
        self == ScanDepth::Volledig || depth == Depth::Basis
    }

    /// The identifier used in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ScanDepth::Snel => "snel",
            ScanDepth::Volledig => "volledig",
        }
    }
}

/// An earlier version of an answer, kept so any two moments can be compared.
///
/// In the file (format 3 on) a version's `note` is written only when it differs from the version
/// after it (the next one in the history, or the current answer): a year of sessions that change
/// the status but not the note does not repeat the note a dozen times. Format 1 and 2 files, which
/// wrote every note and left an empty one out, still read as they did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "EarlierOnDisk")]
pub struct Earlier {
    /// The status then; absent when there was only a note or the answer was cleared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// The note then.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub note: Text,
    /// When that version was given.
    pub at: Timestamp,
    /// Read from a file without a `note`: what that means depends on the file's format, so
    /// [`Assessment::resolve_notes`] fills it in once the format is known.
    #[serde(skip)]
    pub(crate) note_absent: bool,
}

impl Earlier {
    /// A version with this status and note, given at `at`.
    pub fn new(status: Option<Status>, note: impl Into<Text>, at: Timestamp) -> Earlier {
        Earlier {
            status,
            note: note.into(),
            at,
            note_absent: false,
        }
    }
}

/// [`Earlier`] as the file holds it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EarlierOnDisk {
    #[serde(default)]
    status: Option<Status>,
    #[serde(default)]
    note: Option<Text>,
    #[serde(deserialize_with = "crate::clock::deserialize_timestamp")]
    at: Timestamp,
}

impl From<EarlierOnDisk> for Earlier {
    fn from(disk: EarlierOnDisk) -> Earlier {
        Earlier {
            status: disk.status,
            note_absent: disk.note.is_none(),
            note: disk.note.unwrap_or_default(),
            at: disk.at,
        }
    }
}

/// The first file format that leaves out a history note equal to the next version's.
pub const FORMAT_SHARED_NOTES: u32 = 3;

/// The answer to one item, keyed by global item id in [`Assessment::answers`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The answer; absent when only a note was written (or the answer was cleared).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Free text from the user.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub note: Text,
    /// When the status or note was last changed or confirmed.
    #[serde(deserialize_with = "crate::clock::deserialize_timestamp")]
    pub answered_at: Timestamp,
    /// Fingerprint of the question text this status answered (see `Item::fingerprint`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// Earlier versions, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Earlier>,
}

impl Answer {
    fn empty(now: Timestamp) -> Answer {
        Answer {
            status: None,
            note: Text::default(),
            answered_at: now,
            question: None,
            history: Vec::new(),
        }
    }

    /// Keeps the current version in the history before it changes.
    fn remember(&mut self) {
        self.history.push(Earlier::new(
            self.status,
            self.note.clone(),
            self.answered_at,
        ));
    }

    /// Fills in the history notes a file left out: in `format` 3 and later the note of the version
    /// after it, before that an empty note.
    fn resolve_notes(&mut self, format: u32) {
        let mut newer = &self.note;
        for earlier in self.history.iter_mut().rev() {
            if earlier.note_absent {
                if format >= FORMAT_SHARED_NOTES {
                    // The same text, not a copy: a year of sessions holds one note a dozen times.
                    earlier.note = newer.clone();
                }
                earlier.note_absent = false;
            }
            newer = &earlier.note;
        }
    }

    /// The history, oldest first, each version with its note as a file holds it: `None` when it
    /// equals the next version's (see [`Earlier`]).
    pub(crate) fn history_with_notes(&self) -> impl Iterator<Item = (&Earlier, Option<&str>)> {
        let newer = self
            .history
            .iter()
            .skip(1)
            .map(|e| e.note.as_str())
            .chain(std::iter::once(self.note.as_str()));
        self.history
            .iter()
            .zip(newer)
            .map(|(e, newer)| (e, (e.note != newer).then_some(e.note.as_str())))
    }

    /// This answer as it is now.
    pub fn version(&self) -> Version<'_> {
        Version {
            status: self.status,
            note: &self.note,
            answered_at: self.answered_at,
            question: self.question.as_deref(),
        }
    }

    /// This answer as it was at `moment`, read in place; `None` when it had not been given yet.
    /// An earlier version has no question fingerprint (the history keeps none).
    pub fn version_at(&self, moment: Timestamp) -> Option<Version<'_>> {
        if self.answered_at <= moment {
            return Some(self.version());
        }
        let earlier = self.history.iter().rev().find(|e| e.at <= moment)?;
        Some(Version {
            status: earlier.status,
            note: &earlier.note,
            answered_at: earlier.at,
            question: None,
        })
    }

    /// This answer as it was at `moment` ([`Answer::version_at`]), or `None` when it had not been
    /// given yet.
    pub fn at(&self, moment: Timestamp) -> Option<Answer> {
        // The history is left out: a past state is only ever read, never compared further back.
        self.version_at(moment).map(|v| Answer {
            status: v.status,
            note: v.note.clone(),
            answered_at: v.answered_at,
            question: v.question.map(str::to_owned),
            history: Vec::new(),
        })
    }
}

/// One version of an answer, borrowed from it: as it is, or as it was at some moment
/// ([`Answer::version_at`]). What a score reads of an answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Version<'a> {
    /// The answer then.
    pub status: Option<Status>,
    /// Its note then.
    pub note: &'a Text,
    /// When it was given.
    pub answered_at: Timestamp,
    /// The fingerprint of the question it answered, when known.
    pub question: Option<&'a str>,
}

impl Serialize for Answer {
    /// As derived, except that a history note equal to the next version's is left out (see
    /// [`Earlier`]).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct AnswerOut<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            status: Option<Status>,
            #[serde(skip_serializing_if = "str::is_empty")]
            note: &'a str,
            #[serde(serialize_with = "crate::clock::serialize_timestamp")]
            answered_at: Timestamp,
            #[serde(skip_serializing_if = "Option::is_none")]
            question: Option<&'a str>,
            #[serde(skip_serializing_if = "Vec::is_empty")]
            history: Vec<EarlierOut<'a>>,
        }
        #[derive(Serialize)]
        struct EarlierOut<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            status: Option<Status>,
            #[serde(skip_serializing_if = "Option::is_none")]
            note: Option<&'a str>,
            #[serde(serialize_with = "crate::clock::serialize_timestamp")]
            at: Timestamp,
        }
        let history = self
            .history_with_notes()
            .map(|(e, note)| EarlierOut {
                status: e.status,
                note,
                at: e.at,
            })
            .collect();
        AnswerOut {
            status: self.status,
            note: &self.note,
            answered_at: self.answered_at,
            question: self.question.as_deref(),
            history,
        }
        .serialize(serializer)
    }
}

/// Who the assessment is for and by.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Details {
    /// Contact person at the organisation.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
    /// The consultant or person doing the assessment.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub assessor: String,
    /// Chamber of Commerce (KvK) number, optional.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kvk: String,
    /// The business address (for the privacy statement and the register, art. 13 lid 1 sub a and
    /// art. 30 lid 1 sub a AVG).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    /// The e-mail address for privacy questions and requests.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// A telephone number, optional.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// How to reach the data protection officer (FG), where there is one (art. 13 lid 1 sub b).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub dpo: String,
    /// The organisation's logo for the HTML documents, kept in the assessment (so it travels in the
    /// hand-over bundle and a report never reads another file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<Logo>,
}

/// The largest logo accepted (the file as read).
pub const MAX_LOGO_BYTES: usize = 512 * 1024;

/// A logo: a PNG or SVG image, base64-encoded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Logo {
    /// The file name it was read from (shown by `pqs details`; never put on a page).
    pub name: String,
    /// The image format.
    pub kind: LogoKind,
    /// The image, base64 (standard alphabet, padded).
    pub data: String,
}

/// The image formats of a logo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogoKind {
    /// PNG.
    Png,
    /// SVG (shown as an image: scripts in it never run).
    Svg,
}

/// Why a file is not accepted as a logo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogoProblem {
    /// Larger than [`MAX_LOGO_BYTES`].
    TooLarge,
    /// Neither a PNG nor an SVG image.
    NotAnImage,
}

impl Logo {
    /// A logo from a file's bytes: PNG by its signature, SVG by an `<svg` element in UTF-8 text.
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Logo, LogoProblem> {
        use base64::Engine;
        if bytes.len() > MAX_LOGO_BYTES {
            return Err(LogoProblem::TooLarge);
        }
        let kind = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            LogoKind::Png
        } else if std::str::from_utf8(bytes).is_ok_and(|text| text.contains("<svg")) {
            LogoKind::Svg
        } else {
            return Err(LogoProblem::NotAnImage);
        };
        Ok(Logo {
            name: crate::sanitize::input_line(name),
            kind,
            data: base64::engine::general_purpose::STANDARD.encode(bytes),
        })
    }

    /// The image as a `data:` URL, or `None` when the stored data is not base64 (a file edited by
    /// hand): a report then has no logo rather than broken markup.
    pub fn data_url(&self) -> Option<String> {
        let base64 = self
            .data
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='));
        let media = match self.kind {
            LogoKind::Png => "image/png",
            LogoKind::Svg => "image/svg+xml",
        };
        (base64 && !self.data.is_empty()).then(|| format!("data:{media};base64,{}", self.data))
    }
}

/// A KvK number as typed, checked: spaces and dots are left out ("1234 5678" is fine), then it
/// must be exactly eight digits. `None` when it is not a KvK number; an empty text is empty.
pub fn parse_kvk(text: &str) -> Option<String> {
    let digits: String = text.chars().filter(|c| !matches!(c, ' ' | '.')).collect();
    (digits.is_empty() || (digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit())))
        .then_some(digits)
}

/// An e-mail address as typed, checked: one `@` with something before it and a domain with a dot
/// after it, no spaces. `None` when it is not an e-mail address; an empty text is empty.
pub fn parse_email(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return Some(String::new());
    }
    let (local, domain) = text.split_once('@')?;
    let fine = !local.is_empty()
        && !domain.contains('@')
        && domain.split('.').count() >= 2
        && domain.split('.').all(|part| !part.is_empty())
        && !text.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | ',' | ';')
        });
    fine.then(|| text.to_owned())
}

/// A telephone number as typed, checked: digits with spaces, dashes, dots, brackets and a leading
/// `+`, and at least six digits ("+31 (0)20 123 45 67"). `None` when it is not a telephone number;
/// an empty text is empty.
pub fn parse_phone(text: &str) -> Option<String> {
    let text = text.trim();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let allowed = text.char_indices().all(|(i, c)| {
        c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')') || (c == '+' && i == 0)
    });
    (text.is_empty() || (allowed && (6..=20).contains(&digits))).then(|| text.to_owned())
}

/// Whether `months` is an accepted review period (1 to [`MAX_REVIEW_MONTHS`]).
pub fn valid_review_months(months: u32) -> bool {
    (1..=MAX_REVIEW_MONTHS).contains(&months)
}

impl Details {
    /// Whether nothing is filled in.
    pub fn is_empty(&self) -> bool {
        self == &Details::default()
    }
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
    /// Months after which an answer is due for review; [`DEFAULT_REVIEW_MONTHS`] when absent.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "review_months_in_range"
    )]
    pub review_months: Option<u32>,
    /// How deep the scan goes; absent in files from before depths existed, which count as the
    /// full scan (they were asked everything).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depth: Option<ScanDepth>,
    /// A depth for one checklist that differs from `depth`, by checklist id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub depth_per_checklist: BTreeMap<String, ScanDepth>,
    /// Contact, assessor, KvK number.
    #[serde(default, skip_serializing_if = "Details::is_empty")]
    pub details: Details,
    /// The processing register, the processors and the breach register.
    #[serde(default, skip_serializing_if = "crate::documents::Documents::is_empty")]
    pub documents: crate::documents::Documents,
    /// Intake answers by flag id: `true`/`false` for a yes/no question, the choice's id for a
    /// multiple-choice one. An absent flag is unanswered (everything applies).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub intake: Facts,
    /// Answers by global item id. Answers to items that no longer exist are kept.
    #[serde(default, deserialize_with = "built_at_once")]
    pub answers: BTreeMap<String, Answer>,
    /// The agreed action per gap, by global item id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub plan: BTreeMap<String, PlanEntry>,
    /// Sessions in the TUI that changed something, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<Session>,
    /// Items the user has seen, as of the last session; an item outside it is "nieuw". Written as a
    /// `[known]` table at the end of the file, so the long list does not push the answers down.
    #[serde(
        default,
        rename = "known",
        skip_serializing_if = "BTreeSet::is_empty",
        with = "known_table"
    )]
    pub known_items: BTreeSet<String>,
}

/// An assessment's fields before its answers ([`Assessment::parts`]), as its own serde writes
/// them.
#[derive(Serialize)]
pub(super) struct Head<'a> {
    format: u32,
    organisation: &'a str,
    created: Timestamp,
    updated: Timestamp,
    #[serde(skip_serializing_if = "Option::is_none")]
    review_months: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    depth: Option<ScanDepth>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    depth_per_checklist: &'a BTreeMap<String, ScanDepth>,
    #[serde(skip_serializing_if = "Details::is_empty")]
    details: &'a Details,
    #[serde(skip_serializing_if = "crate::documents::Documents::is_empty")]
    documents: &'a crate::documents::Documents,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    intake: &'a Facts,
}

/// An assessment's fields after its answers ([`Assessment::parts`]), as its own serde writes
/// them.
#[derive(Serialize)]
pub(super) struct Tail<'a> {
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    plan: &'a BTreeMap<String, PlanEntry>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    sessions: &'a [Session],
    #[serde(
        rename = "known",
        skip_serializing_if = "BTreeSet::is_empty",
        serialize_with = "known_table::serialize"
    )]
    known_items: &'a BTreeSet<String>,
}

impl Assessment {
    /// The fields before the answers, the answers, and the fields after them: what a save writes
    /// a piece at a time ([`super::store::serialise_into`]) and a parsed copy holds beside the
    /// answers. Every field is named (no `..`), so a field added cannot be left out of either
    /// unnoticed.
    pub(super) fn parts(&self) -> (Head<'_>, &BTreeMap<String, Answer>, Tail<'_>) {
        let Assessment {
            format,
            organisation,
            created,
            updated,
            review_months,
            depth,
            depth_per_checklist,
            details,
            documents,
            intake,
            answers,
            plan,
            sessions,
            known_items,
        } = self;
        let head = Head {
            format: *format,
            organisation,
            created: *created,
            updated: *updated,
            review_months: *review_months,
            depth: *depth,
            depth_per_checklist,
            details,
            documents,
            intake,
        };
        let tail = Tail {
            plan,
            sessions,
            known_items,
        };
        (head, answers, tail)
    }
}

/// The plan of a [`Tail`] that leaves the plan out.
static NO_PLAN: BTreeMap<String, PlanEntry> = BTreeMap::new();

impl<'a> Tail<'a> {
    /// The same fields without the plan and the sessions, which a parsed copy holds as rows of
    /// their own ([`super::parsed`]).
    pub(super) fn without_plan_and_sessions(&self) -> Tail<'a> {
        Tail {
            plan: &NO_PLAN,
            sessions: &[],
            known_items: self.known_items,
        }
    }

    /// The plan and the sessions.
    pub(super) fn plan_and_sessions(&self) -> (&'a BTreeMap<String, PlanEntry>, &'a [Session]) {
        (self.plan, self.sessions)
    }

    /// The same fields in pieces of which each holds one of them, and the sessions `at_once` at a
    /// time, in order, none empty: what a save writes a piece at a time (at 10,000 items twelve
    /// sessions' lists of changed ids are 2.1 MB of TOML).
    pub(super) fn pieces(&self, at_once: usize) -> Vec<Tail<'a>> {
        static NONE_KNOWN: BTreeSet<String> = BTreeSet::new();
        let only = |plan, sessions, known_items| Tail {
            plan,
            sessions,
            known_items,
        };
        let mut pieces = Vec::new();
        if !self.plan.is_empty() {
            pieces.push(only(self.plan, &[], &NONE_KNOWN));
        }
        for some in self.sessions.chunks(at_once.max(1)) {
            pieces.push(only(&NO_PLAN, some, &NONE_KNOWN));
        }
        if !self.known_items.is_empty() {
            pieces.push(only(&NO_PLAN, &[], self.known_items));
        }
        pieces
    }
}

impl Assessment {
    /// Fills in the history notes a file of `format` left out (see [`Earlier`]); called once
    /// after reading, before anything else looks at the history.
    pub(crate) fn resolve_notes(&mut self, format: u32) {
        for answer in self.answers.values_mut() {
            answer.resolve_notes(format);
        }
    }

    /// A new, empty assessment.
    pub fn new(organisation: impl Into<String>, now: Timestamp) -> Self {
        Assessment {
            format: FORMAT,
            organisation: organisation.into(),
            created: now,
            updated: now,
            review_months: None,
            depth: Some(ScanDepth::Snel),
            depth_per_checklist: BTreeMap::new(),
            known_items: BTreeSet::new(),
            details: Details::default(),
            documents: crate::documents::Documents::default(),
            intake: BTreeMap::new(),
            answers: BTreeMap::new(),
            plan: BTreeMap::new(),
            sessions: Vec::new(),
        }
    }

    /// The status given for an item, if any.
    pub fn status(&self, id: &str) -> Option<Status> {
        self.answers.get(id).and_then(|a| a.status)
    }

    /// The status of an item as it was at `moment` ([`Answer::version_at`]).
    pub fn status_at(&self, id: &str, moment: Timestamp) -> Option<Status> {
        self.answers
            .get(id)
            .and_then(|a| a.version_at(moment))
            .and_then(|v| v.status)
    }

    /// The note on an item ("" when none).
    pub fn note(&self, id: &str) -> &str {
        self.answers.get(id).map_or("", |a| a.note.as_str())
    }

    /// Sets or clears the status of an item, remembering the question's fingerprint; returns whether
    /// anything changed. The previous version goes into the history. Giving the same status again
    /// (with a fingerprint) confirms it: see [`Assessment::confirm`].
    pub fn set_status(
        &mut self,
        id: &str,
        status: Option<Status>,
        fingerprint: Option<&str>,
        now: Timestamp,
    ) -> bool {
        if self.status(id) == status {
            return match (status, fingerprint) {
                (Some(_), Some(fingerprint)) => self.confirm(id, fingerprint, now),
                _ => false,
            };
        }
        let entry = self.entry(id, now);
        entry.status = status;
        entry.question = status.and(fingerprint.map(str::to_owned));
        entry.answered_at = now;
        self.settle(id, now);
        true
    }

    /// Sets the note of an item (trailing whitespace trimmed); returns whether anything changed.
    pub fn set_note(&mut self, id: &str, note: &str, now: Timestamp) -> bool {
        let note = note.trim_end();
        if self.note(id) == note {
            return false;
        }
        let entry = self.entry(id, now);
        entry.note = note.into();
        entry.answered_at = now;
        self.settle(id, now);
        true
    }

    /// Confirms an existing answer as still true for the current question: the review clock restarts
    /// and a "vraag gewijzigd" flag clears. Returns false when there is no status to confirm.
    pub fn confirm(&mut self, id: &str, fingerprint: &str, now: Timestamp) -> bool {
        let Some(answer) = self.answers.get_mut(id) else {
            return false;
        };
        if answer.status.is_none()
            || (answer.answered_at == now && answer.question.as_deref() == Some(fingerprint))
        {
            return false;
        }
        answer.remember();
        answer.question = Some(fingerprint.to_owned());
        answer.answered_at = now;
        self.updated = now;
        true
    }

    /// Sets (`Some`) or clears (`None`) an intake answer; answers are never touched.
    pub fn set_intake(&mut self, flag: &str, answer: Option<Value>, now: Timestamp) -> bool {
        if self.intake.get(flag) == answer.as_ref() {
            return false;
        }
        match answer {
            Some(value) => self.intake.insert(flag.to_owned(), value),
            None => self.intake.remove(flag),
        };
        self.updated = now;
        true
    }

    /// Sets the action-plan entry of an item; an empty entry removes it.
    pub fn set_plan(&mut self, id: &str, entry: PlanEntry, now: Timestamp) -> bool {
        if self.plan.get(id).unwrap_or(&PlanEntry::default()) == &entry {
            return false;
        }
        if entry.is_empty() {
            self.plan.remove(id);
        } else {
            self.plan.insert(id.to_owned(), entry);
        }
        self.updated = now;
        true
    }

    /// Replaces organisation name and details; returns whether anything changed.
    pub fn set_details(&mut self, organisation: &str, details: Details, now: Timestamp) -> bool {
        let organisation = organisation.trim();
        if self.organisation == organisation && self.details == details {
            return false;
        }
        self.organisation = organisation.to_owned();
        self.details = details;
        self.updated = now;
        true
    }

    /// The depth of the whole scan (files from before depths existed: the full scan).
    pub fn depth(&self) -> ScanDepth {
        self.depth.unwrap_or(ScanDepth::Volledig)
    }

    /// The depth for one checklist.
    pub fn depth_for(&self, checklist: &str) -> ScanDepth {
        self.depth_per_checklist
            .get(checklist)
            .copied()
            .unwrap_or_else(|| self.depth())
    }

    /// Sets the depth of the whole scan (`checklist` `None`) or of one checklist; no answer is
    /// touched. A checklist set to the scan's depth loses its own setting.
    pub fn set_depth(&mut self, checklist: Option<&str>, depth: ScanDepth, now: Timestamp) -> bool {
        let changed = match checklist {
            None => {
                let changed = self.depth != Some(depth);
                self.depth = Some(depth);
                changed
            }
            Some(id) if depth == self.depth() => self.depth_per_checklist.remove(id).is_some(),
            Some(id) => self.depth_per_checklist.insert(id.to_owned(), depth) != Some(depth),
        };
        if changed {
            self.updated = now;
        }
        changed
    }

    /// The review period in months.
    pub fn review_period(&self) -> u32 {
        self.review_months.unwrap_or(DEFAULT_REVIEW_MONTHS)
    }

    /// Whether the status of an item was given longer ago than the review period.
    pub fn review_due(&self, id: &str, now: Timestamp) -> bool {
        self.review_due_at(id).is_some_and(|due| due <= now)
    }

    /// The moment the answer to `id` is due for review, if it has one.
    pub fn review_due_at(&self, id: &str) -> Option<Timestamp> {
        self.review_due_of(self.answers.get(id)?.version())
    }

    /// [`Assessment::review_due_at`] of an answer (a version of it) already looked up.
    pub fn review_due_of(&self, answer: Version<'_>) -> Option<Timestamp> {
        // Only a given status is reviewed (a note alone is not).
        answer.status?;
        let months = jiff::Span::new()
            .try_months(i64::from(self.review_period()))
            .ok()?;
        let utc = jiff::tz::TimeZone::UTC;
        answer
            .answered_at
            .to_zoned_datetime(utc)
            .checked_add(months)
            .ok()
            .map(|due| due.timestamp())
    }

    /// Whether the question of an item changed since its status was given.
    pub fn question_changed(&self, id: &str, fingerprint: &str) -> bool {
        self.answers
            .get(id)
            .is_some_and(|a| Self::question_changed_in(a.version(), fingerprint))
    }

    /// [`Assessment::question_changed`] of an answer (a version of it) already looked up.
    pub fn question_changed_in(answer: Version<'_>, fingerprint: &str) -> bool {
        answer.status.is_some() && answer.question.is_some_and(|stored| stored != fingerprint)
    }

    /// The answers as they were at `moment`, with the rest as a score reads it now (the intake,
    /// the depths, the review period). The plan, the sessions, the documents and the known items
    /// are left out: no score reads them (a full [`crate::report::Scan`] of the result has no plan
    /// entries and no new items). A report scores a past moment without making this copy
    /// ([`crate::report::Scan::score_at`], held to a scan of it by a test).
    pub fn as_of(&self, moment: Timestamp) -> Assessment {
        let answers = self
            .answers
            .iter()
            .filter_map(|(id, a)| a.at(moment).map(|a| (id.clone(), a)))
            .collect();
        // Field by field, so the answers (with their histories) are not cloned only to be replaced.
        Assessment {
            format: self.format,
            organisation: self.organisation.clone(),
            created: self.created,
            updated: self.updated,
            review_months: self.review_months,
            depth: self.depth,
            depth_per_checklist: self.depth_per_checklist.clone(),
            details: self.details.clone(),
            // Answers only: the documents keep their own dates (Documents::changes_since).
            documents: crate::documents::Documents::default(),
            intake: self.intake.clone(),
            answers,
            plan: BTreeMap::new(),
            sessions: Vec::new(),
            known_items: BTreeSet::new(),
        }
    }

    /// Records (or extends) the session that started at `start`: its end, assessor and changed ids.
    pub fn record_session(
        &mut self,
        start: Timestamp,
        end: Timestamp,
        assessor: &str,
        changed: &BTreeSet<String>,
    ) -> &mut Session {
        let at = match self.sessions.iter().position(|s| s.start == start) {
            Some(at) => at,
            None => {
                self.sessions.push(Session {
                    start,
                    end,
                    assessor: String::new(),
                    changed: Vec::new(),
                    score: None,
                    ended: false,
                    title: String::new(),
                });
                self.sessions.len() - 1
            }
        };
        let slot = &mut self.sessions[at];
        slot.end = end;
        slot.assessor = assessor.to_owned();
        slot.changed = changed.iter().map(|id| Text::from(id.as_str())).collect();
        slot
    }

    /// The last session, when a run starting at `now` by `assessor` continues it (see
    /// [`Session::continues_at`]).
    pub fn session_to_continue(&self, now: Timestamp, assessor: &str) -> Option<&Session> {
        self.sessions
            .last()
            .filter(|s| s.continues_at(now, assessor))
    }

    /// Ends the last session explicitly, with an optional title; `false` when there is none.
    pub fn end_session(&mut self, title: Option<&str>) -> bool {
        let Some(last) = self.sessions.last_mut() else {
            return false;
        };
        last.ended = true;
        if let Some(title) = title {
            last.title = title.trim().to_owned();
        }
        true
    }

    /// The session before the one that started at `current` (or the last one, when `current` is
    /// not a recorded session).
    pub fn previous_session(&self, current: Option<Timestamp>) -> Option<&Session> {
        self.sessions
            .iter()
            .rev()
            .find(|s| current.is_none_or(|start| s.start < start))
    }

    fn entry(&mut self, id: &str, now: Timestamp) -> &mut Answer {
        let entry = self
            .answers
            .entry(id.to_owned())
            .or_insert_with(|| Answer::empty(now));
        // Two changes at the same second (status and note from one command) are one version. A cleared
        // entry with a history is a version too: "unanswered since then" must stay comparable.
        let holds_something =
            entry.status.is_some() || !entry.note.is_empty() || !entry.history.is_empty();
        if holds_something && entry.answered_at < now {
            entry.remember();
        }
        entry
    }

    /// Drops an entry that holds nothing and has no history; marks the assessment updated.
    fn settle(&mut self, id: &str, now: Timestamp) {
        if self
            .answers
            .get(id)
            .is_some_and(|a| a.status.is_none() && a.note.is_empty() && a.history.is_empty())
        {
            self.answers.remove(id);
        }
        self.updated = now;
    }
}

/// The longest review period accepted, in months (ten years).
pub const MAX_REVIEW_MONTHS: u32 = 120;

/// Reads `review_months`, refusing 0 and more than [`MAX_REVIEW_MONTHS`] (the file's position is added
/// by the TOML reader).
fn review_months_in_range<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    let months = Option::<u32>::deserialize(d)?;
    match months {
        Some(m) if !(1..=MAX_REVIEW_MONTHS).contains(&m) => Err(serde::de::Error::custom(format!(
            "`review_months = {m}`: kies een aantal maanden van 1 tot en met {MAX_REVIEW_MONTHS}"
        ))),
        other => Ok(other),
    }
}

/// A map read whole and then built at once. Inserted one key at a time, the answers of a
/// 10,000-item assessment took 25 M of the 143 M instructions of reading its parsed copy; built
/// from their entries, which the file and the copy hold sorted, 11 M fewer. As with one insert
/// after another, the last of a key written twice would win (TOML refuses a key written twice).
fn built_at_once<'de, D, V>(d: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct Entries<V>(std::marker::PhantomData<V>);

    impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Entries<V> {
        type Value = Vec<(String, V)>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            // As serde's own map says it.
            f.write_str("a map")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            // What the reader says is coming, but never room for more than 4,096 entries at
            // once (about half a MiB) on its word alone.
            let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(4096));
            while let Some(entry) = map.next_entry()? {
                entries.push(entry);
            }
            Ok(entries)
        }
    }

    Ok(d.deserialize_map(Entries(std::marker::PhantomData))?
        .into_iter()
        .collect())
}

/// `known_items` as a table (`[known] items = [...]`): TOML puts plain values before tables, a
/// table may come last.
mod known_table {
    use std::collections::BTreeSet;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Known<T> {
        items: T,
    }

    pub fn serialize<S: Serializer>(set: &BTreeSet<String>, s: S) -> Result<S::Ok, S::Error> {
        Known { items: set }.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeSet<String>, D::Error> {
        Ok(Known::<BTreeSet<String>>::deserialize(d)?.items)
    }
}

#[cfg(test)]
mod tests;
