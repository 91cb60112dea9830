//! `pqs list`: every assessment, newest edit first; a corrupt file is shown, not hidden.

use std::fs;

use crate::common::{ITEM, TestEnv, stderr, stdout};

fn assessment(organisation: &str, updated: &str) -> String {
    format!(
        "format = 2\norganisation = \"{organisation}\"\ncreated = \"2026-01-01T08:00:00Z\"\n\
         updated = \"{updated}\"\n"
    )
}

#[test]
fn no_assessments_yet_says_how_to_begin() {
    let env = TestEnv::new();
    assert_eq!(
        env.ok(&["list"]),
        format!(
            "Nog geen beoordelingen in {}. Begin met: pqs -a NAAM\n",
            env.data().display()
        )
    );
    assert_eq!(
        env.json(&["list", "--format", "json"]),
        serde_json::json!({"assessments": []})
    );
    assert!(!env.data().exists(), "listing creates nothing");
}

#[test]
fn table_is_aligned_newest_first_with_the_scan_totals() {
    let env = TestEnv::new();
    env.write_assessment("oud", assessment("Oud & Co", "2026-03-01T09:30:00Z"));
    env.write_assessment("leeg", assessment("", "2026-05-01T12:00:00Z"));
    env.ok(&[
        "answer",
        "-a",
        "bakker",
        ITEM,
        "ja",
        "--organisation",
        "Bakkerij Ü",
    ]);
    env.ok(&["intake", "-a", "bakker", "webshop", "nee"]);
    let report = env.json(&["report", "-a", "bakker", "--format", "json"]);
    let gaps = report["totals"]["gaps"].as_u64().unwrap();
    let listed = env.json(&["list", "--format", "json"]);
    let bakker = &listed["assessments"][0];
    assert_eq!(bakker["name"], "bakker");
    assert_eq!(bakker["answered"], 1);
    assert_eq!(bakker["gaps"], gaps);
    assert_eq!(bakker["score"], report["totals"]["score"]);
    let total = bakker["total"].as_u64().unwrap();
    let high = bakker["open_high"].as_u64().unwrap();
    assert!(high > 0 && high < gaps, "{bakker}");
    assert_eq!(bakker["updated"], crate::common::NOW);
    assert_eq!(bakker["sessions"], 0);
    let names: Vec<&str> = listed["assessments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["bakker", "leeg", "oud"]);
    let full = listed["assessments"][2]["total"].as_u64().unwrap();
    assert!(
        total < full,
        "webshop nee leaves the webwinkel tips out: {total} vs {full}"
    );

    let pct = |v: &serde_json::Value| v.as_f64().unwrap().round() as u64;
    let oud_high = listed["assessments"][2]["open_high"].as_u64().unwrap();
    let expected = format!(
        "Naam    Organisatie  Voortgang  Score  Open hoog  Laatst bewerkt\n\
         bakker  Bakkerij Ü   {:>9}  {:>5}  {:>9}  2026-11-23 10:00\n\
         leeg    –            {:>9}  {:>5}  {:>9}  2026-05-01 12:00\n\
         oud     Oud & Co     {:>9}  {:>5}  {:>9}  2026-03-01 09:30\n",
        format!("1/{total}"),
        format!("{}%", pct(&bakker["score"])),
        high,
        format!("0/{full}"),
        "0%",
        oud_high,
        format!("0/{full}"),
        "0%",
        oud_high,
    );
    assert_eq!(env.ok(&["list"]), expected);
}

#[test]
fn a_corrupt_file_is_a_row_with_its_error_and_exit_code_1() {
    let env = TestEnv::new();
    env.write_assessment("goed", assessment("Goed BV", "2026-03-01T09:30:00Z"));
    let broken = env.write_assessment("kapot", "format = 2\nanswers = [\n");
    let before = fs::read(&broken).unwrap();
    let out = env.run(&["list"]);
    assert_eq!(out.status.code(), Some(1));
    let error = format!(
        "{}:2:12: het bestand is beschadigd: unclosed array, expected `]`",
        broken.display()
    );
    let table = stdout(&out);
    assert!(
        table.starts_with("Naam   Organisatie  Voortgang"),
        "{table}"
    );
    assert!(table.contains("\ngoed   Goed BV          0/"), "{table}");
    assert!(
        table.ends_with(&format!("\nkapot  onleesbaar: {error}\n")),
        "{table}"
    );
    assert_eq!(
        stderr(&out),
        format!(
            "pqs: 1 beoordeling kon niet gelezen worden:\n{error}\nHet bestand is niet aangepast. \
             Herstel het met een teksteditor of zet een reservekopie terug.\n"
        )
    );
    assert_eq!(fs::read(&broken).unwrap(), before);

    let out = env.run(&["list", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["assessments"][0]["name"], "goed");
    assert_eq!(doc["assessments"][1]["name"], "kapot");
    assert!(
        doc["assessments"][1]["error"]
            .as_str()
            .unwrap()
            .starts_with(&error),
        "{doc}"
    );
}

#[test]
fn trash_and_backup_folders_are_not_listed() {
    let env = TestEnv::new();
    env.write_assessment("echt", assessment("Echt", "2026-03-01T09:30:00Z"));
    for sub in ["trash", "backup"] {
        fs::create_dir_all(env.data().join(sub)).unwrap();
        fs::write(
            env.data().join(sub).join("echt-20260101-000000.toml"),
            assessment("Oud", "2025-01-01T00:00:00Z"),
        )
        .unwrap();
    }
    let listed = env.json(&["list", "--format", "json"]);
    assert_eq!(
        listed["assessments"].as_array().unwrap().len(),
        1,
        "{listed}"
    );
}

#[test]
fn without_a_name_every_command_takes_the_only_assessment() {
    let env = TestEnv::new();
    env.ok(&["answer", "-a", "bakkerij", ITEM, "ja"]);
    let doc = env.json(&["report", "--format", "json"]);
    assert_eq!(doc["assessment"], "bakkerij");
    env.ok(&["answer", ITEM, "nee"]);
    let doc = env.json(&["report", "-a", "bakkerij", "--format", "json"]);
    assert_eq!(
        crate::common::status_of(&doc, ITEM),
        "no",
        "written to the only one"
    );
    assert!(!env.assessment("standaard").exists());
    assert!(env.ok(&["details"]).contains("bakkerij"));
    // With two, the default name is meant: it does not exist, and the message lists both.
    env.ok(&["answer", "-a", "kapper", ITEM, "ja"]);
    let err = env.fails(&["report"]);
    assert!(err.contains("bakkerij") && err.contains("kapper"), "{err}");
}
