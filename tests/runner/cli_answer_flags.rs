//! Options of `pqs answer` and `pqs report`: status words, `-a`, `-o`, and hostile notes.

use std::fs;

use crate::common::{ITEM, TestEnv, status_of};

#[test]
fn dutch_and_english_status_words_are_stored_in_english() {
    let env = TestEnv::new();
    let cases = [
        ("ja", "yes"),
        ("yes", "yes"),
        ("deels", "partly"),
        ("partly", "partly"),
        ("nee", "no"),
        ("no", "no"),
        ("weet-niet", "unknown"),
        ("unknown", "unknown"),
        ("nvt", "not_applicable"),
        ("not_applicable", "not_applicable"),
        ("NVT", "not_applicable"),
    ];
    for (word, stored) in cases {
        env.ok(&["answer", ITEM, word]);
        let text = fs::read_to_string(env.assessment("standaard")).unwrap();
        let table: toml::Table = text.parse().unwrap();
        assert_eq!(
            table["answers"][ITEM]["status"].as_str(),
            Some(stored),
            "{word}"
        );
        let doc = env.json(&["report", "--format", "json"]);
        assert_eq!(status_of(&doc, ITEM), stored, "{word}");
    }
}

#[test]
fn assessment_flag_selects_the_file() {
    let env = TestEnv::new();
    env.ok(&["answer", "-a", "klant-x", ITEM, "nee"]);
    assert!(env.assessment("klant-x").is_file());
    assert!(!env.assessment("standaard").exists());
    let doc = env.json(&["report", "-a", "klant-x", "--format", "json"]);
    assert_eq!(doc["assessment"], "klant-x");
    assert_eq!(status_of(&doc, ITEM), "no");
    let text = env.ok(&["--assessment", "klant-x", "report"]);
    assert!(text.contains("Beoordeling: klant-x "), "{text}");
    assert!(text.contains(&format!("] {ITEM} (nee)\n")), "{text}");
}

#[test]
fn output_flag_writes_the_report_to_a_file() {
    let env = TestEnv::new();
    env.ok(&["answer", ITEM, "deels"]);
    let on_screen = env.ok(&["report"]);
    let json_on_screen = env.ok(&["report", "--format", "json"]);

    let absolute = env.root().join("uit/rapport.txt");
    assert_eq!(env.ok(&["report", "-o", absolute.to_str().unwrap()]), "");
    assert_eq!(fs::read_to_string(&absolute).unwrap(), on_screen);

    let json = env.root().join("rapport.json");
    let args = [
        "report",
        "--format",
        "json",
        "--output",
        json.to_str().unwrap(),
    ];
    assert_eq!(env.ok(&args), "");
    assert_eq!(fs::read_to_string(&json).unwrap(), json_on_screen);

    // A bare file name lands in the working directory.
    assert_eq!(env.ok(&["report", "-o", "rapport.txt"]), "");
    assert_eq!(
        fs::read_to_string(env.work().join("rapport.txt")).unwrap(),
        on_screen
    );
    let leftovers: Vec<_> = fs::read_dir(env.work())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["rapport.txt"], "no temporary files are left");
}

#[test]
fn notes_cannot_send_terminal_codes() {
    let env = TestEnv::new();
    let hostile = "rood\u{1b}[31m\u{7}klaar\u{1b}]0;titel\u{7}";
    env.ok(&[
        "answer",
        ITEM,
        "nee",
        "--note",
        hostile,
        "--organisation",
        "Bol\u{1b}[2J",
    ]);
    let report = env.ok(&["report"]);
    assert!(
        !report.contains('\u{1b}') && !report.contains('\u{7}'),
        "{report:?}"
    );
    assert!(report.contains("Organisatie: Bol[2J\n"), "{report}");
    assert!(
        report.contains("Opmerking: rood\u{fffd}[31m\u{fffd}klaar\u{fffd}]0;titel\u{fffd}\n"),
        "{report}"
    );
    // JSON keeps the text as it is, escaped.
    let raw = env.ok(&["report", "--format", "json"]);
    assert!(
        raw.contains(r#""note": "rood\u001b[31m\u0007klaar\u001b]0;titel\u0007""#),
        "{raw}"
    );
}
