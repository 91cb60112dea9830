//! The content model on screen, with small content of its own (so the bundled checklists can
//! change without these tests): a multiple-choice intake question, a decision, follow-ups, the
//! pause between checklists.

use ratatui::crossterm::event::KeyCode;

use super::app::{Mode, Overlay};
use super::tests::{Recorder, chars, drive_with, key, now};
use crate::assessment::{Assessment, Status};
use crate::checklist::catalog::Content;
use crate::checklist::intake::parse_intake;
use crate::checklist::{Catalog, Source, Value, parse_checklist};

const INTAKE: &str = r#"
version = 1
reviewed = 2026-11-23

[[questions]]
id = "omvang"
question = "Hoeveel mensen werken er in je bedrijf, jijzelf meegeteld?"
explanation = "Met meer mensen komen er vragen over personeelsgegevens bij."
choices = [
    { id = "1", label = "Alleen ik" },
    { id = "2-9", label = "2 tot 10 mensen" },
    { id = "10-49", label = "10 tot 50 mensen" },
    { id = "50-249", label = "50 tot 250 mensen" },
    { id = "250-plus", label = "250 mensen of meer" },
]

[[questions]]
id = "klanten"
question = "Bewaar je gegevens van klanten, zoals bestellingen of adressen?"
explanation = "Ook een klantenlijst of een map met bestellingen telt mee."

[[decisions]]
id = "register"
title = "Moet je een verwerkingsregister bijhouden?"
reference = "art. 30 lid 5 AVG"

[[decisions.outcomes]]
answer = "ja"
label = "Ja."
reason = "Met 250 mensen of meer is een register altijd verplicht."
when = ["omvang=250-plus"]

[[decisions.outcomes]]
answer = "ja"
label = "Ja."
reason = "Je verwerkt regelmatig klantgegevens: dat is niet incidenteel."
when = ["klanten"]

[[decisions.outcomes]]
answer = "misschien"
label = "Waarschijnlijk niet."
reason = "Zonder klantgegevens verwerk je weinig persoonsgegevens."
find_out = "Of je toch regelmatig gegevens van mensen bijhoudt, zoals leveranciers."
"#;

const REGISTER: &str = r#"
id = "register"
title = "Verwerkingsregister"
version = 1
reviewed = 2026-11-23
order = 1

[[items]]
id = "heb-register"
question = "Heb je een overzicht van wat je met persoonsgegevens doet?"
explanation = "Dat overzicht heet het verwerkingsregister."
action = "Maak een lijst: welke gegevens, waarvoor, hoe lang."
reference = "art. 30 AVG"
severity = "high"
applies_if = "register=ja|misschien"

[[items]]
id = "register-actueel"
question = "Werk je dat overzicht bij als er iets verandert?"
explanation = "Een register dat niet klopt, helpt niemand."
action = "Zet een vaste datum in je agenda om het na te lopen."
reference = "art. 30 AVG"
severity = "medium"
follows = "heb-register"
applies_if = "register=ja|misschien"

[[items]]
id = "bewaartermijn"
question = "Weet je hoe lang je elk soort gegevens bewaart?"
explanation = "Gegevens die je niet meer nodig hebt, gooi je weg."
action = "Zet per soort gegevens een bewaartermijn in het register."
reference = "art. 5 lid 1 sub e AVG"
severity = "medium"
depth = "verdieping"
"#;

const STAFF: &str = r#"
id = "personeel"
title = "Personeel"
version = 1
reviewed = 2026-11-23
order = 2
applies_if = "omvang!=1"

[[items]]
id = "kopie-id"
question = "Bewaar je een kopie van het identiteitsbewijs van je personeel?"
explanation = "Voor de loonadministratie moet je die kopie bewaren."
action = "Bewaar de kopie apart en alleen zolang het moet."
reference = "art. 28 Wet op de loonbelasting 1964"
severity = "medium"
"#;

fn catalog() -> Catalog {
    let content = Content {
        intake: parse_intake(INTAKE, "intake.toml", Source::Bundled).unwrap(),
        ..Content::default()
    };
    let catalog = Catalog::with_content(
        content,
        [REGISTER, STAFF].map(|text| parse_checklist(text, "test.toml", Source::Bundled).unwrap()),
    );
    assert_eq!(catalog.check(), [], "the test content is valid");
    catalog
}

fn run(events: Vec<ratatui::crossterm::event::Event>) -> super::tests::Run {
    drive_with(
        catalog(),
        Assessment::new("Bakkerij De Korst", now()),
        (80, 24),
        events,
        Recorder::default(),
    )
}

#[test]
fn a_multiple_choice_question_shows_every_choice_numbered_at_80x24() {
    let r = run(vec![]);
    assert_eq!(r.app.mode, Mode::Intake);
    let screen = format!("{}", r.terminal.backend());
    for (n, label) in [
        "Alleen ik",
        "2 tot 10 mensen",
        "10 tot 50 mensen",
        "50 tot 250 mensen",
        "250 mensen of meer",
    ]
    .iter()
    .enumerate()
    {
        assert!(
            screen.contains(&format!("{} {label}", n + 1)),
            "{label}:\n{screen}"
        );
    }
    insta::assert_snapshot!(r.terminal.backend());
}

#[test]
fn a_choice_is_answered_with_its_number_and_shown_in_the_list() {
    let r = run(chars("2"));
    assert_eq!(
        r.app.assessment.intake.get("omvang"),
        Some(&Value::Choice("2-9".into()))
    );
    assert_eq!(r.app.intake_cursor, 1, "on to the next question");
    let screen = format!("{}", r.terminal.backend());
    assert!(
        screen.contains("2 tot 10 mensen Hoeveel mensen"),
        "{screen}"
    );
    // A number with no choice behind it changes nothing and says why.
    let r = run(chars("9"));
    assert_eq!(r.app.assessment.intake.get("omvang"), None);
    assert!(r.app.message.is_some());
}

#[test]
fn the_end_of_the_intake_shows_what_was_decided_and_what_follows_at_80x24() {
    let r = run(chars("2j"));
    let Overlay::IntakeDone(estimate, _) = r.app.overlay else {
        panic!("expected the end of the intake, got {:?}", r.app.overlay);
    };
    // Quick scan: heb-register, register-actueel and kopie-id; bewaartermijn is deeper.
    assert_eq!(estimate.questions, 3);
    let screen = format!("{}", r.terminal.backend());
    assert!(
        screen.contains("Moet je een verwerkingsregister bijhouden? Ja."),
        "{screen}"
    );
    assert!(screen.contains("niet incidenteel"), "{screen}");
    insta::assert_snapshot!(r.terminal.backend());
}

#[test]
fn an_uncertain_decision_says_what_to_find_out() {
    let r = run(chars("1n"));
    let screen = format!("{}", r.terminal.backend());
    assert!(screen.contains("Waarschijnlijk niet."), "{screen}");
    assert!(
        screen.contains("Zoek uit: Of je toch regelmatig"),
        "{screen}"
    );
}

#[test]
fn a_follow_up_comes_right_after_a_yes_and_is_skipped_after_a_no_at_80x24() {
    // Intake, Enter to the first question, then yes: the follow-up is next.
    let mut events = chars("2j");
    events.push(key(KeyCode::Enter));
    events.extend(chars("j"));
    let r = run(events);
    assert_eq!(r.app.mode, Mode::Guided);
    let (_, item) = r.app.current().expect("a question");
    assert_eq!(item.id, "register.register-actueel");
    insta::assert_snapshot!(r.terminal.backend());

    // No: the follow-up is not asked; the checklist is done and the pause says what is open.
    let mut events = chars("2j");
    events.push(key(KeyCode::Enter));
    events.extend(chars("n"));
    let r = run(events);
    assert_eq!(
        r.app.assessment.status("register.heb-register"),
        Some(Status::No)
    );
    assert_eq!(r.app.assessment.status("register.register-actueel"), None);
    assert!(
        matches!(r.app.overlay, Overlay::Pause { .. }),
        "{:?}",
        r.app.overlay
    );
}

#[test]
fn the_pause_between_checklists_sums_up_and_names_the_next_at_80x24() {
    let mut events = chars("2j");
    events.push(key(KeyCode::Enter));
    events.extend(chars("jn"));
    let r = run(events);
    let Overlay::Pause { next, .. } = r.app.overlay else {
        panic!("expected the pause, got {:?}", r.app.overlay);
    };
    assert!(next.is_some(), "Personeel comes next");
    let screen = format!("{}", r.terminal.backend());
    assert!(screen.contains("Personeel"), "{screen}");
    insta::assert_snapshot!(r.terminal.backend());
    // Only Enter goes on: a stray answer key does not answer the next question unseen.
    let mut events = chars("2j");
    events.push(key(KeyCode::Enter));
    events.extend(chars("jnj"));
    let r = run(events);
    assert_eq!(r.app.assessment.status("personeel.kopie-id"), None);
    assert!(matches!(r.app.overlay, Overlay::Pause { .. }));
}

/// The bakery's intake with the bundled content, key by key (2-9 people, consumers, staff, a
/// webshop with cookies, social media, a newsletter, processors outside the EEA).
const BAKERY_KEYS: &str = "21jnnnjjnjnjjnjnnnnnnnnjjn";

#[test]
fn the_end_of_a_long_intake_puts_the_estimate_first_and_scrolls_the_rest_at_80x24() {
    use crate::assessment::Assessment;
    let run = |extra: &str| {
        let mut events = chars(BAKERY_KEYS);
        events.extend(
            extra
                .chars()
                .map(|c| key(if c == 'v' { KeyCode::Down } else { KeyCode::Up })),
        );
        super::tests::drive(
            Assessment::new("Bakkerij De Korst", now()),
            (80, 24),
            events,
            Recorder::default(),
        )
    };
    let r = run("");
    assert!(
        matches!(r.app.overlay, Overlay::IntakeDone(_, 0)),
        "{:?}",
        r.app.overlay
    );
    let screen = format!("{}", r.terminal.backend());
    assert!(
        screen.contains("Nu volgen "),
        "the estimate is seen first:\n{screen}"
    );
    assert!(screen.contains("↑ ↓ meer"), "{screen}");
    // Down scrolls, but not past the end; up comes back at once.
    let down = format!("{}", run("v").terminal.backend());
    assert_ne!(down, screen);
    let far = run(&"v".repeat(200));
    let Overlay::IntakeDone(_, scrolled) = far.app.overlay else {
        panic!("{:?}", far.app.overlay);
    };
    assert!(scrolled > 0 && scrolled < 100, "{scrolled}");
    let back = run(&format!("{}^", "v".repeat(200)));
    let Overlay::IntakeDone(_, less) = back.app.overlay else {
        panic!();
    };
    assert_eq!(less, scrolled - 1);
}

#[test]
fn after_a_long_intake_the_first_questions_still_explain_the_answers() {
    use crate::assessment::Assessment;
    let mut events = chars(BAKERY_KEYS);
    events.push(key(KeyCode::Enter));
    let r = super::tests::drive(
        Assessment::new("Bakkerij De Korst", now()),
        (100, 30),
        events,
        Recorder::default(),
    );
    assert_eq!(r.app.mode, Mode::Guided);
    let screen = format!("{}", r.terminal.backend());
    let start: String = crate::text::ANSWER_MEANINGS.chars().take(30).collect();
    assert!(screen.contains(&start), "{screen}");
}

#[test]
fn after_the_last_question_enter_opens_the_report_and_keys_change_nothing() {
    let mut events = chars("2j");
    events.push(key(KeyCode::Enter));
    events.extend(chars("jn\nj\nnnn"));
    let r = run(events);
    assert_eq!(r.app.mode, Mode::Report);
    assert!(
        matches!(r.app.overlay, Overlay::None),
        "{:?}",
        r.app.overlay
    );
    assert_eq!(
        r.app.assessment.status("personeel.kopie-id"),
        Some(Status::Yes),
        "the keys after the end did not answer again"
    );
}
