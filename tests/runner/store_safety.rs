//! The assessment file is never lost or mangled: orphans, corrupt files, the lock, permissions.

use std::fs;

use pqs::assessment::Store;

use crate::common::{ITEM, TestEnv, fixture};

const WITH_ORPHAN: &str = r#"format = 1
organisation = "Bakkerij De Bol"
created = "2025-03-01T08:00:00Z"
updated = "2025-03-02T08:00:00Z"

[answers."privacyverklaring.pv-grondslag"]
status = "no"
answered_at = "2025-03-01T08:00:00Z"

[answers."verdwenen.vraag"]
status = "partly"
note = "oude vraag, \"bewaren\" | é"
answered_at = "2025-03-02T08:00:00Z"
"#;

fn orphan_entry(text: &str) -> toml::Value {
    let table: toml::Table = text.parse().expect("valid TOML");
    table["answers"]["verdwenen.vraag"].clone()
}

#[test]
fn answers_to_vanished_items_survive_and_are_reported() {
    let env = TestEnv::new();
    let path = env.write_assessment("standaard", WITH_ORPHAN);
    env.ok(&["answer", ITEM, "ja", "--note", "gedaan"]);

    let after = fs::read_to_string(&path).unwrap();
    assert_eq!(orphan_entry(&after), orphan_entry(WITH_ORPHAN));
    let table: toml::Table = after.parse().unwrap();
    assert_eq!(table["organisation"].as_str(), Some("Bakkerij De Bol"));
    assert_eq!(table["created"].as_str(), Some("2025-03-01T08:00:00Z"));
    assert_eq!(table["updated"].as_str(), Some(crate::common::NOW));
    assert_eq!(
        table["answers"]["privacyverklaring.pv-grondslag"]["status"].as_str(),
        Some("no")
    );
    assert_eq!(table["answers"][ITEM]["note"].as_str(), Some("gedaan"));

    let text = env.ok(&["report"]);
    assert!(
        text.ends_with(
            "\nAntwoorden op vragen die niet meer bestaan (bewaard)\n  verdwenen.vraag (deels)\n    \
             Opmerking: oude vraag, \"bewaren\" | é\n"
        ),
        "{text}"
    );
    let doc = env.json(&["report", "--format", "json"]);
    assert_eq!(
        doc["orphans"],
        serde_json::json!([{"id": "verdwenen.vraag", "status": "partly", "note": "oude vraag, \"bewaren\" | é", "retired": null}])
    );
    // Orphans do not count as answers.
    assert_eq!(doc["totals"]["answered"], 2);
}

/// For each broken file: what pqs must say (after the path).
const CORRUPT: &[(&str, &str)] = &[
    ("truncated.toml", ":8:24: het bestand is beschadigd: "),
    ("not-toml.toml", ":1:5: het bestand is beschadigd: "),
    (
        "newer-format.toml",
        ":1:1: dit bestand heeft formaatversie 99, ",
    ),
    ("wrong-type.toml", ":7:10: het bestand is beschadigd: "),
    ("empty.toml", ":1:1: `format = 3` ontbreekt bovenaan"),
    (
        "review-months.toml",
        ":5:17: het bestand is beschadigd: `review_months = 4000000`: kies een aantal maanden",
    ),
];

#[test]
fn corrupt_files_are_reported_and_left_untouched() {
    for (name, message) in CORRUPT {
        let env = TestEnv::new();
        let original = fs::read(fixture(&format!("assessments/{name}"))).unwrap();
        let path = env.write_assessment("standaard", &original);
        let expected = format!("pqs: {}{message}", path.display());
        for args in [
            &["report"][..],
            &["report", "--format", "json"],
            &["answer", ITEM, "ja"],
            &["answer", ITEM, "nee", "--note", "x", "--organisation", "Y"],
            // The interface, before it takes over the screen.
            &["-a", "standaard"],
        ] {
            let err = env.fails(args);
            assert!(err.starts_with(&expected), "{name} {args:?}:\n{err}");
            assert!(
                err.contains("\nHet bestand is niet aangepast."),
                "{name}: {err}"
            );
            assert_eq!(
                fs::read(&path).unwrap(),
                original,
                "{name} changed by {args:?}"
            );
        }
        let mut files = env.data_files();
        files.retain(|f| f != ".standaard.lock");
        assert_eq!(files, ["standaard.toml"], "{name}: no temporary files");
    }
}

#[test]
fn a_held_lock_stops_a_second_writer() {
    let env = TestEnv::new();
    env.ok(&["answer", ITEM, "nee"]);
    let before = fs::read(env.assessment("standaard")).unwrap();
    let writer = Store::new(env.data())
        .lock("standaard")
        .expect("take the lock");
    let err = env.fails(&["answer", ITEM, "ja"]);
    let pid = std::process::id();
    assert!(
        err.starts_with(&format!(
            "pqs: de beoordeling \"standaard\" is al geopend door een ander pqs-proces (proces {pid}).\n"
        )),
        "{err}"
    );
    assert!(err.contains(".standaard.lock"), "{err}");
    assert_eq!(fs::read(env.assessment("standaard")).unwrap(), before);
    // Reading is not blocked.
    env.ok(&["report"]);
    // Another assessment is not blocked either.
    env.ok(&["answer", "-a", "ander", ITEM, "ja"]);

    drop(writer);
    env.ok(&["answer", ITEM, "ja"]);
    let table: toml::Table = fs::read_to_string(env.assessment("standaard"))
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(table["answers"][ITEM]["status"].as_str(), Some("yes"));
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_is_reported_and_the_file_kept() {
    use std::os::unix::fs::PermissionsExt;

    let env = TestEnv::new();
    env.ok(&["answer", ITEM, "nee"]);
    let path = env.assessment("standaard");
    let before = fs::read(&path).unwrap();
    fs::set_permissions(env.data(), fs::Permissions::from_mode(0o555)).unwrap();
    let restore = || fs::set_permissions(env.data(), fs::Permissions::from_mode(0o700)).unwrap();
    // Root (and some containers) ignore permissions; there is nothing to test then.
    if fs::write(env.data().join("probe"), b"").is_ok() {
        restore();
        eprintln!("skipped: permissions are not enforced for this user");
        return;
    }
    let out = env.run(&["answer", ITEM, "ja"]);
    let err = crate::common::stderr(&out);
    let after = fs::read(&path).unwrap();
    let files = env.data_files();
    restore();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.starts_with("pqs: kan niet schrijven in "), "{err}");
    assert!(
        err.contains(
            "Controleer of je in deze map mag schrijven, of kies een andere map met --data-dir."
        ),
        "{err}"
    );
    assert_eq!(after, before);
    assert_eq!(files, [".standaard.lock", "standaard.toml"]);
}

#[test]
fn an_answer_from_the_cli_survives_a_deleted_lock_and_the_tui_saving_after_it() {
    use pqs::assessment::{Saved, Status};
    let env = TestEnv::new();
    env.ok(&["answer", "-a", "klant", ITEM, "deels"]);
    // The TUI (this process) holds the assessment and has read it.
    let store = Store::new(env.data());
    let tui = store.lock("klant").unwrap();
    let mut ours = tui.read().unwrap().unwrap();
    fs::remove_file(env.data().join(".klant.lock")).unwrap();
    // With the lock file gone, `pqs answer` gets a lock of its own and succeeds.
    env.ok(&[
        "answer",
        "-a",
        "klant",
        "privacyverklaring.pv-grondslag",
        "ja",
    ]);
    ours.set_status(
        "verwerkingsregister.vr-naam-contact",
        Some(Status::No),
        None,
        pqs::clock::now(),
    );
    assert!(matches!(tui.save(&ours).unwrap(), Saved::Merged(_)));
    let doc = env.json(&["report", "-a", "klant", "--format", "json"]);
    assert_eq!(
        crate::common::status_of(&doc, "privacyverklaring.pv-grondslag"),
        "yes"
    );
    assert_eq!(
        crate::common::status_of(&doc, "verwerkingsregister.vr-naam-contact"),
        "no"
    );
    assert_eq!(crate::common::status_of(&doc, ITEM), "partly");
    // The TUI has the lock again: the next CLI writer is refused, not racing.
    let err = env.fails(&["answer", "-a", "klant", ITEM, "nee"]);
    assert!(
        err.contains("is al geopend door een ander pqs-proces"),
        "{err}"
    );
}

#[test]
fn a_cut_off_file_is_refused_untouched_until_repair_is_asked_for() {
    let env = TestEnv::new();
    env.ok(&["answer", ITEM, "ja"]);
    env.ok(&[
        "answer",
        "privacyverklaring.pv-grondslag",
        "nee",
        "--note",
        "nog doen",
    ]);
    let path = env.assessment("standaard");
    let full = fs::read_to_string(&path).unwrap();
    // Cut after the first answer in the file (answers are kept in id order), at a line end:
    // valid TOML, but the end mark is gone.
    let second = ITEM.max("privacyverklaring.pv-grondslag");
    let cut = full.find(&format!("[answers.\"{second}\"]")).unwrap();
    fs::write(&path, &full[..cut]).unwrap();
    let before = fs::read(&path).unwrap();
    let lines = full[..cut].trim_end().lines().count();
    for args in [&["report"][..], &["answer", ITEM, "nee"][..]] {
        let err = env.fails(args);
        assert!(
            err.contains(&format!(
                "standaard.toml:{lines}: het bestand lijkt afgebroken"
            )),
            "{err}"
        );
        assert!(err.contains("pqs repair -a NAAM"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), before, "left as it was");
    }
    let out = env.ok(&["repair"]);
    assert!(
        out.contains("is hersteld met wat er te lezen was (1 antwoord)"),
        "{out}"
    );
    let backups: Vec<_> = fs::read_dir(env.data().join("backup")).unwrap().collect();
    assert_eq!(backups.len(), 1);
    let kept = backups[0].as_ref().unwrap().path();
    assert_eq!(fs::read(kept).unwrap(), before, "the cut-off file is kept");
    env.ok(&["answer", ITEM, "nee"]);
    assert_eq!(
        env.ok(&["repair"]),
        "De beoordeling \"standaard\" is compleet; er is niets hersteld.\n"
    );
}

#[test]
fn a_cut_off_export_file_is_refused() {
    let env = TestEnv::new();
    env.ok(&["answer", "-a", "klant", ITEM, "ja"]);
    let bundle = env.work().join("uit.toml");
    env.ok(&["export", "-a", "klant", "-o", bundle.to_str().unwrap()]);
    let text = fs::read_to_string(&bundle).unwrap();
    let cut = text.find("[assessment.answers").unwrap();
    fs::write(&bundle, &text[..cut]).unwrap();
    let to = TestEnv::new();
    let err = to.fails(&["import", bundle.to_str().unwrap()]);
    assert!(err.contains("het exportbestand lijkt afgebroken"), "{err}");
    assert!(to.data_files().is_empty());
}
