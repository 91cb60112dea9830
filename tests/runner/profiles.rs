//! Five businesses walk the scan as their owners would: the intake, then the guided walk-through
//! of the quick scan and of the full scan, answering with a typical pattern (so a parent answered
//! nee or weet ik niet skips its follow-ups). The table in README.md is this test's output:
//! `UPDATE_README=1 cargo test --test runner profiles` rewrites it, and the test fails when the
//! README says something else. The quick scan of a small business with a webshop, newsletter and
//! staff is held to its target: at most 45 questions and 20 minutes, intake included.

use std::fmt::Write as _;
use std::path::Path;

use pqs::assessment::{Assessment, ScanDepth, Status};
use pqs::checklist::{Catalog, Facts, Value};
use pqs::report::estimate::{self, WORDS_PER_MINUTE};
use pqs::tui::app::App;
use pqs::tui::theme::Theme;

/// The README's table sits between these lines.
const BEGIN: &str = "<!-- profielen: gegenereerd door tests/runner/profiles.rs -->";
const END: &str = "<!-- einde profielen -->";

/// The profile the target is for: a small business with a webshop, a newsletter and staff.
const TARGET_PROFILE: &str = "bakkerij";
const TARGET_QUESTIONS: usize = 45;
const TARGET_MINUTES: usize = 20;

/// Five businesses, as their owners would fill in the intake.
pub fn profiles() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    let no = |flags: &[&'static str]| flags.iter().map(|f| (*f, "nee")).collect::<Vec<_>>();
    let mut out = Vec::new();
    let mut bookkeeper = vec![
        ("omvang", "alleen"),
        ("klanten", "bedrijven"),
        ("verwerkers", "ja"),
        ("verwerker-voor-klanten", "ja"),
    ];
    bookkeeper.extend(no(&[
        "website",
        "webshop",
        "sociale-media",
        "nieuwsbrief",
        "telemarketing",
        "toestemming",
        "gerechtvaardigd-belang",
        "camera",
        "fotos",
        "kinderen",
        "bijzondere-gegevens",
        "strafrechtelijke-gegevens",
        "automatische-besluiten",
        "ai-tools",
        "buiten-eer",
    ]));
    out.push(("eenmansboekhouder", bookkeeper));
    let shop = |analytics: &'static str| {
        let mut p = vec![
            ("omvang", "2-9"),
            ("klanten", "consumenten"),
            ("personeel", "ja"),
            ("website", "ja"),
            ("webshop", "ja"),
            ("cookies", "ja"),
            ("analytics-zonder-toestemming", analytics),
            ("sociale-media", "ja"),
            ("nieuwsbrief", "ja"),
            ("toestemming", "ja"),
            ("verwerkers", "ja"),
            ("buiten-eer", "ja"),
        ];
        p.extend(no(&[
            "personeel-gezondheid",
            "personeel-volgen",
            "fg",
            "eigen-webserver",
            "telemarketing",
            "gerechtvaardigd-belang",
            "camera",
            "fotos",
            "kinderen",
            "bijzondere-gegevens",
            "strafrechtelijke-gegevens",
            "automatische-besluiten",
            "ai-tools",
            "verwerker-voor-klanten",
        ]));
        p
    };
    out.push(("bakkerij", shop("nee")));
    let mut dentist = vec![
        ("omvang", "10-49"),
        ("klanten", "consumenten"),
        ("personeel", "ja"),
        ("website", "ja"),
        ("bijzondere-gegevens", "ja"),
        ("verwerkers", "ja"),
    ];
    dentist.extend(no(&[
        "personeel-gezondheid",
        "personeel-volgen",
        "fg",
        "webshop",
        "eigen-webserver",
        "cookies",
        "sociale-media",
        "nieuwsbrief",
        "telemarketing",
        "toestemming",
        "gerechtvaardigd-belang",
        "camera",
        "fotos",
        "kinderen",
        "bijzondere-toestemming",
        "strafrechtelijke-gegevens",
        "automatische-besluiten",
        "ai-tools",
        "buiten-eer",
        "verwerker-voor-klanten",
    ]));
    out.push(("tandartspraktijk", dentist));
    out.push(("kledingwebshop", shop("ja")));
    let mut club = vec![
        ("omvang", "10-49"),
        ("klanten", "consumenten"),
        ("personeel", "nee"),
        ("website", "ja"),
        ("sociale-media", "ja"),
        ("nieuwsbrief", "ja"),
        ("toestemming", "ja"),
        ("fotos", "ja"),
        ("kinderen", "ja"),
        ("kinderen-toestemming", "ja"),
        ("verwerkers", "ja"),
    ];
    club.extend(no(&[
        "fg",
        "webshop",
        "eigen-webserver",
        "cookies",
        "telemarketing",
        "gerechtvaardigd-belang",
        "camera",
        "bijzondere-gegevens",
        "strafrechtelijke-gegevens",
        "automatische-besluiten",
        "ai-tools",
        "buiten-eer",
        "verwerker-voor-klanten",
    ]));
    out.push(("sportvereniging", club));
    out
}

/// A typical first scan: of the questions, about 45% ja, 15% deels, 25% nee and 15% weet ik niet,
/// spread by the question's id (the same every run).
fn typical(id: &str) -> Status {
    // FNV-1a: a stable spread that does not depend on the order of the walk.
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    match hash % 20 {
        0..=8 => Status::Yes,
        9..=11 => Status::Partly,
        12..=16 => Status::No,
        _ => Status::Unknown,
    }
}

/// What one walk asked: questions (privacy law and the rest) and words on screen.
#[derive(Debug, Clone, Copy, Default)]
struct Walk {
    intake: usize,
    intake_words: usize,
    questions: usize,
    other_scopes: usize,
    words: usize,
}

impl Walk {
    /// Minutes at [`WORDS_PER_MINUTE`], intake included, rounded up.
    fn minutes(self) -> usize {
        (self.intake_words + self.words).div_ceil(WORDS_PER_MINUTE)
    }
}

fn facts(answers: &[(&str, &str)]) -> Facts {
    answers
        .iter()
        .map(|(flag, answer)| {
            let value = match *answer {
                "ja" => Value::Yes,
                "nee" => Value::No,
                choice => Value::Choice(choice.to_owned()),
            };
            ((*flag).to_owned(), value)
        })
        .collect()
}

/// Walks the guided mode as the TUI does: the next question it asks, answered with `answer`,
/// until none is left.
fn walk(
    catalog: &Catalog,
    intake: &[(&str, &str)],
    depth: ScanDepth,
    answer: fn(&str) -> Status,
) -> Walk {
    let now: jiff::Timestamp = crate::common::NOW.parse().unwrap();
    let mut assessment = Assessment::new("profiel", now);
    assessment.depth = Some(depth);
    assessment.intake = facts(intake);
    let asked_intake = estimate::intake(catalog.intake(), &assessment.intake);
    let mut app = App::new(catalog.clone(), assessment, "profiel", Theme::new(false));
    let mut out = Walk {
        intake: asked_intake.questions,
        intake_words: asked_intake.words,
        ..Walk::default()
    };
    let mut intros = std::collections::HashSet::new();
    // "vraag 1 van 5", then "vraag 2 van ...": the walk's numbers count only what it asks, so
    // skipped items (ruled out, deeper, after a parent's nee) leave no holes.
    let mut last_number: Option<(usize, usize)> = None;
    while let Some(i) = app.next_open(0) {
        let (_, item) = app.at(i).expect("a position");
        if app.assessment.status(&item.id).is_some() {
            break; // only second looks are left
        }
        let (ci, _) = app.positions[i];
        let (number, of) = app
            .question_number(i)
            .expect("an asked question has a number");
        let expected = match last_number {
            Some((last_ci, n)) if last_ci == ci => n + 1,
            _ => 1,
        };
        assert_eq!(
            number, expected,
            "the number of {} ({number} of {of})",
            item.id
        );
        assert!(number <= of, "{}: {number} of {of}", item.id);
        last_number = Some((ci, number));
        if intros.insert(ci) {
            out.words += estimate::intro_words(&catalog.checklists()[ci]);
        }
        out.words += estimate::item_words(catalog, &item.id);
        if item.scope == pqs::checklist::Scope::Avg {
            out.questions += 1;
        } else {
            out.other_scopes += 1;
        }
        let (id, fingerprint) = (item.id.clone(), item.fingerprint());
        app.assessment
            .set_status(&id, Some(answer(&id)), Some(&fingerprint), now);
        app.refresh();
    }
    out
}

/// The table, in Dutch as the README's users read it.
fn table(catalog: &Catalog) -> (String, Vec<(&'static str, Walk, Walk)>) {
    let mut rows = Vec::new();
    let mut text = String::from(
        "| profiel | intakevragen | snelle scan: vragen | minuten | volledige scan: vragen | minuten |\n\
         |---|---:|---:|---:|---:|---:|\n",
    );
    for (name, intake) in profiles() {
        let quick = walk(catalog, &intake, ScanDepth::Snel, typical);
        let full = walk(catalog, &intake, ScanDepth::Volledig, typical);
        let _ = writeln!(
            text,
            "| {name} | {} | {} ({} AVG + {} overig) | {} | {} ({} AVG + {} overig) | {} |",
            quick.intake,
            quick.questions + quick.other_scopes,
            quick.questions,
            quick.other_scopes,
            quick.minutes(),
            full.questions + full.other_scopes,
            full.questions,
            full.other_scopes,
            full.minutes(),
        );
        rows.push((name, quick, full));
    }
    (text, rows)
}

#[test]
fn the_quick_scan_of_five_profiles_is_quick_and_the_readme_says_so() {
    let catalog = Catalog::bundled();
    let (text, rows) = table(&catalog);
    for (name, quick, full) in &rows {
        assert!(
            full.questions > quick.questions,
            "{name}: the full scan asks more"
        );
        assert!(quick.questions > 10, "{name}: {quick:?}");
    }
    let (_, quick, _) = rows
        .iter()
        .find(|(name, ..)| *name == TARGET_PROFILE)
        .expect("the target profile");
    // Held to the target even when every answer is ja and every follow-up is asked.
    let most = walk(
        &catalog,
        &profiles()
            .into_iter()
            .find(|(n, _)| *n == TARGET_PROFILE)
            .unwrap()
            .1,
        ScanDepth::Snel,
        |_| Status::Yes,
    );
    for (what, w) in [("typical", quick), ("every answer ja", &most)] {
        let asked = w.questions + w.other_scopes;
        assert!(asked <= TARGET_QUESTIONS, "{what}: {asked} questions");
        assert!(
            w.minutes() <= TARGET_MINUTES,
            "{what}: {} minutes",
            w.minutes()
        );
    }

    let readme_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let (Some(start), Some(stop)) = (readme.find(BEGIN), readme.find(END)) else {
        panic!("README.md lacks the lines {BEGIN} and {END}");
    };
    let current = &readme[start + BEGIN.len()..stop];
    let wanted = format!("\n{text}");
    if current != wanted {
        if std::env::var_os("UPDATE_README").is_some() {
            let updated = format!(
                "{}{wanted}{}",
                &readme[..start + BEGIN.len()],
                &readme[stop..]
            );
            std::fs::write(&readme_path, updated).unwrap();
        } else {
            panic!(
                "README.md's profile table is out of date; run UPDATE_README=1 cargo test --test runner profiles\n{text}"
            );
        }
    }
}

/// Which checklists the intake leaves in for each profile, and what pqs decides: the right
/// questions for this business only.
#[test]
fn each_profile_gets_the_checklists_and_decisions_that_fit_it() {
    let catalog = Catalog::bundled();
    let now: jiff::Timestamp = crate::common::NOW.parse().unwrap();
    let expected: [(&str, &[&str], &[&str], &str); 5] = [
        // profile, checklists that apply, checklists ruled out, register decision
        (
            "eenmansboekhouder",
            &["verwerker", "verwerkingsregister"],
            &["webwinkel-tips", "personeel", "camera", "ai-tools"],
            "ja",
        ),
        (
            "bakkerij",
            &["webwinkel-tips", "personeel", "toestemming-cookies"],
            &["verwerker", "camera", "ai-tools"],
            "ja",
        ),
        (
            "tandartspraktijk",
            &["personeel", "persoonsgegevens"],
            &["webwinkel-tips", "verwerker", "camera"],
            "ja",
        ),
        (
            "kledingwebshop",
            &["webwinkel-tips", "toestemming-cookies"],
            &["verwerker", "camera"],
            "ja",
        ),
        (
            "sportvereniging",
            &["toestemming-cookies", "persoonsgegevens"],
            &["webwinkel-tips", "personeel", "verwerker"],
            "ja",
        ),
    ];
    let profiles = profiles();
    for (name, applies, ruled_out, register) in expected {
        let (_, intake) = profiles.iter().find(|(n, _)| *n == name).unwrap();
        let mut assessment = Assessment::new(name, now);
        assessment.intake = facts(intake);
        let scan = pqs::report::Scan::new(&catalog, &assessment, now);
        let excluded = |id: &str| {
            scan.checklists
                .iter()
                .find(|c| c.id == id)
                .unwrap_or_else(|| panic!("{id}"))
                .excluded
                .is_some()
        };
        for id in applies {
            assert!(!excluded(id), "{name}: {id} should apply");
        }
        for id in ruled_out {
            assert!(excluded(id), "{name}: {id} should not apply");
        }
        let decided = catalog.intake().effective(&assessment.intake);
        assert_eq!(
            decided.get("registerplicht"),
            Some(&Value::Choice(register.to_owned())),
            "{name}: the register decision"
        );
    }
    // Item level: the club's children and photo items apply, the bookkeeper's do not.
    let item_applies = |profile: &str, id: &str| {
        let (_, intake) = profiles.iter().find(|(n, _)| *n == profile).unwrap();
        let mut assessment = Assessment::new(profile, now);
        assessment.intake = facts(intake);
        let scan = pqs::report::Scan::new(&catalog, &assessment, now);
        scan.item(id).unwrap_or_else(|| panic!("{id}")).applies()
    };
    let children: Vec<String> = catalog
        .items()
        .filter(|(_, i)| i.applies_if.iter().any(|c| c.flag.starts_with("kinderen")))
        .map(|(_, i)| i.id.to_string())
        .collect();
    assert!(!children.is_empty());
    for id in &children {
        assert!(item_applies("sportvereniging", id), "club: {id}");
        assert!(!item_applies("eenmansboekhouder", id), "bookkeeper: {id}");
    }
}
