//! Snapshots of the text and JSON report for a fixed assessment with every kind of answer, a note
//! full of special characters, and an orphan.
//!
//! The bundled checklists have well over a hundred items, so the snapshots keep the report's frame
//! (header, per-checklist lines, totals, headings, done items, orphans) and only the gaps of the
//! answered items plus one unanswered gap, wherever they appear; the other gaps are checked by
//! count. Edits to other questions then do not churn these files.

use serde_json::{Value, json};

use crate::common::TestEnv;

const NOTE: &str = "<script>alert(1)</script> \"citaat\", komma | pijp, café\ntweede regel";

/// Every status, two notes with special characters, and an answer to an item that is gone; details
/// with markup, an intake answer, a plan entry, an answer due for review, one that got worse in the
/// second of two sessions, and one whose question changed.
const ASSESSMENT: &str = r#"format = 2
organisation = "Bakkerij \"De Bol\" & Zn.\nAmsterdam"
created = "2026-11-01T09:00:00Z"
updated = "2026-11-20T16:30:00Z"

[details]
contact = "Jan <b>Bol</b>"
assessor = "=Eva | \"de\" Vries"
kvk = "12345678"

[intake]
personeel = false

[answers."privacyverklaring.pv-identiteit-contact"]
status = "yes"
note = "Staat op /privacy"
answered_at = "2025-10-01T09:00:00Z"

[answers."privacyverklaring.pv-fg-contact"]
status = "not_applicable"
answered_at = "2026-11-02T09:01:00Z"

[answers."privacyverklaring.pv-doeleinden"]
status = "partly"
note = "<script>alert(1)</script> \"citaat\", komma | pijp, café\ntweede regel"
answered_at = "2026-11-02T09:02:00Z"

[answers."privacyverklaring.pv-grondslag"]
status = "no"
answered_at = "2026-11-20T16:10:00Z"
question = "verouderd"
history = [{ status = "partly", at = "2026-11-02T09:03:00Z" }]

[plan."privacyverklaring.pv-grondslag"]
owner = "Piet <i>de</i> Bakker"
due = "2026-11-15"
action = "Grondslag per doel | opschrijven"

[answers."privacyverklaring.pv-gerechtvaardigd-belang"]
status = "unknown"
note = "Vragen aan de boekhouder, 'morgen'"
answered_at = "2026-11-02T09:04:00Z"

[answers."verdwenen.vraag"]
status = "no"
note = "oud | \"weg\" <b>é</b>"
answered_at = "2025-01-01T00:00:00Z"

[[sessions]]
start = "2026-11-02T09:00:00Z"
end = "2026-11-02T09:10:00Z"
assessor = "Eva"
changed = ["privacyverklaring.pv-fg-contact", "privacyverklaring.pv-grondslag"]

[[sessions]]
start = "2026-11-20T16:00:00Z"
end = "2026-11-20T16:30:00Z"
assessor = "Eva"
changed = ["privacyverklaring.pv-grondslag"]
"#;

/// Gaps shown in full in the snapshots.
const KEPT: [&str; 4] = [
    "privacyverklaring.pv-doeleinden",
    "privacyverklaring.pv-grondslag",
    "privacyverklaring.pv-gerechtvaardigd-belang",
    "privacyverklaring.pv-ontvangers",
];

fn env() -> TestEnv {
    let env = TestEnv::new();
    env.write_assessment("standaard", ASSESSMENT);
    env
}

/// The item id of a gap block: `[HOOG] id (status)`.
fn gap_id(block: &str) -> Option<&str> {
    block.strip_prefix('[')?.split(' ').nth(1)
}

#[test]
fn text_report_snapshot() {
    let env = env();
    let report = env.ok(&["report"]);
    let doc = env.json(&["report", "--format", "json"]);
    let total_gaps = doc["totals"]["gaps"].as_u64().unwrap() as usize;

    let blocks: Vec<&str> = report.split("\n\n").collect();
    let per_checklist: Vec<&str> = blocks
        .iter()
        .copied()
        .filter(|b| gap_id(b).is_some())
        .collect();
    assert_eq!(per_checklist.len(), total_gaps);
    // The plan comes first, a numbered block per open task, before any gap.
    let open_tasks = doc["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["status"] == "open")
        .count();
    let first_gap = blocks.iter().position(|b| gap_id(b).is_some()).unwrap();
    let tasks = blocks[..first_gap]
        .iter()
        .filter(|b| b.contains("\n    Waarom hier: "))
        .count();
    assert_eq!(
        tasks, open_tasks,
        "every open task is planned before the gaps"
    );
    for answered in [
        "privacyverklaring.pv-identiteit-contact",
        "privacyverklaring.pv-fg-contact",
    ] {
        let listed = blocks.iter().any(|b| gap_id(b) == Some(answered));
        assert!(!listed, "{answered} is not a gap");
    }
    let kept: Vec<&str> = blocks
        .iter()
        .copied()
        .filter(|b| gap_id(b).is_none_or(|id| KEPT.contains(&id)))
        .collect();
    assert_eq!(kept.len(), blocks.len() - total_gaps + KEPT.len());
    // The version changes with every release; the snapshot should not.
    let version = format!("pqs-versie {}", env!("CARGO_PKG_VERSION"));
    let text = kept
        .join("\n\n")
        .replacen(&version, "pqs-versie [VERSIE]", 1);
    insta::assert_snapshot!("text_report", text);
}

#[test]
fn json_report_snapshot() {
    let env = env();
    let raw = env.ok(&["report", "--format", "json"]);
    // The note is escaped as JSON requires and nothing more.
    assert!(
        raw.contains(
            r#""note": "<script>alert(1)</script> \"citaat\", komma | pijp, café\ntweede regel","#
        ),
        "{raw}"
    );
    let doc: Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(
        doc["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|g| g["note"] == NOTE)
            .count(),
        1
    );

    let checklists = doc["checklists"].as_array().unwrap();
    let gaps: Vec<&Value> = doc["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| KEPT.contains(&g["id"].as_str().unwrap()))
        .collect();
    let reduced = json!({
        "assessment": doc["assessment"],
        "generated_at": doc["generated_at"],
        "details": doc["details"],
        "review_months": doc["review_months"],
        "intake (answered)": doc["intake"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|q| !q["answer"].is_null())
            .collect::<Vec<_>>(),
        "since": doc["since"],
        "sessions": doc["sessions"],
        "totals": doc["totals"],
        "checklists (first of them)": checklists[0],
        "checklists (others)": checklists[1..]
            .iter()
            .map(|c| json!([c["id"], c["applicable"], c["answered"], c["score"]]))
            .collect::<Vec<_>>(),
        "gaps (kept)": gaps,
        "orphans": doc["orphans"],
    });
    insta::assert_snapshot!(
        "json_report",
        serde_json::to_string_pretty(&reduced).unwrap()
    );
}
