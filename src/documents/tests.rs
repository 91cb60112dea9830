use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::breaches::REPORT_WITHIN;
use super::register::Field;
use super::suggest::{Suggestions, adopt_activity, adopt_processor};
use super::*;
use crate::checklist::{Catalog, Value};

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

/// The Netherlands' rule for summer time, without the time-zone database (so the test is the same
/// on every machine).
fn amsterdam() -> TimeZone {
    TimeZone::posix("CET-1CEST,M3.5.0,M10.5.0/3").unwrap()
}

fn complete_activity() -> Activity {
    Activity {
        id: "bestellingen".into(),
        name: "Bestellingen afhandelen".into(),
        purpose: "Bestellingen leveren".into(),
        basis: Some(LegalBasis::Overeenkomst),
        interest: String::new(),
        people: "Klanten".into(),
        data: "Naam, adres".into(),
        special: false,
        criminal: false,
        recipients: "Bezorgdienst".into(),
        transfers: "geen".into(),
        retention: "7 jaar".into(),
        security: "Zie het beveiligingsplan".into(),
        history: Vec::new(),
        stamp: Stamp::new(at("2026-12-01T09:00:00Z")),
    }
}

#[test]
fn ids_are_made_from_names_and_never_taken_twice() {
    assert_eq!(
        id_for("Bestellingen afhandelen", [].into_iter()),
        "bestellingen-afhandelen"
    );
    assert_eq!(id_for("  Café & Crème! ", [].into_iter()), "cafe-creme");
    assert_eq!(id_for("!!!", [].into_iter()), "item");
    assert_eq!(
        id_for("Nieuwsbrief", ["nieuwsbrief", "nieuwsbrief-2"].into_iter()),
        "nieuwsbrief-3"
    );
}

#[test]
fn an_activity_is_complete_only_with_every_field_of_article_30() {
    let complete = complete_activity();
    assert!(complete.is_complete(), "{:?}", complete.missing());
    let mut a = complete.clone();
    a.retention = " ".into();
    a.basis = None;
    assert_eq!(a.missing(), [Field::Basis, Field::Retention]);
    // A legitimate interest must be spelled out.
    let mut a = complete.clone();
    a.basis = Some(LegalBasis::GerechtvaardigdBelang);
    assert_eq!(a.missing(), [Field::Interest]);
    a.interest = "Fraude voorkomen".into();
    assert!(a.is_complete());
    // Transfers outside the EEA must be answered, also when there are none ("geen").
    let mut a = complete;
    a.transfers.clear();
    assert_eq!(a.missing(), [Field::Transfers]);
    a.name = " ".into();
    assert!(matches!(a.check(), Err(FieldError::Empty(_))));
}

#[test]
fn a_legal_basis_is_one_of_the_six_of_article_6() {
    assert_eq!(
        LegalBasis::parse("wettelijke-plicht"),
        Ok(LegalBasis::WettelijkePlicht)
    );
    let err = LegalBasis::parse("omdat het moet").unwrap_err().to_string();
    assert!(err.contains("\"omdat het moet\""), "{err}");
    for basis in LegalBasis::ALL {
        assert!(err.contains(basis.id()), "{err}");
        assert_eq!(LegalBasis::parse(basis.id()), Ok(basis));
    }
}

#[test]
fn a_processor_without_a_signed_agreement_or_safeguard_has_gaps() {
    use super::processors::Missing;
    let mut p = Processor {
        id: "hosting".into(),
        name: "Hosting BV".into(),
        service: "Hosting".into(),
        data: "Formulieren".into(),
        location: None,
        safeguard: String::new(),
        agreement: None,
        checked: None,
        history: Vec::new(),
        stamp: Stamp::new(at("2026-12-01T09:00:00Z")),
    };
    assert_eq!(p.missing(), [Missing::Agreement, Missing::Location]);
    p.location = Some(Location::BuitenEer);
    p.agreement = Some(jiff::civil::date(2026, 11, 30));
    assert_eq!(p.missing(), [Missing::Safeguard]);
    p.safeguard = "EU-US Data Privacy Framework".into();
    assert_eq!(p.missing(), []);
    assert_eq!(Location::parse("buiten-eer"), Ok(Location::BuitenEer));
    assert!(Location::parse("Amerika").is_err());
}

#[test]
fn the_72_hour_clock_runs_in_real_hours_across_the_end_of_summer_time() {
    let tz = amsterdam();
    // Found on Friday 23 October 2026 at 10:00 summer time; summer time ends on Sunday the 25th.
    let found = jiff::civil::datetime(2026, 10, 23, 10, 0, 0, 0)
        .to_zoned_datetime(tz.clone())
        .unwrap()
        .timestamp();
    let breach = Breach::new(found, "Laptop gestolen", false, found, &tz, [].into_iter());
    assert_eq!(breach.id, "2026-10-23-1");
    let deadline = breach.deadline().to_zoned_datetime(tz.clone());
    // 72 real hours later is Monday 09:00 winter time, not 10:00.
    assert_eq!(
        deadline.datetime(),
        jiff::civil::datetime(2026, 10, 26, 9, 0, 0, 0)
    );
    assert_eq!(breach.deadline().duration_since(found), REPORT_WITHIN);

    let a_day_later = found
        .saturating_add(jiff::SignedDuration::from_hours(24))
        .unwrap();
    assert_eq!(
        breach.clock(a_day_later),
        Deadline::Running(breach.deadline(), jiff::SignedDuration::from_hours(48))
    );
    assert!(breach.open(a_day_later));
    let too_late = found
        .saturating_add(jiff::SignedDuration::from_hours(75))
        .unwrap();
    assert_eq!(
        breach.clock(too_late),
        Deadline::Passed(breach.deadline(), jiff::SignedDuration::from_hours(3))
    );

    let mut reported = breach.clone();
    reported.reported = Some(a_day_later);
    assert_eq!(
        reported.clock(too_late),
        Deadline::Reported(a_day_later, true)
    );
    assert!(!reported.open(too_late));
    reported.reported = Some(too_late);
    assert_eq!(
        reported.clock(too_late),
        Deadline::Reported(too_late, false)
    );
    assert!(
        reported
            .missing()
            .contains(&crate::text::FIELD_LATE_BECAUSE),
        "a late report needs the reason for the delay"
    );

    let mut not = breach.clone();
    not.not_reported_because = "Versleutelde laptop: geen risico".into();
    assert_eq!(not.clock(too_late), Deadline::NotReportable);
    // Both a report and a reason not to report is refused; so is a report before the discovery.
    not.reported = Some(a_day_later);
    assert!(not.check().is_err());
    let mut early = breach;
    early.reported = Some(at("2026-10-01T00:00:00Z"));
    assert!(early.check().is_err());
}

#[test]
fn a_second_breach_found_the_same_day_gets_the_next_number() {
    let tz = amsterdam();
    let found = at("2026-12-01T08:00:00Z");
    let taken = ["2026-12-01-1"];
    let b = Breach::new(
        found,
        "Mail aan verkeerde klant",
        true,
        found,
        &tz,
        taken.into_iter(),
    );
    assert_eq!(b.id, "2026-12-01-2");
    assert!(b.drill);
    assert!(b.missing().contains(&crate::text::FIELD_EVALUATION));
}

#[test]
fn changes_since_a_moment_name_what_was_added_changed_and_removed() {
    let before = at("2026-11-01T00:00:00Z");
    let mut docs = Documents::default();
    let mut old = complete_activity();
    old.name = "Oud".into();
    old.stamp = Stamp::new(at("2026-10-01T00:00:00Z"));
    let mut changed = old.clone();
    changed.name = "Gewijzigd".into();
    changed.stamp.updated = at("2026-11-15T00:00:00Z");
    let mut removed = old.clone();
    removed.name = "Weg".into();
    removed.stamp.removed = Some(at("2026-11-20T00:00:00Z"));
    let new = complete_activity();
    docs.activities = vec![old, changed, removed, new];
    let changes = docs.changes_since(before);
    let seen: Vec<(&str, What)> = changes.iter().map(|c| (c.name.as_str(), c.what)).collect();
    assert_eq!(
        seen,
        [
            ("Gewijzigd", What::Changed),
            ("Weg", What::Removed),
            ("Bestellingen afhandelen", What::Added)
        ]
    );
    assert_eq!(docs.activities().count(), 3, "a removed one is not listed");
}

#[test]
fn the_bundled_suggestions_use_intake_questions_and_valid_bases() {
    let s = Suggestions::bundled();
    let catalog = Catalog::bundled();
    let flags: Vec<&str> = catalog
        .intake()
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    for (id, when) in s
        .activities
        .iter()
        .map(|a| (&a.id, &a.when))
        .chain(s.processors.iter().map(|p| (&p.id, &p.when)))
    {
        assert!(!when.is_empty(), "{id} is suggested to everyone");
        for c in when {
            assert!(flags.contains(&c.flag.as_str()), "{id}: {}", c.flag);
        }
    }
    for a in &s.activities {
        // Every field but the transfers, which only the business knows, is pre-filled.
        assert_eq!(a.record.missing(), [Field::Transfers], "{}", a.id);
    }
}

#[test]
fn a_bakery_is_offered_what_it_does_and_nothing_is_added_without_a_yes() {
    let s = Suggestions::bundled();
    let catalog = Catalog::bundled();
    let mut answers = crate::checklist::Facts::new();
    for yes in [
        "personeel",
        "website",
        "webshop",
        "nieuwsbrief",
        "verwerkers",
    ] {
        answers.insert(yes.into(), Value::Yes);
    }
    answers.insert("camera".into(), Value::No);
    let facts = catalog.intake().effective(&answers);
    let mut docs = Documents::default();
    let ids = |docs: &Documents| -> Vec<String> {
        s.activities_for(&facts, docs)
            .map(|a| a.id.clone())
            .collect()
    };
    assert_eq!(
        ids(&docs),
        [
            "bestellingen",
            "personeelsadministratie",
            "salarisadministratie",
            "sollicitaties",
            "nieuwsbrief"
        ]
    );
    assert!(docs.is_empty(), "suggesting adds nothing");
    let now = at("2026-12-01T10:00:00Z");
    let first = s.activities_for(&facts, &docs).next().unwrap();
    let adopted = adopt_activity(first, &docs, now);
    assert_eq!(adopted.stamp.created, now);
    docs.activities.push(adopted);
    assert!(
        !ids(&docs).contains(&"bestellingen".to_owned()),
        "not offered twice"
    );
    let processors: Vec<_> = s
        .processors_for(&facts, &docs)
        .map(|p| p.id.clone())
        .collect();
    assert!(
        processors.contains(&"salarisverwerker".to_owned()),
        "{processors:?}"
    );
    let p = adopt_processor(s.processors_for(&facts, &docs).next().unwrap(), &docs, now);
    assert!(p.agreement.is_none(), "never marked signed by a suggestion");
    // An unanswered intake suggests nothing.
    let nothing = catalog.intake().effective(&crate::checklist::Facts::new());
    assert_eq!(s.activities_for(&nothing, &Documents::default()).count(), 0);
}

#[test]
fn documents_survive_a_save_and_load_unchanged() {
    let now = at("2026-12-01T10:00:00Z");
    let mut a = crate::assessment::Assessment::new("Bakkerij", now);
    a.documents.activities.push(complete_activity());
    let mut b = Breach::new(
        now,
        "Laptop gestolen",
        false,
        now,
        &TimeZone::UTC,
        [].into_iter(),
    );
    b.reported = Some(now);
    a.documents.breaches.push(b);
    let text = toml::to_string_pretty(&a).unwrap();
    let back: crate::assessment::Assessment = toml::from_str(&text).unwrap();
    assert_eq!(back, a, "{text}");
    assert_eq!(toml::to_string_pretty(&back).unwrap(), text);
}

#[test]
fn activities_lacking_the_same_fields_share_one_gap() {
    let mut docs = Documents::default();
    for (name, transfers) in [("A", ""), ("B", "geen"), ("C", "")] {
        let mut a = complete_activity();
        a.name = name.into();
        a.transfers = transfers.into();
        docs.activities.push(a);
    }
    let mut d = complete_activity();
    d.name = "D".into();
    d.retention.clear();
    docs.activities.push(d);
    let gaps = docs.gaps(DocumentKind::Register, at("2026-12-01T10:00:00Z"), 0);
    assert_eq!(
        gaps,
        [
            DocGap::ActivityIncomplete(vec!["A".into(), "C".into()], vec![Field::Transfers]),
            DocGap::ActivityIncomplete(vec!["D".into()], vec![Field::Retention]),
        ]
    );
    let line = crate::text::doc_gap_line(&gaps[0], &TimeZone::UTC);
    assert_eq!(
        line,
        "Register: bij „A” en „C” ontbreekt nog: buiten de EER."
    );
}

#[test]
fn the_bundled_drill_practises_questions_of_the_breach_checklist_in_one_line_each() {
    let script = drill::Script::bundled();
    let catalog = Catalog::bundled();
    assert!(script.steps.len() >= 5);
    for step in &script.steps {
        let (checklist, _) = catalog
            .item(&step.item)
            .unwrap_or_else(|| panic!("{}: no item {}", step.id, step.item));
        assert_eq!(checklist.id, "datalekken", "{}", step.id);
        // One line on the drill screen at 80 columns, with "✓ 7. " before and " · na 20 min" after.
        assert!(step.title.chars().count() <= 60, "{}", step.title);
    }
    assert!(script.evaluation.chars().count() <= 72);
}

#[test]
fn a_drill_file_without_steps_or_with_a_step_twice_is_refused() {
    let head = "version = 1\nreviewed = 2026-12-01\nintro = \"x\"\nevaluation = \"y\"\n";
    let step = "[[steps]]\nid = \"a\"\nitem = \"datalekken.dl-risico-beoordelen\"\ntitle = \"t\"\n";
    assert!(drill::Script::parse(&format!("{head}{step}")).is_ok());
    let none = drill::Script::parse(&format!("{head}steps = []\n")).unwrap_err();
    assert!(none.to_string().contains("geen stappen"), "{none}");
    let twice = drill::Script::parse(&format!("{head}{step}{step}")).unwrap_err();
    assert!(
        twice.to_string().contains("\"a\" staat er twee keer"),
        "{twice}"
    );
}

#[test]
fn steps_of_a_drill_are_ticked_off_by_number_or_id_and_only_in_a_drill() {
    let script = drill::Script::bundled();
    let tz = amsterdam();
    let start = at("2026-12-01T09:00:00Z");
    let now = at("2026-12-01T09:17:30Z");
    let mut b = Breach::new(start, "Oefening", true, start, &tz, [].into_iter());
    assert_eq!(script.next(&b), Some(0));
    let edit = edit::BreachEdit {
        done: vec![
            "1".into(),
            format!("{}=Eva: laag risico", script.steps[3].id),
        ],
        ..Default::default()
    };
    assert!(edit::apply_breach(&mut b, &edit, &tz, now).unwrap());
    assert_eq!(script.done_of(&b), (2, script.steps.len()));
    assert_eq!(script.next(&b), Some(1));
    let progress = script.progress(&b);
    let first = progress[0].1.expect("step 1 done");
    assert_eq!(
        (first.who.as_str(), first.what.as_str()),
        ("", script.steps[0].title.as_str())
    );
    let fourth = progress[3].1.expect("step 4 done");
    assert_eq!(
        (fourth.who.as_str(), fourth.what.as_str(), fourth.at),
        ("Eva", "laag risico", now)
    );
    assert_eq!(drill::elapsed(&b, now), jiff::SignedDuration::from_mins(17));
    assert_eq!(
        drill::elapsed(&b, start - jiff::SignedDuration::from_mins(5)),
        jiff::SignedDuration::ZERO
    );

    // An unknown step names the ones there are; nothing changes.
    let before = b.clone();
    let wrong = edit::BreachEdit {
        done: vec!["1".into(), "99".into()],
        ..Default::default()
    };
    let err = edit::apply_breach(&mut b, &wrong, &tz, now).unwrap_err();
    assert!(
        err.to_string().contains("\"99\" is geen geldige waarde"),
        "{err}"
    );
    assert!(err.to_string().contains(&script.steps[0].id), "{err}");
    b = before;
    // A real incident has no drill steps.
    let mut real = Breach::new(start, "Echt", false, start, &tz, [].into_iter());
    let one = edit::BreachEdit {
        done: vec!["1".into()],
        ..Default::default()
    };
    assert_eq!(
        edit::apply_breach(&mut real, &one, &tz, now),
        Err(FieldError::Conflict(crate::text::DONE_ONLY_IN_A_DRILL))
    );
    assert_eq!(b.steps.len(), 2);
}

#[test]
fn a_record_keeps_the_old_values_of_each_change_and_says_what_a_field_was_at_a_moment() {
    use super::history::{FieldChange, changed_since};
    let made = at("2026-11-01T09:00:00Z");
    let mut a = Activity::blank("Nieuwsbrief", [].into_iter(), made);
    // Filled in when it is made: nothing was before it, so no revision.
    let fill = edit::ActivityEdit {
        retention: Some("1 jaar".into()),
        ..Default::default()
    };
    assert!(edit::apply_activity(&mut a, &fill, made).unwrap());
    assert!(a.history.is_empty());
    let first = at("2026-11-10T09:00:00Z");
    let second = at("2026-11-20T09:00:00Z");
    let change = |retention: &str, purpose: Option<&str>| edit::ActivityEdit {
        retention: Some(retention.into()),
        purpose: purpose.map(str::to_owned),
        ..Default::default()
    };
    assert!(edit::apply_activity(&mut a, &change("2 jaar", Some("Reclame")), first).unwrap());
    assert!(edit::apply_activity(&mut a, &change("tot afmelden", None), second).unwrap());
    // The same value again is no change and no revision.
    assert!(!edit::apply_activity(&mut a, &change("tot afmelden", None), second).unwrap());
    assert_eq!(a.history.len(), 2);
    assert_eq!(a.stamp.updated, second);
    let field = |label: &'static str, old: &str, new: &str| FieldChange {
        label,
        old: old.into(),
        new: new.into(),
    };
    assert_eq!(
        changed_since(&a, at("2026-11-15T00:00:00Z")),
        [field(
            crate::text::FIELD_RETENTION,
            "2 jaar",
            "tot afmelden"
        )]
    );
    assert_eq!(
        changed_since(&a, at("2026-11-05T00:00:00Z")),
        [
            field(crate::text::FIELD_PURPOSE, "", "Reclame"),
            field(crate::text::FIELD_RETENTION, "1 jaar", "tot afmelden"),
        ]
    );
    assert!(changed_since(&a, second).is_empty());
    // Through a save and a load, the history stays.
    let text = toml::to_string(&a).unwrap();
    let back: Activity = toml::from_str(&text).unwrap();
    assert_eq!(back, a);
}

#[test]
fn a_drill_step_changes_the_stamp_but_no_field() {
    let start = at("2026-11-01T09:00:00Z");
    let later = at("2026-11-01T09:30:00Z");
    let tz = amsterdam();
    let mut b = Breach::new(start, "Oefening", true, start, &tz, [].into_iter());
    let step = edit::BreachEdit {
        done: vec!["1".into()],
        ..Default::default()
    };
    assert!(edit::apply_breach(&mut b, &step, &tz, later).unwrap());
    assert!(b.history.is_empty());
    assert_eq!(b.stamp.updated, later);
}

#[test]
fn a_drill_step_done_again_corrects_its_record_and_keeps_its_time() {
    let script = drill::Script::bundled();
    let tz = amsterdam();
    let start = at("2026-12-01T09:00:00Z");
    let mut b = Breach::new(start, "Oefening", true, start, &tz, [].into_iter());
    let first = at("2026-12-01T09:05:00Z");
    assert!(drill::record(
        &mut b,
        &script.steps[0],
        "Anne",
        "Gemeld bij Eva",
        first
    ));
    // The same again: no change. Only a new who: corrected, time and what kept.
    let later = at("2026-12-01T09:30:00Z");
    assert!(!drill::record(
        &mut b,
        &script.steps[0],
        "Anne",
        "Gemeld bij Eva",
        later
    ));
    assert!(drill::record(&mut b, &script.steps[0], "Bram", "", later));
    assert_eq!(b.steps.len(), 1);
    assert_eq!(
        (
            b.steps[0].who.as_str(),
            b.steps[0].what.as_str(),
            b.steps[0].at
        ),
        ("Bram", "Gemeld bij Eva", first)
    );
    // Running until the evaluation; then it ended at the last step.
    assert_eq!(drill::ended(&b), None);
    b.evaluation = "Ging goed".into();
    assert_eq!(drill::ended(&b), Some(first));
}

#[test]
fn a_drill_is_not_in_the_plan_and_a_removed_drill_is_not_listed() {
    let tz = amsterdam();
    let now = at("2026-12-01T09:00:00Z");
    let mut docs = Documents::default();
    docs.breaches
        .push(Breach::new(now, "Oefening", true, now, &tz, [].into_iter()));
    assert!(
        docs.gaps(DocumentKind::Breaches, now, 0).is_empty(),
        "practice is no gap"
    );
    assert_eq!(docs.drills().count(), 1);
    docs.breaches[0].stamp.removed = Some(now);
    assert_eq!(docs.drills().count(), 0);
}

#[test]
fn a_moment_given_back_to_the_minute_keeps_its_seconds() {
    let tz = TimeZone::UTC;
    let found = at("2026-12-01T09:25:34Z");
    let now = at("2026-12-01T12:00:00Z");
    let mut b = Breach::new(found, "Lek", false, found, &tz, [].into_iter());
    let same = edit::BreachEdit {
        found: Some("2026-12-01 09:25".into()),
        what: Some("Lek".into()),
        ..Default::default()
    };
    assert!(!edit::apply_breach(&mut b, &same, &tz, now).unwrap());
    assert_eq!(b.found, found);
    let other = edit::BreachEdit {
        found: Some("2026-12-01 09:26".into()),
        ..Default::default()
    };
    assert!(edit::apply_breach(&mut b, &other, &tz, now).unwrap());
    assert_eq!(b.found, at("2026-12-01T09:26:00Z"));
}

#[test]
fn an_agreement_signed_after_today_is_refused() {
    let now = at("2026-11-20T10:00:00Z");
    let mut p = Processor::blank("Salarisbureau", [].into_iter(), now);
    let future = edit::ProcessorEdit {
        agreement: Some("2027-01-01".into()),
        ..Default::default()
    };
    assert_eq!(
        edit::apply_processor(&mut p, &future, now),
        Err(FieldError::InFuture(crate::text::FIELD_AGREEMENT))
    );
    let today = edit::ProcessorEdit {
        agreement: Some("20-11-2026".into()),
        checked: Some("2026-11-19".into()),
        ..Default::default()
    };
    assert!(edit::apply_processor(&mut p, &today, now).unwrap());
}
