use super::*;
use crate::checklist::{Source, parse_checklist};

const FIRST: &str = r#"
id = "een"
title = "Een"
version = 1
reviewed = 2026-01-01
order = 1
[[items]]
id = "laag"
question = "L?"
explanation = "e"
action = "a"
reference = "r"
severity = "low"
[[items]]
id = "hoog"
question = "H?"
explanation = "e"
action = "a"
reference = "r"
severity = "high"
[[items]]
id = "middel"
question = "M?"
explanation = "e"
action = "a"
reference = "r"
severity = "medium"
"#;

fn catalog() -> Catalog {
    let second = FIRST
        .replace("\"een\"", "\"twee\"")
        .replace("order = 1", "order = 2");
    Catalog::new([
        parse_checklist(&second, "twee", Source::Bundled).unwrap(),
        parse_checklist(FIRST, "een", Source::Bundled).unwrap(),
    ])
}

fn assessment(answers: &[(&str, Status)]) -> Assessment {
    let now = Timestamp::UNIX_EPOCH;
    let mut a = Assessment::new("Test", now);
    for (id, status) in answers {
        a.set_status(id, Some(*status), None, now);
    }
    a
}

#[test]
fn score_weighs_severity_and_credits_partly_half() {
    // een: low yes (1 of 1), high partly (1.5 of 3), medium no (0 of 2) => 2.5 / 6
    let a = assessment(&[
        ("een.laag", Status::Yes),
        ("een.hoog", Status::Partly),
        ("een.middel", Status::No),
    ]);
    let scan = Scan::new(&catalog(), &a, Timestamp::UNIX_EPOCH);
    let een = &scan.checklists[0];
    assert_eq!(een.id, "een");
    assert!((een.score - 250.0 / 6.0).abs() < 1e-9, "{}", een.score);
    assert_eq!((een.answered, een.applicable, een.total), (3, 3, 3));
    assert_eq!(een.open_high, 1);
    // twee is unanswered: 0 of 6. Total: 2.5 / 12.
    assert_eq!(scan.checklists[1].score, 0.0);
    assert!((scan.totals.score - 250.0 / 12.0).abs() < 1e-9);
}

#[test]
fn not_applicable_leaves_both_sides() {
    let a = assessment(&[
        ("een.hoog", Status::NotApplicable),
        ("een.middel", Status::NotApplicable),
        ("een.laag", Status::Yes),
    ]);
    let scan = Scan::new(&catalog(), &a, Timestamp::UNIX_EPOCH);
    assert_eq!(scan.checklists[0].score, 100.0);
    assert_eq!(scan.checklists[0].applicable, 1);
    assert_eq!(scan.checklists[0].answered, 3);
}

#[test]
fn unknown_and_unanswered_score_zero() {
    let a = assessment(&[("een.hoog", Status::Unknown), ("een.middel", Status::No)]);
    assert_eq!(
        Scan::new(&catalog(), &a, Timestamp::UNIX_EPOCH).checklists[0].score,
        0.0
    );
}

#[test]
fn everything_not_applicable_scores_full() {
    let ids = ["een.laag", "een.hoog", "een.middel"];
    let answers: Vec<_> = ids.iter().map(|id| (*id, Status::NotApplicable)).collect();
    assert_eq!(
        Scan::new(&catalog(), &assessment(&answers), Timestamp::UNIX_EPOCH).checklists[0].score,
        100.0
    );
}

#[test]
fn gaps_are_high_first_then_checklist_then_item_order() {
    let a = assessment(&[
        ("een.laag", Status::Yes),
        ("twee.middel", Status::NotApplicable),
    ]);
    let scan = Scan::new(&catalog(), &a, Timestamp::UNIX_EPOCH);
    let ids: Vec<&str> = scan.gaps.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids, ["een.hoog", "twee.hoog", "een.middel", "twee.laag"]);
    assert_eq!(scan.totals.gaps, 4);
}

#[test]
fn answers_without_item_are_orphans_and_do_not_count() {
    let a = assessment(&[("weg.vraag", Status::Yes), ("een.laag", Status::Yes)]);
    let scan = Scan::new(&catalog(), &a, Timestamp::UNIX_EPOCH);
    assert_eq!(scan.orphans.len(), 1);
    assert_eq!(scan.orphans[0].id, "weg.vraag");
    assert_eq!(scan.totals.answered, 1);
}

const GATED: &str = r#"
id = "drie"
title = "Drie"
version = 1
reviewed = 2026-01-01
order = 3
[[items]]
id = "altijd"
question = "A?"
explanation = "e"
action = "a"
reference = "r"
severity = "high"
[[items]]
id = "winkel"
question = "W?"
explanation = "e"
action = "a"
reference = "r"
severity = "high"
applies_if = "webshop"
[[items]]
id = "zonder-personeel"
question = "Z?"
explanation = "e"
action = "a"
reference = "r"
severity = "low"
applies_if = "!personeel"
"#;

fn gated(intake: &[(&str, bool)]) -> Scan {
    let catalog = Catalog::new([parse_checklist(GATED, "drie", Source::Bundled).unwrap()]);
    let mut a = assessment(&[("drie.winkel", Status::No)]);
    for (flag, yes) in intake {
        a.set_intake(
            flag,
            Some(crate::checklist::Value::from_bool(*yes)),
            Timestamp::UNIX_EPOCH,
        );
    }
    Scan::new(&catalog, &a, Timestamp::UNIX_EPOCH)
}

#[test]
fn unanswered_intake_means_everything_applies() {
    let scan = gated(&[]);
    assert_eq!(scan.totals.total, 3);
    assert_eq!(scan.totals.skipped, 0);
    assert_eq!(scan.gaps.len(), 3);
}

#[test]
fn items_ruled_out_by_the_intake_leave_scores_and_gaps_but_keep_their_answer() {
    let scan = gated(&[("webshop", false), ("personeel", true)]);
    let drie = &scan.checklists[0];
    assert_eq!((drie.total, drie.skipped, drie.answered), (1, 2, 0));
    let ids: Vec<&str> = scan.gaps.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids, ["drie.altijd"]);
    let winkel = &drie.items[1];
    assert_eq!(winkel.status, Some(Status::No), "the answer is kept");
    assert_eq!(
        winkel.excluded.as_ref().unwrap().condition.to_string(),
        "webshop"
    );
    assert_eq!(
        drie.items[2]
            .excluded
            .as_ref()
            .unwrap()
            .condition
            .to_string(),
        "!personeel"
    );
    assert_eq!(scan.totals.gaps, 1);
}

#[test]
fn a_ruled_out_checklist_says_why() {
    let checklist = GATED.replace("order = 3", "order = 3\napplies_if = \"webshop\"");
    let catalog = Catalog::new([parse_checklist(&checklist, "drie", Source::Bundled).unwrap()]);
    let mut a = assessment(&[]);
    a.set_intake(
        "webshop",
        Some(crate::checklist::Value::from_bool(false)),
        Timestamp::UNIX_EPOCH,
    );
    let scan = Scan::new(&catalog, &a, Timestamp::UNIX_EPOCH);
    assert_eq!(
        scan.checklists[0].excluded.as_ref().unwrap().condition.flag,
        "webshop"
    );
    assert_eq!(scan.totals.total, 0);
    assert_eq!(scan.totals.score, 100.0);
}

#[test]
fn review_changed_question_and_new_items_are_flagged() {
    let catalog = Catalog::new([parse_checklist(GATED, "drie", Source::Bundled).unwrap()]);
    let mut a = Assessment::new("", Timestamp::UNIX_EPOCH);
    a.set_status(
        "drie.altijd",
        Some(Status::Yes),
        Some("oude-vraag"),
        Timestamp::UNIX_EPOCH,
    );
    a.known_items.insert("drie.altijd".into());
    a.known_items.insert("drie.winkel".into());
    let later = Timestamp::from_second(400 * 86_400).unwrap();
    let scan = Scan::new(&catalog, &a, later);
    let items = &scan.checklists[0].items;
    assert!(items[0].review_due && items[0].question_changed && !items[0].new);
    assert!(!items[1].new, "known before");
    assert!(items[2].new, "added since the last session");
    assert_eq!(scan.rechecks().count(), 1);
}

#[test]
fn plan_entries_ride_on_gaps_and_overdue_is_by_day() {
    let mut a = assessment(&[("een.hoog", Status::No)]);
    let due = jiff::civil::date(1970, 1, 1);
    a.set_plan(
        "een.hoog",
        PlanEntry {
            owner: "Sanne".into(),
            due: Some(due),
            action: String::new(),
        },
        Timestamp::UNIX_EPOCH,
    );
    let same_day = Scan::new(&catalog(), &a, Timestamp::UNIX_EPOCH);
    assert!(!same_day.gaps[0].overdue);
    let next_day = Scan::new(&catalog(), &a, Timestamp::from_second(86_400).unwrap());
    assert!(next_day.gaps[0].overdue);
    assert_eq!(next_day.planned().len(), 1);
}
