//! A parsed copy of an assessment file, kept beside it (`.NAME.parsed` in the data folder), so that
//! opening a file with a long history need not parse all its TOML again: the `toml` crate takes
//! about ten times as long as `serde_json` takes for this copy.
//!
//! Never trusted over the file ([`crate::parsed_copy`]): it is used only when it was made by this
//! binary from exactly the bytes the file holds now. It goes away with its assessment (renamed or
//! moved to the trash).
//!
//! The answers, which are nearly all of a long history, come first, in postcard's binary form, a
//! row of fields each: at 10,000 items with a year of history the copy is 2.65 MB where all-JSON
//! took 5.1 MB, and reading it 88 M instructions where it took 155 M. The sessions and the plan
//! follow the same way (there, a year's lists of changed ids and a full plan were 1.35 MB of JSON
//! and 40 M instructions to read). Everything else (details, documents, the known items) follows
//! as JSON, written by the types' own serde, whose left-out empty fields a binary form cannot
//! hold.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::model::{Answer, Assessment, Earlier, FORMAT};
use super::plan::PlanEntry;
use super::session::Session;
use super::status::Status;
use crate::checklist::Text;
use crate::parsed_copy::{self, Form, Key};

/// What an assessment's copy is a copy of, in its key: the format its form belongs to.
fn kind() -> String {
    format!("assessment {FORMAT}")
}

/// The key of a copy of an assessment file with `text`.
pub(super) fn key(text: &str) -> Option<Key> {
    Key::of(&kind(), Form::Binary, &[text])
}

/// [`key`] of the file at `path` as it is now, without holding its text ([`Key::of_file`]).
pub(super) fn key_of_file(path: &Path) -> Option<Key> {
    Key::of_file(
        &kind(),
        Form::Binary,
        &[],
        path,
        super::store::ASSESSMENT_LIMITS,
    )
}

/// [`key`] of a text given a piece at a time, as it is written ([`Key::stream`]).
pub(super) fn key_stream() -> parsed_copy::KeyStream {
    Key::stream(&kind(), Form::Binary, &[])
}

/// [`key`] of a file already open, read from its start ([`Key::of_opened`]).
pub(super) fn key_of_opened(opened: &crate::fs_util::Opened) -> Option<Key> {
    Key::of_opened(&kind(), Form::Binary, &[], opened)
}

/// The copy at `path` when it was made with `key`.
pub(super) fn read(path: &Path, key: &Key) -> Option<Assessment> {
    let (answers, assessment) = parsed_copy::read_with(path, key, parts)?;
    // The map made once the copy's bytes are let go, into their room (what it takes to build
    // it, beside them, was `pqs answer`'s peak).
    Some(whole(answers, assessment))
}

/// The copy at `path` when it was made with `key`, and its value ([`body`]), which a writer keeps
/// as the base of a merge.
pub(super) fn read_with_body(path: &Path, key: &Key) -> Option<(Assessment, Vec<u8>)> {
    let body = parsed_copy::read_body(path, key)?;
    let assessment = decode(&body)?;
    Some((assessment, body))
}

/// The assessment whose copy has the value `body` ([`body`]); `None` when it is not one.
pub(super) fn decode(body: &[u8]) -> Option<Assessment> {
    let (answers, assessment) = parts(body)?;
    Some(whole(answers, assessment))
}

/// The answers of a copy's value and the rest of its assessment.
fn parts(body: &[u8]) -> Option<(Vec<(String, Answer)>, Assessment)> {
    let (MadeList(answers), rest) = postcard::take_from_bytes::<RowsIn>(body).ok()?;
    let (sessions, rest) = postcard::take_from_bytes::<Vec<SessionIn<'_>>>(rest).ok()?;
    let sessions = made_sessions(sessions)?;
    let (MadeList(plan), rest) = postcard::take_from_bytes::<MadeList<PlanIn>>(rest).ok()?;
    // Checked as UTF-8 once, not string by string.
    let mut assessment: Assessment = serde_json::from_str(std::str::from_utf8(rest).ok()?).ok()?;
    if assessment.format != FORMAT
        || !assessment.answers.is_empty()
        || !assessment.sessions.is_empty()
        || !assessment.plan.is_empty()
    {
        return None;
    }
    assessment.sessions = sessions;
    assessment.plan = BTreeMap::from_iter(plan);
    Some((answers, assessment))
}

/// The assessment of a copy's [`parts`].
fn whole(answers: Vec<(String, Answer)>, mut assessment: Assessment) -> Assessment {
    assessment.answers = BTreeMap::from_iter(answers);
    // As in the file: a history note equal to the next version's is left out.
    assessment.resolve_notes(FORMAT);
    assessment
}

/// Writes the copy of `assessment` (parsed from what `key` was made of) to `path`: the answers'
/// rows, then the rest as JSON to the end, each written as it is made.
pub(super) fn write(path: &Path, key: &Key, assessment: &Assessment) {
    parsed_copy::write_with(path, key, |out| put(out, assessment));
}

/// The value of `assessment`'s copy, without the key line and hash around it (at 10,000 items
/// with a year of history 2.65 MB, where its TOML is 6.8 MB), made in the room of `room`, whose
/// bytes are dropped: an earlier body of the same file is about as long.
pub(super) fn body(assessment: &Assessment, room: Vec<u8>) -> Vec<u8> {
    let mut body = room;
    body.clear();
    put(&mut body, assessment).expect("a list takes every byte");
    body
}

pub(super) use parsed_copy::write_body;

/// Writes the value of `assessment`'s copy to `out`.
fn put(out: &mut impl std::io::Write, assessment: &Assessment) -> std::io::Result<()> {
    let (head, answers, tail) = assessment.parts();
    let (plan, sessions) = tail.plan_and_sessions();
    postcard::to_io(&Rows(answers), &mut *out).map_err(std::io::Error::other)?;
    postcard::to_io(&Sessions(sessions), &mut *out).map_err(std::io::Error::other)?;
    postcard::to_io(&Plan(plan), &mut *out).map_err(std::io::Error::other)?;
    let rest = Rest {
        head,
        tail: tail.without_plan_and_sessions(),
    };
    serde_json::to_writer(out, &rest).map_err(std::io::Error::other)
}

pub(super) use parsed_copy::remove;

/// A moment as seconds and nanoseconds, as jiff keeps it.
type Moment = (i64, i32);

fn moment(at: Timestamp) -> Moment {
    (at.as_second(), at.subsec_nanosecond())
}

fn timestamp((second, nanosecond): Moment) -> Option<Timestamp> {
    Timestamp::new(second, nanosecond).ok()
}

/// A day as year, month and day.
type Day = (i16, i8, i8);

fn day(date: jiff::civil::Date) -> Day {
    (date.year(), date.month(), date.day())
}

/// The day of an optional [`Day`]: `None` when there is one but it is not a day.
fn optional_date(day: Option<Day>) -> Option<Option<jiff::civil::Date>> {
    match day {
        None => Some(None),
        Some((year, month, day)) => jiff::civil::Date::new(year, month, day).ok().map(Some),
    }
}

/// Everything but the answers, the sessions and the plan, as the assessment's own serde writes
/// it ([`Assessment::parts`]).
#[derive(Serialize)]
struct Rest<'a> {
    #[serde(flatten)]
    head: super::model::Head<'a>,
    #[serde(flatten)]
    tail: super::model::Tail<'a>,
}

/// The sessions, a row each, oldest first. Every field is named, so one added cannot be left out
/// unnoticed; a score keeps its exact bits.
struct Sessions<'a>(&'a [Session]);

impl Serialize for Sessions<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|session| {
            let Session {
                start,
                end,
                assessor,
                changed,
                score,
                ended,
                title,
            } = session;
            (
                moment(*start),
                moment(*end),
                assessor,
                changed,
                score,
                ended,
                title,
            )
        }))
    }
}

/// A session's row, its changed ids lent by the copy's bytes.
#[derive(Deserialize)]
struct SessionIn<'a>(
    Moment,
    Moment,
    String,
    #[serde(borrow)] Vec<&'a str>,
    Option<f64>,
    bool,
    String,
);

/// The sessions of their rows, each changed id made once and shared by every session naming it.
fn made_sessions(rows: Vec<SessionIn<'_>>) -> Option<Vec<Session>> {
    let mut made: crate::hashing::Map<&str, Text> = crate::hashing::Map::default();
    rows.into_iter()
        .map(
            |SessionIn(start, end, assessor, changed, score, ended, title)| {
                let changed = changed
                    .into_iter()
                    .map(|id| made.entry(id).or_insert_with(|| Text::from(id)).clone())
                    .collect();
                Some(Session {
                    start: timestamp(start)?,
                    end: timestamp(end)?,
                    assessor,
                    changed,
                    score,
                    ended,
                    title,
                })
            },
        )
        .collect()
}

/// The plan, a row each, in the file's order.
struct Plan<'a>(&'a BTreeMap<String, PlanEntry>);

impl Serialize for Plan<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|(id, entry)| {
            let PlanEntry {
                owner,
                due,
                action,
                done,
                pinned,
            } = entry;
            (id, owner, due.map(day), action, done.map(day), pinned)
        }))
    }
}

#[derive(Deserialize)]
struct PlanIn(
    String,
    String,
    Option<Day>,
    String,
    Option<Day>,
    Option<u32>,
);

impl Made for PlanIn {
    type Out = (String, PlanEntry);

    fn made(self) -> Option<(String, PlanEntry)> {
        let PlanIn(id, owner, due, action, done, pinned) = self;
        let entry = PlanEntry {
            owner,
            due: optional_date(due)?,
            action,
            done: optional_date(done)?,
            pinned,
        };
        Some((id, entry))
    }
}

/// The answers, a row each, in the file's order.
struct Rows<'a>(&'a BTreeMap<String, Answer>);

impl Serialize for Rows<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|(id, answer)| {
            (
                id,
                answer.status,
                &answer.note,
                moment(answer.answered_at),
                &answer.question,
                History(answer),
            )
        }))
    }
}

/// An answer's history, each note left out that equals the next version's (as in the file).
struct History<'a>(&'a Answer);

impl Serialize for History<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.0
                .history_with_notes()
                .map(|(earlier, note)| (earlier.status, note, moment(earlier.at))),
        )
    }
}

/// What a row of the copy is read as, and made into ([`Made::made`]; `None`: not the copy that
/// was written).
trait Made: serde::de::DeserializeOwned {
    type Out;
    fn made(self) -> Option<Self::Out>;
}

/// A list of the copy, each element read straight into what it is made into, into a list sized
/// once by what the copy says (postcard says exactly), but never for more than 65,536 at once on
/// its word alone: no list of rows is held beside what is made of them.
struct MadeList<T: Made>(Vec<T::Out>);

impl<'de, T: Made> Deserialize<'de> for MadeList<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor<T>(std::marker::PhantomData<T>);

        impl<'de, T: Made> serde::de::Visitor<'de> for Visitor<T> {
            type Value = MadeList<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of a parsed copy")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<MadeList<T>, A::Error> {
                let mut made = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 16));
                while let Some(element) = seq.next_element::<T>()? {
                    made.push(
                        element.made().ok_or_else(|| {
                            serde::de::Error::custom("a moment or day out of range")
                        })?,
                    );
                }
                Ok(MadeList(made))
            }
        }

        d.deserialize_seq(Visitor(std::marker::PhantomData))
    }
}

/// The answers, a row each.
type RowsIn = MadeList<RowIn>;

#[derive(Deserialize)]
struct RowIn(
    String,
    Option<Status>,
    Text,
    Moment,
    Option<String>,
    MadeList<EarlierIn>,
);

impl Made for RowIn {
    type Out = (String, Answer);

    fn made(self) -> Option<(String, Answer)> {
        let RowIn(id, status, note, answered_at, question, MadeList(history)) = self;
        let answer = Answer {
            status,
            note,
            answered_at: timestamp(answered_at)?,
            question,
            history,
        };
        Some((id, answer))
    }
}

/// One earlier version of an answer, its note left out when it equals the next version's.
#[derive(Deserialize)]
struct EarlierIn(Option<Status>, Option<Text>, Moment);

impl Made for EarlierIn {
    type Out = Earlier;

    fn made(self) -> Option<Earlier> {
        let EarlierIn(status, note, at) = self;
        let absent = note.is_none();
        let mut earlier = Earlier::new(status, note.unwrap_or_default(), timestamp(at)?);
        earlier.note_absent = absent;
        Some(earlier)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::store::{parse, serialise};
    use crate::report::fixture;

    /// The copy of `text` written and read back, next to what the file itself gives.
    fn both(text: &str) -> (Assessment, Option<Assessment>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".klant.parsed");
        let from_file = parse(text, Path::new("klant.toml")).unwrap();
        let made = key(text).expect("the test binary has a stamp");
        write(&path, &made, &from_file);
        (from_file, read(&path, &made))
    }

    #[test]
    fn a_copy_reads_back_exactly_what_the_file_gives() {
        let catalog = crate::checklist::Catalog::bundled();
        let mut texts: Vec<String> = [
            fixture::assessment(),
            fixture::complete_assessment(),
            fixture::bakery_with_documents(),
            fixture::scale::year_of_history(&catalog, "Jaar BV"),
        ]
        .iter()
        .map(serialise)
        .collect();
        // A format 2 file: a history note left out means an empty note there, not the next one's.
        texts.push(
            "format = 2\norganisation = \"Oud\"\ncreated = \"1970-01-01T00:00:00Z\"\n\
             updated = \"1970-01-01T00:00:10Z\"\n\n[answers.\"x.y\"]\nstatus = \"yes\"\n\
             note = \"nu\"\nanswered_at = \"1970-01-01T00:00:10Z\"\n\n\
             [[answers.\"x.y\".history]]\nstatus = \"no\"\nat = \"1970-01-01T00:00:05Z\"\n\n\
             [[answers.\"x.y\".history]]\nnote = \"toen\"\nat = \"1970-01-01T00:00:07Z\"\n"
                .to_owned(),
        );
        // A session's score that JSON's fast float parser would read one step off.
        let mut scored = fixture::scale::year_of_history(&catalog, "Punt BV");
        for (i, session) in scored.sessions.iter_mut().enumerate() {
            session.score = Some(0.11670556852284093 + i as f64 / 2999.0 * 70.0);
        }
        assert!(!scored.sessions.is_empty());
        // Every field of a session and of a plan entry, each filled in somewhere and left empty
        // elsewhere.
        scored.sessions[0].ended = true;
        scored.sessions[1].title = "Intake bij de klant".into();
        scored.sessions[2].assessor.clear();
        scored.sessions[2].changed.clear();
        scored.sessions[3].score = None;
        let mut entries = scored.plan.values_mut();
        let first = entries.next().expect("a plan for every gap");
        first.done = Some(jiff::civil::date(2026, 2, 28));
        first.pinned = Some(2);
        let second = entries.next().unwrap();
        *second = crate::assessment::PlanEntry {
            pinned: Some(1),
            ..Default::default()
        };
        texts.push(serialise(&scored));
        // Moments that are not whole seconds, before 1970 too, keep their nanoseconds.
        texts.push(
            "format = 3\norganisation = \"Fijn\"\ncreated = \"1969-12-31T23:59:58.5Z\"\n\
             updated = \"2026-01-01T00:00:00.000000001Z\"\n\n[answers.\"x.y\"]\n\
             status = \"yes\"\nanswered_at = \"1969-12-31T23:59:59.25Z\"\n\n\
             [[answers.\"x.y\".history]]\nnote = \"toen\"\nat = \"1960-06-01T12:00:00.75Z\"\n"
                .to_owned(),
        );
        for text in &texts {
            let (from_file, copy) = both(text);
            assert_eq!(
                copy.as_ref(),
                Some(&from_file),
                "{}",
                &text[..200.min(text.len())]
            );
        }
    }

    #[test]
    fn a_copy_is_used_only_for_exactly_the_bytes_it_was_made_of() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".klant.parsed");
        let text = serialise(&fixture::assessment());
        let made = key(&text).unwrap();
        // A copy that says something else than the file shows it is the copy that is read...
        let mut other = parse(&text, Path::new("klant.toml")).unwrap();
        other.organisation = "Uit de kopie".into();
        write(&path, &made, &other);
        assert_eq!(read(&path, &made).unwrap().organisation, "Uit de kopie");
        // ...and only while the file's bytes are the same: one more byte, or one other byte.
        let longer = key(&format!("{text} ")).unwrap();
        assert_eq!(read(&path, &longer), None);
        let changed = key(&text.replacen("Bakkerij", "Bakkerji", 1)).unwrap();
        assert_ne!(changed, made);
        assert_eq!(read(&path, &changed), None);
    }
}
