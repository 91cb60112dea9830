use super::*;

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_second(seconds).unwrap()
}

const DAY: i64 = 86_400;

#[test]
fn answering_records_status_fingerprint_time_and_update() {
    let mut a = Assessment::new("Bakkerij", at(0));
    assert!(a.set_status("x.y", Some(Status::Yes), Some("f1"), at(10)));
    assert_eq!(a.status("x.y"), Some(Status::Yes));
    assert_eq!(a.answers["x.y"].answered_at, at(10));
    assert_eq!(a.answers["x.y"].question.as_deref(), Some("f1"));
    assert_eq!(a.updated, at(10));
    assert!(
        !a.set_status("x.y", Some(Status::Yes), Some("f1"), at(10)),
        "the same answer at the same moment is no change"
    );
    assert!(
        a.set_status("x.y", Some(Status::Yes), Some("f2"), at(20)),
        "the same answer later confirms it for the current question"
    );
    assert_eq!(a.answers["x.y"].question.as_deref(), Some("f2"));
    assert_eq!(a.answers["x.y"].answered_at, at(20));
    assert!(
        !a.set_status("x.y", Some(Status::Yes), None, at(30)),
        "no fingerprint: nothing to confirm"
    );
}

#[test]
fn a_cleared_note_stays_in_the_history() {
    let mut a = Assessment::new("", at(0));
    a.set_note("x.y", "nog doen  \n", at(2));
    assert_eq!(a.note("x.y"), "nog doen");
    a.set_note("x.y", "", at(4));
    assert_eq!(a.note("x.y"), "");
    assert_eq!(a.as_of(at(3)).note("x.y"), "nog doen");
    assert!(a.as_of(at(1)).answers.is_empty());
}

#[test]
fn every_change_keeps_the_previous_version() {
    let mut a = Assessment::new("", at(0));
    a.set_status("x.y", Some(Status::No), None, at(10));
    a.set_note("x.y", "offerte gevraagd", at(20));
    a.set_status("x.y", Some(Status::Yes), None, at(30));
    a.set_status("x.y", None, None, at(40));
    let answer = &a.answers["x.y"];
    assert_eq!(
        answer.status, None,
        "a cleared answer keeps its entry for its history"
    );
    let versions: Vec<(Option<Status>, &str, i64)> = answer
        .history
        .iter()
        .map(|e| (e.status, e.note.as_str(), e.at.as_second()))
        .collect();
    assert_eq!(
        versions,
        [
            (Some(Status::No), "", 10),
            (Some(Status::No), "offerte gevraagd", 20),
            (Some(Status::Yes), "offerte gevraagd", 30),
        ]
    );
}

#[test]
fn a_cleared_answer_is_unanswered_in_between() {
    let mut a = Assessment::new("", at(0));
    a.set_status("x.y", Some(Status::Yes), None, at(10));
    a.set_status("x.y", None, None, at(20));
    a.set_status("x.y", Some(Status::No), None, at(30));
    assert_eq!(a.as_of(at(15)).status("x.y"), Some(Status::Yes));
    assert_eq!(a.as_of(at(25)).status("x.y"), None, "cleared at 20");
    assert_eq!(a.as_of(at(35)).status("x.y"), Some(Status::No));
}

#[test]
fn as_of_returns_each_answer_as_it_was_then() {
    let mut a = Assessment::new("", at(0));
    a.set_status("x.y", Some(Status::No), None, at(10));
    a.set_status("x.y", Some(Status::Yes), None, at(30));
    a.set_status("x.z", Some(Status::Partly), None, at(25));
    assert_eq!(a.as_of(at(5)).answers.len(), 0);
    let then = a.as_of(at(20));
    assert_eq!(then.status("x.y"), Some(Status::No));
    assert_eq!(then.status("x.z"), None);
    let now = a.as_of(at(30));
    assert_eq!(now.status("x.y"), Some(Status::Yes));
    assert_eq!(now.status("x.z"), Some(Status::Partly));
}

#[test]
fn review_is_due_after_the_period_and_confirm_restarts_it() {
    let mut a = Assessment::new("", at(0));
    a.set_status("x.y", Some(Status::Yes), Some("f1"), at(0));
    assert!(!a.review_due("x.y", at(364 * DAY)));
    assert!(a.review_due("x.y", at(366 * DAY)));
    a.review_months = Some(24);
    assert!(!a.review_due("x.y", at(366 * DAY)));
    a.review_months = None;
    assert!(a.confirm("x.y", "f1", at(366 * DAY)));
    assert!(!a.review_due("x.y", at(367 * DAY)));
    assert_eq!(
        a.status("x.y"),
        Some(Status::Yes),
        "confirming keeps the answer"
    );
    assert!(
        !a.review_due("x.none", at(999 * DAY)),
        "no answer, nothing to review"
    );
}

#[test]
fn a_changed_question_is_flagged_until_confirmed() {
    let mut a = Assessment::new("", at(0));
    a.set_status("x.y", Some(Status::Partly), Some("old"), at(1));
    assert!(!a.question_changed("x.y", "old"));
    assert!(a.question_changed("x.y", "new"));
    a.confirm("x.y", "new", at(2));
    assert!(!a.question_changed("x.y", "new"));
    assert!(!a.confirm("x.none", "new", at(3)));
}

#[test]
fn intake_changes_never_touch_answers() {
    let mut a = Assessment::new("", at(0));
    a.set_status("webwinkel-tips.tip-1", Some(Status::No), None, at(1));
    assert!(a.set_intake(
        "webshop",
        Some(crate::checklist::Value::from_bool(false)),
        at(2)
    ));
    assert!(!a.set_intake(
        "webshop",
        Some(crate::checklist::Value::from_bool(false)),
        at(3)
    ));
    assert_eq!(a.status("webwinkel-tips.tip-1"), Some(Status::No));
    assert!(a.set_intake("webshop", None, at(4)));
    assert!(a.intake.is_empty());
}

#[test]
fn plan_entries_are_set_and_removed_when_emptied() {
    let mut a = Assessment::new("", at(0));
    let entry = PlanEntry {
        owner: "Sanne".into(),
        due: Some(jiff::civil::date(2027, 1, 31)),
        action: "Register opstellen".into(),
        ..Default::default()
    };
    assert!(a.set_plan("x.y", entry.clone(), at(1)));
    assert!(!a.set_plan("x.y", entry, at(2)));
    assert!(a.set_plan("x.y", PlanEntry::default(), at(3)));
    assert!(a.plan.is_empty());
}

#[test]
fn a_session_is_recorded_once_and_extended() {
    let mut a = Assessment::new("", at(0));
    let mut changed = BTreeSet::from(["x.y".to_owned()]);
    a.record_session(at(100), at(110), "Jan", &changed);
    changed.insert("intake.webshop".to_owned());
    a.record_session(at(100), at(150), "Jan", &changed);
    assert_eq!(a.sessions.len(), 1);
    assert_eq!(a.sessions[0].end, at(150));
    assert_eq!(a.sessions[0].changed, ["intake.webshop", "x.y"]);
    a.record_session(at(200), at(210), "", &changed);
    assert_eq!(a.previous_session(Some(at(200))).unwrap().start, at(100));
    assert_eq!(a.previous_session(None).unwrap().start, at(200));
}

#[test]
fn the_file_keeps_scalars_first_and_the_long_item_list_last() {
    let mut a = Assessment::new("Bakkerij", at(0));
    a.set_status("x.y", Some(Status::Yes), Some("f"), at(1));
    a.record_session(at(0), at(1), "Eva", &BTreeSet::from(["x.y".to_owned()]));
    a.known_items.insert("x.y".into());
    let text = toml::to_string(&a).unwrap();
    let known = text
        .find("[known]\nitems = [")
        .expect("known items written");
    let answers = text.find("[answers.").unwrap();
    assert!(known > answers, "{text}");
    let back: Assessment = toml::from_str(&text).unwrap();
    assert_eq!(back, a);
}

#[test]
fn a_review_period_out_of_range_is_refused_when_read() {
    let text = "format = 2\norganisation = \"\"\ncreated = \"2026-01-01T00:00:00Z\"\nupdated = \"2026-01-01T00:00:00Z\"\nreview_months = 4000000\n";
    let error = toml::from_str::<Assessment>(text).unwrap_err();
    assert!(error.message().contains("1 tot en met 120"), "{error}");
    assert_eq!(
        error
            .span()
            .map(|s| crate::checklist::load::line_column(text, s.start).0),
        Some(5)
    );
    let zero = text.replace("4000000", "0");
    assert!(toml::from_str::<Assessment>(&zero).is_err());
    let fine = text.replace("4000000", "24");
    assert_eq!(
        toml::from_str::<Assessment>(&fine).unwrap().review_months,
        Some(24)
    );
}

#[test]
fn a_kvk_number_is_eight_digits_with_spaces_and_dots_left_out() {
    for (typed, stored) in [
        ("12345678", Some("12345678")),
        ("1234 5678", Some("12345678")),
        (" 12.34.56.78 ", Some("12345678")),
        ("", Some("")),
        ("   ", Some("")),
        ("1234567", None),
        ("123456789", None),
        ("1234567a", None),
        ("１２３４５６７８", None), // full-width digits are not ASCII digits
        ("1234-5678", None),
    ] {
        assert_eq!(super::parse_kvk(typed).as_deref(), stored, "{typed:?}");
    }
}

/// Reads a file's text the way the store does.
fn read(text: &str) -> Assessment {
    crate::assessment::store::parse(text, std::path::Path::new("a.toml")).unwrap()
}

#[test]
fn a_history_note_is_written_only_when_it_changed_and_reads_back_whole() {
    let mut a = Assessment::new("Bakkerij", at(0));
    a.set_note("x.y", "eerste", at(1));
    a.set_status("x.y", Some(Status::No), None, at(2));
    a.set_status("x.y", Some(Status::Partly), None, at(3));
    a.set_note("x.y", "", at(4));
    a.set_status("x.y", Some(Status::Yes), None, at(5));
    a.set_note("x.y", "laatste", at(6));
    let history: Vec<&str> = a.answers["x.y"]
        .history
        .iter()
        .map(|e| e.note.as_str())
        .collect();
    assert_eq!(history, ["eerste", "eerste", "eerste", "", ""]);
    let text = crate::assessment::store::serialise(&a);
    assert!(text.contains("format = 3"), "{text}");
    // "eerste" once in the history (where it differs from the empty version after it), and an
    // empty note written where the version after it has one.
    assert_eq!(text.matches("note = \"eerste\"").count(), 1, "{text}");
    assert_eq!(text.matches("note = \"\"").count(), 1, "{text}");
    let back = read(&text);
    assert_eq!(back, a);
    for moment in 0..=7 {
        assert_eq!(
            back.answers["x.y"].at(at(moment)),
            a.answers["x.y"].at(at(moment))
        );
    }
}

#[test]
fn a_format_2_file_without_a_history_note_reads_it_as_empty() {
    let text = "format = 2\norganisation = \"\"\ncreated = \"1970-01-01T00:00:00Z\"\nupdated = \"1970-01-01T00:00:10Z\"\n\n\
        [answers.\"x.y\"]\nstatus = \"yes\"\nnote = \"nu\"\nanswered_at = \"1970-01-01T00:00:10Z\"\n\n\
        [[answers.\"x.y\".history]]\nstatus = \"no\"\nat = \"1970-01-01T00:00:05Z\"\n\n\
        [[answers.\"x.y\".history]]\nstatus = \"partly\"\nnote = \"toen\"\nat = \"1970-01-01T00:00:07Z\"\n";
    let old = read(text);
    let notes: Vec<&str> = old.answers["x.y"]
        .history
        .iter()
        .map(|e| e.note.as_str())
        .collect();
    assert_eq!(notes, ["", "toen"]);
    // The same file as format 3 means: the first version had the note of the one after it.
    let newer = read(&text.replace("format = 2", "format = 3"));
    assert_eq!(newer.answers["x.y"].history[0].note, "toen");
    // Written again (as format 3) it reads back the same.
    assert_eq!(read(&crate::assessment::store::serialise(&old)), old);
}

#[test]
fn a_year_of_history_with_an_unchanged_note_writes_the_note_once_per_answer() {
    let catalog = crate::checklist::Catalog::bundled();
    let year = crate::report::fixture::scale::year_of_history(&catalog, "Jaar BV");
    let text = crate::assessment::store::serialise(&year);
    let note = "Een opmerking van gemiddelde lengte";
    assert_eq!(
        text.matches(note).count(),
        year.answers.len(),
        "one per answer"
    );
    assert_eq!(read(&text), year);
}

/// Answers are built into their map at once: in whatever order a file has them, each is found
/// under its id, in order, and an answers entry that is not a table is refused as before.
#[test]
fn answers_in_any_order_read_back_each_under_its_id() {
    let text = "format = 3\norganisation = \"Volgorde\"\ncreated = \"1970-01-01T00:00:00Z\"\n\
                updated = \"1970-01-01T00:00:10Z\"\n\n\
                [answers.\"b.twee\"]\nstatus = \"no\"\nanswered_at = \"1970-01-01T00:00:02Z\"\n\n\
                [answers.\"a.een\"]\nstatus = \"yes\"\nanswered_at = \"1970-01-01T00:00:01Z\"\n\n\
                [answers.\"c.drie\"]\nstatus = \"partly\"\nanswered_at = \"1970-01-01T00:00:03Z\"\n";
    let a = read(text);
    let ids: Vec<&str> = a.answers.keys().map(String::as_str).collect();
    assert_eq!(ids, ["a.een", "b.twee", "c.drie"]);
    assert_eq!(a.status("a.een"), Some(Status::Yes));
    assert_eq!(a.status("b.twee"), Some(Status::No));
    assert_eq!(a.status("c.drie"), Some(Status::Partly));
    assert_eq!(a.answers["c.drie"].answered_at, at(3));
    let not_a_table = "format = 3\ncreated = \"1970-01-01T00:00:00Z\"\n\
                       updated = \"1970-01-01T00:00:10Z\"\nanswers = 3\n";
    let err = crate::assessment::store::parse(not_a_table, std::path::Path::new("a.toml"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("expected a map"), "{err}");
}
