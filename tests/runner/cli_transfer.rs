//! `pqs export` and `pqs import`: the round trip is byte-identical, nothing is overwritten without
//! `--force`, and a broken or foreign file changes nothing.

use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{ITEM, TestEnv, checklist_toml, fixture, status_of};

/// An assessment with an answer to a user checklist, a note with quotes, intake and plan entries.
fn filled_env() -> TestEnv {
    let env = TestEnv::new();
    env.write_checklist("eigen.toml", &checklist_toml("eigen", "Eigen lijst", 2));
    env.write_checklist(
        "ongebruikt.toml",
        &checklist_toml("ongebruikt", "Niet gebruikt", 1),
    );
    env.ok(&[
        "answer",
        "-a",
        "klant-x",
        ITEM,
        "deels",
        "--note",
        "met ''' en \"\"\" erin",
    ]);
    env.ok(&["answer", "-a", "klant-x", "eigen.vraag-2", "nee"]);
    env.ok(&["intake", "-a", "klant-x", "webshop", "nee"]);
    env.ok(&[
        "plan",
        "-a",
        "klant-x",
        ITEM,
        "--owner",
        "Piet",
        "--due",
        "31-03-2027",
    ]);
    env.ok(&[
        "details",
        "-a",
        "klant-x",
        "--organisation",
        "Café Ü",
        "--kvk",
        "12345678",
    ]);
    env
}

/// [`filled_env`] with "klant-x" exported to `uit.toml` in its root.
fn exported() -> (TestEnv, PathBuf) {
    let from = filled_env();
    let bundle = from.root().join("uit.toml");
    from.ok(&["export", "-a", "klant-x", "-o", path_str(&bundle)]);
    (from, bundle)
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn export_import_export_is_byte_identical_and_the_user_checklist_travels() {
    let from = filled_env();
    let first = from.root().join("klant-x.pqs.toml");
    let said = from.ok(&["export", "-a", "klant-x", "-o", path_str(&first)]);
    assert_eq!(
        said,
        format!(
            "Beoordeling \"klant-x\" geëxporteerd naar {} (met 1 eigen checklistbestand)\n",
            first.display()
        )
    );
    let text = fs::read_to_string(&first).unwrap();
    assert!(
        text.starts_with(&format!(
            "{}\nformat = 1\nkind = \"pqs-export\"\nname = \"klant-x\"\n",
            pqs::assessment::bundle::BUNDLE_HEAD
        )),
        "{text}"
    );
    assert!(text.contains("file = \"eigen.toml\""), "{text}");
    assert!(
        !text.contains("ongebruikt"),
        "only the checklists in use travel:\n{text}"
    );

    let to = TestEnv::new();
    let said = to.ok(&["import", path_str(&first)]);
    assert_eq!(
        said,
        format!(
            "Beoordeling \"klant-x\" geïmporteerd: {}\nChecklist eigen.toml toegevoegd aan {}\n",
            to.assessment("klant-x").display(),
            to.checklists().display()
        )
    );
    assert_eq!(
        fs::read(to.checklists().join("eigen.toml")).unwrap(),
        fs::read(from.checklists().join("eigen.toml")).unwrap()
    );
    // The assessment is written exactly as it was stored: no `updated` bump, nothing lost.
    assert_eq!(
        fs::read(to.assessment("klant-x")).unwrap(),
        fs::read(from.assessment("klant-x")).unwrap()
    );
    let second = to.root().join("opnieuw.toml");
    to.ok(&["export", "-a", "klant-x", "-o", path_str(&second)]);
    assert_eq!(fs::read(&second).unwrap(), fs::read(&first).unwrap());

    // Under another name: the same content, and the user checklist answers count in its report.
    let renamed = TestEnv::new();
    renamed.ok(&["import", path_str(&first), "--as", "kopie"]);
    assert_eq!(
        fs::read(renamed.assessment("kopie")).unwrap(),
        fs::read(from.assessment("klant-x")).unwrap()
    );
    let doc = renamed.json(&["report", "-a", "kopie", "--format", "json"]);
    assert_eq!(status_of(&doc, "eigen.vraag-2"), "no");
    assert_eq!(status_of(&doc, ITEM), "partly");
    let third = renamed.root().join("kopie.toml");
    renamed.ok(&["export", "-a", "kopie", "-o", path_str(&third)]);
    let expected = text.replacen("name = \"klant-x\"", "name = \"kopie\"", 1);
    assert_eq!(fs::read_to_string(&third).unwrap(), expected);
}

#[test]
fn import_over_an_existing_assessment_needs_force_and_then_keeps_a_backup() {
    let (from, bundle) = exported();

    let to = TestEnv::new();
    to.ok(&[
        "answer",
        "-a",
        "klant-x",
        ITEM,
        "ja",
        "--note",
        "eigen versie",
    ]);
    let old = fs::read(to.assessment("klant-x")).unwrap();
    let err = to.fails(&["import", path_str(&bundle)]);
    assert_eq!(
        err,
        format!(
            "pqs: er bestaat al een beoordeling \"klant-x\" ({}).\nKies een andere naam met --as \
             NAAM, of vervang hem met --force (de oude versie gaat dan naar backup/). Er is niets \
             geïmporteerd.\n",
            to.assessment("klant-x").display()
        )
    );
    assert_eq!(fs::read(to.assessment("klant-x")).unwrap(), old);
    assert!(
        !to.checklists().join("eigen.toml").exists(),
        "no checklist written either"
    );
    assert!(!to.data().join("backup").exists());

    let said = to.ok(&["import", path_str(&bundle), "--force"]);
    let backup = to.data().join("backup/klant-x-20261123-100000.toml");
    assert!(
        said.contains(&format!(
            "De vorige versie is bewaard in {}\n",
            backup.display()
        )),
        "{said}"
    );
    assert_eq!(fs::read(&backup).unwrap(), old);
    assert_eq!(
        fs::read(to.assessment("klant-x")).unwrap(),
        fs::read(from.assessment("klant-x")).unwrap()
    );
    let list = to.ok(&["list"]);
    assert_eq!(list.lines().count(), 2, "backup/ is not listed:\n{list}");
}

#[test]
fn a_different_user_checklist_is_replaced_only_with_force_after_a_backup() {
    let (from, bundle) = exported();

    let to = TestEnv::new();
    let mine = checklist_toml("eigen", "Mijn eigen versie", 3);
    to.write_checklist("eigen.toml", &mine);
    let err = to.fails(&["import", path_str(&bundle)]);
    assert_eq!(
        err,
        format!(
            "pqs: {} bestaat al en verschilt van de checklist eigen.toml in het exportbestand.\n\
             Vervang hem met --force (de oude versie gaat dan naar backup/checklists/). Er is niets \
             geïmporteerd.\n",
            to.checklists().join("eigen.toml").display()
        )
    );
    assert_eq!(to.data_files(), Vec::<String>::new());
    assert_eq!(
        fs::read_to_string(to.checklists().join("eigen.toml")).unwrap(),
        mine
    );

    to.ok(&["import", path_str(&bundle), "--force"]);
    let kept = to
        .data()
        .join("backup/checklists/eigen-20261123-100000.toml");
    assert_eq!(fs::read_to_string(kept).unwrap(), mine);
    assert_eq!(
        fs::read(to.checklists().join("eigen.toml")).unwrap(),
        fs::read(from.checklists().join("eigen.toml")).unwrap()
    );
}

#[test]
fn export_does_not_overwrite_a_file_without_force() {
    let env = filled_env();
    let target = env.work().join("bestaat.toml");
    fs::write(&target, "van iemand anders").unwrap();
    let err = env.fails(&["export", "-a", "klant-x", "-o", "bestaat.toml"]);
    assert_eq!(
        err,
        "pqs: bestaat.toml bestaat al; kies een andere naam of overschrijf het met --force\n"
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "van iemand anders");
    env.ok(&["export", "-a", "klant-x", "-o", "bestaat.toml", "--force"]);
    assert!(
        fs::read_to_string(&target)
            .unwrap()
            .starts_with(pqs::assessment::bundle::BUNDLE_HEAD)
    );
}

#[test]
fn an_own_intake_question_travels_with_the_checklist_that_uses_it() {
    let env = TestEnv::new();
    env.write_checklist(
        "intake.toml",
        "version = 1\nreviewed = 2026-11-23\n\n[[questions]]\nid = \"bakkerij\"\n\
         question = \"Bak je zelf?\"\nexplanation = \"Alleen voor bakkers.\"\n",
    );
    let own = checklist_toml("bakken", "Bakken", 1).replace(
        "reviewed = 2026-11-23\n",
        "reviewed = 2026-11-23\napplies_if = \"bakkerij\"\n",
    );
    env.write_checklist("bakken.toml", &own);
    env.ok(&["intake", "bakkerij", "ja"]);
    env.ok(&["answer", "bakken.vraag-1", "ja"]);
    let bundle = env.root().join("uit.toml");
    env.ok(&["export", "-o", path_str(&bundle)]);

    let to = TestEnv::new();
    to.ok(&["import", path_str(&bundle)]);
    for file in ["intake.toml", "bakken.toml"] {
        assert_eq!(
            fs::read(to.checklists().join(file)).unwrap(),
            fs::read(env.checklists().join(file)).unwrap(),
            "{file}"
        );
    }
    let doc = to.json(&["report", "--format", "json"]);
    assert_eq!(status_of(&doc, "bakken.vraag-1"), "yes");
}

/// Imports a fixture into a fresh environment, asserts exit 1 and that nothing was written.
fn refused(fixture_name: &str) -> String {
    let env = TestEnv::new();
    let path = fixture(&format!("exports/{fixture_name}"));
    let err = env.fails(&["import", path_str(&path), "--force"]);
    assert!(
        !env.data().exists(),
        "{fixture_name}: {:?}",
        env.data_files()
    );
    assert_eq!(
        fs::read_dir(env.checklists()).unwrap().count(),
        0,
        "{fixture_name}"
    );
    err.replace(&format!("{}", path.display()), "BESTAND")
}

#[test]
fn broken_and_foreign_files_are_refused_with_position_and_change_nothing() {
    assert_eq!(
        refused("broken.toml"),
        "pqs: BESTAND:5:12: het bestand is beschadigd: unclosed table, expected `]`\n\
         Er is niets geïmporteerd. Maak het bestand opnieuw met pqs export.\n"
    );
    assert_eq!(
        refused("foreign.toml"),
        "pqs: BESTAND:1:1: dit is geen exportbestand van pqs (`kind = \"pqs-export\"` ontbreekt).\n\
         Er is niets geïmporteerd. Maak een exportbestand met pqs export -o BESTAND.\n"
    );
    assert_eq!(
        refused("newer.toml"),
        "pqs: BESTAND:1:1: dit exportbestand heeft formaatversie 7, deze pqs kent alleen versie 1 \
         en ouder.\nEr is niets geïmporteerd. Installeer een nieuwere versie van pqs.\n"
    );
    let wrong_field = refused("wrong-field.toml");
    assert!(
        wrong_field
            .starts_with("pqs: BESTAND:10:1: het bestand is beschadigd: unknown field `kleur`"),
        "{wrong_field}"
    );
    assert_eq!(
        refused("unsafe-file-name.toml"),
        "pqs: BESTAND:12:8: \"../../.bashrc.toml\" is geen gewone bestandsnaam; verwacht wordt \
         NAAM.toml zonder map\nEr is niets geïmporteerd. Maak het bestand opnieuw met pqs export.\n"
    );
    assert_eq!(
        refused("bad-checklist.toml"),
        "pqs: BESTAND → eigen.toml:12:12: onbekende waarde \"hoog\" voor `severity`; kies \"high\", \"medium\" of \"low\"\n\
         Een checklist in BESTAND bevat fouten (regelnummers tellen binnen die checklist). Er is \
         niets geïmporteerd.\n"
    );
}

#[test]
fn a_missing_export_file_is_named() {
    let env = TestEnv::new();
    let err = env.fails(&["import", "bestaat-niet.toml"]);
    assert!(
        err.starts_with("pqs: kan bestaat-niet.toml niet lezen: "),
        "{err}"
    );
    assert!(!env.data().exists());
}

#[test]
fn output_never_replaces_an_assessment_in_the_data_folder() {
    let env = TestEnv::new();
    env.ok(&["answer", "-a", "x", "privacyverklaring.pv-doeleinden", "ja"]);
    env.ok(&[
        "answer",
        "-a",
        "y",
        "privacyverklaring.pv-doeleinden",
        "nee",
    ]);
    let before = std::fs::read(env.assessment("y")).unwrap();
    let target = env.assessment("y").display().to_string();
    for args in [
        &["report", "-a", "x", "-o", &target][..],
        &["export", "-a", "x", "-o", &target, "--force"][..],
    ] {
        let err = env.fails(args);
        assert!(
            err.contains("is een bestand van pqs zelf"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(
        std::fs::read(env.assessment("y")).unwrap(),
        before,
        "y is untouched"
    );
    // Another name in the data folder, e.g. an HTML report, is fine.
    let html = env.data().join("x.html").display().to_string();
    env.ok(&["report", "-a", "x", "--format", "html", "-o", &html]);
}

#[test]
fn an_imported_checklist_whose_id_is_in_another_file_is_refused() {
    let (_from, bundle) = exported();
    let to = TestEnv::new();
    to.write_checklist(
        "andere-naam.toml",
        &checklist_toml("eigen", "Ander bestand", 1),
    );
    let err = to.fails(&["import", path_str(&bundle)]);
    assert!(
        err.contains("de meegestuurde checklist \"eigen\" staat al in")
            && err.contains("andere-naam.toml"),
        "{err}"
    );
    assert!(
        !to.checklists().join("eigen.toml").exists(),
        "nothing written"
    );
    assert!(!to.data().join("klant-x.toml").exists(), "nothing written");
}

#[test]
fn an_assessment_of_the_old_136_items_opens_with_every_answer_kept_after_a_backup() {
    let env = TestEnv::new();
    let original = fs::read(crate::common::fixture("assessments/all-136-items.toml")).unwrap();
    env.write_assessment("oud", &original);
    let old: toml::Table = String::from_utf8(original.clone())
        .unwrap()
        .parse()
        .unwrap();
    let old_answers = old["answers"].as_table().unwrap();
    assert_eq!(old_answers.len(), 136);

    // Any change opens the file for writing: the answers move, after a backup of the old file.
    let catalog = pqs::checklist::Catalog::bundled();
    let some_item = catalog.items().next().unwrap().1.id.clone();
    let out = env.run(&["answer", "-a", "oud", &some_item, "ja"]);
    assert!(out.status.success());
    let backups: Vec<_> = fs::read_dir(env.data().join("backup"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(
        fs::read(&backups[0]).unwrap(),
        original,
        "the old file, unchanged"
    );
    // Said once, with where the old file is.
    let said = crate::common::stderr(&out);
    assert!(
        said.starts_with("De checklists zijn bijgewerkt: ")
            && said.contains(" van \"oud\" staan nu bij de vraag die de oude vervangt.")
            && said.contains(&backups[0].display().to_string()),
        "{said}"
    );
    env.ok(&["answer", "-a", "oud", &some_item, "nee"]);

    let doc = env.json(&["report", "-a", "oud", "--format", "json"]);
    let orphans: Vec<&str> = doc["orphans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            assert!(
                o["retired"].is_string(),
                "an orphan the content did not retire on purpose: {o}"
            );
            o["id"].as_str().unwrap()
        })
        .collect();
    let statuses: Vec<&str> = ["yes", "partly", "no", "unknown", "not_applicable"].into();
    for (id, answer) in old_answers {
        if id == &some_item {
            continue;
        }
        let old_status = answer["status"].as_str().unwrap();
        assert!(statuses.contains(&old_status));
        if orphans.contains(&id.as_str()) {
            continue; // retired with a reason, and listed
        }
        // Kept under its id, or moved to its replacement (a merge keeps the later answer current
        // and the other in the history).
        let now_at = catalog
            .item(id)
            .map(|(_, i)| i.id.to_string())
            .or_else(|| catalog.replacement(id).map(str::to_owned))
            .unwrap_or_else(|| panic!("{id} has no home"));
        let status = crate::common::status_of(&doc, &now_at);
        assert_ne!(status, "unanswered", "{id} → {now_at} lost its answer");
    }
}
