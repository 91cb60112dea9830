//! The JSON report: a stable shape documented in README.md.

use serde::Serialize;
use serde_json::{Value, json};

use super::document::Document;
use super::progress::{Baseline, Change, Progress};
use super::scan::Gap;
use crate::assessment::Status;

/// Status word for JSON: the stored status, or "unanswered".
fn status_str(status: Option<Status>) -> &'static str {
    status.map_or("unanswered", Status::as_str)
}

/// Rounds a score to one decimal.
fn round(score: f64) -> f64 {
    (score * 10.0).round() / 10.0
}

/// A gap's action-plan entry, or null.
fn plan(gap: &Gap) -> Value {
    gap.plan.as_ref().map_or(Value::Null, |p| {
        json!({
            "owner": p.owner,
            "due": p.due.map(|d| d.to_string()),
            "action": p.action,
            "overdue": gap.overdue,
        })
    })
}

/// Changes as `{id, before, after}`.
fn changes(changes: &[Change]) -> Vec<Value> {
    changes
        .iter()
        .map(|c| json!({"id": c.id, "before": status_str(c.before), "after": status_str(c.after)}))
        .collect()
}

/// The comparison with the baseline.
fn since(p: &Progress) -> Value {
    let baseline = match p.baseline {
        Baseline::PreviousSession => "previous_session",
        Baseline::Chosen => "chosen",
    };
    json!({
        "moment": p.moment.to_string(),
        "baseline": baseline,
        "newly_answered": changes(&p.newly_answered),
        "improved": changes(&p.improved),
        "worsened": changes(&p.worsened),
        "score_then": round(p.score_then),
        "score_now": round(p.score_now),
    })
}

/// One checklist of the report. The JSON reports, written as a tree of `serde_json::Value`s before,
/// are written straight from these for the two large parts (the items and the gaps): fields in
/// alphabetical order, as a `Value` object keeps its keys, so the text is the same.
#[derive(Serialize)]
struct ChecklistOut<'a> {
    answered: usize,
    applicable: usize,
    deeper: usize,
    depth: &'a str,
    excluded_by: Option<String>,
    followed: usize,
    id: &'a str,
    items: Vec<ItemOut<'a>>,
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
    excluded_by: Option<String>,
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
    plan: Value,
    question: &'a str,
    reference: &'a str,
    scope: &'a str,
    severity: &'a str,
    status: &'a str,
    steps: &'a [String],
    task: &'a str,
}

/// The whole report, its keys in alphabetical order (see [`ChecklistOut`]).
#[derive(Serialize)]
struct ReportOut<'a> {
    assessment: Value,
    checklists: Vec<ChecklistOut<'a>>,
    decisions: Value,
    depth: &'a str,
    details: Value,
    documents: Value,
    gaps: Vec<GapOut<'a>>,
    generated_at: String,
    intake: Vec<Value>,
    organisation: Value,
    orphans: Vec<Value>,
    others: Value,
    review_months: Value,
    sessions: Vec<Value>,
    since: Value,
    tasks: Value,
    totals: Value,
}

/// Renders the document as pretty-printed JSON.
pub fn render(doc: &Document) -> String {
    let scan = doc.scan;
    let checklists: Vec<ChecklistOut> = scan
        .checklists
        .iter()
        .map(|c| ChecklistOut {
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
            excluded_by: c.excluded.as_ref().map(|e| e.condition.to_string()),
            items: c
                .items
                .iter()
                .map(|i| ItemOut {
                    id: &i.id,
                    status: status_str(i.status),
                    severity: i.severity.as_str(),
                    depth: i.depth.as_str(),
                    scope: i.scope.as_str(),
                    task: &i.task,
                    applies: i.applies(),
                    asked: i.asked(),
                    excluded_by: i.excluded.as_ref().map(|e| e.condition.to_string()),
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
                })
                .collect(),
        })
        .collect();
    let gaps: Vec<GapOut> = scan
        .gaps
        .iter()
        .map(|g| GapOut {
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
        })
        .collect();
    let orphans: Vec<Value> = scan
        .orphans
        .iter()
        .map(|o| json!({"id": o.id, "status": status_str(o.status), "note": o.note, "retired": o.retired}))
        .collect();
    let intake: Vec<Value> = doc
        .intake
        .iter()
        .map(|l| json!({"id": l.flag, "question": l.question, "answer": l.answer, "label": l.label, "asked": l.asked, "leaves_out": l.leaves_out}))
        .collect();
    let sessions: Vec<Value> = doc
        .sessions
        .iter()
        .map(|s| {
            json!({
                "start": s.start.to_string(),
                "end": s.end.to_string(),
                "assessor": s.assessor,
                "changes": s.changes,
                "score": round(s.score),
            })
        })
        .collect();
    let details = doc.details;
    let report = ReportOut {
        assessment: json!(doc.assessment),
        checklists,
        decisions: json!(
            doc.decisions
                .iter()
                .map(|d| json!({
                    "id": d.id,
                    "title": d.title,
                    "reference": d.reference,
                    "answer": d.outcome.as_ref().map(|o| o.answer.as_str()),
                    "label": d.outcome.as_ref().map(|o| o.label.as_str()),
                    "reason": d.outcome.as_ref().map(|o| o.reason.as_str()),
                    "find_out": d.outcome.as_ref().and_then(|o| o.find_out.as_deref()),
                }))
                .collect::<Vec<_>>()
        ),
        depth: scan.depth.as_str(),
        details: json!({
            "contact": details.contact,
            "assessor": details.assessor,
            "kvk": details.kvk,
            "address": details.address,
            "email": details.email,
            "phone": details.phone,
            "dpo": details.dpo,
        }),
        documents: json!({
            "status": doc.documents.iter().map(|(label, line)| json!({"document": label, "status": line})).collect::<Vec<_>>(),
            "activities": doc.records.activities().collect::<Vec<_>>(),
            "processors": doc.records.processors().collect::<Vec<_>>(),
            "breaches": &doc.records.breaches,
        }),
        gaps,
        generated_at: doc.generated_at.to_string(),
        intake,
        organisation: json!(doc.organisation),
        orphans,
        others: json!(
            scan.others
                .iter()
                .map(|o| json!({
                    "scope": o.scope.as_str(),
                    "total": o.total,
                    "answered": o.answered,
                    "score": round(o.score),
                    "gaps": o.gaps,
                }))
                .collect::<Vec<_>>()
        ),
        review_months: json!(doc.review_months),
        sessions,
        since: doc.progress.as_ref().map_or(Value::Null, since),
        tasks: json!(
            doc.tasks
                .iter()
                .map(|t| json!({
                    "id": t.id,
                    "title": t.title,
                    "reason": crate::text::task_reason(&t.reason),
                    "effort": t.reason.effort.map(|e| e.as_str()),
                    "status": match t.status {
                        super::tasks::TaskStatus::Open => "open",
                        super::tasks::TaskStatus::Done(_) => "done",
                    },
                    "done_on": match t.status {
                        super::tasks::TaskStatus::Done(day) => day.map(|d| d.to_string()),
                        super::tasks::TaskStatus::Open => None,
                    },
                    "pinned": t.reason.pinned,
                    "severity": t.reason.severity.as_str(),
                    "enforced": t.reason.enforced,
                    "items": t.item_ids().collect::<Vec<_>>(),
                    "in_order": t.in_order,
                    "documents": t.documents,
                    "steps": t.steps,
                    "links": t.links,
                    "plan": t.plan.as_ref().map(|p| json!({
                        "owner": p.owner,
                        "due": p.due.map(|d| d.to_string()),
                        "action": p.action,
                    })),
                }))
                .collect::<Vec<_>>()
        ),
        totals: json!({
            "total": scan.totals.total,
            "applicable": scan.totals.applicable,
            "answered": scan.totals.answered,
            "score": round(scan.totals.score),
            "gaps": scan.totals.gaps,
            "open_high": scan.totals.open_high,
            "skipped": scan.totals.skipped,
            "deeper": scan.totals.deeper,
            "followed": scan.totals.followed,
        }),
    };
    to_text(&report)
}

/// JSON as pqs writes it everywhere (reports, `pqs list`, `pqs checklists`): pretty-printed, with a
/// final line break, and with every character that could steer a terminal (DEL, C1 and bidi
/// controls, and U+2028/U+2029) written as a `\uXXXX` escape, so the data stays exact while the
/// text is safe on a terminal. serde_json already escapes the C0 controls.
pub fn to_text(value: &impl Serialize) -> String {
    let mut bytes = Vec::with_capacity(4096);
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut bytes, SafeFormatter::default());
    value
        .serialize(&mut serializer)
        .expect("JSON values always serialise");
    let mut out = String::from_utf8(bytes).expect("serde_json writes UTF-8");
    out.push('\n');
    out
}

/// serde_json's pretty formatter, escaping the characters [`to_text`] names.
#[derive(Default)]
struct SafeFormatter(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let escaped = |_, c| crate::sanitize::is_unsafe(c) || matches!(c, '\u{2028}' | '\u{2029}');
        let mut start = 0;
        while let Some((i, c)) = crate::sanitize::find(&fragment[start..], escaped) {
            writer.write_all(&fragment.as_bytes()[start..start + i])?;
            write!(writer, "\\u{:04x}", u32::from(c))?;
            start += i + c.len_utf8();
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
