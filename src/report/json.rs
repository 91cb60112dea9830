//! The JSON report: a stable shape documented in README.md.

use jiff::Timestamp;
use serde_json::{Value, json};

use super::scan::Scan;
use crate::assessment::Status;

/// Status word for JSON: the stored status, or "unanswered".
fn status_str(status: Option<Status>) -> &'static str {
    status.map_or("unanswered", Status::as_str)
}

/// Rounds a score to one decimal.
fn round(score: f64) -> f64 {
    (score * 10.0).round() / 10.0
}

/// Renders the scan as pretty-printed JSON.
pub fn render(scan: &Scan, assessment: &str, generated_at: Timestamp) -> String {
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
                "items": c.items.iter().map(|i| json!({
                    "id": i.id,
                    "status": status_str(i.status),
                    "severity": i.severity.as_str(),
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
            })
        })
        .collect();
    let orphans: Vec<Value> = scan
        .orphans
        .iter()
        .map(|o| json!({"id": o.id, "status": status_str(o.status), "note": o.note}))
        .collect();
    let doc = json!({
        "assessment": assessment,
        "generated_at": generated_at.to_string(),
        "totals": {
            "applicable": scan.totals.applicable,
            "answered": scan.totals.answered,
            "score": round(scan.totals.score),
            "gaps": scan.totals.gaps,
        },
        "checklists": checklists,
        "gaps": gaps,
        "orphans": orphans,
    });
    let mut out = serde_json::to_string_pretty(&doc).expect("JSON values always serialise");
    out.push('\n');
    out
}
