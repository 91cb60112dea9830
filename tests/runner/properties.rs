//! Property tests: damaged assessment, checklist, intake and bundle files never make pqs panic and a
//! failed read never changes a file; random keys and terminal sizes fed to the real update and
//! render code never panic and keep every selection in range. `PROPTEST_CASES=2000 cargo test
//! --test runner properties` is the longer run (README, "Betrouwbaarheid en veiligheid").

use std::fs;
use std::path::Path;

use pqs::assessment::Store;
use pqs::assessment::bundle::{Bundle, CarriedFile};
use pqs::checklist::intake::{BUNDLED_INTAKE, bundled_intake, parse_intake};
use pqs::checklist::{BUNDLED, Catalog, Source, parse_checklist};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// Cases per property: `PROPTEST_CASES` when set, else few enough to keep CI short.
fn config(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// One way to damage a file.
#[derive(Debug, Clone)]
enum Damage {
    /// Cut off after this share of the file.
    Truncate(f64),
    /// Flip one byte at this share.
    Flip(f64, u8),
    /// Insert bytes at this share.
    Insert(f64, Vec<u8>),
    /// Duplicate the line at this share (a table header twice, a key twice).
    DuplicateLine(f64),
    /// Replace the first string value after this share with another kind of value.
    SwapType(f64, &'static str),
}

fn damage() -> impl Strategy<Value = Damage> {
    let at = 0.0..1.0f64;
    prop_oneof![
        at.clone().prop_map(Damage::Truncate),
        (at.clone(), any::<u8>()).prop_map(|(a, b)| Damage::Flip(a, b)),
        (at.clone(), proptest::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(a, b)| Damage::Insert(a, b)),
        at.clone().prop_map(Damage::DuplicateLine),
        (
            at,
            prop_oneof![
                Just("1"),
                Just("true"),
                Just("[]"),
                Just("{}"),
                Just("1979-05-27")
            ]
        )
            .prop_map(|(a, v)| Damage::SwapType(a, v)),
    ]
}

fn apply(bytes: &mut Vec<u8>, damage: &Damage) {
    let at = |share: f64, len: usize| ((share * len as f64) as usize).min(len);
    match damage {
        Damage::Truncate(share) => bytes.truncate(at(*share, bytes.len())),
        Damage::Flip(share, byte) => {
            if !bytes.is_empty() {
                let i = at(*share, bytes.len() - 1);
                bytes[i] ^= byte | 1;
            }
        }
        Damage::Insert(share, extra) => {
            let i = at(*share, bytes.len());
            bytes.splice(i..i, extra.iter().copied());
        }
        Damage::DuplicateLine(share) => {
            let i = at(*share, bytes.len());
            let start = bytes[..i]
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |p| p + 1);
            let end = bytes[i..]
                .iter()
                .position(|b| *b == b'\n')
                .map_or(bytes.len(), |p| i + p + 1);
            let line = bytes[start..end].to_vec();
            bytes.splice(end..end, line);
        }
        Damage::SwapType(share, value) => {
            let i = at(*share, bytes.len());
            if let Some(open) = bytes[i..].iter().position(|b| *b == b'"') {
                let open = i + open;
                if let Some(close) = bytes[open + 1..].iter().position(|b| *b == b'"') {
                    bytes.splice(open..open + close + 2, value.bytes());
                }
            }
        }
    }
}

fn damaged(text: &str, damages: &[Damage]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for d in damages {
        apply(&mut bytes, d);
    }
    bytes
}

/// A real assessment file: answers, notes, history, plan, details, intake, sessions, known items.
fn assessment_text() -> String {
    pqs::assessment::store::serialise(&pqs::report::fixture::assessment())
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn a_damaged_assessment_never_panics_a_read_never_changes_it_and_its_copy_reads_the_same(
        damages in proptest::collection::vec(damage(), 1..4)
    ) {
        let bytes = damaged(&assessment_text(), &damages);
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        fs::write(store.path("klant"), &bytes).unwrap();
        // The first read parses the TOML (and keeps a parsed copy when it parses); the second
        // reads that copy: both give exactly the same.
        let first = store.read("klant");
        let writer = store.lock("klant").unwrap();
        let again = writer.read();
        prop_assert_eq!(format!("{first:?}"), format!("{again:?}"));
        prop_assert_eq!(fs::read(store.path("klant")).unwrap(), bytes);
    }

    #[test]
    fn a_damaged_checklist_or_intake_never_panics(
        which in 0..BUNDLED.len(),
        damages in proptest::collection::vec(damage(), 1..4)
    ) {
        let (name, text) = BUNDLED[which];
        let bytes = damaged(text, &damages);
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(checklist) = parse_checklist(&text, name, Source::Bundled) {
            let _ = pqs::checklist::catalog::check_flags(&[checklist], &bundled_intake());
        }
        let bytes = damaged(BUNDLED_INTAKE, &damages);
        let _ = parse_intake(&String::from_utf8_lossy(&bytes), "intake.toml", Source::Bundled);
    }

    #[test]
    fn a_damaged_bundle_never_panics(damages in proptest::collection::vec(damage(), 1..4)) {
        let carried = vec![CarriedFile {
            file: "eigen.toml".into(),
            text: crate::common::checklist_toml("eigen", "Eigen", 2),
        }];
        let bundle = Bundle::new("klant", pqs::report::fixture::assessment(), carried);
        let bytes = damaged(&bundle.to_toml(), &damages);
        let path = Path::new("uit.toml");
        if let Ok(bundle) = Bundle::parse(&String::from_utf8_lossy(&bytes), path) {
            let _ = bundle.check_files(path, Path::new("map"), bundled_intake());
        }
    }
}

/// One thing a user does to the TUI.
#[derive(Debug, Clone)]
enum Input {
    Key(KeyCode, bool),
    Resize(u16, u16),
}

fn input() -> impl Strategy<Value = Input> {
    let letters = proptest::char::ranges(vec!['a'..='z', 'A'..='Z', '0'..='9'].into());
    let code = prop_oneof![
        letters.prop_map(KeyCode::Char),
        Just(KeyCode::Char('?')),
        Just(KeyCode::Char(' ')),
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::Backspace),
        Just(KeyCode::Delete),
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::Home),
        Just(KeyCode::End),
        Just(KeyCode::PageUp),
        Just(KeyCode::PageDown),
        Just(KeyCode::F(1)),
    ];
    prop_oneof![
        8 => (code, proptest::bool::weighted(0.05)).prop_map(|(c, ctrl)| Input::Key(c, ctrl)),
        1 => (1u16..200, 1u16..70).prop_map(|(w, h)| Input::Resize(w, h)),
    ]
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn random_keys_and_sizes_never_panic_and_keep_the_selection_in_range(
        inputs in proptest::collection::vec(input(), 1..80),
        fresh in any::<bool>(),
    ) {
        use pqs::tui::event_loop::action_for;
        use pqs::tui::update::update;
        let now: jiff::Timestamp = crate::common::NOW.parse().unwrap();
        let assessment = if fresh {
            pqs::assessment::Assessment::new("", now)
        } else {
            pqs::report::fixture::assessment()
        };
        let mut app = pqs::tui::App::new(
            Catalog::bundled(),
            assessment,
            "klant",
            pqs::tui::theme::Theme::new(false),
        );
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        for input in inputs {
            match input {
                Input::Resize(w, h) => terminal.backend_mut().resize(w, h),
                Input::Key(code, ctrl) => {
                    let modifiers = if ctrl { KeyModifiers::CONTROL } else { KeyModifiers::NONE };
                    let event = Event::Key(KeyEvent::new(code, modifiers));
                    if let Some(action) = action_for(&app, &event) {
                        let _ = update(&mut app, action, now);
                    }
                }
            }
            if app.quit {
                break;
            }
            let size = terminal.size().unwrap();
            app.area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
            terminal.draw(|frame| frame.render_widget(&app, frame.area())).unwrap();
            prop_assert!(app.cursor < app.positions.len());
            prop_assert!(app.intake_cursor < app.catalog.intake().questions.len());
        }
    }
}
