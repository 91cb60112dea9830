//! Drives the real event loop on `TestBackend` and snapshots the screens.

use std::collections::VecDeque;

use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::style::Color;

use super::app::{App, Mode};
use super::event_loop::{Persist, run};
use super::theme::Theme;
use crate::assessment::{Assessment, Status};
use crate::checklist::Catalog;

pub(super) fn now() -> Timestamp {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

/// Records saves; fails while `fail` is set, and for the first `fail_first` saves.
#[derive(Default)]
pub(super) struct Recorder {
    pub(super) saved: Vec<Assessment>,
    pub(super) fail: bool,
    pub(super) fail_first: usize,
}

impl Persist for Recorder {
    fn save(&mut self, assessment: &Assessment) -> Result<Option<Assessment>, String> {
        if self.fail || self.fail_first > 0 {
            self.fail_first = self.fail_first.saturating_sub(1);
            return Err("alleen-lezen map /data.".into());
        }
        self.saved.push(assessment.clone());
        Ok(None)
    }
}

pub(super) fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub(super) fn chars(text: &str) -> Vec<Event> {
    text.chars()
        .map(|c| {
            if c == '\n' {
                key(KeyCode::Enter)
            } else {
                key(KeyCode::Char(c))
            }
        })
        .collect()
}

pub(super) fn existing() -> Assessment {
    let mut a = fresh("Bakkerij De Korst");
    a.set_status(&q(0), Some(Status::Yes), None, now());
    a.set_status(&q(1), Some(Status::NotApplicable), None, now());
    a.set_status(&q(2), Some(Status::Partly), None, now());
    a.set_note(
        &q(2),
        "Nieuwsbrief nog toevoegen <b>\"snel\"</b> | 50%",
        now(),
    );
    a.set_status(&q(3), Some(Status::No), None, now());
    a
}

/// A new assessment of the full scan, so the screens' tests meet every kind of question (the
/// quick scan's own tests have content of their own: `content_tests`).
pub(super) fn fresh(organisation: &str) -> Assessment {
    let mut a = Assessment::new(organisation, now());
    a.depth = Some(crate::assessment::ScanDepth::Volledig);
    a
}

/// The questions the walk-through asks a [`fresh`] assessment, in order (the quick scan with nothing
/// answered: every follow-up is still asked). Tests name questions by their place in the walk, so
/// they follow the bundled content.
pub(super) fn walk() -> Vec<String> {
    let app = App::new(
        Catalog::bundled(),
        fresh(""),
        "standaard",
        Theme::new(false),
    );
    (0..app.positions.len())
        .filter(|&i| app.asked_here(i))
        .filter_map(|i| app.at(i).map(|(_, item)| item.id.to_string()))
        .collect()
}

/// The `n`-th question of [`walk`] (0 is the first).
pub(super) fn q(n: usize) -> String {
    walk()[n].clone()
}

pub(super) struct Run {
    pub(super) terminal: Terminal<TestBackend>,
    pub(super) app: App,
    pub(super) store: Recorder,
}

pub(super) fn drive(
    assessment: Assessment,
    size: (u16, u16),
    events: Vec<Event>,
    store: Recorder,
) -> Run {
    drive_with(Catalog::bundled(), assessment, size, events, store)
}

/// [`drive`] with other content than the bundled.
pub(super) fn drive_with(
    catalog: Catalog,
    assessment: Assessment,
    size: (u16, u16),
    events: Vec<Event>,
    store: Recorder,
) -> Run {
    let mut app = App::new(catalog, assessment, "standaard", Theme::new(false));
    // An export in a test never lands in the working tree (a script that typed a name into the
    // export prompt once left a folder in the repository).
    app.export_dir = std::env::temp_dir().join("pqs-tui-tests");
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    let mut store = store;
    run(
        &mut terminal,
        &mut app,
        &mut VecDeque::from(events),
        &mut store,
        now,
    )
    .unwrap();
    Run {
        terminal,
        app,
        store,
    }
}

#[test]
fn a_new_assessment_starts_with_the_intake_at_80x24() {
    let r = drive(
        Assessment::new("", now()),
        (80, 24),
        vec![],
        Recorder::default(),
    );
    assert_eq!(r.app.mode, Mode::Intake);
    insta::assert_snapshot!(r.terminal.backend());
}

#[test]
fn guided_starts_after_the_intake_at_80x24() {
    let r = drive(
        fresh(""),
        (80, 24),
        vec![key(KeyCode::Tab)],
        Recorder::default(),
    );
    assert_eq!(r.app.mode, Mode::Guided);
    insta::assert_snapshot!(r.terminal.backend());
}

#[test]
fn guided_at_120x40_after_two_answers() {
    let mut events = vec![key(KeyCode::Tab)];
    events.extend(chars("jn"));
    let r = drive(fresh(""), (120, 40), events, Recorder::default());
    insta::assert_snapshot!(r.terminal.backend());
}

#[test]
fn answering_saves_at_once_and_moves_to_the_next_unanswered() {
    let mut a = fresh("");
    a.set_status(&q(1), Some(Status::Yes), None, now());
    // An existing assessment opens in the overview; Tab goes to the walk-through.
    let r = drive(
        a,
        (80, 24),
        vec![key(KeyCode::Tab), key(KeyCode::Char('d'))],
        Recorder::default(),
    );
    assert_eq!(r.store.saved.len(), 1, "one answer, one save");
    let saved = &r.store.saved[0];
    assert_eq!(saved.status(&q(0)), Some(Status::Partly));
    // The next question was already answered, so the walk-through skips it.
    assert_eq!(r.app.current().unwrap().1.id, q(2));
}

#[test]
fn existing_assessment_opens_in_overview_at_80x24() {
    let r = drive(
        existing(),
        (80, 24),
        vec![key(KeyCode::Down), key(KeyCode::Down)],
        Recorder::default(),
    );
    assert_eq!(r.app.mode, Mode::Overview);
    // The detail pane is too short for the whole text: the answer comes before the explanation,
    // and the last row says where the rest is.
    let screen = r.terminal.backend().to_string();
    assert!(screen.contains("Antwoord: ◐ deels"), "{screen}");
    assert!(screen.contains(crate::text::DETAILS_MORE), "{screen}");
    insta::assert_snapshot!(r.terminal.backend());
}

#[test]
fn overview_at_120x40() {
    let r = drive(
        existing(),
        (120, 40),
        vec![key(KeyCode::Right), key(KeyCode::Down)],
        Recorder::default(),
    );
    insta::assert_snapshot!(r.terminal.backend());
}

#[test]
fn the_overview_scrolls_a_long_checklist_and_keeps_the_answer_in_view_at_100x30() {
    // The longest checklist, 30 rows down: only the rows in view are drawn, the selected one
    // among them; the detail pane shows the answer before the explanation and says where the
    // rest is.
    let mut events = vec![key(KeyCode::Right); 6];
    events.extend(vec![key(KeyCode::Down); 30]);
    let r = drive(existing(), (100, 30), events, Recorder::default());
    let (owner, item) = r.app.current().expect("an item");
    let checklist = r.app.shown_in(r.app.cursor).expect("a checklist");
    assert!(checklist.entries.len() > 30, "{}", checklist.id);
    let screen = r.terminal.backend().to_string();
    let start = |question: &str| question.chars().take(25).collect::<String>();
    assert!(
        screen.contains(&start(&item.question)),
        "{}:\n{screen}",
        owner.id
    );
    let first = r
        .app
        .at(r.app.first_of(r.app.checklist_index()).unwrap())
        .unwrap()
        .1;
    assert!(!screen.contains(&start(&first.question)), "{screen}");
    assert!(screen.contains(crate::text::CURRENT_ANSWER), "{screen}");
}

#[test]
fn help_lists_the_keys_at_80x24() {
    let r = drive(existing(), (80, 24), chars("?"), Recorder::default());
    let screen = r.terminal.backend().to_string();
    assert!(
        screen.contains("Ctrl+C"),
        "the last row of the help fits at 80x24"
    );
    insta::assert_snapshot!(r.terminal.backend());
}

/// The help row of `action` in `scope` as the help draws it: all its keys, then its label. A key
/// drawn wrong (or a label) makes the row missing, whatever else the screen shows.
fn help_row(scope: super::keymap::Scope, action: super::action::Action) -> String {
    let keys: Vec<String> = super::keymap::BINDINGS
        .iter()
        .filter(|b| std::mem::discriminant(&b.scope) == std::mem::discriminant(&scope))
        .filter(|b| b.action == action)
        .map(|b| super::keymap::key_name(b.code, b.ctrl))
        .collect();
    format!(
        "  {:<15}{}",
        keys.join(", "),
        crate::text::action_label(&action)
    )
}

#[test]
fn help_is_generated_from_the_keymap() {
    use super::keymap::Scope;
    let r = drive(existing(), (120, 40), chars("?"), Recorder::default());
    let screen = r.terminal.backend().to_string();
    // Editors, prompts, forms, pauses and choices list their own keys in their box; the intake's
    // help is its own.
    let own_box = |scope: Scope| {
        matches!(
            scope,
            Scope::Prompt
                | Scope::Note
                | Scope::Form
                | Scope::Intake
                | Scope::Start
                | Scope::Confirm
                | Scope::Pause
                | Scope::Choose
                | Scope::Glossary
        )
    };
    for binding in super::keymap::BINDINGS.iter().filter(|b| !own_box(b.scope)) {
        let row = help_row(binding.scope, binding.action);
        assert!(
            screen.contains(&row),
            "help misses the row {row:?}:\n{screen}"
        );
    }
    let r = drive(fresh(""), (80, 24), chars("?"), Recorder::default());
    let screen = r.terminal.backend().to_string();
    for binding in super::keymap::BINDINGS
        .iter()
        .filter(|b| matches!(b.scope, Scope::Intake) && b.footer)
    {
        let row = help_row(binding.scope, binding.action);
        assert!(
            screen.contains(&row),
            "intake help misses the row {row:?}:\n{screen}"
        );
    }
}

#[test]
fn note_editor_saves_multiline_text_with_odd_characters() {
    let mut events = chars("o");
    events.extend(chars(
        "Regel één, <script>alert(1)</script>\n\"quote\" | pipe",
    ));
    let r = drive(existing(), (80, 24), events, Recorder::default());
    insta::assert_snapshot!("note_editor_open", r.terminal.backend());
    let mut events = chars("o");
    events.extend(chars(
        "Regel één, <script>alert(1)</script>\n\"quote\" | pipe",
    ));
    events.push(key(KeyCode::Esc));
    let r = drive(existing(), (80, 24), events, Recorder::default());
    let saved = r.store.saved.last().expect("note saved");
    assert_eq!(
        saved.note(&q(0)),
        "Regel één, <script>alert(1)</script>\n\"quote\" | pipe"
    );
}

#[test]
fn a_failed_save_is_shown_kept_and_retried() {
    let store = Recorder {
        fail: true,
        ..Recorder::default()
    };
    let r = drive(
        fresh(""),
        (80, 24),
        vec![key(KeyCode::Tab), key(KeyCode::Char('j'))],
        store,
    );
    assert!(r.app.unsaved);
    assert_eq!(r.app.assessment.status(&q(0)), Some(Status::Yes));
    let screen = r.terminal.backend().to_string();
    assert!(screen.contains("NIET OPGESLAGEN"), "{screen}");

    // Same app, the folder writable again: the next save succeeds and says so.
    let Run {
        mut terminal,
        mut app,
        mut store,
    } = r;
    store.fail = false;
    run(
        &mut terminal,
        &mut app,
        &mut VecDeque::from(chars("n")),
        &mut store,
        now,
    )
    .unwrap();
    assert!(!app.unsaved);
    let saved = store.saved.last().unwrap();
    assert_eq!(saved.status(&q(0)), Some(Status::Yes));
    assert_eq!(saved.status(&q(1)), Some(Status::No));
}

#[test]
fn quitting_with_unsaved_changes_asks_twice() {
    let store = Recorder {
        fail: true,
        ..Recorder::default()
    };
    // The first intake question is a choice: 1 answers it.
    let r = drive(fresh(""), (80, 24), chars("1q"), store);
    assert!(!r.app.quit, "first q only warns");
    let r = drive(
        fresh(""),
        (80, 24),
        chars("1qq"),
        Recorder {
            fail: true,
            ..Recorder::default()
        },
    );
    assert!(r.app.quit);
}

#[test]
fn clicking_an_item_in_the_overview_selects_it() {
    // At 80x24 the item pane starts at column 40, row 2 (inside its border).
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 45,
        row: 4,
        modifiers: KeyModifiers::NONE,
    });
    let r = drive(existing(), (80, 24), vec![click], Recorder::default());
    assert_eq!(r.app.cursor, 2);
    let click_checklist = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 3,
        row: 3,
        modifiers: KeyModifiers::NONE,
    });
    let r = drive(
        existing(),
        (80, 24),
        vec![click_checklist],
        Recorder::default(),
    );
    assert_eq!(r.app.current().unwrap().0.id, "verwerkingsregister");
}

#[test]
fn clear_removes_the_answer_and_tab_switches_mode() {
    let r = drive(
        existing(),
        (80, 24),
        vec![key(KeyCode::Backspace), key(KeyCode::Tab)],
        Recorder::default(),
    );
    assert_eq!(r.app.assessment.status(&q(0)), None);
    assert_eq!(r.app.mode, Mode::Guided);
    assert_eq!(r.store.saved.len(), 1);
}

#[test]
fn no_color_draws_without_colours() {
    let r = drive(existing(), (80, 24), vec![], Recorder::default());
    let buffer = r.terminal.backend().buffer();
    assert!(
        buffer
            .content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    let mut app = App::new(
        Catalog::bundled(),
        existing(),
        "standaard",
        Theme::new(true),
    );
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    run(
        &mut terminal,
        &mut app,
        &mut VecDeque::new(),
        &mut Recorder::default(),
        now,
    )
    .unwrap();
    assert!(
        terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .any(|c| c.fg != Color::Reset)
    );
}

#[test]
fn resizing_to_tiny_does_not_panic() {
    for (w, h) in [(20, 5), (1, 1), (80, 3)] {
        drive(existing(), (w, h), chars("?o"), Recorder::default());
    }
}

#[test]
fn readme_documents_every_key() {
    let readme = include_str!("../../README.md");
    let keys = readme
        .split("## Keys")
        .nth(1)
        .expect("README has a Keys section");
    for binding in super::keymap::BINDINGS {
        let name = super::keymap::key_name(binding.code, binding.ctrl);
        assert!(
            keys.contains(&format!("`{name}`")),
            "README's key table misses `{name}`"
        );
    }
}

#[test]
fn report_screen_shows_totals_bars_and_first_actions_at_80x24() {
    let r = drive(existing(), (80, 24), chars("r"), Recorder::default());
    assert_eq!(r.app.mode, Mode::Report);
    let screen = r.terminal.backend().to_string();
    assert!(screen.contains("onvoldoende"), "band shown");
    assert!(screen.contains("Het plan: wat eerst ("), "{screen}");
    assert!(screen.contains(" 1. "), "{screen}");
    insta::assert_snapshot!(r.terminal.backend());
}

#[test]
fn export_writes_html_report_and_summary_to_the_typed_folder() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("export");
    let mut app = App::new(Catalog::bundled(), existing(), "klant-x", Theme::new(false));
    app.export_dir = dir.path().to_owned();
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    // Clear the suggested folder and type another one.
    let mut events = chars("re");
    events.extend((0..200).map(|_| key(KeyCode::Backspace)));
    events.extend(chars(&target.display().to_string()));
    events.push(key(KeyCode::Enter));
    run(
        &mut terminal,
        &mut app,
        &mut VecDeque::from(events),
        &mut Recorder::default(),
        now,
    )
    .unwrap();
    // Dated names (the clock's day), and the full path on the screen.
    let report = std::fs::read_to_string(target.join("klant-x-rapport-2026-11-23.html"))
        .expect("report written");
    let summary = std::fs::read_to_string(target.join("klant-x-samenvatting-2026-11-23.html"))
        .expect("summary written");
    assert!(report.contains("Bakkerij De Korst") && summary.contains("Bakkerij De Korst"));
    // The draft privacy statement comes along; documents only when they hold something.
    let statement =
        std::fs::read_to_string(target.join("klant-x-privacyverklaring-concept-2026-11-23.html"))
            .expect("statement written");
    assert!(statement.contains("VUL IN"), "a draft with placeholders");
    assert!(
        !target
            .join("klant-x-verwerkingsregister-2026-11-23.html")
            .exists()
    );
    let screen = terminal.backend().to_string();
    assert!(screen.contains("Geëxporteerd"), "{screen}");
    // A second export that day never replaces the first.
    std::fs::write(
        target.join("klant-x-rapport-2026-11-23.html"),
        "eerdere export",
    )
    .unwrap();
    let written = super::export::export(&app, &target, now()).unwrap();
    assert_eq!(
        written[0].file_name().unwrap(),
        "klant-x-rapport-2026-11-23-2.html"
    );
    assert_eq!(
        std::fs::read_to_string(target.join("klant-x-rapport-2026-11-23.html")).unwrap(),
        "eerdere export"
    );
}

#[test]
fn a_failed_export_is_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("bestand");
    std::fs::write(&blocker, "geen map").unwrap();
    let mut app = App::new(Catalog::bundled(), existing(), "klant-x", Theme::new(false));
    // A file where the folder should be: creating the folder fails.
    app.export_dir = blocker.join("sub");
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let events = vec![key(KeyCode::Char('e')), key(KeyCode::Enter)];
    run(
        &mut terminal,
        &mut app,
        &mut VecDeque::from(events),
        &mut Recorder::default(),
        now,
    )
    .unwrap();
    assert!(!app.quit);
    assert!(
        terminal
            .backend()
            .to_string()
            .contains("Exporteren mislukt")
    );
}

#[test]
fn help_and_note_editor_at_120x40() {
    let r = drive(existing(), (120, 40), chars("?"), Recorder::default());
    insta::assert_snapshot!("help_120x40", r.terminal.backend());
    let mut events = chars("o");
    events.extend(chars("Afspraak met de webbouwer op dinsdag."));
    let r = drive(existing(), (120, 40), events, Recorder::default());
    insta::assert_snapshot!("note_editor_120x40", r.terminal.backend());
}

/// A drill called "Oefening", started at `at`.
pub(super) fn drill_found(at: Timestamp) -> crate::documents::Breach {
    crate::documents::Breach::new(
        at,
        "Oefening",
        true,
        at,
        &jiff::tz::TimeZone::UTC,
        [].into_iter(),
    )
}

/// A script that can also say "nothing happened" (the loop's idle tick).
struct Script(VecDeque<super::event_loop::Next>);

impl super::event_loop::Events for Script {
    fn next(&mut self, timeout: std::time::Duration) -> std::io::Result<super::event_loop::Next> {
        if timeout.is_zero() {
            return Ok(super::event_loop::Next::Idle);
        }
        Ok(self.0.pop_front().unwrap_or(super::event_loop::Next::End))
    }
}

#[test]
fn a_failed_save_is_retried_when_idle() {
    use super::event_loop::Next;
    let mut app = App::new(
        Catalog::bundled(),
        fresh(""),
        "standaard",
        Theme::new(false),
    );
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut store = Recorder {
        fail_first: 1,
        ..Recorder::default()
    };
    let mut script = Script(VecDeque::from([
        Next::Event(key(KeyCode::Tab)),
        Next::Event(key(KeyCode::Char('j'))),
        Next::Idle,
    ]));
    run(&mut terminal, &mut app, &mut script, &mut store, now).unwrap();
    assert!(!app.unsaved, "the idle tick saved");
    assert_eq!(store.saved.len(), 1);
    assert_eq!(store.saved[0].status(&q(0)), Some(Status::Yes));
    assert!(
        terminal
            .backend()
            .to_string()
            .contains("Alles is nu opgeslagen")
    );
}

#[test]
fn a_drill_clock_moves_on_while_nothing_is_pressed() {
    use super::event_loop::Next;
    let mut a = fresh("Bakkerij");
    a.documents.breaches.push(drill_found(now()));
    let mut app = App::new(Catalog::bundled(), a, "standaard", Theme::new(false));
    super::edit::open_drill(&mut app, 0);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    // Each look at the clock is ten minutes later: the start, then the idle tick.
    let calls = std::cell::Cell::new(0);
    let clock = || {
        calls.set(calls.get() + 1);
        now() + jiff::SignedDuration::from_mins(10 * (calls.get() - 1))
    };
    let mut script = Script(VecDeque::from([Next::Idle]));
    run(
        &mut terminal,
        &mut app,
        &mut script,
        &mut Recorder::default(),
        clock,
    )
    .unwrap();
    assert!(app.now > app.session_start, "the idle tick read the clock");
    let screen = terminal.backend().to_string();
    assert!(screen.contains("loopt 10 min"), "{screen}");
}

#[test]
fn the_wheel_does_not_move_the_item_under_the_note_editor() {
    let scroll = Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 10,
        row: 10,
        modifiers: KeyModifiers::NONE,
    });
    let mut events = chars("o");
    events.extend(chars("voor de eerste vraag"));
    events.extend([scroll.clone(), scroll]);
    events.push(key(KeyCode::Esc));
    let r = drive(existing(), (80, 24), events, Recorder::default());
    let saved = r.store.saved.last().expect("note saved");
    assert_eq!(saved.note(&q(0)), "voor de eerste vraag");
    assert_eq!(saved.note(&q(1)), "");
}

/// A new assessment with the organisation prompt open (as `pqs -a NEW` starts), driven by `events`.
fn drive_prompting(events: Vec<Event>) -> Run {
    let mut app = App::new(Catalog::bundled(), fresh(""), "klant-x", Theme::new(false));
    app.ask_organisation();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut store = Recorder::default();
    run(
        &mut terminal,
        &mut app,
        &mut VecDeque::from(events),
        &mut store,
        now,
    )
    .unwrap();
    Run {
        terminal,
        app,
        store,
    }
}

#[test]
fn a_new_assessment_asks_the_organisation_name_first() {
    let mut events = chars("Kapsalon Knip & Co");
    events.push(key(KeyCode::Enter));
    let r = drive_prompting(events);
    assert_eq!(
        r.store.saved.last().expect("saved").organisation,
        "Kapsalon Knip & Co"
    );
    assert!(
        r.terminal
            .backend()
            .to_string()
            .contains("Kapsalon Knip & Co"),
        "shown in the header"
    );

    // Esc skips the question: nothing is saved and the intake comes next.
    let r = drive_prompting(vec![key(KeyCode::Esc)]);
    assert!(r.store.saved.is_empty());
    assert!(!r.app.quit);
    assert_eq!(
        r.app.mode,
        Mode::Intake,
        "a new assessment goes on with the intake"
    );
}

#[test]
fn organisation_prompt_at_80x24() {
    let r = drive_prompting(chars("Bakkerij"));
    insta::assert_snapshot!(r.terminal.backend());
}

/// Events that are all waiting at once, as when keys are typed (or pasted) faster than drawn.
struct Burst(VecDeque<Event>);

impl super::event_loop::Events for Burst {
    fn next(&mut self, _: std::time::Duration) -> std::io::Result<super::event_loop::Next> {
        Ok(self
            .0
            .pop_front()
            .map_or(super::event_loop::Next::End, super::event_loop::Next::Event))
    }
}

#[test]
fn a_burst_of_keys_is_worked_off_before_the_next_frame_with_one_save() {
    let mut app = App::new(
        Catalog::bundled(),
        existing(),
        "standaard",
        Theme::new(false),
    );
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut store = Recorder::default();
    // Answer "ja" and step down, 2,000 times over.
    let mut keys = VecDeque::new();
    for _ in 0..1000 {
        keys.extend([key(KeyCode::Char('j')), key(KeyCode::Down)]);
    }
    run(&mut terminal, &mut app, &mut Burst(keys), &mut store, now).unwrap();
    assert_eq!(store.saved.len(), 1, "one write for the whole burst");
    let saved = store.saved.last().unwrap();
    let answered = saved
        .answers
        .values()
        .filter(|a| a.status == Some(Status::Yes))
        .count();
    // Every place was answered; an item listed in two checklists is one answer.
    assert_eq!(
        answered,
        app.catalog.items().count(),
        "every key was handled"
    );
    assert_eq!(
        saved, &app.assessment,
        "what is on screen is what was saved"
    );
}

/// [`drive`] for an assessment opened read-only for `reason`.
fn drive_read_only(events: Vec<Event>) -> Run {
    let mut app = App::new(
        Catalog::bundled(),
        existing(),
        "standaard",
        Theme::new(false),
    );
    app.open_read_only(crate::text::read_only_held(Some(4242)));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut store = Recorder::default();
    run(
        &mut terminal,
        &mut app,
        &mut VecDeque::from(events),
        &mut store,
        now,
    )
    .unwrap();
    Run {
        terminal,
        app,
        store,
    }
}

#[test]
fn a_held_assessment_is_offered_read_only_at_80x24() {
    let r = drive_read_only(Vec::new());
    let screen = r.terminal.backend().to_string();
    assert!(screen.contains("Alleen bekijken?"), "{screen}");
    assert!(screen.contains("proces 4242"), "{screen}");
    insta::assert_snapshot!(r.terminal.backend());
    // No: leave without viewing.
    let r = drive_read_only(chars("n"));
    assert!(r.app.quit);
}

#[test]
fn read_only_every_change_is_refused_and_nothing_is_saved() {
    let before = existing();
    let mut events = chars("j"); // yes, view it
    events.extend(chars("ndtwo"));
    events.extend([
        key(KeyCode::Backspace),
        key(KeyCode::Char('a')),
        key(KeyCode::Char('g')),
    ]);
    events.extend(chars("i"));
    events.extend(chars("jn"));
    let r = drive_read_only(events);
    assert!(r.store.saved.is_empty(), "never saved");
    assert_eq!(r.app.assessment, before, "nothing changed");
    assert!(
        matches!(r.app.overlay, super::app::Overlay::None),
        "no editor opened"
    );
    let screen = r.terminal.backend().to_string();
    assert!(screen.contains("ALLEEN LEZEN"), "{screen}");
    assert!(
        screen.contains("hier kan niets worden gewijzigd"),
        "{screen}"
    );
    // Viewing still works: the report screen.
    let mut events = chars("j");
    events.extend(chars("r"));
    let r = drive_read_only(events);
    assert_eq!(r.app.mode, Mode::Report);
}

#[test]
fn esc_goes_back_on_every_screen_and_never_ends_the_program() {
    use super::app::Overlay;
    // From the walk-through: report, back; intake, back; then Esc to the overview, Esc again.
    let r = drive(
        existing(),
        (80, 24),
        vec![
            key(KeyCode::Tab), // the walk-through
            key(KeyCode::Char('r')),
            key(KeyCode::Esc),
        ],
        Recorder::default(),
    );
    assert!(!r.app.quit);
    assert_eq!(
        r.app.mode,
        Mode::Guided,
        "the report goes back to the walk-through"
    );
    let r = drive(
        existing(),
        (80, 24),
        vec![key(KeyCode::Char('i')), key(KeyCode::Esc)],
        Recorder::default(),
    );
    assert!(!r.app.quit);
    assert_eq!(
        r.app.mode,
        Mode::Overview,
        "the intake goes back to the overview"
    );
    let r = drive(
        existing(),
        (80, 24),
        vec![key(KeyCode::Tab), key(KeyCode::Esc), key(KeyCode::Esc)],
        Recorder::default(),
    );
    assert!(!r.app.quit);
    assert_eq!(r.app.mode, Mode::Overview);
    assert_eq!(
        r.app.message.as_ref().map(|m| m.1.as_str()),
        Some(crate::text::HOW_TO_QUIT)
    );
    // Every overlay closes on Esc; the note editor keeps what was typed.
    for open in ["?", "u", "v"] {
        let mut events = chars(open);
        events.push(key(KeyCode::Esc));
        events.push(key(KeyCode::Esc));
        let r = drive(existing(), (80, 24), events, Recorder::default());
        assert!(!r.app.quit, "{open}");
        assert!(matches!(r.app.overlay, Overlay::None), "{open}");
    }
    // The start screen has no Esc to quit either.
    assert_eq!(
        super::keymap::keymap(
            super::keymap::Context::Start,
            ratatui::crossterm::event::KeyEvent::new(
                KeyCode::Esc,
                ratatui::crossterm::event::KeyModifiers::NONE
            )
        ),
        None
    );
}

#[test]
fn quitting_half_way_a_checklist_asks_first_and_keeps_every_answer() {
    use super::app::Overlay;
    // One answer in the walk-through, then q: a question; n stays; q and j quit.
    let base = || {
        let mut events = vec![key(KeyCode::Tab)];
        events.extend(chars("jq"));
        events
    };
    let r = drive(fresh(""), (80, 24), base(), Recorder::default());
    assert!(!r.app.quit);
    let Overlay::QuitConfirm(place) = &r.app.overlay else {
        panic!("no question: {:?}", r.app.overlay);
    };
    assert!(place.contains("(1 van "), "{place}");
    insta::assert_snapshot!(r.terminal.backend());
    let mut events = base();
    events.extend(chars("n"));
    let r = drive(fresh(""), (80, 24), events, Recorder::default());
    assert!(!r.app.quit && matches!(r.app.overlay, Overlay::None));
    let mut events = base();
    events.extend(chars("j"));
    let r = drive(fresh(""), (80, 24), events, Recorder::default());
    assert!(r.app.quit);
    assert_eq!(
        r.store.saved.last().unwrap().status(&q(0)),
        Some(Status::Yes)
    );
    // From the overview, q quits at once.
    let r = drive(existing(), (80, 24), chars("q"), Recorder::default());
    assert!(r.app.quit);
}

#[test]
fn a_long_note_wraps_in_the_editor_and_is_saved_as_one_line() {
    let sentence = "Besproken met de boekhouder: de verwerkersovereenkomst van het salarispakket ligt nog bij de leverancier en komt na de zomer terug";
    let mut events = chars("o");
    events.extend(chars(sentence));
    let r = drive(existing(), (80, 24), events, Recorder::default());
    let screen = r.terminal.backend().to_string();
    // Its start and its end are both on the screen: the editor wraps, it does not scroll sideways.
    assert!(screen.contains("Besproken met de"), "{screen}");
    assert!(screen.contains("komt na de zomer terug"), "{screen}");
    let mut events = chars("o");
    events.extend(chars(sentence));
    events.push(key(KeyCode::Esc));
    let r = drive(existing(), (80, 24), events, Recorder::default());
    assert_eq!(
        r.store.saved.last().unwrap().note(&q(0)),
        sentence,
        "one line, as typed"
    );
}

#[test]
fn a_long_question_keeps_the_answer_keys_on_the_screen_at_80x24() {
    use crate::checklist::{Source, parse_checklist};
    let question = "Heb je voor elke verwerking vastgelegd ".to_owned()
        + &"welke gegevens je verwerkt, van wie, waarvoor, op welke grondslag en hoe lang, "
            .repeat(25)
        + "en weet iedereen dat?";
    let text = format!(
        "id = \"lang\"\ntitle = \"Lang\"\nversion = 1\nreviewed = 2026-12-01\n\
         [[items]]\nid = \"vraag\"\nquestion = \"{question}\"\nexplanation = \"e\"\naction = \"a\"\n\
         reference = \"art. 30 AVG\"\nseverity = \"high\"\n"
    );
    let catalog = Catalog::new([parse_checklist(&text, "lang.toml", Source::Bundled).unwrap()]);
    let r = drive_with(catalog, fresh(""), (80, 24), vec![], Recorder::default());
    assert_eq!(r.app.mode, Mode::Guided);
    let screen = r.terminal.backend().to_string();
    assert!(screen.contains(crate::text::ANSWER_WITH), "{screen}");
    assert!(screen.contains("Heb je voor elke verwerking"), "{screen}");
}
