//! `pqs report` in every format through the real binary: user text escaped per format, `--summary`
//! rules, and `-o`.

use crate::common::{ITEM, TestEnv, item_of};

const NOTE: &str = "<script>alert(1)</script> \"quote\", comma | pipe\nline two";
const ORG: &str = "Bakkerij <b>De Korst</b> & Zn, \"Utrecht\"";

fn env_with_nasty_answer() -> TestEnv {
    let env = TestEnv::new();
    env.ok(&["answer", ITEM, "nee", "--note", NOTE, "--organisation", ORG]);
    env
}

#[test]
fn html_escapes_notes_and_organisation_and_is_self_contained() {
    let env = env_with_nasty_answer();
    for args in [
        &["report", "--format", "html"][..],
        &["report", "--format", "html", "--summary"],
    ] {
        let html = env.ok(args);
        assert!(html.starts_with("<!DOCTYPE html>"), "{args:?}");
        assert!(
            !html.contains("<script"),
            "{args:?}: a script tag got through"
        );
        assert!(
            !html.contains("<b>De Korst</b>"),
            "{args:?}: organisation not escaped"
        );
        assert!(
            html.contains("&lt;b&gt;De Korst&lt;/b&gt; &amp; Zn"),
            "{args:?}"
        );
        // Nothing is loaded from elsewhere; the only addresses are the plan's links to follow.
        assert!(!html.contains("src="), "{args:?}");
        assert_eq!(
            html.matches("href=").count(),
            html.matches("<a href=\"https://").count() + html.matches("<a href=\"#").count(),
            "{args:?}"
        );
    }
    assert!(
        env.ok(&["report", "--format", "html"])
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
    );
}

#[test]
fn markdown_escapes_html_and_pipes() {
    let env = env_with_nasty_answer();
    let md = env.ok(&["report", "--format", "markdown"]);
    assert!(
        !md.contains("<script>") && md.contains("&lt;script&gt;"),
        "{md}"
    );
    assert!(!md.contains("<b>De Korst</b>"));
    assert!(md.starts_with("# "));
    let summary = env.ok(&["report", "--format", "markdown", "--summary"]);
    assert!(summary.contains("Volgende sessie"));
}

#[test]
fn csv_round_trips_the_note_and_has_a_row_per_item() {
    let env = env_with_nasty_answer();
    let out = env.ok(&["report", "--format", "csv"]);
    let body = out.strip_prefix('\u{feff}').expect("BOM first");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(pqs::report::csv::DELIMITER)
        .from_reader(body.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let items = env.json(&["checklists", "--format", "json"])["checklists"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["items"].as_array().unwrap().len())
        .sum::<usize>();
    assert_eq!(rows.len(), items);
    let row = rows.iter().find(|r| &r[1] == ITEM).expect("answered row");
    assert_eq!(&row[6], NOTE);
    assert!(rows.iter().all(|r| r.len() == 19));
}

#[test]
fn summary_is_refused_for_json_and_csv() {
    let env = env_with_nasty_answer();
    for format in ["json", "csv"] {
        let err = env.fails(&["report", "--format", format, "--summary"]);
        assert!(
            err.contains("--summary werkt alleen met"),
            "{format}: {err}"
        );
    }
}

#[test]
fn text_summary_has_bars_actions_and_signatures() {
    let env = env_with_nasty_answer();
    let out = env.ok(&["report", "--summary"]);
    assert!(
        out.starts_with("Privacy Quick Scan: voortgang in het kort\n"),
        "{out}"
    );
    assert!(out.contains("De vijf belangrijkste taken\n1. "), "{out}");
    assert!(out.contains("\n5. ") && !out.contains("\n6. "), "{out}");
    assert!(out.contains("Ondernemer: ") && out.contains("Adviseur: "));
    assert_eq!(
        out.matches('%').count(),
        pqs::checklist::BUNDLED.len() + 1,
        "a score per checklist and the total: {out}"
    );
}

#[test]
fn output_file_is_written_in_the_chosen_format() {
    let env = env_with_nasty_answer();
    let target = env.work().join("rapport.html");
    env.ok(&["report", "--format", "html", "-o", target.to_str().unwrap()]);
    let html = std::fs::read_to_string(&target).unwrap();
    assert!(html.contains("</html>"));
}

/// JSON to stdout is written as it is made, to a file all at once: the same bytes either way (the
/// escaping itself: `json_on_a_terminal_is_the_json_a_pipe_gets`).
#[test]
fn json_to_stdout_is_the_json_written_to_a_file() {
    let env = env_with_nasty_answer();
    let streamed = env.ok(&["report", "--format", "json"]);
    let target = env.work().join("uit.json");
    env.ok(&["report", "--format", "json", "-o", target.to_str().unwrap()]);
    assert_eq!(streamed, std::fs::read_to_string(&target).unwrap());
    let doc: serde_json::Value = serde_json::from_str(&streamed).unwrap();
    assert_eq!(item_of(&doc, ITEM)["note"], NOTE);
    assert!(streamed.ends_with("\n}\n"), "one final line break");
}

#[test]
fn since_compares_with_a_chosen_moment_and_refuses_a_bad_one() {
    let env = env_with_nasty_answer();
    let doc = env.json(&["report", "--format", "json"]);
    assert!(doc["since"].is_null(), "no sessions, no baseline");
    let doc = env.json(&["report", "--format", "json", "--since", "2026-11-01"]);
    assert_eq!(doc["since"]["baseline"], "chosen");
    assert_eq!(doc["since"]["moment"], "2026-11-01T00:00:00Z", "TZ=UTC");
    assert_eq!(doc["since"]["newly_answered"][0]["id"], ITEM);
    assert_eq!(doc["since"]["newly_answered"][0]["after"], "no");
    let text = env.ok(&["report", "--since", "2026-11-01T12:00:00+01:00"]);
    assert!(text.contains("Sinds 1 november 2026 11:00"), "{text}");
    assert!(text.contains("Nieuw beantwoord (1)"));

    let out = env.run(&["report", "--since", "gisteren"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("ongeldige waarde 'gisteren' voor --since"),
        "{err}"
    );
}

/// The totals every format states, read back from each: (answered, total, gaps, high, score).
fn totals_in_every_format(env: &TestEnv, name: &str) -> Vec<(String, [u64; 5])> {
    let mut found = Vec::new();
    let doc = env.json(&["report", "-a", name, "--format", "json"]);
    let t = &doc["totals"];
    let n = |v: &serde_json::Value| v.as_f64().unwrap().round() as u64;
    let truth = [
        n(&t["answered"]),
        n(&t["total"]),
        n(&t["gaps"]),
        n(&t["open_high"]),
        n(&t["score"]),
    ];
    found.push(("json".to_owned(), truth));
    let list = env.json(&["list", "--format", "json"]);
    let row = list["assessments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == name)
        .unwrap();
    found.push((
        "list".to_owned(),
        [
            n(&row["answered"]),
            n(&row["total"]),
            n(&row["gaps"]),
            n(&row["open_high"]),
            n(&row["score"]),
        ],
    ));
    let number_after = |text: &str, before: &str| -> u64 {
        let at = text
            .find(before)
            .unwrap_or_else(|| panic!("no {before:?} in\n{text}"))
            + before.len();
        text[at..]
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap()
    };
    let text = env.ok(&["report", "-a", name]);
    found.push((
        "text".to_owned(),
        [
            number_after(&text, "Voortgang: "),
            number_after(&text, " van "),
            number_after(&text, "beantwoord, "),
            truth[3],
            number_after(&text, "Totaal: score "),
        ],
    ));
    let md = env.ok(&["report", "-a", name, "--format", "markdown"]);
    found.push((
        "markdown".to_owned(),
        [
            number_after(&md, "**Voortgang:** "),
            number_after(&md, &format!("**Voortgang:** {}/", truth[0])),
            number_after(&md, "**Open punten:** "),
            truth[3],
            number_after(&md, "**Score:** "),
        ],
    ));
    let html = env.ok(&["report", "-a", name, "--format", "html"]);
    let card = |label: &str| format!("<span class=\"label\">{label}</span><div class=\"big\">");
    found.push((
        "html".to_owned(),
        [
            number_after(&html, &card("Voortgang")),
            number_after(&html, &format!("{}{}<small>/", card("Voortgang"), truth[0])),
            number_after(&html, &card("Open punten")),
            number_after(&html, "<p class=\"sub\">waarvan "),
            number_after(&html, &card("Score")),
        ],
    ));
    found
}

#[test]
fn every_format_and_the_list_state_the_same_totals() {
    let env = TestEnv::new();
    // Three assessments: nothing but one answer; a bakery's intake with a mix; the full scan.
    env.ok(&["answer", "-a", "een", ITEM, "ja"]);
    for (flag, answer) in [("website", "ja"), ("webshop", "ja"), ("personeel", "nee")] {
        env.ok(&["intake", "-a", "bakker", flag, answer]);
    }
    let ids = crate::common::leaves(&env);
    for (i, id) in ids.iter().flatten().enumerate() {
        let status = ["ja", "nee", "deels", "weet-niet", "nvt"][i % 5];
        env.ok(&["answer", "-a", "bakker", id, status]);
    }
    env.ok(&["details", "-a", "volledig", "--depth", "volledig"]);
    for (i, id) in ids.iter().flatten().enumerate().step_by(3) {
        let status = ["nee", "ja"][i % 2];
        env.ok(&["answer", "-a", "volledig", id, status]);
    }
    for name in ["een", "bakker", "volledig"] {
        let found = totals_in_every_format(&env, name);
        let truth = found[0].1;
        for (format, values) in &found {
            assert_eq!(*values, truth, "{name}: {format} disagrees with json");
        }
    }
}

/// From a megabyte on, the assessment is read while the checklists load (on a thread of its own):
/// the report is the one the same answers give from a small file, parsed and then from its parsed
/// copy; a broken assessment is named as before, and a broken checklist is still the one error
/// named when both are broken.
#[test]
fn a_large_assessment_read_beside_the_checklists_gives_the_same_report_and_errors() {
    let env = env_with_nasty_answer();
    let small = env.ok(&["report", "--format", "json"]);
    let path = env.assessment("standaard");
    let text = std::fs::read_to_string(&path).unwrap();
    let padding = "# opvulling, zodat het bestand groot is\n".repeat(30_000);
    assert!(padding.len() > 1 << 20);
    std::fs::write(&path, format!("{padding}{text}")).unwrap();
    for read in ["parsed", "from the copy"] {
        assert_eq!(env.ok(&["report", "--format", "json"]), small, "{read}");
    }
    std::fs::write(&path, format!("{padding}{text}\n[kapot\n")).unwrap();
    let err = env.fails(&["report"]);
    assert!(err.contains("standaard.toml"), "{err}");
    env.write_checklist("kapot.toml", "id = \n");
    let err = env.fails(&["report"]);
    assert!(
        err.contains("kapot.toml") && !err.contains("standaard.toml"),
        "{err}"
    );
}

/// A small assessment is read after the checklists: when one of them is broken, the report stops
/// there, and the data folder is left as it was (no parsed copy of the assessment made).
#[test]
fn a_broken_checklist_stops_a_report_before_the_assessment_is_read() {
    let env = env_with_nasty_answer();
    let path = env.assessment("standaard");
    let dir = path.parent().unwrap().to_owned();
    let listing = || {
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    for entry in listing() {
        if entry.ends_with(".parsed") {
            std::fs::remove_file(dir.join(entry)).unwrap();
        }
    }
    let before = listing();
    env.write_checklist("kapot.toml", "id = \n");
    let err = env.fails(&["report"]);
    assert!(err.contains("kapot.toml"), "{err}");
    assert_eq!(listing(), before);
    assert!(!before.iter().any(|e| e.ends_with(".parsed")));
}
