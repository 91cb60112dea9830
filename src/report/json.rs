//! The JSON report: a stable shape documented in README.md.

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

/// Renders the document as pretty-printed JSON.
pub fn render(doc: &Document) -> String {
    let scan = doc.scan;
    let checklists: Vec<Value> = scan
        .checklists
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "title": c.title,
                "applicable": c.applicable,
                "answered": c.answered,
                "score": round(c.score),
                "skipped": c.skipped,
                "excluded_by": c.excluded.as_ref().map(ToString::to_string),
                "items": c.items.iter().map(|i| json!({
                    "id": i.id,
                    "status": status_str(i.status),
                    "severity": i.severity.as_str(),
                    "applies": i.applies(),
                    "excluded_by": i.excluded.as_ref().map(ToString::to_string),
                    "review_due": i.review_due,
                    "question_changed": i.question_changed,
                    "new": i.new,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let gaps: Vec<Value> = scan
        .gaps
        .iter()
        .map(|g| {
            json!({
                "id": g.id,
                "checklist": g.checklist,
                "severity": g.severity.as_str(),
                "status": status_str(g.status),
                "question": g.question,
                "action": g.action,
                "reference": g.reference,
                "note": g.note,
                "plan": plan(g),
            })
        })
        .collect();
    let orphans: Vec<Value> = scan
        .orphans
        .iter()
        .map(|o| json!({"id": o.id, "status": status_str(o.status), "note": o.note}))
        .collect();
    let intake: Vec<Value> = doc
        .intake
        .iter()
        .map(|l| json!({"id": l.flag, "question": l.question, "answer": l.answer, "asked": l.asked, "leaves_out": l.leaves_out}))
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
    let value = json!({
        "assessment": doc.assessment,
        "generated_at": doc.generated_at.to_string(),
        "details": {"contact": details.contact, "assessor": details.assessor, "kvk": details.kvk},
        "review_months": doc.review_months,
        "totals": {
            "applicable": scan.totals.applicable,
            "answered": scan.totals.answered,
            "score": round(scan.totals.score),
            "gaps": scan.totals.gaps,
            "skipped": scan.totals.skipped,
        },
        "intake": intake,
        "since": doc.progress.as_ref().map_or(Value::Null, since),
        "sessions": sessions,
        "checklists": checklists,
        "gaps": gaps,
        "orphans": orphans,
    });
    let mut out = serde_json::to_string_pretty(&value).expect("JSON values always serialise");
    out.push('\n');
    out
}
