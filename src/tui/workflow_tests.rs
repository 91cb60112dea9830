//! The issue-4 workflows on the real loop: intake, action plan, details, re-checks and sessions.

use ratatui::crossterm::event::KeyCode;

use super::app::Mode;
use super::tests::{Recorder, chars, drive, existing, fresh, key, now, q};
use crate::assessment::{Assessment, Status};
use crate::checklist::Catalog;

/// The first question of the walk-through.
fn first() -> String {
    q(0)
}

/// How many intake questions are asked with these answers (an earlier answer can rule one out).
fn intake_asked(answers: &[(&str, crate::checklist::Value)]) -> usize {
    let answers: crate::checklist::Facts = answers
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    crate::report::estimate::intake(Catalog::bundled().intake(), &answers).questions
}

/// One-person business (1 chooses "alleen ik"), consumers as customers (1 again), website ja,
/// webshop nee.
fn solo_site_no_shop() -> Vec<(&'static str, crate::checklist::Value)> {
    use crate::checklist::Value;
    vec![
        ("omvang", Value::Choice("alleen".into())),
        ("klanten", Value::Choice("consumenten".into())),
        ("website", Value::Yes),
        ("webshop", Value::No),
    ]
}

#[test]
fn the_intake_is_answered_question_by_question_at_80x24() {
    let r = drive(
        Assessment::new("", now()),
        (80, 24),
        chars("11jn"),
        Recorder::default(),
    );
    assert_eq!(r.app.mode, Mode::Intake);
    let intake = Catalog::bundled().intake().clone();
    let at = |id: &str| intake.questions.iter().position(|q| q.id == id).unwrap();
    assert_eq!(
        r.app.intake_cursor,
        at("eigen-webserver"),
        "working alone: no staff questions; a website: the web server question, webshop or not"
    );
    for (flag, value) in solo_site_no_shop() {
        assert_eq!(r.app.assessment.intake.get(flag), Some(&value), "{flag}");
    }
    let saved = r
        .store
        .saved
        .last()
        .expect("intake answers are saved at once");
    assert_eq!(saved.intake.len(), 4);
    insta::assert_snapshot!(r.terminal.backend());
}

#[test]
fn after_the_intake_the_walk_through_skips_what_does_not_apply() {
    // Alone, for consumers, website yes, webshop no, every other intake question left open; then answer
    // everything.
    let mut events = chars("11jn");
    events.extend(chars(&"w".repeat(intake_asked(&solo_site_no_shop()) - 4)));
    // Enter past the end of the intake and past each pause between checklists; keys typed
    // ahead there are ignored.
    events.extend(chars("\n"));
    events.extend(chars(&"j\n".repeat(200)));
    let r = drive(
        Assessment::new("", now()),
        (80, 24),
        events,
        Recorder::default(),
    );
    assert_eq!(
        r.app.mode,
        Mode::Report,
        "past the last question's pause comes the report"
    );
    let answered_shop = r
        .app
        .assessment
        .answers
        .keys()
        .filter(|id| id.starts_with("webwinkel-tips."))
        .count();
    assert_eq!(answered_shop, 0, "the webshop tips were skipped");
    let totals = r.app.scan.totals;
    let webshop_tips = Catalog::bundled()
        .checklist("webwinkel-tips")
        .unwrap()
        .items
        .iter()
        .filter(|i| i.scope == crate::checklist::Scope::Avg)
        .count();
    assert!(totals.skipped >= webshop_tips, "{totals:?}");
    assert!(totals.answered > 20, "{totals:?}");
    assert_eq!(
        totals.answered, totals.total,
        "everything that applies got an answer"
    );
    let session = &r.store.saved.last().unwrap().sessions[0];
    assert!(session.changed.iter().any(|id| id == "intake.webshop"));
    assert!(
        session
            .changed
            .iter()
            .any(|id| !id.starts_with("intake.") && !id.starts_with("details"))
    );
}

#[test]
fn items_ruled_out_are_dimmed_with_the_reason_at_80x24() {
    let mut a = existing();
    a.set_intake("fg", Some(crate::checklist::Value::from_bool(false)), now());
    a.set_intake(
        "webshop",
        Some(crate::checklist::Value::from_bool(false)),
        now(),
    );
    // Down to the question about the FG, which "fg: nee" rules out.
    let fg = Catalog::bundled()
        .checklist("privacyverklaring")
        .unwrap()
        .entries
        .iter()
        .position(|e| matches!(e, crate::checklist::Entry::Own(i) if Catalog::bundled().checklist("privacyverklaring").unwrap().items[*i].local_id() == "pv-fg-contact"))
        .unwrap();
    let r = drive(
        a,
        (80, 24),
        std::iter::repeat_n(key(KeyCode::Down), fg).collect(),
        Recorder::default(),
    );
    let screen = r.terminal.backend().to_string();
    assert!(
        screen.contains("n.v.t."),
        "the webshop checklist is marked: {screen}"
    );
    assert!(screen.contains("Geldt niet voor je"), "{screen}");
    insta::assert_snapshot!(r.terminal.backend());
}

#[test]
fn changing_the_intake_never_deletes_an_answer() {
    let mut a = existing();
    a.set_status(
        "webwinkel-tips.tip-9-keurmerk",
        Some(Status::No),
        None,
        now(),
    );
    // i opens the intake; down to the webshop question (nothing is answered, so every question
    // is asked): answer nee.
    let webshop = Catalog::bundled()
        .intake()
        .questions
        .iter()
        .position(|q| q.id == "webshop")
        .unwrap();
    let mut events = vec![key(KeyCode::Char('i'))];
    events.extend(std::iter::repeat_n(key(KeyCode::Down), webshop));
    events.extend(chars("n"));
    let r = drive(a, (80, 24), events, Recorder::default());
    let saved = r.store.saved.last().unwrap();
    assert_eq!(
        saved.intake.get("webshop"),
        Some(&crate::checklist::Value::from_bool(false))
    );
    assert_eq!(
        saved.status("webwinkel-tips.tip-9-keurmerk"),
        Some(Status::No)
    );
    // Every item the webshop answer rules out is skipped, the answer kept.
    let catalog = Catalog::bundled();
    let tips = catalog.checklist("webwinkel-tips").unwrap();
    assert!(
        r.app.scan.totals.skipped
            >= tips
                .items
                .iter()
                .filter(|i| i.scope == crate::checklist::Scope::Avg)
                .count()
    );
    let tip = r.app.scan.item("webwinkel-tips.tip-9-keurmerk").unwrap();
    assert!(!tip.applies());
    assert_eq!(tip.status, Some(Status::No));
}

fn backspaces(n: usize) -> Vec<ratatui::crossterm::event::Event> {
    (0..n).map(|_| key(KeyCode::Backspace)).collect()
}

#[test]
fn a_bad_due_date_keeps_the_plan_form_open_and_says_why_at_80x24() {
    let mut events = chars("a");
    events.extend(chars("Sanne <b>"));
    events.push(key(KeyCode::Tab));
    events.extend(chars("32-13-2026"));
    events.push(key(KeyCode::Enter));
    let r = drive(existing(), (80, 24), events, Recorder::default());
    assert!(
        r.store.saved.is_empty(),
        "nothing saved from an invalid form"
    );
    let screen = r.terminal.backend().to_string();
    assert!(screen.contains("\"32-13-2026\" is geen datum"), "{screen}");
    insta::assert_snapshot!(r.terminal.backend());
}

#[test]
fn the_plan_form_saves_owner_date_and_action() {
    let mut events = chars("a");
    events.extend(chars("Sanne"));
    events.push(key(KeyCode::Tab));
    events.extend(chars("32-13-2026"));
    events.push(key(KeyCode::Enter));
    events.extend(backspaces(10));
    events.extend(chars("31-12-2026"));
    events.push(key(KeyCode::Tab));
    events.extend(chars("Verklaring aanpassen, q en j zijn gewoon tekst"));
    events.push(key(KeyCode::Esc));
    let r = drive(existing(), (80, 24), events, Recorder::default());
    let saved = r.store.saved.last().expect("plan saved");
    let entry = &saved.plan[&first()];
    assert_eq!(entry.owner, "Sanne");
    assert_eq!(entry.due, Some(jiff::civil::date(2026, 12, 31)));
    assert_eq!(
        entry.action,
        "Verklaring aanpassen, q en j zijn gewoon tekst"
    );
    assert!(!r.app.quit, "q in a form is text, not quit");
    assert!(
        saved.sessions[0]
            .changed
            .contains(&format!("plan.{}", first()).into())
    );
}

/// Keys that open the details form and fill it field by field (Tab between fields), then Enter.
fn fill_details(fields: &[&str]) -> Vec<ratatui::crossterm::event::Event> {
    let mut events = chars("g");
    for (i, text) in fields.iter().enumerate() {
        if i > 0 {
            events.push(key(KeyCode::Tab));
        }
        events.extend(chars(text));
    }
    events.push(key(KeyCode::Enter));
    events
}

#[test]
fn the_details_form_checks_the_kvk_number_at_80x24() {
    // The organisation field keeps its text; the others are typed.
    let events = fill_details(&["", "Jan Jansen", "Eva de Adviseur", "1234"]);
    let r = drive(existing(), (80, 24), events, Recorder::default());
    assert!(r.store.saved.is_empty());
    insta::assert_snapshot!(r.terminal.backend());

    let mut events = fill_details(&[
        "",
        "Jan Jansen",
        "Eva de Adviseur",
        "12345678",
        "Dorpsstraat 1, Ergens",
        "privacy@korst.nl",
        "020 123 45 67",
        "",
        "6",
    ]);
    events.extend(chars("j"));
    let r = drive(existing(), (80, 24), events, Recorder::default());
    let saved = r.store.saved.last().unwrap();
    assert_eq!(saved.details.contact, "Jan Jansen");
    assert_eq!(saved.details.kvk, "12345678");
    assert_eq!(
        (
            saved.details.address.as_str(),
            saved.details.email.as_str(),
            saved.details.phone.as_str()
        ),
        ("Dorpsstraat 1, Ergens", "privacy@korst.nl", "020 123 45 67")
    );
    assert_eq!(saved.review_months, Some(6));
    assert_eq!(
        saved.sessions[0].assessor, "Eva de Adviseur",
        "the session names the assessor"
    );
}

/// An assessment whose first answer is 13 months old and answered a different question text.
fn stale() -> Assessment {
    let long_ago: jiff::Timestamp = "2025-10-01T09:00:00Z".parse().unwrap();
    let mut a = Assessment::new("Bakkerij De Korst", long_ago);
    a.depth = Some(crate::assessment::ScanDepth::Volledig);
    a.set_status(
        &first(),
        Some(Status::Yes),
        Some("0000000000000000"),
        long_ago,
    );
    a
}

#[test]
fn rechecks_are_announced_marked_and_confirmed_with_b() {
    let r = drive(stale(), (80, 24), vec![], Recorder::default());
    let screen = r.terminal.backend().to_string();
    assert!(
        screen.contains("1 antwoord is toe aan controle"),
        "{screen}"
    );
    let question: String = Catalog::bundled()
        .item(&first())
        .unwrap()
        .1
        .question
        .chars()
        .take(20)
        .collect();
    assert!(screen.contains(&format!("✓! {question}")), "{screen}");
    assert!(screen.contains("Vraag gewijzigd"), "{screen}");

    let r = drive(stale(), (80, 24), chars("b"), Recorder::default());
    let saved = r.store.saved.last().expect("confirmation saved");
    let fingerprint = Catalog::bundled().item(&first()).unwrap().1.fingerprint();
    assert!(!saved.question_changed(&first(), &fingerprint));
    assert!(!saved.review_due(&first(), now()));
    assert_eq!(saved.status(&first()), Some(Status::Yes));
    assert_eq!(r.app.scan.rechecks().count(), 0);
}

#[test]
fn questions_added_since_the_last_session_are_marked_new() {
    let mut a = existing();
    a.known_items = Catalog::bundled()
        .items()
        .map(|(_, i)| i.id.to_string())
        .filter(|id| id != "privacyverklaring.pv-ontvangers")
        .collect();
    let r = drive(a, (120, 40), vec![], Recorder::default());
    let screen = r.terminal.backend().to_string();
    let new_rows = screen.lines().filter(|l| l.contains("·+ ")).count();
    assert_eq!(new_rows, 1, "{screen}");
}

#[test]
fn quitting_records_the_session_and_what_is_known_but_an_idle_run_writes_nothing() {
    let r = drive(existing(), (80, 24), chars("q"), Recorder::default());
    assert!(r.store.saved.is_empty(), "nothing changed, nothing written");

    let r = drive(existing(), (80, 24), chars("nq"), Recorder::default());
    let saved = r.store.saved.last().unwrap();
    assert_eq!(saved.sessions.len(), 1);
    assert_eq!(saved.sessions[0].start, now());
    assert_eq!(saved.sessions[0].changed, [first()]);
    assert_eq!(saved.known_items.len(), Catalog::bundled().items().count());
}

#[test]
fn the_report_screen_shows_progress_since_the_previous_session_at_80x24() {
    use std::collections::BTreeSet;

    let day = |d: i64| -> jiff::Timestamp {
        jiff::Timestamp::from_second(1_790_000_000 + d * 86_400).unwrap()
    };
    let mut a = Assessment::new("Bakkerij De Korst", day(0));
    a.depth = Some(crate::assessment::ScanDepth::Volledig);
    a.set_status(&first(), Some(Status::No), None, day(0));
    a.record_session(day(0), day(0), "Eva", &BTreeSet::from([first()]));
    a.set_status(&first(), Some(Status::Yes), None, day(7));
    a.set_status(&q(2), Some(Status::Partly), None, day(7));
    a.record_session(day(7), day(7), "Eva", &BTreeSet::from([first()]));
    a.set_intake(
        "webshop",
        Some(crate::checklist::Value::from_bool(false)),
        day(7),
    );
    a.set_plan(
        &q(2),
        crate::assessment::PlanEntry {
            owner: "Sanne".into(),
            due: Some(jiff::civil::date(2026, 1, 31)),
            action: "Doelen toevoegen".into(),
            ..Default::default()
        },
        day(7),
    );
    let r = drive(a, (80, 24), chars("r"), Recorder::default());
    let screen = r.terminal.backend().to_string();
    assert!(
        screen.contains("Sinds de vorige sessie: 1 nieuw, 1 beter, 0 slechter · score 0% → 1%"),
        "{screen}"
    );
    assert!(
        screen.contains("1 afgesproken actie, waarvan 1 te laat"),
        "{screen}"
    );
    // The plan comes first, five tasks with their reason.
    assert!(screen.contains("│ 5. "), "{screen}");
    assert!(screen.contains("│    ernst hoog · "), "{screen}");
    insta::assert_snapshot!(r.terminal.backend());
}

#[test]
fn the_report_screen_and_the_export_compare_with_a_chosen_session_or_date_at_80x24() {
    use crate::report::progress::Baseline;
    use crate::tui::app::Overlay;
    use std::collections::BTreeSet;

    let day = |d: i64| -> jiff::Timestamp {
        jiff::Timestamp::from_second(1_790_000_000 + d * 86_400).unwrap()
    };
    // Three sessions: the first answers no, the second yes, the third adds a partly.
    let mut a = Assessment::new("Bakkerij De Korst", day(0));
    a.depth = Some(crate::assessment::ScanDepth::Volledig);
    a.set_status(&first(), Some(Status::No), None, day(0));
    a.record_session(day(0), day(0), "Eva", &BTreeSet::from([first()]))
        .title = "Intake bij de klant".into();
    a.set_status(&first(), Some(Status::Yes), None, day(7));
    a.record_session(day(7), day(7), "Eva", &BTreeSet::from([first()]));
    a.set_status(&q(2), Some(Status::Partly), None, day(14));
    a.record_session(day(14), day(14), "Eva", &BTreeSet::from([q(2)]));

    // s opens the choice: the default first, this session, then earlier sessions newest first.
    let r = drive(a.clone(), (80, 24), chars("rs"), Recorder::default());
    let screen = r.terminal.backend().to_string();
    assert!(
        screen.contains("› De vorige sessie (standaard)"),
        "{screen}"
    );
    assert!(screen.contains("Intake bij de klant"), "{screen}");
    assert!(screen.contains("Een datum:"), "{screen}");
    insta::assert_snapshot!(r.terminal.backend());

    // Down three times: the first session (this one, the second, the first).
    let mut events = chars("rs");
    events.extend([key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Down)]);
    events.push(key(KeyCode::Enter));
    let r = drive(a.clone(), (80, 24), events, Recorder::default());
    assert_eq!(r.app.compare_with, Some(day(0)));
    let progress = r.app.progress().expect("a comparison");
    assert_eq!(progress.baseline, Baseline::Chosen);
    // Since the first session: the first question went from no to yes, one new partly.
    assert_eq!(
        (progress.newly_answered.len(), progress.improved.len()),
        (1, 1)
    );
    let screen = r.terminal.backend().to_string();
    let since = crate::text::since_heading(&crate::text::date_time_long(day(0), &r.app.tz));
    assert!(
        screen.contains(&format!("{since}: 1 nieuw, 1 beter")),
        "{screen}"
    );
    // The export compares with the same moment.
    let dir = tempfile::tempdir().unwrap();
    let written = super::export::export(&r.app, dir.path(), day(14)).unwrap();
    let html = std::fs::read_to_string(&written[0]).unwrap();
    assert!(html.contains(&since), "{since}");

    // A typed date.
    let mut events = chars("rs2020-01-01");
    events.push(key(KeyCode::Enter));
    let r = drive(a.clone(), (80, 24), events, Recorder::default());
    let expected = crate::report::progress::parse_moment("2020-01-01", &r.app.tz);
    assert_eq!(r.app.compare_with, expected);
    assert!(matches!(r.app.overlay, Overlay::None));

    // A date that cannot be read keeps the box open and says how to type it.
    let mut events = chars("rsgisteren");
    events.push(key(KeyCode::Enter));
    let r = drive(a.clone(), (80, 24), events, Recorder::default());
    assert_eq!(r.app.compare_with, None);
    assert!(matches!(r.app.overlay, Overlay::Compare(_)));
    let screen = r.terminal.backend().to_string();
    assert!(screen.contains("is geen datum"), "{screen}");

    // Back to the default; Esc closes the box without a change.
    let mut events = chars("rs");
    events.extend([key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Down)]);
    events.push(key(KeyCode::Enter));
    events.extend(chars("s"));
    events.push(key(KeyCode::Esc));
    let r = drive(a.clone(), (80, 24), events.clone(), Recorder::default());
    assert_eq!(r.app.compare_with, Some(day(0)));
    events.extend(chars("s"));
    events.extend(vec![key(KeyCode::Up); 5]);
    events.push(key(KeyCode::Enter));
    let r = drive(a, (80, 24), events, Recorder::default());
    assert_eq!(r.app.compare_with, None);
    assert_eq!(
        r.app.progress().map(|p| p.baseline),
        Some(Baseline::PreviousSession)
    );
}

#[test]
fn a_restart_soon_after_a_quit_continues_the_session_and_stores_its_score() {
    use std::collections::BTreeSet;
    let hours = |h: i64| now() - jiff::SignedDuration::from_hours(h);
    // An earlier run answered the first question and quit an hour ago (the clock is `now`).
    let earlier = |end: jiff::Timestamp, ended: bool| {
        let mut a = fresh("Bakkerij De Korst");
        a.set_status(&first(), Some(Status::No), None, end);
        a.record_session(hours(2), end, "", &BTreeSet::from(["details".to_owned()]));
        a.sessions[0].ended = ended;
        a
    };
    // The walk-through opens on the first question: d answers it deels.
    let answer_first = || {
        let mut events = vec![key(KeyCode::Tab)];
        events.extend(chars("d"));
        events
    };
    let r = drive(
        earlier(hours(1), false),
        (80, 24),
        answer_first(),
        Recorder::default(),
    );
    let saved = r.store.saved.last().unwrap();
    assert_eq!(saved.sessions.len(), 1, "the same sitting");
    assert_eq!(saved.sessions[0].start, hours(2));
    let both: Vec<String> = BTreeSet::from([first(), "details".to_owned()])
        .into_iter()
        .collect();
    assert_eq!(
        saved.sessions[0].changed, both,
        "what the first run changed still counts"
    );
    assert_eq!(
        saved.sessions[0].score,
        Some(r.app.scan.totals.score),
        "stored when saved"
    );
    // Five hours later, or after the consultant ended it, a new session starts.
    for a in [earlier(hours(5), false), earlier(hours(1), true)] {
        let r = drive(a, (80, 24), answer_first(), Recorder::default());
        let saved = r.store.saved.last().unwrap();
        assert_eq!(saved.sessions.len(), 2);
        assert_eq!(saved.sessions[1].changed, [first()]);
    }
    // Another assessor starts a session of their own.
    let mut a = earlier(hours(1), false);
    a.details.assessor = "Eva".into();
    let r = drive(a, (80, 24), answer_first(), Recorder::default());
    assert_eq!(r.store.saved.last().unwrap().sessions.len(), 2);
}

#[test]
fn the_plan_screen_lists_tasks_pins_marks_done_and_edits_at_80x24() {
    // p opens it; ↓ selects the second task; + pins it first; x on it marks it done (it moves to
    // the end, unpinned); Enter on the new first task opens its form; Esc saves; Esc goes back.
    let open = || drive(existing(), (80, 24), chars("p"), Recorder::default());
    let r = open();
    assert_eq!(r.app.mode, Mode::Plan);
    let tasks = r.app.tasks();
    assert!(tasks.len() > 5);
    insta::assert_snapshot!(r.terminal.backend());
    let second = tasks[1].id.clone();

    let mut events = chars("p");
    events.push(key(KeyCode::Down));
    events.extend(chars("+"));
    let r = drive(existing(), (80, 24), events, Recorder::default());
    let tasks = r.app.tasks();
    assert_eq!(tasks[0].id, second, "pinned first");
    assert_eq!(tasks[0].reason.pinned, Some(1));
    assert_eq!(r.app.plan_cursor, 0, "the selection follows the task");
    let saved = r.store.saved.last().unwrap();
    assert_eq!(saved.plan[&second].pinned, Some(1));

    let mut events = chars("p");
    events.push(key(KeyCode::Down));
    events.extend(chars("+x"));
    let r = drive(existing(), (80, 24), events, Recorder::default());
    let tasks = r.app.tasks();
    let done = tasks.iter().find(|t| t.id == second).unwrap();
    assert!(!done.is_open(), "marked done");
    assert_eq!(done.done_day(), Some(jiff::civil::date(2026, 11, 23)));
    assert_eq!(done.reason.pinned, None);
    assert_eq!(tasks.iter().rfind(|t| !t.is_open()).unwrap().id, second);

    let mut events = chars("p");
    events.push(key(KeyCode::Enter));
    events.extend(chars("Anne"));
    events.push(key(KeyCode::Esc));
    events.push(key(KeyCode::Esc));
    let r = drive(existing(), (80, 24), events, Recorder::default());
    let first = r.app.tasks()[0].id.clone();
    assert_eq!(r.store.saved.last().unwrap().plan[&first].owner, "Anne");
    assert_eq!(
        r.app.mode,
        Mode::Overview,
        "Esc goes back where it came from"
    );
    assert!(!r.app.quit);
}

#[test]
fn an_open_breach_shows_its_clock_in_the_header_and_the_register_beside_its_questions_at_80x24() {
    let mut a = existing();
    let found = now()
        .saturating_sub(jiff::SignedDuration::from_hours(10))
        .unwrap();
    let tz = jiff::tz::TimeZone::UTC;
    a.documents.breaches.push(crate::documents::Breach::new(
        found,
        "Laptop gestolen",
        false,
        found,
        &tz,
        [].into_iter(),
    ));
    // The overview of the breach checklist: its first question is about the breach register.
    let datalekken = Catalog::bundled()
        .checklists()
        .iter()
        .position(|c| c.id == "datalekken")
        .unwrap();
    let events = vec![key(KeyCode::Right); datalekken];
    let r = drive(a.clone(), (80, 24), events, Recorder::default());
    let screen = r.terminal.backend().to_string();
    assert!(
        screen.contains("Privacy Quick Scan Datalek: nog 62 uur "),
        "{screen}"
    );
    assert!(
        screen.contains("Je datalekregister in pqs: 1 datalek"),
        "{screen}"
    );
    insta::assert_snapshot!(r.terminal.backend());
    // Reported: the clock is gone.
    a.documents.breaches[0].reported = Some(now());
    let r = drive(a, (80, 24), vec![], Recorder::default());
    assert!(!r.terminal.backend().to_string().contains("Datalek: nog"));
}

/// A bakery's intake (staff, a webshop, a newsletter), nothing answered yet.
fn bakery_intake() -> Assessment {
    let mut a = fresh("Bakkerij De Korst");
    for flag in [
        "personeel",
        "website",
        "webshop",
        "nieuwsbrief",
        "verwerkers",
    ] {
        a.set_intake(flag, Some(crate::checklist::Value::from_bool(true)), now());
    }
    a.set_intake(
        "camera",
        Some(crate::checklist::Value::from_bool(false)),
        now(),
    );
    a
}

#[test]
fn what_follows_the_intake_counts_the_privacy_law_questions_apart_as_the_header_does() {
    let catalog = Catalog::bundled();
    let a = bakery_intake();
    let scan = crate::report::Scan::new(&catalog, &a, now());
    let estimate = crate::report::estimate::remaining(&catalog, &scan);
    // A webshop is asked consumer-law questions too; the header counts the privacy-law ones.
    assert!(
        estimate.privacy > 0 && estimate.privacy < estimate.questions,
        "{estimate:?}"
    );
    let header = &scan.totals;
    assert_eq!(estimate.privacy, header.total - header.answered);
    let line = crate::text::intake_done_next(estimate.questions, estimate.privacy, 5);
    assert!(
        line.contains(&format!(
            "({} over de privacywet, {} over andere regels",
            estimate.privacy,
            estimate.questions - estimate.privacy
        )),
        "{line}"
    );
}

#[test]
fn the_documents_screen_offers_the_intakes_suggestions_and_adds_one_with_enter_at_80x24() {
    use crate::tui::app::Overlay;
    let r = drive(bakery_intake(), (80, 24), chars("l"), Recorder::default());
    assert_eq!(r.app.mode, Mode::Documents);
    let screen = r.terminal.backend().to_string();
    assert!(
        screen.contains("+ voorstel: Bestellingen afhandelen"),
        "{screen}"
    );
    assert!(screen.contains("+ voorstel: Salarisverwerker"), "{screen}");
    assert!(
        r.app.assessment.documents.is_empty(),
        "listing adds nothing"
    );
    insta::assert_snapshot!(r.terminal.backend());

    // Down to the first suggestion, Enter: added (and saved), its form open; Enter saves the form.
    let mut events = chars("l");
    events.push(key(KeyCode::Down));
    events.push(key(KeyCode::Enter));
    let r = drive(
        bakery_intake(),
        (80, 24),
        events.clone(),
        Recorder::default(),
    );
    assert!(
        matches!(r.app.overlay, Overlay::Form(_)),
        "{:?}",
        r.app.overlay
    );
    assert_eq!(r.app.assessment.documents.activities.len(), 1);
    assert_eq!(r.store.saved.len(), 1, "the user's yes is saved at once");
    insta::assert_snapshot!("documents_activity_form_80x24", r.terminal.backend());
    events.push(key(KeyCode::Enter));
    let r = drive(bakery_intake(), (80, 24), events, Recorder::default());
    assert!(matches!(r.app.overlay, Overlay::None));
    let screen = r.terminal.backend().to_string();
    assert!(
        screen.contains("  Bestellingen afhandelen · nog in te vullen: buiten de EER"),
        "{screen}"
    );
    assert!(!screen.contains("+ voorstel: Bestellingen"), "{screen}");
    // Esc goes back where it came from.
    let mut events = chars("l");
    events.push(key(KeyCode::Esc));
    let r = drive(bakery_intake(), (80, 24), events, Recorder::default());
    assert_ne!(r.app.mode, Mode::Documents);
}

#[test]
fn esc_closes_an_untouched_form_saves_a_changed_one_and_leaves_a_refused_one_on_a_second_esc() {
    use crate::tui::app::Overlay;
    // The register's heading, Enter: a new, empty activity form. Esc: closed, nothing added.
    let mut events = chars("l");
    events.push(key(KeyCode::Enter));
    events.push(key(KeyCode::Esc));
    let r = drive(bakery_intake(), (80, 24), events, Recorder::default());
    assert!(
        matches!(r.app.overlay, Overlay::None),
        "{:?}",
        r.app.overlay
    );
    assert!(r.app.assessment.documents.is_empty());
    assert!(r.store.saved.is_empty());
    // A name typed: Esc saves it (nothing typed is lost).
    let mut events = chars("l");
    events.push(key(KeyCode::Enter));
    events.extend(chars("Sollicitaties"));
    events.push(key(KeyCode::Esc));
    let r = drive(bakery_intake(), (80, 24), events, Recorder::default());
    assert!(matches!(r.app.overlay, Overlay::None));
    assert_eq!(
        r.app.assessment.documents.activities[0].name,
        "Sollicitaties"
    );
    // A refused value: the first Esc keeps the form open and says what a second one does.
    let mut events = chars("l");
    events.push(key(KeyCode::Enter));
    events.extend(chars("Sollicitaties"));
    events.extend([key(KeyCode::Tab), key(KeyCode::Tab)]);
    events.extend(chars("omdat het moet"));
    events.push(key(KeyCode::Esc));
    let r = drive(
        bakery_intake(),
        (80, 24),
        events.clone(),
        Recorder::default(),
    );
    let Overlay::Form(form) = &r.app.overlay else {
        panic!("open: {:?}", r.app.overlay);
    };
    assert!(
        form.error
            .as_deref()
            .unwrap_or("")
            .ends_with(crate::text::FORM_ESC_AGAIN),
        "{:?}",
        form.error
    );
    events.push(key(KeyCode::Esc));
    let r = drive(bakery_intake(), (80, 24), events, Recorder::default());
    assert!(matches!(r.app.overlay, Overlay::None));
    assert!(r.app.assessment.documents.is_empty());
    assert!(r.terminal.backend().to_string().contains("Niet opgeslagen"));
}

#[test]
fn the_processor_and_breach_forms_show_every_field_at_80x24() {
    use crate::documents::DocumentKind;
    use crate::tui::app::{DocRow, Overlay};
    let rows = document_rows(bakery_intake());
    for (kind, labels, name) in [
        (
            DocumentKind::Processors,
            &[crate::text::FIELD_PROCESSOR, crate::text::FIELD_CHECKED][..],
            "documents_processor_form_80x24",
        ),
        (
            DocumentKind::Breaches,
            &[crate::text::FIELD_FOUND, crate::text::FIELD_EVALUATION][..],
            "documents_breach_form_80x24",
        ),
    ] {
        let at = rows
            .iter()
            .position(|r| *r == DocRow::Heading(kind))
            .unwrap();
        let mut events = chars("l");
        events.extend(vec![key(KeyCode::Down); at]);
        events.push(key(KeyCode::Enter));
        let r = drive(bakery_intake(), (80, 24), events, Recorder::default());
        assert!(matches!(r.app.overlay, Overlay::Form(_)), "{kind:?}");
        let screen = r.terminal.backend().to_string();
        // The first and the last field are on screen, so every field in between is.
        for label in labels {
            assert!(screen.contains(label), "{label}:\n{screen}");
        }
        insta::assert_snapshot!(name, r.terminal.backend());
    }
}

#[test]
fn a_refused_value_keeps_the_document_form_open_on_its_field_and_saves_nothing() {
    use crate::tui::app::{DocRow, Overlay};
    // The register's heading: a new activity. Name it, then a basis that is not one of the six.
    let mut events = chars("l");
    events.push(key(KeyCode::Enter));
    events.extend(chars("Sollicitaties"));
    events.push(key(KeyCode::Tab));
    events.push(key(KeyCode::Tab));
    events.extend(chars("omdat het moet"));
    events.push(key(KeyCode::Enter));
    let r = drive(bakery_intake(), (80, 24), events, Recorder::default());
    let Overlay::Form(form) = &r.app.overlay else {
        panic!("the form stays open: {:?}", r.app.overlay);
    };
    assert_eq!(form.fields[form.focus].label, crate::text::FIELD_BASIS);
    assert!(
        form.error
            .as_deref()
            .unwrap_or("")
            .contains("is geen geldige waarde")
    );
    assert!(r.app.assessment.documents.is_empty());
    assert!(r.store.saved.is_empty());

    // A new breach from the breach register's heading: found now, so its clock runs.
    let rows = document_rows(bakery_intake());
    let heading = rows
        .iter()
        .position(|r| *r == DocRow::Heading(crate::documents::DocumentKind::Breaches))
        .unwrap();
    let mut events = chars("l");
    events.extend(vec![key(KeyCode::Down); heading]);
    events.push(key(KeyCode::Enter));
    events.extend(chars("Laptop gestolen"));
    events.push(key(KeyCode::Enter));
    let r = drive(bakery_intake(), (80, 24), events, Recorder::default());
    assert_eq!(
        r.app.assessment.documents.breaches.len(),
        1,
        "{:?}",
        r.app.overlay
    );
    let screen = r.terminal.backend().to_string();
    assert!(screen.contains("Datalek: nog 72 uur"), "{screen}");
}

#[test]
fn a_drill_walks_the_breach_steps_with_the_clock_and_records_who_did_what_when() {
    use crate::documents::drill::Script;
    let script = Script::bundled();
    let rows = document_rows(bakery_intake());
    // "+ oefening" starts a drill: only the start (now) and the scenario are asked.
    let mut start = chars("l");
    let drill_row = rows
        .iter()
        .position(|r| *r == super::app::DocRow::NewDrill)
        .unwrap();
    start.extend(vec![key(KeyCode::Down); drill_row]);
    start.push(key(KeyCode::Enter));
    start.extend(chars("Mail aan de verkeerde klant"));
    start.push(key(KeyCode::Enter));
    let r = drive(
        bakery_intake(),
        (80, 24),
        start.clone(),
        Recorder::default(),
    );
    assert_eq!(r.app.mode, Mode::Drill, "a new drill opens on its steps");
    assert_eq!(r.app.drill_cursor, 0);
    insta::assert_snapshot!("drill_started_80x24", r.terminal.backend());

    // Enter on the first step: who (the contact person) and what (the instruction, changed).
    let mut events = start.clone();
    events.push(key(KeyCode::Enter));
    events.push(key(KeyCode::Tab));
    events.extend(chars(" (Eva gebeld)"));
    events.push(key(KeyCode::Enter));
    let mut a = bakery_intake();
    a.details.contact = "Anne".into();
    let r = drive(a, (80, 24), events, Recorder::default());
    let drill = &r.app.assessment.documents.breaches[0];
    assert!(drill.drill);
    assert_eq!(drill.steps.len(), 1);
    let step = &drill.steps[0];
    assert_eq!(
        (
            step.who.as_str(),
            step.what.as_str(),
            step.step.as_str(),
            step.at
        ),
        (
            "Anne",
            format!("{} (Eva gebeld)", script.steps[0].title).as_str(),
            script.steps[0].id.as_str(),
            now()
        )
    );
    assert_eq!(r.app.drill_cursor, 1, "on to the next step");
    assert!(
        r.store
            .saved
            .last()
            .is_some_and(|s| s.documents.breaches[0].steps.len() == 1)
    );
    let screen = r.terminal.backend().to_string();
    assert!(screen.contains("✓ 1. "), "{screen}");
    assert!(
        !screen.contains("Datalek: nog"),
        "a drill starts no clock in the header\n{screen}"
    );

    // Esc: back on the documents screen, where the drill says how far it is.
    let mut events = start;
    events.push(key(KeyCode::Esc));
    let r = drive(bakery_intake(), (80, 24), events, Recorder::default());
    assert_eq!(r.app.mode, Mode::Documents);
    let screen = r.terminal.backend().to_string();
    assert!(
        screen.contains(&format!("0 van {} stappen gedaan", script.steps.len())),
        "{screen}"
    );
}

/// The rows of the documents screen for `a`.
fn document_rows(a: Assessment) -> Vec<super::app::DocRow> {
    super::app::App::new(
        Catalog::bundled(),
        a,
        "b",
        crate::tui::theme::Theme::new(false),
    )
    .document_rows()
}

/// The keys that open the documents screen and Enter the first breach of `a`.
fn open_first_breach(a: &Assessment) -> Vec<ratatui::crossterm::event::Event> {
    let rows = document_rows(a.clone());
    let at = rows
        .iter()
        .position(|r| *r == super::app::DocRow::Breach(0))
        .unwrap();
    let mut events = chars("l");
    events.extend(vec![key(KeyCode::Down); at]);
    events.push(key(KeyCode::Enter));
    events
}

#[test]
fn the_documents_screen_ends_with_the_draft_statement_whose_enter_asks_where_to_write_it() {
    use crate::tui::app::Overlay;
    let rows = document_rows(bakery_intake());
    assert_eq!(rows.last(), Some(&super::app::DocRow::Statement));
    let mut events = chars("l");
    events.extend(vec![key(KeyCode::Down); rows.len() - 1]);
    let r = drive(
        bakery_intake(),
        (80, 24),
        events.clone(),
        Recorder::default(),
    );
    let screen = r.terminal.backend().to_string();
    assert!(screen.contains("Privacyverklaring (concept)"), "{screen}");
    assert!(
        screen.contains("Enter (of e): schrijf het als HTML"),
        "{screen}"
    );
    events.push(key(KeyCode::Enter));
    let r = drive(bakery_intake(), (80, 24), events, Recorder::default());
    assert!(
        matches!(r.app.overlay, Overlay::Export(_)),
        "{:?}",
        r.app.overlay
    );
}

#[test]
fn the_drill_screen_shows_the_time_run_the_steps_done_and_why_at_80x24() {
    use crate::documents::drill::{self, Script};
    let script = Script::bundled();
    let mut a = bakery_intake();
    let start = now() - jiff::SignedDuration::from_mins(95);
    let mut b = crate::documents::Breach::new(
        start,
        "Laptop met klantbestand in de trein laten liggen",
        true,
        start,
        &jiff::tz::TimeZone::UTC,
        [].into_iter(),
    );
    b.steps.push(drill::done(
        &script.steps[0],
        "Anne",
        "",
        start + jiff::SignedDuration::from_mins(4),
    ));
    b.steps.push(drill::done(
        &script.steps[1],
        "Eva",
        "Wachtwoord van de laptop gewijzigd",
        start + jiff::SignedDuration::from_mins(20),
    ));
    a.documents.breaches.push(b);
    // The documents screen's drill row: Enter opens the drill on its first open step.
    let mut events = open_first_breach(&a);
    let r = drive(a.clone(), (80, 24), events.clone(), Recorder::default());
    assert_eq!((r.app.mode, r.app.drill_cursor), (Mode::Drill, 2));
    let screen = r.terminal.backend().to_string();
    assert!(screen.contains("loopt 1 uur 35 min"), "{screen}");
    assert!(
        screen.contains("na 4 min") && screen.contains("na 20 min"),
        "{screen}"
    );
    insta::assert_snapshot!("drill_80x24", r.terminal.backend());
    // Up on a step done: who did what when.
    events.push(key(KeyCode::Up));
    let r = drive(a, (80, 24), events, Recorder::default());
    let screen = r.terminal.backend().to_string();
    assert!(
        screen.contains("door Eva: Wachtwoord van de laptop gewijzigd"),
        "{screen}"
    );
}

#[test]
fn a_done_drill_step_opens_with_what_was_recorded_and_enter_without_a_change_keeps_it() {
    use crate::documents::drill::{self, Script};
    let script = Script::bundled();
    let mut a = bakery_intake();
    let mut b = super::tests::drill_found(now() - jiff::SignedDuration::from_mins(30));
    drill::record(
        &mut b,
        &script.steps[0],
        "Anne",
        "Piet belde om 9:05",
        now() - jiff::SignedDuration::from_mins(28),
    );
    a.documents.breaches.push(b);
    // The drill opens on step 2; Up to step 1, Enter: the recorded who and what.
    let mut events = open_first_breach(&a);
    events.push(key(KeyCode::Up));
    events.push(key(KeyCode::Enter));
    let r = drive(a.clone(), (80, 24), events.clone(), Recorder::default());
    let screen = r.terminal.backend().to_string();
    assert!(screen.contains("Piet belde om 9:05"), "{screen}");
    // Enter unchanged: nothing saved, the record as it was.
    let mut same = events.clone();
    same.push(key(KeyCode::Enter));
    let r = drive(a.clone(), (80, 24), same, Recorder::default());
    assert!(r.store.saved.is_empty());
    assert_eq!(r.app.assessment.documents.breaches[0].steps.len(), 1);
    // Another name: corrected in place, at its time.
    events.extend([key(KeyCode::End)]);
    events.extend(vec![key(KeyCode::Backspace); 4]);
    events.extend(chars("Bram"));
    events.push(key(KeyCode::Enter));
    let r = drive(a, (80, 24), events, Recorder::default());
    let steps = &r.app.assessment.documents.breaches[0].steps;
    assert_eq!(steps.len(), 1);
    assert_eq!(
        (steps[0].who.as_str(), steps[0].at),
        ("Bram", now() - jiff::SignedDuration::from_mins(28))
    );
}

#[test]
fn after_a_suggestion_is_added_the_selection_is_on_the_record_it_became() {
    use crate::tui::app::DocRow;
    // The second suggestion (row 2), Enter: added, its form open; Esc: closed. The record is listed
    // above the suggestions left, at row 1.
    let mut events = chars("l");
    events.extend([
        key(KeyCode::Down),
        key(KeyCode::Down),
        key(KeyCode::Enter),
        key(KeyCode::Esc),
    ]);
    let r = drive(
        bakery_intake(),
        (80, 24),
        events.clone(),
        Recorder::default(),
    );
    let rows = r.app.document_rows();
    assert_eq!(
        r.app.assessment.documents.activities[0].id,
        "personeelsadministratie"
    );
    assert_eq!(rows[r.app.documents_cursor], DocRow::Activity(0));
    // Down: the first suggestion left.
    events.push(key(KeyCode::Down));
    let r = drive(bakery_intake(), (80, 24), events, Recorder::default());
    let rows = r.app.document_rows();
    assert!(
        matches!(&rows[r.app.documents_cursor], DocRow::Suggested(_, id) if id == "bestellingen"),
        "{:?}",
        rows[r.app.documents_cursor]
    );
}

#[test]
fn x_removes_a_drill_after_a_question() {
    use crate::tui::app::Overlay;
    let mut a = bakery_intake();
    a.documents.breaches.push(super::tests::drill_found(now()));
    let mut events = open_first_breach(&a);
    events.pop(); // not Enter: x on the row
    events.extend(chars("x"));
    let r = drive(a.clone(), (80, 24), events.clone(), Recorder::default());
    assert!(
        matches!(r.app.overlay, Overlay::RemoveConfirm(..)),
        "{:?}",
        r.app.overlay
    );
    events.extend(chars("j"));
    let r = drive(a, (80, 24), events, Recorder::default());
    let b = &r.app.assessment.documents.breaches[0];
    assert_eq!(
        b.stamp.removed,
        Some(now()),
        "kept in the file with its date"
    );
    assert!(
        !r.app
            .document_rows()
            .contains(&super::app::DocRow::Breach(0))
    );
}

#[test]
fn the_drill_evaluation_opens_the_drill_form_on_the_evaluation() {
    use crate::tui::app::Overlay;
    let mut a = bakery_intake();
    a.documents.breaches.push(super::tests::drill_found(now()));
    let mut events = open_first_breach(&a);
    events.push(key(KeyCode::End));
    events.extend(vec![key(KeyCode::Down); 20]);
    events.push(key(KeyCode::Enter));
    events.extend(chars(
        "Melden ging goed; het aanspreekpunt was niet bekend.",
    ));
    events.push(key(KeyCode::Enter));
    let r = drive(a, (80, 24), events, Recorder::default());
    assert!(
        matches!(r.app.overlay, Overlay::None),
        "{:?}",
        r.app.overlay
    );
    assert_eq!(
        r.app.assessment.documents.breaches[0].evaluation,
        "Melden ging goed; het aanspreekpunt was niet bekend."
    );
    assert_eq!(r.app.mode, Mode::Drill);
    assert!(r.terminal.backend().to_string().contains("✓ Evaluatie"));
}

#[test]
fn x_removes_a_register_entry_after_a_question_and_a_breach_always_stays() {
    use crate::tui::app::Overlay;
    let mut a = bakery_intake();
    a.documents
        .activities
        .push(crate::documents::Activity::blank(
            "Sollicitaties",
            [].into_iter(),
            now(),
        ));
    // The first row is the register's heading, the second the activity.
    let mut events = chars("l");
    events.push(key(KeyCode::Down));
    events.extend(chars("x"));
    let r = drive(a.clone(), (80, 24), events.clone(), Recorder::default());
    assert!(matches!(r.app.overlay, Overlay::RemoveConfirm(..)));
    assert!(r.terminal.backend().to_string().contains("Sollicitaties"));
    // n keeps it; j removes it (kept in the file with its date) and saves.
    let mut no = events.clone();
    no.extend(chars("n"));
    let r = drive(a.clone(), (80, 24), no, Recorder::default());
    assert!(
        r.app.assessment.documents.activities[0]
            .stamp
            .removed
            .is_none()
    );
    assert!(r.store.saved.is_empty());
    events.extend(chars("j"));
    let r = drive(a.clone(), (80, 24), events, Recorder::default());
    assert_eq!(
        r.app.assessment.documents.activities[0].stamp.removed,
        Some(now())
    );
    assert_eq!(r.store.saved.len(), 1);
    assert!(!r.terminal.backend().to_string().contains("Sollicitaties ·"));

    // A breach: x says it stays.
    let tz = jiff::tz::TimeZone::UTC;
    let mut a = bakery_intake();
    a.documents.breaches.push(crate::documents::Breach::new(
        now(),
        "Lek",
        false,
        now(),
        &tz,
        [].into_iter(),
    ));
    let rows = document_rows(a.clone());
    let at = rows
        .iter()
        .position(|r| matches!(r, super::app::DocRow::Breach(_)))
        .unwrap();
    let mut events = chars("l");
    events.extend(vec![key(KeyCode::Down); at]);
    events.extend(chars("x"));
    let r = drive(a, (80, 24), events, Recorder::default());
    assert!(matches!(r.app.overlay, Overlay::None));
    assert!(
        r.terminal
            .backend()
            .to_string()
            .contains("Een datalek blijft in het register")
    );
}
