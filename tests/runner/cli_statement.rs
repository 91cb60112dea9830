//! `pqs privacyverklaring`: the draft privacy statement from the command line, in both formats, to
//! stdout and to a file, and refused for an assessment that does not exist.

use std::fs;

use crate::common::{TestEnv, stderr};

/// A bakery with a register (orders, a newsletter) and a processor outside the EEA.
fn bakery() -> TestEnv {
    let env = TestEnv::new();
    env.ok(&[
        "details",
        "-a",
        "b",
        "--organisation",
        "Bakkerij De Korst",
        "--contact",
        "Anne de Bakker",
        "--kvk",
        "12345678",
    ]);
    for (q, a) in [
        ("website", "ja"),
        ("webshop", "ja"),
        ("nieuwsbrief", "ja"),
        ("verwerkers", "ja"),
        ("buiten-eer", "ja"),
        ("automatische-besluiten", "nee"),
    ] {
        env.ok(&["intake", "-a", "b", q, a]);
    }
    for activity in ["bestellingen", "nieuwsbrief"] {
        env.ok(&["register", "-a", "b", "add", "--from", activity]);
    }
    env.ok(&[
        "verwerkers",
        "-a",
        "b",
        "add",
        "--from",
        "mailprogramma",
        "--location",
        "buiten-eer",
        "--safeguard",
        "EU-US Data Privacy Framework",
    ]);
    env
}

#[test]
fn the_statement_is_markdown_by_default_and_html_on_request() {
    let env = bakery();
    let before = fs::read(env.assessment("b")).unwrap();
    let md = env.ok(&["privacyverklaring", "-a", "b"]);
    assert!(
        md.starts_with("# Privacyverklaring van Bakkerij De Korst\n\n> Concept."),
        "{md}"
    );
    assert!(md.contains("geen juridisch advies"), "{md}");
    for text in [
        "- **Grondslag:** je toestemming",
        "- **Mailprogramma voor de nieuwsbrief:** EU-US Data Privacy Framework",
        "- Contactpersoon voor privacyvragen: Anne de Bakker",
        "## Toestemming intrekken",
        "Autoriteit Persoonsgegevens",
        "We nemen geen besluiten over je",
        // Transfers were left empty in the register: a placeholder per activity.
        "**\\[VUL IN: gaan gegevens van Bestellingen afhandelen naar een land buiten de EER?",
    ] {
        assert!(md.contains(text), "{text}\n{md}");
    }
    let html = env.ok(&["privacyverklaring", "-a", "b", "--format", "html"]);
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"),
        "{html}"
    );
    assert!(html.contains("<title>Privacyverklaring van Bakkerij De Korst</title>"));
    assert!(html.contains("<section id=\"rechten\" data-covers=\"13.2.b\">"));
    assert!(html.contains("<mark class=\"fill\">[VUL IN: vestigingsadres]</mark>"));
    assert_eq!(
        fs::read(env.assessment("b")).unwrap(),
        before,
        "writing the statement changes nothing"
    );
}

#[test]
fn the_statement_is_written_to_a_file_with_o() {
    let env = bakery();
    let target = env.work().join("privacyverklaring.html");
    let out = env.ok(&[
        "privacyverklaring",
        "-a",
        "b",
        "--format",
        "html",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out, "", "nothing on stdout");
    let written = fs::read_to_string(&target).unwrap();
    assert_eq!(
        written,
        env.ok(&["privacyverklaring", "-a", "b", "--format", "html"])
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "private like the answers");
    }
    // Markdown to a relative path; the assessment's own file is refused.
    env.ok(&["privacyverklaring", "-a", "b", "-o", "verklaring.md"]);
    let md = fs::read_to_string(env.work().join("verklaring.md")).unwrap();
    assert!(md.starts_with("# Privacyverklaring van Bakkerij De Korst\n"));
    let own = env.assessment("b");
    let before = fs::read(&own).unwrap();
    let err = env.fails(&["privacyverklaring", "-a", "b", "-o", own.to_str().unwrap()]);
    assert!(err.starts_with("pqs: "), "{err}");
    assert_eq!(fs::read(&own).unwrap(), before, "the answers are untouched");
}

#[test]
fn an_unknown_assessment_or_format_is_refused() {
    let env = bakery();
    let err = env.fails(&["privacyverklaring", "-a", "klant"]);
    assert!(
        err.starts_with("pqs: er is geen beoordeling \"klant\""),
        "{err}"
    );
    assert!(err.contains("b"), "lists the ones there are: {err}");
    assert!(!env.assessment("klant").exists(), "nothing created");
    let out = env.run(&["privacyverklaring", "-a", "b", "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}
