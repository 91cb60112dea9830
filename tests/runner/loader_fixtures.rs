//! The checklist fixtures through the library's parser, without the binary.

use std::fs;

use pqs::checklist::{Severity, Source, parse_checklist};

use crate::cli_checklists_validate::INVALID;
use crate::common::fixture;

fn parse(name: &str) -> Result<pqs::checklist::Checklist, Vec<pqs::checklist::LoadError>> {
    let text = fs::read_to_string(fixture(&format!("checklists/{name}"))).unwrap();
    parse_checklist(&text, name, Source::Bundled)
}

#[test]
fn the_valid_fixture_parses_into_global_ids() {
    let checklist = parse("valid.toml").expect("valid fixture");
    assert_eq!(checklist.id, "testlijst");
    assert_eq!(checklist.title, "Testlijst");
    assert_eq!(checklist.version, 1);
    assert_eq!(checklist.reviewed, "2026-11-23");
    assert_eq!(checklist.order, 50);
    assert_eq!(checklist.intro, None);
    let ids: Vec<&str> = checklist.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["testlijst.eerste-vraag", "testlijst.tweede-vraag"]);
    let first = &checklist.items[0];
    assert_eq!(first.local_id(), "eerste-vraag");
    assert_eq!(first.section.as_deref(), Some("Begin"));
    assert_eq!(first.question, "Is dit de eerste vraag?");
    assert_eq!(first.explanation, "Uitleg bij de eerste vraag.");
    assert_eq!(first.action, "Doe iets aan de eerste vraag.");
    assert_eq!(first.reference, "art. 1 AVG");
    assert_eq!(first.severity, Severity::High);
    assert_eq!(checklist.items[1].section, None);
    assert_eq!(checklist.items[1].severity, Severity::Low);
}

#[test]
fn each_invalid_fixture_gives_exactly_one_positioned_error() {
    for (name, expected) in INVALID {
        let errors = parse(name).expect_err(name);
        assert_eq!(errors.len(), 1, "{name}: {errors:?}");
        let error = &errors[0];
        assert_eq!(error.file, *name);
        let (position, message) = expected.split_once(": ").unwrap();
        let (line, column) = position.split_once(':').unwrap();
        assert_eq!(error.line.to_string(), line, "{name}");
        assert_eq!(error.column.to_string(), column, "{name}");
        assert_eq!(error.message, message, "{name}");
        assert_eq!(error.to_string(), format!("{name}:{expected}"));
    }
}

#[test]
fn every_problem_in_a_file_is_reported() {
    let text = r#"id = "Slecht"
title = ""
version = 0
reviewed = 2026-11-23T10:00:00Z

[[items]]
id = "a"
question = "A?"
explanation = "e"
action = "a"
reference = "r"
severity = "high"

[[items]]
id = "a"
question = "B?"
explanation = "e"
reference = "r"
severity = "hoog"
"#;
    let errors = parse_checklist(text, "slecht.toml", Source::Bundled).unwrap_err();
    let found: Vec<String> = errors
        .iter()
        .map(|e| {
            format!(
                "{}:{} {}",
                e.line,
                e.column,
                e.message.split(';').next().unwrap()
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            "1:6 ongeldige id \"Slecht\": gebruik kleine letters, cijfers en losse streepjes, beginnend met een letter (bijvoorbeeld \"mijn-vraag-2\")",
            "2:9 het veld `title` is leeg",
            "3:11 `version` moet een geheel getal van 1 of hoger zijn",
            "4:12 `reviewed` moet een datum zijn zonder tijd, bijvoorbeeld `reviewed = 2026-11-23`",
            "15:6 de id \"a\" komt al eerder voor in dit bestand",
            "14:1 het veld `action` ontbreekt",
            "19:12 onbekende waarde \"hoog\" voor `severity`",
        ]
    );
}

#[test]
fn a_file_without_items_is_refused() {
    let text = "id = \"leeg\"\ntitle = \"Leeg\"\nversion = 1\nreviewed = 2026-11-23\n";
    let errors = parse_checklist(text, "leeg.toml", Source::Bundled).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].to_string(),
        "leeg.toml:1:1: er staan geen vragen in dit bestand; voeg ten minste één `[[items]]`-blok toe"
    );
}
