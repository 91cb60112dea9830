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
    (
        "bad-depth.toml",
        "23:9: onbekende waarde \"diep\" voor `depth`; kies \"basis\" of \"verdieping\"",
    ),
    (
        "bad-scope.toml",
        "23:9: onbekende waarde \"fiscaal\" voor `scope`; kies \"avg\", \"consumentenrecht\" of \
         \"goede-praktijk\"",
    ),
    (
        "follows-self.toml",
        "23:11: een vraag kan niet op zichzelf volgen",
    ),
    (
        "see-with-fields.toml",
        "16:1: een blok met `see` verwijst naar een vraag van een andere checklist en heeft verder \
         geen velden; haal de andere velden weg of maak er een eigen vraag van",
    ),
    (
        "see-own-checklist.toml",
        "17:7: `see` moet de globale id van een vraag in een andere checklist zijn, zoals \
         \"datalekken.dl-register\" (niet \"testlijst.eerste-vraag\")",
    ),
    (
        "retired-still-there.toml",
        "16:1: \"eerste-vraag\" staat bij `retired` maar is nog een vraag in deze checklist",
    ),
];

/// Fixtures that parse but do not fit the content in use, with the expected `line:column: message`:
/// `pqs validate` reports them, and in the checklist folder they stop the program.
pub const INVALID_TOGETHER: &[(&str, &str)] = &[
    (
        "follows-unknown.toml",
        "17:6: `follows` noemt \"testlijst.bestaat-niet\", maar die vraag bestaat niet",
    ),
    (
        "follows-looser.toml",
        "18:6: de vraag volgt op \"testlijst.eerste-vraag\", maar geldt ook waar die niet geldt: \
         zet \"webshop\" ook in de `applies_if` van deze vraag, of haal `follows` weg",
    ),
    (
        "follows-deeper-parent.toml",
        "18:6: de vraag staat in de snelle scan (depth = \"basis\") maar volgt op \
         \"testlijst.eerste-vraag\", die alleen in de volledige scan staat",
    ),
    (
        "follows-before-parent.toml",
        "9:6: de vraag volgt op \"testlijst.tweede-vraag\", maar die komt pas later aan bod; zet \
         deze vraag in het bestand onder die vraag",
    ),
    (
        "see-missing.toml",
        "17:7: `see` noemt \"datalekken.bestaat-niet\", maar die vraag bestaat niet",
    ),
    (
        "unknown-task.toml",
        "9:6: de taak \"geen-taak\" staat niet in tasks.toml",
    ),
    (
        "replaces-existing.toml",
        "17:6: `replaces` noemt \"testlijst.eerste-vraag\", maar die vraag bestaat nog; vervang \
         alleen vragen die weg zijn",
    ),
    (
        "replaces-twice.toml",
        "18:6: \"testlijst.oud\" wordt ook vervangen door \"testlijst.eerste-vraag\"; een oude \
         vraag kan maar één opvolger hebben",
    ),
    (
        "replaces-retired.toml",
        "9:6: \"testlijst.oud\" staat ook bij `retired`; kies: vervangen of met reden weggehaald",
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

/// A user checklist that loads is kept parsed in the data folder (`.checklists-parsed`), so the
/// next command need not parse its TOML again; what each command shows stays the same, and an
/// edit, also one that breaks the file, is seen at once.
#[test]
fn a_parsed_copy_of_a_user_checklist_changes_nothing_that_is_shown() {
    let env = TestEnv::new();
    let path = env.write_checklist("eigen.toml", &checklist_toml("eigen", "Eigen lijst", 3));
    let path = path.to_str().unwrap().to_owned();
    let copies = env.data().join(".checklists-parsed");
    env.ok(&["validate", &path]);
    assert!(
        !copies.exists(),
        "no data folder yet: none is made for a copy"
    );
    fs::create_dir(env.data()).unwrap();
    let shown = || {
        [
            env.ok(&["validate", &path]),
            env.ok(&["checklists", "--format", "json"]),
        ]
    };
    let parsed = shown();
    assert_eq!(fs::read_dir(&copies).unwrap().count(), 1);
    assert_eq!(shown(), parsed, "from the copy");
    assert!(parsed[1].contains("Eigen lijst"), "{}", parsed[1]);
    fs::write(&path, checklist_toml("eigen", "Andere titel", 3)).unwrap();
    assert!(
        env.ok(&["checklists", "--format", "json"])
            .contains("Andere titel")
    );
    assert_eq!(
        fs::read_dir(&copies).unwrap().count(),
        1,
        "replaced, not added"
    );
    fs::write(&path, "id = \"eigen\"\ntitle = 3\n").unwrap();
    let err = env.fails(&["validate", &path]);
    assert!(err.contains(&format!("{path}:2:9:")), "{err}");
}

/// A copy that cannot be written (here the copies' folder is a file) only makes the next read
/// slower: every command still works, says nothing of it, and reads the checklist itself.
#[test]
fn a_parsed_copy_that_cannot_be_written_changes_nothing() {
    let env = TestEnv::new();
    let path = env.write_checklist("eigen.toml", &checklist_toml("eigen", "Eigen lijst", 3));
    let path = path.to_str().unwrap().to_owned();
    fs::create_dir(env.data()).unwrap();
    let blocked = env.data().join(".checklists-parsed");
    fs::write(&blocked, "geen map").unwrap();
    for _ in 0..2 {
        assert_eq!(
            env.ok(&["validate", &path]),
            format!("{path}: in orde (3 vragen)\n")
        );
        assert!(
            env.ok(&["checklists", "--format", "json"])
                .contains("Eigen lijst")
        );
    }
    assert_eq!(fs::read_to_string(&blocked).unwrap(), "geen map");
}

/// The same for an assessment: a folder in the place of its copy is passed over and left alone,
/// and no answer is lost.
#[test]
fn an_assessment_whose_copy_cannot_be_read_or_written_keeps_every_answer() {
    let env = TestEnv::new();
    fs::create_dir_all(env.data().join(".standaard.parsed")).unwrap();
    env.ok(&["answer", ITEM, "ja"]);
    env.ok(&["answer", ITEM, "nee"]);
    let report = env.ok(&["report", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&report).unwrap();
    assert_eq!(crate::common::status_of(&json, ITEM), "no");
    assert!(env.data().join(".standaard.parsed").is_dir());
}

/// `pqs validate` on each fixture alone names its one error with its position.
fn each_is_refused_alone(fixtures: &[(&str, &str)]) {
    let env = TestEnv::new();
    for (name, message) in fixtures {
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
fn validate_points_at_each_error() {
    each_is_refused_alone(INVALID);
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
        "pqs: {} van de bestanden bevatten fouten\n",
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
    assert_eq!(list.len(), pqs::checklist::BUNDLED.len());
    let mut ids = std::collections::HashSet::new();
    for checklist in list {
        let mut keys: Vec<&str> = checklist
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "applies_if",
                "id",
                "items",
                "see",
                "source",
                "title",
                "version"
            ]
        );
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
            assert_eq!(
                keys,
                [
                    "applies_if",
                    "depth",
                    "follows",
                    "id",
                    "question",
                    "reference",
                    "scope",
                    "section",
                    "severity",
                    "task"
                ]
            );
            assert!(["basis", "verdieping"].contains(&item["depth"].as_str().unwrap()));
            assert!(
                ["avg", "consumentenrecht", "goede-praktijk"]
                    .contains(&item["scope"].as_str().unwrap())
            );
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
    assert_eq!(text.lines().count(), pqs::checklist::BUNDLED.len());
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
    assert_eq!(list.len(), pqs::checklist::BUNDLED.len() + 1);
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
    assert_eq!(list.len(), pqs::checklist::BUNDLED.len());
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
        // The interface, before it takes over the screen.
        &["-a", "standaard"],
    ] {
        let err = env.fails(args);
        assert!(err.starts_with(&expected), "{args:?}:\n{err}");
        assert!(err.ends_with(&format!("{FIX_HINT}\n")), "{args:?}:\n{err}");
    }
    assert_eq!(fs::read(env.assessment("standaard")).unwrap(), before);
}

#[test]
fn the_interface_names_a_broken_checklist_before_a_corrupt_assessment() {
    // The catalog's error comes first, and nothing is changed.
    let env = TestEnv::new();
    let corrupt = fs::read(fixture("assessments/review-months.toml")).unwrap();
    let assessment = env.write_assessment("standaard", &corrupt);
    let broken = fs::read_to_string(fixture("checklists/unknown-severity.toml")).unwrap();
    let path = env.write_checklist("kapot.toml", &broken);
    let err = env.fails(&["-a", "standaard"]);
    assert!(
        err.starts_with(&format!("pqs: {}:23:12: ", path.display())),
        "{err}"
    );
    assert!(!err.contains(&assessment.display().to_string()), "{err}");
    assert_eq!(fs::read(&assessment).unwrap(), corrupt);
}

#[test]
fn validate_rejects_a_flag_the_intake_does_not_define() {
    let env = TestEnv::new();
    let path = checklist_fixture("unknown-flag.toml");
    let err = env.fails(&["validate", &path]);
    assert!(
        err.starts_with(&format!(
            "{path}:24:15: `applies_if`: de voorwaarde noemt \"zwembad\", maar die intakevraag of \
             beslissing bestaat niet; bestaande: omvang, klanten,"
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
        format!("{intake}: in orde (intake, 1 vraag)\n{path}: in orde (2 vragen)\n")
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

#[test]
fn validate_checks_each_file_against_the_content_in_use() {
    each_is_refused_alone(INVALID_TOGETHER);
}

#[test]
fn the_same_files_in_the_checklist_folder_stop_the_program_with_their_position() {
    for (name, message) in INVALID_TOGETHER {
        let env = TestEnv::new();
        let path = env.checklists().join(name);
        fs::copy(fixture(&format!("checklists/{name}")), &path).unwrap();
        let err = env.fails(&["checklists"]);
        assert!(
            err.contains(&format!("{}:{message}\n", path.display())),
            "{name}:\n{err}"
        );
    }
}

#[test]
fn a_circle_of_follow_ups_is_named_at_each_question_in_it() {
    let env = TestEnv::new();
    let path = checklist_fixture("follows-cycle.toml");
    let err = env.fails(&["validate", &path]);
    assert_eq!(
        err,
        format!(
            "{path}:9:6: `follows` maakt een kring: \"testlijst.eerste-vraag\" volgt (via \
             \"testlijst.tweede-vraag\") uiteindelijk op zichzelf\n\
             {path}:18:6: `follows` maakt een kring: \"testlijst.tweede-vraag\" volgt (via \
             \"testlijst.eerste-vraag\") uiteindelijk op zichzelf\n\
             {FIX_HINT}\npqs: 1 van de bestanden bevat fouten\n"
        )
    );
}

#[test]
fn two_versions_of_one_checklist_are_each_checked() {
    // Both have the id "testlijst": neither hides the other's error.
    let env = TestEnv::new();
    let looser = checklist_fixture("follows-looser.toml");
    let valid = checklist_fixture("valid.toml");
    let task = checklist_fixture("unknown-task.toml");
    let out = env.run(&["validate", &looser, &valid, &task]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        crate::common::stdout(&out),
        format!("{valid}: in orde (2 vragen)\n")
    );
    let err = crate::common::stderr(&out);
    assert!(err.contains(&format!("{looser}:18:6: ")), "{err}");
    assert!(err.contains(&format!("{task}:9:6: ")), "{err}");
    assert!(
        err.ends_with("pqs: 2 van de bestanden bevatten fouten\n"),
        "{err}"
    );
}

#[test]
fn a_follow_up_may_name_a_question_in_a_file_given_with_it_or_in_the_folder() {
    let env = TestEnv::new();
    let parent = "id = \"ouders\"\ntitle = \"Ouders\"\nversion = 1\nreviewed = 2026-11-23\n\n\
                  [[items]]\nid = \"basis\"\nquestion = \"Is er een basis?\"\n\
                  explanation = \"Uitleg.\"\naction = \"Doe het.\"\nreference = \"art. 5 AVG\"\n\
                  severity = \"high\"\n";
    let child = parent
        .replace("\"ouders\"", "\"vervolg\"")
        .replace("\"Ouders\"", "\"Vervolg\"")
        .replace(
            "severity = \"high\"\n",
            "severity = \"low\"\nfollows = \"ouders.basis\"\n",
        );
    let child_path = env.root().join("vervolg.toml");
    let parent_path = env.root().join("ouders.toml");
    fs::write(&child_path, &child).unwrap();
    fs::write(&parent_path, parent).unwrap();
    let child_arg = child_path.to_str().unwrap();
    // Alone, the parent is unknown.
    let err = env.fails(&["validate", child_arg]);
    assert!(
        err.contains("`follows` noemt \"ouders.basis\", maar die vraag bestaat niet"),
        "{err}"
    );
    // Given with it, fine.
    let both = env.ok(&["validate", child_arg, parent_path.to_str().unwrap()]);
    assert!(
        both.starts_with(&format!("{child_arg}: in orde (1 vraag)\n")),
        "{both}"
    );
    // A checklist shown before the parent's would ask the follow-up first: refused, with the fix.
    let early = env.root().join("eerder.toml");
    fs::write(&early, child.replace("\"vervolg\"", "\"eerder\"")).unwrap();
    let out = env.run(&[
        "validate",
        early.to_str().unwrap(),
        parent_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = crate::common::stderr(&out);
    assert!(
        err.contains("maar die komt pas later aan bod; zet `see = \"ouders.basis\"` in een blok"),
        "{err}"
    );
    // Listed there with `see` above the follow-up, the parent is met first: fine. Below it, not.
    let listed = |at_end: bool| {
        let own = child.replace("\"vervolg\"", "\"eerder\"");
        let see = "[[items]]\nsee = \"ouders.basis\"\n";
        let text = if at_end {
            format!("{own}\n{see}")
        } else {
            own.replacen("[[items]]\n", &format!("{see}\n[[items]]\n"), 1)
        };
        fs::write(&early, text).unwrap();
        env.run(&[
            "validate",
            early.to_str().unwrap(),
            parent_path.to_str().unwrap(),
        ])
    };
    assert_eq!(listed(false).status.code(), Some(0));
    let below = listed(true);
    assert_eq!(below.status.code(), Some(1));
    assert!(crate::common::stderr(&below).contains("komt pas later aan bod"));
    // In the checklist folder, fine too.
    fs::copy(&parent_path, env.checklists().join("ouders.toml")).unwrap();
    assert_eq!(
        env.ok(&["validate", child_arg]),
        format!("{child_arg}: in orde (1 vraag)\n")
    );
}

#[test]
fn an_intake_that_breaks_checklists_in_use_says_where() {
    let env = TestEnv::new();
    let intake = env.root().join("intake.toml");
    fs::write(
        &intake,
        "version = 1\nreviewed = 2026-11-23\n\n[[questions]]\nid = \"webshop\"\n\
         question = \"Hoe verkoop je online?\"\nexplanation = \"Nu een meerkeuzevraag.\"\n\
         choices = [{ id = \"geen\", label = \"Niet\" }, { id = \"eigen\", label = \"Eigen winkel\" }]\n",
    )
    .unwrap();
    let path = intake.to_str().unwrap();
    let err = env.fails(&["validate", path]);
    assert!(
        err.starts_with(&format!("{path}:1:1: met dit bestand klopt")),
        "{err}"
    );
    assert!(
        err.contains(".toml:") && err.contains("\"webshop\" is een meerkeuzevraag"),
        "{err}"
    );
}

#[test]
fn validate_reports_each_error_of_a_multiple_choice_intake() {
    let env = TestEnv::new();
    for (dir, expected) in [
        (
            "intake-choices-broken",
            &[
                "9:11: een meerkeuzevraag heeft ten minste twee `choices` nodig; laat `choices` \
                 weg voor een ja/nee-vraag",
                "17:12: de keuze \"winkel\" komt twee keer voor",
                "18:12: ongeldige keuze-id \"Groot Bedrijf\": gebruik kleine letters, cijfers en \
                 losse streepjes, zoals \"2-9\" of \"consumenten\"",
                "25:16: `applies_if` noemt \"later\", maar een intakevraag kan alleen afhangen van \
                 een vraag die eerder in dit bestand staat",
                "33:6: de id \"maat\" is al de id van een intakevraag of beslissing in dit bestand",
                "38:10: ongeldige `answer` \"Ja!\": gebruik kleine letters, cijfers en losse \
                 streepjes, zoals \"ja\" of \"misschien\"",
                "42:1: een beslissing heeft ten minste één `[[decisions.outcomes]]`-blok nodig",
            ][..],
        ),
        (
            "intake-conditions-broken",
            &[
                "20:16: \"zwembad\" is een ja/nee-vraag: schrijf \"zwembad\" of \"!zwembad\", \
                 zonder keuzes",
                "26:16: \"omvang\" heeft geen keuze reus; mogelijk zijn: 1, 2-9",
                "32:16: \"omvang\" is een meerkeuzevraag: noem de keuzes, bijvoorbeeld \"omvang=...\"",
                "43:10: de voorwaarde noemt \"bestaat-niet\", maar die intakevraag of beslissing \
                 bestaat niet; bestaande: zwembad, omvang, keuze-bij-ja-nee, onbekende-keuze, \
                 zonder-keuze, besluit",
            ][..],
        ),
    ] {
        let path = checklist_fixture(&format!("{dir}/intake.toml"));
        let err = env.fails(&["validate", &path]);
        let mut want: String = expected.iter().map(|m| format!("{path}:{m}\n")).collect();
        want.push_str(&format!(
            "{FIX_HINT}\npqs: 1 van de bestanden bevat fouten\n"
        ));
        assert_eq!(err, want, "{dir}");
    }
}

#[test]
fn validate_reads_the_task_list_and_glossary_as_what_they_are() {
    let env = TestEnv::new();
    let tasks = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("checklists/tasks.toml");
    let glossary =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("checklists/glossary.toml");
    let out = env.ok(&[
        "validate",
        tasks.to_str().unwrap(),
        glossary.to_str().unwrap(),
    ]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].contains(": in orde (taken, "), "{out}");
    assert!(lines[1].contains(": in orde (begrippenlijst, "), "{out}");
}

#[test]
fn a_task_raised_by_an_intake_question_that_does_not_exist_is_refused_with_its_place() {
    let env = TestEnv::new();
    let bundled = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("checklists/tasks.toml"),
    )
    .unwrap();
    let first = bundled
        .find("priority_if = [")
        .expect("a bundled task with priority_if");
    let broken = format!(
        "{}priority_if = [\"zwembad\"]\n#{}",
        &bundled[..first],
        &bundled[first..]
    );
    let line = bundled[..first].lines().count() + 1;
    let path = env.write_checklist("tasks.toml", &broken);
    let err = env.fails(&["validate", path.to_str().unwrap()]);
    let place = format!("{}:{line}:17: `priority_if` van taak ", path.display());
    assert!(err.contains(&place), "{err}");
    assert!(err.contains("\"zwembad\""), "{err}");
    // The bundled list, with its real conditions, is in order.
    let ok = env.ok(&[
        "validate",
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("checklists/tasks.toml")
            .to_str()
            .unwrap(),
    ]);
    assert!(ok.contains(": in orde (taken, "), "{ok}");
}
