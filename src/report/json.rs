//! The JSON report: a stable shape documented in README.md.

use serde::Serialize;
use serde_json::{Value, json};

use super::document::Document;
use super::progress::{Baseline, Change, Progress};
use super::scan::{ChecklistScan, Gap, ItemState, Scan};
use super::tasks::PlannedTask;
use crate::assessment::Status;
use crate::checklist::{Condition, Text};

/// Status word for JSON: the stored status, or "unanswered".
fn status_str(status: Option<Status>) -> &'static str {
    status.map_or("unanswered", Status::as_str)
}

/// Rounds a score to one decimal.
fn round(score: f64) -> f64 {
    (score * 10.0).round() / 10.0
}

/// A value written as its `Display` text, as a JSON string, made in the writer's own buffer
/// (`json_text`'s `collect_str`) rather than a `String` of its own.
struct Shown<T>(T);

impl<T: std::fmt::Display> Serialize for Shown<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

// The JSON report, written as a tree of `serde_json::Value`s before, is written straight from
// borrowed structs: the fields of each in alphabetical order, as a `Value` object keeps its keys,
// so the text stays the same (the test `keys_are_in_the_order_a_value_object_keeps` checks every
// level).

/// A list written an element at a time as it is serialised, never collected: `map` makes each
/// element of `items` (with `context`, what every element needs) when it is written. At 10,000
/// items the collected lists of the report were 6 MB, an eighth of its memory.
struct Seq<'a, S, C, T> {
    items: &'a [S],
    context: C,
    map: fn(&'a S, C) -> T,
}

impl<'a, S, T> Seq<'a, S, (), T> {
    /// The elements of `items` as `map` makes them, without a context.
    fn of(items: &'a [S], map: fn(&'a S, ()) -> T) -> Self {
        Seq {
            items,
            context: (),
            map,
        }
    }
}

impl<S, C: Copy, T: Serialize> Serialize for Seq<'_, S, C, T> {
    fn serialize<Z: serde::Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
        serializer.collect_seq(self.items.iter().map(|item| (self.map)(item, self.context)))
    }
}

/// A gap's action-plan entry.
#[derive(Serialize)]
struct GapPlanOut<'a> {
    action: &'a str,
    due: Option<Shown<jiff::civil::Date>>,
    overdue: bool,
    owner: &'a str,
}

/// A gap's action-plan entry, or `None` (null).
fn plan(gap: &Gap) -> Option<GapPlanOut<'_>> {
    gap.plan.as_ref().map(|p| GapPlanOut {
        owner: &p.owner,
        due: p.due.map(Shown),
        action: &p.action,
        overdue: gap.overdue,
    })
}

/// One changed answer, `{id, before, after}`.
#[derive(Serialize)]
struct ChangeOut<'a> {
    after: &'static str,
    before: &'static str,
    id: &'a str,
}

/// Changes as `{id, before, after}`.
fn changes(changes: &[Change]) -> Seq<'_, Change, (), ChangeOut<'_>> {
    Seq::of(changes, |c, ()| ChangeOut {
        id: &c.id,
        before: status_str(c.before),
        after: status_str(c.after),
    })
}

/// The comparison with the baseline.
#[derive(Serialize)]
struct SinceOut<'a> {
    baseline: &'static str,
    improved: Seq<'a, Change, (), ChangeOut<'a>>,
    moment: Shown<jiff::Timestamp>,
    newly_answered: Seq<'a, Change, (), ChangeOut<'a>>,
    score_now: f64,
    score_then: f64,
    worsened: Seq<'a, Change, (), ChangeOut<'a>>,
}

/// The comparison with the baseline.
fn since(p: &Progress) -> SinceOut<'_> {
    let baseline = match p.baseline {
        Baseline::PreviousSession => "previous_session",
        Baseline::Chosen => "chosen",
    };
    SinceOut {
        moment: Shown(p.moment),
        baseline,
        newly_answered: changes(&p.newly_answered),
        improved: changes(&p.improved),
        worsened: changes(&p.worsened),
        score_then: round(p.score_then),
        score_now: round(p.score_now),
    }
}

/// One checklist of the report.
#[derive(Serialize)]
struct ChecklistOut<'a> {
    answered: usize,
    applicable: usize,
    deeper: usize,
    depth: &'a str,
    excluded_by: Option<Shown<&'a Condition>>,
    followed: usize,
    id: &'a str,
    items: Seq<'a, ItemState, (), ItemOut<'a>>,
    score: f64,
    skipped: usize,
    title: &'a str,
    total: usize,
}

/// One item of a checklist in the report.
#[derive(Serialize)]
struct ItemOut<'a> {
    applies: bool,
    asked: bool,
    depth: &'a str,
    excluded_by: Option<Shown<&'a Condition>>,
    follows: Option<&'a str>,
    id: &'a str,
    new: bool,
    note: &'a str,
    question_changed: bool,
    review_due: bool,
    ruled_out_by: Option<RuledOutOut<'a>>,
    scope: &'a str,
    severity: &'a str,
    shared_from: Option<&'a str>,
    status: &'a str,
    task: &'a str,
}

/// The answer to a parent that rules an item out.
#[derive(Serialize)]
struct RuledOutOut<'a> {
    parent: &'a str,
    status: &'a str,
}

/// One gap of the report.
#[derive(Serialize)]
struct GapOut<'a> {
    action: &'a str,
    checklist: &'a str,
    id: &'a str,
    note: &'a str,
    plan: Option<GapPlanOut<'a>>,
    question: &'a str,
    reference: &'a str,
    scope: &'a str,
    severity: &'a str,
    status: &'a str,
    steps: &'a [Text],
    task: &'a str,
}

/// An answer to an item no checklist has.
#[derive(Serialize)]
struct OrphanOut<'a> {
    id: &'a str,
    note: &'a str,
    retired: Option<&'a str>,
    status: &'static str,
}

/// One intake question with its answer.
#[derive(Serialize)]
struct IntakeOut<'a> {
    answer: Option<&'a crate::checklist::Value>,
    asked: bool,
    id: &'a str,
    label: Option<&'a str>,
    leaves_out: usize,
    question: &'a str,
}

/// One recorded session.
#[derive(Serialize)]
struct SessionOut<'a> {
    assessor: &'a str,
    changes: usize,
    end: Shown<jiff::Timestamp>,
    score: f64,
    start: Shown<jiff::Timestamp>,
}

/// One decision from the intake.
#[derive(Serialize)]
struct DecisionOut<'a> {
    answer: Option<&'a str>,
    find_out: Option<&'a str>,
    id: &'a str,
    label: Option<&'a str>,
    reason: Option<&'a str>,
    reference: &'a str,
    title: &'a str,
}

/// The assessment's details.
#[derive(Serialize)]
struct DetailsOut<'a> {
    address: &'a str,
    assessor: &'a str,
    contact: &'a str,
    dpo: &'a str,
    email: &'a str,
    kvk: &'a str,
    phone: &'a str,
}

/// Progress on one scope outside privacy law.
#[derive(Serialize)]
struct OtherOut {
    answered: usize,
    gaps: usize,
    scope: &'static str,
    score: f64,
    total: usize,
}

/// What was agreed for a task.
#[derive(Serialize)]
struct TaskPlanOut<'a> {
    action: &'a str,
    due: Option<Shown<jiff::civil::Date>>,
    owner: &'a str,
}

/// One task of the plan.
#[derive(Serialize)]
struct TaskOut<'a> {
    documents: &'a [String],
    done_on: Option<Shown<jiff::civil::Date>>,
    effort: Option<&'static str>,
    enforced: bool,
    id: &'a str,
    in_order: usize,
    items: Vec<&'a str>,
    links: &'a [String],
    pinned: Option<u32>,
    plan: Option<TaskPlanOut<'a>>,
    reason: String,
    severity: &'static str,
    status: &'static str,
    steps: &'a [String],
    title: &'a str,
}

/// The totals over all checklists.
#[derive(Serialize)]
struct TotalsOut {
    answered: usize,
    applicable: usize,
    deeper: usize,
    followed: usize,
    gaps: usize,
    open_high: usize,
    score: f64,
    skipped: usize,
    total: usize,
}

/// The whole report.
#[derive(Serialize)]
struct ReportOut<'a> {
    assessment: &'a str,
    checklists: Seq<'a, ChecklistScan, (), ChecklistOut<'a>>,
    decisions: Vec<DecisionOut<'a>>,
    depth: &'a str,
    details: DetailsOut<'a>,
    documents: Value,
    gaps: Seq<'a, Gap, (), GapOut<'a>>,
    generated_at: Shown<jiff::Timestamp>,
    intake: Vec<IntakeOut<'a>>,
    organisation: &'a str,
    orphans: Vec<OrphanOut<'a>>,
    others: Vec<OtherOut>,
    review_months: u32,
    sessions: Vec<SessionOut<'a>>,
    since: Option<SinceOut<'a>>,
    tasks: Seq<'a, PlannedTask, &'a Scan, TaskOut<'a>>,
    totals: TotalsOut,
}

/// Renders the document as pretty-printed JSON.
pub fn render(doc: &Document) -> String {
    let mut out = Vec::new();
    write(doc, &mut out).expect("writing to memory does not fail");
    String::from_utf8(out).expect("JSON is written from text, escapes in ASCII")
}

/// [`render`] written to `out` as it is made, so a report of megabytes is never held whole (at
/// 10,000 items, growing it in memory was a fifth of the report's time, in page faults).
pub fn write<W: std::io::Write>(doc: &Document, out: W) -> std::io::Result<()> {
    let scan = doc.scan;
    let checklists = Seq::of(&scan.checklists, |c, ()| ChecklistOut {
        id: &c.id,
        title: &c.title,
        depth: c.depth.as_str(),
        total: c.total,
        applicable: c.applicable,
        answered: c.answered,
        score: round(c.score),
        skipped: c.skipped,
        deeper: c.deeper,
        followed: c.followed,
        excluded_by: c.excluded.as_ref().map(|e| Shown(&e.condition)),
        items: Seq::of(&c.items, |i, ()| ItemOut {
            id: &i.id,
            status: status_str(i.status),
            severity: i.severity.as_str(),
            depth: i.depth.as_str(),
            scope: i.scope.as_str(),
            task: &i.task,
            applies: i.applies(),
            asked: i.asked(),
            excluded_by: i.excluded.as_ref().map(|e| Shown(&e.condition)),
            follows: i.follows.as_deref(),
            ruled_out_by: i.ruled_out.as_ref().map(|r| RuledOutOut {
                parent: &r.parent,
                status: status_str(Some(r.status)),
            }),
            shared_from: i.shared_from.as_deref(),
            review_due: i.review_due,
            question_changed: i.question_changed,
            new: i.new,
            note: &i.note,
        }),
    });
    let gaps = Seq::of(&scan.gaps, |g, ()| GapOut {
        id: &g.id,
        checklist: &g.checklist,
        severity: g.severity.as_str(),
        status: status_str(g.status),
        scope: g.scope.as_str(),
        task: &g.task,
        question: &g.question,
        action: &g.action,
        steps: &g.steps,
        reference: &g.reference,
        note: &g.note,
        plan: plan(g),
    });
    let orphans = scan
        .orphans
        .iter()
        .map(|o| OrphanOut {
            id: &o.id,
            status: status_str(o.status),
            note: &o.note,
            retired: o.retired.as_deref(),
        })
        .collect();
    let intake = doc
        .intake
        .iter()
        .map(|l| IntakeOut {
            id: &l.flag,
            question: &l.question,
            answer: l.answer.as_ref(),
            label: l.label.as_deref(),
            asked: l.asked,
            leaves_out: l.leaves_out,
        })
        .collect();
    let sessions = doc
        .sessions
        .iter()
        .map(|s| SessionOut {
            start: Shown(s.start),
            end: Shown(s.end),
            assessor: &s.assessor,
            changes: s.changes,
            score: round(s.score),
        })
        .collect();
    let decisions = doc
        .decisions
        .iter()
        .map(|d| DecisionOut {
            id: &d.id,
            title: &d.title,
            reference: &d.reference,
            answer: d.outcome.as_ref().map(|o| o.answer.as_str()),
            label: d.outcome.as_ref().map(|o| o.label.as_str()),
            reason: d.outcome.as_ref().map(|o| o.reason.as_str()),
            find_out: d.outcome.as_ref().and_then(|o| o.find_out.as_deref()),
        })
        .collect();
    let others = scan
        .others
        .iter()
        .map(|o| OtherOut {
            scope: o.scope.as_str(),
            total: o.total,
            answered: o.answered,
            score: round(o.score),
            gaps: o.gaps,
        })
        .collect();
    let tasks = Seq {
        items: &doc.tasks,
        context: scan,
        map: |t, scan| TaskOut {
            id: &t.id,
            title: &t.title,
            reason: crate::text::task_reason(&t.reason),
            effort: t.reason.effort.map(|e| e.as_str()),
            status: if t.is_open() { "open" } else { "done" },
            done_on: t.done_day().map(Shown),
            pinned: t.reason.pinned,
            severity: t.reason.severity.as_str(),
            enforced: t.reason.enforced,
            items: t.item_ids(scan).collect(),
            in_order: t.in_order,
            documents: &t.documents,
            steps: &t.steps,
            links: &t.links,
            plan: t.plan.as_ref().map(|p| TaskPlanOut {
                owner: &p.owner,
                due: p.due.map(Shown),
                action: &p.action,
            }),
        },
    };
    let details = doc.details;
    let totals = &scan.totals;
    let report = ReportOut {
        assessment: doc.assessment,
        checklists,
        decisions,
        depth: scan.depth.as_str(),
        details: DetailsOut {
            contact: &details.contact,
            assessor: &details.assessor,
            kvk: &details.kvk,
            address: &details.address,
            email: &details.email,
            phone: &details.phone,
            dpo: &details.dpo,
        },
        // The documents keep their own field order in a `Value` (sorted keys); they are few.
        documents: json!({
            "status": doc.documents.iter().map(|(label, line)| json!({"document": label, "status": line})).collect::<Vec<_>>(),
            "activities": doc.records.activities().collect::<Vec<_>>(),
            "processors": doc.records.processors().collect::<Vec<_>>(),
            "breaches": &doc.records.breaches,
        }),
        gaps,
        generated_at: Shown(doc.generated_at),
        intake,
        organisation: doc.organisation,
        orphans,
        others,
        review_months: doc.review_months,
        sessions,
        since: doc.progress.as_ref().map(since),
        tasks,
        totals: TotalsOut {
            total: totals.total,
            applicable: totals.applicable,
            answered: totals.answered,
            score: round(totals.score),
            gaps: totals.gaps,
            open_high: totals.open_high,
            skipped: totals.skipped,
            deeper: totals.deeper,
            followed: totals.followed,
        },
    };
    write_text(&report, out)
}

/// JSON as pqs writes it everywhere (reports, `pqs list`, `pqs checklists`): pretty-printed, with a
/// final line break, and with every character that could steer a terminal (DEL, C1 and bidi
/// controls, and U+2028/U+2029: [`crate::sanitize::escaped_in_json`]) written as a `\uXXXX`
/// escape, so the data stays exact while the text is safe on a terminal. The layout is
/// serde_json's pretty one ([`super::json_text`]).
pub fn to_text(value: &impl Serialize) -> String {
    let mut bytes = Vec::with_capacity(4096);
    write_text(value, &mut bytes).expect("writing to memory does not fail");
    String::from_utf8(bytes).expect("JSON is written from text, escapes in ASCII")
}

/// [`to_text`] written to `out` as it is made.
pub fn write_text<W: std::io::Write>(value: &impl Serialize, mut out: W) -> std::io::Result<()> {
    // pqs's values always serialise (string keys, no failing Serialize): an error is the writer's.
    super::json_text::write(value, &mut out)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_is_serde_jsons_pretty_one_at_every_depth() {
        // Empty and nested arrays and objects, and depths past the indentation written at once.
        let mut deep = serde_json::json!({"onder": [1, {}, [], "x"]});
        for level in 0..40 {
            deep = serde_json::json!({ "niveau": level, "in": [deep, [], {}], "leeg": {} });
        }
        for value in [
            serde_json::json!(null),
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!([[], [[]], {"a": []}]),
            serde_json::json!({"a": 1, "b": [true, false, null], "c": {"d": "tekst"}}),
            deep,
        ] {
            let ours = to_text(&value);
            assert_eq!(
                ours,
                serde_json::to_string_pretty(&value).unwrap() + "\n",
                "{value}"
            );
        }
    }

    /// The report is written from structs, whose fields come out in their order; a `Value` object
    /// (what the report was built from before, and what a reader parses it into) sorts its keys.
    /// Parsed and written again, the text must not change: every key at every level is in order.
    #[test]
    fn keys_are_in_the_order_a_value_object_keeps() {
        use crate::report::fixture;
        let mut assessment = fixture::assessment();
        let agreed = crate::assessment::PlanEntry {
            owner: "Sanne".into(),
            due: Some(jiff::civil::date(2026, 12, 20)),
            action: "Procedure op papier".into(),
            ..Default::default()
        };
        assessment.plan.insert("datalekken".into(), agreed);
        let done = crate::assessment::PlanEntry {
            done: Some(jiff::civil::date(2026, 11, 20)),
            ..Default::default()
        };
        assessment.plan.insert("bewaren".into(), done);
        assessment.documents = fixture::bakery_with_documents().documents;
        let catalog = crate::checklist::Catalog::bundled();
        let scan = crate::report::Scan::new(&catalog, &assessment, fixture::now());
        let doc = Document::of(
            &catalog,
            &scan,
            &assessment,
            "klant",
            fixture::now(),
            jiff::tz::TimeZone::UTC,
        );
        let out = render(&doc);
        let parsed: Value = serde_json::from_str(&out).unwrap();
        for part in [
            "intake",
            "decisions",
            "orphans",
            "sessions",
            "tasks",
            "gaps",
            "others",
        ] {
            assert!(
                parsed[part].as_array().is_some_and(|a| !a.is_empty()),
                "the fixture has {part}"
            );
        }
        let changes = ["improved", "worsened", "newly_answered"]
            .map(|part| parsed["since"][part].as_array().unwrap().len());
        assert!(changes.iter().sum::<usize>() > 0, "{changes:?}");
        assert!(
            parsed["gaps"]
                .as_array()
                .unwrap()
                .iter()
                .any(|g| g["plan"].is_object())
        );
        let tasks = parsed["tasks"].as_array().unwrap();
        assert!(tasks.iter().any(|t| t["plan"].is_object()));
        assert!(tasks.iter().any(|t| t["done_on"].is_string()));
        assert!(
            !parsed["documents"]["activities"]
                .as_array()
                .unwrap()
                .is_empty()
        );
        assert_eq!(to_text(&parsed), out);
    }

    #[test]
    fn unsafe_characters_are_escaped_and_read_back_exactly() {
        let text = "a\u{1b}]0;x\u{7}b\u{9b}c\u{7f}d\u{202e}e\u{2028}f";
        let out = to_text(&json!({ "note": text }));
        assert!(
            out.chars()
                .all(|c| c == '\n' || !crate::sanitize::is_unsafe(c)),
            "{out:?}"
        );
        assert!(out.contains("\\u001b") && out.contains("\\u202e") && out.contains("\\u009b"));
        let back: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back["note"], text);
        assert_eq!(
            to_text(&json!({"a": [1, "é"]})),
            "{\n  \"a\": [\n    1,\n    \"é\"\n  ]\n}\n"
        );
    }
}
