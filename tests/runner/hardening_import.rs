//! An imported bundle is untrusted: its file names are only labels, a checklist is written under its
//! validated id, and replacing a checklist in use is said, with its cost, and needs `--force`.

use std::fs;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use pqs::assessment::bundle::{Bundle, CarriedFile};
use pqs::assessment::{Assessment, Status};

use crate::common::{ITEM, TestEnv, checklist_toml};

/// Writes a bundle of an assessment (one answer per id in `answers`) with `files` into the test's
/// work folder.
fn bundle(env: &TestEnv, answers: &[&str], files: &[(&str, String)]) -> PathBuf {
    let now: Timestamp = "2026-11-23T10:00:00Z".parse().unwrap();
    let mut assessment = Assessment::new("Bakkerij", now);
    for id in answers {
        assessment.set_status(id, Some(Status::Yes), None, now);
    }
    let carried = files
        .iter()
        .map(|(file, text)| CarriedFile {
            file: (*file).to_owned(),
            text: text.clone(),
        })
        .collect();
    let path = env.work().join("bundel.toml");
    fs::write(&path, Bundle::new("klant", assessment, carried).to_toml()).unwrap();
    path
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn folder(env: &TestEnv) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(env.checklists())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_checklist_is_written_under_its_id_not_the_name_in_the_bundle() {
    let env = TestEnv::new();
    let path = bundle(
        &env,
        &["eigen.vraag-1"],
        &[(
            "mijn lijst (kopie).toml",
            checklist_toml("eigen", "Eigen", 2),
        )],
    );
    let out = env.ok(&["import", path_str(&path)]);
    assert!(out.contains("Checklist eigen.toml toegevoegd"), "{out}");
    assert_eq!(folder(&env), ["eigen.toml"]);
    assert!(!out.contains("mijn lijst"), "{out}");
}

#[test]
fn file_names_with_control_or_bidi_characters_are_refused_and_never_echoed_raw() {
    for name in [
        "eigen\u{1b}]0;GEKAAPT\u{7}.toml",
        "eigen\nregel.toml",
        "lmth.\u{202e}eigen.toml",
    ] {
        let env = TestEnv::new();
        let path = bundle(&env, &[], &[(name, checklist_toml("eigen", "Eigen", 1))]);
        let err = env.fails(&["import", path_str(&path)]);
        assert!(
            err.contains("is geen gewone bestandsnaam"),
            "{name:?}: {err}"
        );
        assert!(
            !err.chars()
                .any(|c| c != '\n' && pqs::sanitize::is_unsafe(c)),
            "{name:?}: {err:?}"
        );
        assert!(folder(&env).is_empty(), "nothing written");
        assert!(env.data_files().is_empty(), "nothing written");
    }
}

#[test]
fn two_carried_checklists_with_one_id_are_refused() {
    let env = TestEnv::new();
    let path = bundle(
        &env,
        &[],
        &[
            ("a.toml", checklist_toml("eigen", "Eerste", 1)),
            ("b.toml", checklist_toml("eigen", "Tweede", 2)),
        ],
    );
    let err = env.fails(&["import", path_str(&path)]);
    assert!(
        err.contains(
            "b.toml:1:6: de checklist-id \"eigen\" komt twee keer voor in het exportbestand"
        ),
        "{err}"
    );
    assert!(folder(&env).is_empty() && env.data_files().is_empty());
}

#[test]
fn replacing_a_bundled_checklist_needs_force_and_says_what_it_costs_first() {
    let env = TestEnv::new();
    // Two assessments on this computer answered the bundled privacy-statement checklist.
    env.ok(&["answer", "-a", "bakker", ITEM, "ja"]);
    env.ok(&[
        "answer",
        "-a",
        "bakker",
        "privacyverklaring.pv-grondslag",
        "nee",
    ]);
    env.ok(&["answer", "-a", "slager", ITEM, "deels"]);
    env.ok(&[
        "answer",
        "-a",
        "slager",
        "verwerkingsregister.vr-naam-contact",
        "ja",
    ]);
    let own = checklist_toml("privacyverklaring", "Mijn eigen privacyverklaring", 2);
    let path = bundle(&env, &[ITEM], &[("privacyverklaring.toml", own.clone())]);

    let err = env.fails(&["import", path_str(&path)]);
    assert!(
        err.contains("een eigen versie van de meegeleverde checklist \"privacyverklaring\" (Privacyverklaring"),
        "{err}"
    );
    assert!(
        err.contains("Er is niets geïmporteerd") && err.contains("--force"),
        "{err}"
    );
    assert!(folder(&env).is_empty());
    assert!(!env.assessment("klant").exists());

    let out = env.ok(&["import", path_str(&path), "--force"]);
    let warning = out
        .find("Let op: de meegeleverde checklist \"privacyverklaring\"")
        .expect(&out);
    let written = out.find("geïmporteerd").expect(&out);
    assert!(
        warning < written,
        "the cost is said before the writing: {out}"
    );
    assert!(
        out.contains("bakker: 2 antwoorden, slager: 1 antwoord, klant: 1 antwoord"),
        "{out}"
    );
    assert_eq!(
        fs::read_to_string(env.checklists().join("privacyverklaring.toml")).unwrap(),
        own
    );
    // The answers are kept, as orphans.
    let doc = env.json(&["report", "-a", "bakker", "--format", "json"]);
    let orphans: Vec<&str> = doc["orphans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    let mut expected = [ITEM, "privacyverklaring.pv-grondslag"];
    expected.sort_unstable();
    assert_eq!(orphans, expected, "in id order");
}

#[test]
fn lookalike_and_reserved_ids_are_refused() {
    let env = TestEnv::new();
    // A Cyrillic "а" in place of the Latin "a".
    let lookalike = checklist_toml("privacyverklаring", "Nep", 1);
    let path = bundle(&env, &[], &[("p.toml", lookalike)]);
    let err = env.fails(&["import", path_str(&path)]);
    assert!(err.contains("ongeldige id \"privacyverklаring\""), "{err}");
    let path = bundle(
        &env,
        &[],
        &[("p.toml", checklist_toml("intake", "Intake?", 1))],
    );
    let err = env.fails(&["import", path_str(&path)]);
    assert!(err.contains("de id \"intake\" is gereserveerd"), "{err}");
    assert!(folder(&env).is_empty() && env.data_files().is_empty());
}

#[test]
fn a_file_name_taken_by_another_checklist_is_refused() {
    let env = TestEnv::new();
    env.write_checklist(
        "eigen.toml",
        &checklist_toml("iets-anders", "Iets anders", 1),
    );
    let path = bundle(
        &env,
        &[],
        &[("x.toml", checklist_toml("eigen", "Eigen", 1))],
    );
    let err = env.fails(&["import", path_str(&path)]);
    assert!(
        err.contains("eigen.toml bestaat al en is niet de checklist \"eigen\""),
        "{err}"
    );
    assert_eq!(folder(&env), ["eigen.toml"]);
    assert!(env.data_files().is_empty());
}

#[test]
fn a_carried_intake_that_rewords_a_question_in_use_needs_force() {
    let env = TestEnv::new();
    env.ok(&["intake", "-a", "bakker", "website", "ja"]);
    let intake = "version = 1\nreviewed = 2026-12-01\n\n[[questions]]\nid = \"website\"\n\
        question = \"Heb je GEEN website?\"\nexplanation = \"Omgedraaid.\"\n";
    let path = bundle(&env, &[], &[("intake.toml", intake.to_owned())]);
    let err = env.fails(&["import", path_str(&path)]);
    assert!(
        err.contains("deze intakevragen anders stelt dan nu: website"),
        "{err}"
    );
    assert!(folder(&env).is_empty() && !env.assessment("klant").exists());
    let out = env.ok(&["import", path_str(&path), "--force"]);
    assert!(
        out.starts_with("Let op: deze intakevragen worden anders gesteld dan nu: website"),
        "{out}"
    );
    assert_eq!(folder(&env), ["intake.toml"]);
}

#[test]
fn an_import_that_fails_late_puts_the_checklists_back() {
    let env = TestEnv::new();
    env.write_checklist("eigen.toml", &checklist_toml("eigen", "Oud", 1));
    let old = fs::read(env.checklists().join("eigen.toml")).unwrap();
    let path = bundle(
        &env,
        &[],
        &[
            ("eigen.toml", checklist_toml("eigen", "Nieuw", 2)),
            ("ander.toml", checklist_toml("ander", "Ander", 1)),
        ],
    );
    // The assessment's place is taken by a folder: refused before anything is written.
    fs::create_dir_all(env.assessment("klant")).unwrap();
    let err = env.fails(&["import", path_str(&path), "--force"]);
    assert!(err.contains("klant.toml: dit is een map"), "{err}");
    assert_eq!(folder(&env), ["eigen.toml"]);
    assert_eq!(fs::read(env.checklists().join("eigen.toml")).unwrap(), old);
}
