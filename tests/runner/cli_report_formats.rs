//! `pqs report` in every format through the real binary: user text escaped per format, `--summary`
//! rules, and `-o`.

use crate::common::{ITEM, TestEnv};

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
        assert!(
            !html.contains("src=\"http") && !html.contains("href=\"http"),
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
    let mut reader = csv::Reader::from_reader(body.as_bytes());
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
    assert!(rows.iter().all(|r| r.len() == 16));
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
    assert!(out.contains("De vijf belangrijkste acties"));
    assert!(out.contains("Ondernemer: ") && out.contains("Adviseur: "));
    assert_eq!(
        out.matches('%').count(),
        8 + 1,
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
