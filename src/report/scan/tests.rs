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
    // Ter controle: the answer due for review and the new item, in the TUI and every report.
    assert_eq!(scan.rechecks().count(), 2);
    assert!(items[0].to_check() && !items[1].to_check() && items[2].to_check());
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
            ..Default::default()
        },
        Timestamp::UNIX_EPOCH,
    );
    let same_day = Scan::new(&catalog(), &a, Timestamp::UNIX_EPOCH);
    assert!(!same_day.gaps[0].overdue);
    let next_day = Scan::new(&catalog(), &a, Timestamp::from_second(86_400).unwrap());
    assert!(next_day.gaps[0].overdue);
    assert_eq!(next_day.planned().len(), 1);
}

/// A parent with a follow-up and a grandchild, a deeper item, a consumer-law item, and a second
/// checklist that lists the parent with `see`.
const FAMILY: &str = r#"
id = "vier"
title = "Vier"
version = 1
reviewed = 2026-01-01
order = 1
[[items]]
id = "ouder"
question = "O?"
explanation = "e"
action = "a"
reference = "r"
severity = "high"
[[items]]
id = "kind"
question = "K?"
explanation = "e"
action = "a"
reference = "r"
severity = "medium"
follows = "ouder"
[[items]]
id = "kleinkind"
question = "KK?"
explanation = "e"
action = "a"
reference = "r"
severity = "low"
follows = "kind"
[[items]]
id = "diep"
question = "D?"
explanation = "e"
action = "a"
reference = "r"
severity = "low"
depth = "verdieping"
[[items]]
id = "koop"
question = "C?"
explanation = "e"
action = "a"
reference = "r"
severity = "medium"
scope = "consumentenrecht"
"#;

const LISTS_PARENT: &str = r#"
id = "vijf"
title = "Vijf"
version = 1
reviewed = 2026-01-01
order = 2
[[items]]
see = "vier.ouder"
[[items]]
id = "eigen"
question = "E?"
explanation = "e"
action = "a"
reference = "r"
severity = "low"
"#;

fn family(answers: &[(&str, Status)], depth: ScanDepth) -> Scan {
    let catalog = Catalog::new([
        parse_checklist(FAMILY, "vier", Source::Bundled).unwrap(),
        parse_checklist(LISTS_PARENT, "vijf", Source::Bundled).unwrap(),
    ]);
    assert_eq!(catalog.check(), [], "the test catalog is valid");
    let mut a = assessment(answers);
    a.set_depth(None, depth, Timestamp::UNIX_EPOCH);
    Scan::new(&catalog, &a, Timestamp::UNIX_EPOCH)
}

fn ids(scan: &Scan) -> Vec<&str> {
    scan.gaps.iter().map(|g| g.id.as_str()).collect()
}

#[test]
fn a_parent_answered_no_rules_out_its_follow_ups_which_count_as_not_done() {
    // The follow-ups were answered yes earlier; the parent is now no.
    let scan = family(
        &[
            ("vier.ouder", Status::No),
            ("vier.kind", Status::Yes),
            ("vier.kleinkind", Status::Yes),
        ],
        ScanDepth::Volledig,
    );
    for id in ["vier.kind", "vier.kleinkind"] {
        let state = scan.item(id).unwrap();
        assert_eq!(
            state.ruled_out,
            Some(RuledOut {
                parent: "vier.ouder".into(),
                status: Status::No
            }),
            "{id}"
        );
        assert!(!state.asked(), "{id} is not asked");
        assert!(state.counts(), "{id} still weighs in the score");
        assert_eq!(state.status, Some(Status::Yes), "{id}: the answer is kept");
        assert_eq!(state.scored_status(), None);
    }
    // Score of vier (AVG items only): ouder 0/3, kind 0/2, kleinkind 0/1, diep 0/1 => 0.
    assert_eq!(scan.checklists[0].score, 0.0);
    assert_eq!(scan.checklists[0].followed, 2);
    // Only the parent is a gap: the follow-ups' work is in the parent's action.
    assert!(ids(&scan).contains(&"vier.ouder"));
    assert!(!ids(&scan).contains(&"vier.kind"));
    assert!(!ids(&scan).contains(&"vier.kleinkind"));
}

#[test]
fn a_parent_answered_not_applicable_takes_its_follow_ups_out_of_the_score() {
    let scan = family(
        &[
            ("vier.ouder", Status::NotApplicable),
            ("vier.diep", Status::Yes),
        ],
        ScanDepth::Volledig,
    );
    let kind = scan.item("vier.kind").unwrap();
    assert!(!kind.counts() && !kind.asked());
    assert_eq!(
        kind.ruled_out.as_ref().map(|r| r.status),
        Some(Status::NotApplicable)
    );
    // Only diep (yes, 1 of 1) weighs: ouder is nvt, its follow-ups are out.
    assert_eq!(scan.checklists[0].score, 100.0);
}

#[test]
fn a_parent_answered_yes_or_not_yet_asks_its_follow_ups() {
    for answers in [vec![("vier.ouder", Status::Yes)], vec![]] {
        let scan = family(&answers, ScanDepth::Volledig);
        for id in ["vier.kind", "vier.kleinkind"] {
            let state = scan.item(id).unwrap();
            assert_eq!(state.ruled_out, None, "{id} with {answers:?}");
            assert!(state.asked(), "{id}");
            assert!(ids(&scan).contains(&id), "{id} is open");
        }
        assert_eq!(scan.checklists[0].followed, 0);
    }
}

#[test]
fn the_nearest_parent_answered_no_is_the_one_named() {
    let scan = family(
        &[("vier.ouder", Status::Yes), ("vier.kind", Status::Unknown)],
        ScanDepth::Volledig,
    );
    assert_eq!(scan.item("vier.kind").unwrap().ruled_out, None);
    assert_eq!(
        scan.item("vier.kleinkind").unwrap().ruled_out,
        Some(RuledOut {
            parent: "vier.kind".into(),
            status: Status::Unknown
        })
    );
    assert!(ids(&scan).contains(&"vier.kind"), "weet ik niet is open");
    assert!(!ids(&scan).contains(&"vier.kleinkind"));
}

#[test]
fn a_shared_item_counts_once_in_the_totals_and_in_each_checklist_that_lists_it() {
    let scan = family(&[("vier.ouder", Status::Yes)], ScanDepth::Volledig);
    let vijf = &scan.checklists[1];
    assert_eq!(vijf.items[0].id, "vier.ouder");
    assert_eq!(vijf.items[0].shared_from.as_deref(), Some("vier"));
    assert_eq!((vijf.total, vijf.answered), (2, 1));
    // ouder, kind, kleinkind, diep, eigen: five AVG items, ouder once.
    assert_eq!((scan.totals.total, scan.totals.answered), (5, 1));
    assert_eq!(
        scan.gaps.iter().filter(|g| g.id == "vier.ouder").count(),
        0,
        "answered yes"
    );
    let open = family(&[], ScanDepth::Volledig);
    assert_eq!(
        open.gaps.iter().filter(|g| g.id == "vier.ouder").count(),
        1,
        "one gap, however many checklists list it"
    );
}

#[test]
fn other_scopes_stay_out_of_the_privacy_score() {
    let scan = family(
        &[("vier.koop", Status::No), ("vier.ouder", Status::Yes)],
        ScanDepth::Volledig,
    );
    // vier's AVG score: ouder 3 of 3, kind 0/2, kleinkind 0/1, diep 0/1 => 3/7.
    assert!((scan.checklists[0].score - 300.0 / 7.0).abs() < 1e-9);
    assert_eq!(scan.others.len(), 1);
    let consumer = &scan.others[0];
    assert_eq!(consumer.scope, Scope::Consumentenrecht);
    assert_eq!(
        (consumer.total, consumer.answered, consumer.gaps),
        (1, 1, 1)
    );
    assert_eq!(consumer.score, 0.0);
}

#[test]
fn the_quick_scan_leaves_deeper_items_out_of_count_and_score() {
    let quick = family(&[("vier.ouder", Status::Yes)], ScanDepth::Snel);
    let diep = quick.item("vier.diep").unwrap();
    assert!(diep.deeper && !diep.asked() && !diep.counts());
    assert_eq!(quick.checklists[0].deeper, 1);
    assert_eq!(quick.totals.deeper, 1);
    assert!(!ids(&quick).contains(&"vier.diep"));
    let full = family(&[("vier.ouder", Status::Yes)], ScanDepth::Volledig);
    assert_eq!(full.totals.total, quick.totals.total + 1);
    assert!(full.totals.score < quick.totals.score);
}

#[test]
fn a_parent_answered_no_carries_its_follow_ups_actions_as_steps() {
    let catalog = Catalog::new([parse_checklist(
        &FAMILY.replace(
            "severity = \"low\"\nfollows = \"kind\"",
            "severity = \"low\"\nfollows = \"kind\"\ndepth = \"verdieping\"",
        ),
        "vier",
        Source::Bundled,
    )
    .unwrap()]);
    let mut a = assessment(&[("vier.ouder", Status::No)]);
    a.set_depth(None, ScanDepth::Snel, Timestamp::UNIX_EPOCH);
    let scan = Scan::new(&catalog, &a, Timestamp::UNIX_EPOCH);
    let ouder = scan.gaps.iter().find(|g| g.id == "vier.ouder").unwrap();
    // kind and the deeper kleinkind, in file order.
    assert_eq!(ouder.steps.len(), 2, "{:?}", ouder.steps);
    let unknown = Scan::new(
        &catalog,
        &assessment(&[("vier.ouder", Status::Unknown)]),
        Timestamp::UNIX_EPOCH,
    );
    assert_eq!(
        unknown
            .gaps
            .iter()
            .find(|g| g.id == "vier.ouder")
            .unwrap()
            .steps
            .len(),
        2
    );
    let yes = Scan::new(
        &catalog,
        &assessment(&[("vier.ouder", Status::Partly)]),
        Timestamp::UNIX_EPOCH,
    );
    let partly = yes.gaps.iter().find(|g| g.id == "vier.ouder").unwrap();
    assert!(partly.steps.is_empty(), "deels asks the follow-ups instead");
}

/// A parent with follow-ups and a checklist listing them, with answers that rule follow-ups out
/// (a parent answered nee, at the full depth) and that make them not count (niet van toepassing).
fn family_cases() -> (Catalog, Assessment, Assessment) {
    let family = Catalog::new([
        parse_checklist(FAMILY, "vier", Source::Bundled).unwrap(),
        parse_checklist(LISTS_PARENT, "vijf", Source::Bundled).unwrap(),
    ]);
    let mut ruled_out = assessment(&[
        ("vier.ouder", Status::No),
        ("vier.kind", Status::Yes),
        ("vier.diep", Status::Partly),
        ("vijf.eigen", Status::Partly),
    ]);
    ruled_out.set_depth(None, ScanDepth::Volledig, Timestamp::UNIX_EPOCH);
    let not_applicable = assessment(&[("vier.ouder", Status::NotApplicable)]);
    (family, ruled_out, not_applicable)
}

#[test]
fn the_totals_alone_are_the_whole_scans_totals() {
    let bundled = Catalog::bundled();
    let now = crate::report::fixture::now();
    let (family, ruled_out, not_applicable) = family_cases();
    let year = crate::report::fixture::scale::year_of_history(&bundled, "Jaar BV");
    let mut seen = Vec::new();
    for (catalog, a, moment) in [
        (&bundled, &crate::report::fixture::assessment(), now),
        (
            &bundled,
            &crate::report::fixture::complete_assessment(),
            now,
        ),
        (&bundled, &year, now),
        (&bundled, &Assessment::new("Leeg", now), now),
        (&family, &ruled_out, Timestamp::UNIX_EPOCH),
        (&family, &not_applicable, Timestamp::UNIX_EPOCH),
    ] {
        let whole = Scan::new(catalog, a, moment).totals;
        let alone = Scan::totals(catalog, a, moment);
        assert_eq!(alone, whole, "{}", a.organisation);
        assert_eq!(alone.score.to_bits(), whole.score.to_bits());
        seen.push((alone.answered, alone.gaps, alone.followed, alone.skipped));
    }
    seen.dedup();
    assert!(seen.len() >= 5, "the cases differ: {seen:?}");
}

#[test]
fn the_score_at_a_moment_is_the_whole_scan_of_the_answers_then() {
    let bundled = Catalog::bundled();
    let fixture = crate::report::fixture::assessment();
    let first_end = fixture.sessions[0].end;
    let complete = crate::report::fixture::complete_assessment();
    let now = crate::report::fixture::now();
    let (family, ruled_out, not_applicable) = family_cases();
    // Answered after the fixture's moment: left out of the score at it.
    let mut later = fixture.clone();
    let first = bundled.items().next().unwrap().1.id.to_string();
    later.set_status(
        &first,
        Some(Status::No),
        None,
        now + jiff::SignedDuration::from_hours(1),
    );
    let mut scores = Vec::new();
    for (catalog, a, moment) in [
        (&bundled, &fixture, now),
        (&bundled, &fixture, first_end),
        (&bundled, &later, now),
        (&bundled, &complete, now),
        (&family, &ruled_out, Timestamp::UNIX_EPOCH),
        (&family, &not_applicable, Timestamp::UNIX_EPOCH),
    ] {
        let whole = Scan::new(catalog, &a.as_of(moment), moment);
        let (score, answers) = Scan::score_at(catalog, a, moment);
        assert_eq!(score.to_bits(), whole.totals.score.to_bits());
        let statuses: Vec<Option<Status>> = catalog
            .items()
            .map(|(_, item)| whole.item(&item.id).and_then(|s| s.status))
            .collect();
        assert_eq!(answers, statuses);
        scores.push(score);
    }
    assert_eq!(
        Scan::score_at(&bundled, &later, now).1,
        Scan::score_at(&bundled, &fixture, now).1,
        "an answer given after the moment is not read"
    );
    assert_ne!(
        Scan::score_at(&bundled, &fixture, now).1,
        Scan::score_at(&bundled, &fixture, first_end).1,
        "the answers at the first session's end differ from now's"
    );
    scores.dedup();
    assert!(scores.len() >= 4, "the cases differ: {scores:?}");
}

#[test]
fn a_scan_of_the_past_counts_the_same_without_what_as_of_leaves_out() {
    // `Assessment::as_of` leaves out the plan, the sessions and the known items, which no score
    // reads: scanned with them put back, every count and score is the same.
    let catalog = Catalog::bundled();
    let fixture = crate::report::fixture::assessment();
    assert!(
        !fixture.sessions.is_empty() && !fixture.known_items.is_empty() && !fixture.plan.is_empty()
    );
    for moment in [fixture.sessions[0].end, crate::report::fixture::now()] {
        let then = fixture.as_of(moment);
        assert!(then.sessions.is_empty() && then.known_items.is_empty() && then.plan.is_empty());
        let mut whole = fixture.clone();
        whole.answers = then.answers.clone();
        let (left_out, put_back) = (
            Scan::new(&catalog, &then, moment),
            Scan::new(&catalog, &whole, moment),
        );
        assert_eq!(left_out.totals, put_back.totals);
        let counts = |scan: &Scan| -> Vec<(String, f64, usize, usize, usize)> {
            scan.checklists
                .iter()
                .map(|c| (c.id.to_string(), c.score, c.total, c.answered, c.open_high))
                .collect()
        };
        assert_eq!(counts(&left_out), counts(&put_back));
        assert_eq!(
            Scan::score_at(&catalog, &fixture, moment).0,
            put_back.totals.score
        );
    }
}
