//! Review dates, changed questions and new questions through the CLI, with a fixed clock.

use std::fs;

use serde_json::Value;

use crate::common::{TestEnv, checklist_toml, item_of as item};

const OLD: &str = "2025-10-01T09:00:00Z";

fn json_report(env: &TestEnv) -> Value {
    serde_json::from_str(&env.ok(&["report", "--format", "json"])).unwrap()
}

#[test]
fn an_answer_older_than_the_review_period_is_due_and_listed() {
    let env = TestEnv::new();
    let id = crate::common::ITEM;
    env.pqs()
        .env("PQS_NOW", OLD)
        .args(["answer", id, "ja"])
        .assert()
        .success();
    env.ok(&["answer", "avg-stappen.avg-3-transparantie", "ja"]);
    // Now is 2026-11-23: the first answer is almost 14 months old, the second fresh.
    let doc = json_report(&env);
    assert_eq!(item(&doc, id)["review_due"], true);
    assert_eq!(
        item(&doc, "avg-stappen.avg-3-transparantie")["review_due"],
        false
    );
    let text = env.ok(&["report"]);
    assert!(text.contains("Ter controle"), "{text}");
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("herzien: beantwoord op 1 oktober 2025"),
        "{text}"
    );

    // A longer period (set per assessment) makes it fresh again.
    env.ok(&["details", "--review-months", "24"]);
    assert_eq!(item(&json_report(&env), id)["review_due"], false);
}

#[test]
fn a_changed_question_is_flagged_until_answered_again() {
    let env = TestEnv::new();
    let file = env.checklists().join("eigen.toml");
    fs::write(&file, checklist_toml("eigen", "Eigen lijst", 2)).unwrap();
    env.ok(&["answer", "eigen.vraag-1", "ja"]);
    assert_eq!(
        item(&json_report(&env), "eigen.vraag-1")["question_changed"],
        false
    );

    // The checklist is updated: the first question gets another text.
    let changed = checklist_toml("eigen", "Eigen lijst", 2)
        .replace("Is vraag 1 geregeld?", "Is vraag 1 schriftelijk geregeld?");
    fs::write(&file, changed).unwrap();
    let doc = json_report(&env);
    assert_eq!(item(&doc, "eigen.vraag-1")["question_changed"], true);
    assert_eq!(
        item(&doc, "eigen.vraag-2")["question_changed"],
        false,
        "unanswered"
    );
    assert!(env.ok(&["report"]).contains("vraag gewijzigd"));

    // Answering again, even with the same status, records the new question.
    env.pqs()
        .env("PQS_NOW", "2026-11-24T10:00:00Z")
        .args(["answer", "eigen.vraag-1", "ja"])
        .assert()
        .success();
    assert_eq!(
        item(&json_report(&env), "eigen.vraag-1")["question_changed"],
        false
    );
}

#[test]
fn questions_added_after_the_last_session_are_new() {
    let env = TestEnv::new();
    let file = env.checklists().join("eigen.toml");
    fs::write(&file, checklist_toml("eigen", "Eigen lijst", 1)).unwrap();
    env.ok(&["answer", "eigen.vraag-1", "ja"]);
    // What a TUI session leaves behind: the items known at its end.
    let path = env.data().join("standaard.toml");
    let mut text = fs::read_to_string(&path).unwrap();
    let mut known: Vec<String> = pqs::checklist::Catalog::bundled()
        .items()
        .map(|(_, i)| format!("\"{}\"", i.id))
        .collect();
    known.push("\"eigen.vraag-1\"".into());
    text.push_str(&format!("\n[known]\nitems = [{}]\n", known.join(", ")));
    fs::write(&path, text).unwrap();

    fs::write(&file, checklist_toml("eigen", "Eigen lijst", 2)).unwrap();
    let doc = json_report(&env);
    assert_eq!(item(&doc, "eigen.vraag-2")["new"], true);
    assert_eq!(item(&doc, "eigen.vraag-1")["new"], false);
    assert_eq!(item(&doc, "privacyverklaring.pv-doeleinden")["new"], false);
}
