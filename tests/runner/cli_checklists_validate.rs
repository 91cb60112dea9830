//! `pqs validate`, `pqs checklists` and the user checklist folder.

use std::fs;

use crate::common::{ITEM, TestEnv, checklist_toml, fixture};

const FIX_HINT: &str =
    "Herstel het bestand (zie checklists/README.md voor het formaat) of haal het uit de map.";

/// Each invalid fixture with its expected `line:column: message`.
pub const INVALID: &[(&str, &str)] = &[
    (
        "syntax-error.toml",
        "3:19: dit is geen geldige TOML (invalid basic string, expected `\"`); \
         controleer aanhalingstekens, = en haken op deze regel",
    ),
    (
        "unknown-field.toml",
        "23:1: onbekend veld `kleur`; toegestaan zijn: `id`, `see`, `section`, `question`, \
         `explanation`, `action`, `reference`, `severity`, `depth`, `scope`, `task`, `follows`, \
         `replaces`, `links`, `applies_if`",
    ),
    (
        "missing-field.toml",
        "17:1: het veld `question` ontbreekt; voeg `question = \"...\"` toe",
    ),
    (
        "duplicate-id.toml",
        "18:6: de id \"eerste-vraag\" komt al eerder voor in dit bestand; \
         elke vraag heeft een eigen id nodig",
    ),
    (
        "bad-id.toml",
        "18:6: ongeldige id \"Tweede_Vraag\": gebruik kleine letters, cijfers en losse \
         streepjes, beginnend met een letter (bijvoorbeeld \"mijn-vraag-2\")",
    ),
    (
        "empty-text.toml",
        "20:15: het veld `explanation` is leeg; schrijf er tekst in",
    ),
    (
        "unknown-severity.toml",
        "23:12: onbekende waarde \"kritiek\" voor `severity`; kies \"high\", \"medium\" of \"low\"",
    ),
    (
        "bad-applies-if.toml",
        "24:15: ongeldige voorwaarde \"Web Shop\" in `applies_if`: schrijf de id van een \
         intakevraag (\"webshop\"), ! en die id (\"!personeel\"), of bij een meerkeuzevraag de id \
         met = en de keuzes (\"omvang=50-249|250-plus\", of != voor \"niet een van\")",
    ),
];

fn checklist_fixture(name: &str) -> String {
    fixture(&format!("checklists/{name}"))
        .to_str()
        .unwrap()
        .to_owned()
}

#[test]
fn validate_accepts_the_valid_fixture() {
    let env = TestEnv::new();
    let path = checklist_fixture("valid.toml");
    assert_eq!(
        env.ok(&["validate", &path]),
        format!("{path}: in orde (2 vragen)\n")
    );
}

#[test]
fn validate_points_at_each_error() {
    let env = TestEnv::new();
    for (name, message) in INVALID {
        let path = checklist_fixture(name);
        let err = env.fails(&["validate", &path]);
        assert_eq!(
            err,
            format!("{path}:{message}\n{FIX_HINT}\npqs: 1 van de bestanden bevat fouten\n"),
            "{name}"
        );
    }
}

#[test]
fn validate_reports_every_file_given() {
    let env = TestEnv::new();
    let valid = checklist_fixture("valid.toml");
    let mut args = vec!["validate".to_owned(), valid.clone()];
    args.extend(INVALID.iter().map(|(name, _)| checklist_fixture(name)));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = env.run(&args);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        crate::common::stdout(&out),
        format!("{valid}: in orde (2 vragen)\n")
    );
    let err = crate::common::stderr(&out);
    let mut expected = String::new();
    for (name, message) in INVALID {
        expected.push_str(&format!(
            "{}:{message}\n{FIX_HINT}\n",
            checklist_fixture(name)
        ));
    }
    expected.push_str(&format!(
        "pqs: {} van de bestanden bevat fouten\n",
        INVALID.len()
    ));
    assert_eq!(err, expected);
}

#[test]
fn validate_names_a_missing_file() {
    let env = TestEnv::new();
    let missing = env.root().join("bestaat-niet.toml");
    let err = env.fails(&["validate", missing.to_str().unwrap()]);
    assert!(
        err.starts_with(&format!("kan {} niet lezen: ", missing.display())),
        "{err}"
    );
    assert!(
        err.ends_with("pqs: 1 van de bestanden bevat fouten\n"),
        "{err}"
    );
}

#[test]
fn validate_needs_a_file() {
    let env = TestEnv::new();
    let out = env.run(&["validate"]);
    assert_eq!(out.status.code(), Some(2), "clap's usage error");
}

#[test]
fn checklists_json_has_global_ids_and_every_field() {
    let env = TestEnv::new();
    let doc = env.json(&["checklists", "--format", "json"]);
    let list = doc["checklists"].as_array().unwrap();
    assert_eq!(doc.as_object().unwrap().len(), 1);
    assert_eq!(list.len(), 8);
    let mut ids = std::collections::HashSet::new();
    for checklist in list {
        let mut keys: Vec<&str> = checklist
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["id", "items", "source", "title", "version"]);
        assert_eq!(checklist["source"], "bundled");
        assert!(checklist["version"].as_u64().unwrap() >= 1);
        let id = checklist["id"].as_str().unwrap();
        for item in checklist["items"].as_array().unwrap() {
            let mut keys: Vec<&str> = item
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            keys.sort_unstable();
            assert_eq!(keys, ["id", "question", "reference", "section", "severity"]);
            let item_id = item["id"].as_str().unwrap();
            let (prefix, local) = item_id.split_once('.').unwrap();
            assert_eq!(prefix, id);
            assert!(!local.is_empty() && !local.contains('.'), "{item_id}");
            assert!(ids.insert(item_id.to_owned()), "duplicate {item_id}");
            assert!(item["section"].is_null() || item["section"].is_string());
            assert!(["high", "medium", "low"].contains(&item["severity"].as_str().unwrap()));
        }
    }
    assert!(ids.contains(ITEM));
    let question = list[0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == ITEM)
        .unwrap()["question"]
        .as_str()
        .unwrap();
    assert!(question.ends_with('?'));
}

#[test]
fn checklists_text_lists_bundled_sources() {
    let env = TestEnv::new();
    let text = env.ok(&["checklists"]);
    assert_eq!(text.lines().count(), 8);
    assert!(
        text.lines()
            .next()
            .unwrap()
            .starts_with("privacyverklaring "),
        "{text}"
    );
    assert!(text.lines().all(|l| l.ends_with("(meegeleverd)")), "{text}");
}

#[test]
fn a_user_checklist_is_added_with_its_path() {
    let env = TestEnv::new();
    let path = env.write_checklist(
        "eigen.toml",
        &checklist_toml("eigen-lijst", "Eigen lijst", 3),
    );
    fs::write(env.checklists().join("LEESMIJ.md"), "geen checklist").unwrap();
    let doc = env.json(&["checklists", "--format", "json"]);
    let list = doc["checklists"].as_array().unwrap();
    assert_eq!(list.len(), 9);
    let own = list.iter().find(|c| c["id"] == "eigen-lijst").unwrap();
    assert_eq!(own["source"], path.to_str().unwrap());
    assert_eq!(own["items"][2]["id"], "eigen-lijst.vraag-3");
    let text = env.ok(&["checklists"]);
    assert!(
        text.contains(&format!(
            "eigen-lijst              3 vragen  Eigen lijst  ({})\n",
            path.display()
        )),
        "{text}"
    );
    // Its items can be answered and are scored.
    env.ok(&["answer", "eigen-lijst.vraag-2", "ja"]);
    let report = env.json(&["report", "--format", "json"]);
    let scored = report["checklists"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "eigen-lijst")
        .unwrap();
    assert_eq!(scored["answered"], 1);
    assert_eq!(scored["score"].as_f64(), Some(33.3));
}

#[test]
fn a_user_checklist_overrides_a_bundled_one() {
    let env = TestEnv::new();
    let bundled = env.json(&["checklists", "--format", "json"]);
    let tips = bundled["checklists"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "webwinkel-tips");
    let first_tip = tips.unwrap()["items"][0]["id"].as_str().unwrap().to_owned();
    env.ok(&["answer", &first_tip, "ja"]);
    let path = env.write_checklist(
        "webwinkel.toml",
        &checklist_toml("webwinkel-tips", "Mijn tips", 2),
    );
    let doc = env.json(&["checklists", "--format", "json"]);
    let list = doc["checklists"].as_array().unwrap();
    assert_eq!(list.len(), 8);
    let tips: Vec<_> = list
        .iter()
        .filter(|c| c["id"] == "webwinkel-tips")
        .collect();
    assert_eq!(tips.len(), 1);
    assert_eq!(tips[0]["title"], "Mijn tips");
    assert_eq!(tips[0]["source"], path.to_str().unwrap());
    assert_eq!(tips[0]["items"].as_array().unwrap().len(), 2);
    // The new items can be answered; the answer to the replaced item is kept as an orphan.
    env.ok(&["answer", "webwinkel-tips.vraag-1", "nee"]);
    let report = env.json(&["report", "--format", "json"]);
    assert_eq!(
        report["orphans"],
        serde_json::json!([{"id": first_tip, "status": "yes", "note": "", "retired": null}])
    );
    let scored = report["checklists"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "webwinkel-tips")
        .unwrap();
    assert_eq!(scored["items"][0]["status"], "no");
    assert_eq!(scored["items"][1]["status"], "unanswered");
}

#[test]
fn a_broken_user_checklist_stops_every_command_that_needs_the_catalog() {
    let env = TestEnv::new();
    env.ok(&["answer", ITEM, "ja"]);
    let before = fs::read(env.assessment("standaard")).unwrap();
    let broken = fs::read_to_string(fixture("checklists/unknown-severity.toml")).unwrap();
    let path = env.write_checklist("kapot.toml", &broken);
    let expected = format!(
        "pqs: {}:23:12: onbekende waarde \"kritiek\" voor `severity`",
        path.display()
    );
    for args in [
        &["checklists"][..],
        &["checklists", "--format", "json"],
        &["report"],
        &["answer", ITEM, "nee"],
    ] {
        let err = env.fails(args);
        assert!(err.starts_with(&expected), "{args:?}:\n{err}");
        assert!(err.ends_with(&format!("{FIX_HINT}\n")), "{args:?}:\n{err}");
    }
    assert_eq!(fs::read(env.assessment("standaard")).unwrap(), before);
}

#[test]
fn validate_rejects_a_flag_the_intake_does_not_define() {
    let env = TestEnv::new();
    let path = checklist_fixture("unknown-flag.toml");
    let err = env.fails(&["validate", &path]);
    assert!(
        err.starts_with(&format!(
            "{path}:24:15: `applies_if`: de voorwaarde noemt \"zwembad\", maar die intakevraag of \
             beslissing bestaat niet; bestaande: website, webshop,"
        )),
        "{err}"
    );
    assert!(
        err.ends_with("pqs: 1 van de bestanden bevat fouten\n"),
        "{err}"
    );
}

#[test]
fn validate_checks_flags_against_an_intake_given_with_the_files() {
    let env = TestEnv::new();
    let intake = checklist_fixture("intake-own/intake.toml");
    let path = checklist_fixture("unknown-flag.toml");
    assert_eq!(
        env.ok(&["validate", &intake, &path]),
        format!("{intake}: in orde (intake, 1 vragen)\n{path}: in orde (2 vragen)\n")
    );
}

#[test]
fn a_broken_intake_is_reported_with_its_position() {
    let env = TestEnv::new();
    let intake = checklist_fixture("intake-broken/intake.toml");
    let err = env.fails(&["validate", &intake]);
    assert!(
        err.starts_with(&format!(
            "{intake}:5:1: het veld `explanation` ontbreekt; voeg `explanation = \"...\"` toe"
        )),
        "{err}"
    );
}

#[test]
fn a_user_checklist_with_an_unknown_flag_stops_the_program_with_its_position() {
    let env = TestEnv::new();
    fs::copy(
        fixture("checklists/unknown-flag.toml"),
        env.checklists().join("eigen.toml"),
    )
    .unwrap();
    let err = env.fails(&["checklists"]);
    assert!(
        err.contains("eigen.toml:24:15: `applies_if`: de voorwaarde noemt \"zwembad\""),
        "{err}"
    );
    // With an own intake that defines the flag, the folder loads.
    fs::copy(
        fixture("checklists/intake-own/intake.toml"),
        env.checklists().join("intake.toml"),
    )
    .unwrap();
    assert!(env.ok(&["checklists"]).contains("testlijst"));
}

#[test]
fn two_user_files_with_one_id_are_an_error_naming_both() {
    let env = TestEnv::new();
    fs::write(
        env.checklists().join("a.toml"),
        checklist_toml("eigen", "Eerste", 1),
    )
    .unwrap();
    fs::write(
        env.checklists().join("b.toml"),
        checklist_toml("eigen", "Tweede", 2),
    )
    .unwrap();
    let err = env.fails(&["checklists"]);
    let b = env.checklists().join("b.toml").display().to_string();
    let a = env.checklists().join("a.toml").display().to_string();
    assert!(
        err.starts_with(&format!(
            "pqs: {b}:1:1: de checklist-id \"eigen\" staat ook in {a}"
        )),
        "{err}"
    );
}
