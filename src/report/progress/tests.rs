use std::collections::BTreeSet;

use super::*;
use crate::checklist::{Source, parse_checklist};

const CHECKLIST: &str = r#"
id = "een"
title = "Een"
version = 1
reviewed = 2026-01-01
order = 1
[[items]]
id = "a"
question = "A?"
explanation = "e"
action = "a"
reference = "r"
severity = "high"
[[items]]
id = "b"
question = "B?"
explanation = "e"
action = "a"
reference = "r"
severity = "high"
[[items]]
id = "c"
question = "C?"
explanation = "e"
action = "a"
reference = "r"
severity = "high"
[[items]]
id = "d"
question = "D?"
explanation = "e"
action = "a"
reference = "r"
severity = "high"
[[items]]
id = "e"
question = "E?"
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
"#;

fn catalog() -> Catalog {
    Catalog::new([parse_checklist(CHECKLIST, "een", Source::Bundled).unwrap()])
}

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

/// Two sessions: the first on 1 November, the second on 10 November.
fn assessment() -> Assessment {
    let (first, second) = (at("2026-11-01T10:00:00Z"), at("2026-11-10T10:00:00Z"));
    let mut a = Assessment::new("Test", first);
    a.set_status("een.a", Some(Status::No), None, first);
    a.set_status("een.b", Some(Status::Yes), None, first);
    a.set_status("een.c", Some(Status::No), None, first);
    a.set_status("een.d", Some(Status::Yes), None, first);
    a.set_status("een.winkel", Some(Status::No), None, first);
    let ids = |ids: &[&str]| ids.iter().map(|s| (*s).to_owned()).collect::<BTreeSet<_>>();
    a.record_session(first, at("2026-11-01T11:00:00Z"), "Anna", &ids(&["een.a"]));
    a.set_status("een.a", Some(Status::Partly), None, second); // improved
    a.set_status("een.b", Some(Status::No), None, second); // worsened
    a.set_status("een.c", Some(Status::NotApplicable), None, second); // closed: improved
    a.set_status("een.d", Some(Status::NotApplicable), None, second); // settled both times
    a.set_status("een.e", Some(Status::Unknown), None, second); // newly answered
    a.set_status("een.winkel", Some(Status::Yes), None, second); // ruled out below
    a.set_intake(
        "webshop",
        Some(crate::checklist::Value::from_bool(false)),
        second,
    );
    a.record_session(
        second,
        at("2026-11-10T12:30:00Z"),
        "Bram",
        &ids(&["een.a", "een.b", "een.c"]),
    );
    a
}

/// Compares `a` at `moment` (a chosen baseline) with `a` on 23 November.
fn since(a: &Assessment, moment: &str) -> Progress {
    let catalog = catalog();
    let now = Scan::new(&catalog, a, at("2026-11-23T10:00:00Z"));
    compare(&catalog, a, &now, at(moment), Baseline::Chosen)
}

fn ids(changes: &[Change]) -> Vec<&str> {
    changes.iter().map(|c| c.id.as_str()).collect()
}

#[test]
fn the_default_baseline_is_the_end_of_the_session_before_the_latest() {
    let a = assessment();
    assert_eq!(default_baseline(&a), Some(at("2026-11-01T11:00:00Z")));
    let mut one = a.clone();
    one.sessions.truncate(1);
    assert_eq!(default_baseline(&one), None);
    one.sessions.clear();
    assert_eq!(default_baseline(&one), None);
}

#[test]
fn changes_since_the_previous_session_are_sorted_into_three_lists() {
    let (catalog, a) = (catalog(), assessment());
    let now = Scan::new(&catalog, &a, at("2026-11-23T10:00:00Z"));
    let moment = default_baseline(&a).unwrap();
    let p = compare(&catalog, &a, &now, moment, Baseline::PreviousSession);
    assert_eq!(ids(&p.newly_answered), ["een.e"]);
    assert_eq!(ids(&p.improved), ["een.a", "een.c"]);
    assert_eq!(ids(&p.worsened), ["een.b"]);
    assert_eq!(p.improved[0].before, Some(Status::No));
    assert_eq!(p.improved[0].after, Some(Status::Partly));
    assert_eq!(p.improved[0].question, "A?");
    assert_eq!(p.moment, moment);
    assert!(!p.is_empty());
    // Then: a no, b yes, c no, d yes, e unanswered (winkel ruled out now): 6 of 15.
    assert!((p.score_then - 40.0).abs() < 1e-9, "{}", p.score_then);
    // Now: a partly, b no, e unknown of 9 (c and d not applicable): 1.5 of 9.
    assert!((p.score_now - 100.0 / 6.0).abs() < 1e-9, "{}", p.score_now);
}

#[test]
fn a_moment_before_everything_makes_every_answer_newly_answered() {
    let p = since(&assessment(), "2026-01-01T00:00:00Z");
    assert_eq!(
        ids(&p.newly_answered),
        ["een.a", "een.b", "een.c", "een.d", "een.e"],
        "only items that apply now"
    );
    assert!(p.improved.is_empty() && p.worsened.is_empty());
    assert_eq!(p.score_then, 0.0);
}

#[test]
fn a_moment_after_the_last_change_shows_nothing() {
    let p = since(&assessment(), "2026-11-20T00:00:00Z");
    assert!(p.is_empty());
    assert_eq!(p.score_then, p.score_now);
}

#[test]
fn clearing_an_answer_counts_as_worse_when_it_earned_something() {
    let mut a = assessment();
    a.set_status("een.d", None, None, at("2026-11-11T09:00:00Z"));
    let p = since(&a, "2026-11-10T13:00:00Z");
    assert_eq!(ids(&p.worsened), ["een.d"]);
    assert_eq!(p.worsened[0].after, None);
}

#[test]
fn each_session_gets_its_changes_and_the_score_at_its_end() {
    let rows = sessions(&catalog(), &assessment());
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].assessor, "Anna");
    assert_eq!(rows[0].changes, 1);
    assert!((rows[0].score - 40.0).abs() < 1e-9);
    assert_eq!(rows[1].assessor, "Bram");
    assert_eq!(rows[1].changes, 3);
    assert_eq!(rows[1].start, at("2026-11-10T10:00:00Z"));
    assert_eq!(rows[1].end, at("2026-11-10T12:30:00Z"));
    assert!((rows[1].score - 100.0 / 6.0).abs() < 1e-9);
}

#[test]
fn since_accepts_a_date_or_a_timestamp() {
    let amsterdam = TimeZone::get("Europe/Amsterdam").unwrap();
    assert_eq!(
        parse_moment("2026-11-01", &amsterdam),
        Some(at("2026-10-31T23:00:00Z")),
        "start of the day in local time"
    );
    assert_eq!(
        parse_moment("2026-11-01", &TimeZone::UTC),
        Some(at("2026-11-01T00:00:00Z"))
    );
    assert_eq!(
        parse_moment(" 2026-11-01T14:00:00+01:00 ", &TimeZone::UTC),
        Some(at("2026-11-01T13:00:00Z"))
    );
    // The Dutch order, as the plan's due dates, with a time or not.
    assert_eq!(
        parse_moment("1-11-2026", &TimeZone::UTC),
        Some(at("2026-11-01T00:00:00Z"))
    );
    assert_eq!(
        parse_moment("01-11-2026 14:30", &TimeZone::UTC),
        Some(at("2026-11-01T14:30:00Z"))
    );
    for bad in [
        "gisteren",
        "2026-13-01",
        "31-11-2026",
        "1-11-26",
        "1-11-2026 25:00",
        "",
    ] {
        assert_eq!(parse_moment(bad, &TimeZone::UTC), None, "{bad}");
    }
}

#[test]
fn an_item_listed_in_two_checklists_changes_once() {
    let lists = "id = \"twee\"\ntitle = \"Twee\"\nversion = 1\nreviewed = 2026-01-01\norder = 2\n\
                 [[items]]\nsee = \"een.a\"\n[[items]]\nid = \"eigen\"\nquestion = \"Q?\"\n\
                 explanation = \"e\"\naction = \"a\"\nreference = \"r\"\nseverity = \"low\"\n";
    let catalog = Catalog::new([
        parse_checklist(CHECKLIST, "een", Source::Bundled).unwrap(),
        parse_checklist(lists, "twee", Source::Bundled).unwrap(),
    ]);
    let a = assessment();
    let now = Scan::new(&catalog, &a, at("2026-11-23T10:00:00Z"));
    let progress = compare(
        &catalog,
        &a,
        &now,
        at("2026-11-05T00:00:00Z"),
        Baseline::Chosen,
    );
    assert_eq!(ids(&progress.improved), ["een.a", "een.c"]);
}

#[test]
fn an_item_its_checklist_does_not_list_leaves_the_others_compared_by_id() {
    // A copy made by hand can hold an item that no entry lists: the scan leaves it out, so the
    // answers then no longer come in the scan's order; each is then found by its id.
    let mut checklist = parse_checklist(CHECKLIST, "een", Source::Bundled).unwrap();
    checklist
        .entries
        .retain(|e| !matches!(e, crate::checklist::Entry::Own(0)));
    let catalog = Catalog::new([checklist]);
    let a = assessment();
    let now = Scan::new(&catalog, &a, at("2026-11-23T10:00:00Z"));
    let moment = default_baseline(&a).unwrap();
    let p = compare(&catalog, &a, &now, moment, Baseline::PreviousSession);
    assert_eq!(ids(&p.newly_answered), ["een.e"]);
    assert_eq!(ids(&p.improved), ["een.c"]);
    assert_eq!(ids(&p.worsened), ["een.b"]);
    assert_eq!(p.worsened[0].before, Some(Status::Yes));
}
