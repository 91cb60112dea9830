//! Hostile text in every place it can come from (a checklist, an intake, an assessment, a bundle, an
//! argument), run through every output: no control or bidi character reaches a terminal, HTML is
//! escaped and every CSV cell is guarded against formulas.

use std::collections::BTreeSet;
use std::fs;

use jiff::Timestamp;
use pqs::assessment::{Assessment, Details, PlanEntry, Session, Status};
use pqs::checklist::{Catalog, Checklist, Source};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use crate::common::{ITEM, TestEnv};

/// Every attack of the hardening issue in one string: OSC 0 (window title), OSC 52 (clipboard),
/// CSI 2J (clear), DCS, C1 CSI, BEL, a bidi override, a script, an attribute break-out and a formula.
const HOSTILE: &str = "=HYPERLINK(\"http://x\") \u{1b}]0;GEKAAPT\u{7} \u{1b}]52;c;SGFjaw==\u{7} \
    \u{1b}[2J \u{1b}[8mverborgen\u{1b}[0m \u{1b}P1$r\u{1b}\\ \u{9b}31m \u{7} \u{202e}lmth.exe \
    <script>alert(1)</script> \"><img src=x onerror=alert(1)>";

fn now() -> Timestamp {
    crate::common::NOW.parse().unwrap()
}

/// Whether `text` holds anything that could steer a terminal: a C0 control other than a line
/// break (and `\r\n` where `crlf`), DEL, a C1 control or a bidi control.
fn steers_a_terminal(text: &str, crlf: bool) -> Option<char> {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let fine = match c {
            '\n' => true,
            '\r' => crlf && chars.peek() == Some(&'\n'),
            c => !pqs::sanitize::is_unsafe(c),
        };
        if !fine {
            return Some(c);
        }
    }
    None
}

fn assert_safe(what: &str, text: &str, crlf: bool) {
    if let Some(c) = steers_a_terminal(text, crlf) {
        panic!(
            "{what}: {} reaches the output:\n{text:?}",
            pqs::sanitize::describe(c)
        );
    }
}

/// An assessment with hostile text in every field a user (or a hand-edited, imported file) fills.
fn hostile_assessment() -> Assessment {
    let mut a = Assessment::new(HOSTILE, now());
    a.details = Details {
        contact: HOSTILE.into(),
        assessor: HOSTILE.into(),
        kvk: HOSTILE.into(),
        address: HOSTILE.into(),
        email: HOSTILE.into(),
        phone: HOSTILE.into(),
        dpo: HOSTILE.into(),
        // A hand-edited logo: its name reaches `pqs details`, its data is not base64.
        logo: Some(pqs::assessment::Logo {
            name: HOSTILE.into(),
            kind: pqs::assessment::LogoKind::Svg,
            data: HOSTILE.into(),
        }),
    };
    a.set_status(ITEM, Some(Status::No), None, now());
    a.set_note(ITEM, &format!("{HOSTILE}\nregel twee"), now());
    a.set_plan(
        ITEM,
        PlanEntry {
            owner: HOSTILE.into(),
            due: Some(jiff::civil::date(2026, 1, 1)),
            action: HOSTILE.into(),
            ..PlanEntry::default()
        },
        now(),
    );
    let orphan = "weg.\u{1b}]0;x\u{7}\u{202e}";
    a.set_status(orphan, Some(Status::Yes), None, now());
    a.set_note(orphan, HOSTILE, now());
    a.set_intake("webshop", Some(pqs::checklist::Value::No), now());
    // Documents as a hand-edited or imported file could bring them: hostile text in every field.
    let mut activity = pqs::documents::Activity::blank("x", [].into_iter(), now());
    for field in [
        &mut activity.id,
        &mut activity.name,
        &mut activity.purpose,
        &mut activity.interest,
        &mut activity.people,
        &mut activity.data,
        &mut activity.recipients,
        &mut activity.transfers,
        &mut activity.retention,
        &mut activity.security,
    ] {
        *field = HOSTILE.into();
    }
    activity.basis = Some(pqs::documents::LegalBasis::GerechtvaardigdBelang);
    // A hand-edited history: hostile old values (and a key no field has), changed after the
    // session's start so comparisons and `show` print them.
    activity.history.push(pqs::documents::history::Revision {
        at: now(),
        old: [
            ("retention", HOSTILE),
            ("purpose", HOSTILE),
            (HOSTILE, HOSTILE),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect(),
    });
    a.documents.activities.push(activity);
    let mut processor = pqs::documents::Processor::blank("x", [].into_iter(), now());
    for field in [
        &mut processor.id,
        &mut processor.name,
        &mut processor.service,
        &mut processor.data,
        &mut processor.safeguard,
    ] {
        *field = HOSTILE.into();
    }
    processor.location = Some(pqs::documents::Location::BuitenEer);
    a.documents.processors.push(processor);
    let tz = jiff::tz::TimeZone::UTC;
    let mut breach = pqs::documents::Breach::new(now(), HOSTILE, true, now(), &tz, [].into_iter());
    breach.id = HOSTILE.into();
    breach.data = HOSTILE.into();
    breach.consequences = HOSTILE.into();
    breach.not_reported_because = HOSTILE.into();
    breach.evaluation = HOSTILE.into();
    breach.steps.push(pqs::documents::breaches::Step {
        at: now(),
        who: HOSTILE.into(),
        what: HOSTILE.into(),
        step: HOSTILE.into(),
    });
    // A step of the drill, done by someone with a hostile name.
    breach.steps.push(pqs::documents::breaches::Step {
        at: now(),
        who: HOSTILE.into(),
        what: HOSTILE.into(),
        step: "risico".into(),
    });
    a.documents.breaches.push(breach);
    a.sessions.push(Session {
        start: now(),
        end: now(),
        assessor: HOSTILE.into(),
        changed: vec![ITEM.into()],
        score: Some(12.5),
        ended: true,
        title: HOSTILE.into(),
    });
    a
}

/// The bundled catalog with hostile text in every field of its first checklist, as a user
/// checklist that got past the door would bring.
fn hostile_catalog() -> Catalog {
    let bundled = Catalog::bundled();
    let mut lists: Vec<Checklist> = bundled.checklists().to_vec();
    let first = &mut lists[0];
    first.title = HOSTILE.into();
    first.intro = Some(HOSTILE.into());
    first.source = Source::File(format!("eigen{HOSTILE}.toml").into());
    for item in &mut first.items {
        item.section = Some(HOSTILE.into());
        item.question = format!("{HOSTILE}?").into();
        item.explanation = HOSTILE.into();
        item.action = HOSTILE.into();
        item.reference = HOSTILE.into();
        item.links = vec![HOSTILE.into()];
    }
    let mut intake = bundled.intake().clone();
    intake.intro = Some(HOSTILE.into());
    for question in &mut intake.questions {
        question.question = HOSTILE.into();
        question.explanation = HOSTILE.into();
    }
    Catalog::with_intake(intake, lists)
}

#[test]
fn every_cli_output_of_a_hostile_assessment_is_safe() {
    let env = TestEnv::new();
    env.write_assessment(
        "klant",
        pqs::assessment::store::serialise(&hostile_assessment()),
    );
    let mut outputs = Vec::new();
    for format in ["text", "markdown", "html", "json", "csv"] {
        outputs.push((
            format!("report {format}"),
            env.ok(&["report", "-a", "klant", "--format", format]),
        ));
    }
    for format in ["text", "markdown", "html"] {
        outputs.push((
            format!("summary {format}"),
            env.ok(&["report", "-a", "klant", "--format", format, "--summary"]),
        ));
    }
    for args in [
        &["list"][..],
        &["list", "--format", "json"][..],
        &["details", "-a", "klant"][..],
        &["session", "-a", "klant"][..],
        &["plan", "-a", "klant", ITEM][..],
        &["intake", "-a", "klant"][..],
        &["checklists"][..],
        &["register", "-a", "klant"][..],
        &["verwerkers", "-a", "klant"][..],
        &["datalek", "-a", "klant"][..],
        &["register", "-a", "klant", "--format", "markdown"][..],
        &["register", "-a", "klant", "--format", "html"][..],
        &["verwerkers", "-a", "klant", "--format", "markdown"][..],
        &["verwerkers", "-a", "klant", "--format", "html"][..],
        &["datalek", "-a", "klant", "--format", "markdown"][..],
        &["datalek", "-a", "klant", "--format", "html"][..],
        &["privacyverklaring", "-a", "klant"][..],
        &["register", "-a", "klant", "show", HOSTILE][..],
        &["verwerkers", "-a", "klant", "show", HOSTILE][..],
        &["datalek", "-a", "klant", "show", HOSTILE][..],
        &["report", "-a", "klant", "--since", "2020-01-01"][..],
        &["privacyverklaring", "-a", "klant", "--format", "html"][..],
    ] {
        let out = env.ok(args);
        if args.contains(&"html") {
            assert!(
                !out.contains("<script>") && !out.contains("<img"),
                "{args:?}: {out}"
            );
        }
        outputs.push((args.join(" "), out));
    }
    for kind in ["register", "verwerkers", "datalek"] {
        let csv = env.ok(&[kind, "-a", "klant", "--format", "csv"]);
        assert_safe(kind, &csv, true);
        assert_csv_guarded(&csv);
    }
    for (what, out) in &outputs {
        assert_safe(what, out, what == "report csv");
    }
    let html = &outputs[2].1;
    assert!(
        !html.contains("<script>") && !html.contains("<img"),
        "{html}"
    );
    assert!(html.contains("&lt;script&gt;") && html.contains("&quot;&gt;&lt;img"));
    // JSON keeps the data exact, escaped.
    let json: serde_json::Value = serde_json::from_str(&outputs[3].1).unwrap();
    let gap = json["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == ITEM)
        .unwrap();
    assert_eq!(gap["plan"]["owner"], HOSTILE);
    assert_csv_guarded(&outputs[4].1);
}

/// Every CSV cell whose text (after leading whitespace) starts like a formula carries a `'` first.
fn assert_csv_guarded(csv_text: &str) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(pqs::report::csv::DELIMITER)
        .has_headers(true)
        .from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    let mut guarded = 0;
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            let start = cell.trim_start();
            assert!(
                !start.starts_with(['=', '+', '-', '@']),
                "an unguarded formula cell: {cell:?}"
            );
            guarded += usize::from(cell.starts_with("'="));
        }
    }
    assert!(guarded >= 4, "the hostile cells are guarded ({guarded})");
}

#[test]
fn every_renderer_is_safe_with_hostile_checklist_text() {
    let catalog = hostile_catalog();
    let assessment = hostile_assessment();
    let scan = pqs::report::Scan::new(&catalog, &assessment, now());
    let doc = pqs::report::Document::of(
        &catalog,
        &scan,
        &assessment,
        "klant",
        now(),
        jiff::tz::TimeZone::UTC,
    );
    use pqs::report::{csv, html, json, markdown, text};
    let coloured = text::Layout {
        width: 80,
        color: true,
    };
    let outputs = [
        ("text", text::render(&doc, text::Layout::PLAIN)),
        ("summary", text::render_summary(&doc, text::Layout::PLAIN)),
        ("markdown", markdown::render(&doc)),
        ("markdown summary", markdown::render_summary(&doc)),
        ("html", html::render(&doc)),
        ("html summary", html::render_summary(&doc)),
        ("json", json::render(&doc)),
    ];
    for (what, out) in &outputs {
        assert_safe(what, out, false);
    }
    // So `pqs report --format json` may skip the terminal pass on a pipe or a file: it would
    // change nothing.
    assert!(matches!(
        pqs::sanitize::for_terminal(&outputs[6].1, pqs::sanitize::Pass::CrLf),
        std::borrow::Cow::Borrowed(_)
    ));
    for (what, out) in [("html", &outputs[4].1), ("html summary", &outputs[5].1)] {
        assert!(!out.contains("<script>") && !out.contains("<img"), "{what}");
    }
    let csv_text = csv::render(&doc);
    assert_safe("csv", &csv_text, true);
    assert_csv_guarded(&csv_text);
    // Coloured text holds only our own colour sequences: user text (with its own SGR) is
    // sanitised before it is painted.
    let coloured = text::render(&doc, coloured);
    let mut rest = coloured.clone();
    for ours in [
        "\u{1b}[1;31m",
        "\u{1b}[1;33m",
        "\u{1b}[1;32m",
        "\u{1b}[33m",
        "\u{1b}[1m",
        "\u{1b}[0m",
    ] {
        rest = rest.replace(ours, "");
    }
    assert!(
        !rest.contains('\u{1b}'),
        "a sequence that is not ours: {rest:?}"
    );
}

fn press(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

#[test]
fn no_tui_cell_holds_a_control_or_bidi_character() {
    use pqs::tui::event_loop::action_for;
    use pqs::tui::update::update;
    // Every screen and overlay: walk-through, overview, report, intake, help, note editor, plan
    // and details forms.
    let scripts: Vec<Vec<Event>> = vec![
        vec![],
        vec![press(KeyCode::Tab)],
        vec![press(KeyCode::Char('r'))],
        vec![press(KeyCode::Char('i'))],
        vec![press(KeyCode::Char('?'))],
        vec![press(KeyCode::Char('o'))],
        vec![press(KeyCode::Char('a'))],
        vec![press(KeyCode::Char('g'))],
        vec![press(KeyCode::Char('e'))],
        // The documents screen and its forms (the first record of each document).
        vec![press(KeyCode::Char('l'))],
        vec![
            press(KeyCode::Char('l')),
            press(KeyCode::Down),
            press(KeyCode::Enter),
        ],
        vec![
            press(KeyCode::Char('l')),
            press(KeyCode::Down),
            press(KeyCode::Down),
            press(KeyCode::Down),
            press(KeyCode::Enter),
        ],
        vec![press(KeyCode::Char('p'))],
    ];
    // The drill (the last breach, above "+ oefening" and the statement): its screen, a done step,
    // the step form.
    let drill: Vec<Event> = std::iter::once(press(KeyCode::Char('l')))
        .chain(std::iter::repeat_n(press(KeyCode::Down), 30))
        .chain([
            press(KeyCode::Up),
            press(KeyCode::Up),
            press(KeyCode::Enter),
        ])
        .collect();
    let mut scripts = scripts;
    let drills_from = scripts.len();
    scripts.push(drill.clone());
    scripts.push(
        drill
            .iter()
            .cloned()
            .chain(std::iter::repeat_n(press(KeyCode::Down), 3))
            .collect(),
    );
    scripts.push(
        drill
            .iter()
            .cloned()
            .chain([press(KeyCode::Enter)])
            .collect(),
    );
    let mut cells_seen = BTreeSet::new();
    for (n, script) in scripts.into_iter().enumerate() {
        for (width, height) in [(80, 24), (120, 40), (40, 12)] {
            let mut app = pqs::tui::App::new(
                hostile_catalog(),
                hostile_assessment(),
                "klant",
                pqs::tui::theme::Theme::new(true),
            );
            app.message = Some((pqs::tui::app::Tone::Error, HOSTILE.into()));
            for event in &script {
                if let Some(action) = action_for(&app, event) {
                    update(&mut app, action, now());
                }
            }
            if n >= drills_from {
                assert_eq!(app.mode, pqs::tui::app::Mode::Drill, "script {n}");
            }
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            terminal
                .draw(|frame| frame.render_widget(&app, frame.area()))
                .unwrap();
            for cell in terminal.backend().buffer().content() {
                assert!(
                    !cell.symbol().chars().any(pqs::sanitize::is_unsafe),
                    "script {n} at {width}x{height}: a cell holds {:?}",
                    cell.symbol()
                );
                cells_seen.insert(cell.symbol().to_owned());
            }
        }
    }
    assert!(
        cells_seen.contains("G"),
        "the hostile text was drawn (GEKAAPT)"
    );
}

#[test]
fn hostile_checklist_and_intake_files_are_refused_at_the_door_with_their_position() {
    let env = TestEnv::new();
    let mut text = crate::common::checklist_toml("eigen", "Eigen", 1);
    text = text.replace(
        "Is vraag 1 geregeld?",
        "Is vraag \\u001b]0;GEKAAPT\\u0007 geregeld?",
    );
    let path = env.write_checklist("eigen.toml", &text);
    let err = env.fails(&["validate", path.to_str().unwrap()]);
    assert!(
        err.contains("eigen.toml:8:22: het veld `question` bevat het teken U+001B (ESC)"),
        "{err}"
    );
    // Loading the folder fails the same way, for every command, and prints nothing raw.
    let err = env.fails(&["report"]);
    assert!(err.contains("eigen.toml:8:22"), "{err}");
    assert_safe("error", &err, false);
    fs::remove_file(&path).unwrap();
    let intake = "version = 1\nreviewed = 2026-11-23\n[[questions]]\nid = \"eigen-vraag\"\n\
        question = \"Heb je \\u202Ewinkel?\"\nexplanation = \"x\"\n";
    env.write_checklist("intake.toml", intake);
    let err = env.fails(&["intake"]);
    assert!(
        err.contains("intake.toml:5:20: het veld `question` bevat het teken U+202E"),
        "{err}"
    );
}

#[test]
fn a_hostile_bundle_file_name_and_arguments_are_printed_sanitised() {
    let env = TestEnv::new();
    env.ok(&["answer", "-a", "klant", ITEM, "ja"]);
    let name = format!("uit{}.toml", "\u{1b}]0;GEKAAPT\u{7}\u{202e}");
    let bundle = env.work().join(&name);
    let said = env.ok(&["export", "-a", "klant", "-o", bundle.to_str().unwrap()]);
    assert_safe("export message", &said, false);
    let to = TestEnv::new();
    let said = to.ok(&["import", bundle.to_str().unwrap()]);
    assert_safe("import message", &said, false);
    assert!(said.contains("geïmporteerd"), "{said}");
    // An unknown id or flag in an argument is quoted back sanitised.
    let err = env.fails(&["answer", "-a", "klant", "pv\u{1b}[2J", "ja"]);
    assert_safe("unknown item", &err, false);
    let err = env.fails(&["intake", "-a", "klant", "web\u{202e}shop", "ja"]);
    assert_safe("unknown flag", &err, false);
    let not_a_folder = env.work().join(&name);
    fs::write(&not_a_folder, "een bestand, geen map").unwrap();
    let inside = not_a_folder.join("rapport.txt");
    let err = env.fails(&["report", "-a", "klant", "-o", inside.to_str().unwrap()]);
    assert_safe("write error", &err, false);
    // A colour sequence in an argument is no colour.
    for args in [
        &["answer", "-a", "klant", "pv\u{1b}[8m", "ja"][..],
        &["report", "-a", "klant", "--since", "x\u{1b}[8m"][..],
        &["report", "-a", "klant", "--format", "x\u{1b}[8m"][..],
        &["plan", "-a", "klant", ITEM, "--due", "x\u{1b}[8m"][..],
        &["details", "-a", "klant", "--kvk", "1\u{1b}[8m"][..],
        &["x\u{1b}[8m"][..],
    ] {
        let out = env.run(args);
        let text = format!(
            "{}{}",
            crate::common::stdout(&out),
            crate::common::stderr(&out)
        );
        assert!(!text.contains('\u{1b}'), "{args:?}: {text:?}");
    }
}
